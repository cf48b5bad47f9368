/**
 * The playground in a real browser, in both languages: the seed's routes for two users, the attacks
 * the lessons teach (tampering, hijacking, a new secret key), a route that never ends, share links,
 * saved work, a phone-sized screen, and the rule that plain docs pages load no editor.
 *
 * Most tests use `?editor=plain` (the textarea editor phones get) so they can type code directly;
 * one test checks that Monaco loads on desktop and brings its CSS as <style>, not as a <link>.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const LANGS = {
  es: {
    base: '/playground/',
    method: 'Método',
    path: 'Ruta',
    send: 'Enviar',
    response: 'Respuesta',
    loaded: /✓ 3 rutas cargadas/,
    loaded4: /✓ 4 rutas cargadas/,
    stored: 'Datos almacenados en la sesión.',
    welcome: 'Bienvenido, ejemplo_usuario!',
    notLogged: 'No has iniciado sesión.',
    loggedOut: 'Has cerrado sesión.',
    editData: 'Editar los datos',
    save: 'Guardar',
    payload: 'Datos de la sesión (JSON)',
    badSignature: /firma no es válida/,
    invalidKey: /no coincide con la clave actual/,
    secretKey: 'Clave secreta',
    timeout: /tardó demasiado/,
    share: 'Compartir',
    addUser: 'Añadir usuario',
    users: 'Usuarios simulados',
    editor: 'Código de las rutas',
    added: 'nueva',
    settings: 'Ajustes',
  },
  en: {
    base: '/en/playground/',
    method: 'Method',
    path: 'Path',
    send: 'Send',
    response: 'Response',
    loaded: /✓ 3 routes loaded/,
    loaded4: /✓ 4 routes loaded/,
    stored: 'Data stored in the session.',
    welcome: 'Welcome, ejemplo_usuario!',
    notLogged: 'You are not logged in.',
    loggedOut: 'You have logged out.',
    editData: 'Edit the data',
    save: 'Save',
    payload: 'Session data (JSON)',
    badSignature: /signature is not valid/,
    invalidKey: /does not match the current key/,
    secretKey: 'Secret key',
    timeout: /took too long/,
    share: 'Share',
    addUser: 'Add user',
    users: 'Simulated users',
    editor: 'Route code',
    added: 'added',
    settings: 'Settings',
  },
} as const;

type Words = (typeof LANGS)[keyof typeof LANGS];

async function open(page: Page, w: Words, query = '?editor=plain') {
  await page.goto(w.base + query);
  await expect(page.getByRole('status').filter({ hasText: w.loaded })).toBeVisible({ timeout: 20_000 });
}

async function send(page: Page, w: Words, path: string) {
  await page.getByRole('textbox', { name: w.path, exact: true }).fill(path);
  await page.getByRole('button', { name: w.send, exact: true }).click();
}

const response = (page: Page, w: Words) => page.getByRole('region', { name: w.response });

/** Adds an endless `/loop` route to the editor's code, sends it, and sees it stopped; returns that code. */
async function loopUntilStopped(page: Page, w: Words): Promise<string> {
  const editor = page.getByRole('textbox', { name: w.editor });
  const looping = (await editor.inputValue()).replace('export default router', "router.get('/loop', () => {\n  while (true) {}\n})\n\nexport default router");
  await editor.fill(looping);
  await expect(page.getByRole('status').filter({ hasText: w.loaded4 })).toBeVisible({ timeout: 10_000 });
  await send(page, w, '/loop');
  await expect(response(page, w)).toContainText(w.timeout, { timeout: 10_000 });
  return looping;
}
const sessionRows = (page: Page) => page.getByRole('table', { name: 'Cookies' }).locator('tbody tr', { has: page.locator('code', { hasText: /^session$/ }) });

