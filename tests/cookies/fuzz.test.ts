/**
 * Fuzz-style tests: thousands of random and malformed headers from a seeded PRNG (the same inputs on
 * every run). Whatever comes in, the parsers and the jar must answer with a result or a reason, never
 * an exception, and never leave the jar holding a cookie that breaks its own rules.
 */
import { describe, expect, it } from 'vitest';
import {
  CookieJar,
  parseCookieHeader,
  parseSetCookie,
  serializeCookieHeader,
} from '../../playground/engine/cookies/index.ts';
import type { JarChange, StoredCookie } from '../../playground/engine/cookies/index.ts';

/** mulberry32: a tiny deterministic PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(items: readonly T[]): T => items[int(items.length)];
  return { next, int, pick };
}

const PIECES = [
  'a', 'b', 'session', 'SID', '__Host-', '__Secure-', '=', '==', ';', '; ', ' ', '\t', '"', '\\', ',', '.',
  '-', '_', '/', 'ñ', '💥', '\x00', '\n', '\r', '\x7f', '\x01', 'eyJ1c2VyIjoiYW5hIn0', '0', '1970', 'GMT',
];
const ATTRS = ['Expires', 'Max-Age', 'Domain', 'Path', 'Secure', 'HttpOnly', 'SameSite', 'Partitioned', 'expires', 'PATH', 'x', ''];
const ATTR_VALUES = [
  '', '0', '-1', '60', '99999999999999999999', '1.5', 'abc', 'Thu, 01 Jan 1970 00:00:00 GMT',
  'Wed, 09 Jun 2100 10:18:14 GMT', '31 Feb 2023 10:00:00', 'localhost', '.localhost', 'ejemplo.test',
  '.EJEMPLO.test', 'www.ejemplo.test', 'com', 'test', '127.0.0.1', '0.0.1', '/', '/a', '/a/b/', 'rel',
  'Strict', 'lax', 'None', 'bogus', 'p'.repeat(1025), 'ñ'.repeat(600), '\x00',
];
const URLS = [
  'http://localhost:5000/', 'http://localhost:5000/a/b/c', 'https://ejemplo.test/', 'http://ejemplo.test/a',
  'http://www.ejemplo.test/x/', 'https://sub.www.ejemplo.test/', 'http://127.0.0.1:5000/', 'http://10.0.0.1/',
  'http://[::1]:5000/a', 'https://www.example.com/', 'http://app.localhost/', 'file:///etc/passwd', 'nonsense', '',
];

function randomText(r: ReturnType<typeof prng>, maxPieces: number): string {
  let out = '';
  const n = r.int(maxPieces);
  for (let i = 0; i < n; i++) out += r.next() < 0.8 ? r.pick(PIECES) : String.fromCharCode(r.int(0x3000));
  return out;
}

function randomSetCookie(r: ReturnType<typeof prng>): string {
  const roll = r.next();
  if (roll < 0.15) return randomText(r, 40); // pure noise
  if (roll < 0.22) return `${r.pick(['session', 'a', 'theme'])}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/`;
  // Half the names come from a small pool, so replacements and deletions happen often.
  const name = r.next() < 0.5 ? r.pick(['session', 'a', 'theme', '__Host-id', '__Secure-x']) : randomText(r, 4) || 'n';
  let line = r.next() < 0.9 ? `${name}=${r.next() < 0.2 ? '' : randomText(r, 6)}` : randomText(r, 4);
  if (r.next() < 0.03) line += 'x'.repeat(4000 + r.int(200));
  const attrs = r.int(6);
  for (let i = 0; i < attrs; i++) {
    const name = r.pick(ATTRS);
    line += r.pick(['; ', ';', ' ; ', ';\t']) + name;
    if (r.next() < 0.75) line += `=${r.pick(ATTR_VALUES)}`;
  }
  return line;
}

const REJECT_REASONS = new Set([
  'invalid-syntax', 'empty-name-and-value', 'too-large', 'invalid-url', 'secure-from-insecure-origin',
  'overwrite-secure-from-insecure', 'domain-mismatch', 'public-suffix', 'samesite-none-requires-secure',
  'samesite-cross-site', 'prefix-secure', 'prefix-host', 'expired-on-arrival', 'invalid-cookie',
  'domain-not-a-host', 'partitioned-requires-secure', 'prefix-http', 'tab-in-name-or-value', 'nameless-value-with-equals',
]);

function isSecureUrl(url: URL) {
  return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) || url.hostname.endsWith('.localhost');
}

/** The rules every stored cookie must satisfy, whatever the input was. */
function checkStored(c: StoredCookie) {
  expect(c.name === '' && c.value === '').toBe(false);
  expect(c.size).toBeLessThanOrEqual(4096);
  expect(c.path.startsWith('/')).toBe(true);
  expect(c.domain).not.toBe('');
  expect(c.domain.startsWith('.')).toBe(false);
  expect(c.persistent).toBe(c.expires !== null);
  expect(['Strict', 'Lax', 'None']).toContain(c.sameSite);
  if (c.sameSite === 'None') expect(c.secure).toBe(true);
  if (/^__secure-/i.test(c.name)) expect(c.secure).toBe(true);
  if (/^__host-/i.test(c.name)) expect([c.secure, c.hostOnly, c.path]).toEqual([true, true, '/']);
  expect(/[\x00-\x08\x0A-\x1F\x7F;]/.test(c.name + c.value)).toBe(false);
}

