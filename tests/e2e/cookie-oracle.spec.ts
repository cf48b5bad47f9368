/**
 * The simulated cookie jar against real Chromium. A raw local server answers a few hundred
 * Set-Cookie cases (tests/cookies/oracle/jar-cases.ts) on loopback host names; Chromium's next
 * Cookie header and document.cookie for several URLs must equal what the jar sends and shows.
 *
 *   npx playwright test -c tests/e2e/fixtures/oracle.config.ts cookie-oracle
 *   ORACLE_WRITE=1 …  also rewrites tests/cookies/oracle/chromium-jar.json, which
 *                     tests/cookies/jar-oracle.test.ts replays without a browser.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { JAR_CASES } from '../cookies/oracle/jar-cases.ts';
import { jarAnswers } from '../cookies/oracle/replay.ts';
import type { JarOracleFixture, ProbeAnswer, RecordedJarCase } from '../cookies/oracle/replay.ts';
import { startOracleServer } from './fixtures/cookie-oracle-server.ts';
import type { OracleServer } from './fixtures/cookie-oracle-server.ts';
import { launchOracleBrowser, onPort } from './fixtures/oracle-browser.ts';
import type { OracleBrowser } from './fixtures/oracle-browser.ts';

const FIXTURE = fileURLToPath(new URL('../cookies/oracle/chromium-jar.json', import.meta.url));

test.describe.configure({ mode: 'serial' });
test.setTimeout(15 * 60_000);

let server: OracleServer;
let chromium: OracleBrowser;
const pending = new Map<string, string[]>();

test.beforeAll(async () => {
  server = await startOracleServer((req) => {
    const token = new URL(req.target, 'http://x').searchParams.get('oracle-set');
    if (req.target.startsWith('/favicon')) return { status: 404 };
    const lines = token ? (pending.get(token) ?? []) : [];
    return { headers: lines.map((l): [string, string] => ['Set-Cookie', l]), body: '<!doctype html><title>oracle</title>' };
  });
  chromium = await launchOracleBrowser();
});

test.afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

test('Chromium keeps and sends exactly what the simulated jar does', async () => {
  const page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
  const ports = { http: server.httpPort, https: server.httpsPort };
  const recorded: RecordedJarCase[] = [];
  let token = 0;

  for (const c of JAR_CASES) {
    await chromium.context.clearCookies();
    const at = Math.floor(Date.now() / 1000);
    for (const step of c.steps) {
      const t = `s${++token}`;
      pending.set(t, step.lines);
      await page.goto(onPort(step.url, ports, ['oracle-set', t]), { waitUntil: 'load' });
      // A script in the page, as an injected one would run: writes to document.cookie, in order.
      // Chromium hands each write to its cookie store without waiting; a navigation started at once
      // from outside the page could read the store before the last write landed (seen once under
      // load: the probe went without the cookie the page had just set). Reading document.cookie
      // goes through the same channel, after the writes: once it answers, they are in the store.
      if (step.script?.length) {
        await page.evaluate((texts) => {
          for (const text of texts) document.cookie = text;
          return document.cookie;
        }, step.script);
      }
    }
    const answers: ProbeAnswer[] = [];
    for (const url of c.probes) {
      const t = `p${++token}`;
      await page.goto(onPort(url, ports, ['oracle-probe', t]), { waitUntil: 'load' });
      const hit = server.requests.find((r) => r.target.includes(`oracle-probe=${t}`));
      expect(hit, `${c.id}: the probe ${url} reached the server`).toBeTruthy();
      answers.push({ url, cookie: hit!.cookie, script: await page.evaluate(() => document.cookie) });
    }
    recorded.push({ ...c, at, answers });
  }
  server.requests.length = 0;

  const fixture: JarOracleFixture = { chromium: chromium.version, recorded: new Date().toISOString().slice(0, 10), cases: recorded };
  if (process.env.ORACLE_WRITE) writeFileSync(FIXTURE, JSON.stringify(fixture, null, 1) + '\n');

  const disagreements = recorded.flatMap((c) => {
    const ours = jarAnswers(c, c.at);
    return c.answers.flatMap((theirs, i) =>
      theirs.cookie === ours[i].cookie && theirs.script === ours[i].script ? [] : [{ id: c.id, url: theirs.url, chromium: theirs, jar: ours[i] }],
    );
  });
  expect(disagreements, `${disagreements.length} probes disagree`).toEqual([]);

  if (!process.env.ORACLE_WRITE) {
    // The committed fixture must still be what Chromium says, or the replay test proves nothing.
    const committed = JSON.parse(readFileSync(FIXTURE, 'utf8')) as JarOracleFixture;
    const strip = (cs: RecordedJarCase[]) => cs.map(({ at: _at, ...rest }) => rest);
    expect(strip(committed.cases)).toEqual(strip(recorded));
  }
});
