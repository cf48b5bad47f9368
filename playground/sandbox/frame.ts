/**
 * One sandbox: a hidden srcdoc iframe (opaque origin, `sandbox="allow-scripts"` and nothing else)
 * whose only script is the relay (relay.ts): it keeps the MessagePort to the page and starts the
 * blob: workers that run the reader's code, one per load; the runtime's text comes over that port.
 * Measured in Chromium 156 (see STACK.md, "Isolating the reader's code"): with this CSP nothing the
 * hostile-code list tried got out.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { FIRST_WORKER, validateFromRelay } from './contract.ts';
import type { FromRelay, ToRelay } from './contract.ts';
import { RELAY_SCRIPT } from './relay.ts';

function base64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

// Synchronous hash: crypto.subtle is missing on plain-http pages served from a non-localhost host.
export const RELAY_HASH = `sha256-${base64(sha256(new TextEncoder().encode(RELAY_SCRIPT)))}`;

/**
 * `default-src 'none'` is what blocks importScripts and import() (connect-src alone did not);
 * `worker-src blob:` lets the relay start workers; 'unsafe-eval' is for the worker's bootstrap and
 * the harness's new Function.
 */
export const SANDBOX_CSP =
  `default-src 'none'; script-src '${RELAY_HASH}' 'unsafe-eval'; worker-src blob:; ` +
  `connect-src 'none'; base-uri 'none'; form-action 'none'`;

export const SANDBOX_SRCDOC =
  `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}">` +
  `<script>${RELAY_SCRIPT}</script></head><body></body></html>`;

export interface FrameEvents {
  /** A message from the relay, checked against the contract. */
  message(message: FromRelay): void;
  /** The relay sent something the contract does not allow (it should never happen: the frame is not trusted after). */
  invalid(reason: string): void;
}

export interface SandboxFrame {
  send(message: ToRelay): void;
  /** Resolves true if the relay still answers (the process is alive), false after `waitMs`. */
  alive(waitMs?: number): Promise<boolean>;
  destroy(): void;
}

/**
 * The attributes that make the frame a sandbox. `data-session-lab-sandbox` is empty on a frame the
 * page's head started early (../startup/early-frame.ts) until a host takes it, then "in-use".
 */
export const SANDBOX_FRAME_ATTRIBUTES: Readonly<Record<string, string>> = {
  sandbox: 'allow-scripts',
  csp: SANDBOX_CSP,
  referrerpolicy: 'no-referrer',
  'aria-hidden': 'true',
  tabindex: '-1',
  title: 'Session Lab sandbox',
  'data-session-lab-sandbox': '',
  // Invisible to the eye and to pointers, but not hidden to Chromium: a frame with
  // visibility:hidden or no size puts its process at background priority, and the worker then
  // started 40-80 ms later on a busy machine (A/B, 2 x 14-20 loads).
  style: 'position:fixed;left:0;top:0;width:1px;height:1px;border:0;opacity:0;pointer-events:none',
  srcdoc: SANDBOX_SRCDOC,
};

/** What the head's early script started for a frame (adopt.ts reads and checks it). */
export interface EarlyStart {
  /** The page's end of the channel whose other end goes to the relay. */
  port: MessagePort;
  /** The runtime's text, already sent over `port` once the relay has its end. */
  text: Promise<string>;
  /** Hands the relay its port and, when it is there, the text. Idempotent. */
  boot(): void;
  booted: boolean;
}

export interface FrameOptions {
  /** Where a new iframe goes. */
  parent: HTMLElement;
  /**
   * A frame the page's head started while the page was parsed (../startup/early-frame.ts; adopt.ts, findEarlyFrame):
   * its process, and often its worker with the runtime, are up by the time the scripts run.
   */
  adopt?: { iframe: HTMLIFrameElement; start: EarlyStart };
  /** How long the frame may take to report ready (default 10 s). */
  startMs?: number;
}

/**
 * Creates (or adopts) the iframe and boots the relay. Resolves once the first worker said it is
 * ready; rejects after `startMs` (a frame that never starts must not hang the caller), when the
 * first worker breaks, or when `bundle` fails. `bundle` may still be loading: the iframe's process
 * and the first worker's thread start meanwhile, which is most of the start-up time, and the
 * runtime goes in when both are there.
 */
