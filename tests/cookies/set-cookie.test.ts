import { describe, expect, it } from 'vitest';
import { parseSetCookie } from '../../playground/engine/cookies/index.ts';
import type { ParsedSetCookie } from '../../playground/engine/cookies/index.ts';

function accepted(line: string): ParsedSetCookie {
  const result = parseSetCookie(line);
  if (!result.ok) throw new Error(`expected "${line}" to parse, got ${result.reason}`);
  return result.cookie;
}

describe('parseSetCookie: name and value', () => {
  it('reads a bare pair with no attributes', () => {
    expect(accepted('SID=31d4d96e407aad42')).toEqual({
      name: 'SID',
      value: '31d4d96e407aad42',
      secure: false,
      httpOnly: false,
      partitioned: false,
      warnings: [],
      chromium: [],
    });
  });

  it('trims spaces and tabs around name and value but keeps inner ones', () => {
    const c = accepted(' \tmy name = a b \t; Path=/');
    expect([c.name, c.value]).toEqual(['my name', 'a b']);
  });

  it('reads a line without "=" as a nameless cookie', () => {
    const c = accepted('justavalue; Secure');
    expect([c.name, c.value, c.secure]).toEqual(['', 'justavalue', true]);
  });

  it('allows an empty value (Flask deletes with `session=`)', () => {
    expect(accepted('session=; Path=/').value).toBe('');
  });

  it('rejects a line with neither name nor value', () => {
    for (const line of ['=', ' = ; Path=/', '', ';Secure']) {
      const result = parseSetCookie(line);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toBe('empty-name-and-value');
    }
  });

  it('rejects control characters, and a tab inside the name or value as Chromium does', () => {
    for (const line of ['a=b\x00c', 'a=b\nSet-Cookie: evil=1', 'a=b; Path=/\x7f', 'a\r=b']) {
      const result = parseSetCookie(line);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toBe('invalid-syntax');
    }
    // RFC 6265bis would keep "b\tc"; Chromium 150 refuses it (tests/cookies/oracle, name-value/inner-tab).
    for (const line of ['a=b\tc', 'a\tb=c']) {
      const result = parseSetCookie(line);
      expect(result).toMatchObject({ ok: false, reason: 'tab-in-name-or-value', chromium: 'tab-in-name-or-value' });
    }
    expect(accepted('\ta\t=\tb\t')).toMatchObject({ name: 'a', value: 'b' });
  });

  it('refuses a nameless cookie whose value holds "=", as Chromium does', () => {
    expect(parseSetCookie('=a=b')).toMatchObject({ ok: false, reason: 'nameless-value-with-equals' });
    expect(accepted('=a')).toMatchObject({ name: '', value: 'a' });
    expect(accepted('a==')).toMatchObject({ name: 'a', value: '=' });
  });

  it('counts name+value bytes: 4096 fits, 4097 is ignored with a reason', () => {
    expect(accepted(`big=${'x'.repeat(4093)}`).value).toHaveLength(4093);
    const result = parseSetCookie(`big=${'x'.repeat(4094)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe('too-large');
      expect(result.detail).toMatch(/4097 bytes/);
    }
  });

  it('counts UTF-8 bytes, not characters', () => {
    // 2048 "ñ" are 2048 characters but 4096 bytes, plus the name's bytes.
    const result = parseSetCookie(`n=${'ñ'.repeat(2048)}`);
    expect(result.ok).toBe(false);
    expect(parseSetCookie(`n=${'ñ'.repeat(2047)}`).ok).toBe(true);
  });
});

describe('parseSetCookie: attributes', () => {
  it('reads every known attribute, case-insensitively', () => {
    const c = accepted('id=a3fWa; expires=Wed, 21 Oct 2015 07:28:00 GMT; max-age=60; DOMAIN=.Example.COM; path=/docs; SECURE; httponly; samesite=strict');
    expect(c).toMatchObject({
      expires: Date.UTC(2015, 9, 21, 7, 28, 0) / 1000,
      maxAge: 60,
      domain: 'example.com',
      path: '/docs',
      secure: true,
      httpOnly: true,
      sameSite: 'Strict',
    });
    expect(c.warnings).toEqual([]);
  });

  it('reads Flask’s deletion cookie', () => {
    const c = accepted('session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/');
    expect(c).toMatchObject({ name: 'session', value: '', expires: 0, maxAge: 0, httpOnly: true, path: '/' });
  });

  it('lets the last occurrence of an attribute win', () => {
    expect(accepted('a=1; Path=/one; Path=/two').path).toBe('/two');
    expect(accepted('a=1; SameSite=Strict; SameSite=None').sameSite).toBe('None');
    expect(accepted('a=1; Max-Age=10; Max-Age=20').maxAge).toBe(20);
  });

  it('ignores an unreadable Expires with a warning', () => {
    const c = accepted('a=1; Expires=someday');
    expect(c.expires).toBeUndefined();
    expect(c.warnings.map((w) => w.reason)).toEqual(['invalid-expires']);
  });

  it.each(['abc', '1.5', '+5', '10s', '', '- 5'])('ignores Max-Age=%s', (value) => {
    const c = accepted(`a=1; Max-Age=${value}`);
    expect(c.maxAge).toBeUndefined();
    expect(c.warnings[0].reason).toBe('invalid-max-age');
  });

  it('accepts negative and zero Max-Age (delete now)', () => {
    expect(accepted('a=1; Max-Age=-1').maxAge).toBe(-1);
    expect(accepted('a=1; Max-Age=0').maxAge).toBe(0);
  });

  it('ignores an empty Domain, and a Path not starting with "/"', () => {
    const c = accepted('a=1; Domain=; Path=docs');
    expect(c.domain).toBeUndefined();
    expect(c.path).toBeUndefined();
    expect(c.warnings.map((w) => w.reason)).toEqual(['invalid-domain', 'invalid-path']);
  });

  it('leaves SameSite unset for an unknown value (the jar then defaults to Lax)', () => {
    const c = accepted('a=1; SameSite=Sometimes');
    expect(c.sameSite).toBeUndefined();
    expect(c.warnings[0].reason).toBe('invalid-samesite');
  });

  it('ignores unknown attributes, naming them, and reads Partitioned', () => {
    const c = accepted('a=1; Priority=High; Partitioned; Path=/');
    expect(c.path).toBe('/');
    expect(c.partitioned).toBe(true);
    expect(c.warnings.map((w) => [w.reason, w.attribute])).toEqual([['unknown-attribute', 'Priority']]);
  });

  it('lets the last Expires or Max-Age win even when it is unreadable (Chromium)', () => {
    const e = accepted('a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Expires=nonsense');
    expect(e.expires).toBeUndefined();
    expect(e.chromium).toEqual(['last-expiry-attribute-wins']);
    const m = accepted('a=1; Max-Age=0; Max-Age=x');
    expect(m.maxAge).toBeUndefined();
    expect(m.chromium).toEqual(['last-expiry-attribute-wins']);
    expect(accepted('a=1; Max-Age=x; Max-Age=5')).toMatchObject({ maxAge: 5, chromium: [] });
  });

  it('an empty Domain cancels an earlier one; a lone dot is kept for the jar to refuse', () => {
    expect(accepted('a=1; Domain=example.org; Domain=').domain).toBeUndefined();
    expect(accepted('a=1; Domain=; Domain=example.org').domain).toBe('example.org');
    expect(accepted('a=1; Domain=.').domain).toBe('');
  });

  it('reads dates as Chromium does: one-digit years, and years before 1601 as long past', () => {
    const year2000 = accepted('a=1; Expires=Jan 1 00:00:00 0');
    expect(year2000.expires).toBe(Date.UTC(2000, 0, 1) / 1000);
    expect(year2000.chromium).toEqual(['cookie-date']);
    expect(accepted('a=1; Expires=1 Jan 1600 00:00:00').expires).toBeLessThan(Date.UTC(1601, 0, 2) / 1000);
    expect(accepted('a=1; Expires=1 Jan 10000 00:00:00').expires).toBeUndefined();
  });

  it('ignores attribute values over 1024 bytes, keeping the cookie', () => {
    const c = accepted(`a=1; Path=/${'p'.repeat(1024)}; Secure`);
    expect(c.path).toBeUndefined();
    expect(c.secure).toBe(true);
    expect(c.warnings.map((w) => w.reason)).toEqual(['attribute-too-large']);
    expect(accepted(`a=1; Path=/${'p'.repeat(1023)}`).path).toHaveLength(1024);
  });
});
