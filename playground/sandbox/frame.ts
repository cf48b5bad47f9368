/**
 * One sandbox: a hidden srcdoc iframe (opaque origin, `sandbox="allow-scripts"` and nothing else)
 * whose only script is a relay that turns the runtime text into a blob: worker and hands that worker
 * a MessagePort to the page. Measured in Chromium 156 (see STACK.md, "Isolating the reader's code"):
 * with this CSP nothing the hostile-code list tried got out.
 */
import { sha256 } from '@noble/hashes/sha2.js';

/**
 * Runs in the iframe. It only obeys its parent, boots once, reports worker failures, and answers
 * the page's liveness probe (a looping worker leaves this thread free; a crashed process does not).
 */
export const RELAY_SCRIPT = `(function () {
  var booted = false;
  addEventListener('message', function (e) {
    var d = e.data;
    if (e.source !== parent || !d || typeof d !== 'object') return;
    if (d.type === 'probe') { parent.postMessage({ type: 'alive', nonce: d.nonce }, '*'); return; }
    if (d.type !== 'boot' || booted || typeof d.bundle !== 'string' || !e.ports || !e.ports[0]) return;
    booted = true;
    var url = URL.createObjectURL(new Blob([d.bundle], { type: 'text/javascript' }));
    var worker = new Worker(url);
    worker.onerror = function (ev) {
      ev.preventDefault();
      parent.postMessage({ type: 'worker-error', message: String(ev.message || 'the worker failed') }, '*');
    };
    worker.postMessage({ type: 'port' }, [e.ports[0]]);
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
 * `worker-src blob:` lets the relay start the worker; 'unsafe-eval' is for the harness's new Function.
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
 * Creates the iframe and boots the worker. Resolves once the worker said `ready` on the port;
 * rejects after `startMs` (a frame that never starts must not hang the caller), or when `bundle`
 * fails. `bundle` may still be loading: the iframe's process starts meanwhile, which is most of the
 * start-up time, and the worker boots when both the relay and the text are there.
 */
export function createFrame(parent: HTMLElement, bundle: string | Promise<string>, events: FrameEvents, startMs = 10_000): Promise<SandboxFrame> {
  const iframe = document.createElement('iframe');
  iframe.setAttribute('sandbox', 'allow-scripts');
  iframe.setAttribute('csp', SANDBOX_CSP);
  iframe.setAttribute('referrerpolicy', 'no-referrer');
  iframe.setAttribute('aria-hidden', 'true');
  iframe.setAttribute('tabindex', '-1');
  iframe.title = 'Session Lab sandbox';
  iframe.dataset.sessionLabSandbox = '';
  iframe.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
  iframe.srcdoc = SANDBOX_SRCDOC;

  const channel = new MessageChannel();
  const port = channel.port1;
  let destroyed = false;
  let nonce = 0;
  const probes = new Map<number, (alive: boolean) => void>();

  return new Promise<SandboxFrame>((resolve, reject) => {
    let started = false;
    let booting = false;
    const text = Promise.resolve(bundle);
    text.catch((e: unknown) => fail(e instanceof Error ? e : new Error(String(e))));
    const timer = setTimeout(() => fail(new Error(`the sandbox did not start within ${startMs} ms`)), startMs);

    const onWindowMessage = (event: MessageEvent) => {
      // Only the relay of this very frame may talk to us through window messages.
      if (destroyed || event.source !== iframe.contentWindow) return;
      const d: unknown = event.data;
      if (typeof d !== 'object' || d === null) return;
      const type = Object.getOwnPropertyDescriptor(d, 'type')?.value;
      if (type === 'relay-ready' && !started && !booting) {
        booting = true;
        text.then(
          (code) => {
            if (!destroyed) iframe.contentWindow?.postMessage({ type: 'boot', bundle: code }, '*', [channel.port2]);
          },
          () => undefined, // reported by the catch above
        );
      } else if (type === 'alive') {
        const n = Object.getOwnPropertyDescriptor(d, 'nonce')?.value;
        probes.get(n)?.(true);
      } else if (type === 'worker-error') {
        const message = Object.getOwnPropertyDescriptor(d, 'message')?.value;
        const reason = typeof message === 'string' ? message.slice(0, 500) : 'the worker failed';
        if (started) events.failed(reason);
        else fail(new Error(`the sandbox worker failed to start: ${reason}`));
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
    port.start();
    parent.appendChild(iframe);
  });
}
