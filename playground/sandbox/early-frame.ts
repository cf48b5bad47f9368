/**
 * Starting the sandbox from the page's <head>, before the body is parsed.
 *
 * The sandbox frame's process is the slowest part of reaching a first response, and it does not need
 * anything from the page but the runtime's text. So a page that runs its playground at once (the
 * full playground, the embed view) carries a small classic script in its head that creates the frame
 * as createFrame would, fetches the runtime, and boots the worker as soon as the relay is up; the
 * playground adopts all of it when it mounts (findEarlyFrame → SandboxHost `adopt`). Lesson pages
 * start their sandbox when the playground scrolls near instead.
 */
import { SANDBOX_FRAME_ATTRIBUTES } from './frame.ts';
import type { EarlyStart } from './frame.ts';

/** The property of the iframe element that holds the EarlyStart (set by the head's script). */
const KEY = 'sessionLabEarly';
const STATE = 'data-session-lab-sandbox';

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
  f[${JSON.stringify(KEY)}] = s;
  document.documentElement.appendChild(f);
})(${args.slice(1, -1)});`;
}

/** The EarlyStart on `el`, if it is an unused early frame exactly as the head's script made it. */
function earlyStartOf(el: Element): EarlyStart | undefined {
  if (el.tagName !== 'IFRAME' || !el.isConnected || el.getAttribute(STATE) !== '') return undefined;
  const names = el.getAttributeNames();
  if (names.length !== Object.keys(SANDBOX_FRAME_ATTRIBUTES).length) return undefined;
  if (!names.every((n) => Object.hasOwn(SANDBOX_FRAME_ATTRIBUTES, n) && el.getAttribute(n) === SANDBOX_FRAME_ATTRIBUTES[n])) return undefined;
  const s: unknown = Object.getOwnPropertyDescriptor(el, KEY)?.value;
  if (typeof s !== 'object' || s === null) return undefined;
  const port: unknown = Object.getOwnPropertyDescriptor(s, 'port')?.value;
  const text: unknown = Object.getOwnPropertyDescriptor(s, 'text')?.value;
  const boot: unknown = Object.getOwnPropertyDescriptor(s, 'boot')?.value;
  if (!(port instanceof MessagePort) || !(text instanceof Promise) || typeof boot !== 'function') return undefined;
  // Read live: the head's script sets `booted` when the relay says it is up.
  return {
    port,
    text: text.then((t: unknown) => (typeof t === 'string' ? t : Promise.reject(new Error('the early runtime is not text')))),
    boot: () => void Reflect.apply(boot, s, []),
    get booted() {
      return Object.getOwnPropertyDescriptor(s, 'booted')?.value === true;
    },
  };
}

/** An unused frame the head's script started, with what it started, if the page has one. */
export function findEarlyFrame(doc: Document = document): { iframe: HTMLIFrameElement; start: EarlyStart } | undefined {
  for (const el of doc.querySelectorAll(`iframe[${STATE}]`)) {
    const start = earlyStartOf(el);
    if (start && el instanceof HTMLIFrameElement) return { iframe: el, start };
  }
  return undefined;
}