for (const [lang, w] of Object.entries(LANGS)) {
  test.describe(`playground (${lang})`, () => {
    test('the seed flow: Ana and Bruno keep independent sessions', async ({ page }) => {
      await open(page, w);
      await expect(page.getByRole('combobox', { name: w.method })).toHaveValue('GET');
      await expect(page.getByRole('tab', { name: 'Ana' })).toHaveAttribute('aria-selected', 'true');

      await send(page, w, '/');
      await expect(response(page, w)).toContainText(w.stored);
      await expect(response(page, w)).toContainText('Set-Cookie');
      await expect(sessionRows(page)).toHaveCount(1);

      await send(page, w, '/perfil');
      await expect(response(page, w)).toContainText(w.welcome);

      await page.getByRole('tab', { name: 'Bruno' }).click();
      await expect(sessionRows(page)).toHaveCount(0);
      await send(page, w, '/perfil');
      await expect(response(page, w)).toContainText(w.notLogged);

      await page.getByRole('tab', { name: 'Ana' }).click();
      await expect(sessionRows(page)).toHaveCount(1);
      await send(page, w, '/logout');
      await expect(response(page, w)).toContainText(w.loggedOut);
      await expect(sessionRows(page)).toHaveCount(0);
      await send(page, w, '/perfil');
      await expect(response(page, w)).toContainText(w.notLogged);
    });

    test('a payload edited by hand is rejected: the server sees an empty session', async ({ page }) => {
      await open(page, w);
      await send(page, w, '/');
      await expect(sessionRows(page)).toHaveCount(1);
      await page.getByRole('button', { name: w.editData }).click();
      await page.getByRole('textbox', { name: w.payload }).fill('{"username":"admin"}');
      await page.getByRole('button', { name: w.save, exact: true }).click();
      await expect(page.locator('.slp-decoded')).toContainText("{'username': 'admin'}");
      await expect(page.locator('.slp-decoded')).toContainText(w.invalidKey);
      await send(page, w, '/perfil');
      await expect(response(page, w)).toContainText(w.notLogged);
      await expect(response(page, w)).toContainText(w.badSignature);
    });

    test('changing the secret key invalidates existing sessions', async ({ page }) => {
      await open(page, w);
      await send(page, w, '/');
      await send(page, w, '/perfil');
      await expect(response(page, w)).toContainText(w.welcome);
      const key = page.getByRole('textbox', { name: w.secretKey });
      await key.fill('otra_clave_distinta');
      await key.press('Enter');
      await key.blur();
      await expect(page.locator('.slp-decoded')).toContainText(w.invalidKey);
      await send(page, w, '/perfil');
      await expect(response(page, w)).toContainText(w.notLogged);
    });

    test('an infinite loop is stopped, the page keeps working and the code is kept', async ({ page }) => {
      await open(page, w);
      const looping = await loopUntilStopped(page, w);
      await send(page, w, '/');
      await expect(response(page, w)).toContainText(w.stored, { timeout: 10_000 });
      await expect(page.getByRole('textbox', { name: w.editor })).toHaveValue(looping);
    });

    test('the sandbox the page started from its head is the one that answers, and a restart replaces it', async ({ page }) => {
      await open(page, w);
      const frames = page.locator('iframe[data-session-lab-sandbox]');
      // One frame: the head's, adopted (not a second one made at mount), as a child of <html>.
      await expect(frames).toHaveCount(1);
      await expect(frames).toHaveAttribute('data-session-lab-sandbox', 'in-use');
      await expect(frames).toHaveAttribute('sandbox', 'allow-scripts');
      expect(await frames.evaluate((f) => f.parentElement === document.documentElement)).toBe(true);
      await send(page, w, '/');
      await expect(response(page, w)).toContainText(w.stored);
      // An endless loop costs that frame; its replacement is an ordinary one.
      await loopUntilStopped(page, w);
      await send(page, w, '/perfil');
      await expect(response(page, w)).toContainText(w.welcome, { timeout: 10_000 });
      await expect(frames).toHaveCount(1);
      expect(await frames.evaluate((f) => f.parentElement === document.body)).toBe(true);
    });

    test('a share link restores code, users and their cookies', async ({ page, browser }) => {
      await open(page, w);
      const editor = page.getByRole('textbox', { name: w.editor });
      const edited = `// shared ${lang}\n${await editor.inputValue()}`;
      await editor.fill(edited);
      await send(page, w, '/');
      await expect(sessionRows(page)).toHaveCount(1);
      const cookieValue = await sessionRows(page).first().locator('td').nth(1).innerText();
      await page.getByRole('button', { name: w.addUser }).click();
      await page.getByRole('button', { name: w.share, exact: true }).click();
      const link = await page.getByRole('textbox', { name: w.share }).inputValue();
      expect(link).toContain('#state=');

      const other = await browser.newContext();
      const friend = await other.newPage();
      await friend.goto(link.replace('?', '?editor=plain&'));
      await expect(friend.getByRole('textbox', { name: w.editor })).toHaveValue(edited);
      await expect(friend.getByRole('tablist', { name: w.users }).getByRole('tab')).toHaveText(['Ana', 'Bruno', 'Carla']);
      await friend.getByRole('tab', { name: 'Ana' }).click();
      await expect(sessionRows(friend)).toHaveCount(1);
      await expect(sessionRows(friend).first().locator('td').nth(1)).toHaveText(cookieValue);
      await other.close();
    });

    test('a broken share link shows a message and keeps the saved work', async ({ page }) => {
      await open(page, w);
      const editor = page.getByRole('textbox', { name: w.editor });
      await editor.fill('// my own work\nexport default 1');
      await page.waitForTimeout(800);
      // A new document (a hash change alone would not reload the page).
      await page.goto('about:blank');
      await page.goto(`${w.base}?editor=plain#state=NoWAyThisIsALink`);
      await expect(page.getByRole('alert')).toBeVisible();
      await expect(page.getByRole('textbox', { name: w.editor })).toHaveValue('// my own work\nexport default 1');
    });

    test('reload keeps the code', async ({ page }) => {
      await open(page, w);
      const editor = page.getByRole('textbox', { name: w.editor });
      const edited = (await editor.inputValue()).replace('/perfil', '/profile-kept');
      await editor.fill(edited);
      await page.waitForTimeout(800);
      await page.reload();
      await expect(page.getByRole('textbox', { name: w.editor })).toHaveValue(edited);
    });

    test('a Send is announced as one short line; the response region itself is not live', async ({ page }) => {
      await open(page, w);
      await expect(response(page, w)).not.toHaveAttribute('aria-live', /.*/);
      const live = page.locator('.slp-live-summary');
      await expect(live).toHaveAttribute('role', 'status');
      // Work restored on load is not news.
      await expect(live).toHaveText('');
      await send(page, w, '/');
      await expect(live).toHaveText(new RegExp(`^GET / → 200\\b.*, cookie session ${w.added}$`));
      await send(page, w, '/perfil');
      await expect(live).toHaveText(/^GET \/perfil → 200\b/);
      // Heard, not seen.
      expect((await live.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
    });

    test('every control has an accessible name and a visible keyboard focus', async ({ page }) => {
      await open(page, w);
      await send(page, w, '/');
      await page.getByRole('button', { name: w.settings }).click();
      await page.getByRole('button', { name: w.editData }).click();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Accessibility.enable');
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; role?: { value: string }; name?: { value: string }; backendDOMNodeId?: number }[] };
      const controls = nodes.filter((n) => !n.ignored && ['button', 'textbox', 'combobox', 'checkbox', 'spinbutton', 'tab'].includes(n.role?.value ?? ''));
      expect(controls.length).toBeGreaterThan(20);
      expect(controls.filter((n) => !n.name?.value.trim()).map((n) => n.role?.value)).toEqual([]);
      // A key press puts Chromium in keyboard mode, where :focus-visible applies to focus().
      await page.keyboard.press('Shift');
      const focus = await page.locator('.slp').first().evaluate((root) => {
        const unmarked: string[] = [];
        let checked = 0;
        for (const el of root.querySelectorAll<HTMLElement>('button, input, select, textarea, [tabindex="0"]')) {
          if (el.offsetParent === null) continue;
          el.focus();
          checked++;
          const style = getComputedStyle(el);
          if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0) unmarked.push(el.outerHTML.slice(0, 80));
        }
        return { checked, unmarked };
      });
      expect(focus.checked).toBeGreaterThan(20);
      expect(focus.unmarked).toEqual([]);
    });

    test('phone width: plain editor, browser first, nothing overflows', async ({ browser }) => {
      const context = await browser.newContext({ viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true });
      const page = await context.newPage();
      await page.goto(w.base);
      await expect(page.getByRole('status').filter({ hasText: w.loaded })).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole('textbox', { name: w.editor })).toBeVisible();
      expect(await page.locator('.monaco-editor').count()).toBe(0);
      await send(page, w, '/');
      await expect(response(page, w)).toContainText(w.stored);
      const browsersTop = await page.locator('.slp-browsers').evaluate((el) => el.getBoundingClientRect().top);
      const serverTop = await page.locator('.slp-server').evaluate((el) => el.getBoundingClientRect().top);
      expect(browsersTop).toBeLessThan(serverTop);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await context.close();
    });
  });
}

