import { describe, expect, it } from 'vitest';
import { DEFAULT_ORIGIN, SimulatedBrowser, VirtualClock } from '../../playground/engine/cookies/index.ts';
import type { WireRequest, WireResponse } from '../../playground/engine/wire.ts';

const T0 = 1_700_000_000;

function response(headers: [string, string][] = [], status = 200): WireResponse {
  return { status, statusText: status === 200 ? 'OK' : 'Found', headers, body: '' };
}

const header = (req: WireRequest, name: string) => req.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

/**
 * A tiny stand-in for a Flask app: /login puts the user in a cookie, /perfil reads it back,
 * /logout sends Flask's deletion cookie.
 */
async function server(req: WireRequest): Promise<WireResponse> {
  const url = new URL(req.url);
  const cookie = header(req, 'cookie') ?? '';
  if (url.pathname === '/login') {
    const user = new URLSearchParams(req.body ?? '').get('user') ?? 'anon';
    return response([['Set-Cookie', `session=${user}; HttpOnly; Path=/`], ['Vary', 'Cookie']], 302);
  }
  if (url.pathname === '/logout') {
    return response([['Set-Cookie', 'session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/']]);
  }
  return { ...response(), body: cookie.includes('session=') ? `hola ${cookie.split('session=')[1]}` : 'anónimo' };
}

describe('SimulatedBrowser.buildRequest', () => {
  it('builds an absolute URL with Host, and no Cookie when the jar is empty', () => {
    const ana = new SimulatedBrowser({ id: 'ana', name: 'Ana' });
    const req = ana.buildRequest({ method: 'get', path: '/perfil?x=1' }, DEFAULT_ORIGIN, T0);
    expect(req).toEqual({ method: 'GET', url: 'http://localhost:5000/perfil?x=1', headers: [['Host', 'localhost:5000']] });
  });

  it('adds the jar’s cookies and a form Content-Type', () => {
    const ana = new SimulatedBrowser({ id: 'ana', name: 'Ana' });
    ana.jar.setFromResponse('http://localhost:5000/', ['session=abc; Path=/', 'theme=dark; Path=/'], T0);
    const req = ana.buildRequest({ method: 'POST', path: '/login', body: 'user=ana' }, DEFAULT_ORIGIN, T0);
    expect(req.headers).toEqual([
      ['Host', 'localhost:5000'],
      ['Cookie', 'session=abc; theme=dark'],
      ['Content-Type', 'application/x-www-form-urlencoded'],
    ]);
    expect(req.body).toBe('user=ana');
    const json = ana.buildRequest({ method: 'POST', path: '/api', body: '{}', contentType: 'application/json' }, DEFAULT_ORIGIN, T0);
    expect(header(json, 'content-type')).toBe('application/json');
  });

  it('lets an explicit Cookie header replace the jar (tampering) and ignores a given Host', () => {
    const ana = new SimulatedBrowser({ id: 'ana', name: 'Ana' });
    ana.jar.setFromResponse('http://localhost:5000/', ['session=real'], T0);
    const req = ana.buildRequest(
      { method: 'GET', path: '/', headers: [['Cookie', 'session=forged'], ['Host', 'evil.test'], ['X-Test', '1']] },
      DEFAULT_ORIGIN,
      T0,
    );
    expect(req.headers).toEqual([['Host', 'localhost:5000'], ['Cookie', 'session=forged'], ['X-Test', '1']]);
  });

  it('applies SameSite to cross-site requests', () => {
    const ana = new SimulatedBrowser({ id: 'ana', name: 'Ana' });
    ana.jar.setFromResponse('http://localhost:5000/', ['strict=1; SameSite=Strict', 'lax=1'], T0);
    // Past Chromium's two-minute grace for cookies that never said SameSite (lax=1 here).
    const req = ana.buildRequest({ method: 'POST', path: '/', body: 'x=1', site: 'cross-site' }, DEFAULT_ORIGIN, T0 + 121);
    expect(header(req, 'cookie')).toBeUndefined();
    const fresh = ana.buildRequest({ method: 'POST', path: '/', body: 'x=1', site: 'cross-site' }, DEFAULT_ORIGIN, T0 + 60);
    expect(header(fresh, 'cookie')).toBe('lax=1');
    const link = ana.buildRequest({ method: 'GET', path: '/', site: 'cross-site' }, DEFAULT_ORIGIN, T0);
    expect(header(link, 'cookie')).toBe('lax=1');
  });
});

describe('SimulatedBrowser.cookieDecision', () => {
  it('says which cookies a request carries and why the others stay home, without touching the jar', () => {
    const ana = new SimulatedBrowser({ id: 'ana', name: 'Ana' });
    ana.jar.setFromResponse('http://localhost:5000/', ['session=abc; Path=/', 'carrito=1; Path=/tienda', 'fuerte=1; SameSite=Strict'], T0);
    const before = JSON.stringify(ana.jar.toJSON());
    expect(ana.cookieDecision({ method: 'GET', path: '/perfil', site: 'cross-site' }, DEFAULT_ORIGIN, T0)).toEqual({
      sent: [{ name: 'session', domain: 'localhost', path: '/' }],
      withheld: [
        { name: 'carrito', domain: 'localhost', path: '/tienda', reason: 'path-mismatch' },
        { name: 'fuerte', domain: 'localhost', path: '/', reason: 'samesite-strict' },
      ],
      chromium: [],
    });
    expect(JSON.stringify(ana.jar.toJSON())).toBe(before);
  });
});

