/**
 * The one contract between the page and the sandbox: every message that crosses, its validator, and
 * what a load and a request give back to the page. The page (host.ts, frame.ts), the relay in the
 * iframe (relay.ts) and the worker (runtime/serve.ts) all import their shapes from here; nothing at
 * the border re-declares them or casts to them.
 *
 * Three parties, two hops:
 *   page ⇄ relay   a MessagePort; the relay (our code, on the iframe's main thread, where no reader
 *                  code ever runs) starts one worker per load and forwards calls to it;
 *   relay ⇄ worker the worker's own postMessage; the worker answers with JSON *text*, and the relay
 *                  passes on only text it asked for and no longer than LIMITS.reply, so the page never
 *                  decodes more than that, whatever the reader's code sends.
 *
 * Everything received is treated as untrusted plain data. Validators never return the object they
 * were given: they build a fresh one from the fields they know, so an own `__proto__` key or an
 * unexpected getter cannot reach the rest of the page.
 */
import type { SessionConfig, SessionTrace } from '../engine/index.ts';
import { VERSION_RULES } from '../engine/flask-versions.ts';
import type { VersionRuleId } from '../engine/flask-versions.ts';
import type { HeaderList, WireRequest, WireResponse } from '../engine/wire.ts';

export type { SessionConfig, SessionTrace, WireRequest, WireResponse };

/** A problem in the reader's code, in the reader's own line/column coordinates (1-based). */
export interface CodeError {
  kind: 'syntax' | 'import' | 'runtime' | 'no-router' | 'timeout' | 'crash';
  message: string;
  line?: number;
  column?: number;
}

/** An error the reader's route threw while answering, with the reader's own stack. */
export type RouteError = CodeError & { stack?: string };

export interface RouteInfo {
  method: string;
  path: string;
}

/** Code already transpiled to JavaScript (at build time), with its source map's mappings. */
export interface Precompiled {
  js: string;
  mappings: string;
}

/** Code for the sandbox, with its build-time compiled form when there is one. */
export interface Source {
  code: string;
  compiled?: Precompiled;
}

export type PlainData = undefined | null | boolean | number | string | PlainData[] | PlainObject;
export interface PlainObject {
  [key: string]: PlainData;
}

/**
 * Flask's app.config as the page gives it: keys left out take Flask's defaults in the worker
 * (the engine's defaultConfig), so a partial config is fine.
 */
export type SandboxConfig = Partial<SessionConfig> | Record<string, unknown>;

/** What the page sends with each request; the worker adds the `trace` callback itself. */
export interface RequestEnv {
  config: PlainObject;
  now: number;
}

// ---- page → worker (through the relay) ----
/** `compiled`: the code already transpiled (build time), so the worker needs no compiler for it. */
export type LoadMessage = { type: 'load'; id: number; code: string; compiled?: Precompiled };
export type RequestMessage = { type: 'request'; id: number; request: WireRequest; env: RequestEnv };
export type PingMessage = { type: 'ping'; id: number };
/**
 * Compile only, answered by `transpiled` or a syntax `load-error`. Sent to the one worker per frame
 * that started with the compiler and never loads code, so the workers that do load code need no
 * compiler and start fast.
 */
export type TranspileMessage = { type: 'transpile'; id: number; code: string };
export type ToWorker = LoadMessage | RequestMessage | PingMessage | TranspileMessage;

// ---- worker → page (JSON text, through the relay) ----
export type ReadyMessage = { type: 'ready'; id: number };
export type LoadedMessage = { type: 'loaded'; id: number; routes: RouteInfo[]; logs: string[] };
export type LoadErrorMessage = { type: 'load-error'; id: number; error: CodeError; logs: string[] };
export type TranspiledMessage = { type: 'transpiled'; id: number; compiled: Precompiled };
export type ResponseMessage = {
  type: 'response';
  id: number;
  response: WireResponse;
  /** Every trace the session layer reported during the request, in order. */
  traces: SessionTrace[];
  logs: string[];
  error?: RouteError;
};
export type FatalMessage = { type: 'fatal'; id: number; message: string };
export type FromWorker = ReadyMessage | LoadedMessage | LoadErrorMessage | TranspiledMessage | ResponseMessage | FatalMessage;

