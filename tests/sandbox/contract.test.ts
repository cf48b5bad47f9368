import { describe, expect, it } from 'vitest';
import type { FromWorker } from '../../playground/sandbox/contract.ts';
import { LIMITS, readReply, sessionTraces, validateConfig, validateFromRelay, validateFromWorker, validateToWorker, writeReply } from '../../playground/sandbox/contract.ts';

const wireRequest = { method: 'GET', url: 'http://localhost:5000/', headers: [['Cookie', 'session=x']] };
const wireResponse = { status: 200, statusText: 'OK', headers: [['set-cookie', 'a=1'], ['set-cookie', 'b=2']], body: 'hola' };

const reason = (r: { ok: boolean; reason?: string }) => (r.ok ? 'accepted' : r.reason);

/** A trace exactly as the engine reports one. */
const TRACE = {
  opened: { cookie: 'eyJ4IjoxfQ.aaa.bbb', result: 'ok', data: { x: 1 }, timestamp: 1_764_370_000, verifiedBy: { key: 'fallback', index: 0 }, versionRules: ['secret-key-fallbacks'] },
  flags: { new: false, modified: true, accessed: true, permanent: false },
  action: 'set',
  why: 'modified',
  setCookie: 'session=abc; HttpOnly; Path=/',
  vary: true,
  versionRules: ['vary-on-any-use'],
};

