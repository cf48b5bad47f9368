/**
 * Replays Chromium's SameSite decisions (recorded by tests/e2e/same-site-oracle.spec.ts into
 * oracle/chromium-same-site.json) through the other-site actor: GET/POST × top-level/subresource ×
 * Strict/Lax/None/absent × Secure, from other sites and from a same-site page, with cookies just
 * set, more than two minutes old, and in a browser that blocks third-party cookies.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actorCsrfHeaders, jarSameSiteAnswer, PAIRS, SAME_SITE_LINES, VIAS } from './oracle/same-site-cases.ts';
import type { SameSiteFixture } from './oracle/same-site-cases.ts';

const fixture = JSON.parse(readFileSync(new URL('./oracle/chromium-same-site.json', import.meta.url), 'utf8')) as SameSiteFixture;

describe(`SameSite against Chromium ${fixture.chromium} (recorded ${fixture.recorded})`, () => {
  it('holds the full matrix for the current cookie lines', () => {
    expect(fixture.lines).toEqual(SAME_SITE_LINES);
    for (const phase of ['fresh', 'old', 'third-party-blocked'] as const) {
      expect(fixture.answers.filter((a) => a.phase === phase)).toHaveLength(PAIRS.length * VIAS.length);
    }
  });

  it('recorded the two-minute window for real: fresh requests inside it, old ones past it', () => {
    for (const a of fixture.answers) {
      const age = a.at - fixture.setAt[a.phase];
      if (a.phase === 'old') expect(age).toBeGreaterThan(120);
      else expect(age).toBeLessThan(115);
    }
  });

  it.each(fixture.answers.map((a) => [`${a.phase} ${a.via} ${a.from} → ${a.target}`, a] as const))('%s', (_label, a) => {
    expect(jarSameSiteAnswer(fixture.lines, fixture.setAt[a.phase], a)).toBe(a.cookie);
  });

  it.each(fixture.answers.filter((a) => a.phase === 'fresh').map((a) => [`${a.via} ${a.from} → ${a.target}`, a] as const))(
    'headers a server can check, %s',
    (_label, a) => {
      expect(actorCsrfHeaders(a)).toEqual(a.headers);
    },
  );

  it('the matrix tells the cases apart (the recording is not all-or-nothing)', () => {
    const distinct = new Set(fixture.answers.map((a) => a.cookie));
    expect(distinct.size).toBeGreaterThanOrEqual(8);
    const post = (phase: string) => fixture.answers.find((a) => a.phase === phase && a.via === 'form-post' && a.from === 'https://evil.example/')?.cookie;
    expect(post('fresh')).toContain('absent=1');
    expect(post('old')).not.toContain('absent=1');
  });
});
