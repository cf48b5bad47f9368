/**
 * Which exercises each lesson holds, read from the pages at build time: a lesson counts as completed
 * when every playground in it that has checks has had them all pass. Reading the pages (instead of a
 * hand-kept list) means a writer who adds an exercise to a lesson changes what "completed" means
 * there without touching anything else.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { ProgressLang } from '../../playground/ui/progress.ts';

// The project's root: this module is bundled into dist/ at build time, so import.meta.url does not
// point into the sources; every Astro command and the tests run from the root.
const root = pathToFileURL(`${process.cwd()}/`);
const PLAYGROUND_EXAMPLE = /<Playground\b[^>]*?\bexample=["']([a-z0-9-]+)["']/g;

function hasChecks(exampleId: string): boolean {
  const file = new URL(`content/examples/${exampleId}/example.json`, root);
  if (!existsSync(file)) return false;
  const checks: unknown = JSON.parse(readFileSync(file, 'utf8')).checks;
  return Array.isArray(checks) && checks.length > 0;
}

function pagesUnder(dir: URL, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return entry.name === 'en' && prefix === '' ? [] : pagesUnder(new URL(`${entry.name}/`, dir), `${prefix}${entry.name}/`);
    return /^[^_].*\.mdx?$/.test(entry.name) ? [`${prefix}${entry.name}`] : [];
  });
}

/** Page path (as the sidebar links it, e.g. `/en/guide/session/`) → ids of its exercises. */
export function lessonExercises(lang: ProgressLang): Record<string, string[]> {
  const docs = new URL(lang === 'en' ? 'content/docs/en/' : 'content/docs/', root);
  const base = lang === 'en' ? '/en/' : '/';
  const lessons: Record<string, string[]> = {};
  for (const file of pagesUnder(docs)) {
    const source = readFileSync(new URL(file, docs), 'utf8');
    const ids = [...new Set([...source.matchAll(PLAYGROUND_EXAMPLE)].map((m) => m[1]!))].filter(hasChecks);
    if (ids.length === 0) continue;
    const slug = file.replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '');
    lessons[`${base}${slug}${slug ? '/' : ''}`] = ids;
  }
  return lessons;
}
