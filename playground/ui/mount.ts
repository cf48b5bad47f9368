/**
 * Mounting for the pages: finds each playground placeholder the Astro component rendered, reads its
 * examples (JSON in the page), and mounts the controller, the sandbox and the view. The entries are
 * ../startup/entry-lazy.ts (lessons: mounted when the playground scrolls near, the UI fetched then) and
 * ../startup/entry-now.ts (the full page and the embed view: everything at once).
 */
import { usableLocalStorage } from './local-storage.ts';
import { SandboxHost, findEarlyFrame } from '../sandbox/index.ts';
import type { Precompiled, RestartNotice } from '../sandbox/index.ts';
import type * as ControllerModule from './controller.ts';
import type { PlaygroundController } from './controller.ts';
import type { ExampleDef, LoadReply, ServerPort, ServerReply } from './model.ts';
import { embedStore } from './embed-store.ts';
import { keepAside } from './persist.ts';
import type { KeyValueStore } from './persist.ts';
import { decideStart } from './start-state.ts';
import type { Mode, Notice, StartState } from './start-state.ts';
import { pickLang, translator } from './strings.ts';
import type * as ViewModule from './view/index.ts';
import type { PlaygroundView } from './view/index.ts';

/** The controller and the view: imported by the entry, at once or on demand. */
export type Rest = [typeof ControllerModule, typeof ViewModule];
export type LoadRest = () => Promise<Rest>;

export interface PageData {
  examples: ExampleDef[];
  initial: string;
  embedBase?: string;
  /** Per example id: its starting code compiled at build time (../startup/examples-build.ts, precompile). */
  compiled?: Record<string, Precompiled>;
}

/** The build's compiled code, by source text: any load of exactly that text (first run, reset) skips the compiler. */
function compiledByCode(data: PageData): Map<string, Precompiled> {
  const byCode = new Map<string, Precompiled>();
  const compiled = data.compiled;
  if (typeof compiled !== 'object' || compiled === null) return byCode;
  for (const e of data.examples) {
    const c: unknown = Object.hasOwn(compiled, e.id) ? compiled[e.id] : undefined;
    if (typeof c !== 'object' || c === null) continue;
    const { js, mappings } = c as Record<string, unknown>;
    if (typeof js === 'string' && typeof mappings === 'string') byCode.set(e.code, { js, mappings });
  }
  return byCode;
}

/**
 * An embed's address: the hash it was first loaded with (the author's state) is remembered in its
 * history entry, which a reload of the frame keeps; the hash itself then holds the reader's work,
 * written without new history entries (the back button stays the host page's).
 */
