/**
 * Builds the sandbox runtime (harness + itty-router + engine) into one classic script, and the
 * TypeScript compiler (sucrase, as heavy as the rest together) into another, and publishes both as
 * plain files. The page fetches them as text and the sandbox's relay hands the text to its worker,
 * so the runtime never needs a URL the sandbox could reach (an opaque-origin frame could not fetch
 * it anyway), and the page's main thread never parses 100 KB of JavaScript it will not run itself.
 * The compiler goes into the worker only when code that was not compiled at build time has to load
 * (runtime/transform-lazy.ts).
 *
 *   import { sessionLabRuntime } from './playground/startup/vite-plugin.ts'
 *   vite: { plugins: [sessionLabRuntime()] }
 *
 * then `import runtimeUrl from 'virtual:session-lab-runtime'` (and `'virtual:session-lab-compiler'`)
 * give the file's URL, in the browser and on the server alike, so a page can preload it from its
 * <head>. In a build the file is `_astro/session-lab-<name>.<hash>.js` (its content's hash: cache it
 * forever); in dev the dev server builds it on each request.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { generateTypings } from './typings-build.ts';
import type { GeneratedTypings } from './typings-build.ts';

export const RUNTIME_MODULE_ID = 'virtual:session-lab-runtime';
export const COMPILER_MODULE_ID = 'virtual:session-lab-compiler';
export const TYPINGS_MODULE_ID = 'virtual:session-lab-typings';
const RESOLVED_TYPINGS_ID = `\0${TYPINGS_MODULE_ID}`;
// No ".ts"/".css" ending, so no other plugin claims the resolved id.
const RESOLVED_ID = `\0${RUNTIME_MODULE_ID}`;
const RESOLVED_COMPILER_ID = `\0${COMPILER_MODULE_ID}`;

export const RUNTIME_ENTRY = fileURLToPath(new URL('../sandbox/runtime/entry.ts', import.meta.url));
export const COMPILER_ENTRY = fileURLToPath(new URL('../sandbox/runtime/compiler-entry.ts', import.meta.url));
const LAZY_TRANSFORM = fileURLToPath(new URL('../sandbox/runtime/transform-lazy.ts', import.meta.url));
/** The global the compiler bundle declares (kept in sync with sandbox/runtime/transform-lazy.ts by a test). */
export const COMPILER_GLOBAL = '__sessionLabCompiler';

/** The worker's compile.ts gets the lazy compiler slot instead of sucrase. */
const lazyTransform: esbuild.Plugin = {
  name: 'session-lab-lazy-transform',
  setup(build) {
    build.onResolve({ filter: /^\.\/transform\.ts$/ }, (args) => (args.importer.endsWith('compile.ts') ? { path: LAZY_TRANSFORM } : undefined));
  },
};

export interface RuntimeBuildOptions {
  minify?: boolean;
}

export interface RuntimeBundle {
  code: string;
  /** Files the bundle was built from, for watch mode. */
  inputs: string[];
}

