import { test, expect } from '@playwright/test';

test('the welcome page exists in Spanish at the root and in English under /en/', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Session Lab');
  await page.goto('/en/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('link', { name: 'Start the guide' })).toBeVisible();
});

test('the language picker switches a page to its translation', async ({ page }) => {
  await page.goto('/guide/session/');
  const picker = page.locator('starlight-lang-select select').first();
  await picker.selectOption({ label: 'English' });
  await expect(page).toHaveURL(/\/en\/guide\/session\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
