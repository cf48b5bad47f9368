/**
 * SameSite as Chromium decides it, recorded for the other-site actor: cookies of every SameSite value
 * × Secure are set by https://home.example.org, then pages on other sites (and a same-site page)
 * follow a link, submit forms, frame it, load an image and fetch it. Three phases: cookies just set
 * (inside Chromium's two-minute "Lax-allowing-unsafe" window), the same cookies more than two
 * minutes later (real waiting: Chromium's network clock cannot be moved), and a profile that blocks
 * third-party cookies. Every Cookie header must equal what the actor's jar sends.
 *
 *   npx playwright test -c tests/e2e/fixtures/oracle.config.ts same-site-oracle
 *   ORACLE_WRITE=1 …  also rewrites tests/cookies/oracle/chromium-same-site.json (replayed by vitest)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { actorCsrfHeaders, CSRF_HEADERS, jarSameSiteAnswer, PAIRS, SAME_SITE_LINES, SET_URL, VIAS, withoutPorts } from '../cookies/oracle/same-site-cases.ts';
import type { Phase, SameSiteAnswer, SameSiteFixture } from '../cookies/oracle/same-site-cases.ts';
import type { OtherSiteVia } from '../../playground/engine/actors/other-site.ts';
import { startOracleServer } from './fixtures/cookie-oracle-server.ts';
import type { OracleServer } from './fixtures/cookie-oracle-server.ts';
import { launchOracleBrowser, onPort } from './fixtures/oracle-browser.ts';

const FIXTURE = fileURLToPath(new URL('../cookies/oracle/chromium-same-site.json', import.meta.url));
const LAX_ALLOWING_UNSAFE_SECONDS = 120;

test.describe.configure({ mode: 'serial' });
test.setTimeout(10 * 60_000);

let server: OracleServer;

test.beforeAll(async () => {
  server = await startOracleServer((req) => {
    if (req.target.startsWith('/favicon')) return { status: 404 };
    const set = new URL(req.target, 'http://x').searchParams.has('oracle-set');
    return {
      headers: set ? SAME_SITE_LINES.map((l): [string, string] => ['Set-Cookie', l]) : [],
      body: '<!doctype html><title>oracle</title><body></body>',
    };
  });
});

test.afterAll(async () => {
  await server?.close();
});

const now = () => Math.floor(Date.now() / 1000);

/** Makes the page at `from` request `target` the way `via` says; resolves with the server's record. */
async function requestFrom(page: Page, from: string, target: string, via: OtherSiteVia, token: string) {
  const ports = { http: server.httpPort, https: server.httpsPort };
  const url = onPort(target, ports, ['oracle-probe', token]);
  await page.goto(onPort(from, ports), { waitUntil: 'load' });
  const at = now();
  await page.evaluate(([via, url]) => {
    const add = <T extends HTMLElement>(el: T) => (document.body.append(el), el);
    if (via === 'link') {
      const a = add(document.createElement('a'));
      a.href = url;
      a.textContent = 'go';
      a.click();
    } else if (via === 'form-get' || via === 'form-post') {
      const form = add(document.createElement('form'));
      form.method = via === 'form-post' ? 'post' : 'get';
      form.action = url;
      // A GET form replaces the query string with its fields: carry the token as a field.
      const token = new URL(url).searchParams.get('oracle-probe') ?? '';
      const input = document.createElement('input');
      input.name = 'oracle-probe';
      input.value = token;
      form.append(input);
      form.submit();
    } else if (via === 'iframe') {
      add(document.createElement('iframe')).src = url;
    } else if (via === 'image') {
      add(document.createElement('img')).src = url;
    } else {
      // The attacker's usual call: default (cors) mode; a text body keeps it a "simple" request, so
      // it is sent without a preflight even though the answer will be unreadable.
      void fetch(url, { method: via === 'fetch-post' ? 'POST' : 'GET', credentials: 'include', ...(via === 'fetch-post' ? { body: 'a=1' } : {}) }).catch(() => {});
    }
  }, [via, url] as const);
  await expect.poll(() => server.requests.some((r) => r.target.includes(`oracle-probe=${token}`)), { message: `${via} from ${from} reached ${target}` }).toBe(true);
  // Let a navigation finish before the next page.goto, which it would otherwise interrupt.
  if (via === 'link' || via.startsWith('form')) await page.waitForURL((u) => u.href.includes(`oracle-probe=${token}`), { waitUntil: 'load' });
  const hit = server.requests.find((r) => r.target.includes(`oracle-probe=${token}`))!;
  const headers = Object.fromEntries(CSRF_HEADERS.map((h) => [h, withoutPorts(hit.headers[h] ?? null)]));
  return { at, cookie: hit.cookie, headers: headers as SameSiteAnswer['headers'] };
}

