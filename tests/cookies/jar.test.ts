import { describe, expect, it } from 'vitest';
import { CookieJar, formatHttpDate, VirtualClock } from '../../playground/engine/cookies/index.ts';
import type { JarChange } from '../../playground/engine/cookies/index.ts';

const T0 = 1_700_000_000; // Tue, 14 Nov 2023 22:13:20 GMT
const LOCAL = 'http://localhost:5000/';
const PLAIN = 'http://ejemplo.test/';

function setOne(jar: CookieJar, url: string, line: string, now = T0, ctx = {}): JarChange {
  const changes = jar.setFromResponse(url, [line], now, ctx);
  expect(changes).toHaveLength(1);
  return changes[0];
}

function expectRejected(change: JarChange, reason: string) {
  expect(change.kind).toBe('rejected');
  expect(change.reason).toBe(reason);
  expect(change.detail).toEqual(expect.any(String));
}

describe('RFC 6265bis §3.1 examples', () => {
  it('a plain cookie comes back', () => {
    const jar = new CookieJar();
    setOne(jar, 'https://www.example.com/', 'SID=31d4d96e407aad42');
    expect(jar.cookieHeaderFor('https://www.example.com/', T0)).toBe('SID=31d4d96e407aad42');
  });

  it('Path=/ and Domain=example.com reach the whole domain', () => {
    const jar = new CookieJar();
    jar.setFromResponse(
      'https://www.example.com/',
      ['SID=31d4d96e407aad42; Path=/; Domain=example.com', 'lang=en-US; Path=/; Domain=example.com'],
      T0,
    );
    expect(jar.cookieHeaderFor('https://www.example.com/', T0)).toBe('SID=31d4d96e407aad42; lang=en-US');
    expect(jar.cookieHeaderFor('https://docs.example.com/a/b', T0)).toBe('SID=31d4d96e407aad42; lang=en-US');
    expect(jar.cookieHeaderFor('https://example.org/', T0)).toBe('');
  });

  it('Secure; HttpOnly cookies still go with HTTPS requests, not with http ones', () => {
    const jar = new CookieJar();
    jar.setFromResponse(
      'https://example.com/',
      ['SID=31d4d96e407aad42; Path=/; Secure; HttpOnly', 'lang=en-US; Path=/; Domain=example.com'],
      T0,
    );
    expect(jar.cookieHeaderFor('https://example.com/', T0)).toBe('SID=31d4d96e407aad42; lang=en-US');
    expect(jar.cookieHeaderFor('http://example.com/', T0)).toBe('lang=en-US');
  });

  it('an Expires in the past removes the cookie', () => {
    const jar = new CookieJar();
    jar.setFromResponse('https://example.com/', ['SID=31d4d96e407aad42', 'lang=en-US; Expires=Wed, 09 Jun 2100 10:18:14 GMT'], T0);
    expect(jar.cookieHeaderFor('https://example.com/', T0)).toBe('SID=31d4d96e407aad42; lang=en-US');
    const change = setOne(jar, 'https://example.com/', 'lang=; Expires=Sun, 06 Nov 1994 08:49:37 GMT');
    expect(change.kind).toBe('deleted');
    expect(change.before?.value).toBe('en-US');
    expect(jar.cookieHeaderFor('https://example.com/', T0)).toBe('SID=31d4d96e407aad42');
  });
});

