// Screenshots of pages at desktop and phone widths, light and dark, into screenshots/ (git-ignored),
// so the site is looked at, not assumed. Needs a server: `npm run preview` (or set BASE_URL).
// Usage: npx node scripts/screenshots.mjs / /en/ /playground/   [--full] [--only=phone-dark]
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const base = process.env.BASE_URL ?? 'http://localhost:4321';
const args = process.argv.slice(2);
const paths = args.filter((a) => !a.startsWith('--'));
const fullPage = args.includes('--full');
const only = args.find((a) => a.startsWith('--only='))?.slice(7);
const out = new URL('../screenshots/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });

const variants = [
  { name: 'desktop-light', width: 1280, height: 800, scheme: 'light' },
  { name: 'desktop-dark', width: 1280, height: 800, scheme: 'dark' },
  { name: 'phone-light', width: 375, height: 740, scheme: 'light', mobile: true },
  { name: 'phone-dark', width: 375, height: 740, scheme: 'dark', mobile: true },
].filter((v) => !only || v.name === only);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
for (const v of variants) {
  const context = await browser.newContext({
    viewport: { width: v.width, height: v.height },
    colorScheme: v.scheme,
    isMobile: !!v.mobile,
    hasTouch: !!v.mobile,
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  for (const path of paths) {
    await page.goto(base + path, { waitUntil: 'networkidle' });
    await page.waitForTimeout(400);
    const file = `${out}${(path.replace(/\//g, '_').replace(/^_|_$/g, '') || 'home')}-${v.name}.png`;
    await page.screenshot({ path: file, fullPage });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    console.log(file, overflow > 0 ? `HORIZONTAL OVERFLOW ${overflow}px` : '');
  }
  await context.close();
}
await browser.close();
