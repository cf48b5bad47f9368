/**
 * Exercise checks: a scripted sequence of requests from fresh simulated browsers against the
 * reader's routes, each step with expectations. The runner explains every failure in words, because
 * "✗" alone teaches nothing.
 *
 * Besides the user's own requests, a step can be made by another site's page in the user's browser
 * (the CSRF actor) or be a script on the page reading `document.cookie` (the XSS actor), so the
 * security lessons' exercises are judged with the same jars and rules the reader sees in the lab.
 *
 * Checks never touch the reader's own browsers or clock: each check starts from empty jars.
 */
import { completeOtherSiteRequest, otherSiteRequest, readDocumentCookie, writeDocumentCookie } from '../engine/actors/index.ts';
import { DEFAULT_ORIGIN, parseSetCookie, SimulatedBrowser, VirtualClock } from '../engine/cookies/index.ts';
import type { ParsedSetCookie } from '../engine/cookies/index.ts';
import type { WireRequest, WireResponse } from '../engine/wire.ts';
import { localize, stepMethod } from './model.ts';
import type { CheckDef, CheckExpect, CheckStep, ServerPort } from './model.ts';
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
  /**
   * Reads a session cookie's data at the check's clock (see session-cookie.ts); undefined if unreadable.
   * `config` is the app's config at that step (a step may have changed the key).
   */
  readSession: (cookieValue: string, now: number, config: Record<string, unknown>) => Record<string, unknown> | undefined;
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

/** `{{name}}` in a later step's path or body becomes what an earlier step captured. */
export function fillCaptured(text: string, captured: ReadonlyMap<string, string>): string {
  return text.replace(/\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g, (whole, name: string) => captured.get(name) ?? whole);
}

/** The first group of `pattern` in `body` (or the whole match without a group); null when absent or the pattern is broken. */
export function captureFrom(body: string, pattern: string): string | null {
  let re: RegExp;
  try {
    re = new RegExp(pattern);
  } catch {
    return null;
  }
  const m = re.exec(body);
  return m ? (m[1] ?? m[0]) : null;
}

interface Sent {
  response: WireResponse;
  request: WireRequest;
}

export async function runCheck(check: CheckDef, opts: RunOptions): Promise<CheckResult> {
  const { t } = opts;
  const sessionName = typeof opts.config.SESSION_COOKIE_NAME === 'string' ? opts.config.SESSION_COOKIE_NAME : 'session';
  const clock = new VirtualClock(opts.start ?? Math.floor(Date.now() / 1000));
  const browsers = new Map<string, SimulatedBrowser>();
  const captured = new Map<string, string>();
  // A check may change the app's config midway (a new key); each check starts from the example's.
  let config = opts.config;
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
    const expect = step.expect ?? {};
    if (step.changeConfig) config = { ...config, ...step.changeConfig };
    if (step.takeSessionFrom !== undefined) {
      const stolen = browsers.get(step.takeSessionFrom)?.jar.list(now).find((c) => c.name === sessionName);
      if (!stolen) {
        results.push({ step, outcome: 'failed', problems: [t('exercise.expect.nothingToSteal', { name: step.takeSessionFrom })] });
        failed = true;
        continue;
      }
      // As an attacker pastes it in DevTools: the same name, value and scope, no questions asked.
      browser.jar.set(
        { name: stolen.name, value: stolen.value, domain: stolen.domain, path: stolen.path, hostOnly: stolen.hostOnly, expires: stolen.expires, secure: stolen.secure, httpOnly: stolen.httpOnly, sameSite: stolen.sameSiteDefaulted ? undefined : stolen.sameSite },
        now,
      );
    }
    const path = fillCaptured(step.path, captured);

    if (step.script) {
      const problems = scriptProblems(browser, path, step.script.write, expect, now, t);
      if (problems.length > 0) failed = true;
      results.push({ step, outcome: problems.length === 0 ? 'passed' : 'failed', problems });
      continue;
    }

    const body = step.body === undefined ? undefined : fillCaptured(step.body, captured);
    let sent: Sent | { error: string };
    let carried: boolean;
    if (step.otherSite) {
      const attempt = otherSiteRequest(browser, { via: step.otherSite, path, body }, DEFAULT_ORIGIN, now);
      carried = attempt.cookies.sent.some((c) => c.name === sessionName);
      const reply = await opts.server.request(attempt.request, { config, now });
      if (reply.ok) completeOtherSiteRequest(browser, attempt, reply.response, now);
      sent = reply.ok ? { response: reply.response, request: attempt.request } : { error: reply.error.message };
    } else {
      const req = browser.buildRequest({ method: stepMethod(step), path, body }, DEFAULT_ORIGIN, now);
      carried = browser.jar.explainRequest(req.url, now).sent.some((c) => c.name === sessionName);
      const reply = await opts.server.request(req, { config, now });
      if (reply.ok) browser.receive(req, reply.response, now);
      sent = reply.ok ? { response: reply.response, request: req } : { error: reply.error.message };
    }
    if ('error' in sent) {
      results.push({ step, outcome: 'failed', problems: [t('exercise.expect.failed', { message: sent.error })] });
      failed = true;
      continue;
    }
    const res = sent.response;
    const problems: string[] = [];
    if (expect.status !== undefined && res.status !== expect.status) {
      problems.push(t('exercise.expect.status', { expected: expect.status, actual: res.status }));
    }
    const wanted = localize(expect.bodyIncludes, opts.lang);
    if (wanted !== undefined && !res.body.includes(wanted)) {
      problems.push(t('exercise.expect.body', { expected: wanted }));
    }
    const setCookieLines = res.headers.filter(([n]) => n.toLowerCase() === 'set-cookie').map(([, v]) => v);
    if (expect.setCookie !== undefined) {
      const got = setCookieLines.some((v) => cookieNameOf(v) === sessionName);
      if (got !== expect.setCookie) problems.push(t(expect.setCookie ? 'exercise.expect.setCookie' : 'exercise.expect.noSetCookie'));
    }
    if (expect.setCookieAttributes) problems.push(...attributeProblems(setCookieLines, expect.setCookieAttributes, sessionName, t));
    if (expect.sessionCookieSent !== undefined && carried !== expect.sessionCookieSent) {
      problems.push(t(expect.sessionCookieSent ? 'exercise.expect.cookieSent' : 'exercise.expect.cookieNotSent', { name: sessionName }));
    }
    const stored = browser.jar.list(now).find((c) => c.name === sessionName);
    if (expect.session !== undefined || expect.sessionLacks !== undefined) {
      const data = stored ? opts.readSession(stored.value, now, config) : undefined;
      if (expect.session !== undefined) {
        const missing = Object.entries(expect.session).some(([k, v]) => !data || !sameJson(data[k], v));
        if (missing) {
          problems.push(t('exercise.expect.session', { expected: JSON.stringify(expect.session), actual: data ? JSON.stringify(data) : '{}' }));
        }
      }
      for (const key of expect.sessionLacks ?? []) {
        if (data && Object.prototype.hasOwnProperty.call(data, key)) problems.push(t('exercise.expect.sessionLacks', { key }));
      }
    }
    if (expect.noSessionCookie && stored) problems.push(t('exercise.expect.noSession'));
    if (step.capture) {
      const value = captureFrom(res.body, step.capture.pattern);
      if (value === null) problems.push(t('exercise.expect.capture', { pattern: step.capture.pattern }));
      else captured.set(step.capture.name, value);
    }
    const outcome: StepOutcome = problems.length === 0 ? 'passed' : 'failed';
    if (outcome === 'failed') failed = true;
    results.push({ step, outcome, problems, status: res.status });
  }
  return { title: check.title, passed: !failed, steps: results };
}

