/**
 * /embed.js goes on course pages we do not control: it must stay tiny and self-contained. Its
 * behaviour in a browser is tests/e2e/embed-host.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const source = readFileSync(new URL('../../public/embed.js', import.meta.url));

describe('/embed.js', () => {
  it('stays within its size budget (4 KB as served, 1.6 KB gzip)', () => {
    expect(source.length).toBeLessThanOrEqual(4096);
    expect(gzipSync(source, { level: 9 }).length).toBeLessThanOrEqual(1600);
  });

  it('loads nothing else and evaluates nothing', () => {
    const text = source.toString('utf8');
    expect(text).not.toMatch(/\bimport\b|\brequire\(|\beval\(|new Function|innerHTML|document\.write|createElement\(['"]script/);
  });
});
