/**
 * Embeds as a course author uses them, on a course page served from another origin
 * (fixtures/embed-host-server.ts):
 *
 * - a page with /embed.js and three placeholders (Spanish counter in light, English cart in dark, one
 *   from a <div>, one from a link, and an author's own code as the Embed dialog's snippet gives it):
 *   each runs, the iframe follows its content as it grows and shrinks, and the page gets the
 *   documented events (ready, response, checks, completed) and the commands work (request,
 *   set-code, reset; on the author's embed, reset brings the author's code back);
 * - a page with a bare iframe, as an LMS leaves it without scripts: usable at its fixed height, and
 *   it hears `lti.frameResize`;
 * - hostile messages (malformed, unknown, from a frame that is not the parent, forged resizes) change
 *   nothing.
 *
 * Screenshots of both host pages at 1280 and 375 px go to the test's output folder.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Frame, Page } from '@playwright/test';
import { serveHostPages } from './fixtures/embed-host-server.ts';
import { clickInFrame } from './fixtures/frame-settled.ts';
import type { HostServer } from './fixtures/embed-host-server.ts';

const port = Number(process.env.E2E_PORT ?? 4321);
const SITE = `http://localhost:${port}`;
const example = (id: string, file: string) => readFileSync(new URL(`../../content/examples/${id}/${file}`, import.meta.url), 'utf8');

const EMBEDS = {
  es: {
    title: 'Contador (es)',
    id: 'counter',
    start: example('counter', 'routes.ts'),
    solution: example('counter', 'solution.ts'),
    startPath: '/',
    loaded: '✓ 2 rutas cargadas',
    send: 'Enviar',
    run: 'Comprobar',
    tools: 'Herramientas',
    noResponse: 'Envía una petición',
    checks: 3,
  },
  en: {
    title: 'Cart (en)',
    id: 'cart',
    start: example('cart', 'routes.en.ts'),
    solution: example('cart', 'solution.en.ts'),
    startPath: '/agregar/pizza',
    loaded: '✓ 3 routes loaded',
    send: 'Send',
    run: 'Run the checks',
    tools: 'Tools',
    noResponse: 'Send a request',
    checks: 3,
  },
} as const;
type Embed = (typeof EMBEDS)[keyof typeof EMBEDS];

/**
 * An author's own code (the counter plus a greeting). Its snippet is taken from the Embed dialog of
 * the full playground before the tests, as an author takes it (see beforeAll).
 */
const OWN = {
  code: EMBEDS.es.start.replace('export default router', "router.get('/hola', () => 'Hola desde el curso')\n\nexport default router"),
  title: 'Session Lab: Nuestro contador',
  loaded: '✓ 3 rutas cargadas',
  goal: 'Saluda en /hola sin tocar el contador.',
  snippet: '',
};


interface HostEvent {
  frame: string;
  type: string;
  [key: string]: unknown;
}

// What a course page records: DOM events from /embed.js, and every raw message (as an LMS sees them).
const RECORDER = `<script>
  window.events = [];
  window.raw = [];
  document.addEventListener('session-lab', function (e) { window.events.push(Object.assign({ frame: e.target.title }, e.detail)); });
  addEventListener('message', function (e) { window.raw.push({ origin: e.origin, data: e.data }); });
</script>`;

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:64rem;margin:0 auto;padding:1rem;background:#fdfdf8;color:#222}</style>
${RECORDER}
</head><body>${body}</body></html>`;

const withScript = () => page(
  'Course page with embed.js',
  `<h1>Sessions in Flask — week 3</h1>
<p>Try the counter first, then fix the cart.</p>
<div data-session-lab="counter" data-theme="light" data-editor="plain" data-title="${EMBEDS.es.title}"></div>
<p>Now the cart, in English and in the dark theme.</p>
<a data-session-lab data-theme="dark" data-title="${EMBEDS.en.title}" href="${SITE}/en/embed/cart/">The cart that loses products</a>
<p>And our own counter, with a greeting.</p>
${OWN.snippet}
<p>End of the lesson.</p>
<iframe name="rogue" title="Another widget" srcdoc="<p>another widget on the course page</p>" style="height:3rem;border:0"></iframe>
<script src="${SITE}/embed.js"></script>`,
);

const NO_SCRIPT = page(
  'Course page without scripts',
  `<h1>Sessions in Flask — week 3</h1>