function checkChange(change: JarChange, url: string, now: number) {
  expect(['added', 'changed', 'deleted', 'rejected']).toContain(change.kind);
  if (change.kind === 'rejected') {
    expect(REJECT_REASONS.has(change.reason as string)).toBe(true);
    expect(change.detail?.length).toBeGreaterThan(0);
    return;
  }
  if (change.kind === 'deleted') {
    expect(change.before).toBeDefined();
    return;
  }
  const after = change.after as StoredCookie;
  checkStored(after);
  const target = new URL(url);
  const host = target.hostname;
  expect(host === after.domain || (after.hostOnly === false && host.endsWith(`.${after.domain}`))).toBe(true);
  if (after.secure) expect(isSecureUrl(target)).toBe(true);
  expect(after.expires === null || after.expires > now).toBe(true);
  // Chromium: a replacement with a new value is a new cookie, created now; the same value keeps its age.
  if (change.kind === 'changed') expect(after.creation).toBe(change.before?.value === after.value ? change.before.creation : now);
  if (after.partitioned) expect(after.secure).toBe(true);
  if (/^__(host-)?http-/i.test(after.name)) expect([after.secure, after.httpOnly]).toEqual([true, true]);
  expect(/\t/.test(after.name + after.value)).toBe(false);
}

describe('fuzz: Cookie header', () => {
  it('parses 5,000 random headers without throwing, into clean pairs', () => {
    const r = prng(0xc00c1e);
    for (let i = 0; i < 5000; i++) {
      const header = randomText(r, 30);
      const pairs = parseCookieHeader(header);
      for (const [name, value] of pairs) {
        expect(name.includes(';') || name.includes('=') || value.includes(';')).toBe(false);
        expect(name === '' && value === '').toBe(false);
        expect(/^[ \t]|[ \t]$/.test(name) || /^[ \t]|[ \t]$/.test(value)).toBe(false);
      }
      expect(typeof serializeCookieHeader(pairs)).toBe('string');
    }
  });

  it('round-trips 2,000 random well-formed cookie lists exactly', () => {
    const r = prng(42);
    const tokenChars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&\'*+-.^_`|~';
    const valueChars = `${tokenChars}/:=?@[]{}()<>"`;
    const word = (chars: string, min: number, max: number) =>
      Array.from({ length: min + r.int(max - min + 1) }, () => chars[r.int(chars.length)]).join('');
    for (let i = 0; i < 2000; i++) {
      const pairs = Array.from({ length: r.int(6) }, (): [string, string] => [word(tokenChars, 1, 12), word(valueChars, 0, 40)]);
      expect(parseCookieHeader(serializeCookieHeader(pairs))).toEqual(pairs);
    }
  });
});

