import { deflate } from 'pako';
import { describe, expect, it } from 'vitest';
import { prng } from './prng.ts';
import { compressIfSmaller, zlibCompress, zlibDecompress } from '../../playground/engine/compression.ts';


describe('reused deflate state', () => {
  it('gives pako.deflate()\'s bytes for 1500 inputs in a row, of every size and redundancy', () => {
    const rand = prng(99);
    for (let i = 0; i < 1500; i++) {
      const n = Math.floor(rand() ** 3 * 70000);
      const alphabet = 1 + Math.floor(rand() * 255);
      const raw = new Uint8Array(n);
      for (let j = 0; j < n; j++) raw[j] = rand() < 0.3 && j > 8 ? raw[j - 1 - Math.floor(rand() * 8)] : Math.floor(rand() * alphabet);
      const z = zlibCompress(raw);
      expect(Buffer.from(z).equals(Buffer.from(deflate(raw)))).toBe(true);
      expect(Buffer.from(zlibDecompress(z)).equals(Buffer.from(raw))).toBe(true);
    }
  });
  it('applies Flask\'s strict rule', () => {
    expect(compressIfSmaller(new TextEncoder().encode('{"k":"aaaaaaaaaaa"}'))).toBeNull();
    expect(compressIfSmaller(new TextEncoder().encode('{"k":"aaaaaaaaaaaa"}'))?.length).toBe(18);
  });
  it('refuses truncated and corrupt streams, ignores trailing bytes', () => {
    const z = zlibCompress(new TextEncoder().encode('hello hello hello hello'));
    expect(() => zlibDecompress(z.slice(0, -2))).toThrow();
    expect(() => zlibDecompress(new Uint8Array([1, 2, 3]))).toThrow();
    expect(new TextDecoder().decode(zlibDecompress(new Uint8Array([...z, 1, 2])))).toBe('hello hello hello hello');
  });
});