function embedStart(): { base: string; reloaded: boolean; writeHash: (hash: string) => void } {
  const kept: unknown = (history.state as Record<string, unknown> | null)?.sessionLabEmbedBase;
  const reloaded = typeof kept === 'string';
  const base = reloaded ? (kept as string) : location.hash;
  const write = (hash: string) => {
    const state = typeof history.state === 'object' && history.state !== null ? history.state : {};
    history.replaceState({ ...state, sessionLabEmbedBase: base }, '', location.pathname + location.search + hash);
  };
  write(location.hash);
  return { base, reloaded, writeHash: write };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** SandboxHost as the controller's port: never rejects. The worker checks the config and fills Flask's defaults. */
function portFor(host: SandboxHost, compiled: Map<string, Precompiled>): ServerPort {
  return {
    async load(code): Promise<LoadReply> {
      try {
        return await host.load(code, compiled.get(code));
      } catch (e) {
        return { ok: false, error: { kind: 'crash', message: message(e) }, logs: [] };
      }
    },
    async request(req, env): Promise<ServerReply> {
      try {
        return await host.request(req, { config: env.config, now: env.now });
      } catch (e) {
        return { ok: false, error: { kind: 'crash', message: message(e) } };
      }
    },
  };
}

// One share link per page: the first playground that can use it takes it.
let linkTaken = false;

export interface Mounted {
  controller: PlaygroundController;
  view: PlaygroundView;
  sandbox: SandboxHost;
}

export async function mount(root: HTMLElement, loadRest: LoadRest): Promise<Mounted | null> {
  if (root.dataset.slpMounted) return null;
  // Marks for the bench (bench/playground.bench.ts) and for anyone profiling in DevTools.
  performance.mark('session-lab:mount');
  root.dataset.slpMounted = 'true';
  const lang = pickLang(document.documentElement.lang);
  const t = translator(lang);
  const dataEl = root.querySelector('script.slp-data');
  let data: PageData;
  try {
    data = JSON.parse(dataEl?.textContent ?? '') as PageData;
  } catch {
    root.textContent = t('noExamples');
    return null;
  }
  const examples = Array.isArray(data.examples) ? data.examples : [];
  if (examples.length === 0) {
    root.textContent = t('noExamples');
    return null;
  }
  const mode: Mode = root.dataset.mode === 'full' || root.dataset.mode === 'embed' ? root.dataset.mode : 'lesson';
  const embed = mode === 'embed' ? embedStart() : null;
  const storage = embed ? embedStore({ storage: usableLocalStorage(), example: data.initial, lang, writeHash: embed.writeHash, base: embed.base }) : usableLocalStorage();
  const decide = (asked: string | undefined, linkAllowed: boolean): StartState =>
    decideStart({ examples, initial: data.initial, mode, lang, search: location.search, hash: location.hash, storage, linkAllowed, asked, hashIsOwn: embed?.reloaded, base: embed?.base });
  const first = decide(undefined, !linkTaken);
  const sharedHash = location.hash;
  if (first.tookLink) {
    linkTaken = true;
  }
  // An embed keeps its state in its address (embed-store.ts): the hash stays for the next reload.
  if (first.tookLink && mode !== 'embed') {
    // The state is kept once drawn; a reload must not apply the link again over later edits.
    history.replaceState(history.state, '', location.pathname + location.search);
  }

  // The sandbox first: its frame and worker take longer to start than everything else here.
  // A page that runs its playground at once started a frame from its <head> (../startup/early-frame.ts).
  const sandbox = new SandboxHost({ timeoutMs: 1500, adopt: findEarlyFrame(), lang });
  void sandbox.ready().then(() => performance.mark('session-lab:sandbox-ready'), () => undefined);
  let rest: Rest;
  try {
    rest = await loadRest();
  } catch (e) {
    // The static code stays on the page; nothing can run without the view. Say so, and give a
    // shared link back to the address bar so a reload can still use it.
    sandbox.dispose();
    if (first.tookLink) history.replaceState(history.state, '', location.pathname + location.search + sharedHash);
    const note = document.createElement('p');
    note.className = 'slp-load-failed';
    note.setAttribute('role', 'alert');
    note.textContent = t('mount.failed', { message: message(e) });
    root.prepend(note);
    return null;
  }
  const [{ PlaygroundController }, { PlaygroundView }] = rest;
  const compiled = compiledByCode(data);
  const server = portFor(sandbox, compiled);
  const mountPoint = document.createElement('div');
  // The build's highlighted code, for the page's own example only; the view shows it only while it
  // is exactly the code the controller holds.
  const pageStatic = root.querySelector<HTMLElement>('.slp-static');
  const pageStaticCode = examples.find((e) => e.id === data.initial)?.code;

  let firstLoaded: Promise<unknown> | undefined;
  /** The controller, from the decided state, and its code on its way to the sandbox. */
  const start = (state: StartState) => {
    // What the sandbox runs instead when the reader's code keeps failing by itself: the starting code.
    const fallback = state.startingPoint?.code ?? state.example.code;
    sandbox.setFallback({ code: fallback, compiled: compiled.get(fallback) });
    const controller = new PlaygroundController({ example: state.example, lang, server, storage });
    controller.start(state);
    const firstLoad = controller.loadCode().then((r) => {
      performance.mark('session-lab:routes-loaded');
      return r;
    });
    firstLoaded ??= firstLoad;
    return { controller, firstLoad };
  };
  const draw = ({ controller, firstLoad }: ReturnType<typeof start>): PlaygroundView => {
    const example = controller.example;
    return new PlaygroundView({
      root: mountPoint,
      controller,
      lang,
      mode,
      examples: examples.map((e) => ({ id: e.id, title: e.title })),
      onPickExample: (next) => pick(next),
      embedUrl: data.embedBase ? new URL(`${data.embedBase}${example.id}/`, location.href).href : undefined,
      staticCode: pageStatic && example.id === data.initial && controller.code === pageStaticCode ? pageStatic : null,
      editorAfter: firstLoad,
    });
  };
  /**
   * Draws a started state and only then keeps it. A state that passed every check but still cannot
   * be drawn is dropped for the example as written, with a message; saved work goes aside first.
   */
  const show = (state: StartState, started: ReturnType<typeof start>): Mounted => {
    try {
      const view = draw(started);
      started.controller.commitStart();
      return { controller: started.controller, view, sandbox };
    } catch (e) {
      started.controller.dispose();
      mountPoint.replaceChildren();
      const text = JSON.stringify(state.snapshot);
      if (state.source === 'saved') keepAside(storage, state.example.id, lang, { at: Date.now(), why: 'corrupt', text });
      const notice: Notice =
        state.source === 'link' ? { kind: 'link-broken', reason: message(e) } : { kind: 'saved-corrupt', reason: message(e), text };
      const again = start({ example: state.example, lang, source: 'example', snapshot: null, notices: [notice], tookLink: false, startingPoint: null });
      return { controller: again.controller, view: draw(again), sandbox };
    }
  };
  const pick = (next: string) => {
    current.controller.saveNow();
    current.view.dispose();
    current.controller.dispose();
    const url = new URL(location.href);
    url.searchParams.set('example', next);
    history.replaceState(history.state, '', url);
    const state = decide(next, false);
    const fresh = show(state, start(state));
    current.controller = fresh.controller;
    current.view = fresh.view;
  };
  // The code goes to the sandbox before the view is built. Building keeps this thread busy for a
  // while: let the sandbox's `ready` (often waiting already) through first, so the code loads meanwhile.
  const started = start(first);
  await new Promise((resolve) => setTimeout(resolve, 0));
  // The static code stayed in sight while the UI loaded; the view now takes it over (or drops it).
  pageStatic?.remove();
  root.append(mountPoint);
  const current = show(first, started);
  sandbox.onRestart = (notice: RestartNotice) => {
    if (notice.running !== 'same') current.controller.serverReplaced(notice);
  };
  // The compiler is for edits: have it in the worker before the first one, once the page is idle.
  void firstLoaded?.then(
    () => ('requestIdleCallback' in window ? requestIdleCallback(() => void sandbox.prepareCompiler(), { timeout: 3000 }) : setTimeout(() => void sandbox.prepareCompiler(), 500)),
  );
  addEventListener('pagehide', () => current.controller.saveNow());
  root.dispatchEvent(new CustomEvent('session-lab:mounted', { bubbles: true, detail: current }));
  return current;
}

/** Mounts every playground on the page: full ones now, lessons when they come near the viewport. */
export function mountAll(loadRest: LoadRest): void {
  const roots = [...document.querySelectorAll<HTMLElement>('[data-slp-root]')];
  const lazy = roots.filter((r) => r.dataset.mode === 'lesson');
  for (const r of roots) if (r.dataset.mode !== 'lesson') void mount(r, loadRest).then(exposeForTests);
  if (lazy.length === 0) return;
  if (typeof IntersectionObserver !== 'function') {
    for (const r of lazy) void mount(r, loadRest).then(exposeForTests);
    return;
  }
  const io = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        io.unobserve(e.target);
        void mount(e.target as HTMLElement, loadRest).then(exposeForTests);
      }
    },
    { rootMargin: '400px' },
  );
  for (const r of lazy) io.observe(r);
}

/** The bench reads timings through this; it holds no secrets and changes nothing by itself. */
function exposeForTests(m: Mounted | null): void {
  if (!m) return;
  const w = window as unknown as { __sessionLab?: Mounted[] };
  (w.__sessionLab ??= []).push(m);
}