describe('fuzz: Set-Cookie parser', () => {
  it('answers 10,000 random lines with a cookie or a reason, never an exception', () => {
    const r = prng(6265);
    let accepted = 0;
    let rejected = 0;
    for (let i = 0; i < 10_000; i++) {
      const result = parseSetCookie(randomSetCookie(r));
      if (result.ok) {
        accepted++;
        const { name, value, warnings } = result.cookie;
        expect(name === '' && value === '').toBe(false);
        expect(new TextEncoder().encode(name + value).length).toBeLessThanOrEqual(4096);
        for (const w of warnings) expect(w.detail.length).toBeGreaterThan(0);
      } else {
        rejected++;
        expect(REJECT_REASONS.has(result.reason)).toBe(true);
        expect(result.detail.length).toBeGreaterThan(0);
      }
    }
    // The generator must exercise both outcomes, or this test proves little.
    expect(accepted).toBeGreaterThan(1000);
    expect(rejected).toBeGreaterThan(1000);
  });
});

describe('fuzz: cookie jar', () => {
  it('keeps its rules through 5,000 random responses, clock moves, edits and reloads', () => {
    const r = prng(20231114);
    let now = 1_700_000_000;
    let jar = new CookieJar();
    const kinds = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      const url = r.pick(URLS);
      const lines = Array.from({ length: 1 + r.int(3) }, () => randomSetCookie(r));
      const ctx = { site: r.pick(['same-site', 'cross-site'] as const), method: r.pick(['GET', 'POST']), topLevelNavigation: r.next() < 0.5 };
      const changes = jar.setFromResponse(url, lines, now, ctx);
      expect(changes).toHaveLength(lines.length);
      for (const change of changes) {
        kinds.set(change.kind, (kinds.get(change.kind) ?? 0) + 1);
        checkChange(change, url, now);
      }

      expect(typeof jar.cookieHeaderFor(r.pick(URLS), now, ctx)).toBe('string');
      if (r.next() < 0.1) {
        now += r.int(3 * 24 * 3600);
        for (const gone of jar.evictExpired(now)) expect(gone.before?.expires).toBeLessThanOrEqual(now);
      }
      if (r.next() < 0.05) {
        const change = jar.set(
          { name: randomText(r, 3), value: randomText(r, 3), domain: r.pick(ATTR_VALUES), path: r.pick(ATTR_VALUES), sameSite: r.pick(['Lax', 'x', undefined]) as never },
          now,
        );
        expect(['added', 'changed', 'deleted', 'rejected']).toContain(change.kind);
      }
      if (r.next() < 0.02) jar.endSession();
      if (r.next() < 0.05) {
        const before = jar.list(now);
        jar = CookieJar.fromJSON(JSON.parse(JSON.stringify(jar)));
        expect(jar.list(now)).toEqual(before);
      }
      // Checking every stored cookie each round costs more than it finds; every 10th round is plenty.
      if (i % 10 !== 9) continue;
      for (const c of jar.list(now)) {
        checkStored(c);
        expect(c.expires === null || c.expires > now).toBe(true);
      }
    }
    // Every outcome must have happened, so the invariants above were exercised on each.
    for (const kind of ['added', 'changed', 'deleted', 'rejected']) expect(kinds.get(kind) ?? 0).toBeGreaterThan(20);
  });

  it('either loads a corrupted saved jar correctly or refuses it with a clear error', () => {
    const r = prng(7);
    const jar = new CookieJar();
    jar.setFromResponse('https://ejemplo.test/a/', ['a=1; Max-Age=60', 'b=2; Secure; SameSite=None', 'c=3; Domain=ejemplo.test; Path=/'], 1000);
    const good = JSON.stringify(jar);
    let refused = 0;
    for (let i = 0; i < 3000; i++) {
      const chars = [...good];
      for (let k = 1 + r.int(3); k > 0; k--) chars[r.int(chars.length)] = r.pick(['"', '0', 'x', ',', '{', ']', 'null', 'true', '-', '/', '.', ';']);
      const text = chars.join('');
      let loaded: CookieJar | null = null;
      try {
        loaded = CookieJar.fromJSON(text);
      } catch (error) {
        refused++;
        expect((error as Error).message).toMatch(/^Saved cookie jar is invalid: /);
      }
      if (loaded) {
        for (const c of loaded.list(0)) checkStored(c);
        expect(CookieJar.fromJSON(JSON.stringify(loaded)).list(0)).toEqual(loaded.list(0));
      }
    }
    expect(refused).toBeGreaterThan(100);
    expect(refused).toBeLessThan(3000);
  });
});
