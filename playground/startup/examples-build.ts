/**
 * Build time only (imported from Astro components): reads content/examples/<id>/ and returns each
 * example in one language, ready to be serialised into the page. A missing example.json gives
 * sensible defaults, so an example can start as just routes.ts.
 */
import { transpile } from '../sandbox/runtime/transform.ts';
import type { Transpiled } from '../sandbox/runtime/transform.ts';
import { localize } from '../ui/model.ts';
import type { CheckDef, ExampleDef, Localized } from '../ui/model.ts';

interface ExampleJson {
  title?: Localized;
  goal?: Localized;
  hint?: Localized;
  config?: Record<string, unknown>;
  users?: string[];
  startPath?: string;
  checks?: { title: Localized; steps: CheckDef['steps'] }[];
}

const jsonFiles = import.meta.glob<ExampleJson>('/content/examples/*/example.json', { eager: true, import: 'default' });
const textFiles = import.meta.glob<string>('/content/examples/*/*.{ts,py}', { eager: true, query: '?raw', import: 'default' });

/** The course's order; examples not listed follow alphabetically. */
const ORDER = ['seed', 'login-form', 'counter', 'cart', 'permanent', 'flash'];

function idOf(path: string): string {
  return path.split('/')[3];
}

function file(id: string, base: string, ext: string, lang: 'es' | 'en'): string | undefined {
  const dir = `/content/examples/${id}/`;
  if (lang === 'en') return textFiles[`${dir}${base}.en.${ext}`] ?? textFiles[`${dir}${base}.${ext}`];
  return textFiles[`${dir}${base}.${ext}`];
}

export function exampleIds(): string[] {
  const ids = new Set<string>();
  for (const p of [...Object.keys(jsonFiles), ...Object.keys(textFiles)]) {
    const id = idOf(p);
    if (textFiles[`/content/examples/${id}/routes.ts`] !== undefined) ids.add(id);
  }
  return [...ids].sort((a, b) => {
    const ia = ORDER.indexOf(a);
    const ib = ORDER.indexOf(b);
    if (ia >= 0 && ib >= 0) return ia - ib;
    if (ia >= 0) return -1;
    if (ib >= 0) return 1;
    return a.localeCompare(b);
  });
}

export function loadExample(id: string, lang: 'es' | 'en'): ExampleDef | undefined {
  const code = file(id, 'routes', 'ts', lang);
  if (code === undefined) return undefined;
  const json: ExampleJson = jsonFiles[`/content/examples/${id}/example.json`] ?? {};
  return {
    id,
    title: localize(json.title, lang) ?? id,
    goal: localize(json.goal, lang),
    hint: localize(json.hint, lang),
    code,
    solution: file(id, 'solution', 'ts', lang),
    flask: file(id, 'flask', 'py', lang),
    config: { SECRET_KEY: 'tu_clave_secreta_aqui', ...(json.config ?? {}) },
    users: json.users?.length ? json.users : ['Ana', 'Bruno'],
    startPath: json.startPath ?? '/',
    checks: (json.checks ?? []).map((c) => ({
      title: localize(c.title, lang) ?? '',
      // bodyIncludes stays {es, en}: the runner picks the page's language.
      steps: c.steps,
    })),
  };
}

export function loadExamples(lang: 'es' | 'en', only?: string): ExampleDef[] {
  const ids = only ? [only] : exampleIds();
  return ids.map((id) => loadExample(id, lang)).filter((e): e is ExampleDef => e !== undefined);
}

/**
 * Each example's starting code compiled to JavaScript now, with the sandbox's own transform, so a
 * reader's first load needs no compiler in the browser (the worker gets sucrase only for edits).
 * Code that does not compile is left out: the worker's compiler then reports the error as usual.
 */
export function precompile(examples: ExampleDef[]): Record<string, Transpiled> {
  const out: Record<string, Transpiled> = {};
  for (const e of examples) {
    try {
      out[e.id] = transpile(e.code);
    } catch {
      // reported in the browser, with its line, like any syntax error
    }
  }
  return out;
}
