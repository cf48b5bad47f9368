/**
 * Hostile input that reaches the page (not the sandbox): share links whose state passes the checks
 * but is odd enough to break drawing, compressed-cookie bombs, states too large to save, and links
 * that replace work. In each case the page keeps answering in the same visit and nothing the reader
 * had is lost (it is on screen, or one click away among the earlier versions).
 */
import { deflateSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
// lz-string is CommonJS: under Playwright's ESM loader only its default export is an object.
import LZString from 'lz-string';

const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = LZString;

const BASE = '/en/playground/?editor=plain';
const editor = (page: Page) => page.getByRole('textbox', { name: 'Route code' });
const status = (page: Page) => page.locator('.slp-status');
const responseRegion = (page: Page) => page.getByRole('region', { name: 'Response' });

async function open(page: Page, url = BASE) {
  await page.goto(url);
  await expect(status(page)).toHaveText(/✓ \d+ routes? loaded/, { timeout: 20_000 });
}

async function send(page: Page, path: string) {
  await page.getByRole('textbox', { name: 'Path', exact: true }).fill(path);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

/** Puts `marker` into the code and a route that answers with it; waits until it answers. */
async function writeWork(page: Page, marker: string, extra = '') {
  const current = await editor(page).inputValue();
  const code = /router\.get\('\/mine', \(\) => '\w+'\)/.test(current)
    ? current.replace(/router\.get\('\/mine', \(\) => '\w+'\)/, `router.get('/mine', () => '${marker}')`)
    : current.replace('export default router', `router.get('/mine', () => '${marker}')\n${extra}\nexport default router`);
  await editor(page).fill(code);
  // The edit reaches the sandbox after a short debounce: ask until the new code answers.
  await expect(async () => {
    await send(page, '/mine');
    await expect(responseRegion(page)).toContainText(marker, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** A real navigation even when only the hash differs from the current address. */
async function visit(page: Page, url: string) {
  await page.goto('about:blank');
  await page.goto(url);
  await expect(status(page)).toHaveText(/✓ \d+ routes? loaded/, { timeout: 20_000 });
}

async function shareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  return page.locator('.slp-share-url').inputValue();
}

type State = Record<string, unknown> & { users: { history: Record<string, unknown>[]; jar: unknown }[]; clock: Record<string, number> };
const readLink = (link: string): State => JSON.parse(decompressFromEncodedURIComponent(new URL(link).hash.slice('#state='.length))!) as State;
const writeLink = (link: string, state: unknown) => {
  const url = new URL(link);
  url.hash = 'state=' + compressToEncodedURIComponent(JSON.stringify(state));
  return url.href;
};

/** The reader's work is on screen, or restorable from the earlier versions in this visit. */
async function expectWorkKept(page: Page, marker: string) {
  if (!(await editor(page).inputValue()).includes(marker)) {
    const earlier = page.locator('.slp-earlier');
    await earlier.locator('summary').click();
    await earlier.getByRole('button', { name: 'Restore this one' }).first().click();
  }
  await expect(editor(page)).toHaveValue(new RegExp(marker));
  await send(page, '/mine');
  await expect(responseRegion(page)).toContainText(marker);
}

/** A friend's state with one request made, as a link. */
async function friendsLink(browser: Browser, extra = '', path = '/'): Promise<string> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await open(page);
  await writeWork(page, 'FRIEND', extra);
  await send(page, path);
  await expect(responseRegion(page)).toBeVisible();
  const link = await shareLink(page);
  await ctx.close();
  return link;
}

test.describe.configure({ mode: 'parallel' });

const ODD: [string, (s: State) => void][] = [
  ['a history entry whose URL is not a URL', (s) => void ((s.users[0].history[0].request as Record<string, unknown>).url = 'not a url at all')],
  ['a null change', (s) => void (s.users[0].history[0].changes = [null])],
  ['a clock at the largest safe integer', (s) => void (s.clock = { start: Number.MAX_SAFE_INTEGER, now: Number.MAX_SAFE_INTEGER })],
];

for (const [label, spoil] of ODD) {
  test(`a share link with ${label}: the page answers, the reader's work is kept, later visits work`, async ({ browser, page }) => {
    const good = await friendsLink(browser);
    const state = readLink(good);
    spoil(state);
    await open(page);
    await writeWork(page, 'MINE');
    await visit(page, writeLink(good, state));
    await send(page, '/');
    await expect(responseRegion(page)).toBeVisible();
    await expectWorkKept(page, 'MINE');
    await open(page);
    await send(page, '/mine');
    await expect(responseRegion(page)).toContainText('MINE');
  });
}

/** Forty compressed session cookies of about 3 KB each, every one inflating to about 2.3 MB. */
function bombRoute(): string {
  const lines: string[] = [];
  for (let i = 0; i < 40; i++) {
    const json = JSON.stringify({ pad: 'a'.repeat(2_300_000), i });
    const payload = deflateSync(Buffer.from(json), { level: 9 }).toString('base64url');
    lines.push(`h.append('Set-Cookie', 'session=.${payload}.Zz0AAA.c2lnbmF0dXJl; Path=/b${i}')`);
  }
  return `router.get('/bomb', () => {\n  const h = new Headers()\n  ${lines.join('\n  ')}\n  return new Response('bombed', { headers: h })\n})`;
}

test('compressed-cookie bombs: the jar shows them without opening them, and the page keeps answering', async ({ browser, page }) => {
  test.setTimeout(120_000);
  await open(page);
  await writeWork(page, 'MINE', bombRoute());
  await send(page, '/bomb');
  await expect(responseRegion(page)).toContainText('bombed', { timeout: 20_000 });
  await send(page, '/mine');
  await expect(responseRegion(page)).toContainText('MINE');
  // A link carrying that jar opens, and answers, too.
  const link = await shareLink(page);
  const ctx = await browser.newContext();
  const friend = await ctx.newPage();
  await visit(friend, link);
  await send(friend, '/mine');
  await expect(responseRegion(friend)).toContainText('MINE');
  await ctx.close();
});

test('the session cookie view refuses to inflate a bomb and says so', async ({ page }) => {
  await open(page);
  const json = JSON.stringify({ pad: 'a'.repeat(2_300_000) });
  const payload = deflateSync(Buffer.from(json), { level: 9 }).toString('base64url');
  await writeWork(page, 'MINE', `router.get('/one', () => new Response('one', { headers: { 'Set-Cookie': 'session=.${payload}.Zz0AAA.c2ln; Path=/' } }))`);
  await send(page, '/one');
  await expect(page.locator('.slp-decoded-block').first()).toContainText(/not opened: it would inflate past 64 KB/);
});

test('responses too large to save: the next visit still has the code (history trimmed, and said)', async ({ page }) => {
  await open(page);
  await writeWork(page, 'MINE', `router.get('/big', () => 'x'.repeat(300000))`);
  // Only the /big rows: writeWork may have asked /mine again while a slow answer was on its way,
  // and that late answer can land in the timeline after any count taken here.
  const big = page.locator('.slp-timeline-item').filter({ hasText: 'GET /big' });
  for (let i = 1; i <= 3; i++) {
    await send(page, '/big');
    await expect(big).toHaveCount(i);
  }
  await expect(page.locator('.slp-notice')).toContainText(/code and settings were saved/);
  await open(page);
  await expect(editor(page)).toHaveValue(/MINE/);
});

test('two share links in a row: both earlier states are kept, and restoring one survives a reload', async ({ browser, page }) => {
  test.setTimeout(120_000);
  const first = await friendsLink(browser);
  await open(page);
  await writeWork(page, 'MINE');
  await visit(page, first);
  await expect(editor(page)).toHaveValue(/FRIEND/);
  await writeWork(page, 'SECOND');
  const second = await shareLink(page);
  await visit(page, second);
  const earlier = page.locator('.slp-earlier');
  await earlier.locator('summary').click();
  await expect(earlier.getByRole('button', { name: 'Restore this one' })).toHaveCount(2);
  // The oldest is the reader's own work from before any link.
  await earlier.getByRole('button', { name: 'Restore this one' }).last().click();
  await expect(editor(page)).toHaveValue(/MINE/);
  await expect(editor(page)).not.toHaveValue(/FRIEND/);
  await open(page);
  await expect(editor(page)).toHaveValue(/MINE/);
  await send(page, '/mine');
  await expect(responseRegion(page)).toContainText('MINE');
});

test('a plain link in the HTML preview does not navigate the preview', async ({ page }) => {
  await open(page);
  await writeWork(page, 'MINE', `router.get('/html', () => new Response('<a id="go" href="https://example.org/">away</a><p id="here">still here</p>', { headers: { 'Content-Type': 'text/html' } }))`);
  await send(page, '/html');
  await page.getByRole('button', { name: 'HTML (no scripts)' }).click();
  const frame = page.frameLocator('.slp-html-frame');
  await frame.locator('#go').click();
  await expect(frame.locator('#here')).toHaveText('still here');
});