test('Monaco loads on the desktop playground, with its CSS injected rather than linked', async ({ page }) => {
  await page.goto('/en/playground/');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  expect(await page.locator('style[data-monaco]').count()).toBeGreaterThan(0);
  const links = await page.locator('link[rel="stylesheet"]').evaluateAll((els) => els.map((e) => (e as HTMLLinkElement).href));
  expect(links.filter((href) => /monaco|codicon|editor/i.test(href))).toEqual([]);
  // The typings reach Monaco: the seed's imports and session API raise no errors.
  await page.waitForTimeout(4000);
  expect(await page.locator('.monaco-editor .squiggly-error').count()).toBe(0);
  // Ctrl+Enter inside the editor sends the request.
  await expect(page.getByRole('status').filter({ hasText: /routes loaded/ })).toBeVisible({ timeout: 20_000 });
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('Data stored in the session.');
  // No keyboard trap: Escape then Tab leaves the editor.
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.monaco-editor')))).toBe(false);
  // A type error in the reader's code shows as a squiggle.
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\nconst n: number = "not a number"\n');
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible({ timeout: 20_000 });
});

for (const path of ['/', '/en/']) {
  test(`a docs page without a playground loads no editor (${path})`, async ({ page }) => {
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(urls.filter((u) => /monaco|editor\.api|ts\.worker|editor\.worker|codicon|tsMode|Playground/i.test(u))).toEqual([]);
    expect(await page.locator('style[data-monaco]').count()).toBe(0);
  });
}