describe('domains', () => {
  it('a cookie without Domain is host-only', () => {
    const jar = new CookieJar();
    const change = setOne(jar, 'http://www.ejemplo.test/', 'a=1');
    expect(change.after).toMatchObject({ domain: 'www.ejemplo.test', hostOnly: true });
    expect(jar.cookieHeaderFor('http://www.ejemplo.test/', T0)).toBe('a=1');
    expect(jar.cookieHeaderFor('http://api.www.ejemplo.test/', T0)).toBe('');
    expect(jar.cookieHeaderFor('http://ejemplo.test/', T0)).toBe('');
  });

  it('a Domain cookie reaches subdomains but not look-alike hosts', () => {
    const jar = new CookieJar();
    const change = setOne(jar, 'http://www.ejemplo.test/', 'a=1; Domain=.EJEMPLO.test');
    expect(change.after).toMatchObject({ domain: 'ejemplo.test', hostOnly: false });
    expect(jar.cookieHeaderFor('http://ejemplo.test/', T0)).toBe('a=1');
    expect(jar.cookieHeaderFor('http://api.ejemplo.test/', T0)).toBe('a=1');
    expect(jar.cookieHeaderFor('http://malejemplo.test/', T0)).toBe('');
  });

  it('rejects a Domain that does not contain the request host', () => {
    const jar = new CookieJar();
    expectRejected(setOne(jar, 'http://www.ejemplo.test/', 'a=1; Domain=otro.test'), 'domain-mismatch');
    expectRejected(setOne(jar, 'http://ejemplo.test/', 'a=1; Domain=www.ejemplo.test'), 'domain-mismatch');
    expectRejected(setOne(jar, 'http://malejemplo.test/', 'a=1; Domain=ejemplo.test'), 'domain-mismatch');
    expect(jar.list(T0)).toEqual([]);
  });

  it('rejects a public suffix, unless it is the host itself (then host-only)', () => {
    const jar = new CookieJar();
    expectRejected(setOne(jar, 'https://www.example.com/', 'a=1; Domain=com'), 'public-suffix');
    expectRejected(setOne(jar, 'https://mi-sitio.github.io/', 'a=1; Domain=github.io'), 'public-suffix');
    const own = setOne(jar, 'http://localhost:5000/', 'a=1; Domain=localhost');
    expect(own.after).toMatchObject({ domain: 'localhost', hostOnly: true });
  });

  it('treats IP hosts literally: only the same address, host-only', () => {
    const jar = new CookieJar();
    const ok = setOne(jar, 'http://127.0.0.1:5000/', 'a=1; Domain=127.0.0.1');
    expect(ok.after).toMatchObject({ domain: '127.0.0.1', hostOnly: true });
    expectRejected(setOne(jar, 'http://127.0.0.1:5000/', 'b=1; Domain=0.0.1'), 'domain-mismatch');
    expectRejected(setOne(jar, 'http://10.0.0.1/', 'c=1; Domain=0.1'), 'domain-mismatch');
    expect(jar.cookieHeaderFor('http://127.0.0.1:5000/', T0)).toBe('a=1');
    expect(jar.cookieHeaderFor('http://localhost:5000/', T0)).toBe('');
  });

  it('ignores the port: cookies are per host', () => {
    const jar = new CookieJar();
    setOne(jar, 'http://localhost:5000/', 'a=1');
    expect(jar.cookieHeaderFor('http://localhost:8000/', T0)).toBe('a=1');
  });

  it('refuses URLs that are not http(s)', () => {
    const jar = new CookieJar();
    expectRejected(setOne(jar, 'not a url', 'a=1'), 'invalid-url');
    expectRejected(setOne(jar, 'file:///tmp/x', 'a=1'), 'invalid-url');
    expect(jar.cookieHeaderFor('nonsense', T0)).toBe('');
  });
});

describe('paths', () => {
  it('uses the directory of the request path as the default path', () => {
    const jar = new CookieJar();
    expect(setOne(jar, 'http://localhost:5000/cuenta/login', 'a=1').after?.path).toBe('/cuenta');
    expect(setOne(jar, 'http://localhost:5000/login', 'b=1').after?.path).toBe('/');
    expect(setOne(jar, 'http://localhost:5000/x/y/', 'c=1').after?.path).toBe('/x/y');
    expect(setOne(jar, 'http://localhost:5000/x?q=/a/b', 'd=1; Path=nope').after?.path).toBe('/');
  });

  it('sends a cookie only under its path, on a "/" boundary', () => {
    const jar = new CookieJar();
    setOne(jar, LOCAL, 'a=1; Path=/cuenta');
    expect(jar.cookieHeaderFor('http://localhost:5000/cuenta', T0)).toBe('a=1');
    expect(jar.cookieHeaderFor('http://localhost:5000/cuenta/perfil', T0)).toBe('a=1');
    expect(jar.cookieHeaderFor('http://localhost:5000/cuentas', T0)).toBe('');
    expect(jar.cookieHeaderFor('http://localhost:5000/', T0)).toBe('');
  });

  it('orders the header: longer paths first, then older cookies first', () => {
    const jar = new CookieJar();
    jar.setFromResponse(LOCAL, ['root=1; Path=/', 'first=1; Path=/'], T0);
    setOne(jar, LOCAL, 'session=deep; Path=/a/b', T0 + 1);
    setOne(jar, LOCAL, 'session=mid; Path=/a', T0 + 2);
    expect(jar.cookieHeaderFor('http://localhost:5000/a/b/c', T0 + 3)).toBe('session=deep; session=mid; root=1; first=1');
  });
});

