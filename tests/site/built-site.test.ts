import { describe, expect, it } from 'vitest';
import { exists, gzipBytes, html, assetText, pageAssets, pagePaths, staticJsGraph } from './dist.ts';

const JS_BUDGET_PLAIN_PAGE = 40 * 1024; // gzip bytes; Starlight alone measured ~31 KB here
const pages = pagePaths();
// An embed view has an example in its path; /embed/ itself is the docs page that lists them.
const isEmbed = (p: string) => /^\/(en\/)?embed\/[^/]+\//.test(p);
const spanish = pages.filter((p) => !p.startsWith('/en/'));
const english = pages.filter((p) => p.startsWith('/en/'));
const docs = pages.filter((p) => !isEmbed(p));
const hasPlayground = (page: string) => page.includes('session-lab-playground');
const isDocsPage = (page: string) => page.includes('data-pagefind-body') || page.includes('sl-markdown-content');

describe('both locales', () => {
  it('has pages in both languages', () => {
    expect(spanish.length).toBeGreaterThan(2);
    expect(english.length).toBe(spanish.length);
  });

  it.each(spanish)('%s has its English twin', (path) => {
    expect(exists(`/en${path}index.html`)).toBe(true);
  });

  it.each(english)('%s has its Spanish twin', (path) => {
    expect(exists(`${path.slice(3)}index.html`)).toBe(true);
  });

  it.each(pages)('%s declares its language and a title', (path) => {
    const page = html(path);
    const lang = path.startsWith('/en/') ? 'en' : 'es';
    expect(page).toMatch(new RegExp(`<html[^>]*\\slang="${lang}"`));
    expect(page).toMatch(/<title>[^<]+<\/title>/);
  });

  it.each(docs)('%s links the favicon and the social card', (path) => {
    const page = html(path);
    expect(page).toContain('href="/favicon.svg"');
    expect(page).toMatch(/<meta property="og:image" content="[^"]*\/og\.png"/);
  });

  it('has a search index per language', () => {
    const entry = JSON.parse(assetText('/pagefind/pagefind-entry.json'));
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'es']);
  });

  it('ships the favicon and the social card', () => {
    expect(exists('/favicon.svg')).toBe(true);
    expect(exists('/og.png')).toBe(true);
  });
});

describe('plain docs pages stay light', () => {
  const plain = pages.filter((p) => isDocsPage(html(p)) && !hasPlayground(html(p)));

  it('there are plain pages to check', () => {
    expect(plain.length).toBeGreaterThan(1);
  });

  it.each(plain)('%s loads no editor code or styles', (path) => {
    const page = html(path);
    const { styles } = pageAssets(page);
    for (const url of [...staticJsGraph(page), ...styles]) {
      expect(url.toLowerCase()).not.toMatch(/monaco|editor\.api|ts\.worker/);
      expect(assetText(url)).not.toMatch(/monaco-editor|vs\/editor\/|\.monaco-editor/);
    }
    expect(page).not.toMatch(/monaco/i);
  });

  it.each(plain)('%s stays under the JS budget', (path) => {
    const total = staticJsGraph(html(path)).reduce((sum, url) => sum + gzipBytes(url), 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(JS_BUDGET_PLAIN_PAGE);
  });
});

describe('pages that run the playground at once start its sandbox from the head', () => {
  const headOf = (page: string) => page.slice(0, page.indexOf('</head>'));
  const earlyScript = (page: string) => pageAssets(headOf(page)).inlineScripts.find((s) => s.includes('sessionLabEarly'));
  const atOnce = ['/playground/', '/en/playground/', ...pages.filter(isEmbed)];
  const lessons = pages.filter((p) => /\/guide\//.test(p) && hasPlayground(html(p)));

  it('there are both kinds to check', () => {
    expect(atOnce.length).toBeGreaterThan(4);
    expect(lessons.length).toBeGreaterThan(2);
  });

  it.each(atOnce)('%s: the head starts the frame and fetches the runtime, which the build wrote', (path) => {
    const script = earlyScript(html(path));
    expect(script).toBeDefined();
    // Before any stylesheet: an inline script after one would wait for it to load.
    const head = headOf(html(path));
    const firstSheet = head.search(/<link[^>]+rel="stylesheet"/);
    expect(firstSheet === -1 || head.indexOf('sessionLabEarly') < firstSheet).toBe(true);
    const url = script!.match(/"(\/_astro\/session-lab-runtime\.[\w-]+\.js)"/)?.[1];
    expect(url).toBeDefined();
    expect(exists(url!)).toBe(true);
    // The worker's code is fetched as text, never loaded as one of the page's own scripts.
    expect(staticJsGraph(html(path))).not.toContain(url);
  });

  it.each(lessons)('%s: no early sandbox, and the UI stays out of the static graph until the playground comes near', (path) => {
    const page = html(path);
    expect(earlyScript(page)).toBeUndefined();
    const graph = staticJsGraph(page).join('\n');
    expect(graph).toMatch(/PlaygroundEntryLazy/);
    expect(graph).not.toMatch(/\/(controller|view|engine-session)\.[\w-]+\.js/);
  });
});

describe('every page asks for its whole module graph up front', () => {
  it.each(pages)('%s preloads each module its scripts import, at any depth', (path) => {
    const page = html(path);
    const head = page.slice(0, page.indexOf('</head>'));
    const roots = pageAssets(page.replace(/<link\b[^>]*rel="modulepreload"[^>]*>/g, '')).scripts;
    const preloaded = [...head.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
    const needed = staticJsGraph(page).filter((url) => !roots.includes(url));
    expect(preloaded.sort()).toEqual(needed.sort());
    // The full playground's graph is several levels deep: the case this is for.
    if (/^\/(en\/)?playground\/$/.test(path)) expect(needed.length).toBeGreaterThan(3);
  });
});
