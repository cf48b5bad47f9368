/**
 * The page side of the sandbox: owns the iframe and its workers, sends one call at a time, times
 * each call, and rebuilds the sandbox when the reader's code hangs it, crashes it, or says anything
 * nobody asked for. No promise is left hanging.
 *
 * A fresh worker for every load: the code goes into a worker nothing has run in yet (a spare started
 * while the page was idle, or the first one), and the worker it replaces is ended only once the new
 * code loaded, so a typo keeps the previous routes answering and nothing one version did (a replaced
 * `Response`, a patched prototype, a timer) reaches the next.
 *
 * The budget covers the time between calls too: while idle, the running code is asked to answer a
 * ping every `watchMs`; a worker busy with a loop of its own (a timer, `Atomics.wait`, `self.close()`)
 * misses it and the frame is removed, which stops the loop at once. Code that failed *by itself* is
 * never loaded again on its own: the sandbox falls back to the page's fallback (the example's code),
 * and a fallback that fails too leaves the server empty. So a restart can never become a loop.
 *
 * Start-up order matters for the first response: the iframe (its own process) is created at once,
 * while the runtime text is still loading; the first worker boots as soon as both are there.
 */
import compilerUrl from 'virtual:session-lab-compiler';
import runtimeUrl from 'virtual:session-lab-runtime';
import { FIRST_WORKER, readReply, validateConfig } from './contract.ts';
import type {
  CodeError,
  FromRelay,
  FromWorker,
  LoadResult,
  Precompiled,
  RestartNotice,
  RouteInfo,
  RunFailure,
  RunResult,
  SandboxConfig,
  Source,
  ToWorker,
  WireRequest,
} from './contract.ts';
import { createFrame } from './frame.ts';
import type { FrameOptions, SandboxFrame } from './frame.ts';
import { restartMessage, sandboxTexts } from './messages.ts';
import type { SandboxLang } from './messages.ts';

export interface SandboxOptions {
  /** Budget for each load or request, and for each idle ping, in milliseconds (default 1500). */
  timeoutMs?: number;
  /** How often the running code must answer a ping while idle (default 1000 ms; 0: never). */
  watchMs?: number;
  /** Where the hidden iframe goes (default document.body). */
  parent?: HTMLElement;
  /**
   * A frame the page's head started (../startup/early-frame.ts; adopt.ts, findEarlyFrame), used for the first start: it
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
  /** The language of the messages the reader may see (default 'en'). */
  lang?: SandboxLang;
}

export class SandboxDisposedError extends Error {
  constructor() {
    super('The sandbox was disposed.');
    this.name = 'SandboxDisposedError';
  }
}

type Failure = { failure: RunFailure['kind']; message: string; alive?: Promise<boolean> };
type Outcome = { reply: FromWorker } | Failure;

type Job =
  | { kind: 'load'; source: Source; resolve: (r: LoadResult) => void; reject: (e: unknown) => void }
  | { kind: 'compiler'; resolve: (r: LoadResult) => void; reject: (e: unknown) => void }
  | { kind: 'request'; request: WireRequest; env: { config: SandboxConfig; now: number }; resolve: (r: RunResult) => void; reject: (e: unknown) => void }
  /** Between calls: the running code must still answer. */
  | { kind: 'watch'; resolve: () => void; reject: (e: unknown) => void }
  /** The frame went (a failed call, or something nobody asked for): a new one runs what should answer. */
  | { kind: 'recover'; why: Failure; during: RestartNotice['during']; resolve: () => void; reject: (e: unknown) => void };

/** One frame and what the page knows about its workers. */
interface Live {
  frame: SandboxFrame;
  /** Workers that started with the TypeScript compiler. */
  compiler: Set<number>;
  /** Whether the relay has the compiler's text. */
  compilerSent: boolean;
  /**
   * The frame's compiling worker: it has the compiler and turns the reader's TypeScript into
   * JavaScript, but never loads code, so nothing of the reader's runs there and it lasts as long as
   * the frame. The workers that load code then need no compiler, which makes a fresh one cheap.
   */
  compiling?: { worker: Promise<number>; id?: number };
  spawns: Map<number, { resolve: (worker: number) => void; reject: (e: Error) => void }>;
  /** The worker serving requests, and the code it runs (none yet: nothing ran in it). */
  current?: { worker: number; source?: Source };
  /** A worker nothing ran in yet, for the next load. */
  spare?: Promise<number>;
  /** Started workers nothing ran in yet (the spare, a first worker before its first load). */
  fresh: Set<number>;
}