describe('replacement', () => {
  it('same name, domain and path replaces the cookie, which starts again as new (Chromium)', () => {
    const jar = new CookieJar();
    setOne(jar, LOCAL, 'session=one; Path=/', T0);
    setOne(jar, LOCAL, 'later=x', T0 + 5);
    const change = setOne(jar, LOCAL, 'session=two; Path=/; HttpOnly', T0 + 10);
    expect(change.kind).toBe('changed');
    expect(change.before?.value).toBe('one');
    expect(change.after).toMatchObject({ value: 'two', creation: T0 + 10, lastAccess: T0 + 10, httpOnly: true });
    expect(change.chromium).toEqual(['replace-is-new']);
    // RFC 6265bis would keep the old creation time and send "session=two; later=x".
    expect(jar.list(T0 + 10).map((c) => c.name)).toEqual(['later', 'session']);
    expect(jar.cookieHeaderFor(LOCAL, T0 + 10)).toBe('later=x; session=two');
  });

  it('the same value again keeps the creation time and the place, even with new attributes (Chromium)', () => {
    const jar = new CookieJar();
    setOne(jar, LOCAL, 'a=1', T0);
    setOne(jar, LOCAL, 'b=1', T0 + 5);
    const change = setOne(jar, LOCAL, 'a=1; HttpOnly; Max-Age=100', T0 + 10);
    expect(change).toMatchObject({ kind: 'changed', after: { creation: T0, httpOnly: true, expires: T0 + 110 } });
    expect(change.chromium).toBeUndefined();
    expect(jar.cookieHeaderFor(LOCAL, T0 + 10)).toBe('a=1; b=1');
  });

  it('a different path or domain makes a second cookie, not a replacement', () => {
    const jar = new CookieJar();
    setOne(jar, 'http://www.ejemplo.test/', 'a=host');
    expect(setOne(jar, 'http://www.ejemplo.test/', 'a=dom; Domain=ejemplo.test').kind).toBe('added');
    expect(setOne(jar, 'http://www.ejemplo.test/', 'a=sub; Path=/sub').kind).toBe('added');
    expect(jar.list(T0)).toHaveLength(3);
  });
});

