/**
 * The page side of the sandbox: owns the iframe + worker, sends one call at a time, times each call,
 * and rebuilds the sandbox when the reader's code hangs or crashes it. No promise is left hanging.
 *
 * Start-up order matters for the first response: the iframe (its own process) is created at once,
 * while the runtime text is still loading; the worker boots as soon as both are there. The
 * TypeScript compiler is loaded into the worker only for code that was not compiled at build time.
 */
import compilerUrl from 'virtual:session-lab-compiler';
import runtimeUrl from 'virtual:session-lab-runtime';
import type { WireRequest, WireResponse } from '../engine/wire.ts';
import type { SessionConfig, SessionTrace } from './engine-types.ts';
import { createFrame } from './frame.ts';
import type { FrameOptions, SandboxFrame } from './frame.ts';
import { validateFromWorker } from './protocol.ts';
import type { CodeError, FromWorker, PlainObject, RouteInfo, ToWorker } from './protocol.ts';

export type { CodeError, RouteInfo };

/** Code already transpiled to JavaScript (at build time), with its source map's mappings. */
export interface Precompiled {
  js: string;
  mappings: string;
}

export type LoadResult =
  | { ok: true; routes: RouteInfo[]; logs: string[] }
  | { ok: false; error: CodeError; logs: string[] };

/**
 * Flask's app.config for the session: keys left out take Flask's defaults in the worker
 * (engine's defaultConfig), so a partial config is fine.
 */
export type SandboxConfig = Partial<SessionConfig> | Record<string, unknown>;

export type RunFailure = { kind: 'timeout' | 'crash' | 'protocol'; message: string; method: string; path: string };

export type RunResult =
  | { ok: true; response: WireResponse; trace?: SessionTrace; logs: string[]; error?: CodeError & { stack?: string } }
  | { ok: false; error: RunFailure };

export interface SandboxOptions {
  /** Budget for each load or request, in milliseconds (default 1500). */
  timeoutMs?: number;
  /** Where the hidden iframe goes (default document.body). */
  parent?: HTMLElement;
  /**
   * A frame the page's head started (early-frame.ts, findEarlyFrame), used for the first start: it
   * began loading while the page was parsed. Restarts make new frames.
   */
  adopt?: FrameOptions['adopt'];
  /** The runtime bundle text (default: fetched from the `virtual:session-lab-runtime` URL). */
  loadRuntime?: () => Promise<string>;
  /**
   * The compiler bundle text (default: fetched from `virtual:session-lab-compiler`), needed for any load without
   * `precompiled` code; null when the runtime has its compiler built in (tests).
   */
  loadCompiler?: (() => Promise<string>) | null;
}

export class SandboxDisposedError extends Error {
  constructor() {
    super('The sandbox was disposed.');
    this.name = 'SandboxDisposedError';
  }
}

type Job =
  | { kind: 'load'; code: string; compiled?: Precompiled; resolve: (r: LoadResult) => void; reject: (e: unknown) => void }
  | { kind: 'compiler'; resolve: (r: LoadResult) => void; reject: (e: unknown) => void }
  | {
      kind: 'request';
      request: WireRequest;
      env: { config: SandboxConfig; now: number };
      resolve: (r: RunResult) => void;
      reject: (e: unknown) => void;
    };

/** `alive`: on a timeout, whether the frame's relay answered a probe sent shortly before it. */
type Outcome = { reply: FromWorker } | { failure: 'timeout' | 'crash' | 'protocol'; message: string; alive?: Promise<boolean> };

/**
 * How long before a call's budget runs out the relay is asked whether its process lives, so a
 * looping worker is told from a dead process as soon as the budget is spent. A relay sharing its
 * process with a looping worker took over 200 ms to answer on a loaded 2-core machine.
 */
const PROBE_LEAD_MS = 400;

/** Plain text, not a module: the page never parses the worker's code as its own JavaScript. */
async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.text();
}
const defaultRuntime = () => fetchText(runtimeUrl);
const defaultCompiler = () => fetchText(compilerUrl);
/** Evaluating sucrase in a cold worker takes a few hundred ms on a slow machine: a larger budget. */
const COMPILER_BUDGET_MS = 10_000;

