/**
 * Speaks the protocol on one MessagePort: validate, run, answer. Kept apart from the worker entry so
 * Node tests can drive it through a real MessageChannel.
 */
import { validateToWorker } from '../protocol.ts';
import type { FromWorker, PlainData, ToWorker } from '../protocol.ts';
import type { Harness } from './harness.ts';

export interface PortLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  start?(): void;
}

export interface ServeOptions {
  /**
   * Evaluates the compiler bundle the page sends (the worker; see transform-lazy.ts). Without it the
   * compiler is built in (Node) and the message is simply acknowledged.
   */
  installCompiler?: (text: string) => void;
}

export function serve(port: PortLike, harness: Harness, options: ServeOptions = {}): void {
  const send = (message: FromWorker) => port.postMessage(message);

  port.addEventListener('message', (event) => {
    const checked = validateToWorker(event.data);
    if (!checked.ok) {
      send({ type: 'fatal', id: messageId(event.data), message: `rejected message: ${checked.reason}` });
      return;
    }
    handle(checked.value).then(send, (e: unknown) => {
      send({ type: 'fatal', id: checked.value.id, message: `internal error: ${String(e)}` });
    });
  });
  port.start?.();
  send({ type: 'ready', id: 0 });

  async function handle(msg: ToWorker): Promise<FromWorker> {
    switch (msg.type) {
      case 'ping':
        return { type: 'ready', id: msg.id };
      case 'compiler':
        try {
          options.installCompiler?.(msg.code);
        } catch (e) {
          return { type: 'fatal', id: msg.id, message: `the compiler did not load: ${String(e)}` };
        }
        return { type: 'ready', id: msg.id };
      case 'load': {
        const out = harness.load(msg.code, msg.compiled);
        return out.ok
          ? { type: 'loaded', id: msg.id, routes: out.routes, logs: out.logs }
          : { type: 'load-error', id: msg.id, error: out.error, logs: out.logs };
      }
      case 'request': {
        const out = await harness.request(msg.request, msg.env);
        const reply: FromWorker = { type: 'response', id: msg.id, response: out.response, logs: out.logs };
        if (out.error) reply.error = out.error;
        if (out.trace !== undefined) reply.trace = toPlain(out.trace);
        return reply;
      }
    }
  }
}

function messageId(data: unknown): number {
  const id = typeof data === 'object' && data !== null ? Object.getOwnPropertyDescriptor(data, 'id')?.value : undefined;
  return Number.isSafeInteger(id) && id >= 0 ? id : 0;
}

/**
 * The trace goes through JSON so it is plain data whatever the engine put in it (Dates become
 * strings, class instances their fields) and the page's validator can accept it.
 */
function toPlain(trace: unknown): PlainData {
  try {
    return JSON.parse(JSON.stringify(trace, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))) as PlainData;
  } catch {
    return undefined;
  }
}
