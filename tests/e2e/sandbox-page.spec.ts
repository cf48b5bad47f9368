/**
 * Hostile code on the real playground page, in both languages, arriving the way a victim would get
 * it: in a share link. Code that loops or floods by itself after it loaded is stopped, the example's
 * code answers meanwhile with a message saying so, the reader's code stays in the editor, and Reset
 * brings the example back within the same visit; the page never needs a reload.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const LANGS = {
  es: { base: '/playground/', loaded: /✓ 3 rutas cargadas/, path: 'Ruta', send: 'Enviar', response: 'Respuesta', stored: 'Datos almacenados en la sesión.', editor: 'Código de las rutas', share: 'Compartir', reset: 'Restablecer', fellBack: /responde el código del ejemplo/, idle: /siguió ejecutándose sin que nadie se lo pidiera|mensaje no válido/ },
  en: { base: '/en/playground/', loaded: /✓ 3 routes loaded/, path: 'Path', send: 'Send', response: 'Response', stored: 'Data stored in the session.', editor: 'Route code', share: 'Share', reset: 'Reset', fellBack: /example's code answers meanwhile/, idle: /kept running when nothing asked it to|invalid message/ },
} as const;

const HOSTILE = {
  'a loop armed from a timer': 'setTimeout(() => { for (;;) {} }, 0)',
  'a 10 MB flood from a timer': "setTimeout(() => { const big = 'x'.repeat(10 * 1024 * 1024); for (;;) (self as any).postMessage(big) }, 0)",
};

/** A share link carrying `extra` at the top of the example's code, made the way a reader makes one. */
async function hostileLink(page: Page, w: (typeof LANGS)[keyof typeof LANGS], extra: string): Promise<{ link: string; code: string }> {
  await page.goto(`${w.base}?editor=plain`);
  await expect(page.getByRole('status').filter({ hasText: w.loaded })).toBeVisible({ timeout: 20_000 });
  const editor = page.getByRole('textbox', { name: w.editor });
  const code = `${extra}\n${await editor.inputValue()}`;
  await editor.fill(code);
  await page.getByRole('button', { name: w.share, exact: true }).click();
  const link = await page.getByRole('textbox', { name: w.share }).inputValue();
  expect(link).toContain('#state=');
  return { link, code };
}

for (const [lang, w] of Object.entries(LANGS)) {
  for (const [name, extra] of Object.entries(HOSTILE)) {
    test(`${lang}: ${name}, opened from a share link, is stopped; the page answers and Reset recovers`, async ({ page, browser }) => {
      const { link, code } = await hostileLink(page, w, extra);
      const victim = await (await browser.newContext()).newPage();
      const errors: string[] = [];
      victim.on('pageerror', (e) => errors.push(e.message));
      await victim.goto(link.replace('?', '?editor=plain&'));
      const status = victim.getByRole('status').filter({ hasText: w.fellBack });
      await expect(status).toBeVisible({ timeout: 15_000 });
      await expect(status).toContainText(w.idle);
      // The reader's code is never lost, and the page keeps answering, with the example's routes.
      await expect(victim.getByRole('textbox', { name: w.editor })).toHaveValue(code);
      await victim.getByRole('textbox', { name: w.path, exact: true }).fill('/');
      await victim.getByRole('button', { name: w.send, exact: true }).click();
      await expect(victim.getByRole('region', { name: w.response })).toContainText(w.stored, { timeout: 10_000 });
      await expect(victim.locator('iframe[data-session-lab-sandbox]')).toHaveCount(1);
      // Reset, in the same visit.
      victim.once('dialog', (d) => void d.accept());
      await victim.getByRole('button', { name: w.reset, exact: true }).click();
      await expect(victim.getByRole('status').filter({ hasText: w.loaded })).toBeVisible({ timeout: 10_000 });
      // Nothing comes back by itself: two watch periods later the example still runs, undisturbed.
      await victim.waitForTimeout(3000);
      await expect(victim.getByRole('status').filter({ hasText: w.loaded })).toBeVisible();
      await victim.getByRole('button', { name: w.send, exact: true }).click();
      await expect(victim.getByRole('region', { name: w.response })).toContainText(w.stored, { timeout: 10_000 });
      expect(errors).toEqual([]);
    });
  }
}