test('a lesson page shows the code before any editor loads', async ({ page }) => {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  await page.goto('/en/guide/session/');
  // A lesson holds its demo and, at the end, its exercise: this is the demo (the seed example).
  const playground = page.locator('.session-lab-playground[data-example="seed"]');
  await playground.scrollIntoViewIfNeeded();
  await expect(playground.getByRole('status').filter({ hasText: /routes loaded/ })).toBeVisible({ timeout: 20_000 });
  await expect(playground.locator('.slp-editor')).toContainText("router.get('/perfil'");
  expect(urls.filter((u) => /editor\.api|ts\.worker|codicon/i.test(u))).toEqual([]);
});

test('a thrown error becomes a 500 with the line; a syntax error keeps the last working routes', async ({ page }) => {
  const w = LANGS.en;
  await open(page, w);
  const editor = page.getByRole('textbox', { name: w.editor });
  const code = await editor.inputValue();
  const throwing = code.replace('export default router', "router.get('/boom', () => {\n  throw new Error('kaboom')\n})\n\nexport default router");
  await editor.fill(throwing);
  await expect(page.getByRole('status').filter({ hasText: w.loaded4 })).toBeVisible({ timeout: 10_000 });
  await send(page, w, '/boom');
  await expect(response(page, w)).toContainText('500');
  await expect(response(page, w)).toContainText('Error in your code');
  await expect(response(page, w)).toContainText('kaboom');
  const line = throwing.split('\n').findIndex((l) => l.includes('kaboom')) + 1;
  await expect(response(page, w)).toContainText(`line ${line}`);

  await editor.fill(`${throwing}\nconst = broken(`);
  await expect(page.getByRole('status').filter({ hasText: /✗ Syntax error on line \d+/ })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('status').filter({ hasText: /last working version/ })).toBeVisible();
  await send(page, w, '/');
  await expect(response(page, w)).toContainText(w.stored);
});

