import * as itty from 'itty-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness } from '../../playground/sandbox/runtime/harness.ts';
import type { Harness } from '../../playground/sandbox/runtime/harness.ts';
import { installGuardFreeHeaders } from '../../playground/sandbox/runtime/web-shims.ts';
import * as stub from './engine-stub.ts';
import { EXAMPLE } from './example.ts';


const env = { config: { cookieName: 'session' }, now: 1_700_000_000 };
const get = (path: string, cookie?: string) => ({
  method: 'GET',
  url: `http://localhost:5000${path}`,
  headers: cookie ? ([['Cookie', cookie]] as [string, string][]) : [],
});

function harness(bodyLimit?: number): Harness {
  return createHarness({ modules: { 'itty-router': itty, 'session-lab': stub }, bodyLimit });
}

/** The reader's code with one route added before the export. */
const withRoute = (route: string) => EXAMPLE.replace('export default router', `${route}\nexport default router`);
const lineOf = (code: string, needle: string) => code.split('\n').findIndex((l) => l.includes(needle)) + 1;
const columnOf = (code: string, needle: string) => code.split('\n')[lineOf(code, needle) - 1].indexOf(needle) + 1;

beforeAll(() => installGuardFreeHeaders());

describe('loading the reader module', () => {
  it('lists the routes of the default example', () => {
    const out = harness().load(EXAMPLE);
    expect(out).toEqual({
      ok: true,
      logs: [],
      routes: [
        { method: 'GET', path: '/' },
        { method: 'GET', path: '/perfil' },
        { method: 'GET', path: '/logout' },
      ],
    });
  });

  it('reports a syntax error at the reader line and keeps the previous router', async () => {
    const h = harness();
    expect(h.load(EXAMPLE).ok).toBe(true);
    // Sucrase places an error inside an arrow function's body at the arrow itself, so this one sits at
    // the top level, where its position is exact.
    const broken = EXAMPLE.replace('export default router', 'const greeting = "hola" +* 2\nexport default router');
    const out = h.load(broken);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error.kind).toBe('syntax');
    expect(out.error.line).toBe(lineOf(broken, '+* 2'));
    expect(out.error.column).toBe(columnOf(broken, '* 2'));
    const res = await h.request(get('/perfil'), env);
    expect(res.response.body).toBe('No has iniciado sesión.');
  });

  it('names a disallowed import, with its line, even when the import is unused', () => {
    const code = EXAMPLE.replace("import { Router } from 'itty-router'\n", "import { Router } from 'itty-router'\nimport fs from 'node:fs'\n");
    const out = harness().load(code);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error.kind).toBe('import');
    expect(out.error.message).toContain('"node:fs"');
    expect(out.error.line).toBe(2);
  });

  it('rejects a module without a default export', () => {
    const out = harness().load(EXAMPLE.replace('export default router', 'export { router }'));
    expect(out).toMatchObject({ ok: false, error: { kind: 'no-router' } });
  });

  it('rejects a default export that is not a router', () => {
    const out = harness().load(EXAMPLE.replace('export default router', 'export default { fetch: 1 }'));
    expect(out).toMatchObject({ ok: false, error: { kind: 'no-router' } });
  });

  it('maps an error thrown while the module runs to the reader line and column', () => {
    const code = EXAMPLE.replace('const router', 'const n: number = (null as any).length\nconst router');
    const out = harness().load(code);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error.kind).toBe('runtime');
    expect(out.error.message).toMatch(/^TypeError: /);
    expect(out.error.line).toBe(lineOf(code, '(null as any)'));
    expect(out.error.column).toBe(columnOf(code, '.length') + 1);
  });

  it('captures console output while loading', () => {
    const out = harness().load(`console.log('hola', { a: [1, 'x'] }, 3)\n${EXAMPLE}`);
    expect(out.logs).toEqual(["hola { a: [ 1, \"x\" ] } 3"]);
  });
});

