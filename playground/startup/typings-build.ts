/**
 * The `session-lab` module as the editor (Monaco) sees it, generated from the engine's own types at
 * build time: TypeScript's declaration emit on the runtime's public module (sandbox/runtime/session-lab.ts)
 * and everything it reaches, so the editor's types can never drift from what the worker runs.
 *
 * The output is a small virtual package, `file:///node_modules/@types/session-lab/`: the emitted
 * .d.ts files with their relative layout, and an index.d.ts re-exporting the public module.
 * Node-only (vite-plugin.ts serves it as `virtual:session-lab-typings`; tests call it directly).
 */
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const PUBLIC_MODULE = fileURLToPath(new URL('../sandbox/runtime/session-lab.ts', import.meta.url));
/** The folder the emitted paths are relative to: the playground (engine/ and sandbox/ inside). */
const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
export const TYPES_DIR = 'file:///node_modules/@types/session-lab';

export interface TypingFile {
  /** A file:/// path inside Monaco's virtual file system. */
  path: string;
  content: string;
}

export interface GeneratedTypings {
  files: TypingFile[];
  /** The sources the declarations came from, for watch mode. */
  inputs: string[];
}

const OPTIONS: ts.CompilerOptions = {
  declaration: true,
  emitDeclarationOnly: true,
  allowImportingTsExtensions: true,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  strict: true,
  skipLibCheck: true,
  types: [],
  rootDir: ROOT,
  outDir: '/session-lab-typings',
};

/** `./x.ts` → `./x`: the editor's TypeScript finds x.d.ts from that, with any module setting. */
const dropTsExtension = (text: string) => text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+?)\.ts\2/g, '$1$2$3$2');

/** The engine's own ambient declarations (e.g. pako's internals), which its sources rely on. */
function ambientDeclarations(): string[] {
  const engine = join(ROOT, 'engine');
  return readdirSync(engine, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.d.ts'))
    .map((f) => join(engine, f));
}

export function generateTypings(publicModule = PUBLIC_MODULE): GeneratedTypings {
  const program = ts.createProgram([publicModule, ...ambientDeclarations()], OPTIONS);
  const files: TypingFile[] = [];
  const result = program.emit(undefined, (fileName, text) => {
    const path = relative(OPTIONS.outDir!, fileName);
    files.push({ path: `${TYPES_DIR}/${path}`, content: dropTsExtension(text) });
  });
  // Only the declaration emit's own diagnostics: `npm run check` type-checks the engine itself, and a
  // full check here would triple the time this takes in every build.
  const problems = result.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (result.emitSkipped || problems.length) {
    const text = ts.formatDiagnostics(problems, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' });
    throw new Error(`the session-lab typings could not be generated:\n${text}`);
  }
  const entry = relative(ROOT, publicModule).replace(/\.ts$/, '');
  files.push({ path: `${TYPES_DIR}/index.d.ts`, content: `export * from './${entry}';\n` });
  const inputs = program
    .getSourceFiles()
    .map((f) => f.fileName)
    .filter((f) => f.startsWith(ROOT) && !f.endsWith('.d.ts'));
  return { files: files.sort((a, b) => a.path.localeCompare(b.path)), inputs };
}