describe('expiry on the virtual clock', () => {
  it('a permanent session cookie with Expires disappears after the clock advances', () => {
    const clock = new VirtualClock(T0);
    const jar = new CookieJar();
    const expires = formatHttpDate(T0 + 31 * 24 * 3600);
    setOne(jar, LOCAL, `session=abc; Expires=${expires}; HttpOnly; Path=/`, clock.now());
    expect(jar.list(clock.now())[0]).toMatchObject({ persistent: true, expires: T0 + 31 * 24 * 3600 });

    clock.advance(31 * 24 * 3600 - 1);
    expect(jar.cookieHeaderFor(LOCAL, clock.now())).toBe('session=abc');
    expect(jar.evictExpired(clock.now())).toEqual([]);

    clock.advance(1);
    expect(jar.cookieHeaderFor(LOCAL, clock.now())).toBe('');
    expect(jar.list(clock.now())).toEqual([]);
    const changes = jar.evictExpired(clock.now());
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'expired', name: 'session', before: { value: 'abc' } });
    expect(jar.evictExpired(clock.now())).toEqual([]);
  });

  it('Max-Age counts from the time the cookie arrived', () => {
    const jar = new CookieJar();
    expect(setOne(jar, LOCAL, 'a=1; Max-Age=3600', T0).after?.expires).toBe(T0 + 3600);
    expect(jar.cookieHeaderFor(LOCAL, T0 + 3599)).toBe('a=1');
    expect(jar.cookieHeaderFor(LOCAL, T0 + 3600)).toBe('');
  });

  it('Max-Age wins over Expires, in either order', () => {
    const jar = new CookieJar();
    const far = formatHttpDate(T0 + 100 * 24 * 3600);
    expect(setOne(jar, LOCAL, `a=1; Expires=${far}; Max-Age=60`).after?.expires).toBe(T0 + 60);
    expect(setOne(jar, LOCAL, `b=1; Max-Age=60; Expires=${far}`).after?.expires).toBe(T0 + 60);
  });

  it('no Expires and no Max-Age make a session cookie, dropped when the browser closes', () => {
    const jar = new CookieJar();
    setOne(jar, LOCAL, 'temp=1');
    setOne(jar, LOCAL, 'kept=1; Max-Age=600');
    expect(jar.list(T0).find((c) => c.name === 'temp')).toMatchObject({ expires: null, persistent: false });
    const changes = jar.endSession();
    expect(changes.map((c) => [c.kind, c.name])).toEqual([['expired', 'temp']]);
    expect(jar.list(T0).map((c) => c.name)).toEqual(['kept']);
    // a session cookie never expires on the clock
    setOne(jar, LOCAL, 'temp=2');
    expect(jar.evictExpired(T0 + 10 * 365 * 24 * 3600).map((c) => c.name)).toEqual(['kept']);
  });

  it('caps expiry at 400 days with a warning', () => {
    const jar = new CookieJar();
    const change = setOne(jar, LOCAL, 'a=1; Max-Age=99999999999');
    expect(change.after?.expires).toBe(T0 + 400 * 24 * 3600);
    expect(change.warnings?.map((w) => w.reason)).toEqual(['expiry-capped']);
    expect(setOne(jar, LOCAL, 'b=1; Max-Age=3600').warnings).toBeUndefined();
  });
});

describe('deletion', () => {
  const FLASK_DELETE = 'session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/';

  it('Flask’s deletion cookie removes the session cookie', () => {
    const jar = new CookieJar();
    setOne(jar, LOCAL, 'session=eyJ1c2VyIjoiYW5hIn0.ZVx.sig; HttpOnly; Path=/');
    setOne(jar, LOCAL, 'theme=dark; Path=/');
    const change = setOne(jar, LOCAL, FLASK_DELETE, T0 + 60);
    expect(change.kind).toBe('deleted');
    expect(change.before?.value).toBe('eyJ1c2VyIjoiYW5hIn0.ZVx.sig');
    expect(jar.cookieHeaderFor(LOCAL, T0 + 60)).toBe('theme=dark');
  });

  it('Max-Age=0 or negative deletes even with a future Expires', () => {
    const jar = new CookieJar();
    setOne(jar, LOCAL, 'a=1');
    setOne(jar, LOCAL, 'b=1');
    expect(setOne(jar, LOCAL, `a=x; Max-Age=0; Expires=${formatHttpDate(T0 + 9999)}`).kind).toBe('deleted');
    expect(setOne(jar, LOCAL, 'b=x; Max-Age=-5').kind).toBe('deleted');
    expect(jar.list(T0)).toEqual([]);
  });

  it('deleting a cookie that is not there is reported, not stored', () => {
    const jar = new CookieJar();
    expectRejected(setOne(jar, LOCAL, FLASK_DELETE), 'expired-on-arrival');
    expect(jar.list(T0)).toEqual([]);
  });

  it('a deletion must name the same path: another path leaves the cookie alone', () => {
    const jar = new CookieJar();
    setOne(jar, LOCAL, 'session=abc; Path=/');
    expectRejected(setOne(jar, 'http://localhost:5000/admin/x', 'session=; Max-Age=0'), 'expired-on-arrival');
    expect(jar.cookieHeaderFor(LOCAL, T0)).toBe('session=abc');
  });
});

