import { describe, expect, it } from 'vitest';
import { Markup, Tuple, UUID, createSession, toPythonRepr } from '../../playground/engine/index.ts';
import { fromConv, readJson } from './convention.ts';

interface Case { value: unknown; repr: string }
const cases = readJson<Case[]>('repr.json');

/** What JS cannot say the Python way: integral floats (2.0 prints as 2), and integer-like keys ("9"), which JS objects reorder. */
function jsCanSay(v: unknown): boolean {
  if (Array.isArray(v)) return v.every(jsCanSay);
  if (v === null || typeof v !== 'object') return true;
  const entries = Object.entries(v);
  if (entries.length === 1 && entries[0][0] === '$float') {
    const x = Number(entries[0][1]);
    return !Number.isFinite(x) || !Number.isInteger(x) || Object.is(x, -0);
  }
  return entries.every(([k, x]) => !/^(0|[1-9]\d*)$/.test(k) && jsCanSay(x));
}

describe('toPythonRepr matches repr() from CPython 3.11', () => {
  const usable = cases.filter((c) => jsCanSay(c.value));
  it(`covers most of the ${cases.length} generated and hand-written values`, () => {
    expect(usable.length).toBeGreaterThan(cases.length * 0.85);
  });
  it('prints every usable value exactly like Python', () => {
    const wrong = usable.map((c) => [toPythonRepr(fromConv(c.value)), c.repr]).filter(([got, want]) => got !== want);
    expect(wrong).toEqual([]);
  });
  it('prints the session in its own order, with the documented JS number limit', () => {
    const s = createSession(new Map<string, unknown>([['username', 'ana'], ['items', Tuple.from([1, 2])], ['10', true]]));
    expect(toPythonRepr(s)).toBe("{'username': 'ana', 'items': (1, 2), '10': True}");
    expect(s.accessed).toBe(false);
    expect(toPythonRepr({ f: 2.0, t: Tuple.of('x'), m: new Markup("it's"), u: new UUID('12345678123456781234567812345678') })).toBe(
      `{'f': 2, 't': ('x',), 'm': Markup("it's"), 'u': UUID('12345678-1234-5678-1234-567812345678')}`,
    );
  });
});
