/**
 * Every exercise's TypeScript solution answers like its Python twin under real Flask 3.1.3.
 *
 * scripts/record-exercise-twins.py ran solution.py / solution.en.py under Flask's test client with
 * the checks' requests, the example's key, a fixed clock and all-zero random bytes, and wrote each
 * response's status, body, Set-Cookie and Vary headers to tests/fixtures/exercises/<id>.json. Here
 * the TypeScript solution runs through the playground's engine with the same requests, clock and
 * random bytes, and must produce the same four things, step by step.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { completeOtherSiteRequest, otherSiteRequest } from '../../playground/engine/actors/index.ts';
import { DEFAULT_ORIGIN, SimulatedBrowser, VirtualClock } from '../../playground/engine/cookies/index.ts';
import { createHarness } from '../../playground/sandbox/runtime/harness.ts';
import { modules, readSessionConfig } from '../../playground/sandbox/runtime/modules.ts';
import { installGuardFreeHeaders } from '../../playground/sandbox/runtime/web-shims.ts';
import { stepMethod } from '../../playground/ui/model.ts';
import type { CheckStep } from '../../playground/ui/model.ts';
import { captureFrom, fillCaptured } from '../../playground/ui/checks.ts';

const base = new URL('../../content/examples/', import.meta.url).pathname;
const fixtures = new URL('../fixtures/exercises/', import.meta.url).pathname;
const exercises = readdirSync(base).filter((d) => existsSync(`${base}${d}/solution.ts`));

interface RecordedStep {
  request: Pick<CheckStep, 'user' | 'method' | 'path' | 'body' | 'advanceClock' | 'otherSite' | 'script' | 'capture' | 'takeSessionFrom' | 'changeConfig'>;
  status: number;
  body: string;
  setCookie: string[];
  vary: string | null;
  /** A step the Python side cannot make (a script reading document.cookie): nothing to compare. */
  browserOnly?: string;
  /** For another site's request: the cookies it carried. */
  cookiesSent?: string[];
}
interface Fixture {
  flask: { flask: string };
  start: number;
  origin: string;
  es: { title: string; steps: RecordedStep[] }[];
  en: { title: string; steps: RecordedStep[] }[];
}
interface ExampleJson {
  config?: Record<string, unknown>;
  checks: { title: { es: string; en: string }; steps: CheckStep[] }[];
}

/** The request part of a check step, as the recorder stores it. */
function requestOf(step: CheckStep): RecordedStep['request'] {
  const { user, method, path, body, advanceClock, otherSite, script, capture, takeSessionFrom, changeConfig } = step;
  return {
    user,
    ...(method !== undefined && { method }),
    path,
    ...(body !== undefined && { body }),
    ...(advanceClock !== undefined && { advanceClock }),
    ...(otherSite !== undefined && { otherSite }),
    ...(script !== undefined && { script }),
    ...(capture !== undefined && { capture }),
    ...(takeSessionFrom !== undefined && { takeSessionFrom }),
    ...(changeConfig !== undefined && { changeConfig }),
  };
}

