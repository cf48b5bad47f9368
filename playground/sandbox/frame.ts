/**
 * One sandbox: a hidden srcdoc iframe (opaque origin, `sandbox="allow-scripts"` and nothing else)
 * whose only script is a relay that starts a blob: worker and hands it a MessagePort to the page;
 * the runtime's text comes over that port. Measured in Chromium 156 (see STACK.md, "Isolating the
 * reader's code"): with this CSP nothing the hostile-code list tried got out.
 */
import { sha256 } from '@noble/hashes/sha2.js';

/**
 * The worker's first script. It takes the port from the relay, evaluates the first thing that comes
 * over it (the runtime's text: the CSP allows eval for the reader's code anyway), then hands the
 * port to the runtime the way the runtime expects it, as a message event (runtime/entry.ts).
 * Starting the worker before the runtime arrives hides its start-up behind the page's own loading;
 * a small blob is quick to make where a 100 KB one took 20-90 ms in a fresh sandbox process; and the
 * text goes straight from the page to the worker over the port instead of through the iframe.
 */
const WORKER_BOOTSTRAP =
  "onmessage=function(e){onmessage=null;var p=e.ports[0];if(!p)return;p.onmessage=function(m){p.onmessage=null;" +
  "if(typeof m.data!=='string')return;(0,eval)(m.data);dispatchEvent(new MessageEvent('message',{ports:[p]}))}}";

/**
 * Runs in the iframe. It only obeys its parent, boots once, reports worker failures, and answers
 * the page's liveness probe (a looping worker leaves this thread free; a crashed process does not).
 */
export const RELAY_SCRIPT = `(function () {
  var booted = false;
  var worker = new Worker(URL.createObjectURL(new Blob([${JSON.stringify(WORKER_BOOTSTRAP)}], { type: 'text/javascript' })));
  worker.onerror = function (ev) {
    ev.preventDefault();
    parent.postMessage({ type: 'worker-error', message: String(ev.message || 'the worker failed') }, '*');
  };
  addEventListener('message', function (e) {
    var d = e.data;
    if (e.source !== parent || !d || typeof d !== 'object') return;
    if (d.type === 'probe') { parent.postMessage({ type: 'alive', nonce: d.nonce }, '*'); return; }
    if (d.type !== 'boot' || booted || !e.ports || !e.ports[0]) return;
    booted = true;
    worker.postMessage(null, [e.ports[0]]);
  });
  parent.postMessage({ type: 'relay-ready' }, '*');
})();`;

function base64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

// Synchronous hash: crypto.subtle is missing on plain-http pages served from a non-localhost host.
export const RELAY_HASH = `sha256-${base64(sha256(new TextEncoder().encode(RELAY_SCRIPT)))}`;

/**
 * `default-src 'none'` is what blocks importScripts and import() (connect-src alone did not);
 * `worker-src blob:` lets the relay start the worker; 'unsafe-eval' is for the worker's bootstrap and the harness's new Function.
 */
export const SANDBOX_CSP =
  `default-src 'none'; script-src '${RELAY_HASH}' 'unsafe-eval'; worker-src blob:; ` +
  `connect-src 'none'; base-uri 'none'; form-action 'none'`;

export const SANDBOX_SRCDOC =
  `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}">` +
  `<script>${RELAY_SCRIPT}</script></head><body></body></html>`;

export interface FrameEvents {
  /** A message from the worker, over the port (not validated yet). */
  message(data: unknown): void;
  /** The worker reported an uncaught failure; the frame is no longer trusted to answer. */
  failed(reason: string): void;
}

export interface SandboxFrame {
  port: MessagePort;
  /** Resolves true if the relay still answers (the process is alive), false after `waitMs`. */
  alive(waitMs?: number): Promise<boolean>;
  destroy(): void;
}

/**
 * The attributes that make the frame a sandbox. `data-session-lab-sandbox` is empty on a frame the
 * page's head started early (early-frame.ts) until a host takes it, then "in-use".
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

/** What the head's early script started for a frame (early-frame.ts reads and checks it). */
export interface EarlyStart {
  /** The page's end of the channel whose other end goes to the worker. */
  port: MessagePort;
  /** The runtime's text, already sent over `port` once the worker has its end. */
  text: Promise<string>;
  /** Hands the worker its port and, when it is there, the text. Idempotent. */
  boot(): void;
  booted: boolean;
  /** A worker failure reported before anyone adopted the frame. */
  error: string | null;
}

export interface FrameOptions {
  /** Where a new iframe goes. */
  parent: HTMLElement;
  /**
   * A frame the page's head started while the page was parsed (early-frame.ts, findEarlyFrame):
   * its process, and often its worker with the runtime, are up by the time the scripts run.
   */
  adopt?: { iframe: HTMLIFrameElement; start: EarlyStart };
  /** How long the frame may take to report ready (default 10 s). */
  startMs?: number;
}

/**
 * Creates (or adopts) the iframe and boots the worker. Resolves once the worker said `ready` on the
 * port; rejects after `startMs` (a frame that never starts must not hang the caller), or when
 * `bundle` fails. `bundle` may still be loading: the iframe's process and the worker thread start
 * meanwhile, which is most of the start-up time, and the runtime goes in when both are there.
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
      // The port queues the text until the worker has its end.
      text.then(
        (code) => {
          if (!destroyed) port.postMessage(code);
        },
        () => undefined, // reported by the catch above
      );
    };

    const workerFailed = (reason: string) => {
      if (started) events.failed(reason);
      else fail(new Error(`the sandbox worker failed to start: ${reason}`));
    };

    const onWindowMessage = (event: MessageEvent) => {
      // Only the relay of this very frame may talk to us through window messages.
      if (destroyed || event.source !== iframe.contentWindow) return;
      const d: unknown = event.data;
      if (typeof d !== 'object' || d === null) return;
      const type = Object.getOwnPropertyDescriptor(d, 'type')?.value;
      const nonce = Object.getOwnPropertyDescriptor(d, 'nonce')?.value;
      if (type === 'relay-ready' || (type === 'alive' && nonce === 0)) {
        boot();
      } else if (type === 'alive') {
        probes.get(nonce)?.(true);
      } else if (type === 'worker-error') {
        const message = Object.getOwnPropertyDescriptor(d, 'message')?.value;
        workerFailed(typeof message === 'string' ? message.slice(0, 500) : 'the worker failed');
      }
    };

    const onPortMessage = (event: MessageEvent) => {
      if (destroyed) return;
      if (!started) {
        const d: unknown = event.data;
        const type = typeof d === 'object' && d !== null ? Object.getOwnPropertyDescriptor(d, 'type')?.value : undefined;
        if (type !== 'ready') return;
        started = true;
        clearTimeout(timer);
        resolve(frame);
        return;
      }
      events.message(event.data);
    };

    const frame: SandboxFrame = {
      port,
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
    // An early port holds the worker's `ready` until now, if it came already.
    port.start();
    if (!early) {
      options.parent.appendChild(iframe);
    } else if (early.error !== null) {
      workerFailed(early.error);
    } else if (early.booted) {
      booting = true;
    } else {
      // The head's script boots the worker when the relay says `relay-ready`; a probe's answer
      // does as well, should that message have come and gone (or not come yet: then it still will).
      iframe.contentWindow?.postMessage({ type: 'probe', nonce: 0 }, '*');
    }
  });
}
