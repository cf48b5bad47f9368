/**
 * After the build, gives every page a `<link rel="modulepreload">` for each module its scripts
 * import statically, at any depth.
 *
 * Without them the browser discovers the graph one level at a time: it must fetch and parse the
 * entry before it asks for the entry's imports, and parse those before it asks for theirs, and that
 * parsing waits for a main thread busy with the page itself. Measured on the full playground page:
 * three levels, the last chunk arriving 250-400 ms after the entry. With the links every file is
 * requested while the <head> is read.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { init, parse } from 'es-module-lexer';

/**
 * Static imports and re-exports of a built chunk, as site paths (a real lexer: a regex would also
 * match the words inside strings). Dynamic `import()` is left out: it loads on demand.
 */
export async function chunkImports(code: string, chunkUrl: string): Promise<string[]> {
  await init;
  const [imports] = parse(code);
  const out: string[] = [];
  for (const i of imports) {
    if (i.d !== -1 || i.n === undefined) continue; // dynamic import(), or import.meta
    if (i.n.startsWith('/')) out.push(i.n);
    else if (i.n.startsWith('.')) out.push(posix.normalize(posix.join(posix.dirname(chunkUrl), i.n)));
  }
  return out;
}

/** The page's module scripts (by src), each followed by its whole static graph, in discovery order. */
export async function moduleGraph(html: string, read: (url: string) => Promise<string | null>): Promise<string[]> {
  const roots = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"[^>]*>/g)].map((m) => m[1]);
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url) || !url.startsWith('/')) continue;
    seen.add(url);
    const code = await read(url);
    if (code !== null) queue.push(...(await chunkImports(code, url)));
  }
  return [...seen];
}

/** The links to add: the graph minus the page's own script tags and links it already has. */
export function preloadLinks(html: string, graph: string[]): string {
  const present = new Set([...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]));
  return graph
    .filter((url) => !present.has(url))
    .map((url) => `<link rel="modulepreload" href="${url}">`)
    .join('');
}

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(full)));
    else if (entry.name.endsWith('.html')) out.push(full);
  }
  return out;
}

export default function modulePreload(): AstroIntegration {
  return {
    name: 'session-lab:module-preload',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const cache = new Map<string, Promise<string | null>>();
        const read = (url: string) => {
          let p = cache.get(url);
          if (!p) {
            p = readFile(join(root, url), 'utf8').catch(() => null);
            cache.set(url, p);
          }
          return p;
        };
        let pages = 0;
        for (const file of await htmlFiles(root)) {
          const html = await readFile(file, 'utf8');
          const links = preloadLinks(html, await moduleGraph(html, read));
          if (!links || !html.includes('</head>')) continue;
          await writeFile(file, html.replace('</head>', `${links}</head>`));
          pages++;
        }
        logger.info(`modulepreload links added to ${pages} pages`);
      },
    },
  };
}
