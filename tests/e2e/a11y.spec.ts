/**
 * WCAG 2.2 AA in Chromium with axe-core (injected from node_modules, nothing fetched): the home page,
 * a lesson with its playground island, the full playground in light and dark after a request (so the
 * response, the cookie table and the timeline are on screen), and an embed, in both languages.
 */
import { createRequire } from 'node:module';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const found = await page.evaluate(async (tags) => {
    interface Axe {
      getRules(tags: string[]): { ruleId: string; tags: string[] }[];
      run(ctx: Document, opts: unknown): Promise<{ violations: Violation[] }>;
    }
    const axe = (window as unknown as { axe: Axe }).axe;
    // axe's stable rules for these criteria; its experimental ones stay off, as in a default run.
    const rules = axe.getRules(tags).filter((r) => !r.tags.includes('experimental')).map((r) => r.ruleId);
    const result = await axe.run(document, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] });
    return result.violations;
  }, TAGS);
  // One line per failing element, so a failure names what to fix.
  return found.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${(n.failureSummary ?? v.help).split('\n').slice(0, 2).join(' ')}`));
}

const WORDS = {
  es: { prefix: '/', loaded: /✓ \d+ rutas cargadas/, send: 'Enviar', path: 'Ruta' },
  en: { prefix: '/en/', loaded: /✓ \d+ routes loaded/, send: 'Send', path: 'Path' },
} as const;

async function theme(page: Page, name: 'light' | 'dark') {
  await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), name);
}

for (const lang of ['es', 'en'] as const) {
  const w = WORDS[lang];
  test.describe(`WCAG 2.2 AA (${lang})`, () => {
    test('home page', async ({ page }) => {
      await page.goto(w.prefix);
      expect(await violations(page)).toEqual([]);
    });

    for (const name of ['light', 'dark'] as const) {
      test(`a lesson with its playground (${name})`, async ({ page }) => {
        await theme(page, name);
        await page.goto(`${w.prefix}guide/session/`);
        const root = page.locator('[data-slp-root]').first();
        // Before the island mounts: the build's highlighted code is what the reader sees first.
        expect(await violations(page)).toEqual([]);
        await root.scrollIntoViewIfNeeded();
        await expect(root.locator('.slp-status').filter({ hasText: w.loaded })).toBeVisible({ timeout: 20_000 });
        expect(await violations(page)).toEqual([]);
      });

      test(`the full playground after a request (${name})`, async ({ page }) => {
        await theme(page, name);
        await page.goto(`${w.prefix}playground/`);
        await expect(page.locator('.slp-status').filter({ hasText: w.loaded })).toBeVisible({ timeout: 20_000 });
        await page.getByRole('textbox', { name: w.path, exact: true }).fill('/');
        await page.getByRole('button', { name: w.send, exact: true }).click();
        await expect(page.locator('.slp-timeline li, .slp-timeline tr').first()).toBeVisible();
        await expect(page.locator('.slp-editor .monaco-editor')).toBeVisible({ timeout: 30_000 });
        expect(await violations(page)).toEqual([]);
      });

      test(`an embed (${name})`, async ({ page }) => {
        await page.goto(`${w.prefix}embed/counter/?theme=${name}`);
        await expect(page.locator('.slp-status').filter({ hasText: w.loaded })).toBeVisible({ timeout: 20_000 });
        expect(await violations(page)).toEqual([]);
      });
    }
  });
}