/** What answers requests now, so a rebuilt frame can run it again. */
interface Running {
  source: Source;
  routes: RouteInfo[];
  origin: 'reader' | 'fallback';
}

/**
 * How long before a call's budget runs out the relay is asked whether its process lives, so a
 * looping worker is told from a dead process as soon as the budget is spent. A relay sharing its
 * process with a looping worker took over 200 ms to answer on a loaded 2-core machine.
 */
const PROBE_LEAD_MS = 400;
/** The message of a call that got no answer within its budget. */
const OUT_OF_TIME = 'no answer within the budget';
/**
 * How long a new worker may take to start. The compiling worker evaluates sucrase as it starts,
 * a few hundred ms on a slow machine, so this is far above a call's budget.
 */
const START_BUDGET_MS = 10_000;
/** A spare worker starts this long after a load, once the page is likely idle again. */
const SPARE_DELAY_MS = 300;

/** Plain text, not a module: the page never parses the worker's code as its own JavaScript. */
async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.text();
}
const defaultRuntime = () => fetchText(runtimeUrl);
const defaultCompiler = () => fetchText(compilerUrl);
const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class SandboxHost {
  onRestart?: (notice: RestartNotice) => void;

  readonly #timeoutMs: number;
  readonly #watchMs: number;
  readonly #parent: HTMLElement;
  readonly #lang: SandboxLang;
  #adopt: FrameOptions['adopt'];
  readonly #loadRuntime: () => Promise<string>;
  readonly #loadCompiler: (() => Promise<string>) | null;
  #bundle: Promise<string> | undefined;
  #compilerText: Promise<string> | undefined;
  #live: Live | undefined;
  #starting: Promise<Live> | undefined;
  #ready: Promise<void>;
  #queue: Job[] = [];
  #busy = false;
  #disposed = false;
  #nextId = 1;
  #nextWorker = FIRST_WORKER + 1;
  #running: Running | undefined;
  /** The running code broke the frame while a call to another worker was in flight. */
  #runningFailed = false;
  #fallback: Source | undefined;
  #watchTimer: ReturnType<typeof setTimeout> | undefined;
  #spareTimer: ReturnType<typeof setTimeout> | undefined;
  /** The call in flight: which worker, which id, and how to settle it. */
  #pending: { worker: number; id: number; settle: (outcome: Outcome) => void } | undefined;

  constructor(opts: SandboxOptions = {}) {
    this.#timeoutMs = opts.timeoutMs ?? 1500;
    this.#watchMs = opts.watchMs ?? 1000;
    this.#parent = opts.parent ?? document.body;
    this.#lang = opts.lang ?? 'en';
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

  /**
   * What the sandbox runs when the reader's code keeps failing by itself (the example as shipped).
   * The page vouches for it: it is loaded once after such a failure, never in a loop.
   */
  setFallback(source: Source | undefined): void {
    this.#fallback = source;
  }

  /** `compiled`: the build's transpiled form of exactly this code, if there is one (skips the compiler). */
  load(code: string, compiled?: Precompiled): Promise<LoadResult> {
    const source: Source = compiled ? { code, compiled } : { code };
    return new Promise((resolve, reject) => this.#enqueue({ kind: 'load', source, resolve, reject }));
  }

  /**
   * Gets the compiler to the sandbox now (in the queue, like any call), so the first edit does not
   * wait for it. Resolves `{ ok: true, routes: [] }` or the failure; never needed for correctness.
   */
  prepareCompiler(): Promise<LoadResult> {
    return new Promise((resolve, reject) => this.#enqueue({ kind: 'compiler', resolve, reject }));
  }

  /** `config`: Flask's app.config; keys left out take Flask's defaults in the worker. */
  request(request: WireRequest, env: { config: SandboxConfig; now: number }): Promise<RunResult> {
    return new Promise((resolve, reject) => this.#enqueue({ kind: 'request', request, env, resolve, reject }));
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    clearTimeout(this.#watchTimer);
    clearTimeout(this.#spareTimer);
    this.#pending?.settle({ failure: 'crash', message: 'disposed' });
    for (const job of this.#queue.splice(0)) job.reject(new SandboxDisposedError());
    if (this.#live) this.#kill(this.#live);
  }

  // ---------- the queue ----------

  #enqueue(job: Job, first = false): void {
    if (this.#disposed) {
      job.reject(new SandboxDisposedError());
      return;
    }
    if (first) this.#queue.unshift(job);
    else this.#queue.push(job);
    void this.#pump();
  }

  async #pump(): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    clearTimeout(this.#watchTimer);
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
      this.#scheduleWatch();
    }
  }

  async #run(job: Job): Promise<void> {
    switch (job.kind) {
      case 'load':
        return job.resolve(await this.#load(job.source));
      case 'request':
        return job.resolve(await this.#request(job.request, job.env));
      case 'compiler':
        return job.resolve(await this.#prepareCompiler());
      case 'watch':
        await this.#watch();
        return job.resolve();
      case 'recover':
        await this.#recover(job.why, job.during);
        return job.resolve();
    }
  }

  // ---------- the calls ----------

  async #load(source: Source): Promise<LoadResult> {
    const live = await this.#ensureFrame();
    if (!source.compiled) {
      const compiled = await this.#transpile(live, source.code);
      if ('network' in compiled) return { ok: false, error: { kind: 'crash', message: compiled.network }, logs: [] };
      if ('failure' in compiled) return this.#loadFailed(live, compiled);
      if ('error' in compiled) return { ok: false, error: compiled.error, logs: [] };
      source = { code: source.code, compiled: compiled.compiled };
    }
    let worker: number;
    try {
      worker = await this.#freshWorker(live);
    } catch (e) {
      return this.#loadFailed(live, { failure: 'crash', message: describe(e) });
    }
    const outcome = await this.#call(live, worker, loadMessage(this.#nextId++, source));
    if (!('reply' in outcome)) return this.#loadFailed(live, outcome);
    const reply = outcome.reply;
    if (reply.type === 'loaded') {
      const previous = live.current;
      live.current = { worker, source };
      if (previous && previous.worker !== worker) live.frame.send({ kind: 'end', worker: previous.worker });
      this.#running = { source, routes: reply.routes, origin: 'reader' };
      this.#scheduleSpare(live);
      return { ok: true, routes: reply.routes, logs: reply.logs };
    }
    if (reply.type === 'load-error') {
      // Its top-level code ran: the worker is not fresh any more. The previous one keeps answering.
      if (live.current?.worker === worker) live.current = undefined;
      live.frame.send({ kind: 'end', worker });
      this.#scheduleSpare(live);
      return { ok: false, error: reply.error, logs: reply.logs };
    }
    return this.#loadFailed(live, { failure: 'protocol', message: `"${reply.type}"` });
  }

  /**
   * No proper answer to a load: the frame goes at once (that stops a loop), the caller hears why as
   * soon as the budget is spent, and the rebuild is the next thing in the queue.
   */
  async #loadFailed(live: Live, outcome: Failure): Promise<LoadResult> {
    const why = await this.#classify(live, outcome);
    this.#kill(live);
    this.#enqueue(this.#recoverJob({ failure: why, message: outcome.message }, 'load'), true);
    return { ok: false, error: { kind: why === 'timeout' ? 'timeout' : 'crash', message: this.#cause(why, outcome.message) }, logs: [] };
  }

  #recoverJob(why: Failure, during: RestartNotice['during']): Job {
    return { kind: 'recover', why, during, resolve: () => {}, reject: () => {} };
  }

  async #request(request: WireRequest, env: { config: SandboxConfig; now: number }): Promise<RunResult> {
    const live = await this.#ensureFrame();
    let worker: number;
    try {
      worker = await this.#currentWorker(live);
    } catch (e) {
      return this.#requestFailed(live, request, { failure: 'crash', message: describe(e) });
    }
    const config = validateConfig(env.config);
    if (!config.ok) return { ok: false, error: { kind: 'protocol', message: config.reason, ...where(request) } };
    const message: ToWorker = { type: 'request', id: this.#nextId++, request, env: { config: config.value, now: env.now } };
    const outcome = await this.#call(live, worker, message);
    if (!('reply' in outcome)) return this.#requestFailed(live, request, outcome);
    const reply = outcome.reply;
    if (reply.type !== 'response') return this.#requestFailed(live, request, { failure: 'protocol', message: `"${reply.type}"` });
    const result: RunResult = { ok: true, response: reply.response, logs: reply.logs };
    // The session layer traces once per request; a route may add its own, the last one counts.
    const trace = reply.traces.at(-1);
    if (trace !== undefined) result.trace = trace;
    if (reply.error) result.error = reply.error;
    return result;
  }

  async #requestFailed(live: Live, request: WireRequest, outcome: Failure): Promise<RunResult> {
    const why = await this.#classify(live, outcome);
    this.#kill(live);
    this.#enqueue(this.#recoverJob({ failure: why, message: outcome.message }, 'request'), true);
    return { ok: false, error: { kind: why, message: this.#cause(why, outcome.message), ...where(request) } };
  }

  async #prepareCompiler(): Promise<LoadResult> {
    const live = await this.#ensureFrame();
    const worker = await this.#compilingWorker(live);
    if (typeof worker === 'number') return { ok: true, routes: [], logs: [] };
    return { ok: false, error: { kind: 'crash', message: 'network' in worker ? worker.network : worker.message }, logs: [] };
  }

  /**
   * The reader's TypeScript as JavaScript, from the compiling worker. A syntax error is an answer
   * (`error`); `network`: the compiler could not be fetched (no fault of the sandbox); `failure`:
   * the compiling worker did not answer properly, which costs the frame like any other call.
   */
  async #transpile(live: Live, code: string): Promise<{ compiled: Precompiled } | { error: CodeError } | { network: string } | Failure> {
    const worker = await this.#compilingWorker(live);
    if (typeof worker !== 'number') return worker;
    const outcome = await this.#call(live, worker, { type: 'transpile', id: this.#nextId++, code });
    if (!('reply' in outcome)) return outcome;
    if (outcome.reply.type === 'transpiled') return { compiled: outcome.reply.compiled };
    if (outcome.reply.type === 'load-error') return { error: outcome.reply.error };
    return { failure: 'protocol', message: `"${outcome.reply.type}"` };
  }

  async #compilingWorker(live: Live): Promise<number | { network: string } | Failure> {
    if (!live.compiling) {
      const text = this.#loadCompiler === null ? undefined : await this.#compiler();
      if (typeof text === 'object') return { network: text.message };
      if (this.#live !== live) return { failure: 'crash', message: 'the sandbox is gone' };
      if (!live.compiling) {
        if (text !== undefined) this.#sendCompiler(live, text);
        const worker = this.#spawn(live, text !== undefined);
        const compiling: NonNullable<Live['compiling']> = { worker };
        worker.then(
          (w) => (compiling.id = w),
          () => {
            if (live.compiling === compiling) live.compiling = undefined;
          },
        );
        live.compiling = compiling;
      }
    }
    try {
      const worker = await live.compiling.worker;
      if (this.#loadCompiler !== null && !live.compiler.has(worker)) return { failure: 'protocol', message: 'the compiler did not start' };
      return worker;
    } catch (e) {
      return { failure: 'crash', message: describe(e) };
    }
  }

  /** Between calls the running code must answer a ping within the budget, or the frame goes. */
  async #watch(): Promise<void> {
    const live = this.#live;
    const current = live?.current;
    if (!live || !current?.source) return;
    const outcome = await this.#call(live, current.worker, { type: 'ping', id: this.#nextId++ });
    if ('reply' in outcome && outcome.reply.type === 'ready') return;
    const why = 'reply' in outcome ? 'protocol' : await this.#classify(live, outcome);
    this.#kill(live);
    await this.#recover({ failure: why, message: 'reply' in outcome ? `"${outcome.reply.type}"` : outcome.message }, 'idle');
  }

  /**
   * The frame is gone (or goes now); a new one runs what should answer. Code that failed while
   * answering a request, or a previous version after a new load failed, is loaded again once; code
   * that failed by itself (between calls, or while being loaded again) is not: the fallback is, once.
   * A first load that fails gets the fallback too, so a link to looping code still leaves a server.
   */
  async #recover(why: Failure, during: RestartNotice['during']): Promise<void> {
    if (this.#runningFailed) during = 'idle';
    this.#runningFailed = false;
    if (this.#live) this.#kill(this.#live);
    if (this.#disposed) return;
    const prior = this.#running;
    this.#running = undefined;
    let running: RestartNotice['running'] = 'none';
    if (prior && during !== 'idle') {
      const routes = await this.#loadInFresh(prior.source);
      if (routes) {
        this.#running = { ...prior, routes };
        running = prior.origin === 'fallback' ? 'fallback' : 'same';
      }
    }
    const fallBack = prior ? prior.origin === 'reader' : during === 'load';
    if (!this.#running && this.#fallback && fallBack) {
      const routes = await this.#loadInFresh(this.#fallback);
      if (routes) {
        this.#running = { source: this.#fallback, routes, origin: 'fallback' };
        running = 'fallback';
      }
    }
    const notice = { why: why.failure, during, running, routes: this.#running?.routes ?? [] };
    try {
      this.onRestart?.({ ...notice, message: restartMessage(this.#lang, notice, this.#cause(why.failure, why.message)) });
    } catch {
      // a listener's error is not the sandbox's
    }
  }

  /** Loads code into a new frame's first worker; its routes, or undefined (and no frame) on any failure. */
  async #loadInFresh(source: Source): Promise<RouteInfo[] | undefined> {
    try {
      const live = await this.#ensureFrame();
      if (!source.compiled) {
        const compiled = await this.#transpile(live, source.code);
        if (!('compiled' in compiled)) {
          if ('failure' in compiled && this.#live) this.#kill(this.#live);
          return undefined;
        }
        source = { code: source.code, compiled: compiled.compiled };
      }
      const worker = await this.#freshWorker(live);
      const outcome = await this.#call(live, worker, loadMessage(this.#nextId++, source));
      if ('reply' in outcome && outcome.reply.type === 'loaded') {
        live.current = { worker, source };
        this.#scheduleSpare(live);
        return outcome.reply.routes;
      }
      if (this.#live) this.#kill(this.#live);
    } catch {
      // no frame: the next call starts one and reports its own failure
    }
    return undefined;
  }

  /** A timeout with the relay silent too means the frame's process died: a crash. */
  async #classify(live: Live, outcome: Failure): Promise<RunFailure['kind']> {
    if (outcome.failure !== 'timeout') return outcome.failure;
    return (await (outcome.alive ?? live.frame.alive())) ? 'timeout' : 'crash';
  }

  #cause(why: RunFailure['kind'], detail: string): string {
    const t = sandboxTexts(this.#lang);
    if (why === 'timeout') return t.timeout(this.#timeoutMs);
    // A call that ran out of time in a frame that no longer answers: its process died.
    if (why === 'crash') return detail === OUT_OF_TIME ? t.silent : t.crash(detail);
    return t.invalid(detail);
  }

  // ---------- workers ----------

  /** A worker nothing ran in: the current one if it is still fresh, else the spare, else a new one. */
  async #freshWorker(live: Live): Promise<number> {
    if (live.current && !live.current.source) return this.#take(live, live.current.worker);
    const spare = live.spare;
    live.spare = undefined;
    if (spare) {
      // The next one starts now, while this one loads: back-to-back edits never wait for a start.
      this.#scheduleSpare(live, 0);
      try {
        return this.#take(live, await spare);
      } catch {
        // a spare that did not start: a new one below
      }
    }
    return this.#take(live, await this.#spawn(live, false));
  }

  #take(live: Live, worker: number): number {
    live.fresh.delete(worker);
    return worker;
  }

  /** The worker that answers requests; a fresh one (it answers 503) when no code loaded yet. */
  async #currentWorker(live: Live): Promise<number> {
    if (live.current) return live.current.worker;
    const worker = await this.#freshWorker(live);
    live.current = { worker };
    return worker;
  }

  #spawn(live: Live, compiler: boolean): Promise<number> {
    const worker = this.#nextWorker++;
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        live.spawns.delete(worker);
        live.frame.send({ kind: 'end', worker });
        reject(new Error('a new sandbox worker did not start in time'));
      }, START_BUDGET_MS);
      live.spawns.set(worker, {
        resolve: (w) => {
          clearTimeout(timer);
          resolve(w);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      live.frame.send({ kind: 'spawn', worker, compiler });
    });
  }

  #scheduleSpare(live: Live, delayMs = SPARE_DELAY_MS): void {
    if (live.spare || this.#spareTimer !== undefined) return;
    this.#spareTimer = setTimeout(() => {
      this.#spareTimer = undefined;
      if (this.#live !== live || live.spare || this.#disposed) return;
      const spare = this.#spawn(live, false);
      spare.catch(() => {
        if (live.spare === spare) live.spare = undefined;
      });
      live.spare = spare;
    }, delayMs);
  }

  async #compiler(): Promise<string | { message: string }> {
    if (this.#loadCompiler === null) return { message: 'no compiler' };
    try {
      this.#compilerText ??= this.#loadCompiler();
      return await this.#compilerText;
    } catch (e) {
      this.#compilerText = undefined; // a flaky network may do better next time
      return { message: sandboxTexts(this.#lang).compiler(describe(e)) };
    }
  }

  #sendCompiler(live: Live, text: string): void {
    if (live.compilerSent) return;
    live.compilerSent = true;
    live.frame.send({ kind: 'compiler', text });
  }

  /** Sends one message and waits for its reply, the time budget, or a failure, whichever comes first. */
  #call(live: Live, worker: number, message: ToWorker, budgetMs = this.#timeoutMs): Promise<Outcome> {
    return new Promise<Outcome>((resolve) => {
      const lead = Math.min(PROBE_LEAD_MS, budgetMs / 2);
      let alive: Promise<boolean> | undefined;
      const probe = setTimeout(() => {
        alive = live.frame.alive(lead + 200);
      }, budgetMs - lead);
      const timer = setTimeout(() => finish({ failure: 'timeout', message: OUT_OF_TIME, alive }), budgetMs);
      const finish = (outcome: Outcome) => {
        clearTimeout(probe);
        clearTimeout(timer);
        this.#pending = undefined;
        resolve(outcome);
      };
      if (this.#live !== live) {
        finish({ failure: 'crash', message: 'the sandbox is gone' });
        return;
      }
      this.#pending = { worker, id: message.id, settle: finish };
      live.frame.send({ kind: 'call', worker, message });
    });
  }

  /** Everything the relay says. Anything that does not answer the call in flight costs the frame. */
  #onRelay(live: Live, m: FromRelay): void {
    if (this.#live !== live) return;
    if (m.kind === 'spawned') {
      const waiter = live.spawns.get(m.worker);
      if (!waiter) return this.#unrequested(live, `a worker nobody started (${m.worker})`, 'protocol');
      live.spawns.delete(m.worker);
      if (m.compiler) live.compiler.add(m.worker);
      live.fresh.add(m.worker);
      waiter.resolve(m.worker);
      return;
    }
    const pending = this.#pending;
    if (m.kind === 'broken') {
      const waiter = live.spawns.get(m.worker);
      if (waiter) {
        live.spawns.delete(m.worker);
        waiter.reject(new Error(m.reason));
        return;
      }
      if (pending?.worker === m.worker) return pending.settle({ failure: m.invalid ? 'protocol' : 'crash', message: m.reason });
      if (live.fresh.delete(m.worker)) {
        // No reader code ran there: not the running code's fault. Start another when needed.
        live.spare = undefined;
        return;
      }
      if (live.compiling?.id === m.worker) {
        // It only ever saw the reader's text, never ran it: another one starts when needed.
        live.compiling = undefined;
        return;
      }
      return this.#unrequested(live, m.reason, m.invalid ? 'protocol' : 'crash');
    }
    if (pending?.worker !== m.worker) return this.#unrequested(live, 'a reply nobody asked for', 'protocol');
    const checked = readReply(m.text);
    if (!checked.ok) return pending.settle({ failure: 'protocol', message: checked.reason });
    const reply = checked.value;
    if (reply.id !== pending.id) return pending.settle({ failure: 'protocol', message: 'a reply nobody asked for' });
    if (reply.type === 'fatal') return pending.settle({ failure: 'protocol', message: reply.message });
    pending.settle({ reply });
  }

  /** Outside any call: the frame goes now (that stops whatever runs), and the rebuild takes its turn. */
  #unrequested(live: Live, reason: string, failure: RunFailure['kind']): void {
    const pending = this.#pending;
    if (pending) {
      // Not the call's worker: the running code did it by itself, so it must not be loaded again.
      this.#runningFailed = true;
      pending.settle({ failure, message: reason });
      return;
    }
    this.#kill(live);
    this.#enqueue(this.#recoverJob({ failure, message: reason }, 'idle'), true);
  }

  #scheduleWatch(): void {
    clearTimeout(this.#watchTimer);
    if (this.#watchMs <= 0 || this.#disposed || !this.#live?.current?.source) return;
    this.#watchTimer = setTimeout(() => {
      if (!this.#busy && this.#queue.length === 0) this.#enqueue({ kind: 'watch', resolve: () => {}, reject: () => {} });
    }, this.#watchMs);
  }

  // ---------- frames ----------

  #ensureFrame(): Promise<Live> {
    if (this.#disposed) return Promise.reject(new SandboxDisposedError());
    if (this.#live) return Promise.resolve(this.#live);
    if (this.#starting) return this.#starting;
    const adopt = this.#adopt;
    this.#adopt = undefined;
    // An early frame fetched the runtime already; restarts reuse that text.
    this.#bundle ??= adopt ? adopt.start.text : this.#loadRuntime();
    const bundle = this.#bundle;
    let live: Live | undefined;
    // The frame starts now, in parallel with the runtime's download; it boots when both are ready.
    const events = {
      message: (m: FromRelay) => {
        if (live) this.#onRelay(live, m);
      },
      invalid: (reason: string) => {
        if (live) this.#unrequested(live, reason, 'protocol');
      },
    };
    const starting = createFrame(bundle, events, { parent: this.#parent, adopt }).then(
      (frame) => {
        this.#starting = undefined;
        if (this.#disposed) {
          frame.destroy();
          throw new SandboxDisposedError();
        }
        live = { frame, compiler: new Set(), compilerSent: false, spawns: new Map(), current: { worker: FIRST_WORKER }, fresh: new Set([FIRST_WORKER]) };
        this.#live = live;
        return live;
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
    this.#starting = starting;
    return starting;
  }

  #kill(live: Live): void {
    if (this.#live === live) this.#live = undefined;
    clearTimeout(this.#spareTimer);
    this.#spareTimer = undefined;
    this.#pending?.settle({ failure: 'crash', message: 'the sandbox was removed' });
    for (const waiter of live.spawns.values()) waiter.reject(new Error('the sandbox was removed'));
    live.spawns.clear();
    live.frame.destroy();
  }
}

function loadMessage(id: number, source: Source): ToWorker {
  return source.compiled ? { type: 'load', id, code: source.code, compiled: source.compiled } : { type: 'load', id, code: source.code };
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