describe('SimulatedBrowser.receive / fetch', () => {
  it('applies every Set-Cookie line and records the exchange', () => {
    const ana = new SimulatedBrowser({ id: 'ana', name: 'Ana' });
    const req = ana.buildRequest({ method: 'GET', path: '/' }, DEFAULT_ORIGIN, T0);
    const ex = ana.receive(
      req,
      response([['Set-Cookie', 'a=1'], ['set-cookie', 'b=2; Expires=Wed, 09 Jun 2100 10:18:14 GMT'], ['Set-Cookie', 'c=3; Secure; SameSite=None'], ['X', 'y']]),
      T0,
    );
    expect(ex.seq).toBe(1);
    expect(ex.at).toBe(T0);
    expect(ex.request).toBe(req);
    expect(ex.changes.map((c) => [c.kind, c.name])).toEqual([['added', 'a'], ['added', 'b'], ['added', 'c']]);
    expect(ana.history).toEqual([ex]);
    expect(ana.receive(req, response(), T0).seq).toBe(2);
  });

  it('logs in, reads the session, and logs out against a server function', async () => {
    const clock = new VirtualClock(T0);
    const ana = new SimulatedBrowser({ id: 'ana', name: 'Ana' });
    const login = await ana.fetch(server, { method: 'POST', path: '/login', body: 'user=ana' }, clock.now());
    expect(login.changes[0]).toMatchObject({ kind: 'added', name: 'session', after: { value: 'ana', httpOnly: true } });
    clock.advance(60);
    const perfil = await ana.fetch(server, { method: 'GET', path: '/perfil' }, clock.now());
    expect(perfil.response.body).toBe('hola ana');
    expect(header(perfil.request, 'cookie')).toBe('session=ana');
    expect(ana.jar.list(clock.now())[0].lastAccess).toBe(T0 + 60);
    const logout = await ana.fetch(server, { method: 'GET', path: '/logout' }, clock.now());
    expect(logout.changes[0].kind).toBe('deleted');
    const after = await ana.fetch(server, { method: 'GET', path: '/perfil' }, clock.now());
    expect(after.response.body).toBe('anónimo');
    expect(ana.history.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  it('gives two browsers independent jars', async () => {
    const ana = new SimulatedBrowser({ id: 'ana', name: 'Ana' });
    const bruno = new SimulatedBrowser({ id: 'bruno', name: 'Bruno' });
    await ana.fetch(server, { method: 'POST', path: '/login', body: 'user=ana' }, T0);
    await bruno.fetch(server, { method: 'POST', path: '/login', body: 'user=bruno' }, T0);
    expect((await ana.fetch(server, { method: 'GET', path: '/perfil' }, T0)).response.body).toBe('hola ana');
    expect((await bruno.fetch(server, { method: 'GET', path: '/perfil' }, T0)).response.body).toBe('hola bruno');
    await bruno.fetch(server, { method: 'GET', path: '/logout' }, T0);
    expect(bruno.jar.list(T0)).toEqual([]);
    expect(ana.jar.list(T0).map((c) => c.value)).toEqual(['ana']);
    expect(ana.history).toHaveLength(2);
    expect(bruno.history).toHaveLength(3);
  });

  it('reports a Secure cookie refused on a plain http origin other than localhost', async () => {
    const ana = new SimulatedBrowser({ id: 'ana', name: 'Ana' });
    const secureServer = async () => response([['Set-Cookie', 'session=x; Secure; HttpOnly; Path=/']]);
    const remote = await ana.fetch(secureServer, { method: 'GET', path: '/' }, T0, 'http://ejemplo.test');
    expect(remote.changes[0]).toMatchObject({ kind: 'rejected', reason: 'secure-from-insecure-origin' });
    const local = await ana.fetch(secureServer, { method: 'GET', path: '/' }, T0);
    expect(local.changes[0].kind).toBe('added');
  });
});

describe('SimulatedBrowser JSON', () => {
  it('round-trips id, name, jar and history', async () => {
    const ana = new SimulatedBrowser({ id: 'ana', name: 'Ana' });
    await ana.fetch(server, { method: 'POST', path: '/login', body: 'user=ana' }, T0);
    const copy = SimulatedBrowser.fromJSON(JSON.parse(JSON.stringify(ana)));
    expect(copy.id).toBe('ana');
    expect(copy.name).toBe('Ana');
    expect(copy.jar.list(T0)).toEqual(ana.jar.list(T0));
    expect(copy.history).toEqual(ana.history);
    expect((await copy.fetch(server, { method: 'GET', path: '/perfil' }, T0)).seq).toBe(2);
  });

  it('rejects corrupt saved browsers with a clear error', () => {
    const good = JSON.parse(JSON.stringify(new SimulatedBrowser({ id: 'a', name: 'A' })));
    expect(() => SimulatedBrowser.fromJSON(null)).toThrow(/Saved browser is invalid/);
    expect(() => SimulatedBrowser.fromJSON({ ...good, id: 3 })).toThrow(/"id" and "name"/);
    expect(() => SimulatedBrowser.fromJSON({ ...good, jar: { version: 1, cookies: [{}] } })).toThrow(/Saved cookie jar is invalid/);
    expect(() => SimulatedBrowser.fromJSON({ ...good, history: {} })).toThrow(/"history" must be an array/);
    expect(() => SimulatedBrowser.fromJSON({ ...good, history: [{ seq: 1, at: 1, request: {}, response: {}, changes: [] }] })).toThrow(/history\[0\]\.request/);
    expect(() => SimulatedBrowser.fromJSON(good)).not.toThrow();
  });
});