describe('Secure', () => {
  it('is refused from a plain http origin', () => {
    const jar = new CookieJar();
    expectRejected(setOne(jar, 'http://ejemplo.test/', 'session=abc; Secure; Path=/'), 'secure-from-insecure-origin');
    expect(jar.list(T0)).toEqual([]);
  });

  it('is allowed over https and on localhost / 127.0.0.1 (potentially trustworthy)', () => {
    const jar = new CookieJar();
    for (const url of ['https://ejemplo.test/', 'http://localhost:5000/', 'http://127.0.0.1:5000/', 'http://app.localhost/']) {
      expect(setOne(jar, url, 's=1; Secure').kind).toBe('added');
    }
    expect(jar.cookieHeaderFor('http://localhost:5000/', T0)).toBe('s=1');
    expect(jar.cookieHeaderFor('https://ejemplo.test/', T0)).toBe('s=1');
    expect(jar.cookieHeaderFor('http://ejemplo.test/', T0)).toBe('');
  });

  it('an insecure origin cannot overwrite or shadow a Secure cookie', () => {
    const jar = new CookieJar();
    setOne(jar, 'https://ejemplo.test/', 'session=good; Secure; Path=/');
    expectRejected(setOne(jar, 'http://ejemplo.test/', 'session=evil; Path=/'), 'overwrite-secure-from-insecure');
    expectRejected(setOne(jar, 'http://www.ejemplo.test/', 'session=evil; Path=/sub'), 'overwrite-secure-from-insecure');
    expect(setOne(jar, 'http://ejemplo.test/', 'other=fine').kind).toBe('added');
    expect(setOne(jar, 'https://ejemplo.test/', 'session=new; Path=/').kind).toBe('changed');
  });
});

describe('cookie prefixes', () => {
  it('__Secure- needs Secure', () => {
    const jar = new CookieJar();
    expectRejected(setOne(jar, 'https://ejemplo.test/', '__Secure-id=1'), 'prefix-secure');
    expectRejected(setOne(jar, 'https://ejemplo.test/', '__secure-id=1'), 'prefix-secure');
    expect(setOne(jar, 'https://ejemplo.test/', '__Secure-id=1; Secure; Domain=ejemplo.test').kind).toBe('added');
  });

  it('__Host- needs Secure, Path=/ and no Domain', () => {
    const jar = new CookieJar();
    const url = 'https://www.ejemplo.test/cuenta/login';
    expectRejected(setOne(jar, url, '__Host-id=1; Path=/'), 'prefix-host');
    expectRejected(setOne(jar, url, '__Host-id=1; Secure'), 'prefix-host');
    expectRejected(setOne(jar, url, '__Host-id=1; Secure; Path=/cuenta'), 'prefix-host');
    expectRejected(setOne(jar, url, '__Host-id=1; Secure; Path=/; Domain=ejemplo.test'), 'prefix-host');
    expect(setOne(jar, url, '__Host-id=1; Secure; Path=/').after).toMatchObject({ hostOnly: true, path: '/' });
  });

  it('a nameless cookie cannot pretend to be prefixed', () => {
    const jar = new CookieJar();
    expectRejected(setOne(jar, 'https://ejemplo.test/', '__Host-id; Secure; Path=/'), 'prefix-host');
    expectRejected(setOne(jar, 'https://ejemplo.test/', '__Secure-x; Secure'), 'prefix-secure');
    expect(setOne(jar, 'https://ejemplo.test/', 'plainvalue').kind).toBe('added');
  });
});

describe('HttpOnly', () => {
  it('is sent with HTTP requests but hidden from scripts', () => {
    const jar = new CookieJar();
    const change = setOne(jar, LOCAL, 'session=abc; HttpOnly; Path=/');
    setOne(jar, LOCAL, 'theme=dark; Path=/');
    expect(change.after?.httpOnly).toBe(true);
    expect(jar.cookieHeaderFor(LOCAL, T0)).toBe('session=abc; theme=dark');
    expect(jar.visibleToScript(LOCAL, T0)).toBe('theme=dark');
  });
});

