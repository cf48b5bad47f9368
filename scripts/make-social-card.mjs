// Renders public/og.png (1200×630), the card shown when a page is shared, with the machine's Chromium.
// Run: npx node scripts/make-social-card.mjs
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const logo = readFileSync(new URL('../public/favicon.svg', import.meta.url), 'utf8');
const html = `<!doctype html><html><body style="margin:0;width:1200px;height:630px;display:flex;
align-items:center;gap:60px;padding:0 90px;box-sizing:border-box;font-family:'DejaVu Sans',sans-serif;
background:linear-gradient(135deg,#0f2419,#1d3b2c 60%,#2f8a5f);color:#fff">
<div style="width:260px;height:260px;flex:none">${logo.replace('<svg', '<svg width="260" height="260"')}</div>
<div><div style="font-size:84px;font-weight:700;letter-spacing:-1px">Session Lab</div>
<div style="font-size:34px;margin-top:20px;line-height:1.35;color:#d2f0df">La sesión de Flask y las cookies HTTP,<br>en un laboratorio interactivo</div>
<div style="font-size:26px;margin-top:26px;color:#b8e6cc;font-family:'DejaVu Sans Mono',monospace">session=eyJ1c2VybmFtZSI6…</div></div>
</body></html>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(html);
await page.screenshot({ path: new URL('../public/og.png', import.meta.url).pathname });
await browser.close();
