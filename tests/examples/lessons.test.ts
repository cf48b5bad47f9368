/**
 * Every lesson ends with an exercise that checks itself: each guide page, in both languages, embeds
 * an example that has a solution (an exercise), the two languages embed the same one, and no two
 * lessons share an exercise.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const docs = new URL('../../content/docs/', import.meta.url).pathname;
const examples = new URL('../../content/examples/', import.meta.url).pathname;
const slugs = (dir: string) => readdirSync(`${docs}${dir}`).filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -4)).sort();

/** Example ids embedded with <Playground example="…" />, in page order. */
function embedded(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/<Playground\b[^>]*\bexample=["']([^"']+)["'][^>]*\/>/g)].map((m) => m[1]);
}
const isExercise = (id: string) => existsSync(`${examples}${id}/solution.ts`) && existsSync(`${examples}${id}/example.json`);
const exerciseOf = (path: string) => embedded(path).filter(isExercise).at(-1);

const es = slugs('guide');
const en = slugs('en/guide');

it('the guide has the same lessons in both languages, fifteen of them', () => {
  expect(en).toEqual(es);
  expect(es.length).toBeGreaterThanOrEqual(15);
  for (const slug of ['session-security', 'csrf-samesite', 'xss-httponly', 'privacy-law', 'testing-sessions']) {
    expect(es, slug).toContain(slug);
  }
});

describe.each(es)('lesson %s', (slug) => {
  it.each([
    ['es', `${docs}guide/${slug}.mdx`],
    ['en', `${docs}en/guide/${slug}.mdx`],
  ])('embeds an exercise (%s)', (_lang, path) => {
    expect(exerciseOf(path), `${path} embeds no <Playground example="…"/> with a solution`).toBeDefined();
  });

  it('embeds the same exercise in both languages', () => {
    expect(exerciseOf(`${docs}en/guide/${slug}.mdx`)).toBe(exerciseOf(`${docs}guide/${slug}.mdx`));
  });
});

it('no two lessons share an exercise', () => {
  const used = es.map((slug) => exerciseOf(`${docs}guide/${slug}.mdx`));
  expect(new Set(used).size).toBe(used.length);
});
