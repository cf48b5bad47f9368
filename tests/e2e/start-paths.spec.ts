/**
 * Every path a reader takes into the playground, with Monaco (the editor desktops get), for every
 * example in content/examples and both languages, on {full page, lesson island, embed} × {fresh,
 * reload with saved work, share link}. Each asserts that the editor becomes editable, that the code
 * on screen is the code that answers (the routes listed are the routes in the visible code, and a
 * route added in the editor answers), and that checks agree with the page's language. The picker
 * opens every example.
 *
 * Every example goes through every surface (the lesson where a lesson holds it) with all three
 * starts. The six examples of the original course do so in both languages; each lesson's exercise
 * example in one, Spanish and English alternating over them, and the picker and the per-language
 * checks open it in both. The full cross product would add five minutes to CI for paths that differ
 * only in the words on screen.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';

const root = new URL('../../', import.meta.url).pathname;
const EXAMPLES = readdirSync(`${root}content/examples`, { withFileTypes: true })
  .filter((d) => d.isDirectory() && readdirSync(`${root}content/examples/${d.name}`).includes('routes.ts'))
  .map((d) => d.name)
  .sort();
type Example = string;
const ORIGINAL = ['seed', 'counter', 'cart', 'flash', 'login-form', 'permanent'];
const EXERCISES = EXAMPLES.filter((e) => !ORIGINAL.includes(e));
// Independent cases (each opens its own contexts): two workers share the machine's cores.
test.describe.configure({ mode: 'parallel' });

/** A lesson that holds each example's playground (the first one, in file order). */
const LESSONS: Record<Example, string> = {};
for (const file of readdirSync(`${root}content/docs/guide`).sort()) {
  for (const m of readFileSync(`${root}content/docs/guide/${file}`, 'utf8').matchAll(/\bexample="([a-z0-9-]+)"/g)) {
    LESSONS[m[1]] ??= `guide/${file.replace(/\.mdx$/, '')}/`;
  }
}

type Surface = 'full' | 'lesson' | 'embed';
function surfacesFor(example: Example, lang: Lang): Surface[] {
  const surfaces: Surface[] = LESSONS[example] ? ['full', 'lesson', 'embed'] : ['full', 'embed'];
  if (ORIGINAL.includes(example)) return surfaces;
  // An exercise's example: every surface, in one language, alternating over the examples.
  const inSpanish = EXERCISES.indexOf(example) % 2 === 0;
  return inSpanish === (lang === 'es') ? surfaces : [];
}

const WORDS = {
  es: { prefix: '/', loaded: /✓ (\d+) rutas? cargadas?/, send: 'Enviar', path: 'Ruta', open: 'Editar el código', share: 'Compartir', tools: /^Herramientas/, run: 'Comprobar', all: /¡Todo correcto!/, some: /\d+ de \d+ comprobaciones correctas/, solution: 'Ver la solución', response: 'Respuesta' },
  en: { prefix: '/en/', loaded: /✓ (\d+) routes? loaded/, send: 'Send', path: 'Path', open: 'Edit the code', share: 'Share', tools: /^Tools/, run: 'Run the checks', all: /All good!/, some: /\d+ of \d+ checks passed/, solution: 'Show the solution', response: 'Response' },
} as const;
type Lang = keyof typeof WORDS;

test('the examples and lessons were found', () => {
  expect(EXAMPLES.length).toBeGreaterThanOrEqual(18);
  for (const example of ORIGINAL) expect(EXAMPLES).toContain(example);
  for (const example of EXAMPLES) {
    const met = new Set([...surfacesFor(example, 'es'), ...surfacesFor(example, 'en')]);
    expect([...met].sort(), example).toEqual(LESSONS[example] ? ['embed', 'full', 'lesson'] : ['embed', 'full']);
  }
  expect(EXERCISES.filter((e) => surfacesFor(e, 'en').length > 0).length).toBeGreaterThan(0);
});

const source = (example: Example, lang: Lang, file: 'routes' | 'solution' = 'routes') =>
  readFileSync(`${root}content/examples/${example}/${file}${lang === 'en' ? '.en' : ''}.ts`, 'utf8');