async function runPhase(phase: Phase, page: Page, answers: SameSiteAnswer[], tokenBase: string) {
  let n = 0;
  for (const [from, target] of PAIRS) {
    for (const via of VIAS) {
      const { at, cookie, headers } = await requestFrom(page, from, target, via, `${tokenBase}${++n}`);
      answers.push({ phase, from, target, via, at, cookie, headers });
    }
  }
}

async function setCookies(page: Page): Promise<number> {
  const at = now();
  await page.goto(onPort(SET_URL, { http: server.httpPort, https: server.httpsPort }, ['oracle-set', '1']), { waitUntil: 'load' });
  return at;
}

test('SameSite decisions: Chromium and the other-site actor agree', async () => {
  const answers: SameSiteAnswer[] = [];
  const setAt = {} as Record<Phase, number>;

  const blocked = await launchOracleBrowser({ thirdPartyCookies: 'blocked' });
  try {
    const page = blocked.context.pages()[0] ?? (await blocked.context.newPage());
    setAt['third-party-blocked'] = await setCookies(page);
    await runPhase('third-party-blocked', page, answers, 'b');
  } finally {
    await blocked.close();
  }

  const chromium = await launchOracleBrowser();
  try {
    const page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    setAt.fresh = setAt.old = await setCookies(page);
    await runPhase('fresh', page, answers, 'f');
    const freshEnd = Math.max(...answers.filter((a) => a.phase === 'fresh').map((a) => a.at));
    expect(freshEnd - setAt.fresh, 'the fresh phase must finish inside the two-minute window').toBeLessThan(LAX_ALLOWING_UNSAFE_SECONDS - 5);
    // Chromium's cookie clock is the machine's: the only way past two minutes is to wait.
    const wait = (setAt.old + LAX_ALLOWING_UNSAFE_SECONDS + 5) * 1000 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await runPhase('old', page, answers, 'o');

    const fixture: SameSiteFixture = { chromium: chromium.version, recorded: new Date().toISOString().slice(0, 10), lines: SAME_SITE_LINES, setAt, answers };
    if (process.env.ORACLE_WRITE) writeFileSync(FIXTURE, JSON.stringify(fixture, null, 1) + '\n');
  } finally {
    await chromium.close();
  }

  const disagreements = answers
    .map((a) => ({ ...a, jar: jarSameSiteAnswer(SAME_SITE_LINES, setAt[a.phase], a) }))
    .filter((a) => a.jar !== a.cookie);
  expect(disagreements).toEqual([]);
  const headerDisagreements = answers
    .map((a) => ({ phase: a.phase, via: a.via, from: a.from, target: a.target, chromium: a.headers, actor: actorCsrfHeaders(a) }))
    .filter((a) => JSON.stringify(a.chromium) !== JSON.stringify(a.actor));
  expect(headerDisagreements).toEqual([]);

  if (!process.env.ORACLE_WRITE) {
    const committed = JSON.parse(readFileSync(FIXTURE, 'utf8')) as SameSiteFixture;
    const strip = (list: SameSiteAnswer[]) => list.map(({ at: _at, ...rest }) => rest);
    expect(strip(committed.answers)).toEqual(strip(answers));
  }
});
