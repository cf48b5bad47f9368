import * as itty from 'itty-router';
import { MessageChannel } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness } from '../../playground/sandbox/runtime/harness.ts';
import { serve } from '../../playground/sandbox/runtime/serve.ts';
import * as sessionLab from '../../playground/sandbox/runtime/session-lab.ts';
import { defaultConfig, signWithTimestamp } from '../../playground/engine/index.ts';
import { transpile } from '../../playground/sandbox/runtime/transform.ts';
import { EXAMPLE } from './example.ts';
import { LIMITS } from '../../playground/sandbox/contract.ts';

let open: MessagePort[] = [];
afterEach(() => {
  for (const p of open) p.close();
  open = [];
});

/** The runtime's serve() on one end of a real MessageChannel, the test on the other. */
function connect() {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  const inbox: unknown[] = [];
  const waiters: (() => void)[] = [];
  port2.on('message', (m: unknown) => {
    // Replies are JSON text within the relay's limit (it passes on nothing else): read them as the page does.
    expect(typeof m).toBe('string');
    expect((m as string).length).toBeLessThanOrEqual(LIMITS.reply);
    inbox.push(JSON.parse(m as string));
    waiters.splice(0).forEach((w) => w());
  });
  const endpoint = { post: (text: string) => port1.postMessage(text), listen: (receive: (data: unknown) => void) => void port1.on('message', receive) };
  serve(endpoint, createHarness({ modules: { 'itty-router': itty, 'session-lab': sessionLab } }));
  const next = async (): Promise<any> => {
    while (!inbox.length) await new Promise<void>((r) => waiters.push(r));
    return inbox.shift();
  };
  return { send: (m: unknown) => port2.postMessage(m), next };
}

const config = defaultConfig({ SECRET_KEY: 'tu_clave_secreta_aqui' });
const get = (path: string, cookie?: string) => ({
  method: 'GET',
  url: `http://localhost:5000${path}`,
  headers: cookie ? [['Cookie', cookie]] : [],
});