describe('page → worker messages', () => {
  it('accepts well-formed load, request and ping messages', () => {
    expect(validateToWorker({ type: 'load', id: 1, code: 'export default 1' })).toEqual({ ok: true, value: { type: 'load', id: 1, code: 'export default 1' } });
    const req = validateToWorker({ type: 'request', id: 2, request: wireRequest, env: { config: { SECRET_KEY: 'k', LIST: [1, null] }, now: 5 } });
    expect(req).toEqual({ ok: true, value: { type: 'request', id: 2, request: wireRequest, env: { config: { SECRET_KEY: 'k', LIST: [1, null] }, now: 5 } } });
    expect(validateToWorker({ type: 'ping', id: 3 }).ok).toBe(true);
  });

  it('accepts a load with its build-time compiled code, and a transpile message', () => {
    const compiled = { js: 'exports.default = 1', mappings: 'AAAA' };
    expect(validateToWorker({ type: 'load', id: 4, code: 'export default 1', compiled })).toEqual({
      ok: true,
      value: { type: 'load', id: 4, code: 'export default 1', compiled },
    });
    expect(validateToWorker({ type: 'transpile', id: 5, code: 'var x = 1' })).toEqual({ ok: true, value: { type: 'transpile', id: 5, code: 'var x = 1' } });
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
    ['transpile text not a string', { type: 'transpile', id: 1, code: 7 }],
    ['the compiler sent as a message (it only comes with a new worker)', { type: 'compiler', id: 1, code: 'var x' }],
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
    const res = validateFromWorker({ type: 'response', id: 4, response: wireResponse, traces: [TRACE], logs: [], error: { kind: 'runtime', message: 'boom', stack: 's' } });
    expect(res).toEqual({
      ok: true,
      value: { type: 'response', id: 4, response: wireResponse, traces: [TRACE], logs: [], error: { kind: 'runtime', message: 'boom', stack: 's' } },
    });
  });

  it.each([
    ['an unknown error kind', { type: 'load-error', id: 1, error: { kind: 'evil', message: 'x' }, logs: [] }],
    ['routes not an array', { type: 'loaded', id: 1, routes: 'GET /', logs: [] }],
    ['a log line that is not a string', { type: 'loaded', id: 1, routes: [], logs: [{}] }],
    ['a status out of range', { type: 'response', id: 1, response: { ...wireResponse, status: 7 }, logs: [] }],
    ['a body that is not a string', { type: 'response', id: 1, response: { ...wireResponse, body: new Uint8Array(2) }, logs: [] }],
    ['traces that are not a list', { type: 'response', id: 1, response: wireResponse, traces: { n: 1 }, logs: [] }],
    ['too many traces', { type: 'response', id: 1, response: wireResponse, traces: Array.from({ length: 21 }, () => TRACE), logs: [] }],
    ['too many headers', { type: 'response', id: 1, response: { ...wireResponse, headers: Array.from({ length: 501 }, () => ['a', 'b']) }, logs: [] }],
  ])('rejects %s', (_name, message) => {
    expect(validateFromWorker(message).ok).toBe(false);
  });

  it('keeps own __proto__ keys as plain data, without touching any prototype', () => {
    const hostile = JSON.parse(
      '{"type":"response","id":1,"__proto__":{"polluted":true},"response":{"status":200,"statusText":"OK","headers":[],"body":""},"logs":[],' +
        '"traces":[{"opened":{"cookie":null,"result":"ok","data":{"__proto__":{"isAdmin":true},"user":"ana"}},' +
        '"flags":{"new":false,"modified":false,"accessed":true,"permanent":false},"action":"none","why":"not-modified","vary":true,"versionRules":[]}]}',
    );
    const out = validateFromWorker(hostile);
    expect(out.ok).toBe(true);
    if (!out.ok || out.value.type !== 'response') return;
    const data: any = out.value.traces[0].opened.data;
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

describe('session traces', () => {
  it('keeps traces with the engine\'s shape and drops the rest (the reader may call env.trace)', () => {
    const hostile = { toString: () => { throw new Error('boom') }, opened: {} };
    expect(sessionTraces([TRACE, { action: 'set' }, 'text', hostile, { ...TRACE, why: 'because' }, { ...TRACE, opened: { ...TRACE.opened, data: () => 1 } }])).toEqual([TRACE]);
    expect(sessionTraces('not a list')).toEqual([]);
  });

  it('keeps the Flask version rules a trace names, and drops a trace naming a rule that does not exist', () => {
    expect(sessionTraces([{ ...TRACE, versionRules: ['vary-on-any-use', 'vary-on-any-use'] }])).toEqual([TRACE]);
    expect(sessionTraces([{ ...TRACE, versionRules: ['made-up'] }])).toEqual([]);
    expect(sessionTraces([{ ...TRACE, versionRules: 'vary-on-any-use' }])).toEqual([]);
    expect(sessionTraces([{ ...TRACE, opened: { ...TRACE.opened, versionRules: [{}] } }])).toEqual([]);
  });

  it('keeps only the fields it knows', () => {
    const [t] = sessionTraces([{ ...TRACE, extra: 'x', opened: { ...TRACE.opened, extra: 'y' } }]);
    expect(t).toEqual(TRACE);
  });
});

describe('replies as text', () => {
  it('reads what writeReply wrote', () => {
    const reply: FromWorker = { type: 'loaded', id: 3, routes: [{ method: 'GET', path: '/' }], logs: [] };
    expect(readReply(writeReply(reply))).toEqual({ ok: true, value: reply });
  });

  it('refuses text over the limit before parsing it, text that is not JSON, and anything but text', () => {
    const parse = JSON.parse;
    let parsed = 0;
    JSON.parse = (...args: Parameters<typeof JSON.parse>) => (parsed++, parse(...args));
    try {
      expect(reason(readReply('"' + 'x'.repeat(LIMITS.reply) + '"'))).toMatch(/characters/);
      expect(parsed).toBe(0);
    } finally {
      JSON.parse = parse;
    }
    expect(reason(readReply('{"type":'))).toMatch(/not JSON/);
    expect(reason(readReply({ type: 'ready', id: 1 }))).toMatch(/not text/);
  });
});

describe('relay → page messages', () => {
  it('accepts the three kinds', () => {
    expect(validateFromRelay({ kind: 'spawned', worker: 2, compiler: true })).toEqual({ ok: true, value: { kind: 'spawned', worker: 2, compiler: true } });
    expect(validateFromRelay({ kind: 'reply', worker: 2, text: '{}' }).ok).toBe(true);
    expect(validateFromRelay({ kind: 'broken', worker: 2, reason: 'a message nobody asked for', invalid: true }).ok).toBe(true);
  });

  it.each([
    ['an unknown kind', { kind: 'eval', worker: 1 }],
    ['a worker that is not a number', { kind: 'reply', worker: '1', text: '{}' }],
    ['a reply that is not text', { kind: 'reply', worker: 1, text: { type: 'ready' } }],
    ['a reply over the limit', { kind: 'reply', worker: 1, text: 'x'.repeat(LIMITS.reply + 1) }],
  ])('rejects %s', (_name, message) => {
    expect(validateFromRelay(message).ok).toBe(false);
  });
});

describe('the config for the worker', () => {
  it('is copied as plain data; functions are refused', () => {
    const config = { SECRET_KEY: 'k', SECRET_KEY_FALLBACKS: ['a'], SESSION_COOKIE_SAMESITE: null };
    const out = validateConfig(config);
    expect(out).toEqual({ ok: true, value: config });
    expect(out.ok && out.value).not.toBe(config);
    expect(validateConfig({ f: () => 1 }).ok).toBe(false);
  });
});
