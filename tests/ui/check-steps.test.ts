/**
 * The check step kinds the security exercises need, run against the real engine (sandbox harness,
 * Flask's session format): a request made by another site, a script reading document.cookie,
 * Set-Cookie attributes, a key that must be absent, and a value captured from a body and reused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectSessionCookie } from '../../playground/engine/cookie-codec.ts';
import { createHarness } from '../../playground/sandbox/runtime/harness.ts';
import { modules, readSessionConfig } from '../../playground/sandbox/runtime/modules.ts';
import { installGuardFreeHeaders } from '../../playground/sandbox/runtime/web-shims.ts';
import { captureFrom, fillCaptured, runCheck } from '../../playground/ui/checks.ts';
import type { CheckStep } from '../../playground/ui/model.ts';
import { translator } from '../../playground/ui/strings.ts';

const APP = `
import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse, type SessionRequest } from 'session-lab'
const router = Router<SessionRequest>({ before: [withSession], finally: [flaskResponse, saveSession] })
router.get('/', ({ session }) => {
  session['user'] = 'ana'
  if (!('tok' in session)) session['tok'] = 'a1b2c3'
  return '<input type="hidden" name="csrf_token" value="' + session['tok'] + '">'
})
router.get('/quien', ({ session }) => 'user=' + session.get('user', 'nadie'))
router.get('/tarjeta', ({ session }) => { session['tarjeta'] = '4111111111111111'; return 'ok' })
router.get('/tema', () => new Response('tema', { headers: { 'Set-Cookie': 'tema=oscuro; Path=/' } }))
router.post('/pagar', async (request) => {
  const form = await request.formData()
  if (form.get('csrf_token') !== request.session.get('tok')) return ['sin token', 400]
  request.session['pagado'] = true
  return 'pagado'
})
export default router
`;

async function run(steps: CheckStep[], config: Record<string, unknown> = {}, lang: 'es' | 'en' = 'en') {
  const full = { SECRET_KEY: 'tu_clave_secreta_aqui', ...config };
  const harness = createHarness({ modules, prepareConfig: (c) => readSessionConfig(c) });
  expect(harness.load(APP).ok).toBe(true);
  const server = {
    request: async (req: Parameters<typeof harness.request>[0], env: Parameters<typeof harness.request>[1]) => {
      const out = await harness.request(req, env);
      return { ok: true as const, response: out.response, logs: out.logs };
    },
  };
  return runCheck(
    { title: 't', steps },
    {
      server,
      config: full,
      lang,
      t: translator(lang),
      readSession: (value, _now, current) => {
        const info = inspectSessionCookie(value, { secretKey: String(current.SECRET_KEY) });
        return info.data && typeof info.data === 'object' ? (info.data as Record<string, unknown>) : undefined;
      },
      start: 1_800_000_000,
    },
  );
}

beforeAll(() => installGuardFreeHeaders());

describe('another site makes the request', () => {
  it('a form posted within two minutes carries a session cookie without SameSite (Chromium), the server sees no token', async () => {
    const r = await run([
      { user: 'Ana', method: 'GET', path: '/' },
      { user: 'Ana', otherSite: 'form-post', path: '/pagar', body: 'x=1', expect: { sessionCookieSent: true, status: 400 } },
    ]);
    expect(r.steps.map((s) => s.problems)).toEqual([[], []]);
    expect(r.passed).toBe(true);
  });

  it('after two minutes Lax by default keeps the cookie home, and the step says so when it expected otherwise', async () => {
    const r = await run([
      { user: 'Ana', method: 'GET', path: '/' },
      { user: 'Ana', otherSite: 'form-post', path: '/pagar', body: 'x=1', advanceClock: 121, expect: { sessionCookieSent: true } },
    ]);
    expect(r.passed).toBe(false);
    expect(r.steps[1].problems).toEqual(['the browser should send the session cookie with this request']);
  });

  it('an image is a subresource: a SameSite=Lax cookie stays home; a link carries it', async () => {
    const config = { SESSION_COOKIE_SAMESITE: 'Lax' };
    const image = await run([
      { user: 'Ana', method: 'GET', path: '/' },
      { user: 'Ana', otherSite: 'image', path: '/', expect: { sessionCookieSent: false } },
    ], config);
    expect(image.passed).toBe(true);
    const link = await run([
      { user: 'Ana', method: 'GET', path: '/' },
      { user: 'Ana', otherSite: 'link', path: '/', expect: { sessionCookieSent: false } },
    ], config, 'es');
    expect(link.steps[1].problems).toEqual(['el navegador no debía enviar la cookie session con esta petición']);
  });
});

describe('a value captured from a body and reused', () => {
  it('the CSRF token happy path: the token read from the form makes the POST pass', async () => {
    const r = await run([
      { user: 'Ana', method: 'GET', path: '/', capture: { name: 'token', pattern: 'name="csrf_token" value="([^"]*)"' } },
      { user: 'Ana', method: 'POST', path: '/pagar', body: 'csrf_token={{token}}', expect: { status: 200, session: { pagado: true } } },
    ]);
    expect(r.steps.map((s) => s.problems)).toEqual([[], []]);
  });

  it('a pattern that finds nothing fails its step, in words', async () => {
    const r = await run([{ user: 'Ana', method: 'GET', path: '/tema', capture: { name: 'token', pattern: 'csrf_token" value="([^"]*)"' } }]);
    expect(r.steps[0].problems).toEqual(['nothing in the body matches csrf_token" value="([^"]*)"']);
  });

  it('fills only names it knows; reads the first group or the whole match; a broken pattern is no match', () => {
    const got = new Map([['t', 'x y']]);
    expect(fillCaptured('a={{t}}&b={{u}}', got)).toBe('a=x y&b={{u}}');
    expect(captureFrom('token: 42', 'token: (\\d+)')).toBe('42');
    expect(captureFrom('token: 42', '\\d+')).toBe('42');
    expect(captureFrom('x', '(')).toBe(null);
  });
});

describe('a script in the page reads document.cookie', () => {
  it('does not see the HttpOnly session cookie but sees the others', async () => {
    const r = await run([
      { user: 'Ana', method: 'GET', path: '/' },
      { user: 'Ana', method: 'GET', path: '/tema' },
      { user: 'Ana', script: {}, path: '/', expect: { documentCookie: { includes: ['tema'], excludes: ['session'] } } },
    ]);
    expect(r.steps.map((s) => s.problems)).toEqual([[], [], []]);
  });

  it('sees the session cookie when SESSION_COOKIE_HTTPONLY is off, and the step explains', async () => {
    const r = await run([
      { user: 'Ana', method: 'GET', path: '/' },
      { user: 'Ana', script: {}, path: '/', expect: { documentCookie: { excludes: ['session'] } } },
    ], { SESSION_COOKIE_HTTPONLY: false });
    expect(r.steps[1].problems).toEqual(['a script on the page should not be able to read session (HttpOnly is missing)']);
  });

  it('writes a cookie first, then sees it; a write asking for HttpOnly is refused', async () => {
    const ok = await run([{ user: 'Ana', script: { write: 'robado=1; Path=/' }, path: '/', expect: { documentCookie: { includes: ['robado'] } } }]);
    expect(ok.passed).toBe(true);
    const refused = await run([{ user: 'Ana', script: { write: 'x=1; HttpOnly' }, path: '/' }]);
    expect(refused.steps[0].problems).toEqual(['the browser did not let a script write "x=1; HttpOnly"']);
  });
});

describe('Set-Cookie attributes', () => {
  it('passes when the line says what is expected', async () => {
    const r = await run(
      [{ user: 'Ana', method: 'GET', path: '/', expect: { setCookieAttributes: { httpOnly: true, secure: true, sameSite: 'Lax', path: '/', persistent: false } } }],
      { SESSION_COOKIE_SECURE: true, SESSION_COOKIE_SAMESITE: 'Lax' },
    );
    expect(r.steps[0].problems).toEqual([]);
  });

  it('names every attribute that differs, and a missing line', async () => {
    const r = await run([{ user: 'Ana', method: 'GET', path: '/', expect: { setCookieAttributes: { httpOnly: false, secure: true, sameSite: 'Strict', path: '/x', persistent: true } } }]);
    expect(r.steps[0].problems).toEqual([
      'the Set-Cookie for session should not carry HttpOnly',
      'the Set-Cookie for session should carry Secure',
      'the Set-Cookie for session should carry Max-Age/Expires',
      'in the Set-Cookie for session, SameSite should be Strict and is —',
      'in the Set-Cookie for session, Path should be /x and is /',
    ]);
    const other = await run([{ user: 'Ana', method: 'GET', path: '/', expect: { setCookieAttributes: { cookie: 'tema', httpOnly: false } } }]);
    expect(other.steps[0].problems).toEqual(['no Set-Cookie arrived for tema']);
  });
});

describe('a session key that must be absent', () => {
  it('fails while the key is stored and passes otherwise', async () => {
    const bad = await run([{ user: 'Ana', method: 'GET', path: '/tarjeta', expect: { sessionLacks: ['tarjeta'] } }], {}, 'es');
    expect(bad.steps[0].problems).toEqual(['la sesión no debía contener la clave «tarjeta»']);
    const good = await run([{ user: 'Ana', method: 'GET', path: '/', expect: { sessionLacks: ['tarjeta'] } }]);
    expect(good.passed).toBe(true);
  });
});

describe('a stolen session cookie, replayed', () => {
  it('another browser holding a copy of the cookie is the same user to the server', async () => {
    const r = await run([
      { user: 'Ana', method: 'GET', path: '/' },
      { user: 'Eve', takeSessionFrom: 'Ana', method: 'GET', path: '/quien', expect: { bodyIncludes: 'user=ana', sessionCookieSent: true } },
      { user: 'Bruno', method: 'GET', path: '/quien', expect: { bodyIncludes: 'user=nadie' } },
    ]);
    expect(r.steps.map((s) => s.problems)).toEqual([[], [], []]);
  });

  it('fails in words when there is nothing to steal', async () => {
    const r = await run([{ user: 'Eve', takeSessionFrom: 'Ana', method: 'GET', path: '/quien' }], {}, 'es');
    expect(r.steps[0].problems).toEqual(['Ana no tiene ninguna cookie de sesión que copiar']);
  });
});

describe('the app config changed midway', () => {
  it('a new key turns the old cookie into an empty session, and later expectations read with the new key', async () => {
    const r = await run([
      { user: 'Ana', method: 'GET', path: '/' },
      { user: 'Ana', changeConfig: { SECRET_KEY: 'una-clave-nueva' }, method: 'GET', path: '/quien', expect: { bodyIncludes: 'user=nadie', sessionCookieSent: true } },
      { user: 'Ana', method: 'GET', path: '/', expect: { session: { user: 'ana' } } },
    ]);
    expect(r.steps.map((s) => s.problems)).toEqual([[], [], []]);
  });
});
