/**
 * The simulated server: loads the reader's module and answers WireRequests with it.
 *
 * Runs in the sandbox worker, and in Node for tests (no DOM, no worker API needed). It keeps the last
 * router that loaded cleanly, so a typo in the editor never takes the server down.
 */
import type { WireRequest, WireResponse } from '../../engine/wire.ts';
import type { CodeError, LoadResult, Precompiled, RequestEnv, RouteError, RouteInfo } from '../contract.ts';
import { CodeProblem, ImportDenied, compile, locate, readerFrames, readerStack, transpileChecked } from './compile.ts';
import type { CompiledModule } from './compile.ts';
import { createLogCapture } from './console-capture.ts';
import type { LogCapture } from './console-capture.ts';
import { debuggerPage } from './error-page.ts';
import type { Transpiled } from './transform.ts';
import { nativeResponse } from './web-shims.ts';

/** What `import … from 'session-lab'` must provide; the harness itself uses these four. */
// `any` parameters: the engine's own types are stricter, and this only has to accept them.
/* eslint-disable @typescript-eslint/no-explicit-any */
export interface SessionLabModule {
  withSession: (request: any, env: any) => unknown;
  saveSession: (response: any, request: any, env: any) => unknown;
  flaskResponse: (response: any) => unknown;
  BadPayloadError: abstract new (...args: any[]) => Error;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export interface HarnessOptions {
  modules: { 'itty-router': object; 'session-lab': SessionLabModule & object };
  /** Completes the config the page sent (the worker fills in Flask's defaults). */
  prepareConfig?: (config: RequestEnv['config']) => unknown;
  /** Response bodies longer than this (in characters) are cut, with a note. */
  bodyLimit?: number;
  logs?: LogCapture;
}

export interface RequestOutcome {
  response: WireResponse;
  /** Whatever the session layer (or the reader's code) passed to env.trace, in order. */
  traces: unknown[];
  logs: string[];
  error?: RouteError;
}

interface Router {
  fetch: (request: Request, ...args: unknown[]) => Promise<unknown>;
  routes: unknown[];
}

interface Loaded {
  mod: CompiledModule;
  router: Router;
  lines: string[];
}

export const DEFAULT_BODY_LIMIT = 256 * 1024;

export function createHarness(options: HarnessOptions) {
  const modules = options.modules;
  const allowed = Object.keys(modules);
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const logs = options.logs ?? createLogCapture();
  let current: Loaded | undefined;

  const require = (name: string): unknown => {
    if (typeof name === 'string' && Object.hasOwn(modules, name)) return modules[name as keyof typeof modules];
    throw new ImportDenied(String(name), allowed);
  };

  /** `precompiled`: see compile(); it must be the transpiled form of `code`. */
  function load(code: string, precompiled?: Transpiled): LoadResult {
    logs.take();
    try {
      const mod = compile(code, precompiled);
      const exports: Record<string, unknown> = {};
      const module = { exports };
      try {
        mod.run(require, exports, module, logs.console);
      } catch (e) {
        const at = locate(mod, e);
        if (e instanceof ImportDenied) throw new CodeProblem('import', e.message, at);
        throw new CodeProblem('runtime', describe(e), at);
      }
      const router = (module.exports as { default?: unknown }).default;
      if (!isRouter(router)) {
        throw new CodeProblem(
          'no-router',
          router === undefined
            ? 'The module has no default export: end it with `export default router`.'
            : 'The default export is not an itty-router router (it needs `fetch` and `routes`): export the router itself.',
        );
      }
      current = { mod, router, lines: code.split('\n') };
      return { ok: true, routes: routesOf(router), logs: logs.take() };
    } catch (e) {
      const p = e instanceof CodeProblem ? e : new CodeProblem('runtime', describe(e));
      const error: CodeError = { kind: p.kind, message: p.message };
      if (p.line !== undefined) error.line = p.line;
      if (p.column !== undefined) error.column = p.column;
      return { ok: false, error, logs: logs.take() };
    }
  }

  /** Only compiles: nothing of the reader's runs (the compiling worker never loads code). */
  function transpile(code: string): { ok: true; compiled: Precompiled } | { ok: false; error: CodeError } {
    try {
      return { ok: true, compiled: transpileChecked(code) };
    } catch (e) {
      const p = e instanceof CodeProblem ? e : new CodeProblem('syntax', describe(e));
      const error: CodeError = { kind: p.kind, message: p.message };
      if (p.line !== undefined) error.line = p.line;
      if (p.column !== undefined) error.column = p.column;
      return { ok: false, error };
    }
  }

  async function request(wire: WireRequest, env: RequestEnv): Promise<RequestOutcome> {
    logs.take();
    const loaded = current;
    if (!loaded) {
      return {
        response: await toWire(textResponse(503, 'Service Unavailable', 'No routes are loaded yet: fix the errors in the code first.'), bodyLimit),
        traces: [],
        logs: logs.take(),
      };
    }
    const lab = modules['session-lab'];
    const traces: unknown[] = [];
    const config = options.prepareConfig ? options.prepareConfig(env.config) : env.config;
    const runEnv = { config, now: env.now, trace: (t: unknown) => traces.push(t) };
    const req = toRequest(wire);
    let result: unknown;
    let error: RouteError | undefined;
    try {
      result = await loaded.router.fetch(req, runEnv);
    } catch (e) {
      const bad = e instanceof lab.BadPayloadError;
      const at = locate(loaded.mod, e);
      error = { kind: 'runtime', message: describe(e), stack: readerStack(loaded.mod, e) };
      if (at) Object.assign(error, at);
      result = htmlResponse(
        500,
        debuggerPage({
          name: e instanceof Error ? e.name : 'Error',
          message: e instanceof Error ? e.message : String(e),
          frames: readerFrames(loaded.mod, e),
          sourceLines: loaded.lines,
          explanation: bad
            ? 'The session cookie carries a valid signature, but its payload could not be decoded (itsdangerous ' +
              'raises BadPayload). Flask only forgives a bad signature (it starts an empty session); a bad payload ' +
              'reaches the error handler, hence this 500.'
            : undefined,
        }),
      );
      // Flask still runs process_response on a 500, so a session opened before the error is saved.
      const r = req as Request & { session?: unknown; proxy?: { session?: unknown } };
      const target = r.proxy ?? r;
      if (target.session !== undefined) {
        try {
          result = (await lab.saveSession(result, target, runEnv)) ?? result;
        } catch (saveError) {
          logs.push(`[error] saving the session after the error failed too: ${describe(saveError)}`);
        }
      }
    }
    if (!(result instanceof nativeResponse())) {
      const what = result === undefined ? 'nothing (undefined)' : `a value of type ${result === null ? 'null' : typeof result}`;
      error ??= { kind: 'runtime', message: `The router returned ${what} instead of a Response.` };
      result = textResponse(
        500,
        'Internal Server Error',
        `The view function did not return a valid response: the router returned ${what}. ` +
          'Keep `flaskResponse` in `finally`, or return a string, an object, or a Response from each route.',
      );
    }
    const response = await toWire(result as Response, bodyLimit);
    const out: RequestOutcome = { response, traces, logs: logs.take() };
    if (error) out.error = error;
    return out;
  }

  return {
    load,
    transpile,
    request,
    get loaded() {
      return current !== undefined;
    },
    logs,
  };
}

export type Harness = ReturnType<typeof createHarness>;

function isRouter(v: unknown): v is Router {
  return (
    (typeof v === 'object' || typeof v === 'function') &&
    v !== null &&
    typeof (v as Router).fetch === 'function' &&
    Array.isArray((v as Router).routes)
  );
}

function routesOf(router: Router): RouteInfo[] {
  return router.routes.map((entry) => {
    const [method, , , path] = Array.isArray(entry) ? entry : [];
    // itty-router stores "/" as "" (it trims trailing slashes).
    return { method: String(method ?? '?'), path: String(path ?? '') || '/' };
  });
}

function describe(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  try {
    return `Uncaught ${typeof e === 'string' ? JSON.stringify(e) : String(e)}`;
  } catch {
    return 'Uncaught (unprintable value)';
  }
}

function toRequest(wire: WireRequest): Request {
  // A standalone Headers has no guard, so Cookie survives (see web-shims.ts).
  const headers = new Headers();
  for (const [name, value] of wire.headers) headers.append(name, value);
  const method = wire.method.toUpperCase();
  const init: RequestInit = { method, headers };
  if (wire.body !== undefined && method !== 'GET' && method !== 'HEAD') init.body = wire.body;
  const req = new Request(wire.url, init);
  if (req.headers.get('cookie') !== headers.get('cookie')) {
    // Without the shim (a platform with the request guard) keep our headers anyway.
    Object.defineProperty(req, 'headers', { value: headers });
  }
  return req;
}

function textResponse(status: number, statusText: string, body: string): Response {
  return new Response(body, { status, statusText, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

function htmlResponse(status: number, body: string): Response {
  return new Response(body, { status, statusText: 'INTERNAL SERVER ERROR', headers: { 'content-type': 'text/html; charset=utf-8' } });
}

async function toWire(res: Response, limit: number): Promise<WireResponse> {
  const headers: [string, string][] = [];
  for (const [name, value] of res.headers) headers.push([name, value]);
  return { status: res.status, statusText: res.statusText, headers, body: await readCapped(res, limit) };
}

/** Reads at most `limit` characters, so an endless stream or a huge body cannot hang the reply. */
async function readCapped(res: Response, limit: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let more = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (text.length > limit) {
      more = true;
      break;
    }
  }
  if (more) {
    await reader.cancel().catch(() => {});
    return `${text.slice(0, limit)}\n\n[Session Lab: body truncated after ${limit} characters]`;
  }
  return text + decoder.decode();
}
