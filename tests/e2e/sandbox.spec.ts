/**
 * The sandbox under attack, in Chromium: each hostile snippet runs as the reader's route code and
 * must fail, and the page must keep answering afterwards. A small static server plays the site: it
 * sets an HttpOnly cookie and records every request, so "nothing reached the network" is checked
 * on the server side, not only from inside the sandbox.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { earlyFrameScript } from '../../playground/startup/early-frame.ts';
import { buildCompilerBundle, buildRuntimeBundle } from '../../playground/startup/vite-plugin.ts';
import { defaultConfig } from '../../playground/engine/index.ts';

const CONFIG = defaultConfig({ SECRET_KEY: 'tu_clave_secreta_aqui' });

test.describe.configure({ mode: 'serial' });

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

let server: Server;
let site = '';
let elsewhere = '';
const hits: string[] = [];

test.beforeAll(async () => {
  const runtime = (await buildRuntimeBundle()).code;
  const compiler = (await buildCompilerBundle()).code;
  const page = await esbuild.build({
    entryPoints: [here('./fixtures/sandbox-page.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    // The site's plugin gives these modules the files' URLs; this page serves them itself.
    plugins: [
      {
        name: 'session-lab-urls',
        setup(build) {
          build.onResolve({ filter: /^virtual:session-lab-(runtime|compiler)$/ }, (a) => ({ path: a.path, namespace: 'session-lab-url' }));
          build.onLoad({ filter: /.*/, namespace: 'session-lab-url' }, (a) => ({ contents: `export default ${JSON.stringify(a.path.endsWith('runtime') ? '/runtime.js' : '/compiler.js')};`, loader: 'js' }));
        },
      },
    ],
  });
  const pageJs = page.outputFiles[0].text;
  const html = readFileSync(here('./fixtures/sandbox-page.html'), 'utf8');
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/') {
      res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': 'http_secret=site-httponly; HttpOnly; Path=/' });
      res.end(html);
    } else if (url === '/early' || url === '/early-missing') {
      // The same page with the head's early sandbox, as the full playground has it.
      const runtimeUrl = url === '/early' ? '/runtime.js' : '/missing-runtime.js';
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(html.replace('<head>', `<head><script>${earlyFrameScript(runtimeUrl)}</script>`));
    } else if (url === '/missing-runtime.js') {
      res.writeHead(404).end();
    } else if (url === '/page.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(pageJs);
    } else if (url === '/runtime.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(runtime);
    } else if (url === '/compiler.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(compiler);
    } else if (url === '/favicon.ico') {
      res.writeHead(404).end();
    } else if (url === '/forger.html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<script>
        parent.postMessage({ type: 'worker-error', message: 'forged' }, '*');
        parent.postMessage({ type: 'relay-ready' }, '*');
        parent.postMessage({ type: 'response', id: 1, response: { status: 200, statusText: 'OK', headers: [], body: 'forged' }, logs: [] }, '*');
        parent.postMessage('forged-done', '*');
      </script>`);
    } else {
      record(req);
      res.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' });
      res.end(`/* leaked */ self.LEAKED = 'LEAKED'; export default 'LEAKED'`);
    }
  });
  server.on('upgrade', (req, socket) => {
    record(req);
    socket.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  site = `http://127.0.0.1:${port}`;
  elsewhere = `http://localhost:${port}`;
});

function record(req: IncomingMessage) {
  hits.push(`${req.method} ${req.url} cookie=${req.headers.cookie ?? ''}`);
}

test.afterAll(async () => {
  await new Promise((r) => server.close(r));
});

async function openPage(page: Page, timeoutMs?: number) {
  await page.goto(`${site}/`);
  await page.evaluate((config) => {
    (window as any).CONFIG = config;
    return (window as any).plantSecrets();
  }, CONFIG);
  const startMs = await page.evaluate(async (t) => {
    const t0 = performance.now();
    const host = (window as any).makeHost(t);
    await host.ready();
    return performance.now() - t0;
  }, timeoutMs);
  return startMs;
}

const HEADER = `import { Router } from 'itty-router'
import { withSession, saveSession, flaskResponse } from 'session-lab'
const router = Router({ before: [withSession], finally: [flaskResponse, saveSession] })
router.get('/', () => 'alive')
`;

/** Loads code in the page's sandbox; returns the LoadResult. */
function load(page: Page, code: string) {
  return page.evaluate((c) => (window as any).host.load(c), code);
}

