import { describe, expect, it } from 'vitest';
import { runChecks } from '../../playground/ui/checks.ts';
import type { CheckDef } from '../../playground/ui/model.ts';
import { translator } from '../../playground/ui/strings.ts';
import { FakeServer, readPayload } from './fake-server.ts';

const config = { SECRET_KEY: 'tu_clave_secreta_aqui', SESSION_COOKIE_NAME: 'session' };
const opts = (server: FakeServer, lang: 'es' | 'en' = 'en') => ({ server, config, lang, t: translator(lang), readSession: readPayload, start: 1_800_000_000 });

const checks: CheckDef[] = [
  {
    title: 'Ana logs in and is greeted',
    steps: [
      { user: 'Ana', method: 'GET', path: '/', expect: { status: 200, setCookie: true, session: { username: 'ejemplo_usuario' } } },
      { user: 'Ana', method: 'GET', path: '/perfil', expect: { bodyIncludes: { es: 'Bienvenido', en: 'Bienvenido' }, setCookie: false } },
    ],
  },
  {
    title: 'Bruno has his own session',
    steps: [
      { user: 'Ana', method: 'GET', path: '/' },
      { user: 'Bruno', method: 'GET', path: '/perfil', expect: { bodyIncludes: 'No has iniciado', noSessionCookie: true } },
    ],
  },
  {
    title: 'Logout deletes the cookie',
    steps: [
      { user: 'Ana', method: 'GET', path: '/' },
      { user: 'Ana', method: 'GET', path: '/logout', advanceClock: 60, expect: { setCookie: true, noSessionCookie: true } },
    ],
  },
];

describe('check runner', () => {
  it('passes every check against a correct server, each check from empty jars', async () => {
    const results = await runChecks(checks, opts(new FakeServer()));
    expect(results.map((r) => r.passed)).toEqual([true, true, true]);
    expect(results[0].steps.map((s) => s.outcome)).toEqual(['passed', 'passed']);
  });

  it('explains what failed and skips the steps after it', async () => {
    const results = await runChecks(checks, opts(new FakeServer({ variant: 'never-stores' })));
    expect(results[0].passed).toBe(false);
    expect(results[0].steps.map((s) => s.outcome)).toEqual(['failed', 'skipped']);
    expect(results[0].steps[0].problems).toEqual([
      'expected a session Set-Cookie header',
      'the session should contain {"username":"ejemplo_usuario"} and holds {}',
    ]);
    // Bruno's check does not depend on storing anything.
    expect(results[1].passed).toBe(true);
  });

  it('reports a wrong status in the page language', async () => {
    const [result] = await runChecks([{ title: 'x', steps: [{ user: 'Ana', method: 'GET', path: '/nope', expect: { status: 200 } }] }], opts(new FakeServer(), 'es'));
    expect(result.steps[0].problems).toEqual(['se esperaba el estado 200 y llegó 404']);
  });

  it('a stopped request fails the step with the reason', async () => {
    const [result] = await runChecks([checks[0]], opts(new FakeServer({ hang: true })));
    expect(result.passed).toBe(false);
    expect(result.steps[0].problems[0]).toContain('stopped after 2000 ms');
  });
});