<p>The platform removed every script from this page; the embed keeps its fixed height.</p>
<iframe src="${SITE}/embed/counter/?theme=light" title="Contador" style="display:block;width:100%;max-width:800px;height:720px;border:0;outline:1px solid #ccc"></iframe>`,
);

let host: HostServer;
test.beforeAll(async ({ browser }) => {
  const author = await browser.newPage();
  await author.goto(`${SITE}/playground/?example=counter&editor=plain`);
  const area = author.locator('.slp-editor textarea');
  await expect(area).toBeVisible({ timeout: 20_000 });
  await area.fill(OWN.code);
  await author.getByRole('button', { name: 'Insertar', exact: true }).click();
  const dialog = author.locator('.slp-drawer:has(.slp-snippet)');
  await dialog.locator('[data-field="title"]').fill('Nuestro contador');
  await dialog.locator('[data-field="goal"]').fill(OWN.goal);
  await expect(dialog.locator('[data-snippet="html"]')).toHaveValue(/Nuestro\+contador|Nuestro%20contador|Nuestro contador/);
  // The placeholder line; the page below includes /embed.js once for all three.
  OWN.snippet = (await dialog.locator('[data-snippet="html"]').inputValue()).split('\n')[0];
  expect(OWN.snippet).toMatch(/^<a data-session-lab href="[^"]*#state=/);
  await author.close();
  host = await serveHostPages({ '/with-script.html': withScript(), '/no-script.html': NO_SCRIPT });
});
test.afterAll(async () => {
  await host.close();
});

const events = (p: Page, frame: string, type: string) =>
  p.evaluate(({ frame, type }) => (window as unknown as { events: HostEvent[] }).events.filter((e) => e.frame === frame && e.type === type), { frame, type });

/** What the helpers need of an embed on the course page. */
type OnPage = { title: string; loaded: string };

async function embedFrame(p: Page, e: OnPage): Promise<Frame> {
  const el = p.locator(`iframe[title="${e.title}"]`);
  await el.scrollIntoViewIfNeeded();
  const frame = await (await el.elementHandle())!.contentFrame();
  await expect(frame!.getByText(e.loaded)).toBeVisible({ timeout: 20_000 });
  return frame!;
}

/** The iframe's height on the course page, and its document's height inside. */
async function heights(p: Page, e: OnPage, frame: Frame): Promise<{ outer: number; inner: number }> {
  const outer = await p.locator(`iframe[title="${e.title}"]`).evaluate((f) => f.getBoundingClientRect().height);
  const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  return { outer, inner };
}

/** Waits until the course page has sized the iframe to its content, and returns that height. */
async function fitted(p: Page, e: OnPage, frame: Frame): Promise<number> {
  await expect.poll(async () => {
    const h = await heights(p, e, frame);
    return Math.abs(h.outer - h.inner);
  }, { timeout: 10_000 }).toBeLessThanOrEqual(1);
  return (await heights(p, e, frame)).outer;
}

const send = (p: Page, e: OnPage, command: Record<string, unknown>) =>
  p.evaluate(({ title, command }) => {
    const w = window as unknown as { SessionLab: { send(f: HTMLIFrameElement, c: unknown): void } };
    w.SessionLab.send(document.querySelector<HTMLIFrameElement>(`iframe[title="${title}"]`)!, command);
  }, { title: e.title, command });

const codeShown = (frame: Frame) =>
  frame.evaluate(() => {
    const area = document.querySelector<HTMLTextAreaElement>('.slp-editor textarea');
    return area ? area.value : (document.querySelector('.slp-editor pre')?.textContent ?? '');
  });

/**
 * A full-page screenshot leaves cross-origin frames outside the viewport blank (they are painted by
 * another process): make the viewport as tall as the page instead, then shoot.
 */
async function shootWholePage(p: Page, path: string): Promise<void> {
  const width = p.viewportSize()!.width;
  const height = await p.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
  await p.setViewportSize({ width, height });
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await p.screenshot({ path });
}

test.describe('embeds on a course page with /embed.js', () => {
  for (const e of Object.values(EMBEDS)) {
    test(`${e.title}: runs, resizes both ways, reports progress and obeys the host`, async ({ page: p }) => {
      await p.setViewportSize({ width: 1280, height: 900 });
      await p.goto(`${host.origin}/with-script.html`);
      const frame = await embedFrame(p, e);
      await expect.poll(() => events(p, e.title, 'ready')).toEqual([{ frame: e.title, type: 'ready', source: 'session-lab', version: 1, example: e.id, lang: e === EMBEDS.en ? 'en' : 'es' }]);
      const start = await fitted(p, e, frame);

      // The reader sends a request: the host hears it, the frame grows with the response.
      const iframe = p.locator(`iframe[title="${e.title}"]`);
      await clickInFrame(iframe, frame.getByRole('button', { name: e.send, exact: true }));
      await expect.poll(() => events(p, e.title, 'response')).toHaveLength(1);
      expect((await events(p, e.title, 'response'))[0]).toMatchObject({ user: 'Ana', method: 'GET', path: e.startPath, status: 200, example: e.id });
      const withResponse = await fitted(p, e, frame);
      expect(withResponse).toBeGreaterThan(start);

      // Opening and closing a folded panel: it grows, then shrinks back.
      const tools = frame.locator('summary', { hasText: e.tools });
      await clickInFrame(iframe, tools);
      await expect.poll(() => fitted(p, e, frame)).toBeGreaterThan(withResponse);
      await clickInFrame(iframe, tools);
      await expect.poll(() => fitted(p, e, frame)).toBe(withResponse);

      // The host sends a request as Bruno.
      await send(p, e, { type: 'request', path: e.startPath, user: 'Bruno' });
      await expect.poll(() => events(p, e.title, 'response')).toHaveLength(2);
      expect((await events(p, e.title, 'response'))[1]).toMatchObject({ user: 'Bruno', path: e.startPath, status: 200 });

      // Checks on the starting code fail: a tally, no completion.
      await clickInFrame(iframe, frame.getByRole('button', { name: e.run, exact: true }));
      await expect.poll(() => events(p, e.title, 'checks')).toHaveLength(1);
      expect((await events(p, e.title, 'checks'))[0]).toMatchObject({ passed: 0, total: e.checks });

      // The host puts the solution in: the code on show follows, and the checks pass.
      await send(p, e, { type: 'set-code', code: e.solution });
      await expect.poll(() => codeShown(frame)).toBe(e.solution);
      await expect(frame.getByText(e.loaded)).toBeVisible();
      await clickInFrame(iframe, frame.getByRole('button', { name: e.run, exact: true }));
      await expect.poll(() => events(p, e.title, 'checks')).toHaveLength(2);
      expect((await events(p, e.title, 'checks'))[1]).toMatchObject({ passed: e.checks, total: e.checks });
      await expect.poll(() => events(p, e.title, 'completed')).toHaveLength(1);
      const raw = await p.evaluate(() => (window as unknown as { raw: { origin: string; data: unknown }[] }).raw);
      expect(raw).toContainEqual({ origin: SITE, data: { action: 'complete' } });
      expect(raw.some((m) => m.origin === SITE && (m.data as { action?: string }).action === 'resize')).toBe(true);
      expect(await events(p, e.title, 'rejected')).toEqual([]);

      // Reset from the host: the starting code again, no response, a shorter frame.
      const before = await fitted(p, e, frame);
      await send(p, e, { type: 'reset' });
      await expect.poll(() => codeShown(frame)).toBe(e.start);
      await expect(frame.getByText(e.noResponse)).toBeVisible();
      await expect.poll(() => fitted(p, e, frame)).toBeLessThan(before);
    });
  }

  test("an author's own code beside them: runs, resizes both ways, reports its responses, and the host's reset brings the author's code back", async ({ page: p }) => {
    await p.setViewportSize({ width: 1280, height: 900 });
    await p.goto(`${host.origin}/with-script.html`);
    const frame = await embedFrame(p, OWN);
    const iframe = p.locator(`iframe[title="${OWN.title}"]`);
    await expect.poll(() => events(p, OWN.title, 'ready')).toEqual([{ frame: OWN.title, type: 'ready', source: 'session-lab', version: 1, example: 'counter', lang: 'es' }]);
    expect(await codeShown(frame)).toBe(OWN.code);
    // The author's goal takes the place of the example's exercise.
    await expect(frame.locator('.slp-exercise')).toBeHidden();
    await expect(frame.locator('.slp-embed-own-goal')).toContainText(OWN.goal);
    const start = await fitted(p, OWN, frame);

    await frame.getByRole('textbox', { name: 'Ruta', exact: true }).fill('/hola');
    await clickInFrame(iframe, frame.getByRole('button', { name: 'Enviar', exact: true }));
    await expect.poll(() => events(p, OWN.title, 'response')).toHaveLength(1);
    expect((await events(p, OWN.title, 'response'))[0]).toMatchObject({ user: 'Ana', method: 'GET', path: '/hola', status: 200, example: 'counter' });
    await expect(frame.getByRole('region', { name: 'Respuesta' })).toContainText('Hola desde el curso');
    const withResponse = await fitted(p, OWN, frame);
    expect(withResponse).toBeGreaterThan(start);

    // The reader's edit, then the host's reset: the author's code again (not the counter as shipped).
    const edited = `${OWN.code}\n// the reader was here\n`;
    await send(p, OWN, { type: 'set-code', code: edited });
    await expect.poll(() => codeShown(frame)).toBe(edited);
    await send(p, OWN, { type: 'reset' });
    await expect.poll(() => codeShown(frame)).toBe(OWN.code);
    await expect(frame.getByText(EMBEDS.es.noResponse)).toBeVisible();
    await expect.poll(() => fitted(p, OWN, frame)).toBeLessThan(withResponse);
    expect(await events(p, OWN.title, 'rejected')).toEqual([]);
  });

  test('hostile messages change nothing', async ({ page: p }) => {
    const e = EMBEDS.es;
    await p.goto(`${host.origin}/with-script.html`);
    const frame = await embedFrame(p, e);
    await fitted(p, e, frame);
    const height = (await heights(p, e, frame)).outer;

    // From the parent, through the documented channel: each refused, with a reason.
    const bad: Record<string, unknown>[] = [
      { type: 'set-code', code: 42 },
      { type: 'eval', code: 'parent.document.body.remove()' },
      { type: 'request', path: '//evil.example/' },
      { type: 'request', path: '/', method: 'CONNECT' },
      { type: 'request', path: '/\u0000' },
      { type: 'set-code', code: 'x'.repeat(100_001) },
      { type: 'reset', version: 2 },
    ];
    for (const command of bad) await send(p, e, command);
    // An own __proto__ key (JSON.parse makes one) must not slip a reset through.
    await p.evaluate((title) => {
      const f = document.querySelector<HTMLIFrameElement>(`iframe[title="${title}"]`)!;
      f.contentWindow!.postMessage(JSON.parse('{"source":"session-lab","version":1,"type":"reset","__proto__":{"type":"reset"}}'), '*');
    }, e.title);
    await expect.poll(async () => (await events(p, e.title, 'rejected')).length).toBe(bad.length + 1);
    const reasons = (await events(p, e.title, 'rejected')).map((r) => r.reason);
    expect(reasons).toContain('unknown type');
    expect(reasons).toContain('path must start with a single "/"');

    // From another frame on the course page (not the embed's parent): ignored without a word.
    const rogue = p.frame({ name: 'rogue' })!;
    await rogue.evaluate((title) => {
      const target = parent.document.querySelector<HTMLIFrameElement>(`iframe[title="${title}"]`)!.contentWindow!;
      target.postMessage({ source: 'session-lab', version: 1, type: 'set-code', code: 'export default 1' }, '*');
      target.postMessage({ source: 'session-lab', version: 1, type: 'request', path: '/' }, '*');
      // A forged resize to the course page: /embed.js only believes our site's frames.
      parent.postMessage({ source: 'session-lab', version: 1, type: 'resize', height: 5 }, '*');
    }, e.title);
    // The embed still answers its parent, and its code, timeline and size are as they were.
    await send(p, e, { type: 'request', path: '/' });
    await expect.poll(() => events(p, e.title, 'response')).toHaveLength(1);
    expect(await codeShown(frame)).toBe(e.start);
    expect(await events(p, e.title, 'rejected')).toHaveLength(bad.length + 1);
    expect((await heights(p, e, frame)).outer).toBeGreaterThanOrEqual(height);
    expect(await p.locator('h1').textContent()).toContain('week 3');
  });

  for (const width of [1280, 375]) {
    test(`screenshot at ${width} px`, async ({ page: p }, info) => {
      await p.setViewportSize({ width, height: 900 });
      await p.goto(`${host.origin}/with-script.html`);
      for (const e of Object.values(EMBEDS)) await fitted(p, e, await embedFrame(p, e));
      await shootWholePage(p, info.outputPath(`with-script-${width}.png`));
    });
  }
});