export class SandboxHost {
  onRestart?: (why: 'timeout' | 'crash') => void;

  readonly #timeoutMs: number;
  readonly #parent: HTMLElement;
  #adopt: FrameOptions['adopt'];
  readonly #loadRuntime: () => Promise<string>;
  readonly #loadCompiler: (() => Promise<string>) | null;
  #bundle: Promise<string> | undefined;
  #compilerText: Promise<string> | undefined;
  /** Frames whose worker has the compiler installed. */
  #withCompiler = new WeakSet<SandboxFrame>();
  #frame: SandboxFrame | undefined;
  #starting: Promise<SandboxFrame> | undefined;
  #ready: Promise<void>;
  #queue: Job[] = [];
  #busy = false;
  #disposed = false;
  #nextId = 1;
  #lastGoodCode: string | undefined;
  #lastGoodCompiled: Precompiled | undefined;
  /** Settles the call in flight when the frame reports a failure or a reply arrives. */
  #settle: ((outcome: Outcome) => void) | undefined;
  #pendingId = -1;

  constructor(opts: SandboxOptions = {}) {
    this.#timeoutMs = opts.timeoutMs ?? 1500;
    this.#parent = opts.parent ?? document.body;
    this.#adopt = opts.adopt;
    this.#loadRuntime = opts.loadRuntime ?? defaultRuntime;
    this.#loadCompiler = opts.loadCompiler === undefined ? defaultCompiler : opts.loadCompiler;
    this.#ready = this.#ensureFrame().then(() => undefined);
    // Callers who never await ready() must not see an unhandled rejection.
    this.#ready.catch(() => {});
  }

  ready(): Promise<void> {
    return this.#ready;
  }

  /** `compiled`: the build's transpiled form of exactly this code, if there is one (skips the compiler). */
  load(code: string, compiled?: Precompiled): Promise<LoadResult> {
    return new Promise((resolve, reject) => this.#enqueue({ kind: 'load', code, compiled, resolve, reject }));
  }

  /**
   * Loads the compiler into the worker now (in the queue, like any call), so the first edit does not
   * wait for it. Resolves `{ ok: true, routes: [] }` or the failure; never needed for correctness.
   */
  prepareCompiler(): Promise<LoadResult> {
    return new Promise((resolve, reject) => this.#enqueue({ kind: 'compiler', resolve, reject }));
  }

  request(request: WireRequest, env: { config: SandboxConfig; now: number }): Promise<RunResult> {
    return new Promise((resolve, reject) => this.#enqueue({ kind: 'request', request, env, resolve, reject }));
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#settle?.({ failure: 'crash', message: 'disposed' });
    for (const job of this.#queue.splice(0)) job.reject(new SandboxDisposedError());
    this.#frame?.destroy();
    this.#frame = undefined;
  }

  #enqueue(job: Job): void {
    if (this.#disposed) {
      job.reject(new SandboxDisposedError());
      return;
    }
    this.#queue.push(job);
    void this.#pump();
  }

  async #pump(): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    try {
      while (this.#queue.length && !this.#disposed) {
        const job = this.#queue.shift()!;
        try {
          await this.#run(job);
        } catch (e) {
          job.reject(e);
        }
      }
    } finally {
      this.#busy = false;
    }
  }

  async #run(job: Job): Promise<void> {
    const frame = await this.#ensureFrame();
    if (this.#disposed) throw new SandboxDisposedError();
    if (job.kind === 'compiler' || (job.kind === 'load' && !job.compiled)) {
      const ready = await this.#ensureCompiler(frame);
      if (ready !== true) {
        await this.#failed(job, frame, ready);
        return;
      }
    }
    if (job.kind === 'compiler') {
      job.resolve({ ok: true, routes: [], logs: [] });
      return;
    }
    const id = this.#nextId++;
    const message: ToWorker =
      job.kind === 'load'
        ? withCompiled({ type: 'load', id, code: job.code }, job.compiled)
        : { type: 'request', id, request: job.request, env: { config: job.env.config as unknown as PlainObject, now: job.env.now } };
    const outcome = await this.#call(frame, message);

    if ('reply' in outcome) {
      const reply = outcome.reply;
      if (job.kind === 'load') {
        if (reply.type === 'loaded') {
          this.#lastGoodCode = job.code;
          this.#lastGoodCompiled = job.compiled;
          job.resolve({ ok: true, routes: reply.routes, logs: reply.logs });
        } else if (reply.type === 'load-error') {
          job.resolve({ ok: false, error: reply.error, logs: reply.logs });
        } else {
          job.resolve({ ok: false, error: { kind: 'crash', message: `The sandbox answered with "${reply.type}".` }, logs: [] });
        }
      } else if (reply.type === 'response') {
        const result: RunResult = { ok: true, response: reply.response, logs: reply.logs };
        if (reply.trace !== undefined) result.trace = reply.trace as unknown as SessionTrace;
        if (reply.error) result.error = reply.error;
        job.resolve(result);
      } else {
        job.resolve({ ok: false, error: { kind: 'protocol', message: `The sandbox answered with "${reply.type}".`, ...where(job.request) } });
      }
      return;
    }
    await this.#failed(job, frame, outcome);
  }

  /** No reply: a timeout, a crash, or a broken message. The first two cost the frame. */
  async #failed(job: Job, frame: SandboxFrame, outcome: Exclude<Outcome, { reply: FromWorker }>): Promise<void> {
    if (outcome.failure !== 'protocol') {
      // A looping worker leaves the relay free to answer; a dead process answers nothing.
      const why = outcome.failure === 'timeout' && !(await (outcome.alive ?? frame.alive())) ? 'crash' : outcome.failure;
      // Kill first (removing the iframe stops the loop), answer the caller, then rebuild while the
      // queue waits, so the caller hears back as soon as the budget is spent.
      this.#kill(frame);
      const message =
        why === 'timeout'
          ? `The code ran for more than ${this.#timeoutMs} ms (an endless loop?), so the server was restarted.`
          : `The server crashed (${outcome.message}) and was restarted.`;
      if (job.kind !== 'request') job.resolve({ ok: false, error: { kind: why, message }, logs: [] });
      else job.resolve({ ok: false, error: { kind: why, message, ...where(job.request) } });
      await this.#restart(why);
      return;
    }
    if (job.kind !== 'request') job.resolve({ ok: false, error: { kind: 'crash', message: outcome.message }, logs: [] });
    else job.resolve({ ok: false, error: { kind: 'protocol', message: outcome.message, ...where(job.request) } });
  }

