/**
 * What the simulated jar answers for one oracle case, in the shape Chromium's answers are recorded:
 * the same function serves the browser test (compare live) and the vitest replay (compare with the
 * committed fixture).
 */
import { CookieJar } from '../../../playground/engine/cookies/index.ts';
import type { JarCase } from './jar-cases.ts';

export interface ProbeAnswer {
  url: string;
  /** The Cookie header of the request; null when none was sent. */
  cookie: string | null;
  /** `document.cookie` on the page at that URL. */
  script: string;
}

export interface RecordedJarCase extends JarCase {
  /** Unix seconds when Chromium received the first response (expiry is relative to it). */
  at: number;
  answers: ProbeAnswer[];
}

export interface JarOracleFixture {
  chromium: string;
  recorded: string;
  cases: RecordedJarCase[];
}

export function jarAnswers(c: JarCase, at: number): ProbeAnswer[] {
  const jar = new CookieJar();
  for (const step of c.steps) {
    jar.setFromResponse(step.url, step.lines, at);
    for (const text of step.script ?? []) jar.setFromScript(step.url, text, at);
  }
  return c.probes.map((url) => {
    const header = jar.cookieHeaderFor(url, at);
    return { url, cookie: header === '' ? null : header, script: jar.visibleToScript(url, at) };
  });
}
