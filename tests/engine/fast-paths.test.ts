/**
 * The engine's speed paths against slower references, on many generated inputs: each fast path
 * must give the same bytes, the same values and the same errors as the reference it replaces.
 *   reused inflate state           vs a fresh pako.Inflate per call
 *   one-pass taggedDumps           vs tag() + pythonJsonDumps, and ensure_ascii vs JSON.stringify
 *   JSON.parse path of taggedLoads vs the exact Python-rules reader
 */
import { Inflate, deflate, gzip } from 'pako';
import { describe, expect, it } from 'vitest';
import { prng } from './prng.ts';
import { zlibDecompress } from '../../playground/engine/compression.ts';
import { compareCodePoints, pythonJsonDumps, sortKeysInPlace } from '../../playground/engine/python-json.ts';
import { Markup, Tuple, UUID } from '../../playground/engine/python-values.ts';
import { tag, taggedDumps, taggedDumpsTwoPass, taggedLoads, taggedLoadsExact } from '../../playground/engine/tagged-json.ts';


const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** The reference the reused state must match: a fresh pako.Inflate reading zlib data only, as Python's zlib.decompress. */
function freshInflate(data: Uint8Array): string {
  const inf = new Inflate({ windowBits: 15 });
  inf.push(data, true);
  if (inf.err) return `error ${inf.err}: ${inf.msg}`;
  return hex(inf.result as Uint8Array);
}

function reusedInflate(data: Uint8Array): string {
  try {
    return hex(zlibDecompress(data));
  } catch (e) {
    const m = /^Error (-?\d+) while decompressing data: (.*)$/.exec((e as Error).message);
    return m ? `error ${m[1]}: ${m[2]}` : `unexpected ${(e as Error).message}`;
  }
}

const LEVELS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

describe('reused inflate state', () => {
  it('gives a fresh pako.Inflate\'s bytes or error for 1000 valid, gzip, corrupt and truncated streams in a row', () => {
    const rand = prng(3);
    let errors = 0;
    for (let i = 0; i < 1000; i++) {
      const n = Math.floor(rand() ** 4 * 140000);
      const alphabet = 1 + Math.floor(rand() * 255);
      const raw = new Uint8Array(n);
      for (let j = 0; j < n; j++) raw[j] = rand() < 0.4 && j > 8 ? raw[j - 1 - Math.floor(rand() * 8)] : Math.floor(rand() * alphabet);
      let z: Uint8Array = i % 7 === 0 ? gzip(raw) : deflate(raw, { level: LEVELS[Math.floor(rand() * LEVELS.length)] });
      const kind = i % 5;
      if (kind === 1) {
        z = z.slice();
        for (let f = 0; f < 1 + Math.floor(rand() * 3); f++) z[Math.floor(rand() * z.length)] ^= 1 << Math.floor(rand() * 8);
      } else if (kind === 2) z = z.slice(0, Math.floor(rand() * z.length));
      else if (kind === 3) z = Uint8Array.from([...z, ...Array.from({ length: 5 }, () => Math.floor(rand() * 256))]);
      const want = freshInflate(z);
      if (want.startsWith('error')) errors++;
      expect(reusedInflate(z)).toBe(want);
    }
    expect(errors).toBeGreaterThan(200);
  });
});

// ---------- tagged JSON ----------

const STRINGS = ['', 'a', 'ana', 'caf\u00e9', '\u007f', '\u0000\u001f', '"q"', 'back\\slash', '\ud83d\ude00', '\ud800', 'x\udfffy', '\uff01', '\ue000', 'tab\tnl\n', '</script>', ' t', ' di'];
const KEYS = ['a', 'b', 'user_id', 'Z', '10', '2', '__proto__', ' t', ' b', ' m', ' u', ' d', ' di', 't', '\uff01', '\ud83d\ude00', '\ue000', '\u00e9', 'caf\u00e9', 'aa', 'a\u0000'];
const NUMBERS = [0, -0, 1, -1, 42, 2 ** 53 - 1, 2 ** 53, 1e16, 1e21, 0.1, -2.5, 1e-5, 1e-4, 0.001, 123456789.125, 1e15 + 0.5, 1.5e300, 5e-324, NaN, Infinity, -Infinity];