// ---- page → relay (over the page's MessagePort) ----
/**
 * The first thing over the port is the runtime's text, a bare string (the head's early script sends
 * it without knowing this module). Then:
 *   compiler  the compiler bundle's text, kept for workers started with `compiler: true`;
 *   spawn     start a fresh worker with this id (worker 1 starts with the relay, waiting for the runtime);
 *   call      forward one message to that worker, whose one reply the relay will pass back;
 *   end       terminate that worker.
 */
export type ToRelay =
  | { kind: 'compiler'; text: string }
  | { kind: 'spawn'; worker: number; compiler: boolean }
  | { kind: 'call'; worker: number; message: ToWorker }
  | { kind: 'end'; worker: number };

// ---- relay → page ----
/**
 *   spawned  the worker evaluated the runtime (and the compiler, if `compiler`) and waits for calls;
 *   reply    the worker's answer to a call, as the JSON text it sent (read it with readReply);
 *   broken   the worker failed, or (`invalid`) sent something nobody asked for, something that is
 *            not text, or too much of it; the relay has terminated it already.
 */
export type FromRelay =
  | { kind: 'spawned'; worker: number; compiler: boolean }
  | { kind: 'reply'; worker: number; text: string }
  | { kind: 'broken'; worker: number; reason: string; invalid: boolean };

/** The id of the worker the relay starts by itself, before the page asks for any. */
export const FIRST_WORKER = 1;

// ---- what the page gets back ----
export type LoadResult = { ok: true; routes: RouteInfo[]; logs: string[] } | { ok: false; error: CodeError; logs: string[] };

export type RunFailure = { kind: 'timeout' | 'crash' | 'protocol'; message: string; method: string; path: string };

export type RunResult =
  | { ok: true; response: WireResponse; trace?: SessionTrace; logs: string[]; error?: RouteError }
  | { ok: false; error: RunFailure };

/**
 * Told to the page when the sandbox had to be rebuilt. `running` says what answers now:
 *   same      the code the page last loaded, in a fresh sandbox (it failed while answering a request,
 *             or a new load failed and the previous code came back);
 *   fallback  the example's code (the page's fallback): the reader's code kept failing by itself;
 *   none      nothing (no fallback, or the fallback failed too): requests answer 503 until a load.
 */
export interface RestartNotice {
  why: 'timeout' | 'crash' | 'protocol';
  /** When it failed: answering a request, loading code, or between calls (nothing was asked). */
  during: 'request' | 'load' | 'idle';
  running: 'same' | 'fallback' | 'none';
  /** The routes answering now. */
  routes: RouteInfo[];
  /** For the reader, in the page's language. */
  message: string;
}

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
  traces: 20,
  /** Characters of one reply's JSON text: the relay passes on nothing longer, the page parses nothing longer. */
  reply: 2 * 1024 * 1024,
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

function str(obj: object, key: string, max: number): string {
  const v = own(obj, key);
  if (typeof v !== 'string') fail(`"${key}" must be a string`);
  if (v.length > max) fail(`"${key}" is longer than ${max} characters`);
  return v;
}

function optStr(obj: object, key: string, max: number): string | undefined {
  return own(obj, key) === undefined ? undefined : str(obj, key, max);
}

function int(obj: object, key: string): number {
  const v = own(obj, key);
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) fail(`"${key}" must be an integer`);
  return v;
}

function optInt(obj: object, key: string): number | undefined {
  return own(obj, key) === undefined ? undefined : int(obj, key);
}

function bool(obj: object, key: string): boolean {
  const v = own(obj, key);
  if (typeof v !== 'boolean') fail(`"${key}" must be true or false`);
  return v;
}

function id(obj: object, key = 'id'): number {
  const v = int(obj, key);
  if (v < 0) fail(`"${key}" must not be negative`);
  return v;
}

function oneOf<T extends string>(obj: object, key: string, values: readonly T[]): T {
  const v = own(obj, key);
  const found = values.find((x) => x === v);
  if (found === undefined) fail(`"${key}" is not one of ${values.join(', ')}`);
  return found;
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
 * Copies JSON-like data (what the engine's config and a session's contents are). Objects come back
 * with a normal prototype and own `__proto__` keys stay ordinary own properties (defineProperty, not
 * assignment).
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
  if (isRecord(v)) return copyObject(v, depth, budget);
  fail(`unsupported value of type ${typeof v}`);
}

