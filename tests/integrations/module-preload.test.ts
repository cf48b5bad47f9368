import { describe, expect, it } from 'vitest';
import { chunkImports, moduleGraph, preloadLinks } from '../../playground/startup/module-preload.ts';

/** A tiny built site: three levels of static imports, a dynamic one, and a string that looks like an import. */
const FILES: Record<string, string> = {
  '/_astro/entry.js': 'import"./mount.js";import{a as b}from"./view.js";console.log(b)',
  '/_astro/mount.js': 'import{n}from"./cookies.js";export const m=()=>import("./lazy.js");',
  '/_astro/view.js': 'export{x as a}from"./shared/dom.js";const s="import{y}from\\"./not-a-module.js\\"";',
  '/_astro/cookies.js': 'export const n=1;',
  '/_astro/shared/dom.js': 'export const x=2;',
  '/_astro/lazy.js': 'import"./never-preloaded.js";',
};
const read = async (url: string) => FILES[url] ?? null;

describe('module preload links', () => {
  it('finds static imports and re-exports, not dynamic imports or look-alikes in strings', async () => {
    expect(await chunkImports(FILES['/_astro/entry.js'], '/_astro/entry.js')).toEqual(['/_astro/mount.js', '/_astro/view.js']);
    expect(await chunkImports(FILES['/_astro/mount.js'], '/_astro/mount.js')).toEqual(['/_astro/cookies.js']);
    expect(await chunkImports(FILES['/_astro/view.js'], '/_astro/view.js')).toEqual(['/_astro/shared/dom.js']);
  });

  it("follows a page's module scripts to every depth", async () => {
    const page = '<html><head></head><body><script type="module" src="/_astro/entry.js"></script></body></html>';
    expect(await moduleGraph(page, read)).toEqual(['/_astro/entry.js', '/_astro/mount.js', '/_astro/view.js', '/_astro/cookies.js', '/_astro/shared/dom.js']);
  });

  it('adds links only for what the page does not load already, and none for a page without modules', async () => {
    const page = '<head><link rel="modulepreload" href="/_astro/view.js"></head><script type="module" src="/_astro/entry.js"></script>';
    const links = preloadLinks(page, await moduleGraph(page, read));
    expect(links).toBe(
      '<link rel="modulepreload" href="/_astro/mount.js"><link rel="modulepreload" href="/_astro/cookies.js"><link rel="modulepreload" href="/_astro/shared/dom.js">',
    );
    expect(preloadLinks('<head></head><script>inline()</script>', await moduleGraph('<script>inline()</script>', read))).toBe('');
  });
});
