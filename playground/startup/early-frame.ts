/**
 * Starting the sandbox from the page's <head>, before the body is parsed.
 *
 * The sandbox frame's process is the slowest part of reaching a first response, and it does not need
 * anything from the page but the runtime's text. So a page that runs its playground at once (the
 * full playground, the embed view) carries a small classic script in its head that creates the frame
 * as createFrame would, fetches the runtime, and boots the worker as soon as the relay is up; the
 * playground adopts all of it when it mounts (sandbox/adopt.ts: findEarlyFrame → SandboxHost `adopt`). Lesson pages
 * start their sandbox when the playground scrolls near instead.
 */
import { EARLY_KEY } from '../sandbox/adopt.ts';
import { SANDBOX_FRAME_ATTRIBUTES } from '../sandbox/frame.ts';

/**
 * The head's script, given the runtime's URL. It speaks the same protocol as createFrame: `boot`
 * with the worker's port to the relay, then the runtime's text over the port. `<` is escaped
 * because the srcdoc holds a </script>.
 */
export function earlyFrameScript(runtimeUrl: string): string {
  const args = JSON.stringify([SANDBOX_FRAME_ATTRIBUTES, runtimeUrl]).replace(/</g, '\\u003c');
  return `(function (a, url) {
  var f = document.createElement('iframe');
  for (var n in a) f.setAttribute(n, a[n]);
  var ch = new MessageChannel();
  var s = { port: ch.port1, booted: false };
  s.text = fetch(url).then(function (r) {
    if (!r.ok) throw new Error(url + ' answered ' + r.status);
    return r.text();
  });
  s.text.catch(function () {});
  s.boot = function () {
    if (s.booted || !f.contentWindow) return;
    s.booted = true;
    f.contentWindow.postMessage({ type: 'boot' }, '*', [ch.port2]);
    s.text.then(function (t) { ch.port1.postMessage(t); }, function () {});
  };
  addEventListener('message', function (e) {
    var d = e.data;
    if (!f.contentWindow || e.source !== f.contentWindow || !d || typeof d !== 'object') return;
    if (d.type === 'relay-ready') s.boot();
  });
  f[${JSON.stringify(EARLY_KEY)}] = s;
  document.documentElement.appendChild(f);
})(${args.slice(1, -1)});`;
}
