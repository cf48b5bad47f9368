/**
 * An author embeds their own code, as they would: edit in the full playground, open Embed, type a
 * title and a goal, copy a snippet, paste it into a course page on another origin
 * (fixtures/embed-host-server.ts). Spanish with /embed.js in the light theme, English as a bare
 * iframe (Moodle/Canvas) in the dark theme. Then, in that third-party frame where Chromium gives no
 * localStorage: the reader's edit survives a reload of the frame, and "open in the playground" takes
 * the same state to the full site. Hostile titles and goals are text or refused.
 *
 * Screenshots of the host pages at 1280 and 375 px go to the test's output folder.
 */
import { expect, test } from '@playwright/test';
import type { Frame, Page } from '@playwright/test';
import LZString from 'lz-string';
import { serveHostPages } from './fixtures/embed-host-server.ts';
import { clickInFrame } from './fixtures/frame-settled.ts';
import type { HostServer } from './fixtures/embed-host-server.ts';

const port = Number(process.env.E2E_PORT ?? 4321);
const SITE = `http://localhost:${port}`;

const CASES = {
  es: {
    playground: '/playground/?example=counter&editor=plain',
    embed: 'Insertar',
    snippet: 'html',
    scheme: 'light' as const,
    background: 'rgb(255, 255, 255)',
    route: "router.get('/hola', () => 'Hola desde el curso de Ana')\n",
    path: '/hola',
    answer: 'Hola desde el curso de Ana',
    title: 'Semana 3: un saludo propio',
    goal: 'Cambia el saludo de /hola y comprueba que la cookie no cambia.',
    goalLabel: 'Objetivo:',
    restored: 'Estado restaurado desde un enlace compartido.',
    send: 'Enviar',
    tools: 'Herramientas',
    plain: 'Editor sencillo',
    reset: 'Restablecer',
    open: 'Abrir en el laboratorio',
    frameOnly: 'Este navegador no deja guardar nada',
    tooLong: 'Demasiado largo',
  },
  en: {
    playground: '/en/playground/?example=cart&editor=plain',
    embed: 'Embed',
    snippet: 'canvas',
    scheme: 'dark' as const,
    background: 'rgb(23, 24, 28)',
    route: "router.get('/hello', () => 'Hello from the course')\n",
    path: '/hello',
    answer: 'Hello from the course',
    title: 'Week 3: a greeting of our own',
    goal: 'Change the greeting at /hello and check that the cookie does not change.',
    goalLabel: 'Goal:',
    restored: 'State restored from a shared link.',
    send: 'Send',
    tools: 'Tools',
    plain: 'Plain editor',
    reset: 'Reset',
    open: 'Open in the playground',
    frameOnly: 'This browser lets embedded pages save nothing',
    tooLong: 'Too long',
  },
} as const;
type Case = (typeof CASES)[keyof typeof CASES];

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:64rem;margin:0 auto;padding:1rem;background:#fdfdf8;color:#222}</style>
</head><body>${body}</body></html>`;

// Filled as the tests go: the host server reads this object on every request.
const pages: Record<string, string> = {};
let host: HostServer;
test.beforeAll(async () => {
  host = await serveHostPages(pages);
});
test.afterAll(async () => {
  await host.close();
});

const controllerCode = (frame: Frame | Page) => frame.evaluate(() => (window as unknown as { __sessionLab?: { controller: { code: string } }[] }).__sessionLab?.[0]?.controller.code ?? null);

/** The author's part: edit in the full playground, then take the snippet from the Embed dialog. */
async function authorSnippet(p: Page, c: Case, shot: string): Promise<{ snippet: string; code: string }> {
  await p.goto(c.playground);
  const editor = p.locator('.slp-editor textarea');
  await expect(editor).toBeVisible({ timeout: 20_000 });
  const code = (await editor.inputValue()).replace(/export default router/, `${c.route}\nexport default router`);
  await editor.fill(code);
  await expect.poll(() => controllerCode(p)).toBe(code);
  await p.getByRole('button', { name: c.embed, exact: true }).click();
  const drawer = p.locator('.slp-drawer:has(.slp-snippet)');
  await expect(drawer).toBeVisible();

  // A title over the limit is refused in the dialog: said so, and left out of the snippet.
  const title = drawer.locator('[data-field="title"]');
  await title.fill('x'.repeat(101));
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(drawer.getByText(c.tooLong)).toBeVisible();
  expect(await drawer.locator('[data-snippet="moodle"]').inputValue()).not.toMatch(/[?&]title=|xxxxxxxxxx/);

  await title.fill(c.title);
  await drawer.locator('[data-field="goal"]').fill(c.goal);
  await expect(title).toHaveAttribute('aria-invalid', 'false');
  for (const kind of ['html', 'moodle', 'canvas', 'markdown', 'link']) {
    const text = await drawer.locator(`[data-snippet="${kind}"]`).inputValue();
    expect(text, kind).toContain('#state=');
    expect(text, kind).toContain(encodeURIComponent(c.title).replace(/%20/g, '+').slice(0, 10));
  }
  // Every snippet has its copy button (five, plus none elsewhere in the dialog).
  await expect(drawer.locator('.slp-snippet button')).toHaveCount(5);
  await drawer.screenshot({ path: shot });
  return { snippet: await drawer.locator(`[data-snippet="${c.snippet}"]`).inputValue(), code };
}

async function theFrame(p: Page): Promise<Frame> {
  const el = p.locator('iframe').first();
  await el.scrollIntoViewIfNeeded();
  const frame = (await (await el.elementHandle())!.contentFrame())!;
  await expect(frame.locator('.slp-status')).toHaveText(/✓/, { timeout: 20_000 });
  return frame;
}

async function shootWholePage(p: Page, path: string): Promise<void> {
  const width = p.viewportSize()!.width;
  const height = await p.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
  await p.setViewportSize({ width, height });
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await p.screenshot({ path });
}

for (const [lang, c] of Object.entries(CASES)) {
  test(`${lang}: the author's own code, title and goal on a course page; with storage blocked the work survives a reload and goes to the full playground`, async ({ browser }, info) => {
    const context = await browser.newContext({ colorScheme: c.scheme, viewport: { width: 1280, height: 900 } });
    const p = await context.newPage();
    const { snippet, code: authorCode } = await authorSnippet(p, c, info.outputPath(`dialog-${lang}.png`));
    const hostPath = `/own-${lang}.html`;
    pages[hostPath] = page(`Course page (${lang})`, `<h1>Sessions in Flask — week 3</h1>\n<p>Our own example.</p>\n${snippet}\n<p>End of the lesson.</p>`);

    await p.goto(`${host.origin}${hostPath}`);
    const frame = await theFrame(p);
    // Measured, not assumed: what this third-party frame may use.
    const storage = await frame.evaluate(() => {
      const probe = (get: () => Storage) => {
        try {
          get().setItem('probe', '1');
          return 'works';
        } catch (e) {
          return (e as Error).name;
        }
      };
      return { local: probe(() => localStorage), session: probe(() => sessionStorage) };
    });
    info.annotations.push({ type: 'storage in a third-party frame', description: JSON.stringify(storage) });
    expect(storage.local).not.toBe('works');

    // The author's words, as text; no "restored" banner; the example's own exercise stays out.
    await expect(frame.locator('.slp-embed-title')).toHaveText(`Session Lab · ${c.title}`);
    await expect(frame.locator('.slp-embed-own-goal')).toHaveText(`${c.goalLabel} ${c.goal}`);
    await expect(frame.getByText(c.restored)).toHaveCount(0);
    await expect(frame.locator('.slp-exercise')).toBeHidden();
    await expect(frame.getByText(c.frameOnly)).toBeVisible();
    await expect(frame.locator('.slp-embed-open')).toContainText(c.open);
    expect(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(c.background);

    // The author's route runs.
    await frame.getByRole('textbox', { name: lang === 'es' ? 'Ruta' : 'Path', exact: true }).fill(c.path);
    await clickInFrame(p.locator('iframe').first(), frame.getByRole('button', { name: c.send, exact: true }));
    await expect(frame.locator('.slp-response')).toContainText(c.answer);

    for (const width of [1280, 375]) {
      await p.setViewportSize({ width, height: 900 });
      await expect(frame.locator('.slp-status')).toHaveText(/✓/);
      await shootWholePage(p, info.outputPath(`own-${lang}-${c.scheme}-${width}.png`));
    }
    await p.setViewportSize({ width: 1280, height: 900 });

    // The reader edits (plain editor, from the tools) and reloads the frame: the edit is still there.
    await clickInFrame(p.locator('iframe').first(), frame.locator('summary', { hasText: c.tools }));
    await clickInFrame(p.locator('iframe').first(), frame.getByRole('button', { name: c.plain, exact: true }));
    const area = frame.locator('.slp-editor textarea');
    await expect(area).toBeVisible();
    const edited = (await area.inputValue()).replace(c.answer, `${c.answer}!!`);
    await area.fill(edited);
    await expect.poll(() => controllerCode(frame)).toBe(edited);
    // Saving is debounced: wait until the frame's address holds this very edit.
    await expect.poll(async () => {
      const hash = await frame.evaluate(() => location.hash);
      if (!hash.startsWith('#state=')) return null;
      return (JSON.parse(LZString.decompressFromEncodedURIComponent(hash.slice('#state='.length)) ?? 'null') as { code?: string } | null)?.code;
    }).toBe(edited);
    await frame.evaluate(() => location.reload());
    await expect(frame.locator('.slp-status')).toHaveText(/✓/, { timeout: 20_000 });
    await expect.poll(() => controllerCode(frame)).toBe(edited);
    await expect(frame.locator('.slp-embed-title')).toHaveText(`Session Lab · ${c.title}`);
    await expect(frame.getByText(c.restored)).toHaveCount(0);

    // One click takes the same state to the full playground, in a new tab.
    const [full] = await Promise.all([context.waitForEvent('page'), clickInFrame(p.locator('iframe').first(), frame.locator('.slp-embed-open'))]);
    await full.waitForLoadState();
    expect(new URL(full.url()).origin).toBe(SITE);
    await expect.poll(() => controllerCode(full), { timeout: 20_000 }).toBe(edited);

    // Reset goes back to the author's code, not the example as it ships; so does a reload after it.
    p.once('dialog', (d) => void d.accept());
    await clickInFrame(p.locator('iframe').first(), frame.locator('summary', { hasText: c.tools }));
    await clickInFrame(p.locator('iframe').first(), frame.getByRole('button', { name: c.reset, exact: true }));
    await expect.poll(() => controllerCode(frame)).toBe(authorCode);
    await expect(frame.locator('.slp-status')).toHaveText(/✓/);
    await frame.evaluate(() => location.reload());
    await expect(frame.locator('.slp-status')).toHaveText(/✓/, { timeout: 20_000 });
    expect(await controllerCode(frame)).toBe(authorCode);
    await context.close();
  });
}

