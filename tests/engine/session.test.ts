import { Router } from 'itty-router';
import { describe, expect, it } from 'vitest';
import {
  BadPayloadError,
  type FlaskEnv,
  NULL_SESSION_MESSAGE,
  type SessionRequest,
  createSession,
  defaultConfig,
  encodeSessionCookieSync,
  flaskResponse,
  openSession,
  saveSession,
  saveSessionHeaders,
  withSession,
} from '../../playground/engine/index.ts';

const flags = (s: { modified: boolean; accessed: boolean }) => ({ modified: s.modified, accessed: s.accessed });

describe('session flags follow SecureCookieSession', () => {
  it('reads mark accessed, membership and listing do not', () => {
    const s = createSession({ user: 'ana', n: 1 });
    expect('user' in s).toBe(true);
    expect('nope' in s).toBe(false);
    expect(s.keys()).toEqual(['user', 'n']);
    expect([...s]).toEqual(['user', 'n']);
    expect(s.items()).toEqual([['user', 'ana'], ['n', 1]]);
    expect(s.size).toBe(2);
    expect(flags(s)).toEqual({ modified: false, accessed: false });
    expect(s['user']).toBe('ana');
    expect(flags(s)).toEqual({ modified: false, accessed: true });
    const t = createSession({ a: 1 });
    expect(t.get('missing', 'x')).toBe('x');
    expect(t.get('missing')).toBe(null);
    expect(flags(t)).toEqual({ modified: false, accessed: true });
  });

  it('writes mark modified and accessed; nested in-place changes do not', () => {
    const s = createSession({ cart: ['a'] });
    s.cart; // eslint-disable-line
    s.accessed = false;
    const cart = s.get('cart') as string[];
    s.accessed = false;
    cart.push('b');
    expect(flags(s)).toEqual({ modified: false, accessed: false });
    s['cart'] = cart;
    expect(flags(s)).toEqual({ modified: true, accessed: true });
  });

  it('setdefault, pop, delete, update, clear, popitem', () => {
    const s = createSession({ a: 1 });
    expect(s.setdefault('a', 5)).toBe(1);
    expect(flags(s)).toEqual({ modified: false, accessed: true });
    expect(s.setdefault('b', 5)).toBe(5);
    expect(s.modified).toBe(true);

    const p = createSession({ a: 1 });
    expect(p.pop('zz', 'd')).toBe('d');
    expect(flags(p)).toEqual({ modified: false, accessed: false });
    expect(() => p.pop('zz')).toThrow("'zz'");
    expect(p.pop('a')).toBe(1);
    expect(flags(p)).toEqual({ modified: true, accessed: true });

    const d = createSession({ a: 1 });
    delete d['zz'];
    expect(d.modified).toBe(false);
    delete d['a'];
    expect(d.modified).toBe(true);
    expect('a' in d).toBe(false);

    const u = createSession();
    u.update({});
    expect(u.modified).toBe(true); // Flask marks even an empty update
    const c = createSession();
    c.clear();
    expect(c.modified).toBe(true);
    const pi = createSession({ a: 1, b: 2 });
    expect(pi.popitem()).toEqual(['b', 2]);
  });

  it('permanent is the _permanent key; reading it counts as access', () => {
    const s = createSession({ a: 1 });
    expect(s.permanent).toBe(false);
    expect(flags(s)).toEqual({ modified: false, accessed: true });
    s.permanent = true;
    expect(s.get('_permanent')).toBe(true);
    expect(s.modified).toBe(true);
    expect(s.new).toBe(false); // hard-coded False in Flask's SecureCookieSession
  });

  it('modified is settable, like session.modified = True in Flask', () => {
    const s = createSession({ a: 1 });
    s.modified = true;
    const cfg = defaultConfig({ SECRET_KEY: 'dev' });
    expect(saveSessionHeaders(s, cfg, 1700000000).setCookie).toBe('session=eyJhIjoxfQ.ZVPxAA.' + encodeSessionCookieSync({ a: 1 }, { secretKey: 'dev', timestamp: 1700000000 }).split('.')[2] + '; HttpOnly; Path=/');
  });

  it('methods win over keys of the same name; such keys still work through get/update', () => {
    const s = createSession();
    expect(() => {
      (s as Record<string, unknown>)['keys'] = 1;
    }).toThrow(TypeError);
    s.update({ keys: 1 });
    expect(s.get('keys')).toBe(1);
    expect(typeof s.keys).toBe('function');
  });

  it('a "__proto__" key is only data', () => {
    const s = createSession();
    s['__proto__'] = { polluted: true };
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(s.keys()).toEqual(['__proto__']);
  });

  it('NullSession: reads work, writes raise Flask\'s RuntimeError', () => {
    const { session } = openSession('session=abc', defaultConfig(), 1700000000);
    expect(session.get('x')).toBe(null);
    expect(() => {
      session['x'] = 1;
    }).toThrow(NULL_SESSION_MESSAGE);
    expect(() => session.clear()).toThrow(NULL_SESSION_MESSAGE);
    expect(() => {
      session.permanent = true;
    }).toThrow(NULL_SESSION_MESSAGE);
    expect(NULL_SESSION_MESSAGE).toContain('no secret key was set');
  });

  it('open_session: bad payload with a valid signature throws BadPayloadError', () => {
    const cfg = defaultConfig({ SECRET_KEY: 'dev' });
    const good = encodeSessionCookieSync({ a: 1 }, { secretKey: 'dev', timestamp: 1700000000 });
    expect(openSession(`other=1; session=${good}; session=zzz`, cfg, 1700000000).session.get('a')).toBe(1);
    expect(openSession(`session=${good.slice(0, -2)}xx`, cfg, 1700000000).trace.result).toBe('bad-signature');
  });
});

