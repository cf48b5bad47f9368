/**
 * Adopting the frame a page's head started (../startup/early-frame.ts writes that script): the frame
 * is taken only if it is still exactly as the script made it, with what the script started.
 */
import { SANDBOX_FRAME_ATTRIBUTES } from './frame.ts';
import type { EarlyStart } from './frame.ts';

/** The property of the iframe element that holds the EarlyStart (set by the head's script). */
export const EARLY_KEY = 'sessionLabEarly';
const STATE = 'data-session-lab-sandbox';

/** The EarlyStart on `el`, if it is an unused early frame exactly as the head's script made it. */
function earlyStartOf(el: Element): EarlyStart | undefined {
  if (el.tagName !== 'IFRAME' || !el.isConnected || el.getAttribute(STATE) !== '') return undefined;
  const names = el.getAttributeNames();
  if (names.length !== Object.keys(SANDBOX_FRAME_ATTRIBUTES).length) return undefined;
  if (!names.every((n) => Object.hasOwn(SANDBOX_FRAME_ATTRIBUTES, n) && el.getAttribute(n) === SANDBOX_FRAME_ATTRIBUTES[n])) return undefined;
  const s: unknown = Object.getOwnPropertyDescriptor(el, EARLY_KEY)?.value;
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
