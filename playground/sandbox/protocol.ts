/**
 * The messages between the page (SandboxHost) and the sandboxed worker (runtime).
 *
 * Both sides validate everything they receive: the worker runs the reader's code, which can forge any
 * message on its port, and the page must treat whatever comes back as untrusted plain data. Validators
 * never return the object they were given: they build a fresh one from the fields they know, so an own
 * `__proto__` key or an unexpected getter cannot reach the rest of the page.
 */
import type { HeaderList, WireRequest, WireResponse } from '../engine/wire.ts';

/** A problem in the reader's code, in the reader's own line/column coordinates (1-based). */
export interface CodeError {
  kind: 'syntax' | 'import' | 'runtime' | 'no-router' | 'timeout' | 'crash';
  message: string;
  line?: number;
  column?: number;
}

export interface RouteInfo {
  method: string;
  path: string;
}

/** What the page sends with each request; the worker adds the `trace` callback itself. */
export interface RequestEnv {
  config: PlainObject;
  now: number;
}

export type PlainData = undefined | null | boolean | number | string | PlainData[] | PlainObject;
export interface PlainObject {
  [key: string]: PlainData;
}

// ---- page → worker ----
/** `compiled`: the code already transpiled (build time), so the worker needs no compiler for it. */
export type LoadMessage = { type: 'load'; id: number; code: string; compiled?: { js: string; mappings: string } };
export type RequestMessage = { type: 'request'; id: number; request: WireRequest; env: RequestEnv };
export type PingMessage = { type: 'ping'; id: number };
/** The TypeScript compiler bundle's text, sent once per worker before the first load that needs it; answered by `ready`. */
export type CompilerMessage = { type: 'compiler'; id: number; code: string };
export type ToWorker = LoadMessage | RequestMessage | PingMessage | CompilerMessage;

// ---- worker → page ----
export type ReadyMessage = { type: 'ready'; id: number };
export type LoadedMessage = { type: 'loaded'; id: number; routes: RouteInfo[]; logs: string[] };
export type LoadErrorMessage = { type: 'load-error'; id: number; error: CodeError; logs: string[] };
export type ResponseMessage = {
  type: 'response';
  id: number;
  response: WireResponse;
  trace?: PlainData;
  logs: string[];
  error?: CodeError & { stack?: string };
};
export type FatalMessage = { type: 'fatal'; id: number; message: string };
export type FromWorker = ReadyMessage | LoadedMessage | LoadErrorMessage | ResponseMessage | FatalMessage;

export type Validated<T> = { ok: true; value: T } | { ok: false; reason: string };

// Generous caps: they bound what a hostile worker can make the page hold, not what a lesson needs.
export const LIMITS = {
  code: 512 * 1024,
  compiled: 2 * 1024 * 1024,
  compiler: 4 * 1024 * 1024,
  body: 1024 * 1024,
  header: 64 * 1024,
  headers: 500,
  logs: 500,
  logLine: 8 * 1024,
  routes: 1000,
  message: 16 * 1024,
  stack: 32 * 1024,
  plainDepth: 32,
  plainNodes: 20_000,
} as const;

class Invalid extends Error {}

function fail(reason: string): never {
  throw new Invalid(reason);
}

/** Reads an own data property without running getters or walking the prototype chain. */
function own(obj: object, key: string): unknown {
  const d = Object.getOwnPropertyDescriptor(obj, key);
  if (!d) return undefined;
  if (!('value' in d)) fail(`"${key}" is an accessor`);
  return d.value;
}

function isRecord(v: unknown): v is object {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function record(v: unknown, what: string): object {
  if (!isRecord(v)) fail(`${what} must be a plain object`);
  return v;
}

function str(obj: object, key: string, max: number, optional = false): string {
  const v = own(obj, key);
  if (v === undefined && optional) return undefined as unknown as string;
  if (typeof v !== 'string') fail(`"${key}" must be a string`);
  if (v.length > max) fail(`"${key}" is longer than ${max} characters`);
  return v;
}

function int(obj: object, key: string, optional = false): number {
  const v = own(obj, key);
  if (v === undefined && optional) return undefined as unknown as number;
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) fail(`"${key}" must be an integer`);
  return v;
}

function id(obj: object): number {
  const v = int(obj, 'id');
  if (v < 0) fail('"id" must not be negative');
  return v;
}

function array(obj: object, key: string, max: number): unknown[] {
  const v = own(obj, key);
  if (!Array.isArray(v)) fail(`"${key}" must be an array`);
  if (v.length > max) fail(`"${key}" has more than ${max} items`);
  return v;
}

function strings(obj: object, key: string, maxItems: number, maxLen: number): string[] {
  return array(obj, key, maxItems).map((s, i) => {
    if (typeof s !== 'string') fail(`"${key}[${i}]" must be a string`);
    return s.length > maxLen ? s.slice(0, maxLen) : s;
  });
}

function headerList(obj: object, key: string): HeaderList {
  return array(obj, key, LIMITS.headers).map((pair, i): [string, string] => {
    if (!Array.isArray(pair) || pair.length !== 2) fail(`"${key}[${i}]" must be a [name, value] pair`);
    const [name, value] = pair;
    if (typeof name !== 'string' || typeof value !== 'string') fail(`"${key}[${i}]" must hold two strings`);
    if (name.length + value.length > LIMITS.header) fail(`"${key}[${i}]" is too long`);
    return [name, value];
  });
}

