/**
 * Replays what Chromium answered in tests/e2e/cookie-oracle.spec.ts (committed in
 * oracle/chromium-jar.json): for every Set-Cookie case and every probe URL, the simulated jar must
 * send the same Cookie header and show the same document.cookie. No browser needed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JAR_CASES } from './oracle/jar-cases.ts';
import { jarAnswers } from './oracle/replay.ts';
import type { JarOracleFixture } from './oracle/replay.ts';

const fixture = JSON.parse(readFileSync(new URL('./oracle/chromium-jar.json', import.meta.url), 'utf8')) as JarOracleFixture;

describe(`the jar against Chromium ${fixture.chromium} (recorded ${fixture.recorded})`, () => {
  it('covers every case of jar-cases.ts, unchanged since it was recorded', () => {
    const recorded = new Map(fixture.cases.map((c) => [c.id, c]));
    const missing = JAR_CASES.filter((c) => {
      const r = recorded.get(c.id);
      return !r || JSON.stringify([r.steps, r.probes]) !== JSON.stringify([c.steps, c.probes]);
    });
    expect(missing.map((c) => c.id), 'record again: ORACLE_WRITE=1 npx playwright test -c tests/e2e/fixtures/oracle.config.ts cookie-oracle').toEqual([]);
    expect(fixture.cases.length).toBeGreaterThanOrEqual(240);
  });

  it.each(fixture.cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const ours = jarAnswers(c, c.at);
    c.answers.forEach((chromium, i) => {
      expect({ url: chromium.url, cookie: ours[i].cookie, script: ours[i].script }, chromium.url).toEqual(chromium);
    });
  });

  it('agrees on cookies that are really sent, not only on empty headers', () => {
    const sent = fixture.cases.flatMap((c) => c.answers).filter((a) => a.cookie !== null);
    expect(sent.length).toBeGreaterThan(400);
  });
});