function randomValue(rand: () => number, depth: number): unknown {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const r = rand();
  if (depth > 3 || r < 0.35) {
    const p = rand();
    if (p < 0.3) return pick(STRINGS) + (rand() < 0.3 ? pick(STRINGS) : '');
    if (p < 0.6) return pick(NUMBERS);
    if (p < 0.7) return rand() * 1000 - 500;
    if (p < 0.75) return BigInt(pick(['12345678901234567890', '-99999999999999999999', '0']));
    if (p < 0.85) return pick([null, true, false]);
    if (p < 0.88) return Uint8Array.from({ length: Math.floor(rand() * 9) }, () => Math.floor(rand() * 256));
    if (p < 0.91) return new Markup(pick(STRINGS));
    if (p < 0.94) return new UUID('12345678-1234-5678-1234-56781234567' + Math.floor(rand() * 10));
    return new Date(Math.floor(rand() * 4e12));
  }
  const n = Math.floor(rand() * 5);
  if (r < 0.5) return Array.from({ length: n }, () => randomValue(rand, depth + 1));
  if (r < 0.6) return Tuple.from(Array.from({ length: n }, () => randomValue(rand, depth + 1)));
  const entries: [string, unknown][] = [];
  for (let i = 0; i < (rand() < 0.2 ? 1 : n); i++) entries.push([pick(KEYS), randomValue(rand, depth + 1)]);
  if (r < 0.75) return new Map(entries);
  const obj: Record<string, unknown> = rand() < 0.1 ? Object.create(null) : {};
  for (const [k, v] of entries) Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
  return obj;
}

function outcome(fn: () => string): string {
  try {
    return fn();
  } catch (e) {
    return `${(e as Error).constructor.name}: ${(e as Error).message}`;
  }
}

describe('one-pass tagged JSON writer', () => {
  it('writes what tag() + pythonJsonDumps write, for 4000 random session values', () => {
    const rand = prng(4);
    for (let i = 0; i < 4000; i++) {
      const v = randomValue(rand, 0);
      expect(outcome(() => taggedDumps(v))).toBe(outcome(() => taggedDumpsTwoPass(v)));
    }
  });
  it('gives the reference errors and text for what it leaves to the reference', () => {
    class Thing {}
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const holes = [1, , 2]; // eslint-disable-line no-sparse-arrays
    const cases: unknown[] = [
      { b: new Thing(), a: () => 1 },
      { a: undefined },
      [1, undefined],
      holes,
      Tuple.from([1, , 2]), // eslint-disable-line no-sparse-arrays
      new Map<unknown, unknown>([[1, 'one'], ['1', 'uno']]),
      new Map<unknown, unknown>([[Symbol('s'), 1]]),
      new Date(NaN),
      Symbol('x'),
      cyclic,
    ];
    let deep: unknown = 'leaf';
    for (let d = 0; d < 400; d++) deep = [deep];
    cases.push(deep);
    for (const v of cases) expect(outcome(() => taggedDumps(v))).toBe(outcome(() => taggedDumpsTwoPass(v)));
    expect(outcome(() => taggedDumps(holes))).toBe(pythonJsonDumps(tag(holes)));
  });
  it('escapes strings like ensure_ascii (JSON.stringify, then \\uXXXX above "~")', () => {
    const rand = prng(5);
    for (let i = 0; i < 3000; i++) {
      let s = '';
      for (let j = Math.floor(rand() * 12); j > 0; j--) {
        s += rand() < 0.5 ? String.fromCharCode(32 + Math.floor(rand() * 95)) : String.fromCharCode(Math.floor(rand() * 0x10000));
      }
      const want = JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
      expect(taggedDumps(s)).toBe(want);
    }
  });
  it('sorts keys in code point order like compareCodePoints', () => {
    const rand = prng(6);
    for (let i = 0; i < 2000; i++) {
      const keys = [...new Set(Array.from({ length: Math.floor(rand() * 40) }, () => KEYS[Math.floor(rand() * KEYS.length)] + (rand() < 0.5 ? KEYS[Math.floor(rand() * KEYS.length)] : '')))];
      expect(sortKeysInPlace([...keys])).toEqual([...keys].sort(compareCodePoints));
    }
  });
});

