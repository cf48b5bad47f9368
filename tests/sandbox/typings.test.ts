/**
 * The editor's `session-lab` declarations against the engine, compared by type, not only by name:
 * for every export of the runtime's public module, the signatures (and the members of the types
 * they mention, one level down) as TypeScript's checker prints them, once from the engine's sources
 * and once from the generated .d.ts package as the editor gets it. The old hand-written declaration
 * is kept as a fixture to show the comparison does fail on a file whose names match but types do not.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as sessionLab from '../../playground/sandbox/runtime/session-lab.ts';
import { PUBLIC_MODULE, TYPES_DIR, generateTypings } from '../../playground/startup/typings-build.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const OPTIONS: ts.CompilerOptions = {
  allowImportingTsExtensions: true,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
};
const FLAGS = ts.TypeFormatFlags.NoTruncation;

/** The engine's own files, whether as sources or as the generated package. */
const ours = (file: string) => !file.includes('/node_modules/') || file.includes('/@types/session-lab/');

/** Each export as text: its signatures or class shape, and the members of the types those mention. */
function describeModule(program: ts.Program, file: string): Map<string, string> {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`${file} is not in the program`);
  const moduleSymbol = checker.getSymbolAtLocation(source) ?? checker.getSymbolAtLocation(source.statements[0]);
  if (!moduleSymbol) throw new Error(`${file} has no module symbol`);
  const out = new Map<string, string>();
  // Where a type comes from differs (sources or package): only the module's own name is kept.
  const print = (type: ts.Type) => checker.typeToString(type, undefined, FLAGS).replace(/import\("[^"]*\/([^/"]+)"\)/g, 'import("$1")');
  /** The members of a type the engine declares (not of the platform's or itty-router's). */
  const members = (type: ts.Type) => {
    const declared = (type.aliasSymbol ?? type.getSymbol())?.getDeclarations() ?? [];
    if (!declared.some((d) => ours(d.getSourceFile().fileName))) return print(type);
    const list = checker
      .getPropertiesOfType(type)
      // Well-known symbols carry a per-program id in their names (__@iterator@123).
      .map((p) => `${p.name.replace(/^__@(\w+)@\d+$/, '[Symbol.$1]')}${p.flags & ts.SymbolFlags.Optional ? '?' : ''}: ${print(checker.getTypeOfSymbol(p))}`)
      .sort();
    return `${print(type)} { ${list.join('; ')} }`;
  };
  // An optional parameter reads `p?: T` in a source with a default value and `p?: T | undefined` in
  // the emitted declaration: the same thing to a caller, so both are written as `p?: T`.
  const optionalParam = (p: ts.Symbol) => {
    const d = p.valueDeclaration;
    return d !== undefined && ts.isParameter(d) && (d.questionToken !== undefined || d.initializer !== undefined);
  };
  const paramType = (p: ts.Symbol) => (optionalParam(p) ? checker.getNonNullableType(checker.getTypeOfSymbol(p)) : checker.getTypeOfSymbol(p));
  const signature = (s: ts.Signature) =>
    [
      checker
        .signatureToString(s, undefined, FLAGS)
        .replace(/import\("[^"]*\/([^/"]+)"\)/g, 'import("$1")')
        .replace(/\?: ((?:[^,()]|\([^()]*\))+?) \| undefined(?=[,)])/g, '?: $1'),
      ...s.getParameters().map((p) => `  ${p.name}: ${members(paramType(p))}`),
      `  returns ${members(s.getReturnType())}`,
    ].join('\n');
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const type = checker.getTypeOfSymbol(symbol);
    const lines = [
      ...type.getCallSignatures().map((s) => `call ${signature(s)}`),
      ...type.getConstructSignatures().map((s) => `new ${signature(s)}`),
    ];
    if (symbol.flags & ts.SymbolFlags.Class) lines.push(`instance ${members(checker.getDeclaredTypeOfSymbol(symbol))}`);
    if (symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) lines.push(`type ${members(checker.getDeclaredTypeOfSymbol(symbol))}`);
    out.set(exported.name, lines.join('\n'));
  }
  return out;
}

/** The engine's own view, from its sources. */
function fromSources(): Map<string, string> {
  return describeModule(ts.createProgram([PUBLIC_MODULE], OPTIONS), PUBLIC_MODULE);
}

let dir = '';
/** The editor's view: the given .d.ts files as a package in node_modules, imported as 'session-lab'. */
function fromDeclarations(files: { path: string; content: string }[]): Map<string, string> {
  const pkg = join(dir, 'node_modules/@types/session-lab');
  rmSync(pkg, { recursive: true, force: true });
  for (const f of files) {
    const path = join(pkg, f.path.slice(TYPES_DIR.length + 1));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
  }
  const probe = join(dir, 'probe.ts');
  writeFileSync(probe, "export * from 'session-lab';\n");
  const program = ts.createProgram([probe], { ...OPTIONS, typeRoots: [join(dir, 'node_modules/@types')] });
  const unresolved = ts.getPreEmitDiagnostics(program).filter((d) => d.code === 2307);
  expect(unresolved.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '))).toEqual([]);
  return describeModule(program, probe);
}

let generated: ReturnType<typeof generateTypings>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'session-lab-typings-'));
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  // The declarations import itty-router's types, as the editor's copy does.
  symlinkSync(join(root, 'node_modules/itty-router'), join(dir, 'node_modules/itty-router'));
  generated = generateTypings();
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the editor\'s session-lab declarations', () => {
  it('declare every runtime export with the engine\'s own types', { timeout: 180_000 }, () => {
    const engine = fromSources();
    const editor = fromDeclarations(generated.files);
    // The runtime's values, and the types readers annotate with (every example uses SessionRequest).
    expect([...engine.keys()].sort()).toEqual([...Object.keys(sessionLab), 'FlaskEnv', 'Session', 'SessionRequest'].sort());
    expect(Object.fromEntries(editor)).toEqual(Object.fromEntries(engine));
    expect(engine.get('SessionRequest')).toMatch(/session: Session/);
    expect(engine.get('saveSession')).toMatch(/FlaskEnv/);
  });

  it('a declaration whose names match but whose types do not is caught (the old hand-written one)', { timeout: 180_000 }, () => {
    const handwritten = readFileSync(fileURLToPath(new URL('./fixtures/session-lab.handwritten.d.ts', import.meta.url)), 'utf8');
    const editor = fromDeclarations([{ path: `${TYPES_DIR}/index.d.ts`, content: `${handwritten}\nexport {};\n` }]);
    const engine = fromSources();
    // Same names...
    expect([...editor.keys()].filter((k) => engine.has(k)).sort()).toEqual([...engine.keys()].sort());
    // ...different types.
    const differ = [...engine.keys()].filter((k) => editor.get(k) !== engine.get(k));
    expect(differ.length).toBeGreaterThan(0);
    console.log(`[typings] the hand-written declaration disagrees with the engine on: ${differ.join(', ')}`);
  });
});