  /** Sends the compiler into this frame's worker once; true, or the failure to report. */
  async #ensureCompiler(frame: SandboxFrame): Promise<true | Exclude<Outcome, { reply: FromWorker }>> {
    if (this.#loadCompiler === null || this.#withCompiler.has(frame)) return true;
    let text: string;
    try {
      this.#compilerText ??= this.#loadCompiler();
      text = await this.#compilerText;
    } catch (e) {
      this.#compilerText = undefined; // a flaky network may do better next time
      return { failure: 'protocol', message: `The TypeScript compiler could not be loaded: ${e instanceof Error ? e.message : String(e)}` };
    }
    if (this.#disposed) throw new SandboxDisposedError();
    const outcome = await this.#call(frame, { type: 'compiler', id: this.#nextId++, code: text }, COMPILER_BUDGET_MS);
    if ('reply' in outcome) {
      if (outcome.reply.type === 'ready') {
        this.#withCompiler.add(frame);
        return true;
      }
      return { failure: 'protocol', message: `The sandbox could not install the TypeScript compiler (it answered "${outcome.reply.type}").` };
    }
    return outcome;
  }

  /** Sends one message and waits for its reply, the time budget, or a failure, whichever comes first. */
  #call(frame: SandboxFrame, message: ToWorker, budgetMs = this.#timeoutMs): Promise<Outcome> {
    return new Promise<Outcome>((resolve) => {
      const lead = Math.min(PROBE_LEAD_MS, budgetMs / 2);
      let alive: Promise<boolean> | undefined;
      const probe = setTimeout(() => {
        alive = frame.alive(lead + 200);
      }, budgetMs - lead);
      const timer = setTimeout(() => finish({ failure: 'timeout', message: 'timeout', alive }), budgetMs);
      const finish = (outcome: Outcome) => {
        clearTimeout(probe);
        clearTimeout(timer);
        this.#settle = undefined;
        this.#pendingId = -1;
        resolve(outcome);
      };
      this.#settle = finish;
      this.#pendingId = message.id;
      try {
        frame.port.postMessage(message);
      } catch (e) {
        finish({ failure: 'protocol', message: `could not send the message: ${String(e)}` });
      }
    });
  }