/**
 * Copies JSON-like data (what the engine's config and trace are). Objects come back with a normal
 * prototype and own `__proto__` keys stay ordinary own properties (defineProperty, not assignment).
 */
export function copyPlain(v: unknown, depth = 0, budget = { nodes: 0 }): PlainData {
  if (++budget.nodes > LIMITS.plainNodes) fail('data has too many parts');
  if (depth > LIMITS.plainDepth) fail('data is nested too deeply');
  if (v === undefined || v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) fail('numbers must be finite');
    return v;
  }
  if (Array.isArray(v)) return v.map((x) => copyPlain(x, depth + 1, budget));
  if (isRecord(v)) {
    const out: PlainObject = {};
    for (const key of Object.keys(v)) {
      Object.defineProperty(out, key, {
        value: copyPlain(own(v, key), depth + 1, budget),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  fail(`unsupported value of type ${typeof v}`);
}

function codeError(v: unknown): CodeError & { stack?: string } {
  const o = record(v, '"error"');
  const kind = str(o, 'kind', 20);
  if (!['syntax', 'import', 'runtime', 'no-router', 'timeout', 'crash'].includes(kind)) fail(`unknown error kind "${kind}"`);
  const out: CodeError & { stack?: string } = { kind: kind as CodeError['kind'], message: str(o, 'message', LIMITS.message) };
  const line = int(o, 'line', true);
  const column = int(o, 'column', true);
  const stack = str(o, 'stack', LIMITS.stack, true);
  if (line !== undefined) out.line = line;
  if (column !== undefined) out.column = column;
  if (stack !== undefined) out.stack = stack;
  return out;
}

function wireRequest(v: unknown): WireRequest {
  const o = record(v, '"request"');
  const out: WireRequest = {
    method: str(o, 'method', 32),
    url: str(o, 'url', 8 * 1024),
    headers: headerList(o, 'headers'),
  };
  const body = str(o, 'body', LIMITS.body, true);
  if (body !== undefined) out.body = body;
  return out;
}

function wireResponse(v: unknown): WireResponse {
  const o = record(v, '"response"');
  const status = int(o, 'status');
  if (status < 100 || status > 999) fail('"status" is out of range');
  return {
    status,
    statusText: str(o, 'statusText', 256),
    headers: headerList(o, 'headers'),
    body: str(o, 'body', LIMITS.body),
  };
}

function routes(o: object): RouteInfo[] {
  return array(o, 'routes', LIMITS.routes).map((r) => {
    const ro = record(r, 'a route');
    return { method: str(ro, 'method', 32), path: str(ro, 'path', 2048) };
  });
}

function guard<T>(read: () => T): Validated<T> {
  try {
    return { ok: true, value: read() };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, reason: e.message };
    return { ok: false, reason: `unreadable message (${String(e)})` };
  }
}

/** Used by the worker on everything that arrives from the page. */
export function validateToWorker(data: unknown): Validated<ToWorker> {
  return guard(() => {
    const o = record(data, 'a message');
    const type = own(o, 'type');
    switch (type) {
      case 'load': {
        const out: LoadMessage = { type, id: id(o), code: str(o, 'code', LIMITS.code) };
        const compiled = own(o, 'compiled');
        if (compiled !== undefined) {
          const c = record(compiled, '"compiled"');
          out.compiled = { js: str(c, 'js', LIMITS.compiled), mappings: str(c, 'mappings', LIMITS.compiled) };
        }
        return out;
      }
      case 'compiler':
        return { type, id: id(o), code: str(o, 'code', LIMITS.compiler) };
      case 'request': {
        const env = record(own(o, 'env'), '"env"');
        const now = own(env, 'now');
        if (typeof now !== 'number' || !Number.isFinite(now)) fail('"env.now" must be a finite number');
        const config = copyPlain(own(env, 'config'));
        if (!isRecord(config)) fail('"env.config" must be a plain object');
        return { type, id: id(o), request: wireRequest(own(o, 'request')), env: { config: config as PlainObject, now } };
      }
      case 'ping':
        return { type, id: id(o) };
      default:
        fail(`unknown message type ${JSON.stringify(String(type)).slice(0, 40)}`);
    }
  });
}

/** Used by the page on everything that arrives from the worker. */
export function validateFromWorker(data: unknown): Validated<FromWorker> {
  return guard(() => {
    const o = record(data, 'a message');
    const type = own(o, 'type');
    switch (type) {
      case 'ready':
        return { type, id: id(o) };
      case 'loaded':
        return { type, id: id(o), routes: routes(o), logs: strings(o, 'logs', LIMITS.logs, LIMITS.logLine) };
      case 'load-error':
        return { type, id: id(o), error: codeError(own(o, 'error')), logs: strings(o, 'logs', LIMITS.logs, LIMITS.logLine) };
      case 'response': {
        const out: ResponseMessage = {
          type,
          id: id(o),
          response: wireResponse(own(o, 'response')),
          logs: strings(o, 'logs', LIMITS.logs, LIMITS.logLine),
        };
        const trace = own(o, 'trace');
        if (trace !== undefined) out.trace = copyPlain(trace);
        const error = own(o, 'error');
        if (error !== undefined) out.error = codeError(error);
        return out;
      }
      case 'fatal':
        return { type, id: id(o), message: str(o, 'message', LIMITS.message) };
      default:
        fail(`unknown message type ${JSON.stringify(String(type)).slice(0, 40)}`);
    }
  });
}