const norm = (code: string) => code.replace(/\r\n/g, '\n').replace(/\u00a0/g, ' ').trimEnd();
const routesIn = (code: string) =>
  [...code.matchAll(/\brouter\.(get|post|put|patch|delete|all)\(\s*['"`]([^'"`]+)['"`]/g)].map((m) => `${m[1].toUpperCase()} ${m[2]}`).sort();

const urlFor = (surface: Surface, example: Example, lang: Lang) =>
  surface === 'full' ? `${WORDS[lang].prefix}playground/?example=${example}` : surface === 'embed' ? `${WORDS[lang].prefix}embed/${example}/` : `${WORDS[lang].prefix}${LESSONS[example]}`;

async function context(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  return ctx;
}

/** The playground of this example on the page (a lesson page may hold several). */
const rootOf = (page: Page, surface: Surface, example: Example) =>
  page.locator(surface === 'lesson' ? `[data-slp-root][data-example="${example}"]` : '[data-slp-root]').first();
const playground = (page: Page) => page.locator('[data-slp-root][data-slp-mounted]').first();

async function mounted(page: Page, surface: Surface, example: Example): Promise<Locator> {
  const root = rootOf(page, surface, example);
  if (surface === 'lesson') await root.scrollIntoViewIfNeeded();
  await expect(root).toHaveAttribute('data-slp-mounted', 'true', { timeout: 20_000 });
  return root;
}

async function loadedCount(pg: Locator, lang: Lang): Promise<number> {
  const status = pg.locator('.slp-status').filter({ hasText: WORDS[lang].loaded });
  await expect(status).toBeVisible({ timeout: 20_000 });
  return Number((await status.textContent())!.match(WORDS[lang].loaded)![1]);
}

/** Opens Monaco (lessons: with the reader's click) and waits until it takes keys. */
async function monaco(pg: Locator, lang: Lang, surface: Surface): Promise<Locator> {
  // Lessons and embeds load Monaco (1 MB) when the reader asks; the full page opens it by itself.
  if (surface !== 'full') await pg.getByRole('button', { name: WORDS[lang].open }).click();
  const editor = pg.locator('.slp-editor .monaco-editor');
  await expect(editor).toBeVisible({ timeout: 30_000 });
  await expect(pg.locator('.slp-editor-message')).not.toHaveText(/…/);
  // Monaco 0.57 takes keys through an EditContext element (role textbox); typing below proves it.
  await expect(editor.getByRole('textbox')).toHaveCount(1);
  await expect(editor.getByRole('textbox')).not.toHaveAttribute('aria-readonly', 'true');
  return editor;
}

/** The code in Monaco, as the reader would copy it: select all, copy, read the clipboard. */
async function codeInEditor(page: Page, editor: Locator): Promise<string> {
  // Focus goes where Monaco takes keys (its EditContext element), wherever the view is scrolled.
  await editor.getByRole('textbox').focus();
  // Keys pressed anywhere else select and copy the page: say so plainly if focus is elsewhere.
  await expect(editor.getByRole('textbox')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+C');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  await page.keyboard.press('ControlOrMeta+End');
  return norm(text);
}

/** A lesson or embed before the reader opens the editor: the read-only code shown is the restored code, not the pristine example. */
async function expectCodeViewShows(pg: Locator, code: string): Promise<void> {
  const view = pg.locator('.slp-editor .slp-code-view');
  await expect(view).toBeVisible({ timeout: 20_000 });
  expect(norm(await view.innerText())).toBe(code);
}

async function routesListed(pg: Locator): Promise<string[]> {
  return (await pg.locator('.slp-route').allTextContents()).map((r) => (/^[A-Z]+ /.test(r) ? r : `ALL ${r}`)).sort();
}

/** Everything on screen agrees: the routes listed are the routes in the code shown, and they loaded. */
async function expectRoutesMatch(pg: Locator, lang: Lang, code: string): Promise<void> {
  const wanted = routesIn(code);
  // Edits reach the sandbox after a short debounce: wait for the listing to settle on the code.
  await expect.poll(() => routesListed(pg), { timeout: 15_000 }).toEqual(wanted);
  expect(await loadedCount(pg, lang)).toBe(wanted.length);
}

async function send(pg: Locator, lang: Lang, path: string): Promise<Locator> {
  await pg.getByRole('textbox', { name: WORDS[lang].path, exact: true }).fill(path);
  await pg.getByRole('button', { name: WORDS[lang].send, exact: true }).click();
  return pg.getByRole('region', { name: WORDS[lang].response });
}

const addedRoute = (example: Example, lang: Lang) => `\nrouter.get('/added-by-reader', () => 'answered by ${example} ${lang}')\n`;

for (const lang of ['es', 'en'] as const) {
  for (const example of EXAMPLES) {
    for (const surface of surfacesFor(example, lang)) {
      test(`${lang} · ${example} · ${surface}: fresh, reload with saved work, share link`, async ({ browser, baseURL }) => {
        test.setTimeout(150_000);
        const written = norm(source(example, lang));
        const edited = norm(source(example, lang) + addedRoute(example, lang));
        const url = urlFor(surface, example, lang);

        // Fresh: the example as written, editable.
        const ctx = await context(browser, baseURL!);
        const page = await ctx.newPage();
        await page.goto(url);
        let pg = await mounted(page, surface, example);
        let editor = await monaco(pg, lang, surface);
        expect(await codeInEditor(page, editor)).toBe(written);
        await expectRoutesMatch(pg, lang, written);
        await page.keyboard.insertText(addedRoute(example, lang));
        expect(await codeInEditor(page, editor)).toBe(edited);
        await expectRoutesMatch(pg, lang, edited);
        await expect(await send(pg, lang, '/added-by-reader')).toContainText(`answered by ${example} ${lang}`);

        // Reload: the saved work is what is shown (before and after the editor opens) and what answers.
        await page.reload();
        pg = await mounted(page, surface, example);
        if (surface !== 'full') await expectCodeViewShows(pg, edited);
        editor = await monaco(pg, lang, surface);
        expect(await codeInEditor(page, editor)).toBe(edited);
        await expectRoutesMatch(pg, lang, edited);
        await expect(await send(pg, lang, '/added-by-reader')).toContainText(`answered by ${example} ${lang}`);

        // Share link, opened by someone with nothing saved. The compact embed folds its tools (Share
        // among them) behind a disclosure: the reader opens it first.
        if (surface === 'embed') {
          const tools = pg.locator('details.slp-embed-tools');
          await tools.locator('summary').filter({ hasText: WORDS[lang].tools }).click();
          await expect(tools).toHaveJSProperty('open', true);
        }
        await pg.getByRole('button', { name: WORDS[lang].share, exact: true }).click();
        const link = await pg.locator('.slp-share-url').inputValue();
        await ctx.close();
        const other = await context(browser, baseURL!);
        const friend = await other.newPage();
        await friend.goto(link);
        pg = await mounted(friend, surface, example);
        if (surface !== 'full') await expectCodeViewShows(pg, edited);
        editor = await monaco(pg, lang, surface);
        expect(await codeInEditor(friend, editor)).toBe(edited);
        await expectRoutesMatch(pg, lang, edited);
        await expect(await send(pg, lang, '/added-by-reader')).toContainText(`answered by ${example} ${lang}`);
        await other.close();
      });
    }
  }

  test(`${lang} · the example picker opens every example in an editable Monaco`, async ({ browser, baseURL }) => {
    test.setTimeout(150_000);
    const ctx = await context(browser, baseURL!);
    const page = await ctx.newPage();
    await page.goto(`${WORDS[lang].prefix}playground/`);
    let pg = await mounted(page, 'full', 'seed');
    // Every other example, then back to the one the page opened with.
    const first = (await pg.getAttribute('data-example'))!;
    for (const example of [...EXAMPLES.filter((e) => e !== first), first]) {
      await pg.locator('.slp-toolbar select').selectOption(example);
      await expect(page).toHaveURL(new RegExp(`example=${example}`));
      pg = playground(page);
      const editor = await monaco(pg, lang, 'full');
      const written = norm(source(example, lang));
      expect(await codeInEditor(page, editor)).toBe(written);
      await expectRoutesMatch(pg, lang, written);
    }
    await ctx.close();
  });
}

for (const example of EXAMPLES) {
  test(`${example}: checks agree with the language (an exercise fails, then passes with its solution), and each language keeps its own work`, async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    const ctx = await context(browser, baseURL!);
    const page = await ctx.newPage();
    page.on('dialog', (d) => void d.accept());
    const hasSolution = (() => {
      try {
        return source(example, 'es', 'solution').length > 0;
      } catch {
        return false;
      }
    })();
    for (const lang of ['es', 'en'] as const) {
      await page.goto(urlFor('full', example, lang));
      const pg = await mounted(page, 'full', example);
      // The other language's work (solved just before) never shows up here.
      const editor = await monaco(pg, lang, 'full');
      expect(await codeInEditor(page, editor)).toBe(norm(source(example, lang)));
      if (hasSolution) {
        // An exercise: its starting code fails its checks, in this language's words.
        await loadedCount(pg, lang);
        await pg.getByRole('button', { name: WORDS[lang].run }).click();
        await expect(pg.locator('.slp-check-summary')).toContainText(WORDS[lang].some, { timeout: 20_000 });
        await expect(pg.locator('.slp-check-summary')).not.toContainText(WORDS[lang].all);
        await pg.getByRole('button', { name: WORDS[lang].solution }).click();
        await expect.poll(() => codeInEditor(page, editor)).toBe(norm(source(example, lang, 'solution')));
      }
      await loadedCount(pg, lang);
      await pg.getByRole('button', { name: WORDS[lang].run }).click();
      await expect(pg.locator('.slp-check-summary')).toContainText(WORDS[lang].all, { timeout: 20_000 });
    }
    await ctx.close();
  });
}