test('the clock expires a permanent session; closing the browser drops only session cookies', async ({ page }) => {
  await page.goto('/en/playground/?example=permanent&editor=plain');
  await expect(page.getByRole('status').filter({ hasText: /routes loaded/ })).toBeVisible({ timeout: 20_000 });
  await send(page, LANGS.en, '/recordarme');
  await expect(sessionRows(page)).toHaveCount(1);
  await expect(sessionRows(page).first()).not.toContainText('Session');
  // Closing the browser keeps a permanent cookie.
  await page.getByRole('button', { name: 'Close the browser' }).click();
  await expect(sessionRows(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Move the clock forward +31 days' }).click();
  await expect(page.getByText(/Expired when the clock moved: session \(Ana\)/)).toBeVisible();
  await expect(sessionRows(page)).toHaveCount(0);
  // An ordinary session cookie goes when the browser closes.
  await send(page, LANGS.en, '/login');
  await expect(sessionRows(page)).toHaveCount(1);
  await expect(sessionRows(page).first()).toContainText('Session');
  await page.getByRole('button', { name: 'Close the browser' }).click();
  await expect(sessionRows(page)).toHaveCount(0);
});

test('copying Ana\'s cookie to Bruno hands him her session (hijacking)', async ({ page }) => {
  const w = LANGS.en;
  await open(page, w);
  await send(page, w, '/');
  await page.getByRole('button', { name: 'Copy to Bruno' }).click();
  await page.getByRole('tab', { name: 'Bruno' }).click();
  await send(page, w, '/perfil');
  await expect(response(page, w)).toContainText(w.welcome);
});

test('the embed view follows ?theme= and tells its parent how tall it is', async ({ page, baseURL }) => {
  await page.goto('/en/');
  const heights: number[] = [];
  await page.exposeFunction('reportHeight', (h: number) => heights.push(h));
  await page.evaluate((src) => {
    addEventListener('message', (e) => {
      if (e.data?.type === 'session-lab:height') (window as unknown as { reportHeight(h: number): void }).reportHeight(e.data.height);
    });
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.style.width = '800px';
    document.body.prepend(frame);
  }, `${baseURL}/en/embed/seed/?theme=light`);
  const frame = page.frameLocator('iframe').first();
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(frame.getByRole('status').filter({ hasText: /routes loaded/ })).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => heights.length).toBeGreaterThan(0);
  expect(Math.max(...heights)).toBeGreaterThan(300);
});

test('the example picker switches examples and keeps each one\'s work apart', async ({ page }) => {
  await open(page, LANGS.en);
  const editor = page.getByRole('textbox', { name: LANGS.en.editor });
  await editor.fill(`// seed work\n${await editor.inputValue()}`);
  await page.getByRole('combobox', { name: 'Example' }).selectOption('login-form');
  await expect(page.getByRole('status').filter({ hasText: /✓ 4 routes loaded/ })).toBeVisible({ timeout: 10_000 });
  await expect(page).toHaveURL(/example=login-form/);
  await expect(page.getByRole('textbox', { name: 'Path', exact: true })).toHaveValue('/login');
  await expect(page.getByRole('textbox', { name: LANGS.en.editor })).not.toHaveValue(/seed work/);
  await page.getByRole('combobox', { name: 'Example' }).selectOption('seed');
  await expect(page.getByRole('textbox', { name: LANGS.en.editor })).toHaveValue(/^\/\/ seed work/);
});

test('cookie settings change the Set-Cookie header, and a refused cookie says why', async ({ page }) => {
  const w = LANGS.en;
  await open(page, w);
  await page.getByRole('button', { name: /Settings/ }).click();
  await page.getByRole('checkbox', { name: 'SESSION_COOKIE_HTTPONLY' }).uncheck();
  await page.getByRole('combobox', { name: 'SESSION_COOKIE_SAMESITE' }).selectOption('None');
  await send(page, w, '/');
  await response(page, w).getByText('Response headers').click();
  await expect(response(page, w)).toContainText('SameSite=None');
  await expect(response(page, w)).not.toContainText('HttpOnly');
  await expect(page.locator('.slp-changes')).toContainText('rejected');
  await expect(page.locator('.slp-changes')).toContainText('SameSite=None requires Secure');
  await expect(sessionRows(page)).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'SESSION_COOKIE_SECURE' }).check();
  await send(page, w, '/');
  await expect(sessionRows(page)).toHaveCount(1);
});

