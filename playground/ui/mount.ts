/**
 * Mounting for the pages: finds each playground placeholder the Astro component rendered, reads its
 * examples (JSON in the page), and mounts the controller, the sandbox and the view. The entries are
 * ../startup/entry-lazy.ts (lessons: mounted when the playground scrolls near, the UI fetched then) and
 * ../startup/entry-now.ts (the full page and the embed view: everything at once).
 */
import { SandboxHost, findEarlyFrame } from '../sandbox/index.ts';
import type { Precompiled, RestartNotice } from '../sandbox/index.ts';
import type * as ControllerModule from './controller.ts';
import type { PlaygroundController } from './controller.ts';
import type * as EngineSessionModule from './engine-session.ts';
import type { ExampleDef, LoadReply, ServerPort, ServerReply } from './model.ts';
import { decodeShare } from './persist.ts';
import type { KeyValueStore, LinkOutcome } from './persist.ts';
import { pickLang, translator } from './strings.ts';
import type * as ViewModule from './view.ts';
import type { Mode, PlaygroundView } from './view.ts';

/** The controller, the engine and the view: imported by the entry, at once or on demand. */
export type Rest = [typeof ControllerModule, typeof EngineSessionModule, typeof ViewModule];
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

function safeStorage(): KeyValueStore | null {
  try {
    const s = window.localStorage;
    s.getItem('session-lab:probe');
    return s;
  } catch {
    return null;
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** SandboxHost as the controller's port: never rejects, completes the config with Flask's defaults. */
function portFor(host: SandboxHost, compiled: Map<string, Precompiled>, defaultConfig: Rest[1]['defaultConfig']): ServerPort {
  return {
    async load(code): Promise<LoadReply> {
      try {
        const r = await host.load(code, compiled.get(code));
        return r.ok ? { ok: true, routes: r.routes } : { ok: false, error: r.error };
      } catch (e) {
        return { ok: false, error: { kind: 'crash', message: message(e) } };
      }
    },
    async request(req, env): Promise<ServerReply> {
      try {
        return await host.request(req, { config: defaultConfig(env.config), now: env.now });
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
  const examples = data.examples;
  if (examples.length === 0) {
    root.textContent = t('noExamples');
    return null;
  }
  const mode = (root.dataset.mode as Mode) ?? 'lesson';
  const known = (id: string | null | undefined) => Boolean(id && examples.some((e) => e.id === id));
  let link: LinkOutcome = linkTaken ? { kind: 'none' } : decodeShare(location.hash);
  let exampleId = known(data.initial) ? data.initial : examples[0].id;
  if (mode === 'full') {
    const asked = new URLSearchParams(location.search).get('example');
    if (known(asked)) exampleId = asked!;
    if (link.kind === 'ok' && known(link.snapshot.example)) exampleId = link.snapshot.example;
  } else if (link.kind === 'ok' && link.snapshot.example !== exampleId) {
    // A link for another playground on the page, or another page.
    link = { kind: 'none' };
  }
  const sharedHash = location.hash;
  if (link.kind !== 'none') {
    linkTaken = true;
    // The state now lives in storage; a reload must not apply the link again over later edits.
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
    if (link.kind !== 'none') history.replaceState(history.state, '', location.pathname + location.search + sharedHash);
    const note = document.createElement('p');
    note.className = 'slp-load-failed';
    note.setAttribute('role', 'alert');
    note.textContent = t('mount.failed', { message: message(e) });
    root.prepend(note);
    return null;
  }
  const [{ PlaygroundController }, { defaultConfig }, { PlaygroundView }] = rest;
  const compiled = compiledByCode(data);
  const server = portFor(sandbox, compiled, defaultConfig);
  const storage = safeStorage();
  const mountPoint = document.createElement('div');
  const staticCode = root.querySelector<HTMLElement>('.slp-static');

  let firstLoaded: Promise<unknown> | undefined;
  /** The controller, and its code on its way to the sandbox. */
  const start = (id: string, withLink: LinkOutcome) => {
    const example = examples.find((e) => e.id === id)!;
    // What the sandbox runs instead when the reader's code keeps failing by itself.
    sandbox.setFallback({ code: example.code, compiled: compiled.get(example.code) });
    const controller = new PlaygroundController({ example, server, storage });
    controller.restoreFrom(withLink);
    const firstLoad = controller.loadCode().then((r) => {
      performance.mark('session-lab:routes-loaded');
      return r;
    });
    firstLoaded ??= firstLoad;
    return { example, controller, firstLoad };
  };
  const show = ({ example, controller, firstLoad }: ReturnType<typeof start>): Mounted => {
    const view = new PlaygroundView({
      root: mountPoint,
      controller,
      lang,
      mode,
      examples: examples.map((e) => ({ id: e.id, title: e.title })),
      onPickExample: (next) => {
        current.controller.saveNow();
        current.view.dispose();
        current.controller.dispose();
        const url = new URL(location.href);
        url.searchParams.set('example', next);
        history.replaceState(history.state, '', url);
        const fresh = show(start(next, { kind: 'none' }));
        current.controller = fresh.controller;
        current.view = fresh.view;
      },
      embedUrl: data.embedBase ? new URL(`${data.embedBase}${example.id}/`, location.href).href : undefined,
      staticCode: example.id === data.initial ? staticCode : null,
      editorAfter: firstLoad,
    });
    return { controller, view, sandbox };
  };
  const started = start(exampleId, link);
  // Building the view keeps this thread busy for a while: let the sandbox's `ready` (often waiting
  // already) through first, so the code goes to the worker and loads while the view is built.
  await new Promise((resolve) => setTimeout(resolve, 0));
  // The static code stayed in sight while the UI loaded; the view now takes it over.
  staticCode?.remove();
  root.append(mountPoint);
  const current = show(started);
  sandbox.onRestart = (notice: RestartNotice) => {
    if (notice.running !== 'same') current.controller.serverReplaced(notice);
  };
  // The compiler is for edits: have it in the worker before the first one, once the page is idle.
  void firstLoaded?.then(
    () => ('requestIdleCallback' in window ? requestIdleCallback(() => void sandbox.prepareCompiler(), { timeout: 3000 }) : setTimeout(() => void sandbox.prepareCompiler(), 500)),
  );
  addEventListener('pagehide', () => current.controller.saveNow());
  root.dispatchEvent(new CustomEvent('session-lab:mounted', { bubbles: true }));
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
