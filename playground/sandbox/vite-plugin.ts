/**
 * Builds the sandbox runtime (harness + itty-router + engine) into one classic script and hands it
 * to the page as a string: the sandbox's relay turns that text into a blob: worker, so the runtime
 * never needs a URL on the site (an opaque-origin frame could not fetch it anyway). The TypeScript
 * compiler (sucrase, as heavy as the rest together) is a second string the page sends into the
 * worker only when code that was not compiled at build time has to load (runtime/transform-lazy.ts).
 *
 *   import { sessionLabRuntime } from './playground/sandbox/vite-plugin.ts'
 *   vite: { plugins: [sessionLabRuntime()] }
 *
 * then `import('virtual:session-lab-runtime')` and `import('virtual:session-lab-compiler')` each give
 * `{ default: string }`, the same in dev and build.
 */
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const RUNTIME_MODULE_ID = 'virtual:session-lab-runtime';
export const COMPILER_MODULE_ID = 'virtual:session-lab-compiler';
// No ".ts"/".css" ending, so no other plugin claims the resolved id.
const RESOLVED_ID = `\0${RUNTIME_MODULE_ID}`;
const RESOLVED_COMPILER_ID = `\0${COMPILER_MODULE_ID}`;

export const RUNTIME_ENTRY = fileURLToPath(new URL('./runtime/entry.ts', import.meta.url));
export const COMPILER_ENTRY = fileURLToPath(new URL('./runtime/compiler-entry.ts', import.meta.url));
const LAZY_TRANSFORM = fileURLToPath(new URL('./runtime/transform-lazy.ts', import.meta.url));
/** The global the compiler bundle declares (kept in sync with runtime/transform-lazy.ts by a test). */
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

/** Minimal structural type, so this file does not depend on a particular Vite version's typings. */
interface PluginLike {
  name: string;
  resolveId(id: string): string | undefined;
  load(this: { addWatchFile(file: string): void }, id: string): Promise<string | undefined>;
}

export function sessionLabRuntime(options: RuntimeBuildOptions = {}): PluginLike {
  return {
    name: 'session-lab-runtime',
    resolveId(id) {
      if (id === RUNTIME_MODULE_ID) return RESOLVED_ID;
      return id === COMPILER_MODULE_ID ? RESOLVED_COMPILER_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID && id !== RESOLVED_COMPILER_ID) return undefined;
      const bundle = id === RESOLVED_ID ? await buildRuntimeBundle(options) : await buildCompilerBundle(options);
      for (const file of bundle.inputs) this.addWatchFile(file);
      return `export default ${JSON.stringify(bundle.code)};`;
    },
  };
}
