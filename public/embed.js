/*! Session Lab embed helper. Include once: <script src="https://SITE/embed.js" defer></script>
 * - turns <div data-session-lab="counter"></div> and <a data-session-lab href="https://SITE/embed/counter/">
 *   into embeds (data-theme, data-lang, data-editor, data-readonly, data-height, data-open, data-hide,
 *   data-title, data-frame-height);
 * - resizes every Session Lab iframe on the page as its content grows and shrinks;
 * - fires a "session-lab" DOM event on the iframe for each message (event.detail);
 * - SessionLab.send(iframe, { type: 'reset' | 'set-code' | 'request', ... }) sends a command.
 * Guide: https://SITE/en/authors/ */
(function () {
  var me = document.currentScript;
  if (!me || !me.src || window.SessionLab) return;
  var origin = new URL(me.src).origin;
  var PARAMS = ['theme', 'lang', 'editor', 'readonly', 'height', 'open', 'hide'];

  function upgrade(el) {
    var src;
    if (el.tagName === 'A') {
      src = new URL(el.href, location.href);
      if (src.origin !== origin || !/^\/(en\/)?embed\/[\w-]+\/((light|dark)\/)?$/.test(src.pathname)) return;
    } else {
      var id = el.getAttribute('data-session-lab');
      if (!/^[\w-]{1,64}$/.test(id)) return;
      src = new URL((el.getAttribute('data-lang') === 'en' ? '/en' : '') + '/embed/' + id + '/', origin);
    }
    PARAMS.forEach(function (p) {
      var v = el.getAttribute('data-' + p);
      if (v !== null && !(p === 'lang' && el.tagName !== 'A')) src.searchParams.set(p, v);
    });
    var f = document.createElement('iframe');
    f.src = src.href;
    f.title = el.getAttribute('data-title') || el.textContent.trim() || 'Session Lab';
    f.setAttribute('loading', 'lazy');
    f.setAttribute('allow', 'clipboard-write');
    f.style.cssText = 'display:block;width:100%;border:0;height:' + (parseInt(el.getAttribute('data-frame-height'), 10) || 720) + 'px';
    el.replaceWith(f);
  }

  function scan() {
    var found = document.querySelectorAll('[data-session-lab]:not(iframe)');
    for (var i = 0; i < found.length; i++) upgrade(found[i]);
  }

  addEventListener('message', function (e) {
    var d = e.data;
    // Only our site's frames, only our protocol, only from a frame on this page.
    if (e.origin !== origin || !d || d.source !== 'session-lab' || d.version !== 1) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (f.contentWindow !== e.source) continue;
      if (d.type === 'resize' && d.height > 0 && d.height < 50000) f.style.height = Math.ceil(d.height) + 'px';
      f.dispatchEvent(new CustomEvent('session-lab', { bubbles: true, detail: d }));
      return;
    }
  });

  window.SessionLab = {
    origin: origin,
    scan: scan,
    send: function (frame, command) {
      var m = { source: 'session-lab', version: 1 };
      for (var k in command) if (Object.prototype.hasOwnProperty.call(command, k)) m[k] = command[k];
      // To our origin only: a frame that navigated elsewhere never sees the command.
      frame.contentWindow.postMessage(m, origin);
    },
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