test('keyboard: arrows move between user tabs, Enter sends, Escape then Tab leaves the plain editor', async ({ page }) => {
  const w = LANGS.es;
  await open(page, w);
  await page.getByRole('tab', { name: 'Ana' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Bruno' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Bruno' })).toHaveAttribute('aria-selected', 'true');
  const path = page.getByRole('textbox', { name: w.path, exact: true });
  await path.focus();
  await path.fill('/perfil');
  await page.keyboard.press('Enter');
  await expect(response(page, w)).toContainText(w.notLogged);
  const editor = page.getByRole('textbox', { name: w.editor });
  await editor.focus();
  await editor.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, 0));
  await page.keyboard.press('Tab');
  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue(/^ {2}/);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(editor).not.toBeFocused();
  await editor.focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.slp-timeline-item')).toHaveCount(2);
});

test('when Monaco cannot load, the reader gets a clear message and the plain editor', async ({ page }) => {
  await page.route(/monaco-editor|editor\.api/, (route) => route.abort());
  await page.goto('/en/playground/');
  await expect(page.getByText(/The editor could not be loaded/)).toBeVisible({ timeout: 20_000 });
  const editor = page.getByRole('textbox', { name: LANGS.en.editor });
  await expect(editor).toBeVisible();
  await expect(editor).toHaveValue(/router\.get\('\/perfil'/);
});

for (const [lang, w, tooLarge] of [
  ['es', LANGS.es, 'nombre y valor superan 4096 bytes'],
  ['en', LANGS.en, 'name and value exceed 4096 bytes'],
] as const) {
  test(`an oversized session is refused by the browser, with the reason, and the page keeps working (${lang})`, async ({ page }) => {
    await open(page, w);
    const editor = page.getByRole('textbox', { name: w.editor });
    const code = await editor.inputValue();
    // Random text barely compresses, so ~6,000 characters sign into a cookie well over 4096 bytes.
    const big = code.replace(
      'export default router',
      "router.get('/grande', ({ session }) => {\n  session['relleno'] = Array.from({ length: 6000 }, () => Math.random().toString(36)[2]).join('')\n  return 'ok'\n})\n\nexport default router",
    );
    await editor.fill(big);
    await expect(page.getByRole('status').filter({ hasText: w.loaded4 })).toBeVisible({ timeout: 10_000 });
    await send(page, w, '/grande');
    await expect(response(page, w)).toContainText('200');
    await expect(page.locator('.slp-changes')).toContainText(tooLarge);
    await expect(sessionRows(page)).toHaveCount(0);
    // Nothing is lost: the code is still there and ordinary requests still work.
    await expect(editor).toHaveValue(big);
    await send(page, w, '/');
    await expect(response(page, w)).toContainText(w.stored);
    await expect(sessionRows(page)).toHaveCount(1);
  });
}

for (const [lang, w, failed] of [
  ['es', LANGS.es, /No se pudo cargar el laboratorio/],
  ['en', LANGS.en, /The playground could not load/],
] as const) {
  test(`when the playground's code cannot load, the page says so and keeps the example's code readable (${lang})`, async ({ page }) => {
    await page.route(/\/_astro\/view\.[^/]*\.js$/, (route) => route.abort());
    await page.goto(w.base);
    await expect(page.getByRole('alert').filter({ hasText: failed })).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('.slp-static')).toContainText("router.get('/perfil'");
    // The sandbox the head started is let go: nothing can use it.
    await expect(page.locator('iframe[data-session-lab-sandbox]')).toHaveCount(0);
  });

  test(`in a lesson, when the playground's code cannot load, the page says so and keeps the example's code readable (${lang})`, async ({ page }) => {
    await page.route(/\/_astro\/view\.[^/]*\.js$/, (route) => route.abort());
    await page.goto(`${lang === 'en' ? '/en' : ''}/guide/cookies/`);
    const playground = page.locator('[data-slp-root]').first();
    await playground.scrollIntoViewIfNeeded();
    await expect(playground.getByRole('alert').filter({ hasText: failed })).toBeVisible({ timeout: 20_000 });
    await expect(playground.locator('.slp-static')).toContainText("router.get('/perfil'");
  });
}