test.describe('an embed on a course page without scripts', () => {
  for (const width of [1280, 375]) {
    test(`usable at its fixed height (${width} px), and it asks for lti.frameResize`, async ({ page: p }, info) => {
      await p.setViewportSize({ width, height: 900 });
      await p.goto(`${host.origin}/no-script.html`);
      const el = p.locator('iframe[title="Contador"]');
      const frame = (await (await el.elementHandle())!.contentFrame())!;
      await expect(frame.getByText(EMBEDS.es.loaded)).toBeVisible({ timeout: 20_000 });

      const raw = () => p.evaluate(() => (window as unknown as { raw: { origin: string; data: { subject?: string; height?: number } }[] }).raw);
      await expect.poll(async () => (await raw()).some((m) => m.origin === SITE && m.data.subject === 'lti.frameResize' && (m.data.height ?? 0) > 300)).toBe(true);
      const box = (await el.boundingBox())!;
      expect(box.height).toBeCloseTo(720, 0);

      // The code and the request bar are in view without scrolling inside the frame (desktop width).
      const sendButton = frame.getByRole('button', { name: EMBEDS.es.send, exact: true });
      if (width >= 800) {
        for (const part of [frame.locator('.slp-editor'), sendButton]) {
          const b = (await part.boundingBox())!;
          expect(b.y + b.height).toBeLessThanOrEqual(box.y + box.height);
        }
      }
      await clickInFrame(el, sendButton);
      await expect(frame.getByRole('region', { name: 'Respuesta' })).toContainText('Visitas: 0');
      await shootWholePage(p, info.outputPath(`no-script-${width}.png`));
    });
  }
});

