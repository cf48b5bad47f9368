/**
 * The editor knows `session-lab` by the engine's own types (generated at build time): a wrong use
 * of the session API is a squiggle, which it could not be if the module were missing or `any`.
 */
import { expect, test } from '@playwright/test';

test('Monaco checks the reader\'s code against the generated session-lab declarations', async ({ page }) => {
  await page.goto('/en/playground/');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: /routes loaded/ })).toBeVisible({ timeout: 20_000 });
  const errors = page.locator('.monaco-editor .squiggly-error');
  await page.waitForTimeout(4000); // the TypeScript worker's first pass
  await expect(errors).toHaveCount(0);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  // The module resolves and its types are known: a correct use raises nothing...
  // (The example imports `type SessionRequest` from 'session-lab' already.)
  await page.keyboard.insertText("\nimport type { Session as S } from 'session-lab'\nconst isPermanent = (r: SessionRequest): boolean => r.session.permanent\nconst keys = (s: S): string[] => s.keys()\n");
  await page.waitForTimeout(4000);
  await expect(errors).toHaveCount(0);
  // ...and they are not `any`: `permanent` is a boolean on the engine's Session, not a number.
  await page.keyboard.insertText('const asNumber = (r: SessionRequest): number => r.session.permanent\n');
  await expect(errors.first()).toBeVisible({ timeout: 20_000 });
});