/** A description that tells apart everything the reader can return: types, key order, -0, BigInt. */
function describeValue(v: unknown): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'number':
      return Object.is(v, -0) ? 'n:-0' : `n:${v}`;
    case 'bigint':
      return `big:${v}`;
    case 'string':
      return `s:${JSON.stringify(v)}`;
    case 'boolean':
      return String(v);
  }
  if (v instanceof Map) return `Map{${[...v].map(([k, x]) => `${JSON.stringify(k)}:${describeValue(x)}`).join(',')}}`;
  if (v instanceof Tuple) return `T[${Array.from(v, describeValue).join(',')}]`;
  if (Array.isArray(v)) return `[${v.map(describeValue).join(',')}]`;
  if (v instanceof Uint8Array) return `B:${hex(v)}`;
  if (v instanceof Markup) return `M:${v.value}`;
  if (v instanceof UUID) return `U:${v.hex}`;
  if (v instanceof Date) return `D:${v.getTime()}`;
  const proto = Object.getPrototypeOf(v);
  if (proto === Object.prototype || proto === null) {
    return `O{${Object.keys(v as object).map((k) => `${JSON.stringify(k)}:${describeValue((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return `other:${(v as object).constructor?.name}`;
}

function readOutcome(fn: () => unknown): string {
  try {
    return describeValue(fn());
  } catch (e) {
    return `${(e as Error).constructor.name}: ${(e as Error).message}`;
  }
}

describe('JSON.parse path of taggedLoads', () => {
  const texts: string[] = [
    '{"a":-0}', '-0', '[-0.0]', '{"n":12345678901234567890}', '[9007199254740991,9007199254740992,-9007199254740993]',
    '{"x":NaN}', '[Infinity,-Infinity]', '1e400', '{"10":1,"a":2,"2":3}', '{"a":1,"a":2,"b":3}', '{"__proto__":{"x":1}}',
    '{" t":[1,2]}', '{" t":"ab"}', '{" b":1}', '{" b":"aGk="}', '{" u":"bad"}', '{" di":{" t__":1}}', '{" di":{}}', '{" di":[]}',
    '{" d":"Mon, 10 Jun 2024 06:30:00 GMT"}', '{" d":"garbage"}', '{" m":"<b>"}', '{"b":{" b":1},"1":{" u":"bad"}}',
    '[{" b":1},]', '{"a":"\\ud800"}', ' {"a" : [1 , 2] } ', '{"a":1}x', '"\\u00e9\\/"', '[' + '1'.repeat(4301) + ']', '{" t":[1]," t":[2]}',
    '[' + '['.repeat(950) + ']'.repeat(950) + ']', '[' + '['.repeat(600) + ']'.repeat(600) + ']', '{"a":{"10":1,"2":2}}', '{"5":{" t":[1]}}', '',
  ];
  const rand = prng(7);
  for (let i = 0; i < 1500; i++) {
    const text = taggedDumps(randomValue(rand, 0));
    texts.push(text);
    // and a mutated copy: JSON punctuation, numbers and tag keys inserted or removed
    const chars = [...text];
    for (let e = 0; e < 1 + Math.floor(rand() * 3); e++) {
      const at = Math.floor(rand() * (chars.length + 1));
      const bits = ['-0', '0', '1', '.5', 'e5', '"', ',', ':', '{', '}', '[', ']', ' t', ' di', '12345678901234567', 'NaN', '\\'];
      if (rand() < 0.5) chars.splice(at, 1);
      else chars.splice(at, 0, bits[Math.floor(rand() * bits.length)]);
    }
    texts.push(chars.join(''));
  }
  it(`reads ${texts.length} texts (valid, tagged, mutated) exactly like the exact reader, values and errors`, () => {
    let ok = 0;
    for (const text of texts) {
      for (const top of [false, true]) {
        const want = readOutcome(() => taggedLoadsExact(text, top));
        expect(readOutcome(() => taggedLoads(text, top))).toBe(want);
        if (!want.includes('Error')) ok++;
      }
    }
    expect(ok).toBeGreaterThan(3000);
  });
});