test('hostile titles and goals: shown as text, or refused when too long', async ({ page: p }) => {
  const src = (title: string, goal: string) => `${SITE}/en/embed/counter/?${new URLSearchParams({ title, goal })}`;
  const markup = '<img src=x onerror="window.pwned=1"><b>bold</b>';
  pages['/hostile.html'] = page(
    'Hostile words',
    `<iframe title="markup" src="${src(markup, `<script>window.pwned=2</script>${markup}`).replace(/"/g, '&quot;')}" style="width:100%;height:700px;border:0"></iframe>
<iframe title="huge" src="${src('t'.repeat(2000), 'g'.repeat(6000)).replace(/"/g, '&quot;')}" style="width:100%;height:700px;border:0"></iframe>`,
  );
  await p.goto(`${host.origin}/hostile.html`);
  const frameFor = async (title: string) => {
    const frame = (await (await p.locator(`iframe[title="${title}"]`).elementHandle())!.contentFrame())!;
    await expect(frame.locator('.slp-status')).toHaveText(/✓/, { timeout: 20_000 });
    return frame;
  };
  const marked = await frameFor('markup');
  await expect(marked.locator('.slp-embed-title')).toHaveText(`Session Lab · ${markup}`);
  await expect(marked.locator('.slp-embed-own-goal')).toContainText(`<script>window.pwned=2</script>${markup}`);
  expect(await marked.locator('.slp-embed-head img, .slp-embed-head b, .slp-embed-own-goal *:not(strong)').count()).toBe(0);
  expect(await marked.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

  // Over the limits: left out whole, the example's own title and exercise stay.
  const huge = await frameFor('huge');
  await expect(huge.locator('.slp-embed-title')).toHaveText('Session Lab · Visit counter');
  await expect(huge.locator('.slp-embed-own-goal')).toHaveCount(0);
  await expect(huge.locator('.slp-exercise')).toBeVisible();
});

test("an embed leaves the reader's saved work on the site alone", async ({ page: p }) => {
  // First-party, storage works: the reader's work on the site, then a reset inside an embed.
  await p.goto('/en/playground/?example=counter&editor=plain');
  const editor = p.locator('.slp-editor textarea');
  await expect(editor).toBeVisible({ timeout: 20_000 });
  const mine = `${await editor.inputValue()}\n// my work on the site\n`;
  await editor.fill(mine);
  await expect.poll(() => controllerCode(p)).toBe(mine);
  await p.evaluate(() => (window as unknown as { __sessionLab: { controller: { saveNow(): void } }[] }).__sessionLab[0].controller.saveNow());

  await p.goto('/en/embed/counter/?editor=plain');
  await expect(p.locator('.slp-status')).toHaveText(/✓/, { timeout: 20_000 });
  expect(await controllerCode(p)).not.toBe(mine);
  await p.evaluate(() => (window as unknown as { __sessionLab: { controller: { setCode(c: string): void; saveNow(): void; reset(): void } }[] }).__sessionLab[0].controller.setCode('// in the embed'));
  await p.evaluate(() => (window as unknown as { __sessionLab: { controller: { saveNow(): void; reset(): void } }[] }).__sessionLab[0].controller.saveNow());
  await p.evaluate(() => (window as unknown as { __sessionLab: { controller: { reset(): void } }[] }).__sessionLab[0].controller.reset());

  await p.goto('/en/playground/?example=counter&editor=plain');
  await expect.poll(() => controllerCode(p), { timeout: 20_000 }).toBe(mine);
});

test("where storage works, the reader's work on an author's embed comes back on the next visit", async ({ page: p }) => {
  // The author's state, from the Share button of the full playground.
  await p.goto('/en/playground/?example=counter&editor=plain');
  const editor = p.locator('.slp-editor textarea');
  await expect(editor).toBeVisible({ timeout: 20_000 });
  const authorCode = `${await editor.inputValue()}\n// the author's version\n`;
  await editor.fill(authorCode);
  await expect.poll(() => controllerCode(p)).toBe(authorCode);
  await p.getByRole('button', { name: 'Share', exact: true }).click();
  const hash = new URL(await p.locator('.slp-share-url').inputValue()).hash;
  const embedUrl = `/en/embed/counter/?editor=plain${hash}`;

  await p.goto(embedUrl);
  await expect(p.locator('.slp-status')).toHaveText(/✓/, { timeout: 20_000 });
  expect(await controllerCode(p)).toBe(authorCode);
  const area = p.locator('.slp-editor textarea');
  const readerCode = `${authorCode}// and the reader's\n`;
  await area.fill(readerCode);
  await expect.poll(() => p.evaluate(() => location.hash)).not.toBe(hash);

  // A new visit to the very same snippet address (not a reload: a fresh history entry).
  await p.goto('about:blank');
  await p.goto(embedUrl);
  await expect(p.locator('.slp-status')).toHaveText(/✓/, { timeout: 20_000 });
  await expect.poll(() => controllerCode(p)).toBe(readerCode);
  // The built-in embed of the same example is not that work.
  await p.goto('/en/embed/counter/?editor=plain');
  await expect(p.locator('.slp-status')).toHaveText(/✓/, { timeout: 20_000 });
  expect(await controllerCode(p)).not.toContain("the reader's");
});