describe('SameSite', () => {
  it('defaults to Lax and says so', () => {
    const jar = new CookieJar();
    expect(setOne(jar, LOCAL, 'a=1').after).toMatchObject({ sameSite: 'Lax', sameSiteDefaulted: true });
    expect(setOne(jar, LOCAL, 'b=1; SameSite=bogus').after).toMatchObject({ sameSite: 'Lax', sameSiteDefaulted: true });
    expect(setOne(jar, LOCAL, 'c=1; SameSite=Lax').after).toMatchObject({ sameSite: 'Lax', sameSiteDefaulted: false });
    expect(setOne(jar, LOCAL, 'd=1; SameSite=strict').after).toMatchObject({ sameSite: 'Strict', sameSiteDefaulted: false });
  });

  it('rejects SameSite=None without Secure', () => {
    const jar = new CookieJar();
    expectRejected(setOne(jar, LOCAL, 'a=1; SameSite=None'), 'samesite-none-requires-secure');
    expect(setOne(jar, LOCAL, 'a=1; SameSite=None; Secure').after?.sameSite).toBe('None');
  });

  function mixedJar() {
    const jar = new CookieJar();
    jar.setFromResponse(
      LOCAL,
      ['strict=1; SameSite=Strict', 'lax=1; SameSite=Lax', 'dflt=1', 'none=1; SameSite=None; Secure'],
      T0,
    );
    return jar;
  }

  it('same-site requests carry every cookie', () => {
    expect(mixedJar().cookieHeaderFor(LOCAL, T0, { method: 'POST', topLevelNavigation: false })).toBe('strict=1; lax=1; dflt=1; none=1');
  });

  it('a cross-site link (top-level GET) carries Lax and None, not Strict', () => {
    expect(mixedJar().cookieHeaderFor(LOCAL, T0, { site: 'cross-site', method: 'GET', topLevelNavigation: true })).toBe('lax=1; dflt=1; none=1');
  });

  it('a cross-site form POST or subresource carries only None, once the defaulted cookie is 2 minutes old', () => {
    const jar = mixedJar();
    const post = { site: 'cross-site', method: 'POST', topLevelNavigation: true } as const;
    expect(jar.cookieHeaderFor(LOCAL, T0 + 121, post)).toBe('none=1');
    // Chromium's Lax-allowing-unsafe: a cookie without SameSite, 2 minutes old at most, still goes.
    expect(jar.cookieHeaderFor(LOCAL, T0 + 120, post)).toBe('dflt=1; none=1');
    expect(jar.explainRequest(LOCAL, T0 + 120, post).chromium).toEqual(['lax-allowing-unsafe']);
    expect(jar.cookieHeaderFor(LOCAL, T0, { site: 'cross-site', method: 'GET', topLevelNavigation: false })).toBe('none=1');
  });

  it('a cross-site subresource response cannot set Lax/Strict cookies, but a navigation can', () => {
    const jar = new CookieJar();
    expectRejected(setOne(jar, LOCAL, 'a=1', T0, { site: 'cross-site', topLevelNavigation: false }), 'samesite-cross-site');
    expect(setOne(jar, LOCAL, 'b=1; SameSite=None; Secure', T0, { site: 'cross-site', topLevelNavigation: false }).kind).toBe('added');
    expect(setOne(jar, LOCAL, 'c=1', T0, { site: 'cross-site', topLevelNavigation: true }).kind).toBe('added');
  });
});

describe('the 180-cookies-per-site limit (Chromium)', () => {
  it('reports the cookies it pushed out on the change that went over, least used and insecure first', () => {
    const jar = new CookieJar();
    jar.setFromResponse('https://www.ejemplo.test/', ['seguro=1; Secure'], T0);
    jar.setFromResponse('https://www.ejemplo.test/', Array.from({ length: 179 }, (_, i) => `c${i}=${i}; Domain=ejemplo.test`), T0 + 1);
    jar.cookieHeaderFor('https://www.ejemplo.test/', T0 + 2); // every cookie used once more
    jar.setFromResponse('https://otro.test/', ['ajena=1'], T0 + 3);
    const change = setOne(jar, 'https://api.ejemplo.test/', 'ultima=1', T0 + 3);
    expect(change.kind).toBe('added');
    expect(change.chromium).toEqual(['domain-cookie-limit']);
    expect(change.evicted?.map((c) => c.name)).toEqual(Array.from({ length: 31 }, (_, i) => `c${i}`));
    const left = jar.list(T0 + 3).map((c) => c.name);
    expect(left).toHaveLength(151); // 150 for ejemplo.test, and the other site’s one
    expect(left).toEqual(expect.arrayContaining(['seguro', 'ultima', 'ajena', 'c31', 'c178']));
  });
});

