/**
 * The SameSite matrix recorded from Chromium (tests/e2e/same-site-oracle.spec.ts) and replayed
 * through the other-site actor (tests/cookies/same-site-oracle.test.ts): one response sets a cookie
 * for every SameSite value × Secure, then pages on other (and same) sites make every kind of request.
 */
import { CookieJar, SimulatedBrowser } from '../../../playground/engine/cookies/index.ts';
import { otherSiteContext, otherSiteRequest } from '../../../playground/engine/actors/other-site.ts';
import type { OtherSiteVia } from '../../../playground/engine/actors/other-site.ts';

export const SET_URL = 'https://home.example.org/set';

export const SAME_SITE_LINES = [
  'strict=1; SameSite=Strict',
  'strict_s=1; SameSite=Strict; Secure',
  'lax=1; SameSite=Lax',
  'lax_s=1; SameSite=Lax; Secure',
  'none=1; SameSite=None',
  'none_s=1; SameSite=None; Secure',
  'absent=1',
  'absent_s=1; Secure',
  'bogus=1; SameSite=Bogus',
  'part_s=1; SameSite=None; Secure; Partitioned',
];

/** Initiator page → target. No https page asks for an http URL: Chromium blocks or upgrades mixed content. */
export const PAIRS: [from: string, target: string][] = [
  ['https://evil.example/', 'https://home.example.org/target'],
  ['http://evil.example/', 'http://home.example.org/target'],
  ['http://evil.example/', 'https://home.example.org/target'],
  ['https://sub.home.example.org/', 'https://home.example.org/target'],
  ['http://home.example.org/', 'https://home.example.org/target'],
];

export const VIAS: OtherSiteVia[] = ['link', 'form-get', 'form-post', 'iframe', 'image', 'fetch-get', 'fetch-post'];

export type Phase = 'fresh' | 'old' | 'third-party-blocked';

export interface SameSiteAnswer {
  phase: Phase;
  from: string;
  target: string;
  via: OtherSiteVia;
  /** Unix seconds when the request left. */
  at: number;
  cookie: string | null;
  /** The request headers a server can check against CSRF, as Chromium sent them (ports removed). */
  headers: Record<(typeof CSRF_HEADERS)[number], string | null>;
}

export const CSRF_HEADERS = ['origin', 'referer', 'sec-fetch-site', 'sec-fetch-mode', 'sec-fetch-dest'] as const;

/** Ports differ between recording runs and mean nothing to the actor: drop them from URLs. */
export function withoutPorts(value: string | null): string | null {
  return value === null ? null : value.replace(/^(https?:\/\/[^/:]+):\d+/, '$1');
}

/** The same headers from the request the other-site actor builds. */
export function actorCsrfHeaders(a: Pick<SameSiteAnswer, 'from' | 'target' | 'via'>): SameSiteAnswer['headers'] {
  const browser = new SimulatedBrowser({ id: 'oracle', name: 'oracle' });
  const target = new URL(a.target);
  const attempt = otherSiteRequest(browser, { via: a.via, from: a.from, path: target.pathname }, target.origin, 0);
  const find = (name: string) => attempt.request.headers.find(([n]) => n.toLowerCase() === name)?.[1] ?? null;
  return Object.fromEntries(CSRF_HEADERS.map((h) => [h, find(h)])) as SameSiteAnswer['headers'];
}

export interface SameSiteFixture {
  chromium: string;
  recorded: string;
  lines: string[];
  /** Unix seconds when the cookies were set, per phase. */
  setAt: Record<Phase, number>;
  answers: SameSiteAnswer[];
}

/** What the jar sends for one recorded request, through the actor's own classification. */
export function jarSameSiteAnswer(lines: string[], setAt: number, a: Omit<SameSiteAnswer, 'cookie'>): string | null {
  const jar = new CookieJar();
  jar.setFromResponse(SET_URL, lines, setAt);
  const ctx = otherSiteContext(a.via, a.from, a.target, a.phase === 'third-party-blocked' ? 'blocked' : 'allowed');
  const header = jar.cookieHeaderFor(a.target, a.at, ctx);
  return header === '' ? null : header;
}
