/**
 * The security actors in a real browser, in both languages, with the default editor (Monaco on the
 * desktop): another site's request marked in the timeline with the cookies it carried and why others
 * stayed home, a script that cannot read an HttpOnly cookie, the key guesser finding a weak key and
 * not a strong one while the page keeps answering, and the CSRF exercise judged by those actors.
 */
import { createRequire } from 'node:module';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** WCAG 2.2 AA violations inside the attacks section, one line per element (axe-core from node_modules). */
async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    interface Axe {
      getRules(tags: string[]): { ruleId: string; tags: string[] }[];
      run(ctx: Element, opts: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
    }
    const axe = (window as unknown as { axe: Axe }).axe;
    const rules = axe.getRules(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).filter((r) => !r.tags.includes('experimental')).map((r) => r.ruleId);
    const result = await axe.run(document.querySelector('.slp-attacks')!, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${v.help}`));
  });
}

const LANGS = {
  es: {
    playground: '/playground/',
    lesson: '/guide/csrf-samesite/',
    loaded: /✓ \d+ rutas? cargadas?/,
    path: 'Ruta',
    send: 'Enviar',
    response: 'Respuesta',
    attacks: 'Ataques',
    siteTab: 'Otro sitio (CSRF)',
    scriptTab: 'Script en la página (XSS)',
    guessTab: 'Adivinar la clave',
    how: 'Cómo',
    sitePath: 'Ruta de tu aplicación',
    formPost: 'formulario enviado (POST de nivel superior)',
    image: 'imagen (subrecurso GET)',
    link: 'enlace seguido (GET de nivel superior)',
    siteSend: 'Hacer la petición desde evil.example',
    sentSession: 'Cookies enviadas: session',
    sentNone: 'Cookies enviadas: ninguna',
    laxSubresource: /session no se envió: SameSite=Lax: .*imágenes/,
    page: 'Página',
    read: 'Leer document.cookie',
    nothing: '"" (nada visible)',
    httpOnly: 'session no se ve: es HttpOnly',
    writeLabel: 'Escribir con document.cookie =',
    write: 'Escribir',
    builtIn: /Lista incluida/,
    yours: 'Tu lista (una clave por línea)',
    tryKeys: 'Probar claves',
    stop: 'Parar',
    found: 'Clave encontrada tras',
    resisted: /Ninguna de las \d+ claves firmó esta cookie/,
    stopped: /Parado tras probar/,
    secretKey: 'Clave secreta',
    run: 'Comprobar',
    solution: 'Ver la solución',
    allGood: '¡Todo correcto!',
    formCheck: 'Un formulario enviado desde evil.example no mueve dinero',
  },
  en: {
    playground: '/en/playground/',
    lesson: '/en/guide/csrf-samesite/',
    loaded: /✓ \d+ routes? loaded/,
    path: 'Path',
    send: 'Send',
    response: 'Response',
    attacks: 'Attacks',
    siteTab: 'Another site (CSRF)',
    scriptTab: 'A script in the page (XSS)',
    guessTab: 'Guess the key',
    how: 'How',
    sitePath: 'Path on your app',
    formPost: 'form posted (top-level POST)',
    image: 'image (subresource GET)',
    link: 'link followed (top-level GET)',
    siteSend: 'Make the request from evil.example',
    sentSession: 'Cookies sent: session',
    sentNone: 'Cookies sent: none',
    laxSubresource: /session was not sent: SameSite=Lax: .*images/,
    page: 'Page',
    read: 'Read document.cookie',
    nothing: '"" (nothing visible)',
    httpOnly: 'session is not visible: it is HttpOnly',
    writeLabel: 'Write with document.cookie =',
    write: 'Write',
    builtIn: /Built-in list/,
    yours: 'Your list (one key per line)',
    tryKeys: 'Try keys',
    stop: 'Stop',
    found: 'Key found after',
    resisted: /None of the \d+ keys signed this cookie/,
    stopped: /Stopped after trying/,
    secretKey: 'Secret key',
    run: 'Run the checks',
    solution: 'Show the solution',
    allGood: 'All good!',
    formCheck: 'A form posted from evil.example moves no money',
  },
} as const;

type Words = (typeof LANGS)[keyof typeof LANGS];

async function openPlayground(page: Page, w: Words) {
  await page.goto(w.playground);
  await expect(page.getByRole('status').filter({ hasText: w.loaded })).toBeVisible({ timeout: 30_000 });
}

async function send(page: Page, w: Words, path: string) {
  await page.getByRole('textbox', { name: w.path, exact: true }).fill(path);
  await page.getByRole('button', { name: w.send, exact: true }).click();
}

async function openAttacks(page: Page, w: Words, tab: string) {
  const attacks = page.locator('.slp-attacks');
  if (!(await attacks.evaluate((d) => (d as HTMLDetailsElement).open))) await page.getByText(w.attacks, { exact: true }).click();
  await page.getByRole('tab', { name: tab }).click();
  return attacks;
}

for (const lang of ['es', 'en'] as const) {
  const w = LANGS[lang];

  test.describe(`the attacks in the full playground (${lang})`, () => {
    test('another site: a form carries the young default cookie, an image does not, and both are marked', async ({ page }) => {
      await openPlayground(page, w);
      await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
      await expect(page.locator('.slp-attacks')).not.toHaveAttribute('open', '');
      await send(page, w, '/');
      const attacks = await openAttacks(page, w, w.siteTab);
      await attacks.getByLabel(w.how).selectOption({ label: w.formPost });
      await attacks.getByLabel(w.sitePath, { exact: true }).fill('/perfil');
      await attacks.getByRole('button', { name: w.siteSend }).click();
      const result = attacks.locator('.slp-attack-site .slp-attack-result');
      await expect(result).toContainText(w.sentSession);
      await expect(page.locator('.slp-timeline-item').last()).toContainText('evil.example · POST /perfil');
      await expect(page.getByRole('region', { name: w.response })).toContainText('https://evil.example/');

      await attacks.getByLabel(w.how).selectOption({ label: w.image });
      await attacks.getByRole('button', { name: w.siteSend }).click();
      await expect(result).toContainText(w.sentNone);
      await expect(result).toContainText(w.laxSubresource);
      await expect(page.locator('.slp-timeline-item').last()).toContainText('evil.example · GET /perfil');
    });

    test('a script in the page does not see the HttpOnly session cookie, and sees what it wrote', async ({ page }) => {
      await openPlayground(page, w);
      await send(page, w, '/');
      const attacks = await openAttacks(page, w, w.scriptTab);
      await attacks.getByLabel(w.page, { exact: true }).fill('/perfil');
      await attacks.getByRole('button', { name: w.read }).click();
      const reading = attacks.locator('.slp-attack-script .slp-attack-result');
      await expect(reading.locator('.slp-document-cookie')).toHaveText(w.nothing);
      await expect(reading).toContainText(w.httpOnly);
      await attacks.getByLabel(w.writeLabel).fill('tema=oscuro; Path=/');
      await attacks.getByRole('button', { name: w.write, exact: true }).click();
      await expect(reading.locator('.slp-document-cookie')).toHaveText('tema=oscuro');
      // The jar shows it too: the script really wrote a cookie.
      await expect(page.locator('.slp-cookies')).toContainText('tema');
    });

    test('the key guesser finds the weak example key, stops on request, and a strong key resists', async ({ page }) => {
      await openPlayground(page, w);
      await send(page, w, '/');
      const attacks = await openAttacks(page, w, w.guessTab);
      await attacks.getByRole('button', { name: w.tryKeys }).click();
      const result = attacks.locator('.slp-attack-guess .slp-attack-result');
      await expect(result).toContainText(w.found);
      await expect(result).toContainText('tu_clave_secreta_aqui');

      // A strong key: a new cookie signed with it, then the built-in list and a long list of the reader's.
      const strong = 'f3a9c1e07b5d4e2a9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d';
      await page.getByRole('textbox', { name: w.secretKey }).fill(strong);
      await page.getByRole('textbox', { name: w.secretKey }).press('Tab');
      await send(page, w, '/');
      await expect(page.getByRole('region', { name: w.response })).toContainText(lang === 'es' ? 'Datos almacenados' : 'Data stored');
      // A long list of the reader's, set in one go (typing 100,000 lines would test the keyboard, not the guesser).
      await attacks.getByLabel(w.yours).evaluate((el) => {
        (el as HTMLTextAreaElement).value = Array.from({ length: 100_000 }, (_, i) => `palabra-${i}`).join('\n');
      });
      await attacks.getByRole('button', { name: w.tryKeys }).click();
      // While it runs, the page answers: the progress moves, another control takes typing, and Stop works.
      await expect(attacks.locator('.slp-guess-progress')).toBeVisible();
      const path = page.getByRole('textbox', { name: w.path, exact: true });
      await path.fill('/perfil');
      await expect(path).toHaveValue('/perfil');
      await attacks.getByRole('button', { name: w.stop }).click();
      await expect(result).toContainText(w.stopped);

      await attacks.getByLabel(w.yours).fill('');
      await attacks.getByRole('button', { name: w.tryKeys }).click();
      await expect(result).toContainText(w.resisted, { timeout: 30_000 });
    });
  });

  test(`the attacks section meets WCAG 2.2 AA with each actor's result on screen, and works from the keyboard (${lang})`, async ({ page }) => {
    await openPlayground(page, w);
    await send(page, w, '/');
    const attacks = await openAttacks(page, w, w.siteTab);
    await attacks.getByRole('button', { name: w.siteSend }).click();
    await expect(attacks.locator('.slp-attack-site .slp-attack-result')).toContainText(w.sentSession);
    expect(await violations(page)).toEqual([]);
    // The tabs follow the ARIA pattern: arrows move between them.
    await attacks.getByRole('tab', { name: w.siteTab }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(attacks.getByRole('tab', { name: w.scriptTab })).toBeFocused();
    await expect(attacks.getByRole('tab', { name: w.scriptTab })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(attacks.getByRole('button', { name: w.read })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(attacks.locator('.slp-attack-script .slp-attack-result')).toContainText(w.httpOnly);
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('End');
    await expect(attacks.getByRole('tab', { name: w.guessTab })).toBeFocused();
    await attacks.getByRole('button', { name: w.tryKeys }).click();
    await expect(attacks.locator('.slp-attack-guess .slp-attack-result')).toContainText(w.found);
    expect(await violations(page)).toEqual([]);
  });

  test(`the CSRF lesson: the actors are there, and its exercise fails on the starting code and passes with the solution (${lang})`, async ({ page }) => {
    page.on('dialog', (d) => void d.accept());
    await page.goto(w.lesson);
    // A lesson's playground loads when the reader scrolls near it; the exercise is the last one.
    await page.locator('[data-slp-root]').last().scrollIntoViewIfNeeded();
    const lab = page.locator('[data-slp-root]').last();
    await expect(lab.getByRole('status').filter({ hasText: w.loaded })).toBeVisible({ timeout: 30_000 });
    // The editor the lesson gets by default (Monaco after a click on desktop) does not change the checks.
    await lab.getByRole('button', { name: w.run }).click();
    await expect(lab.locator('.slp-exercise')).toContainText(`✗ ${w.formCheck}`, { timeout: 30_000 });
    await expect(lab.locator('.slp-check-summary')).not.toContainText(w.allGood);

    // Each actor works in the lesson too.
    await lab.getByRole('textbox', { name: w.path, exact: true }).fill('/cuenta');
    await lab.getByRole('button', { name: w.send, exact: true }).click();
    const attacks = lab.locator('.slp-attacks');
    await attacks.getByText(w.attacks, { exact: true }).click();
    await attacks.getByRole('tab', { name: w.siteTab }).click();
    await attacks.getByLabel(w.how).selectOption({ label: w.link });
    await attacks.getByLabel(w.sitePath, { exact: true }).fill('/transferir?cantidad=10');
    await attacks.getByRole('button', { name: w.siteSend }).click();
    await expect(attacks.locator('.slp-attack-site .slp-attack-result')).toContainText(w.sentSession);
    await attacks.getByRole('tab', { name: w.scriptTab }).click();
    await attacks.getByRole('button', { name: w.read }).click();
    await expect(attacks.locator('.slp-attack-script .slp-attack-result')).toContainText(w.httpOnly);
    await attacks.getByRole('tab', { name: w.guessTab }).click();
    await attacks.getByRole('button', { name: w.tryKeys }).click();
    await expect(attacks.locator('.slp-attack-guess .slp-attack-result')).toContainText('tu_clave_secreta_aqui');

    await lab.getByRole('button', { name: w.solution }).click();
    await lab.getByRole('button', { name: w.run }).click();
    await expect(lab.locator('.slp-check-summary')).toContainText(w.allGood, { timeout: 30_000 });
  });
}

test('the attacks section in an embed: folded, and the other site works there too', async ({ page }) => {
  const w = LANGS.en;
  await page.goto('/en/embed/csrf-token/');
  await expect(page.getByRole('status').filter({ hasText: w.loaded })).toBeVisible({ timeout: 30_000 });
  await send(page, w, '/cuenta');
  const attacks = await openAttacks(page, w, w.siteTab);
  await attacks.getByLabel(w.how).selectOption({ label: w.formPost });
  await attacks.getByLabel(w.sitePath, { exact: true }).fill('/transferir');
  await attacks.getByRole('button', { name: w.siteSend }).click();
  await expect(attacks.locator('.slp-attack-site .slp-attack-result')).toContainText(w.sentSession);
});
