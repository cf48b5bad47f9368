/**
 * Another site (the CSRF actor): a page on some other site, say `https://evil.example`, makes the
 * reader's browser send a request to the reader's app. The browser attaches whatever cookies its
 * jar allows for that kind of request, which is the whole CSRF story: the server sees a request
 * that carries the victim's session although the victim never meant to send it.
 *
 * Five ways a page can do it, and how Chromium classifies each for SameSite:
 * | via          | what the page does                    | top-level navigation | method |
 * |--------------|---------------------------------------|----------------------|--------|
 * | `link`       | `<a href>` the user follows           | yes                  | GET    |
 * | `form-get`   | `<form method=get>` submitted          | yes                  | GET    |
 * | `form-post`  | `<form method=post>` submitted         | yes                  | POST   |
 * | `iframe`     | `<iframe src>` (a nested navigation)   | no                   | GET    |
 * | `image`      | `<img src>`                            | no                   | GET    |
 * | `fetch-get`  | `fetch(url, {credentials:'include'})`  | no                   | GET    |
 * | `fetch-post` | the same with `method: 'POST'`         | no                   | POST   |
 *
 * Usage (the UI's flow is the same as for the reader's own requests):
 *   const attempt = otherSiteRequest(browser, { via: 'form-post', from: 'https://evil.example/', path: '/transferir', body: 'a=eve' }, origin, now);
 *   const response = await sandbox.request(attempt.request, …);
 *   const exchange = completeOtherSiteRequest(browser, attempt, response, now);
 */
import { recordDecision } from '../cookies/browser.ts';
import type { CookieDecisionRecord, Exchange, ExchangeActor, SimulatedBrowser } from '../cookies/browser.ts';
import type { RequestContext } from '../cookies/jar.ts';
import { isSameSite, isSecureOrigin, siteKey } from '../cookies/url-rules.ts';
import type { HeaderList, WireRequest, WireResponse } from '../wire.ts';

export type OtherSiteVia = 'link' | 'form-get' | 'form-post' | 'iframe' | 'image' | 'fetch-get' | 'fetch-post';

export const OTHER_SITE_VIAS: readonly OtherSiteVia[] = ['link', 'form-get', 'form-post', 'iframe', 'image', 'fetch-get', 'fetch-post'];

/** The default other site: a name reserved for examples, so it can never be a real victim or attacker. */
export const EVIL_ORIGIN = 'https://evil.example';

export interface OtherSiteRequestInit {
  via: OtherSiteVia;
  /** The URL of the page that makes the request; defaults to `https://evil.example/`. */
  from?: string;
  /** A path on the reader's app (or an absolute URL). */
  path: string;
  /** For `form-post` (urlencoded) and `fetch-post` (text/plain unless `contentType`). */
  body?: string;
  contentType?: string;
  /** Chrome's default lets third-party cookies through; 'blocked' is an incognito window. */
  thirdPartyCookies?: 'allowed' | 'blocked';
}

export interface OtherSiteAttempt {
  request: WireRequest;
  context: RequestContext;
  cookies: CookieDecisionRecord;
  actor: ExchangeActor;
}

const TOP_LEVEL: ReadonlySet<OtherSiteVia> = new Set(['link', 'form-get', 'form-post']);

/** How the browser classifies a request made by the page at `from` to `target` (no jar involved). */
export function otherSiteContext(via: OtherSiteVia, from: string | URL, target: string | URL, thirdPartyCookies: 'allowed' | 'blocked' = 'allowed'): RequestContext {
  const initiator = new URL(from);
  const url = new URL(target);
  const topLevelNavigation = TOP_LEVEL.has(via);
  return {
    site: isSameSite(initiator, url) ? 'same-site' : 'cross-site',
    method: via.endsWith('post') ? 'POST' : 'GET',
    topLevelNavigation,
    // A subresource is loaded inside the initiator's page: that page's site is the top-level one.
    topLevelSite: topLevelNavigation ? undefined : siteKey(initiator),
    thirdPartyCookies,
  };
}