/** Runs the checks' requests (not their expectations) as playground/ui/checks.ts does, recording each reply. */
async function replay(id: string, lang: 'es' | 'en', start: number): Promise<{ title: string; steps: RecordedStep[] }[]> {
  const ex = JSON.parse(readFileSync(`${base}${id}/example.json`, 'utf8')) as ExampleJson;
  const baseConfig = { SECRET_KEY: 'tu_clave_secreta_aqui', ...ex.config };
  const file = lang === 'en' && existsSync(`${base}${id}/solution.en.ts`) ? 'solution.en.ts' : 'solution.ts';
  const harness = createHarness({ modules, prepareConfig: (c) => readSessionConfig(c) });
  expect(harness.load(readFileSync(`${base}${id}/${file}`, 'utf8')).ok, `${id}/${file} loads`).toBe(true);
  const out = [];
  for (const check of ex.checks) {
    const clock = new VirtualClock(start);
    const browsers = new Map<string, SimulatedBrowser>();
    const steps: RecordedStep[] = [];
    const captured = new Map<string, string>();
    let config = baseConfig;
    for (const step of check.steps) {
      let browser = browsers.get(step.user);
      if (!browser) {
        browser = new SimulatedBrowser({ id: `twin-${browsers.size + 1}`, name: step.user });
        browsers.set(step.user, browser);
      }
      if (step.advanceClock) {
        clock.advance(step.advanceClock);
        for (const b of browsers.values()) b.jar.evictExpired(clock.now());
      }
      const now = clock.now();
      if (step.changeConfig) config = { ...config, ...step.changeConfig };
      if (step.takeSessionFrom !== undefined) {
        const stolen = browsers.get(step.takeSessionFrom)?.jar.list(now).find((c) => c.name === String((config as Record<string, unknown>).SESSION_COOKIE_NAME ?? 'session'));
        if (stolen) browser.jar.set({ ...stolen, sameSite: stolen.sameSiteDefaulted ? undefined : stolen.sameSite }, now);
      }
      if (step.script) {
        steps.push({ request: requestOf(step), status: 0, body: '', setCookie: [], vary: null, browserOnly: 'script' });
        continue;
      }
      const path = fillCaptured(step.path, captured);
      const body = step.body === undefined ? undefined : fillCaptured(step.body, captured);
      // Another site's request goes through the real actor here; the recorder sent the Cookie header it carries.
      const attempt = step.otherSite ? otherSiteRequest(browser, { via: step.otherSite, path, body }, DEFAULT_ORIGIN, now) : null;
      const req = attempt ? attempt.request : browser.buildRequest({ method: stepMethod(step), path, body }, DEFAULT_ORIGIN, now);
      const { response } = await harness.request(req, { config, now });
      if (attempt) completeOtherSiteRequest(browser, attempt, response, now);
      else browser.receive(req, response, now);
      if (step.capture) {
        const value = captureFrom(response.body, step.capture.pattern);
        if (value !== null) captured.set(step.capture.name, value);
      }
      steps.push({
        request: requestOf(step),
        status: response.status,
        body: response.body,
        setCookie: response.headers.filter(([n]) => n.toLowerCase() === 'set-cookie').map(([, v]) => v),
        vary: response.headers.find(([n]) => n.toLowerCase() === 'vary')?.[1] ?? null,
        ...(attempt && { cookiesSent: attempt.cookies.sent.map((c) => c.name) }),
      });
    }
    out.push({ title: check.title[lang], steps });
  }
  return out;
}


beforeAll(() => {
  installGuardFreeHeaders();
  // The recorder made Python's secrets.token_bytes return zeros; the same here for Web Crypto.
  vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
    if (array) new Uint8Array(array.buffer, array.byteOffset, array.byteLength).fill(0);
    return array;
  });
});
afterAll(() => vi.restoreAllMocks());

it('every exercise has a recorded Python twin', () => {
  expect(exercises.length).toBeGreaterThanOrEqual(15);
  for (const id of exercises) {
    expect(existsSync(`${base}${id}/solution.py`), `${id}/solution.py`).toBe(true);
    expect(existsSync(`${fixtures}${id}.json`), `tests/fixtures/exercises/${id}.json`).toBe(true);
  }
});

describe.each(exercises.filter((id) => existsSync(`${fixtures}${id}.json`)))('exercise %s', (id) => {
  const fixture = JSON.parse(readFileSync(`${fixtures}${id}.json`, 'utf8')) as Fixture;

  it('was recorded under Flask 3.1.3 from the current checks', () => {
    expect(fixture.flask.flask).toBe('3.1.3');
    expect(fixture.origin).toBe(DEFAULT_ORIGIN);
    const ex = JSON.parse(readFileSync(`${base}${id}/example.json`, 'utf8')) as ExampleJson;
    for (const lang of ['es', 'en'] as const) {
      // A changed check without a new recording would compare against requests nobody makes.
      expect(fixture[lang].map((c) => c.steps.map((s) => s.request)), `${lang}: re-run scripts/record-exercise-twins.py`)
        .toEqual(ex.checks.map((c) => c.steps.map(requestOf)));
    }
  });

  it.each(['es', 'en'] as const)('the TypeScript solution answers like Flask 3.1.3 (%s)', async (lang) => {
    const replayed = await replay(id, lang, fixture.start);
    fixture[lang].forEach((check, i) => {
      check.steps.forEach((recorded, j) => {
        const got = replayed[i].steps[j];
        if (recorded.browserOnly !== undefined) {
          expect(got.browserOnly, `${lang} · ${check.title} · step ${j + 1}: browser-only on both sides`).toBe('script');
          return;
        }
        if (recorded.cookiesSent !== undefined) {
          // The recorder's reading of Chromium's SameSite rules and the engine's actor agree.
          expect(got.cookiesSent, `${lang} · ${check.title} · step ${j + 1}: cookies another site's request carries`).toEqual(recorded.cookiesSent);
        }
        const where = `${lang} · ${check.title} · step ${j + 1} ${recorded.request.otherSite ? `evil.example (${recorded.request.otherSite})` : recorded.request.method} ${recorded.request.path}`;
        expect(got.status, `${where}: status`).toBe(recorded.status);
        expect(got.body, `${where}: body`).toBe(recorded.body);
        expect(got.setCookie, `${where}: Set-Cookie`).toEqual(recorded.setCookie);
        expect(got.vary, `${where}: Vary`).toBe(recorded.vary);
      });
    });
  });
});