describe('middleware with a real itty-router Router', () => {
  const env = (now: number, traces: unknown[] = []): FlaskEnv => ({ config: defaultConfig({ SECRET_KEY: 'tu_clave_secreta_aqui' }), now, trace: (t) => traces.push(t) });
  const router = Router<SessionRequest, [FlaskEnv]>({ before: [withSession], finally: [flaskResponse, saveSession] });
  router
    .get('/login/:name', ({ session, params }) => {
      session['username'] = params.name;
      return `hola ${params.name}`;
    })
    .get('/me', ({ session }) => ('username' in session ? { user: session['username'] } : ['anónimo', 401]))
    .get('/logout', ({ session }) => {
      session.pop('username', null);
      return ['bye', 200, { 'X-Bye': '1' }];
    })
    .get('/boom', () => {
      throw new Error('boom');
    });

  it('logs in, reads, logs out, 404s, like a Flask app', async () => {
    const traces: unknown[] = [];
    const login = await router.fetch(new Request('http://localhost/login/ana'), env(1700000000, traces));
    expect(login.status).toBe(200);
    expect(login.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await login.text()).toBe('hola ana');
    const setCookie = login.headers.getSetCookie()[0];
    expect(setCookie).toMatch(/^session=eyJ1c2VybmFtZSI6ImFuYSJ9\.ZVPxAA\.[\w-]{27}; HttpOnly; Path=\/$/);
    expect(login.headers.get('vary')).toBe('Cookie');
    const cookie = setCookie.split(';')[0];

    const me = await router.fetch(new Request('http://localhost/me', { headers: { Cookie: cookie } }), env(1700000100));
    expect(await me.json()).toEqual({ user: 'ana' });
    expect(me.headers.getSetCookie()).toEqual([]);
    expect(me.headers.get('vary')).toBe('Cookie');

    const anon = await router.fetch(new Request('http://localhost/me'), env(1700000100));
    expect(anon.status).toBe(401);
    expect(anon.headers.get('vary')).toBe('Cookie'); // Flask 3.1.3: `in` is a use of the session
    const anon22 = await router.fetch(new Request('http://localhost/me'), { ...env(1700000100), config: defaultConfig({ FLASK_VERSION: '2.2', SECRET_KEY: 'x' }) });
    expect(anon22.headers.get('vary')).toBeNull(); // Flask 2.2: `in` was not an access

    const out = await router.fetch(new Request('http://localhost/logout', { headers: { Cookie: cookie } }), env(1700000200));
    expect(out.headers.get('x-bye')).toBe('1');
    expect(out.headers.getSetCookie()).toEqual(['session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/']);

    const missing = await router.fetch(new Request('http://localhost/nowhere'), env(1700000000));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<title>404 Not Found</title>');
    expect(traces).toHaveLength(1);
  });

  it('a route that throws: the caller makes the 500 and still saves the session', async () => {
    const r2 = Router<SessionRequest, [FlaskEnv]>({ before: [withSession], finally: [flaskResponse, saveSession] });
    r2.get('/', ({ session }) => {
      session['seen'] = true;
      throw new Error('boom');
    });
    const req = new Request('http://localhost/');
    const e = env(1700000000);
    await expect(r2.fetch(req, e)).rejects.toThrow('boom');
    const res = saveSession(new Response('err', { status: 500 }), req as unknown as SessionRequest, e);
    expect(res.status).toBe(500);
    expect(res.headers.getSetCookie()[0]).toMatch(/^session=eyJzZWVuIjp0cnVlfQ\.ZVPxAA\./);
  });

  it('a validly signed but undecodable cookie is BadPayloadError (a 500)', async () => {
    const e = env(1700000000);
    // sign "e30x" (not base64 of JSON) with the real key
    const { signWithTimestamp } = await import('../../playground/engine/index.ts');
    const cookie = signWithTimestamp('eyJ', 1700000000, 'tu_clave_secreta_aqui');
    await expect(router.fetch(new Request('http://localhost/me', { headers: { Cookie: `session=${cookie}` } }), e)).rejects.toBeInstanceOf(BadPayloadError);
  });
});