function httpUrl(text: string, base: string | undefined, what: string): URL {
  let url: URL | null = null;
  try {
    url = new URL(text, base);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`${what} must be an http or https address, such as https://evil.example/; got "${text}".`);
  }
  return url;
}

/**
 * Builds the request the browser sends for the other site's page, with the jar's decision.
 * Throws an Error that says which input is wrong when `from` or the target is not an http(s) URL.
 */
export function otherSiteRequest(browser: SimulatedBrowser, init: OtherSiteRequestInit, origin: string, now: number): OtherSiteAttempt {
  if (!OTHER_SITE_VIAS.includes(init.via)) throw new Error(`Unknown way to make a request: "${String(init.via)}".`);
  const from = httpUrl(init.from ?? `${EVIL_ORIGIN}/`, undefined, 'The other site\'s page');
  const target = httpUrl(init.path, origin, 'The target');
  const context = otherSiteContext(init.via, from, target, init.thirdPartyCookies ?? 'allowed');
  const method = context.method as string;
  const headers: HeaderList = [];
  // What Chromium adds that a server can check (the CSRF defences that do not need a token).
  // Fetch metadata goes only to potentially trustworthy URLs (https, localhost), as recorded.
  if (isSecureOrigin(target)) {
    headers.push(['Sec-Fetch-Site', context.site === 'same-site' ? (from.origin === target.origin ? 'same-origin' : 'same-site') : 'cross-site']);
    headers.push(['Sec-Fetch-Mode', context.topLevelNavigation || init.via === 'iframe' ? 'navigate' : init.via === 'image' ? 'no-cors' : 'cors']);
    headers.push(['Sec-Fetch-Dest', context.topLevelNavigation ? 'document' : init.via === 'iframe' ? 'iframe' : init.via === 'image' ? 'image' : 'empty']);
  }
  if (method === 'POST' || init.via.startsWith('fetch')) headers.push(['Origin', from.origin]);
  // Chromium's default Referrer-Policy (strict-origin-when-cross-origin) sends only the origin across sites.
  headers.push(['Referer', from.origin === target.origin ? from.href : `${from.origin}/`]);

  let body: string | undefined;
  let contentType: string | undefined;
  if (method === 'POST') {
    body = init.body ?? '';
    contentType = init.contentType ?? (init.via === 'form-post' ? 'application/x-www-form-urlencoded' : 'text/plain;charset=UTF-8');
  }
  const request = browser.buildRequest(
    { method, path: target.href, headers, ...(body !== undefined ? { body, contentType } : {}), site: context.site, topLevelNavigation: context.topLevelNavigation },
    origin,
    now,
    context,
  );
  const decision = browser.jar.explainRequest(target, now, context);
  return {
    request,
    context,
    cookies: recordDecision(decision),
    actor: { kind: 'other-site', initiator: from.href, via: init.via, site: context.site ?? 'cross-site', initiatorCanRead: false },
  };
}

/**
 * Whether the other site's script can read the response: only a `fetch` answered with CORS headers
 * that name its origin and allow credentials. Links, forms, images and frames never expose the body.
 */
export function initiatorCanRead(attempt: OtherSiteAttempt, response: WireResponse): boolean {
  if (!attempt.actor.via.startsWith('fetch')) return false;
  const header = (name: string) => response.headers.find(([n]) => n.toLowerCase() === name)?.[1]?.trim();
  const from = new URL(attempt.actor.initiator).origin;
  return header('access-control-allow-origin') === from && header('access-control-allow-credentials') === 'true';
}

/** Applies the response (its Set-Cookie lines in the same cross-site context) and records the exchange. */
export function completeOtherSiteRequest(browser: SimulatedBrowser, attempt: OtherSiteAttempt, response: WireResponse, now: number): Exchange {
  const actor = { ...attempt.actor, initiatorCanRead: initiatorCanRead(attempt, response) };
  return browser.receive(attempt.request, response, now, attempt.context, { cookies: attempt.cookies, actor });
}