  #onWorkerMessage(data: unknown): void {
    const checked = validateFromWorker(data);
    if (!checked.ok) {
      this.#settle?.({ failure: 'protocol', message: `The sandbox sent an invalid message: ${checked.reason}` });
      return;
    }
    const reply = checked.value;
    if (reply.id !== this.#pendingId) return; // late answer to a call that already timed out, or noise
    if (reply.type === 'fatal') this.#settle?.({ failure: 'protocol', message: reply.message });
    else this.#settle?.({ reply });
  }

  #ensureFrame(): Promise<SandboxFrame> {
    if (this.#disposed) return Promise.reject(new SandboxDisposedError());
    if (this.#frame) return Promise.resolve(this.#frame);
    if (!this.#starting) {
      const adopt = this.#adopt;
      this.#adopt = undefined;
      // An early frame fetched the runtime already; restarts reuse that text.
      this.#bundle ??= adopt ? adopt.start.text : this.#loadRuntime();
      const bundle = this.#bundle;
      // The frame starts now, in parallel with the runtime's download; it boots when both are ready.
      const events = {
        message: (data: unknown) => {
          if (this.#frame === frame) this.#onWorkerMessage(data);
        },
        failed: (reason: string) => {
          if (this.#frame === frame) this.#settle?.({ failure: 'crash', message: reason });
        },
      };
      this.#starting = createFrame(bundle, events, { parent: this.#parent, adopt }).then(
          (f) => {
            frame = f;
            this.#starting = undefined;
            if (this.#disposed) {
              f.destroy();
              throw new SandboxDisposedError();
            }
            this.#frame = f;
            return f;
          },
          (e: unknown) => {
            this.#starting = undefined;
            // A runtime that failed to load may load next time (a flaky network during dev).
            if (this.#bundle === bundle) this.#bundle = undefined;
            // The head's frame did not start (its fetch, its worker): one fresh start of our own.
            if (adopt && !this.#disposed) return this.#ensureFrame();
            throw e;
          },
        );
    }
    let frame: SandboxFrame | undefined;
    return this.#starting;
  }

  #kill(frame: SandboxFrame): void {
    if (this.#frame === frame) this.#frame = undefined;
    frame.destroy();
  }

  /** Builds a new frame after a hang or crash and reloads the last code that worked. */
  async #restart(why: 'timeout' | 'crash'): Promise<void> {
    if (this.#disposed) return;
    try {
      this.onRestart?.(why);
    } catch {
      // a listener's error is not the sandbox's
    }
    const code = this.#lastGoodCode;
    const compiled = this.#lastGoodCompiled;
    if (code === undefined) return;
    try {
      const frame = await this.#ensureFrame();
      // Without its compiler the code cannot load; the next call will try again.
      if (!compiled && (await this.#ensureCompiler(frame)) !== true) return;
      const outcome = await this.#call(frame, withCompiled({ type: 'load', id: this.#nextId++, code }, compiled));
      if (!('reply' in outcome) || outcome.reply.type !== 'loaded') {
        // It worked once but not now (it depends on chance or time): forget it rather than loop.
        this.#lastGoodCode = undefined;
        if (!('reply' in outcome) && outcome.failure !== 'protocol') this.#kill(frame);
      }
    } catch {
      // The next call will try to start a frame again and report its own failure.
    }
  }
}

function withCompiled(message: { type: 'load'; id: number; code: string }, compiled: Precompiled | undefined): ToWorker {
  return compiled ? { ...message, compiled: { js: compiled.js, mappings: compiled.mappings } } : message;
}

function where(request: WireRequest): { method: string; path: string } {
  let path = request.url;
  try {
    const url = new URL(request.url);
    path = url.pathname + url.search;
  } catch {
    // keep the raw text
  }
  return { method: request.method, path };
}
