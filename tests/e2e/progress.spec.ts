/**
 * A learner's progress in a real browser: passing a lesson's exercise marks that lesson in the
 * sidebar and on the home page, in that language only; it survives a reload; a reset forgets it; an
 * unreadable record is set aside with a message. Nothing but local storage is involved.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const LANGS = {
  es: { home: '/', lesson: '/guide/when-is-it-saved/', solution: 'Ver la solución', run: 'Comprobar', allGood: '¡Todo correcto!', done: '(completada)', summary: (done: number, total: number) => `Has completado ${done} de ${total} lecciones.`, none: /Aún no has completado/, reset: 'Borrar mi progreso', setAside: /lo hemos apartado/ },
  en: { home: '/en/', lesson: '/en/guide/when-is-it-saved/', solution: 'Show the solution', run: 'Run the checks', allGood: 'All good!', done: '(completed)', summary: (done: number, total: number) => `You have completed ${done} of ${total} lessons.`, none: /No lesson completed yet/, reset: 'Reset my progress', setAside: /kept aside/ },
} as const;

const sidebarLink = (page: Page, path: string) => page.locator(`nav.sidebar a[href="${path}"]`);

async function solveLesson(page: Page, w: (typeof LANGS)[keyof typeof LANGS]) {
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${w.lesson}?editor=plain`);
  // A lesson's playground loads when the reader scrolls near it.
  await page.locator('[data-slp-root]').last().scrollIntoViewIfNeeded();
  await page.getByRole('button', { name: w.solution }).click();
  await page.getByRole('button', { name: w.run }).click();
  await expect(page.locator('.slp-check-summary')).toContainText(w.allGood, { timeout: 20_000 });
}

for (const [lang, w] of Object.entries(LANGS)) {
  const other = LANGS[lang === 'es' ? 'en' : 'es'];
  test(`passing a lesson's exercise marks it, per language, across reloads, until reset (${lang})`, async ({ page }) => {
    await page.goto(w.lesson);
    await expect(sidebarLink(page, w.lesson)).not.toHaveAttribute('data-slp-done');
    await solveLesson(page, w);
    // The sidebar of the same page updates at once, then every page and a reload keep it.
    await expect(sidebarLink(page, w.lesson)).toHaveAttribute('data-slp-done', '');
    await expect(sidebarLink(page, w.lesson)).toContainText(w.done);
    await page.reload();
    await expect(sidebarLink(page, w.lesson)).toHaveAttribute('data-slp-done', '');
    // Links within the page (its table of contents) are not the lesson and stay unmarked.
    await expect(page.locator('a[href^="#"][data-slp-done]')).toHaveCount(0);
    await page.goto(w.home);
    // Every lesson that holds only this exercise counts as completed, out of all lessons with one.
    const lessons: Record<string, string[]> = JSON.parse((await page.locator('[data-slp-lessons]').first().getAttribute('data-slp-lessons'))!);
    const solved = lessons[w.lesson]!;
    const done = Object.values(lessons).filter((ids) => ids.every((id) => solved.includes(id))).length;
    expect(done).toBeGreaterThanOrEqual(1);
    await expect(page.locator('[data-slp-progress-line]')).toHaveText(w.summary(done, Object.keys(lessons).length));
    await expect(page.locator(`.sl-markdown-content a[href="${w.lesson}"]`)).toHaveAttribute('data-slp-done', '');
    // The other language's course is not marked: its exercise answers in its own language.
    await page.goto(other.lesson);
    await expect(sidebarLink(page, other.lesson)).not.toHaveAttribute('data-slp-done');
    await page.goto(w.home);
    await page.getByRole('button', { name: w.reset }).click();
    await expect(page.locator('[data-slp-progress-line]')).toHaveText(w.none);
    await page.reload();
    await expect(page.locator('[data-slp-progress-line]')).toHaveText(w.none);
  });

  test(`an unreadable progress record is set aside with a message, and the site works (${lang})`, async ({ page }) => {
    await page.goto(w.home);
    await page.evaluate(() => localStorage.setItem('session-lab:progress', '{"v":1,"done":{"es":{"cart":"¿?"}}}'));
    await page.reload();
    await expect(page.locator('[data-slp-progress-note]').first()).toHaveText(w.setAside);
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('session-lab:progress:unreadable:')).map((k) => localStorage.getItem(k)));
    expect(kept).toEqual(['{"v":1,"done":{"es":{"cart":"¿?"}}}']);
    await expect(page.locator('[data-slp-progress-line]')).toHaveText(w.none);
    await solveLesson(page, w);
    await expect(sidebarLink(page, w.lesson)).toHaveAttribute('data-slp-done', '');
  });
}