test.describe('the embed page without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('shows the exercise and the code, in the theme of the path or of the system', async ({ page: p }) => {
    const background = () => p.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await p.goto('/embed/counter/light/');
    await expect(p.getByText('Objetivo:')).toBeVisible();
    await expect(p.locator('.slp-embed-static-goal')).toContainText("session['visitas']");
    await expect(p.locator('.slp-embed-static-goal li')).toHaveCount(3);
    await expect(p.locator('.slp-static')).toContainText("session.get('visitas', 0)");
    expect(await background()).toBe('rgb(255, 255, 255)');
    await p.goto('/en/embed/counter/dark/');
    await expect(p.getByText('Goal:')).toBeVisible();
    expect(await background()).toBe('rgb(23, 24, 28)');

    // No theme in the path: the reader's system decides.
    await p.emulateMedia({ colorScheme: 'light' });
    await p.goto('/embed/counter/');
    expect(await background()).toBe('rgb(255, 255, 255)');
    await p.emulateMedia({ colorScheme: 'dark' });
    await p.goto('/embed/counter/');
    expect(await background()).toBe('rgb(23, 24, 28)');
  });
});

test.describe('the embed page and its parameters', () => {
  test('?lang= moves to the other language, keeping the other parameters', async ({ page: p }) => {
    await p.goto('/embed/counter/?lang=en&editor=plain');
    await expect(p).toHaveURL(/\/en\/embed\/counter\/\?editor=plain$/);
    await expect(p.getByText('✓ 2 routes loaded')).toBeVisible({ timeout: 20_000 });
    await expect(p.getByRole('heading', { name: 'Exercise: Visit counter' })).toBeVisible();
  });

  test('readonly, hide, open and height', async ({ page: p }) => {
    await p.goto('/embed/counter/?readonly=1&hide=tools,flask&open=clock&height=160');
    await expect(p.getByText('✓ 2 rutas cargadas')).toBeVisible({ timeout: 20_000 });
    await expect(p.getByRole('button', { name: 'Editar el código' })).toBeHidden();
    await expect(p.getByRole('tab', { name: 'Equivalente en Flask' })).toBeHidden();
    await expect(p.locator('summary', { hasText: 'Herramientas' })).toBeHidden();
    await expect(p.locator('details.slp-embed-clock')).toHaveAttribute('open', '');
    await expect(p.locator('details.slp-embed-timeline')).not.toHaveAttribute('open', '');
    const codeBox = await p.locator('.slp-editor pre').boundingBox();
    expect(codeBox!.height).toBeLessThanOrEqual(161);
    // Read-only still runs: requests work.
    await p.getByRole('button', { name: 'Enviar', exact: true }).click();
    await expect(p.getByRole('region', { name: 'Respuesta' })).toContainText('Visitas: 0');
  });

  test('compact: about 900 px tall at 800 px wide, and no sideways scroll at 375 px', async ({ page: p }) => {
    for (const path of ['/embed/counter/', '/en/embed/cart/']) {
      await p.setViewportSize({ width: 800, height: 900 });
      await p.goto(path);
      await expect(p.locator('.slp-status')).toHaveText(/✓/, { timeout: 20_000 });
      const height = await p.evaluate(() => document.documentElement.getBoundingClientRect().height);
      expect(height, path).toBeLessThanOrEqual(950);
      // Goal first, then the code, then the request bar.
      const top = async (sel: string) => (await p.locator(sel).first().boundingBox())!.y;
      expect(await top('.slp-exercise')).toBeLessThan(await top('.slp-editor'));
      expect(await top('.slp-editor')).toBeLessThan(await top('.slp-request'));
      expect(await top('.slp-request')).toBeLessThan(await top('.slp-response'));
      expect(await top('.slp-response')).toBeLessThan(await top('.slp-jar'));

      await p.setViewportSize({ width: 375, height: 800 });
      await p.goto(path);
      await expect(p.locator('.slp-status')).toHaveText(/✓/, { timeout: 20_000 });
      expect(await p.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
    }
  });

  test('a plain editor refuses typing when read-only', async ({ page: p }) => {
    await p.goto('/embed/counter/?readonly=1&editor=plain');
    await expect(p.getByText('✓ 2 rutas cargadas')).toBeVisible({ timeout: 20_000 });
    const editor = p.locator('.slp-editor textarea');
    await expect(editor).toHaveJSProperty('readOnly', true);
  });

  test('printed: no controls, the whole code and the goal in dark ink on white', async ({ page: p }) => {
    await p.goto('/embed/counter/?theme=dark&editor=plain');
    await expect(p.getByText('✓ 2 rutas cargadas')).toBeVisible({ timeout: 20_000 });
    await p.emulateMedia({ media: 'print' });
    await expect(p.getByRole('button', { name: 'Enviar', exact: true })).toBeHidden();
    await expect(p.getByRole('button', { name: 'Comprobar', exact: true })).toBeHidden();
    await expect(p.locator('.slp-embed-more').first()).toBeHidden();
    const code = p.locator('.slp-print-code');
    await expect(code).toBeVisible();
    await expect(code).toContainText("router.get('/reiniciar'");
    await expect(p.locator('.slp-editor')).toBeHidden();
    const colours = await p.evaluate(() => {
      const goal = document.querySelector('.slp-exercise p')!;
      return { body: getComputedStyle(document.body).backgroundColor, goal: getComputedStyle(goal).color, code: getComputedStyle(document.querySelector('.slp-print-code')!).backgroundColor };
    });
    expect(colours).toEqual({ body: 'rgb(255, 255, 255)', goal: 'rgb(0, 0, 0)', code: 'rgb(255, 255, 255)' });
  });

  for (const editor of ['plain', 'monaco'] as const) {
    test(`a printed lesson drops the site chrome and the playground controls, and prints the whole code (${editor} editor)`, async ({ page: p }) => {
      await p.goto(editor === 'plain' ? '/guide/session/?editor=plain' : '/guide/session/');
      const playground = p.locator('.session-lab-playground').first();
      await playground.scrollIntoViewIfNeeded();
      await expect(playground.getByRole('button', { name: 'Enviar', exact: true })).toBeVisible({ timeout: 20_000 });
      if (editor === 'plain') {
        // As if the reader had dragged the editor small: paper must still get every line.
        await playground.locator('textarea.slp-plain-editor').evaluate((a) => { (a as HTMLElement).style.height = '60px'; });
      } else {
        await playground.getByRole('button', { name: 'Editar el código' }).click();
        await expect(playground.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
      }
      // The reader's last edit is on paper too.
      await p.evaluate(() => {
        const c = (window as unknown as { __sessionLab: { controller: { code: string; setCode(code: string): void } }[] }).__sessionLab[0].controller;
        c.setCode(`${c.code}\n// printed by the reader`);
      });
      const code = await p.evaluate(() => (window as unknown as { __sessionLab: { controller: { code: string } }[] }).__sessionLab[0].controller.code);
      expect(code.split('\n').length).toBeGreaterThan(10);
      await p.emulateMedia({ media: 'print' });
      await expect(p.locator('header.header')).toBeHidden();
      await expect(p.locator('#starlight__sidebar')).toBeHidden();
      await expect(playground).toBeVisible();
      for (const b of await playground.locator('button').all()) await expect(b).toBeHidden();
      await expect(playground.locator('.slp-editor')).toBeHidden();
      const printed = playground.locator('.slp-print-code');
      await expect(printed).toBeVisible();
      expect(await printed.textContent()).toBe(code);
      // Every line is laid out (nothing scrolls inside the copy).
      expect(await printed.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
      // Code blocks keep their titles (Expressive Code's figcaption is also called .header).
      await expect(p.locator('figure figcaption.header').filter({ hasText: 'app.py' }).first()).toBeVisible();
    });
  }
});
