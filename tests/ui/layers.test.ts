/**
 * The layer rule of ARCHITECTURE.md, enforced: the folder table there is read (not copied here), and
 * every relative import in the source folders must land in the importer's own folder or in one the
 * table lists under "may import". The doc and the code cannot drift apart without this failing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const posix = (p: string) => p.split('\\').join('/');

interface Layer {
  folder: string;
  /** Folders or single files this layer may import; null: anything. */
  may: string[] | null;
}

/** The table under "Folders, and who may import whom": first column the folder, last what it may import. */
export function readLayers(markdown: string): Layer[] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith('Folders, and who may import whom'));
  if (!section) throw new Error('ARCHITECTURE.md has no "Folders, and who may import whom" section');
  const layers: Layer[] = [];
  for (const line of section.split('\n')) {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length < 3 || !cells[0].startsWith('`')) continue;
    const folder = cells[0].replace(/`/g, '').replace(/\/$/, '');
    const last = cells[cells.length - 1];
    const may = /\banything\b/.test(last) ? null : [...last.matchAll(/`([^`]+)`/g)].map((m) => m[1].replace(/\/$/, ''));
    layers.push({ folder, may });
  }
  return layers;
}

const inside = (file: string, place: string) => file === place || file.startsWith(place + '/');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(join(root, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|mts|mjs|js|astro|mdx)$/.test(name) && !name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** Relative specifiers of static imports, re-exports, dynamic imports and `import x = require`. */
export function importsOf(text: string): string[] {
  const specs = new Set<string>();
  const patterns = [/\bimport\s+(?:type\s+)?[^'"();]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bexport\s+[^'"();]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of text.matchAll(re)) specs.add(m[1]);
  return [...specs].filter((s) => s.startsWith('.'));
}

const layers = readLayers(readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8'));
const checked = layers.filter((l) => l.may !== null);

describe('ARCHITECTURE.md layer rule', () => {
  it('the table names every source folder and what it may import', () => {
    expect(checked.map((l) => l.folder)).toEqual(expect.arrayContaining(['content', 'src', 'playground/ui', 'playground/sandbox', 'playground/engine']));
  });

  it('reads imports the way the rule needs (type-only, re-exports, dynamic, side-effect)', () => {
    const text = `import type { A } from '../a.ts';\nexport { b } from "./b.ts";\nconst c = import('../../c.ts');\nimport './d.css';\nimport e from 'pako';`;
    expect(importsOf(text).sort()).toEqual(['../../c.ts', '../a.ts', './b.ts', './d.css']);
  });

  for (const layer of checked) {
    it(`${layer.folder}/ imports only from itself and ${layer.may!.join(', ') || 'npm packages'}`, () => {
      const broken: string[] = [];
      for (const file of sourceFiles(layer.folder)) {
        for (const spec of importsOf(readFileSync(join(root, file), 'utf8'))) {
          const target = posix(relative(root, resolve(dirname(join(root, file)), spec.split('?')[0])));
          const allowed = inside(target, layer.folder) || layer.may!.some((m) => inside(target, m));
          if (!allowed) broken.push(`${file} → ${target}`);
        }
      }
      expect(broken).toEqual([]);
    });
  }
});