function get(page: Page, path: string) {
  return page.evaluate(
    ([url, config]) => (window as any).host.request({ method: 'GET', url, headers: [['Cookie', 'session=']] }, { config, now: 1_700_000_000 }),
    [`http://localhost:5000${path}`, CONFIG] as const,
  );
}

async function stillAnswers(page: Page) {
  expect(await page.evaluate(() => 6 * 7)).toBe(42);
  const res = await get(page, '/');
  expect(res.ok).toBe(true);
  expect(res.response.body).toBe('alive');
}

/** Each attack is a route body returning what it obtained; the route's reply is the evidence. */
const ATTACKS: Record<string, (site: string, elsewhere: string) => string> = {
  'document.cookie': () => `return typeof document === 'undefined' ? 'no document' : document.cookie`,
  localStorage: () => `return typeof localStorage === 'undefined' ? 'no localStorage' : localStorage.getItem('secret')`,
  indexedDB: () => `return await new Promise((resolve) => {
      const open = indexedDB.open('site-db', 1)
      open.onupgradeneeded = () => resolve('fresh, empty database')
      open.onerror = () => resolve('blocked: ' + open.error)
      open.onsuccess = () => {
        try {
          const get = open.result.transaction('kv').objectStore('kv').get('secret')
          get.onsuccess = () => resolve(String(get.result))
        } catch (e) { resolve('blocked: ' + e) }
      }
    })`,
  caches: () => `if (typeof caches === 'undefined') return 'no caches'
    const r = await caches.match('/cached-secret'); return r ? await r.text() : 'nothing cached'`,
  'fetch to the site': (s) => `const r = await fetch('${s}/leak-fetch', { credentials: 'include' }); return await r.text()`,
  'fetch elsewhere': (_s, e) => `const r = await fetch('${e}/leak-fetch-elsewhere'); return await r.text()`,
  XMLHttpRequest: (s) => `return await new Promise((resolve) => {
      const x = new XMLHttpRequest(); x.open('GET', '${s}/leak-xhr'); x.withCredentials = true
      x.onload = () => resolve(x.responseText); x.onerror = () => resolve('blocked: xhr error'); x.send()
    })`,
  WebSocket: (s) => `return await new Promise((resolve) => {
      const ws = new WebSocket('${s.replace('http', 'ws')}/leak-ws')
      ws.onopen = () => resolve('LEAKED: open'); ws.onerror = () => resolve('blocked: ws error')
      setTimeout(() => resolve('blocked: no answer'), 500)
    })`,
  EventSource: (e) => `return await new Promise((resolve) => {
      const es = new EventSource('${e}/leak-sse')
      es.onopen = () => resolve('LEAKED: open'); es.onerror = () => resolve('blocked: sse error')
      setTimeout(() => resolve('blocked: no answer'), 500)
    })`,
  importScripts: (s) => `importScripts('${s}/leak-import-scripts.js'); return String(self.LEAKED)`,
  'dynamic import (through eval)': (_s, e) => `const m = await new Function('return import("${e}/leak-dynamic-import.mjs")')(); return m.default`,
  'dynamic import (reader syntax)': (s) => `const m = await import('${s}/leak-import-syntax.mjs'); return m.default`,
  'BroadcastChannel to the site': () => `const bc = new BroadcastChannel('site'); bc.postMessage('LEAKED broadcast'); return 'posted'`,
  'navigate the top window': (e) => `const t = (self as any).top ?? (self as any).parent; if (t && t.location) t.location.href = '${e}/leak-nav'; return 'no window: ' + typeof t`,
  'nested worker fetch': (s) => `const w = new Worker(URL.createObjectURL(new Blob(["fetch('${s}/leak-nested').then(r => r.text()).then(t => postMessage(t), e => postMessage('blocked: ' + e))"])))
    return await new Promise((resolve) => { w.onmessage = (e) => resolve(e.data); w.onerror = () => resolve('blocked: nested worker error'); setTimeout(() => resolve('blocked: no answer'), 500) })`,
};