describe('size limits', () => {
  it('ignores a cookie whose name+value exceed 4096 bytes, with a reason, and keeps the old one', () => {
    const jar = new CookieJar();
    setOne(jar, LOCAL, 'session=small');
    const change = setOne(jar, LOCAL, `session=${'A'.repeat(4090)}`);
    expectRejected(change, 'too-large');
    expect(change.name).toBe('session');
    expect(jar.cookieHeaderFor(LOCAL, T0)).toBe('session=small');
    expect(setOne(jar, LOCAL, `session=${'A'.repeat(4089)}`).after?.size).toBe(4096);
  });

  it('ignores an over-long attribute but keeps the cookie, with a warning', () => {
    const jar = new CookieJar();
    const change = setOne(jar, 'http://www.ejemplo.test/', `a=1; Domain=${'x'.repeat(1020)}.ejemplo.test`);
    expect(change.kind).toBe('added');
    expect(change.after?.hostOnly).toBe(true);
    expect(change.warnings?.map((w) => w.reason)).toEqual(['attribute-too-large']);
  });
});

describe('list, last access and manual editing', () => {
  it('list gives DevTools fields as copies', () => {
    const jar = new CookieJar();
    setOne(jar, LOCAL, 'session=abc; HttpOnly; Path=/; Max-Age=60');
    const [c] = jar.list(T0);
    expect(c).toEqual({
      name: 'session', value: 'abc', domain: 'localhost', hostOnly: true, path: '/', expires: T0 + 60,
      persistent: true, size: 10, httpOnly: true, secure: false, sameSite: 'Lax', sameSiteDefaulted: true, partitioned: false, partitionSite: null,
      creation: T0, lastAccess: T0,
    });
    c.value = 'tampered';
    expect(jar.list(T0)[0].value).toBe('abc');
  });

  it('sending a cookie updates its last access, listing it does not', () => {
    const jar = new CookieJar();
    setOne(jar, LOCAL, 'a=1; Path=/');
    setOne(jar, LOCAL, 'b=1; Path=/elsewhere');
    jar.list(T0 + 5);
    expect(jar.list(T0 + 5).map((c) => c.lastAccess)).toEqual([T0, T0]);
    jar.cookieHeaderFor(LOCAL, T0 + 7);
    expect(jar.list(T0 + 7).map((c) => c.lastAccess)).toEqual([T0 + 7, T0]);
  });

  it('set() edits like DevTools: replace, add, and refuse malformed cookies', () => {
    const jar = new CookieJar();
    setOne(jar, LOCAL, 'session=real; HttpOnly; Path=/');
    const edit = jar.set({ name: 'session', value: 'forged', domain: 'localhost', path: '/', httpOnly: true }, T0 + 1);
    expect(edit.kind).toBe('changed');
    expect(edit.after).toMatchObject({ value: 'forged', creation: T0 + 1, sameSiteDefaulted: true });
    expect(jar.cookieHeaderFor(LOCAL, T0 + 1)).toBe('session=forged');

    expect(jar.set({ name: 'x', value: '1', domain: '.Ejemplo.test', hostOnly: false, secure: true }, T0).after).toMatchObject({ domain: 'ejemplo.test', hostOnly: false, path: '/' });
    for (const bad of [
      { name: 'a;b', value: '1', domain: 'localhost' },
      { name: 'a', value: 'x\ny', domain: 'localhost' },
      { name: '', value: '', domain: 'localhost' },
      { name: 'a', value: '1', domain: '' },
      { name: 'a', value: '1', domain: 'localhost', path: 'rel' },
      { name: 'a', value: '1', domain: 'localhost', sameSite: 'Maybe' as never },
    ]) {
      expectRejected(jar.set(bad, T0), 'invalid-cookie');
    }
    expectRejected(jar.set({ name: 'a', value: 'x'.repeat(4096), domain: 'localhost' }, T0), 'too-large');
  });

  it('remove() and clear() delete and report', () => {
    const jar = new CookieJar();
    setOne(jar, LOCAL, 'a=1; Path=/');
    setOne(jar, LOCAL, 'b=1; Path=/');
    expect(jar.remove('a', 'localhost', '/x')).toEqual([]);
    expect(jar.remove('a', 'localhost', '/').map((c) => c.kind)).toEqual(['deleted']);
    expect(jar.cookieHeaderFor(LOCAL, T0)).toBe('b=1');
    expect(jar.clear().map((c) => c.name)).toEqual(['b']);
    expect(jar.list(T0)).toEqual([]);
  });
});