describe('answering requests', () => {
  it('runs the session example across requests, with the cookie the route set', async () => {
    const h = harness();
    h.load(EXAMPLE);
    const first = await h.request(get('/'), env);
    expect(first.response.status).toBe(200);
    expect(first.response.body).toBe('Datos almacenados en la sesión.');
    const setCookie = first.response.headers.find(([n]) => n === 'set-cookie');
    expect(setCookie?.[1]).toMatch(/^session=/);
    const cookie = setCookie![1].split(';')[0];
    const second = await h.request(get('/perfil', cookie), env);
    expect(second.response.body).toBe('Bienvenido, ejemplo_usuario!');
    expect(second.traces).toEqual([{ opened: { username: 'ejemplo_usuario' }, at: env.now }, { saved: { username: 'ejemplo_usuario' }, modified: false }]);
  });

  it('keeps repeated headers', async () => {
    const h = harness();
    h.load(withRoute(`router.get('/two', () => { const r = new Response('x'); r.headers.append('Set-Cookie', 'a=1'); r.headers.append('Set-Cookie', 'b=2'); return r })`));
    const out = await h.request(get('/two'), env);
    expect(out.response.headers.filter(([n]) => n === 'set-cookie').map(([, v]) => v)).toEqual(['a=1', 'b=2']);
  });

  it('answers 404 through flaskResponse for an unknown path', async () => {
    const h = harness();
    h.load(EXAMPLE);
    expect((await h.request(get('/nada'), env)).response.status).toBe(404);
  });

  it('turns a thrown error into a 500 debugger page, maps it to the reader line, and still saves the session', async () => {
    const code = withRoute(`router.get('/boom', ({ session }) => {\n  session['visto'] = true\n  const user: any = undefined\n  return user.name\n})`);
    const h = harness();
    h.load(code);
    const out = await h.request(get('/boom'), env);
    expect(out.response.status).toBe(500);
    expect(out.response.body).toContain('<!doctype html>');
    expect(out.response.body).toContain('return user.name');
    expect(out.error?.message).toMatch(/^TypeError: /);
    expect(out.error?.line).toBe(lineOf(code, 'return user.name'));
    expect(out.error?.stack).toContain(`routes.ts:${lineOf(code, 'return user.name')}:`);
    expect(out.error?.stack).not.toMatch(/harness|node_modules/);
    const setCookie = out.response.headers.find(([n]) => n === 'set-cookie')?.[1];
    expect(setCookie && JSON.parse(atob(setCookie.split(';')[0].slice('session='.length)))).toEqual({ visto: true });
  });

  it('treats a stack overflow as a thrown error (500), not a crash', async () => {
    const h = harness();
    h.load(withRoute(`const deep = (n: number): number => deep(n + 1) + 1\nrouter.get('/deep', () => String(deep(0)))`));
    const out = await h.request(get('/deep'), env);
    expect(out.response.status).toBe(500);
    expect(out.error?.message).toMatch(/RangeError/);
  });

  it('explains a BadPayloadError from withSession', async () => {
    const h = harness();
    h.load(EXAMPLE);
    const out = await h.request(get('/perfil', 'session=bad-payload'), env);
    expect(out.response.status).toBe(500);
    expect(out.response.body).toContain('BadPayload');
    expect(out.response.body).toContain('payload could not be decoded');
    expect(out.response.headers.some(([n]) => n === 'set-cookie')).toBe(false);
  });

  it('gives a clear 500 when the router returns something that is not a Response', async () => {
    const h = harness();
    h.load(`import { Router } from 'itty-router'\nconst router = Router()\nrouter.get('/', () => 42)\nexport default router`);
    const out = await h.request(get('/'), env);
    expect(out.response.status).toBe(500);
    expect(out.response.body).toContain('a value of type number');
    expect(out.error?.kind).toBe('runtime');
  });

  it('truncates big bodies with a note', async () => {
    const h = harness(1000);
    h.load(withRoute(`router.get('/big', () => 'x'.repeat(5000))`));
    const out = await h.request(get('/big'), env);
    expect(out.response.body.startsWith('x'.repeat(1000) + '\n')).toBe(true);
    expect(out.response.body).toContain('truncated after 1000 characters');
    expect(out.response.body.length).toBeLessThan(1100);
  });

  it('stops reading an endless body at the cap', async () => {
    const h = harness(1000);
    h.load(withRoute(`router.get('/endless', () => new Response(new ReadableStream({ pull(c) { c.enqueue(new TextEncoder().encode('y'.repeat(100))) } })))`));
    const out = await h.request(get('/endless'), env);
    expect(out.response.body).toContain('truncated');
  });

  it('captures console.log from routes, per request, capped', async () => {
    const h = harness();
    h.load(withRoute(`router.get('/log', () => { console.log('una', 1); console.error(new Error('dos')); return 'ok' })\nrouter.get('/spam', () => { for (let i = 0; i < 1000; i++) console.log(i); return 'ok' })`));
    expect((await h.request(get('/log'), env)).logs).toEqual(['una 1', '[error] Error: dos']);
    const spam = (await h.request(get('/spam'), env)).logs;
    expect(spam.length).toBe(201);
    expect(spam.at(-1)).toBe('… 800 more log lines not shown');
    expect((await h.request(get('/'), env)).logs).toEqual([]);
  });

  it('passes request bodies and headers to the route', async () => {
    const h = harness();
    h.load(withRoute(`router.post('/echo', async (req) => req.headers.get('x-test') + ':' + await req.text())`));
    const out = await h.request({ method: 'POST', url: 'http://localhost:5000/echo', headers: [['X-Test', 'hi']], body: 'a=1' }, env);
    expect(out.response.body).toBe('hi:a=1');
  });
});
