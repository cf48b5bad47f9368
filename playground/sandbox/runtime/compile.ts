/**
 * Turns the reader's TypeScript module into something the harness can call, and maps engine positions
 * back to the reader's lines.
 *
 * Sucrase (typescript + imports transforms) keeps line numbers; `new Function` then wraps the code in
 * a function header whose line count V8 decides, so the offset is measured once instead of assumed.
 * `//# sourceURL=routes.ts` names the code in stack traces, which is how errors are located.
 */
import { LineMap } from './sourcemap.ts';
import { transpile } from './transform.ts';
import type { Transpiled } from './transform.ts';

export const SOURCE_URL = 'routes.ts';
const PARAMS = ['require', 'exports', 'module', 'console'] as const;

export interface Position {
  line: number;
  column: number;
}

/** An error in the reader's code, already in the reader's coordinates. */
export class CodeProblem extends Error {
  readonly kind: 'syntax' | 'import' | 'runtime' | 'no-router';
  readonly line?: number;
  readonly column?: number;
  constructor(kind: CodeProblem['kind'], message: string, at?: Position) {
    super(message);
    this.kind = kind;
    this.line = at?.line;
    this.column = at?.column;
  }
}

/** Thrown by the `require` shim; found again by its type when the module fails to evaluate. */
export class ImportDenied extends Error {
  readonly specifier: string;
  constructor(specifier: string, allowed: string[]) {
    super(`Cannot import "${specifier}": only ${allowed.map((a) => `"${a}"`).join(' and ')} can be imported here.`);
    this.name = 'ImportError';
    this.specifier = specifier;
  }
}

export type ModuleFunction = (
  require: (name: string) => unknown,
  exports: Record<string, unknown>,
  module: { exports: Record<string, unknown> },
  console: Console,
) => void;

export interface CompiledModule {
  source: string;
  run: ModuleFunction;
  /** Reader position for a stack trace frame in routes.ts (1-based, generated coordinates in). */
  toSource(line: number, column: number): Position;
}

let wrapperLines: number | undefined;

/** How many lines `new Function` puts before the body (2 in today's V8; measured, not assumed). */
function measureWrapperLines(): number {
  if (wrapperLines !== undefined) return wrapperLines;
  const probe = new Function(...PARAMS, `throw new Error('probe')\n//# sourceURL=${SOURCE_URL}`);
  try {
    probe();
  } catch (e) {
    const at = firstFrame(String((e as Error).stack));
    wrapperLines = at ? at.line - 1 : 2;
  }
  return wrapperLines ?? 2;
}

const FRAME = new RegExp(`${SOURCE_URL.replace('.', '\\.')}:(\\d+):(\\d+)`);

/** The first routes.ts position in a stack trace, in generated (function-body) coordinates. */
function firstFrame(stack: string): Position | undefined {
  const m = FRAME.exec(stack);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}

/** TypeScript to JavaScript; a syntax error comes out as a CodeProblem at the reader's position. */
export function transpileChecked(code: string): Transpiled {
  try {
    return transpile(code);
  } catch (e) {
    const err = e as Error & { loc?: { line: number; column: number } };
    // Sucrase appends "(line:column)" to its messages (column already 1-based); the position is reported separately.
    const message = err.message.replace(/\s*\(\d+:\d+\)$/, '');
    throw new CodeProblem('syntax', message, err.loc ? { line: err.loc.line, column: err.loc.column } : undefined);
  }
}

/**
 * `precompiled`: the same code already transpiled (at build time, by ./transform.ts in Node), so a
 * first load needs no compiler in the worker. The caller vouches that it belongs to `code`.
 */
export function compile(code: string, precompiled?: Transpiled): CompiledModule {
  const { js, mappings } = precompiled ?? transpileChecked(code);
  const map = new LineMap(mappings);
  const offset = measureWrapperLines();
  let run: ModuleFunction;
  try {
    run = new Function(...PARAMS, `${js}\n//# sourceURL=${SOURCE_URL}`) as ModuleFunction;
  } catch (e) {
    // Sucrase accepts a few things V8 rejects (a duplicate `let`, `await` outside async…); V8 gives
    // no position for those through `new Function`.
    throw new CodeProblem('syntax', `${(e as Error).name}: ${(e as Error).message}`);
  }
  const toSource = (line: number, column: number): Position => {
    const bodyLine = line - offset;
    return map.original(bodyLine, column) ?? { line: bodyLine, column };
  };
  return { source: code, run, toSource };
}

/** Where in the reader's code an error was thrown, if it went through routes.ts at all. */
export function locate(mod: CompiledModule, error: unknown): Position | undefined {
  const stack = error instanceof Error ? String(error.stack) : '';
  const at = firstFrame(stack);
  return at ? mod.toSource(at.line, at.column) : undefined;
}

export interface Frame {
  fn: string;
  line: number;
  column: number;
}

/** The routes.ts frames of a stack, innermost first, in the reader's coordinates. */
export function readerFrames(mod: CompiledModule, error: unknown): Frame[] {
  const stack = error instanceof Error ? String(error.stack) : '';
  const frames: Frame[] = [];
  for (const text of stack.split('\n')) {
    const m = FRAME.exec(text);
    if (!m) continue;
    const pos = mod.toSource(Number(m[1]), Number(m[2]));
    const named = /^\s*at (?:async )?(.+?) \(/.exec(text);
    frames.push({ fn: named ? named[1] : '<anonymous>', ...pos });
  }
  return frames;
}

/** The stack as the reader should see it: the message, then only their own frames, remapped. */
export function readerStack(mod: CompiledModule, error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const head = `${error.name}: ${error.message}`;
  const lines = readerFrames(mod, error).map((f) => `    at ${f.fn} (${SOURCE_URL}:${f.line}:${f.column})`);
  return [head, ...lines].join('\n');
}