describe('serve() with the real engine behind session-lab', () => {
  it('says ready, loads the example, and runs Flask sessions across requests', async () => {
    const port = connect();
    expect(await port.next()).toEqual({ type: 'ready', id: 0 });
    port.send({ type: 'load', id: 1, code: EXAMPLE });
    expect(await port.next()).toMatchObject({ type: 'loaded', id: 1, routes: [{ path: '/' }, { path: '/perfil' }, { path: '/logout' }] });

    port.send({ type: 'request', id: 2, request: get('/'), env: { config, now: 1_764_370_000 } });
    const first = await port.next();
    expect(first).toMatchObject({ type: 'response', id: 2, response: { status: 200, body: 'Datos almacenados en la sesión.' } });
    const setCookie: string = first.response.headers.find(([n]: string[]) => n === 'set-cookie')[1];
    expect(setCookie).toMatch(/^session=[\w-]+\.[\w-]+\.[\w-]+; HttpOnly; Path=\//);
    expect(first.traces).toMatchObject([{ action: 'set', flags: { modified: true } }]);

    port.send({ type: 'request', id: 3, request: get('/perfil', setCookie.split(';')[0]), env: { config, now: 1_764_370_060 } });
    expect(await port.next()).toMatchObject({ type: 'response', id: 3, response: { body: 'Bienvenido, ejemplo_usuario!' } });
  });

  it('runs build-time compiled code as given, without compiling the source again', async () => {
    const port = connect();
    await port.next();
    const compiled = transpile(EXAMPLE);
    port.send({ type: 'load', id: 1, code: EXAMPLE, compiled });
    expect(await port.next()).toMatchObject({ type: 'loaded', id: 1, routes: [{ path: '/' }, { path: '/perfil' }, { path: '/logout' }] });
    // The compiled JavaScript is what runs: one route fewer there, one route fewer served.
    const fewer = transpile(EXAMPLE.replace(/router\.get\('\/logout'[\s\S]*?\n\}\);?\n/, ''));
    expect(fewer.js).not.toBe(compiled.js);
    port.send({ type: 'load', id: 2, code: EXAMPLE, compiled: fewer });
    expect(await port.next()).toMatchObject({ type: 'loaded', id: 2, routes: [{ path: '/' }, { path: '/perfil' }] });
  });

  it('compiles without loading: JavaScript and mappings, or the syntax error at the reader\'s line', async () => {
    const port = connect();
    await port.next();
    port.send({ type: 'transpile', id: 3, code: EXAMPLE });
    expect(await port.next()).toEqual({ type: 'transpiled', id: 3, compiled: transpile(EXAMPLE) });
    port.send({ type: 'transpile', id: 4, code: 'const a = 1\nconst b = (\n' });
    expect(await port.next()).toMatchObject({ type: 'load-error', id: 4, error: { kind: 'syntax', line: 3 } });
    // Nothing was loaded: requests still find no routes.
    port.send({ type: 'request', id: 5, request: get('/'), env: { config, now: 1_764_370_000 } });
    expect(await port.next()).toMatchObject({ type: 'response', id: 5, response: { status: 503 } });
  });

  it('answers an ill-formed message with fatal and keeps serving', async () => {
    const port = connect();
    await port.next();
    port.send({ type: 'load', id: 7, code: 12 });
    expect(await port.next()).toMatchObject({ type: 'fatal', id: 7, message: expect.stringContaining('"code" must be a string') });
    port.send({ type: 'ping', id: 8 });
    expect(await port.next()).toEqual({ type: 'ready', id: 8 });
  });

  it('maps a validly signed but undecodable payload (BadPayload) to an explained 500', async () => {
    const port = connect();
    await port.next();
    port.send({ type: 'load', id: 1, code: EXAMPLE });
    await port.next();
    // base64url of "not json", signed with the app's key: the signature holds, the payload does not.
    const cookie = signWithTimestamp(Buffer.from('not json').toString('base64url'), 1_764_370_000, config.SECRET_KEY!);
    port.send({ type: 'request', id: 2, request: get('/perfil', `session=${cookie}`), env: { config, now: 1_764_370_000 } });
    const res = await port.next();
    expect(res.response.status).toBe(500);
    expect(res.response.body).toContain('BadPayload');
    expect(res.response.body).toContain('payload could not be decoded');
    expect(res.error.kind).toBe('runtime');
  });

  it('treats a malformed cookie as Flask does (a fresh session, no error)', async () => {
    const port = connect();
    await port.next();
    port.send({ type: 'load', id: 1, code: EXAMPLE });
    await port.next();
    port.send({ type: 'request', id: 2, request: get('/perfil', 'session=not-a-cookie'), env: { config, now: 1_764_370_000 } });
    const res = await port.next();
    expect(res.response.status).toBe(200);
    expect(res.response.body).toBe('No has iniciado sesión.');
  });

  it('cuts a reply that would pass the relay\'s limit, and says so, instead of losing it', async () => {
    const port = connect();
    await port.next();
    // Control characters take six in JSON: 200 log lines of them alone are over 2 Mi characters.
    const code = EXAMPLE.replace('export default router', "router.get('/noisy', () => { for (let i = 0; i < 200; i++) console.log('\\u0001'.repeat(2000)); return '\\u0001'.repeat(200000) })\nexport default router");
    port.send({ type: 'load', id: 1, code });
    expect(await port.next()).toMatchObject({ type: 'loaded' });
    port.send({ type: 'request', id: 2, request: get('/noisy'), env: { config, now: 1_764_370_000 } });
    const res = await port.next();
    expect(res).toMatchObject({ type: 'response', id: 2, response: { status: 200 }, traces: [] });
    expect(res.logs).toEqual([expect.stringContaining('reply was too large')]);
    // The logs went; the body fitted without them and is whole.
    expect(res.response.body).toBe('\u0001'.repeat(200000));
  });
});
