/**
 * Speaks the contract with the relay: validate each call, run it, answer with one JSON text. Kept
 * apart from the worker entry so Node tests can drive it through a real MessageChannel.
 *
 * The answer is text because the relay passes on only text no longer than LIMITS.reply: a reply that
 * would be longer is cut down here first (body, logs, traces), so an honest server never trips it.
 */
import { LIMITS, sessionTraces, validateToWorker, writeReply } from '../contract.ts';
import type { FromWorker, ResponseMessage, ToWorker } from '../contract.ts';
import type { Harness } from './harness.ts';

/** The worker's side of the relay: text out, calls in. */
export interface Endpoint {
  post(text: string): void;
  listen(receive: (data: unknown) => void): void;
}

export function serve(endpoint: Endpoint, harness: Harness): void {
  const send = (message: FromWorker) => endpoint.post(fit(message));

  endpoint.listen((data) => {
    const checked = validateToWorker(data);
    if (!checked.ok) {
      send({ type: 'fatal', id: messageId(data), message: `rejected message: ${checked.reason}` });
      return;
    }
    handle(checked.value).then(send, (e: unknown) => {
      send({ type: 'fatal', id: checked.value.id, message: `internal error: ${String(e)}` });
    });
  });
  send({ type: 'ready', id: 0 });

  async function handle(msg: ToWorker): Promise<FromWorker> {
    switch (msg.type) {
      case 'ping':
        return { type: 'ready', id: msg.id };
      case 'transpile': {
        const out = harness.transpile(msg.code);
        return out.ok ? { type: 'transpiled', id: msg.id, compiled: out.compiled } : { type: 'load-error', id: msg.id, error: out.error, logs: [] };
      }
      case 'load': {
        const out = harness.load(msg.code, msg.compiled);
        return out.ok
          ? { type: 'loaded', id: msg.id, routes: out.routes, logs: out.logs }
          : { type: 'load-error', id: msg.id, error: out.error, logs: out.logs };
      }
      case 'request': {
        const out = await harness.request(msg.request, msg.env);
        const reply: ResponseMessage = { type: 'response', id: msg.id, response: out.response, traces: sessionTraces(toPlain(out.traces)), logs: out.logs };
        if (out.error) reply.error = out.error;
        return reply;
      }
    }
  }
}

function messageId(data: unknown): number {
  const id = typeof data === 'object' && data !== null ? Object.getOwnPropertyDescriptor(data, 'id')?.value : undefined;
  return Number.isSafeInteger(id) && id >= 0 ? id : 0;
}

const TOO_LARGE = '[Session Lab: the reply was too large for the sandbox, so its logs and traces were left out and its body cut]';

/** The reply as text within LIMITS.reply: what does not fit is left out, with a note saying so. */
function fit(message: FromWorker): string {
  const text = writeReply(message);
  if (text.length <= LIMITS.reply) return text;
  if (message.type === 'response') {
    const body = message.response.body;
    // JSON escapes can make one character six: a quarter of the limit always fits.
    const cut: ResponseMessage = {
      ...message,
      response: { ...message.response, body: body.slice(0, LIMITS.reply / 8) },
      traces: [],
      logs: [TOO_LARGE],
    };
    if (cut.error?.stack !== undefined) cut.error = { ...cut.error, stack: cut.error.stack.slice(0, 4096) };
    const again = writeReply(cut);
    if (again.length <= LIMITS.reply) return again;
  }
  if (message.type === 'loaded' || message.type === 'load-error') {
    const again = writeReply({ ...message, logs: [TOO_LARGE] });
    if (again.length <= LIMITS.reply) return again;
  }
  return writeReply({ type: 'fatal', id: message.id, message: 'the reply was too large for the sandbox' });
}

/**
 * Traces go through JSON so they are plain data whatever the engine put in them (Dates become
 * strings, class instances their fields), then through the contract's check of the engine's shape.
 */
function toPlain(traces: unknown[]): unknown {
  try {
    return JSON.parse(JSON.stringify(traces.slice(0, LIMITS.traces), (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
  } catch {
    return [];
  }
}