function copyObject(v: object, depth = 0, budget = { nodes: 0 }): PlainObject {
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

const CODE_ERROR_KINDS = ['syntax', 'import', 'runtime', 'no-router', 'timeout', 'crash'] as const;

function codeError(v: unknown): CodeError {
  const o = record(v, '"error"');
  const out: CodeError = { kind: oneOf(o, 'kind', CODE_ERROR_KINDS), message: str(o, 'message', LIMITS.message) };
  const line = optInt(o, 'line');
  const column = optInt(o, 'column');
  if (line !== undefined) out.line = line;
  if (column !== undefined) out.column = column;
  return out;
}

function routeError(v: unknown): RouteError {
  const out: RouteError = codeError(v);
  const stack = optStr(record(v, '"error"'), 'stack', LIMITS.stack);
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
  const body = optStr(o, 'body', LIMITS.body);
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

const OPEN_RESULTS = ['none', 'ok', 'bad-signature', 'expired', 'malformed', 'bad-payload'] as const;
const ACTIONS = ['set', 'delete', 'none'] as const;
const WHYS = [
  'modified',
  'permanent-refresh',
  'not-modified',
  'refresh-disabled',
  'empty-modified',
  'empty-unmodified',
  'no-secret-key',
  'no-session',
] as const;

const VERSION_RULE_IDS = Object.keys(VERSION_RULES) as VersionRuleId[];

/** The Flask 2.2 / 3.1 rules a trace names: known rule ids only, each kept once. */
function versionRules(obj: object, key: string): VersionRuleId[] {
  const ids = array(obj, key, 4 * VERSION_RULE_IDS.length).map((r) => VERSION_RULE_IDS.find((id) => id === r) ?? fail(`"${key}" names an unknown rule`));
  return [...new Set(ids)];
}

/**
 * One trace as the engine reports it. The reader's code can call `env.trace` with anything, so a
 * trace is checked field by field, and one that is not the engine's shape is left out.
 */
export function sessionTrace(v: unknown): SessionTrace {
  const o = record(v, 'a trace');
  const opened = record(own(o, 'opened'), '"opened"');
  const cookie = own(opened, 'cookie') === null ? null : str(opened, 'cookie', LIMITS.header);
  const out: SessionTrace = {
    opened: { cookie, result: oneOf(opened, 'result', OPEN_RESULTS) },
    flags: (() => {
      const f = record(own(o, 'flags'), '"flags"');
      return { new: bool(f, 'new'), modified: bool(f, 'modified'), accessed: bool(f, 'accessed'), permanent: bool(f, 'permanent') };
    })(),
    action: oneOf(o, 'action', ACTIONS),
    why: oneOf(o, 'why', WHYS),
    vary: bool(o, 'vary'),
    versionRules: versionRules(o, 'versionRules'),
  };
  if (own(opened, 'versionRules') !== undefined) out.opened.versionRules = versionRules(opened, 'versionRules');
  const data = own(opened, 'data');
  if (data !== undefined) out.opened.data = copyPlain(data);
  const timestamp = own(opened, 'timestamp');
  if (timestamp !== undefined) {
    if (typeof timestamp !== 'number' || !Number.isFinite(timestamp)) fail('"timestamp" must be a finite number');
    out.opened.timestamp = timestamp;
  }
  const verifiedBy = own(opened, 'verifiedBy');
  if (verifiedBy !== undefined) {
    const vb = record(verifiedBy, '"verifiedBy"');
    out.opened.verifiedBy = oneOf(vb, 'key', ['current', 'fallback'] as const) === 'current' ? { key: 'current' } : { key: 'fallback', index: id(vb, 'index') };
  }
  const detail = optStr(opened, 'detail', LIMITS.message);
  if (detail !== undefined) out.opened.detail = detail;
  const setCookie = optStr(o, 'setCookie', LIMITS.header);
  if (setCookie !== undefined) out.setCookie = setCookie;
  return out;
}

/**
 * The traces that have the engine's shape; the others are dropped, not fatal (the reader's code may
 * call env.trace with anything). The worker sends only these, and the page checks again.
 */
export function sessionTraces(list: unknown): SessionTrace[] {
  if (!Array.isArray(list)) return [];
  const out: SessionTrace[] = [];
  for (const t of list.slice(0, LIMITS.traces)) {
    const checked = guard(() => sessionTrace(t));
    if (checked.ok) out.push(checked.value);
  }
  return out;
}

function guard<T>(read: () => T): Validated<T> {
  try {
    return { ok: true, value: read() };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, reason: e.message };
    return { ok: false, reason: `unreadable message (${String(e)})` };
  }
}

function unknownType(type: unknown): never {
  fail(`unknown message type ${JSON.stringify(String(type)).slice(0, 40)}`);
}

function precompiled(v: unknown): Precompiled {
  const c = record(v, '"compiled"');
  return { js: str(c, 'js', LIMITS.compiled), mappings: str(c, 'mappings', LIMITS.compiled) };
}

function toWorker(data: unknown): ToWorker {
  const o = record(data, 'a message');
  const type = own(o, 'type');
  switch (type) {
    case 'load': {
      const out: LoadMessage = { type, id: id(o), code: str(o, 'code', LIMITS.code) };
      const compiled = own(o, 'compiled');
      if (compiled !== undefined) out.compiled = precompiled(compiled);
      return out;
    }
    case 'transpile':
      return { type, id: id(o), code: str(o, 'code', LIMITS.code) };
    case 'request': {
      const env = record(own(o, 'env'), '"env"');
      const now = own(env, 'now');
      if (typeof now !== 'number' || !Number.isFinite(now)) fail('"env.now" must be a finite number');
      const config = copyObject(record(own(env, 'config'), '"env.config"'));
      return { type, id: id(o), request: wireRequest(own(o, 'request')), env: { config, now } };
    }
    case 'ping':
      return { type, id: id(o) };
    default:
      unknownType(type);
  }
}

/** The page's config as plain data for the worker (a copy: functions and cycles are refused). */
export function validateConfig(config: SandboxConfig): Validated<PlainObject> {
  return guard(() => copyObject(record(config, 'the config')));
}

/** Used by the worker on everything that arrives from the page. */
export function validateToWorker(data: unknown): Validated<ToWorker> {
  return guard(() => toWorker(data));
}

/** Used by the page on everything that arrives from the worker. */
export function validateFromWorker(data: unknown): Validated<FromWorker> {
  return guard((): FromWorker => {
    const o = record(data, 'a message');
    const type = own(o, 'type');
    switch (type) {
      case 'ready':
        return { type, id: id(o) };
      case 'loaded':
        return { type, id: id(o), routes: routes(o), logs: strings(o, 'logs', LIMITS.logs, LIMITS.logLine) };
      case 'load-error':
        return { type, id: id(o), error: codeError(own(o, 'error')), logs: strings(o, 'logs', LIMITS.logs, LIMITS.logLine) };
      case 'transpiled':
        return { type, id: id(o), compiled: precompiled(own(o, 'compiled')) };
      case 'response': {
        const out: ResponseMessage = {
          type,
          id: id(o),
          response: wireResponse(own(o, 'response')),
          traces: sessionTraces(array(o, 'traces', LIMITS.traces)),
          logs: strings(o, 'logs', LIMITS.logs, LIMITS.logLine),
        };
        const error = own(o, 'error');
        if (error !== undefined) out.error = routeError(error);
        return out;
      }
      case 'fatal':
        return { type, id: id(o), message: str(o, 'message', LIMITS.message) };
      default:
        unknownType(type);
    }
  });
}

/** The worker's reply text, bounded before it is parsed (the relay bounds it too). */
export function readReply(text: unknown): Validated<FromWorker> {
  if (typeof text !== 'string') return { ok: false, reason: 'a reply that is not text' };
  if (text.length > LIMITS.reply) return { ok: false, reason: `a reply of ${text.length} characters (at most ${LIMITS.reply})` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'a reply that is not JSON' };
  }
  return validateFromWorker(data);
}

/** The worker's side of readReply: one reply as the text the relay will accept. */
export function writeReply(message: FromWorker): string {
  return JSON.stringify(message);
}

/** Used by the page on what the relay sends over the port. */
export function validateFromRelay(data: unknown): Validated<FromRelay> {
  return guard((): FromRelay => {
    const o = record(data, 'a relay message');
    const kind = own(o, 'kind');
    switch (kind) {
      case 'spawned':
        return { kind, worker: id(o, 'worker'), compiler: bool(o, 'compiler') };
      case 'reply':
        return { kind, worker: id(o, 'worker'), text: str(o, 'text', LIMITS.reply) };
      case 'broken':
        return { kind, worker: id(o, 'worker'), reason: str(o, 'reason', LIMITS.message), invalid: bool(o, 'invalid') };
      default:
        unknownType(kind);
    }
  });
}
