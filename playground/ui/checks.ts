/**
 * Exercise checks: a scripted sequence of requests from fresh simulated browsers against the
 * reader's routes, each step with expectations. The runner explains every failure in words, because
 * "✗" alone teaches nothing.
 *
 * Checks never touch the reader's own browsers or clock: each check starts from empty jars.
 */
import { DEFAULT_ORIGIN, parseSetCookie, SimulatedBrowser, VirtualClock } from '../engine/cookies/index.ts';
import { localize } from './model.ts';
import type { CheckDef, CheckStep, ServerPort } from './model.ts';
import type { Translate } from './strings.ts';

export type StepOutcome = 'passed' | 'failed' | 'skipped';

export interface StepResult {
  step: CheckStep;
  outcome: StepOutcome;
  /** One sentence per unmet expectation, in the page's language. */
  problems: string[];
  status?: number;
}

export interface CheckResult {
  title: string;
  passed: boolean;
  steps: StepResult[];
}

export interface RunOptions {
  server: Pick<ServerPort, 'request'>;
  config: Record<string, unknown>;
  lang: 'es' | 'en';
  t: Translate;
  /** Reads a session cookie's data at the check's clock (see session-cookie.ts); undefined if unreadable. */
  readSession: (cookieValue: string, now: number) => Record<string, unknown> | undefined;
  start?: number;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The cookie a Set-Cookie line names, read as the jar reads it (the engine's parser). */
function cookieNameOf(setCookieLine: string): string | undefined {
  const parsed = parseSetCookie(setCookieLine);
  return parsed.ok ? parsed.cookie.name : parsed.name;
}

export async function runCheck(check: CheckDef, opts: RunOptions): Promise<CheckResult> {
  const { t } = opts;
  const sessionName = typeof opts.config.SESSION_COOKIE_NAME === 'string' ? opts.config.SESSION_COOKIE_NAME : 'session';
  const clock = new VirtualClock(opts.start ?? Math.floor(Date.now() / 1000));
  const browsers = new Map<string, SimulatedBrowser>();
  const results: StepResult[] = [];
  let failed = false;

  for (const step of check.steps) {
    if (failed) {
      results.push({ step, outcome: 'skipped', problems: [] });
      continue;
    }
    let browser = browsers.get(step.user);
    if (!browser) {
      browser = new SimulatedBrowser({ id: `check-${browsers.size + 1}`, name: step.user });
      browsers.set(step.user, browser);
    }
    if (step.advanceClock) {
      clock.advance(step.advanceClock);
      for (const b of browsers.values()) b.jar.evictExpired(clock.now());
    }
    const now = clock.now();
    const req = browser.buildRequest({ method: step.method, path: step.path, body: step.body }, DEFAULT_ORIGIN, now);
    const reply = await opts.server.request(req, { config: opts.config, now });
    if (!reply.ok) {
      results.push({ step, outcome: 'failed', problems: [t('exercise.expect.failed', { message: reply.error.message })] });
      failed = true;
      continue;
    }
    browser.receive(req, reply.response, now);
    const problems: string[] = [];
    const expect = step.expect ?? {};
    const res = reply.response;
    if (expect.status !== undefined && res.status !== expect.status) {
      problems.push(t('exercise.expect.status', { expected: expect.status, actual: res.status }));
    }
    const wanted = localize(expect.bodyIncludes, opts.lang);
    if (wanted !== undefined && !res.body.includes(wanted)) {
      problems.push(t('exercise.expect.body', { expected: wanted }));
    }
    if (expect.setCookie !== undefined) {
      const sent = res.headers.some(([n, v]) => n.toLowerCase() === 'set-cookie' && cookieNameOf(v) === sessionName);
      if (sent !== expect.setCookie) problems.push(t(expect.setCookie ? 'exercise.expect.setCookie' : 'exercise.expect.noSetCookie'));
    }
    const stored = browser.jar.list(now).find((c) => c.name === sessionName);
    if (expect.session !== undefined) {
      const data = stored ? opts.readSession(stored.value, now) : undefined;
      const missing = Object.entries(expect.session).some(([k, v]) => !data || !sameJson(data[k], v));
      if (missing) {
        problems.push(t('exercise.expect.session', { expected: JSON.stringify(expect.session), actual: data ? JSON.stringify(data) : '{}' }));
      }
    }
    if (expect.noSessionCookie && stored) problems.push(t('exercise.expect.noSession'));
    const outcome: StepOutcome = problems.length === 0 ? 'passed' : 'failed';
    if (outcome === 'failed') failed = true;
    results.push({ step, outcome, problems, status: res.status });
  }
  return { title: check.title, passed: !failed, steps: results };
}

export async function runChecks(checks: CheckDef[], opts: RunOptions): Promise<CheckResult[]> {
  const out: CheckResult[] = [];
  for (const check of checks) out.push(await runCheck(check, opts));
  return out;
}
