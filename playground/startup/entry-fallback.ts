/**
 * When the playground's entry script cannot run at all (it, or a module it imports, failed to
 * download), none of our modules runs to say so. This classic inline script, placed right after the
 * entry's <script type="module"> (src/components/PlaygroundEntry*.astro), hears that script's
 * `error` event and shows, in each playground that has not mounted, the message the page rendered
 * in its language (`data-slp-failed`). The static code stays readable; the early sandbox frame, if
 * any, is let go.
 */
export const ENTRY_FALLBACK_SCRIPT = `(function (entry) {
  if (!entry || entry.tagName !== 'SCRIPT') return;
  addEventListener('error', function (e) {
    if (e.target !== entry) return;
    document.querySelectorAll('[data-slp-root]:not([data-slp-mounted])').forEach(function (root) {
      if (!root.dataset.slpFailed || root.querySelector('.slp-load-failed')) return;
      var note = document.createElement('p');
      note.className = 'slp-load-failed';
      note.setAttribute('role', 'alert');
      note.textContent = root.dataset.slpFailed;
      root.prepend(note);
    });
    document.querySelectorAll('iframe[data-session-lab-sandbox=""]').forEach(function (f) { f.remove(); });
  }, true);
})(document.currentScript && document.currentScript.previousElementSibling);`;