test('every hostile snippet fails and the page keeps answering', async ({ page }) => {
  const startMs = await openPage(page);
  console.log(`[sandbox e2e] start (runtime fetched, frame + worker ready): ${startMs.toFixed(0)} ms`);
  const routes = Object.entries(ATTACKS)
    .map(([, body], i) => `router.get('/attack/${i}', async () => { try { ${body(site, elsewhere)} } catch (e) { return 'blocked: ' + e } })`)
    .join('\n');
  const loaded = await load(page, `${HEADER}${routes}\nexport default router`);
  expect(loaded.ok, JSON.stringify(loaded)).toBe(true);

  const outcomes: Record<string, string> = {};
  for (const [i, name] of Object.keys(ATTACKS).entries()) {
    const res = await get(page, `/attack/${i}`);
    outcomes[name] = res.ok ? res.response.body : `sandbox error: ${res.error.kind}`;
  }
  console.log('[sandbox e2e] attack outcomes:', JSON.stringify(outcomes, null, 2));
  await page.waitForTimeout(300); // let any stray network attempt arrive

  for (const [name, body] of Object.entries(outcomes)) {
    expect(body, name).not.toMatch(/site-|LEAKED/);
  }
  expect(outcomes['document.cookie']).toBe('no document');
  expect(outcomes.localStorage).toBe('no localStorage');
  expect(outcomes['fetch to the site']).toMatch(/^blocked/);
  expect(outcomes.importScripts).toMatch(/^blocked/);
  expect(outcomes['dynamic import (reader syntax)']).toMatch(/^blocked: ImportError/);
  expect(hits, 'requests that reached the server').toEqual([]);
  expect(await page.evaluate(() => (window as any).broadcastReceived)).toEqual([]);
  expect(page.url()).toBe(`${site}/`);
  expect(await page.evaluate(() => (window as any).restarts)).toEqual([]);
  // The site's own secrets are still there for the site.
  expect(await page.evaluate(() => localStorage.getItem('secret'))).toBe('site-local-storage');
  await stillAnswers(page);
});

test('while(true) is stopped within the budget; the previous code and the page survive', async ({ page }) => {
  await openPage(page); // the default budget, 1500 ms
  expect((await load(page, `${HEADER}router.get('/loop', () => { while (true) {} })\nexport default router`)).ok).toBe(true);
  const rt = await page.evaluate(async () => {
    const host = (window as any).host;
    const req = { method: 'GET', url: 'http://localhost:5000/', headers: [] };
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) await host.request(req, { config: (window as any).CONFIG, now: 0 });
    return (performance.now() - t0) / 100;
  });
  console.log(`[sandbox e2e] round trip (GET /, 100 calls): ${rt.toFixed(2)} ms`);

  const { result, elapsed, worstFrameGap, restartMs } = await page.evaluate(async () => {
    const w = window as any;
    const stop = w.watchFrames();
    const t0 = performance.now();
    const result = await w.host.request({ method: 'GET', url: 'http://localhost:5000/loop', headers: [] }, { config: (window as any).CONFIG, now: 0 });
    const elapsed = performance.now() - t0;
    const t1 = performance.now();
    await w.host.request({ method: 'GET', url: 'http://localhost:5000/', headers: [] }, { config: (window as any).CONFIG, now: 0 });
    const restartMs = performance.now() - t1;
    return { result, elapsed, worstFrameGap: stop(), restartMs };
  });
  console.log(`[sandbox e2e] loop stopped after ${elapsed.toFixed(0)} ms; next answer after restart ${restartMs.toFixed(0)} ms; worst frame gap ${worstFrameGap.toFixed(0)} ms`);
  expect(result).toMatchObject({ ok: false, error: { kind: 'timeout', method: 'GET', path: '/loop' } });
  expect(elapsed).toBeLessThan(2000);
  expect(await page.evaluate(() => (window as any).restarts)).toEqual(['timeout']);
  expect(await page.locator('iframe[data-session-lab-sandbox]').count()).toBe(1);
  await stillAnswers(page);
});

test('an endless loop while loading keeps the previous routes', async ({ page }) => {
  await openPage(page, 800);
  expect((await load(page, `${HEADER}export default router`)).ok).toBe(true);
  const out = await load(page, `${HEADER}while (true) {}\nexport default router`);
  expect(out).toMatchObject({ ok: false, error: { kind: 'timeout' } });
  await stillAnswers(page);
});

test('deep recursion is a 500, not a crash', async ({ page }) => {
  await openPage(page);
  const code = `${HEADER}const deep = (n: number): number => deep(n + 1) + 1\nrouter.get('/deep', () => String(deep(0)))\nexport default router`;
  expect((await load(page, code)).ok).toBe(true);
  const res = await get(page, '/deep');
  expect(res.ok).toBe(true);
  expect(res.response.status).toBe(500);
  expect(res.error.message).toMatch(/RangeError/);
  expect(res.error.line).toBe(5);
  await stillAnswers(page);
});

