import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Helpers to read the built site as a browser would receive it. */
export const dist = new URL('../../dist', import.meta.url).pathname;

/** Every page's URL path ("/", "/guide/session/", "/en/"...), from dist/**\/index.html. */
export function pagePaths(): string[] {
  const out: string[] = [];
  const walk = (dir: string, url: string) => {
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) {
        if (entry === '_astro' || entry === 'pagefind') continue;
        walk(full, `${url}${entry}/`);
      } else if (entry === 'index.html') out.push(url);
    }
  };
  walk(dist, '/');
  return out.sort();
}

export function html(path: string): string {
  return readFileSync(join(dist, path, 'index.html'), 'utf8');
}

export function assetText(url: string): string {
  return readFileSync(join(dist, url), 'utf8');
}

export function gzipBytes(url: string): number {
  return gzipSync(readFileSync(join(dist, url)), { level: 9 }).length;
}

export function exists(url: string): boolean {
  return existsSync(join(dist, url));
}

const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

/** Module scripts, inline module scripts' static imports, and stylesheets a page loads up front. */
export function pageAssets(page: string): { scripts: string[]; styles: string[]; inlineScripts: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  const inlineScripts: string[] = [];
  for (const m of page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = attr(m[0].slice(0, m[0].indexOf('>') + 1), 'src');
    if (src) scripts.push(src);
    else inlineScripts.push(m[2]);
  }
  for (const m of page.matchAll(/<link\b[^>]*>/g)) {
    const rel = attr(m[0], 'rel');
    const href = attr(m[0], 'href');
    if (!href) continue;
    if (rel === 'stylesheet') styles.push(href);
    if (rel === 'modulepreload') scripts.push(href);
  }
  for (const code of inlineScripts) for (const dep of staticImports(code, '/')) scripts.push(dep);
  return { scripts, styles, inlineScripts };
}

/** Static `import … from "x"` / `import "x"` specifiers of a chunk, resolved against its URL. Dynamic `import()` is not followed: it loads on demand. */
export function staticImports(code: string, fromUrl: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
    const spec = m[1];
    if (spec.startsWith('/')) out.push(spec);
    else if (spec.startsWith('.')) out.push(posix.normalize(posix.join(posix.dirname(fromUrl), spec)));
  }
  return out;
}

/** The page's whole static JS graph (what a reader downloads before any click). */
export function staticJsGraph(page: string): string[] {
  const seen = new Set<string>();
  const queue = pageAssets(page).scripts.filter((s) => s.endsWith('.js'));
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url) || !exists(url)) continue;
    seen.add(url);
    queue.push(...staticImports(assetText(url), url));
  }
  return [...seen];
}
