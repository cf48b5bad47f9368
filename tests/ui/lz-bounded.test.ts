import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decompressLinkBounded } from '../../playground/ui/lz-bounded.ts';

describe('bounded share-link decompression', () => {
  it('reads what lz-string writes, for text of every kind', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const samples = ['', 'a', 'aaaaaaaaaaaaaaaaaaaa', '{"v":1,"example":"seed"}', 'ñandú · 漢字 · 🍪'.repeat(40)];
    for (let n = 0; n < 200; n++) {
      const len = Math.floor(rnd() * 600);
      let s = '';
      for (let i = 0; i < len; i++) s += String.fromCharCode(rnd() < 0.8 ? 97 + Math.floor(rnd() * 4) : Math.floor(rnd() * 0xd7ff));
      samples.push(s);
    }
    for (const s of samples) expect(decompressLinkBounded(compressToEncodedURIComponent(s), 1_000_000)).toEqual({ ok: true, text: s });
  });

  it('stops a bomb at the limit instead of expanding it', () => {
    const bomb = compressToEncodedURIComponent('x'.repeat(300_000));
    expect(bomb.length).toBeLessThan(2_000);
    expect(decompressLinkBounded(bomb, 100_000)).toEqual({ ok: false, reason: 'too large' });
    expect(decompressLinkBounded(bomb, 300_000)).toEqual({ ok: true, text: 'x'.repeat(300_000) });
  });

  it('refuses text that is not the format', () => {
    expect(decompressLinkBounded('%%%', 1000)).toEqual({ ok: false, reason: 'corrupt' });
    const good = compressToEncodedURIComponent('hello, world, hello again');
    expect(decompressLinkBounded(good.slice(0, 5), 1000).ok).toBe(false);
  });
});