test('huge allocations fail without taking the page down', async ({ page }) => {
  // A budget long enough that the heap runs out first (about 4 GB, in 3 to 5 s on these machines):
  // the dead process is what this test is about (the budget's own stop is tested above). The page
  // learns of the death when the budget ends and the frame's relay does not answer either.
  await openPage(page, 15_000);
  // Chromium gives the sandboxed frame a process of its own: when the reader's worker runs out of
  // memory, that process dies and the page lives on. Playwright then marks the whole page as crashed
  // (it does so when any of the page's frames' processes dies) and refuses to evaluate in it, so
  // this test talks to the page through a DevTools session of its own, which reaches the page itself.
  const devtools = await page.context().newCDPSession(page);
  const inPage = async <T>(expression: string): Promise<T> => {
    const out = await devtools.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (out.exceptionDetails) throw new Error(out.exceptionDetails.exception?.description ?? out.exceptionDetails.text);
    return out.result.value as T;
  };
  type Reply = { ok: true; response: { status: number; body: string } } | { ok: false; error: { kind: string; message: string } };
  const request = (path: string) =>
    inPage<Reply>(`host.request({ method: 'GET', url: ${JSON.stringify(`http://localhost:5000${path}`)}, headers: [['Cookie', 'session=']] }, { config: ${JSON.stringify(CONFIG)}, now: 1_700_000_000 })`);
  const code = `${HEADER}
router.get('/big-array', () => String(new Array(2 ** 32).length))
router.get('/big-string', () => 'x'.repeat(2 ** 30).repeat(4).length)
router.get('/oom', () => { const keep: number[][] = []; for (;;) keep.push(new Array(1e6).fill(1.5)) })
export default router`;
  expect(await inPage<{ ok: boolean }>(`host.load(${JSON.stringify(code)})`)).toMatchObject({ ok: true });
  for (const path of ['/big-array', '/big-string']) {
    const res = await request(path);
    expect(res.ok && res.response.status, path).toBe(500);
  }
  const t0 = Date.now();
  const oom = await request('/oom');
  console.log(`[sandbox e2e] out-of-memory route: ${JSON.stringify(oom.ok ? oom.response.status : oom.error)} after ${Date.now() - t0} ms`);
  expect(oom).toMatchObject({ ok: false, error: { kind: 'crash', path: '/oom', message: expect.stringMatching(/stopped answering: its process died/) } });
  // The page still answers, from a fresh sandbox if the old one died.
  expect(await inPage<number>('6 * 7')).toBe(42);
  expect(await request('/')).toMatchObject({ ok: true, response: { body: 'alive' } });
  await devtools.detach();
});

test('a frame that dies is reported as a crash and rebuilt', async ({ page }) => {
  await openPage(page, 500);
  expect((await load(page, `${HEADER}export default router`)).ok).toBe(true);
  // What an out-of-memory crash of the sandbox process looks like from the page: the frame stops answering.
  await page.evaluate(() => {
    const f = document.querySelector('iframe[data-session-lab-sandbox]') as HTMLIFrameElement;
    f.srcdoc = '<p>gone</p>';
  });
  await page.waitForTimeout(300); // the old document, its relay and its worker are gone
  const res = await get(page, '/');
  expect(res).toMatchObject({ ok: false, error: { kind: 'crash', path: '/' } });
  // The caller hears first; the notice comes once the new frame runs the code again.
  await expect.poll(() => page.evaluate(() => (window as any).restarts)).toEqual(['crash']);
  await stillAnswers(page);
});

test('forged window messages are ignored', async ({ page }) => {
  await openPage(page);
  expect((await load(page, `${HEADER}router.get('/slow', async () => { await new Promise((r) => setTimeout(r, 300)); return 'real answer' })\nexport default router`)).ok).toBe(true);
  const res = await page.evaluate(async (forger) => {
    const w = window as any;
    const pending = w.host.request({ method: 'GET', url: 'http://localhost:5000/slow', headers: [] }, { config: (window as any).CONFIG, now: 0 });
    // From the page itself and from a cross-origin frame, while a request is in flight.
    window.postMessage({ type: 'worker-error', message: 'forged' }, '*');
    const f = document.createElement('iframe');
    const done = new Promise<void>((r) => addEventListener('message', (e) => e.data === 'forged-done' && r()));
    f.src = forger;
    document.body.appendChild(f);
    await done;
    return pending;
  }, `${elsewhere}/forger.html`);
  expect(res.ok).toBe(true);
  expect(res.response.body).toBe('real answer');
  expect(await page.evaluate(() => (window as any).restarts)).toEqual([]);
  await stillAnswers(page);
});

test('reader errors come back with reader lines, and cookies cross the sandbox both ways', async ({ page }) => {
  await openPage(page);
  const bad = await load(page, `${HEADER}import x from 'node:fs'\nexport default router`);
  expect(bad).toMatchObject({ ok: false, error: { kind: 'import', line: 5 } });
  const code = `${HEADER}router.get('/echo', (req) => new Response(req.headers.get('cookie'), { headers: [['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']] }))
router.get('/boom', () => { throw new Error('kaput') })
router.get('/login', ({ session }) => { session['user'] = 'ana'; return 'ok' })
export default router`;
  expect((await load(page, code)).ok).toBe(true);
  const login = await get(page, '/login');
  // The engine's Set-Cookie survives Chromium's Response guard (see runtime/web-shims.ts).
  expect(login.response.headers.find(([n]: string[]) => n === 'set-cookie')?.[1]).toMatch(/^session=[\w.-]+; HttpOnly; Path=\//);
  expect(login.trace).toMatchObject({ action: 'set' });
  const echo = await get(page, '/echo');
  expect(echo.response.body).toBe('session=');
  expect(echo.response.headers.filter(([n]: string[]) => n === 'set-cookie').map(([, v]: string[]) => v)).toEqual(['a=1', 'b=2']);
  const boom = await get(page, '/boom');
  expect(boom.response.status).toBe(500);
  expect(boom.error).toMatchObject({ message: 'Error: kaput', line: 6 });
  expect(boom.response.body).toContain('throw new Error(&#39;kaput&#39;)');
});

test('dispose rejects queued calls and removes the frame', async ({ page }) => {
  await openPage(page);
  const out = await page.evaluate(async () => {
    const w = window as any;
    const a = w.host.load('export default 1').then(() => 'settled', (e: Error) => e.name);
    const b = w.host.request({ method: 'GET', url: 'http://localhost:5000/', headers: [] }, { config: (window as any).CONFIG, now: 0 }).then(
      () => 'settled',
      (e: Error) => e.name,
    );
    w.host.dispose();
    return [await a, await b, document.querySelectorAll('iframe').length];
  });
  expect(out[1]).toBe('SandboxDisposedError');
  expect(out[2]).toBe(0);
});

test.describe('the sandbox started from the head', () => {
  const frames = (page: Page) => page.locator('iframe[data-session-lab-sandbox]');

  test('is adopted as it is: no second frame, and it runs code like any other', async ({ page }) => {
    await page.goto(`${site}/early`);
    expect(await page.evaluate(() => (window as any).findEarlyFrame())).toBe(true);
    await page.evaluate(() => (window as any).makeHost(1500, true).ready());
    await expect(frames(page)).toHaveCount(1);
    await expect(frames(page)).toHaveAttribute('data-session-lab-sandbox', 'in-use');
    expect((await load(page, `${HEADER}export default router`)).ok).toBe(true);
    await stillAnswers(page);
    // Taken: nobody else can adopt it.
    expect(await page.evaluate(() => (window as any).findEarlyFrame())).toBe(false);
  });

  test('is not adopted once anything about it changed (here: allow-same-origin added)', async ({ page }) => {
    await page.goto(`${site}/early`);
    await page.evaluate(() => document.querySelector('iframe[data-session-lab-sandbox]')!.setAttribute('sandbox', 'allow-scripts allow-same-origin'));
    expect(await page.evaluate(() => (window as any).findEarlyFrame())).toBe(false);
    await page.evaluate(() => (window as any).makeHost(1500, true).ready());
    // The host made its own frame, with the real attributes.
    await expect(frames(page).and(page.locator('[sandbox="allow-scripts"]'))).toHaveCount(1);
    expect((await load(page, `${HEADER}export default router`)).ok).toBe(true);
    await stillAnswers(page);
  });

  test('that could not fetch the runtime is replaced by a fresh start, without a word to the caller', async ({ page }) => {
    await page.goto(`${site}/early-missing`);
    await page.evaluate(() => (window as any).makeHost(1500, true).ready());
    await expect(frames(page)).toHaveCount(1);
    expect((await load(page, `${HEADER}export default router`)).ok).toBe(true);
    await stillAnswers(page);
  });
});

/**
 * Code that keeps running after it answered, or that reaches for the page's port: each must be
 * stopped without a reload, the page must keep answering, and nothing may come back on its own.
 */
test.describe('hostile code between calls and across loads', () => {
  /** What the page would load on Reset: the example, as the fallback. */
  const EXAMPLE = `${HEADER}export default router`;
  const notices = (page: Page) => page.evaluate(() => (window as any).notices as { why: string; during: string; running: string; routes: unknown[]; message: string }[]);

  async function openWithFallback(page: Page, timeoutMs = 1500) {
    await openPage(page, timeoutMs);
    await page.evaluate((code) => (window as any).host.setFallback({ code }), EXAMPLE);
  }

  /** The reader's fix, then Reset: both answer, in the same visit, with one frame on the page. */
  async function fixAndReset(page: Page) {
    const fixed = await load(page, `${HEADER}router.get('/fixed', () => 'fixed')\nexport default router`);
    expect(fixed.ok, JSON.stringify(fixed)).toBe(true);
    expect((await get(page, '/fixed')).response?.body).toBe('fixed');
    expect((await load(page, EXAMPLE)).ok).toBe(true);
    await stillAnswers(page);
    await expect(page.locator('iframe[data-session-lab-sandbox]')).toHaveCount(1);
  }

  /** After the first notice, nothing more happens by itself: no re-armed loop, no restart cycle. */
  async function staysQuiet(page: Page, count: number) {
    await page.waitForTimeout(3500); // two watch periods and a budget
    expect((await notices(page)).length).toBe(count);
  }

  for (const [name, body] of [
    ['a loop armed from a timer', `setTimeout(() => { for (;;) {} }, 0)`],
    ['self.close()', `setTimeout(() => (self as any).close(), 0)`],
    [
      'Atomics.wait',
      `const sab = typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(4) : new (WebAssembly as any).Memory({ initial: 1, maximum: 1, shared: true }).buffer
      setTimeout(() => Atomics.wait(new Int32Array(sab), 0, 0), 0)`,
    ],
  ] as const) {
    test(`${name} in a route is stopped between calls; the example answers, never the armed code again`, async ({ page }) => {
      await openWithFallback(page);
      expect((await load(page, `${HEADER}router.get('/arm', () => { ${body}; return 'armed' })\nexport default router`)).ok).toBe(true);
      const armed = await get(page, '/arm');
      // The timer may fire before the reply leaves: then the request itself runs out of time.
      expect(armed.ok ? armed.response.body : armed.error.kind).toMatch(/^(armed|timeout|crash)$/);
      await expect.poll(() => notices(page), { timeout: 8000 }).toContainEqual(expect.objectContaining({ during: armed.ok ? 'idle' : 'request' }));
      if (armed.ok) expect((await notices(page))[0]).toMatchObject({ running: 'fallback', routes: [{ method: 'GET', path: '/' }] });
      await stillAnswers(page);
      await staysQuiet(page, (await notices(page)).length);
      await fixAndReset(page);
    });
  }

  test('a loop armed when the module loads (a share link would load it first) falls back to the example once', async ({ page }) => {
    await openWithFallback(page);
    const out = await load(page, `${HEADER}setTimeout(() => { for (;;) {} }, 0)\nexport default router`);
    // It may load and loop after, or loop before the reply: either way it is not run again.
    await expect.poll(() => notices(page), { timeout: 8000 }).toHaveLength(1);
    expect((await notices(page))[0]).toMatchObject({ running: 'fallback', during: out.ok ? 'idle' : 'load' });
    expect((await notices(page))[0].message).toMatch(/example's code answers meanwhile/);
    await stillAnswers(page);
    await staysQuiet(page, 1);
    await fixAndReset(page);
  });

  test('a load that loops with nothing to fall back on leaves an empty server, not a loop', async ({ page }) => {
    await openPage(page, 800);
    const out = await load(page, `${HEADER}while (true) {}\nexport default router`);
    expect(out).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    await expect.poll(() => notices(page)).toEqual([expect.objectContaining({ running: 'none', during: 'load', routes: [] })]);
    const empty = await get(page, '/');
    expect(empty.ok && empty.response.status).toBe(503);
    await staysQuiet(page, 1);
    expect((await load(page, EXAMPLE)).ok).toBe(true);
    await stillAnswers(page);
  });

  test('replaced Response, prototypes and globals do not survive into the fixed code or Reset', async ({ page }) => {
    await openWithFallback(page);
    const hostile = `${HEADER}
const Real = Response
;(globalThis as any).Response = class extends Real { constructor(_b: unknown, init?: ResponseInit) { super('pwned', init) } }
;(Object.prototype as any).polluted = 'yes'
router.get('/who', () => new Response('me'))
router.get('/break', () => {
  ;(Array.prototype as any).map = function () { return ['pwned'] }
  ;(globalThis as any).JSON.stringify = () => '"pwned"'
  return 'broken'
})
export default router`;
    expect((await load(page, hostile)).ok).toBe(true);
    // Its own answers are its business...
    expect((await get(page, '/who')).response.body).toBe('pwned');
    const broke = await get(page, '/break');
    expect(broke.ok ? broke.response.body : broke.error.kind).toMatch(/broken|protocol/);
    // ...but the next load starts clean.
    const clean = `${HEADER}router.get('/check', () => JSON.stringify({ polluted: ({} as any).polluted ?? null, map: [1].map((x) => x + 1), same: new Response('x') instanceof Response }))\nexport default router`;
    expect((await load(page, clean)).ok).toBe(true);
    expect(JSON.parse((await get(page, '/check')).response.body)).toEqual({ polluted: null, map: [2], same: true });
    await fixAndReset(page);
  });

  test('no reader code can reach the port; a 10 MB flood gets the frame rebuilt and the page keeps answering', async ({ page }) => {
    await openWithFallback(page);
    const flood = `${HEADER}
const stolen: unknown[] = []
const realPost = MessagePort.prototype.postMessage
MessagePort.prototype.postMessage = function (this: MessagePort, ...args: unknown[]) { stolen.push(this); return (realPost as any).apply(this, args) }
const selfPost = (self as any).postMessage.bind(self)
;(self as any).postMessage = (m: unknown) => { stolen.push('self'); selfPost(m) }
router.get('/stolen', () => JSON.stringify(stolen.length))
router.get('/flood', () => {
  const big = 'x'.repeat(10 * 1024 * 1024)
  for (let i = 0; i < 20; i++) selfPost(big)
  return 'flooded'
})
export default router`;
    expect((await load(page, flood)).ok).toBe(true);
    // Serving a request used no MessagePort the reader's code could wrap.
    expect((await get(page, '/stolen')).response.body).toBe('0');
    const { result, worstFrameGap, afterMs } = await page.evaluate(async (config) => {
      const w = window as any;
      const stop = w.watchFrames();
      const result = await w.host.request({ method: 'GET', url: 'http://localhost:5000/flood', headers: [] }, { config, now: 0 });
      const t0 = performance.now();
      await w.host.request({ method: 'GET', url: 'http://localhost:5000/', headers: [] }, { config, now: 0 });
      return { result, worstFrameGap: stop(), afterMs: performance.now() - t0 };
    }, CONFIG);
    console.log(`[sandbox e2e] 10 MB flood: ${JSON.stringify(result.ok ? 'answered' : result.error.kind)}; next answer ${afterMs.toFixed(0)} ms later; worst frame gap ${worstFrameGap.toFixed(0)} ms`);
    expect(result).toMatchObject({ ok: false, error: { kind: 'protocol', path: '/flood' } });
    await expect.poll(() => notices(page)).toEqual([expect.objectContaining({ why: 'protocol', during: 'request', running: 'same' })]);
    await stillAnswers(page);
    await fixAndReset(page);
  });

  test('a flood from a timer, while nothing is asked, is stopped at once and not run again', async ({ page }) => {
    await openWithFallback(page);
    const code = `${HEADER}setTimeout(() => { const big = 'x'.repeat(10 * 1024 * 1024); for (;;) (self as any).postMessage(big) }, 50)\nexport default router`;
    expect((await load(page, code)).ok).toBe(true);
    await expect.poll(() => notices(page), { timeout: 8000 }).toEqual([expect.objectContaining({ why: 'protocol', during: 'idle', running: 'fallback' })]);
    await stillAnswers(page);
    await staysQuiet(page, 1);
    await fixAndReset(page);
  });
});
