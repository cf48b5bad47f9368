/**
 * The worker bundle's stand-in for ./transform.ts (swapped in by ../../startup/vite-plugin.ts): sucrase is half
 * of the runtime and evaluating it took about 300 ms of a cold start, while the first load of an
 * example arrives compiled at build time. The page sends the compiler's text (a separate bundle,
 * ../compiler-entry.ts) only before the first load that needs it; `installCompiler` evaluates it.
 */
import type { Transpiled } from './transform.ts';

export type { Transpiled };

/** The global name the compiler bundle assigns (inside the Function's own scope: no global leaks). */
export const COMPILER_GLOBAL = '__sessionLabCompiler';

let compiler: ((code: string) => Transpiled) | undefined;

export function hasCompiler(): boolean {
  return compiler !== undefined;
}

/**
 * `text` is the compiler bundle: a script declaring `var __sessionLabCompiler = { transpile }`. It
 * is run as a function body with `new Function` (the sandbox's CSP already allows eval for the reader's code; importScripts
 * of a blob: URL would need `blob:` in script-src, which would then admit any blob the code makes).
 */
export function installCompiler(text: string): void {
  const make = new Function(`${text}\n;return ${COMPILER_GLOBAL}.transpile;`) as () => unknown;
  const fn = make();
  if (typeof fn !== 'function') throw new Error('the compiler bundle did not produce a function');
  // One small run now, inside the compiler message's generous budget: sucrase's first call compiles
  // much of its code lazily, which would otherwise count against the reader's first load.
  (fn as (code: string) => Transpiled)("import { Router } from 'itty-router'\nconst n: number = 1\nexport default Router()\n");
  compiler = fn as (code: string) => Transpiled;
}

export function transpile(code: string): Transpiled {
  if (!compiler) throw new Error('The TypeScript compiler is not loaded in the sandbox yet.');
  return compiler(code);
}
