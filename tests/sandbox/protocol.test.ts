import { describe, expect, it } from 'vitest';
import { validateFromWorker, validateToWorker } from '../../playground/sandbox/protocol.ts';

const wireRequest = { method: 'GET', url: 'http://localhost:5000/', headers: [['Cookie', 'session=x']] };
const wireResponse = { status: 200, statusText: 'OK', headers: [['set-cookie', 'a=1'], ['set-cookie', 'b=2']], body: 'hola' };

const reason = (r: { ok: boolean; reason?: string }) => (r.ok ? 'accepted' : r.reason);

describe('page → worker messages', () => {
  it('accepts well-formed load, request and ping messages', () => {
    expect(validateToWorker({ type: 'load', id: 1, code: 'export default 1' })).toEqual({ ok: true, value: { type: 'load', id: 1, code: 'export default 1' } });
    const req = validateToWorker({ type: 'request', id: 2, request: wireRequest, env: { config: { SECRET_KEY: 'k', LIST: [1, null] }, now: 5 } });
    expect(req).toEqual({ ok: true, value: { type: 'request', id: 2, request: wireRequest, env: { config: { SECRET_KEY: 'k', LIST: [1, null] }, now: 5 } } });
    expect(validateToWorker({ type: 'ping', id: 3 }).ok).toBe(true);
  });

  it('accepts a load with its build-time compiled code, and the compiler message', () => {
    const compiled = { js: 'exports.default = 1', mappings: 'AAAA' };
    expect(validateToWorker({ type: 'load', id: 4, code: 'export default 1', compiled })).toEqual({
      ok: true,
      value: { type: 'load', id: 4, code: 'export default 1', compiled },
    });
    expect(validateToWorker({ type: 'compiler', id: 5, code: 'var x = 1' })).toEqual({ ok: true, value: { type: 'compiler', id: 5, code: 'var x = 1' } });
  });

  it.each([
    ['not an object', 'load'],
    ['unknown type', { type: 'eval', id: 1 }],
    ['missing id', { type: 'ping' }],
    ['fractional id', { type: 'ping', id: 1.5 }],
    ['negative id', { type: 'ping', id: -1 }],
    ['code not a string', { type: 'load', id: 1, code: 42 }],
    ['compiled not an object', { type: 'load', id: 1, code: 'x', compiled: 'exports.default = 1' }],
    ['compiled without mappings', { type: 'load', id: 1, code: 'x', compiled: { js: 'x' } }],
    ['compiler text not a string', { type: 'compiler', id: 1, code: 7 }],
    ['headers not pairs', { type: 'request', id: 1, request: { ...wireRequest, headers: [['a']] }, env: { config: {}, now: 0 } }],
    ['header value not a string', { type: 'request', id: 1, request: { ...wireRequest, headers: [['a', 1]] }, env: { config: {}, now: 0 } }],
    ['now not finite', { type: 'request', id: 1, request: wireRequest, env: { config: {}, now: Infinity } }],
    ['config with a function', { type: 'request', id: 1, request: wireRequest, env: { config: { f: () => 1 }, now: 0 } }],
    ['config an array', { type: 'request', id: 1, request: wireRequest, env: { config: [], now: 0 } }],
    ['a class instance', { type: 'request', id: 1, request: new URL('http://x/'), env: { config: {}, now: 0 } }],
  ])('rejects %s', (_name, message) => {
    const out = validateToWorker(message);
    expect(out.ok).toBe(false);
    expect(reason(out)).toBeTruthy();
  });

  it('does not run getters on incoming objects', () => {
    let ran = false;
    const msg = { type: 'load', id: 1 };
    Object.defineProperty(msg, 'code', { enumerable: true, get: () => ((ran = true), 'x') });
    expect(validateToWorker(msg).ok).toBe(false);
    expect(ran).toBe(false);
  });
});

describe('worker → page messages', () => {
  it('accepts each kind of reply', () => {
    expect(validateFromWorker({ type: 'ready', id: 0 }).ok).toBe(true);
    expect(validateFromWorker({ type: 'loaded', id: 1, routes: [{ method: 'GET', path: '/' }], logs: ['hola'] }).ok).toBe(true);
    expect(validateFromWorker({ type: 'load-error', id: 1, error: { kind: 'syntax', message: 'x', line: 2, column: 3 }, logs: [] }).ok).toBe(true);
    expect(validateFromWorker({ type: 'fatal', id: 1, message: 'x' }).ok).toBe(true);
    const res = validateFromWorker({ type: 'response', id: 4, response: wireResponse, logs: [], trace: { action: 'set', flags: { new: true } }, error: { kind: 'runtime', message: 'boom', stack: 's' } });
    expect(res).toEqual({
      ok: true,
      value: { type: 'response', id: 4, response: wireResponse, logs: [], trace: { action: 'set', flags: { new: true } }, error: { kind: 'runtime', message: 'boom', stack: 's' } },
    });
  });

  it.each([
    ['an unknown error kind', { type: 'load-error', id: 1, error: { kind: 'evil', message: 'x' }, logs: [] }],
    ['routes not an array', { type: 'loaded', id: 1, routes: 'GET /', logs: [] }],
    ['a log line that is not a string', { type: 'loaded', id: 1, routes: [], logs: [{}] }],
    ['a status out of range', { type: 'response', id: 1, response: { ...wireResponse, status: 7 }, logs: [] }],
    ['a body that is not a string', { type: 'response', id: 1, response: { ...wireResponse, body: new Uint8Array(2) }, logs: [] }],
    ['a trace with a non-finite number', { type: 'response', id: 1, response: wireResponse, logs: [], trace: { n: NaN } }],
    ['a trace nested too deep', { type: 'response', id: 1, response: wireResponse, logs: [], trace: JSON.parse('['.repeat(100) + ']'.repeat(100)) }],
    ['too many headers', { type: 'response', id: 1, response: { ...wireResponse, headers: Array.from({ length: 501 }, () => ['a', 'b']) }, logs: [] }],
  ])('rejects %s', (_name, message) => {
    expect(validateFromWorker(message).ok).toBe(false);
  });

  it('keeps own __proto__ keys as plain data, without touching any prototype', () => {
    const hostile = JSON.parse(
      '{"type":"response","id":1,"__proto__":{"polluted":true},"response":{"status":200,"statusText":"OK","headers":[],"body":""},"logs":[],' +
        '"trace":{"opened":{"data":{"__proto__":{"isAdmin":true},"user":"ana"}}}}',
    );
    const out = validateFromWorker(hostile);
    expect(out.ok).toBe(true);
    if (!out.ok || out.value.type !== 'response') return;
    const data = (out.value.trace as any).opened.data;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(data.isAdmin).toBeUndefined();
    expect(Object.keys(data)).toEqual(['__proto__', 'user']);
    expect(({} as any).polluted).toBeUndefined();
    expect(({} as any).isAdmin).toBeUndefined();
    expect('__proto__' in out.value && Object.hasOwn(out.value, '__proto__')).toBe(false);
  });

  it('truncates overlong log lines instead of rejecting the reply', () => {
    const out = validateFromWorker({ type: 'loaded', id: 1, routes: [], logs: ['x'.repeat(100_000)] });
    expect(out.ok && out.value.type === 'loaded' && out.value.logs[0].length).toBe(8 * 1024);
  });
});