export function createFrame(bundle: string | Promise<string>, events: FrameEvents, options: FrameOptions): Promise<SandboxFrame> {
  const startMs = options.startMs ?? 10_000;
  const early = options.adopt?.start;
  const iframe = options.adopt?.iframe ?? document.createElement('iframe');
  if (!early) for (const [name, value] of Object.entries(SANDBOX_FRAME_ATTRIBUTES)) iframe.setAttribute(name, value);
  iframe.setAttribute('data-session-lab-sandbox', 'in-use');

  const channel = early ? undefined : new MessageChannel();
  const port = early ? early.port : channel!.port1;
  let destroyed = false;
  let nonce = 0;
  const probes = new Map<number, (alive: boolean) => void>();

  return new Promise<SandboxFrame>((resolve, reject) => {
    let started = false;
    let booting = false;
    const text = early ? early.text : Promise.resolve(bundle);
    text.catch((e: unknown) => fail(e instanceof Error ? e : new Error(String(e))));
    const timer = setTimeout(() => fail(new Error(`the sandbox did not start within ${startMs} ms`)), startMs);

    const boot = () => {
      if (started || booting) return;
      booting = true;
      if (early) {
        early.boot();
        return;
      }
      iframe.contentWindow?.postMessage({ type: 'boot' }, '*', [channel!.port2]);
      // The port queues the text until the relay has its end.
      text.then(
        (code) => {
          if (!destroyed) port.postMessage(code);
        },
        () => undefined, // reported by the catch above
      );
    };

    const onWindowMessage = (event: MessageEvent) => {
      // Only the relay of this very frame may talk to us through window messages.
      if (destroyed || event.source !== iframe.contentWindow) return;
      const d: unknown = event.data;
      if (typeof d !== 'object' || d === null) return;
      const type = Object.getOwnPropertyDescriptor(d, 'type')?.value;
      const n = Object.getOwnPropertyDescriptor(d, 'nonce')?.value;
      if (type === 'relay-ready' || (type === 'alive' && n === 0)) boot();
      else if (type === 'alive') probes.get(n)?.(true);
    };

    const onPortMessage = (event: MessageEvent) => {
      if (destroyed) return;
      const checked = validateFromRelay(event.data);
      if (!checked.ok) {
        if (started) events.invalid(checked.reason);
        else fail(new Error(`the sandbox sent an invalid message: ${checked.reason}`));
        return;
      }
      const m = checked.value;
      if (!started) {
        if (m.worker !== FIRST_WORKER || m.kind === 'reply') return fail(new Error('the sandbox spoke before it started'));
        if (m.kind === 'broken') return fail(new Error(`the sandbox worker failed to start: ${m.reason}`));
        started = true;
        clearTimeout(timer);
        resolve(frame);
        return;
      }
      events.message(m);
    };

    const frame: SandboxFrame = {
      send(message) {
        if (!destroyed) port.postMessage(message);
      },
      alive(waitMs = 200) {
        if (destroyed || !iframe.contentWindow) return Promise.resolve(false);
        const n = ++nonce;
        return new Promise<boolean>((done) => {
          const t = setTimeout(() => finish(false), waitMs);
          const finish = (ok: boolean) => {
            clearTimeout(t);
            probes.delete(n);
            done(ok);
          };
          probes.set(n, finish);
          iframe.contentWindow?.postMessage({ type: 'probe', nonce: n }, '*');
        });
      },
      destroy() {
        if (destroyed) return;
        destroyed = true;
        clearTimeout(timer);
        removeEventListener('message', onWindowMessage);
        port.removeEventListener('message', onPortMessage);
        port.close();
        for (const finish of probes.values()) finish(false);
        // Removing the iframe ends its process at once; worker.terminate() lets a tight loop burn on.
        iframe.remove();
      },
    };

    function fail(error: Error) {
      frame.destroy();
      reject(error);
    }

    addEventListener('message', onWindowMessage);
    port.addEventListener('message', onPortMessage);
    // An early port holds the first worker's `spawned` until now, if it came already.
    port.start();
    if (!early) {
      options.parent.appendChild(iframe);
    } else if (early.booted) {
      booting = true;
    } else {
      // The head's script boots the relay when it says `relay-ready`; a probe's answer does as
      // well, should that message have come and gone (or not come yet: then it still will).
      iframe.contentWindow?.postMessage({ type: 'probe', nonce: 0 }, '*');
    }
  });
}