function scriptProblems(browser: SimulatedBrowser, path: string, write: string | undefined, expect: CheckExpect, now: number, t: Translate): string[] {
  const pageUrl = new URL(path, DEFAULT_ORIGIN).href;
  const problems: string[] = [];
  if (write !== undefined) {
    const change = writeDocumentCookie(browser.jar, pageUrl, write, now);
    if (change.kind === 'rejected') problems.push(t('exercise.expect.scriptWriteRefused', { text: write }));
  }
  const view = readDocumentCookie(browser.jar, pageUrl, now);
  const names = new Set(view.visible.map((c) => c.name));
  for (const name of expect.documentCookie?.includes ?? []) {
    if (!names.has(name)) problems.push(t('exercise.expect.scriptSees', { name, actual: view.documentCookie || '""' }));
  }
  for (const name of expect.documentCookie?.excludes ?? []) {
    if (names.has(name)) problems.push(t('exercise.expect.scriptHidden', { name }));
  }
  return problems;
}

function attributeProblems(lines: string[], want: NonNullable<CheckExpect['setCookieAttributes']>, sessionName: string, t: Translate): string[] {
  const name = want.cookie ?? sessionName;
  let cookie: ParsedSetCookie | undefined;
  for (const line of lines) {
    const parsed = parseSetCookie(line);
    if (parsed.ok && parsed.cookie.name === name) cookie = parsed.cookie;
  }
  if (!cookie) return [t('exercise.expect.attrNoLine', { name })];
  const problems: string[] = [];
  const flag = (attr: string, expected: boolean | undefined, actual: boolean) => {
    if (expected !== undefined && expected !== actual) problems.push(t(expected ? 'exercise.expect.attrMissing' : 'exercise.expect.attrUnwanted', { name, attr }));
  };
  flag('HttpOnly', want.httpOnly, cookie.httpOnly);
  flag('Secure', want.secure, cookie.secure);
  flag('Max-Age/Expires', want.persistent, cookie.maxAge !== undefined || cookie.expires !== undefined);
  if (want.sameSite !== undefined && (cookie.sameSite ?? null) !== want.sameSite) {
    problems.push(t('exercise.expect.attrValue', { name, attr: 'SameSite', expected: want.sameSite ?? '—', actual: cookie.sameSite ?? '—' }));
  }
  if (want.path !== undefined && (cookie.path ?? null) !== want.path) {
    problems.push(t('exercise.expect.attrValue', { name, attr: 'Path', expected: want.path, actual: cookie.path ?? '—' }));
  }
  return problems;
}

export async function runChecks(checks: CheckDef[], opts: RunOptions): Promise<CheckResult[]> {
  const out: CheckResult[] = [];
  for (const check of checks) out.push(await runCheck(check, opts));
  return out;
}
