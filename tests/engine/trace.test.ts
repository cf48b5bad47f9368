/**
 * The trace save_session leaves for the "what the session did" panel: why a Set-Cookie went out
 * or not, and which Flask 2.2 / 3.1 differences decided something (each request's outcome itself
 * is checked against real Flask in flask-diff.test.ts).
 */
import { Router } from 'itty-router';
import { describe, expect, it } from 'vitest';
import {
  type FlaskEnv,
  type FlaskVersion,
  type SessionConfig,
  type SessionRequest,
  type SessionTrace,
  VERSION_RULES,
  defaultConfig,
  encodeSessionCookieSync,
  flaskResponse,
  internalServerError,
  saveSession,
  signWithTimestamp,
  withSession,
} from '../../playground/engine/index.ts';

const NOW = 1700000000;

function app(config: Partial<SessionConfig>) {
  const traces: SessionTrace[] = [];
  const router = Router<SessionRequest, [FlaskEnv]>({ before: [withSession], finally: [flaskResponse, saveSession] });
  router
    .get('/set', ({ session }) => {
      session.user = 'ana';
      return 'set';
    })
    .get('/permanent', ({ session }) => {
      session.user = 'ana';
      session.permanent = true;
      return 'set';
    })
    .get('/clear', ({ session }) => {
      session.clear();
      return 'cleared';
    })
    .get('/in', ({ session }) => ('user' in session ? 'yes' : 'no'))
    .get('/none', () => 'untouched');
  const fetch = async (path: string, cookie?: string, now = NOW) => {
    const env: FlaskEnv = { config: defaultConfig({ SECRET_KEY: 'dev', ...config }), now, trace: (t) => traces.push(t) };
    const req = new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: `session=${cookie}` } : {} });
    let res: Response;
    try {
      res = await router.fetch(req, env);
    } catch {
      res = saveSession(internalServerError(), req as unknown as SessionRequest, env);
    }
    return { res, trace: traces.at(-1) };
  };
  return { fetch, traces };
}

const cookieOf = (res: Response) => res.headers.getSetCookie()[0].split(';')[0].slice('session='.length);

describe('save_session explains itself', () => {
  it('set, refresh, not modified, delete, expired', async () => {
    const { fetch } = app({});
    const set = await fetch('/permanent');
    expect(set.trace).toMatchObject({ action: 'set', why: 'modified', vary: true, flags: { new: true, modified: true, permanent: true } });
    const refresh = await fetch('/none', cookieOf(set.res), NOW + 60);
    expect(refresh.trace).toMatchObject({ action: 'set', why: 'permanent-refresh', opened: { result: 'ok' }, flags: { new: false, modified: false } });
    const plain = await fetch('/set');
    const untouched = await fetch('/none', cookieOf(plain.res));
    expect(untouched.trace).toMatchObject({ action: 'none', why: 'not-modified', vary: false, flags: { accessed: false } });
    const cleared = await fetch('/clear', cookieOf(plain.res));
    expect(cleared.trace).toMatchObject({ action: 'delete', why: 'empty-modified' });
    const expired = await fetch('/none', cookieOf(plain.res), NOW + 2678401);
    expect(expired.trace?.opened.result).toBe('expired');
  });

  it('names the version rules that decided something, under either version', async () => {
    for (const version of ['3.1', '2.2'] as FlaskVersion[]) {
      const { fetch } = app({ FLASK_VERSION: version });
      const inOnly = await fetch('/in');
      // 3.1 sends Vary for `in`, 2.2 does not: a difference either way
      expect(inOnly.res.headers.get('vary')).toBe(version === '3.1' ? 'Cookie' : null);
      expect(inOnly.trace?.versionRules).toEqual(['vary-on-any-use']);
      const untouched = await fetch('/none');
      expect(untouched.trace?.versionRules).toEqual([]);
    }
    const withServerName = await app({ SERVER_NAME: 'example.com' }).fetch('/set');
    expect(withServerName.res.headers.getSetCookie()[0]).not.toContain('Domain');
    expect(withServerName.trace?.versionRules).toContain('domain-from-server-name');
    const partitioned = await app({ SESSION_COOKIE_PARTITIONED: true }).fetch('/set');
    expect(partitioned.res.headers.getSetCookie()[0]).toMatch(/; Secure; HttpOnly; Path=\/; Partitioned$/);
    expect(partitioned.trace?.versionRules).toContain('partitioned');
    // "é" signed as UTF-8: Werkzeug 2.2 reads it back, Werkzeug 3 sees "Ã©" and the signature fails
    const accented = signWithTimestamp('e30é', NOW, 'dev');
    const in31 = await app({}).fetch('/none', accented);
    expect(in31.trace).toMatchObject({ opened: { result: 'bad-signature' }, versionRules: ['cookie-bytes-as-latin1'] });
    const in22 = await app({ FLASK_VERSION: '2.2' }).fetch('/none', accented);
    expect(in22.trace).toMatchObject({ opened: { result: 'ok' }, versionRules: ['cookie-bytes-as-latin1'] });
    const path = await app({ SESSION_COOKIE_PATH: '/x;y' }).fetch('/set');
    expect(path.res.headers.getSetCookie()[0]).toContain('Path=/x%3By');
    expect(path.trace?.versionRules).toContain('werkzeug3-path-quoting');
  });

  it('says when an old key verified, and when 2.2 would not have read it', async () => {
    const old = encodeSessionCookieSync({ user: 'ana' }, { secretKey: 'old', timestamp: NOW });
    const in31 = await app({ SECRET_KEY_FALLBACKS: ['old'] }).fetch('/none', old);
    expect(in31.trace?.opened).toMatchObject({ result: 'ok', verifiedBy: { key: 'fallback', index: 0 } });
    expect(in31.trace?.versionRules).toContain('secret-key-fallbacks');
    const in22 = await app({ FLASK_VERSION: '2.2', SECRET_KEY_FALLBACKS: ['old'] }).fetch('/none', old);
    expect(in22.trace?.opened.result).toBe('bad-signature');
    expect(in22.trace?.versionRules).toContain('secret-key-fallbacks');
  });

  it('a validly signed 0 is a 500 in 3.1 and an empty session in 2.2', async () => {
    const zero = signWithTimestamp('MA', NOW, 'dev');
    const in31 = await app({}).fetch('/set', zero);
    expect(in31.res.status).toBe(500);
    expect(in31.trace?.versionRules).toContain('falsy-payload-is-error');
    const in22 = await app({ FLASK_VERSION: '2.2' }).fetch('/set', zero);
    expect(in22.res.status).toBe(200);
    expect(in22.trace?.versionRules).toContain('falsy-payload-is-error');
  });

  it('every rule has its explanation in both languages', () => {
    for (const rule of Object.values(VERSION_RULES)) {
      expect(rule.es.length).toBeGreaterThan(40);
      expect(rule.en.length).toBeGreaterThan(40);
    }
  });
});

describe('a cookie Flask cannot open', () => {
  it('is traced once, by withSession, with the version rule that made it a 500', async () => {
    const { fetch, traces } = app({});
    const res = await fetch('/set', signWithTimestamp('ZmFsc2U', NOW, 'dev')); // "false", validly signed
    expect(res.res.status).toBe(500);
    expect(traces).toHaveLength(1);
    expect(traces[0]).toMatchObject({ opened: { result: 'bad-payload' }, why: 'no-session', versionRules: ['falsy-payload-is-error'] });
  });
});