/** One classic script from an entry: both bundles run as plain scripts in the sandbox's worker. */
async function bundle(entry: string, options: RuntimeBuildOptions, extra: Pick<esbuild.BuildOptions, 'plugins' | 'globalName'>): Promise<RuntimeBundle> {
  const result = await esbuild.build({
    ...extra,
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    minify: options.minify ?? true,
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return {
    code: result.outputFiles[0].text,
    inputs: Object.keys(result.metafile.inputs).map((p) => fileURLToPath(new URL(p, `file://${process.cwd()}/`))),
  };
}

/** Builds the worker bundle in Node (used by the plugin, tests and benches). */
export function buildRuntimeBundle(options: RuntimeBuildOptions = {}): Promise<RuntimeBundle> {
  return bundle(RUNTIME_ENTRY, options, { plugins: [lazyTransform] });
}

/** Builds the compiler bundle (sucrase behind `transpile`), a script declaring COMPILER_GLOBAL. */
export function buildCompilerBundle(options: RuntimeBuildOptions = {}): Promise<RuntimeBundle> {
  return bundle(COMPILER_ENTRY, options, { globalName: COMPILER_GLOBAL });
}

/** What a build publishes: the runtime and the compiler, each under its content's hash. */
interface Published {
  fileName: string;
  code: string;
}

const hashOf = (code: string) => createHash('sha256').update(code).digest('base64url').slice(0, 10);

/** The two files, by virtual module id. */
const FILES = {
  [RESOLVED_ID]: { name: 'runtime', build: buildRuntimeBundle },
  [RESOLVED_COMPILER_ID]: { name: 'compiler', build: buildCompilerBundle },
} as const;
type ResolvedId = keyof typeof FILES;
const isResolved = (id: string): id is ResolvedId => Object.hasOwn(FILES, id);

/** Where the dev server serves the files (built per request, never cached). */
export const DEV_PREFIX = '/@session-lab/';

/** Minimal structural types, so this file does not depend on a particular Vite version's typings. */
interface Connect {
  use(fn: (req: { url?: string }, res: { statusCode: number; setHeader(n: string, v: string): void; end(body?: string): void }, next: () => void) => void): void;
}
interface PluginLike {
  name: string;
  configResolved(config: { command: 'build' | 'serve'; base: string }): void;
  configureServer(server: { middlewares: Connect }): void;
  resolveId(id: string): string | undefined;
  load(this: { addWatchFile(file: string): void; emitFile?(file: { type: 'asset'; fileName: string; source: string }): string }, id: string): Promise<string | undefined>;
}

export function sessionLabRuntime(options: RuntimeBuildOptions = {}): PluginLike {
  let command: 'build' | 'serve' = 'serve';
  let base = '/';
  // One build per file and process: the server build (which writes the <head> preload) and the
  // client build (which writes the file) must agree on the name.
  const published = new Map<ResolvedId, Promise<Published & { inputs: string[] }>>();
  let typings: Promise<GeneratedTypings> | undefined;
  const publish = (id: ResolvedId) => {
    let p = published.get(id);
    if (!p) {
      p = FILES[id].build(options).then((b) => ({ ...b, fileName: `_astro/session-lab-${FILES[id].name}.${hashOf(b.code)}.js` }));
      published.set(id, p);
    }
    return p;
  };
  return {
    name: 'session-lab-runtime',
    configResolved(config) {
      command = config.command;
      base = config.base.endsWith('/') ? config.base : `${config.base}/`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        const entry = Object.values(FILES).find((f) => path === `${DEV_PREFIX}${f.name}.js`);
        if (!entry) return next();
        entry.build(options).then(
          (b) => {
            res.setHeader('content-type', 'text/javascript; charset=utf-8');
            res.setHeader('cache-control', 'no-store');
            res.end(b.code);
          },
          (e: unknown) => {
            res.statusCode = 500;
            res.end(`/* session-lab: could not build the ${entry.name}: ${String(e).replace(/\*\//g, '* /')} */`);
          },
        );
      });
    },
    resolveId(id) {
      if (id === RUNTIME_MODULE_ID) return RESOLVED_ID;
      if (id === TYPINGS_MODULE_ID) return RESOLVED_TYPINGS_ID;
      return id === COMPILER_MODULE_ID ? RESOLVED_COMPILER_ID : undefined;
    },
    async load(id) {
      if (id === RESOLVED_TYPINGS_ID) {
        // A build generates them once; the dev server again whenever an engine file changes.
        if (command === 'serve') typings = undefined;
        typings ??= Promise.resolve().then(() => generateTypings());
        const generated = await typings;
        for (const input of generated.inputs) this.addWatchFile(input);
        return `export default ${JSON.stringify(generated.files)};`;
      }
      if (!isResolved(id)) return undefined;
      if (command === 'serve') return `export default ${JSON.stringify(`${base}${DEV_PREFIX.slice(1)}${FILES[id].name}.js`)};`;
      const file = await publish(id);
      for (const input of file.inputs) this.addWatchFile(input);
      // Every environment that imports the URL also writes the file; Astro merges them into dist/.
      this.emitFile?.({ type: 'asset', fileName: file.fileName, source: file.code });
      return `export default ${JSON.stringify(`${base}${file.fileName}`)};`;
    },
  };
}
