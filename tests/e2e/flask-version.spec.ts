/**
 * The Flask version switch in a real browser (issue 8): the seed's /perfil only asks
 * `'username' in session`. Flask 3.1.3 counts that as using the session and sends Vary: Cookie;
 * Flask 2.2 did not. The trace says the behaviour depends on the version, in the page's language,
 * and SESSION_COOKIE_PARTITIONED (3.1 only) reaches the Set-Cookie line and the cookie table.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const LANGS = {
  es: { base: '/playground/', loaded: /✓ 3 rutas cargadas/, path: 'Ruta', send: 'Enviar', response: 'Respuesta', headers: 'Cabeceras de la respuesta', settings: 'Ajustes', version: 'Versión de Flask', notLogged: 'No has iniciado sesión.', depends: 'Esto depende de la versión de Flask:' },
  en: { base: '/en/playground/', loaded: /✓ 3 routes loaded/, path: 'Path', send: 'Send', response: 'Response', headers: 'Response headers', settings: 'Settings', version: 'Flask version', notLogged: 'You are not logged in.', depends: 'This depends on the Flask version:' },
} as const;

type Words = (typeof LANGS)[keyof typeof LANGS];

async function send(page: Page, w: Words, path: string) {
  await page.getByRole('textbox', { name: w.path, exact: true }).fill(path);
  await page.getByRole('button', { name: w.send, exact: true }).click();
}

for (const [lang, w] of Object.entries(LANGS)) {
  test(`Vary: Cookie on /perfil follows the Flask version (${lang})`, async ({ page }) => {
    await page.goto(`${w.base}?editor=plain`);
    await expect(page.getByRole('status').filter({ hasText: w.loaded })).toBeVisible({ timeout: 20_000 });
    const response = page.getByRole('region', { name: w.response });
    // the response headers only: the version note itself mentions Vary: Cookie
    const responseHeaders = response.locator('details', { has: page.locator('summary', { hasText: w.headers }) });
    const vary = responseHeaders.locator('div', { has: page.locator('dt', { hasText: /^vary$/i }) });

    // Bruno has no session: `in` is the only use of it
    await page.getByRole('tab', { name: 'Bruno' }).click();
    await send(page, w, '/perfil');
    await expect(response).toContainText(w.notLogged);
    await response.getByText(w.headers).click();
    await expect(vary).toHaveText(/Cookie/);
    await expect(response).toContainText(w.depends);

    await page.getByRole('button', { name: w.settings }).click();
    await page.getByRole('combobox', { name: w.version }).selectOption('2.2');
    await send(page, w, '/perfil');
    await expect(response).toContainText(w.notLogged);
    await response.getByText(w.headers).click();
    await expect(responseHeaders).toContainText(/content-type/i);
    await expect(vary).toHaveCount(0);
    await expect(response).toContainText(w.depends);
    // Flask 2.2 has no SESSION_COOKIE_PARTITIONED: the setting is shown, but disabled
    await expect(page.getByRole('checkbox', { name: 'SESSION_COOKIE_PARTITIONED' })).toBeDisabled();

    await page.getByRole('combobox', { name: w.version }).selectOption('3.1');
    await page.getByRole('checkbox', { name: 'SESSION_COOKIE_PARTITIONED' }).check();
    await page.getByRole('tab', { name: 'Ana' }).click();
    await send(page, w, '/');
    await response.getByText(w.headers).click();
    await expect(responseHeaders).toContainText(/Secure; HttpOnly; Path=\/; Partitioned/);
    // The browser kept it as a partitioned cookie, and the cookie table says so beside its SameSite.
    const session = page.getByRole('table', { name: 'Cookies' }).locator('tbody tr', { has: page.locator('code', { hasText: /^session$/ }) });
    await expect(session).toContainText('Partitioned');
    await expect(session.locator('.slp-flag', { hasText: 'Partitioned' })).toHaveAttribute('title', /CHIPS/);
  });
}

test('a share link carries the Flask version', async ({ page, browser }) => {
  const w = LANGS.es;
  await page.goto(`${w.base}?editor=plain`);
  await expect(page.getByRole('status').filter({ hasText: w.loaded })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: w.settings }).click();
  await page.getByRole('combobox', { name: w.version }).selectOption('2.2');
  await page.getByRole('button', { name: 'Compartir', exact: true }).click();
  const link = await page.getByRole('textbox', { name: 'Compartir' }).inputValue();
  const other = await browser.newContext();
  const friend = await other.newPage();
  await friend.goto(link.replace('?', '?editor=plain&'));
  await expect(friend.getByRole('status').filter({ hasText: w.loaded })).toBeVisible({ timeout: 20_000 });
  await friend.getByRole('button', { name: w.settings }).click();
  await expect(friend.getByRole('combobox', { name: w.version })).toHaveValue('2.2');
  await other.close();
});