describe('persistence', () => {
  it('round-trips through JSON, keeping order and flags', () => {
    const jar = new CookieJar();
    jar.setFromResponse(LOCAL, ['b=2; Path=/; HttpOnly', 'a=1; Path=/; Max-Age=60; SameSite=Strict', 'c=3; Path=/x'], T0);
    const copy = CookieJar.fromJSON(JSON.parse(JSON.stringify(jar)));
    expect(copy.list(T0)).toEqual(jar.list(T0));
    expect(copy.cookieHeaderFor('http://localhost:5000/x/y', T0)).toBe(jar.cookieHeaderFor('http://localhost:5000/x/y', T0));
    expect(CookieJar.fromJSON(JSON.stringify(jar)).list(T0)).toHaveLength(3);
  });

  it('recomputes derived fields instead of trusting them', () => {
    const saved = new CookieJar();
    saved.setFromResponse(LOCAL, ['a=1'], T0);
    const data = saved.toJSON();
    data.cookies[0].size = 999;
    data.cookies[0].persistent = true;
    const [c] = CookieJar.fromJSON(data).list(T0);
    expect(c.size).toBe(2);
    expect(c.persistent).toBe(false);
  });

  it.each([
    ['not JSON', '{oops', /not valid JSON/],
    ['null', null, /expected an object/],
    ['an array', [], /expected an object/],
    ['wrong version', { version: 2, cookies: [] }, /unsupported version/],
    ['cookies not an array', { version: 1, cookies: {} }, /"cookies" must be an array/],
    ['a cookie that is a string', { version: 1, cookies: ['a=1'] }, /cookies\[0\] must be an object/],
  ])('rejects %s with a clear error', (_label, data, message) => {
    expect(() => CookieJar.fromJSON(data)).toThrow(message);
  });

  it('names the broken field of a saved cookie', () => {
    const good = new CookieJar();
    good.setFromResponse(LOCAL, ['a=1', 'b=2'], T0);
    const mutate = (change: (c: Record<string, unknown>) => void) => {
      const data = JSON.parse(JSON.stringify(good)) as { cookies: Record<string, unknown>[] };
      change(data.cookies[1]);
      return () => CookieJar.fromJSON(data);
    };
    expect(mutate((c) => (c.path = 'x'))).toThrow(/cookies\[1\]\.path/);
    expect(mutate((c) => (c.domain = '.Localhost'))).toThrow(/cookies\[1\]\.domain/);
    expect(mutate((c) => (c.sameSite = 'lax'))).toThrow(/cookies\[1\]\.sameSite/);
    expect(mutate((c) => (c.expires = 'soon'))).toThrow(/cookies\[1\]\.expires/);
    expect(mutate((c) => (c.secure = 'yes'))).toThrow(/cookies\[1\]\.secure/);
    expect(mutate((c) => (c.value = 'a;b'))).toThrow(/cookies\[1\]\.value/);
    expect(mutate((c) => (c.value = 'x'.repeat(5000)))).toThrow(/4096/);
    expect(mutate((c) => (c.name = 'a'))).toThrow(/repeats "a"/);
    expect(mutate(() => {})).not.toThrow();
  });
});
