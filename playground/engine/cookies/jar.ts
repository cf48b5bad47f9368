/**
 * A browser's cookie jar, following the storage model of RFC 6265bis (§5.7 storing, §5.8 sending)
 * plus the few places where Chromium is stricter than the RFC (SameSite=None needs Secure, loopback
 * hosts count as secure origins).
 *
 * Time never comes from the machine: every method that needs "now" takes it as Unix seconds from the
 * playground's virtual clock, so "advance one hour" really expires a one-hour cookie.
 *
 * Every change is reported as a JarChange, so the UI can show what happened and, above all, what was
 * silently refused: real browsers drop bad cookies without telling the server or the page.
 */
import { serializeCookieHeader } from './cookie-header.ts';
import { formatHttpDate } from './http-date.ts';
import {
  byteLength,
  COOKIES_PER_SITE_AFTER_PURGE,
  LAX_ALLOWING_UNSAFE_SECONDS,
  MAX_COOKIES_PER_SITE,
  MAX_EXPIRY_SECONDS,
  MAX_NAME_VALUE_BYTES,
} from './reasons.ts';
import type { ChromiumRule, CookieWarning, RejectReason, RemovalReason, WithheldReason } from './reasons.ts';
import { parseSetCookie } from './set-cookie.ts';
import type { ParsedSetCookie, SameSite } from './set-cookie.ts';
import {
  canonicalHost,
  defaultPath,
  domainMatches,
  isIpAddress,
  isPublicSuffix,
  isSecureOrigin,
  pathMatches,
  siteKey,
  siteOf,
} from './url-rules.ts';

/** A stored cookie, with the columns DevTools shows. Plain data: safe to clone and to serialise. */
export interface StoredCookie {
  name: string;
  value: string;
  /** Without a leading dot. `hostOnly` tells a host cookie from a domain cookie (shown as `.domain`). */
  domain: string;
  hostOnly: boolean;
  path: string;
  /** Unix seconds; null for a session cookie (gone when the browser closes). */
  expires: number | null;
  persistent: boolean;
  /** Bytes of name + value, as DevTools counts them. */
  size: number;
  httpOnly: boolean;
  secure: boolean;
  /** The value in force: Lax when the server sent none (or an unknown one). */
  sameSite: SameSite;
  sameSiteDefaulted: boolean;
  /** CHIPS: kept apart per top-level site; `partitionSite` is that site (e.g. `https://example.org`). */
  partitioned: boolean;
  partitionSite: string | null;
  creation: number;
  lastAccess: number;
}

export type JarChangeKind = 'added' | 'changed' | 'deleted' | 'expired' | 'rejected';

export interface JarChange {
  kind: JarChangeKind;
  name: string;
  domain: string;
  path: string;
  before?: StoredCookie;
  after?: StoredCookie;
  /** For 'rejected', and for a removal nobody asked for (`evicted-domain-limit`). */
  reason?: RejectReason | RemovalReason;
  /** An English sentence explaining the change (the UI translates `reason` / `warnings` codes). */
  detail?: string;
  /** Attributes that were ignored or adjusted although the cookie itself was accepted. */
  warnings?: CookieWarning[];
  /** The Set-Cookie line this change came from, when there was one. */
  header?: string;
  /** Where this outcome is Chromium's and RFC 6265bis says otherwise (texts in reasons.ts). */
  chromium?: ChromiumRule[];
  /** Cookies this one pushed out of the jar (Chromium's 180-per-site limit). */
  evicted?: StoredCookie[];
}

/** Who is asking: the same site as the cookie's, or another site (a link, form or image elsewhere). */
export interface RequestContext {
  site?: 'same-site' | 'cross-site';
  method?: string;
  /** True for a navigation of the whole tab (link, form, address bar); false for fetch, img, iframe. */
  topLevelNavigation?: boolean;
  /**
   * The site of the page in the tab (scheme and registrable domain, see `siteOf`), for partitioned
   * cookies. Only a cross-site subresource needs it: otherwise it is the request URL's own site.
   */
  topLevelSite?: string;
  /** 'blocked' as in Chrome's incognito windows: cross-site subresources carry no cookies. */
  thirdPartyCookies?: 'allowed' | 'blocked';
}

/** A cookie in the jar that did not go with a request, and why. */
export interface WithheldCookie {
  cookie: StoredCookie;
  reason: WithheldReason;
}

/** Everything the jar decided for one request: what went, in order, and what stayed home. */
export interface SendDecision {
  sent: StoredCookie[];
  withheld: WithheldCookie[];
  /** Chromium rules that changed the outcome (e.g. a POST that carried a fresh Lax-by-default cookie). */
  chromium: ChromiumRule[];
}

/** Fields the UI may set by hand (like editing a row in DevTools). */
export interface CookieInit {
  name: string;
  value: string;
  domain: string;
  path?: string;
  hostOnly?: boolean;
  expires?: number | null;
  secure?: boolean;
  httpOnly?: boolean;
  /** Omitted: Lax by default, as for a Set-Cookie without SameSite. */
  sameSite?: SameSite;
}

export interface CookieJarJSON {
  version: 1;
  cookies: StoredCookie[];
}

// Methods a cross-site top-level navigation may use and still carry Lax cookies (RFC 9110 "safe").
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

interface Entry {
  cookie: StoredCookie;
  /** Creation order, to break ties between cookies created in the same second. */
  seq: number;
}

function keyOf(c: Pick<StoredCookie, 'name' | 'domain' | 'hostOnly' | 'path'>): string {
  // The RFC identifies a cookie by name, domain, host-only flag and path: two cookies called
  // "session" with different paths live side by side, and both are sent.
  return JSON.stringify([c.name, c.domain, c.hostOnly, c.path]);
}

function isExpired(cookie: StoredCookie, now: number): boolean {
  return cookie.expires !== null && cookie.expires <= now;
}

function copy(cookie: StoredCookie): StoredCookie {
  return { ...cookie };
}

function parseUrl(url: string | URL): URL | null {
  try {
    const parsed = url instanceof URL ? url : new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * A Domain attribute as Chromium reads it: through the URL host parser, so `bücher.example`
 * becomes `xn--bcher-kva.example` and matches the punycoded request host. Null: not a host name.
 */
function canonicalDomain(domain: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(domain)) return domain;
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return null;
  }
}

/** The site of the page in the tab when a request to `url` is made (for partitioned cookies). */
function topLevelSiteOf(url: URL, ctx: RequestContext): string {
  const crossSubresource = ctx.site === 'cross-site' && !(ctx.topLevelNavigation ?? true);
  if (crossSubresource) return ctx.topLevelSite ?? 'another-site';
  return siteKey(url);
}

function startsWithPrefix(text: string, prefix: string): boolean {
  return text.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase();
}

export class CookieJar {
  private entries = new Map<string, Entry>();
  private nextSeq = 1;

  /**
   * Applies the Set-Cookie lines of one response to the jar, in order, as a browser does.
   * `requestUrl` is the URL that was requested (it decides the default domain and path and whether
   * the origin is secure). Never throws: each line gives exactly one JarChange.
   */
  setFromResponse(requestUrl: string | URL, setCookieLines: string[], now: number, ctx: RequestContext = {}): JarChange[] {
    return setCookieLines.map((line) => this.storeOne(requestUrl, line, now, ctx));
  }

  /**
   * `document.cookie = text` run by a script on the page at `pageUrl`. The same rules as a
   * Set-Cookie header, plus the one that makes HttpOnly worth having: a script can neither create
   * an HttpOnly cookie nor replace one.
   */
  setFromScript(pageUrl: string | URL, text: string, now: number): JarChange {
    return this.storeOne(pageUrl, text, now, { site: 'same-site', topLevelNavigation: true }, true);
  }

  private storeOne(requestUrl: string | URL, line: string, now: number, ctx: RequestContext, fromScript = false): JarChange {
    const url = parseUrl(requestUrl);
    const parsed = parseSetCookie(line);
    const reject = (reason: RejectReason, detail: string, at?: { name: string; domain: string; path: string }): JarChange => ({
      kind: 'rejected',
      name: at?.name ?? (parsed.ok ? parsed.cookie.name : (parsed.name ?? '')),
      domain: at?.domain ?? (url ? canonicalHost(url) : ''),
      path: at?.path ?? '',
      reason,
      detail,
      header: line,
      ...(parsed.ok && parsed.cookie.warnings.length ? { warnings: parsed.cookie.warnings } : {}),
    });

    if (!url) return reject('invalid-url', `Cookies can only be set by http or https responses; "${String(requestUrl)}" is not one.`);
    if (!parsed.ok) return parsed.chromium ? { ...reject(parsed.reason, parsed.detail), chromium: [parsed.chromium] } : reject(parsed.reason, parsed.detail);
    const p = parsed.cookie;
    const chromium = [...p.chromium];
    const rejectAs = (rule: ChromiumRule, reason: RejectReason, detail: string, at?: { name: string; domain: string; path: string }) => {
      if (!chromium.includes(rule)) chromium.push(rule);
      return { ...reject(reason, detail, at), chromium };
    };
    const warnings = [...p.warnings];
    const host = canonicalHost(url);
    const secureOrigin = isSecureOrigin(url);

    // Expiry: Max-Age wins over Expires; neither means a session cookie. Far dates are capped.
    let expires: number | null = null;
    if (p.maxAge !== undefined) {
      // Max-Age <= 0 means "the earliest representable time": the cookie is deleted at once.
      expires = p.maxAge <= 0 ? 0 : now + p.maxAge;
    } else if (p.expires !== undefined) {
      expires = p.expires;
    }
    if (expires !== null && expires > now + MAX_EXPIRY_SECONDS) {
      expires = now + MAX_EXPIRY_SECONDS;
      warnings.push({
        reason: 'expiry-capped',
        attribute: p.maxAge !== undefined ? 'Max-Age' : 'Expires',
        detail: `Browsers keep a cookie at most 400 days; this one now expires on ${formatHttpDate(expires)}.`,
      });
    }

    // Domain: host-only unless a Domain attribute names the host or one of its parents.
    if (p.domain === '') return rejectAs('dot-only-domain', 'domain-not-a-host', 'Domain=. names no domain, so the browser ignores the cookie.');
    let domainAttr = canonicalDomain(p.domain ?? '');
    if (domainAttr === null) return reject('domain-not-a-host', `Domain=${p.domain} is not a valid host name.`);
    if (domainAttr !== '' && isPublicSuffix(domainAttr)) {
      if (domainAttr !== host) {
        return reject('public-suffix', `Domain=${domainAttr} is a public suffix: a cookie for all of "${domainAttr}" would reach every site under it.`);
      }
      domainAttr = ''; // A site that *is* a public suffix may still set a cookie for itself only.
    }
    if (domainAttr !== '' && isIpAddress(host) && domainAttr === host) domainAttr = '';
    if (domainAttr !== '' && !domainMatches(host, domainAttr)) {
      return reject('domain-mismatch', `Domain=${domainAttr} does not contain the request host ${host}: a site can only set cookies for itself or its parent domains.`);
    }
    const hostOnly = domainAttr === '';
    const domain = hostOnly ? host : domainAttr;
    const path = p.path ?? defaultPath(url);
    const at = { name: p.name, domain, path };

    if (p.secure && !secureOrigin) {
      return reject('secure-from-insecure-origin', `${url.origin} is not a secure origin (https or localhost), so it cannot set a Secure cookie.`, at);
    }

    if (p.partitioned && !p.secure) {
      return rejectAs('partitioned-requires-secure', 'partitioned-requires-secure', 'A Partitioned cookie must also be Secure; Chromium refuses it otherwise.', at);
    }

    const sameSite: SameSite = p.sameSite ?? 'Lax';
    const sameSiteDefaulted = p.sameSite === undefined;
    if (sameSite === 'None' && !p.secure) {
      return reject('samesite-none-requires-secure', 'SameSite=None is only accepted together with Secure (browsers reject it otherwise).', at);
    }
    if (sameSite !== 'None' && ctx.site === 'cross-site' && !(ctx.topLevelNavigation ?? true)) {
      return reject('samesite-cross-site', `A cross-site subresource request cannot set a SameSite=${sameSite} cookie.`, at);
    }

    const prefixProblem = checkPrefixes(p, hostOnly, path);
    if (prefixProblem?.reason === 'prefix-http') return rejectAs('http-prefix', prefixProblem.reason, prefixProblem.detail, at);
    if (prefixProblem) return reject(prefixProblem.reason, prefixProblem.detail, at);

    if (fromScript && p.httpOnly) {
      return reject('httponly-from-script', 'A script cannot create a cookie with HttpOnly: only the server can, in a Set-Cookie header.', at);
    }
    if (fromScript) {
      const existing = this.entries.get(keyOf({ name: p.name, domain, hostOnly, path }));
      if (existing && existing.cookie.httpOnly && !isExpired(existing.cookie, now)) {
        return reject('httponly-from-script', `"${p.name}" is HttpOnly: a script can neither read nor replace it.`, at);
      }
    }

    if (!p.secure && !secureOrigin && this.shadowsSecureCookie(p.name, domain, path, now)) {
      return reject('overwrite-secure-from-insecure', `An insecure origin cannot overwrite (or shadow) the Secure cookie "${p.name}".`, at);
    }

    const cookie: StoredCookie = {
      name: p.name,
      value: p.value,
      domain,
      hostOnly,
      path,
      expires,
      persistent: expires !== null,
      size: byteLength(p.name) + byteLength(p.value),
      httpOnly: p.httpOnly,
      secure: p.secure,
      sameSite,
      sameSiteDefaulted,
      partitioned: p.partitioned,
      partitionSite: p.partitioned ? topLevelSiteOf(url, ctx) : null,
      creation: now,
      lastAccess: now,
    };
    const change = this.put(cookie, now);
    change.header = line;
    if (warnings.length) change.warnings = warnings;
    if (change.chromium) chromium.push(...change.chromium.filter((r) => !chromium.includes(r)));
    if (chromium.length) change.chromium = chromium;
    return change;
  }

  /**
   * Stores (or replaces, or deletes) a cookie that has passed every check, and says which it was.
   * A replacement keeps the old creation time: that is what orders the Cookie header.
   */
  private put(cookie: StoredCookie, now: number): JarChange {
    const key = keyOf(cookie);
    // Partitioned cookies live in their own jar per top-level site (CHIPS): same name, other key.
    const keyWithPartition = cookie.partitioned ? `${key}|${cookie.partitionSite}` : key;
    return this.putAt(keyWithPartition, cookie, now);
  }

  private putAt(key: string, cookie: StoredCookie, now: number): JarChange {
    const old = this.entries.get(key);
    const where = { name: cookie.name, domain: cookie.domain, path: cookie.path };
    const live = old && !isExpired(old.cookie, now) ? old : undefined;

    if (isExpired(cookie, now)) {
      // An expiry in the past is how servers delete cookies (Flask: Expires=1970 and Max-Age=0).
      this.entries.delete(key);
      if (live) {
        return { kind: 'deleted', ...where, before: copy(live.cookie), detail: `The server deleted "${cookie.name}" by sending it already expired.` };
      }
      return {
        kind: 'rejected',
        ...where,
        reason: 'expired-on-arrival',
        detail: `"${cookie.name}" arrived already expired and there was no such cookie to delete.`,
      };
    }

    // RFC 6265bis keeps the old creation time. Chromium (measured) does so only when the value is
    // unchanged; a new value makes a new cookie: last in the Cookie header, its age starting again.
    const sameValue = live !== undefined && live.cookie.value === cookie.value;
    const reordered = live !== undefined && !sameValue && live.seq !== this.nextSeq - 1;
    if (sameValue) cookie.creation = live.cookie.creation;
    this.entries.delete(key);
    this.entries.set(key, { cookie, seq: sameValue ? live.seq : this.nextSeq++ });
    const change: JarChange = live
      ? { kind: 'changed', ...where, before: copy(live.cookie), after: copy(cookie) }
      : { kind: 'added', ...where, after: copy(cookie) };
    if (reordered) change.chromium = ['replace-is-new'];
    const evicted = this.enforceSiteLimit(cookie, now);
    if (evicted.length) {
      change.evicted = evicted;
      change.chromium = [...(change.chromium ?? []), 'domain-cookie-limit'];
    }
    return change;
  }

  /**
   * Chromium's per-site limit: past 180 cookies for one registrable domain it drops the least
   * recently used (insecure ones before Secure ones) until 150 remain. Expired ones go first.
   */
  private enforceSiteLimit(added: StoredCookie, now: number): StoredCookie[] {
    const site = siteOf(added.domain);
    const same = [...this.entries].filter(([, e]) => siteOf(e.cookie.domain) === site);
    if (same.length <= MAX_COOKIES_PER_SITE) return [];
    const order = (a: Entry, b: Entry) =>
      Number(isExpired(b.cookie, now)) - Number(isExpired(a.cookie, now)) ||
      Number(a.cookie.secure) - Number(b.cookie.secure) ||
      a.cookie.lastAccess - b.cookie.lastAccess ||
      a.seq - b.seq;
    const victims = same.sort(([, a], [, b]) => order(a, b)).slice(0, same.length - COOKIES_PER_SITE_AFTER_PURGE);
    for (const [key] of victims) this.entries.delete(key);
    return victims.map(([, e]) => copy(e.cookie));
  }

  private shadowsSecureCookie(name: string, domain: string, path: string, now: number): boolean {
    for (const { cookie } of this.entries.values()) {
      if (
        cookie.name === name &&
        cookie.secure &&
        !isExpired(cookie, now) &&
        (domainMatches(cookie.domain, domain) || domainMatches(domain, cookie.domain)) &&
        pathMatches(path, cookie.path)
      ) {
        return true;
      }
    }
    return false;
  }

  /** The cookies a request to `url` carries, in the order they are sent (§5.8.3), as copies. */
  cookiesFor(url: string | URL, now: number, ctx: RequestContext = {}): StoredCookie[] {
    return this.decide(url, now, ctx).sent.map(copy);
  }

  /**
   * What a request to `url` carries and, for every other live cookie, why it stays home. The
   * order of `sent` is the Cookie header's; `withheld` is in the jar's order.
   */
  explainRequest(url: string | URL, now: number, ctx: RequestContext = {}): SendDecision {
    const decision = this.decide(url, now, ctx);
    return { sent: decision.sent.map(copy), withheld: decision.withheld.map((w) => ({ cookie: copy(w.cookie), reason: w.reason })), chromium: decision.chromium };
  }

  private decide(url: string | URL, now: number, ctx: RequestContext): SendDecision {
    const target = parseUrl(url);
    if (!target) return { sent: [], withheld: [], chromium: [] };
    const host = canonicalHost(target);
    const secure = isSecureOrigin(target);
    const crossSite = ctx.site === 'cross-site';
    const topLevel = ctx.topLevelNavigation ?? true;
    const safeMethod = SAFE_METHODS.has((ctx.method ?? 'GET').toUpperCase());
    const topSite = topLevelSiteOf(target, ctx);
    const chromium: ChromiumRule[] = [];

    // An expired cookie is not withheld but gone: it is left out of both lists.
    const why = (cookie: StoredCookie): WithheldReason | 'expired' | null => {
      if (isExpired(cookie, now)) return 'expired';
      if (cookie.hostOnly ? host !== cookie.domain : !domainMatches(host, cookie.domain)) {
        return cookie.hostOnly ? 'host-mismatch' : 'domain-mismatch';
      }
      if (!pathMatches(target.pathname, cookie.path)) return 'path-mismatch';
      if (cookie.secure && !secure) return 'secure-over-http';
      if (cookie.partitioned && cookie.partitionSite !== topSite) return 'partitioned-other-site';
      if (crossSite && !topLevel && !cookie.partitioned && ctx.thirdPartyCookies === 'blocked') return 'third-party-blocked';
      if (!crossSite || cookie.sameSite === 'None') return null;
      if (cookie.sameSite === 'Strict') return 'samesite-strict';
      if (!topLevel) return 'samesite-lax-subresource';
      if (safeMethod) return null;
      // Chromium's "Lax-allowing-unsafe": a cookie that never said SameSite, still young, goes with
      // a cross-site top-level POST (kept so single sign-on flows did not break when Lax became the default).
      if (cookie.sameSiteDefaulted) {
        if (now - cookie.creation <= LAX_ALLOWING_UNSAFE_SECONDS) {
          if (!chromium.includes('lax-allowing-unsafe')) chromium.push('lax-allowing-unsafe');
          return null;
        }
        return 'samesite-lax-default-too-old';
      }
      return 'samesite-lax-unsafe-method';
    };

    const sent: Entry[] = [];
    const withheld: WithheldCookie[] = [];
    for (const entry of this.sorted()) {
      const reason = why(entry.cookie);
      if (reason === null) sent.push(entry);
      else if (reason !== 'expired') withheld.push({ cookie: entry.cookie, reason });
    }
    // Longer paths first, then older cookies first (RFC 6265bis §5.8.3, step 2).
    sent.sort((a, b) => b.cookie.path.length - a.cookie.path.length || a.seq - b.seq);
    return { sent: sent.map((e) => e.cookie), withheld, chromium };
  }

  /**
   * The Cookie header value for a request ('' when there is nothing to send). Sending a cookie
   * counts as accessing it, so last-access times move to `now`.
   */
  cookieHeaderFor(url: string | URL, now: number, ctx: RequestContext = {}): string {
    const cookies = this.decide(url, now, ctx).sent;
    for (const cookie of cookies) cookie.lastAccess = now;
    return serializeCookieHeader(cookies.map((c) => [c.name, c.value] as [string, string]));
  }

  /**
   * What `document.cookie` would show on a page at `url`: the same cookies minus HttpOnly ones.
   * HttpOnly is exactly this: the cookie still travels with every request, scripts just cannot read it.
   */
  visibleToScript(url: string | URL, now: number): string {
    const cookies = this.cookiesFor(url, now).filter((c) => !c.httpOnly);
    return serializeCookieHeader(cookies.map((c) => [c.name, c.value] as [string, string]));
  }

  /** Removes cookies whose expiry has passed on the virtual clock, reporting each one. */
  evictExpired(now: number): JarChange[] {
    return this.expireWhere(
      (cookie) => isExpired(cookie, now),
      (cookie) => `"${cookie.name}" expired on ${formatHttpDate(cookie.expires as number)}.`,
    );
  }

  /** The live cookies, oldest first, as copies (editing them does not change the jar). */
  list(now: number): StoredCookie[] {
    return this.sorted()
      .filter(({ cookie }) => !isExpired(cookie, now))
      .map(({ cookie }) => copy(cookie));
  }

  /**
   * Sets a cookie by hand, as DevTools' cookie editor does: no origin checks (that is the point of
   * tampering), but the result must still be a cookie a browser could hold.
   */
  set(init: CookieInit, now: number): JarChange {
    if (typeof init !== 'object' || init === null) {
      return { kind: 'rejected', name: '', domain: '', path: '', reason: 'invalid-cookie', detail: 'The cookie must be an object.' };
    }
    const domain = typeof init.domain === 'string' ? init.domain.replace(/^\./, '').toLowerCase() : '';
    const path = init.path ?? '/';
    const where = { name: String(init.name ?? ''), domain, path: String(path) };
    const problem = validateInit(init, domain, path);
    if (problem) return { kind: 'rejected', ...where, reason: 'invalid-cookie', detail: problem };
    const size = byteLength(init.name) + byteLength(init.value);
    if (size > MAX_NAME_VALUE_BYTES) {
      return { kind: 'rejected', ...where, reason: 'too-large', detail: `Name and value take ${size} bytes; the limit is ${MAX_NAME_VALUE_BYTES}.` };
    }
    const expires = init.expires ?? null;
    return this.put(
      {
        name: init.name,
        value: init.value,
        domain,
        hostOnly: init.hostOnly ?? true,
        path,
        expires,
        persistent: expires !== null,
        size,
        httpOnly: init.httpOnly ?? false,
        secure: init.secure ?? false,
        sameSite: init.sameSite ?? 'Lax',
        sameSiteDefaulted: init.sameSite === undefined,
        partitioned: false,
        partitionSite: null,
        creation: now,
        lastAccess: now,
      },
      now,
    );
  }

  /** Deletes the cookie(s) with this name, domain and path (host-only or not). */
  remove(name: string, domain: string, path: string): JarChange[] {
    const changes: JarChange[] = [];
    for (const [key, { cookie }] of this.entries) {
      if (cookie.name !== name || cookie.domain !== domain || cookie.path !== path) continue;
      this.entries.delete(key);
      changes.push({ kind: 'deleted', name, domain, path, before: copy(cookie), detail: `"${name}" was deleted by hand.` });
    }
    return changes;
  }

  /** Closing the browser: session cookies (no Expires, no Max-Age) are gone, persistent ones stay. */
  endSession(): JarChange[] {
    return this.expireWhere(
      (cookie) => !cookie.persistent,
      (cookie) => `"${cookie.name}" was a session cookie: it ended when the browser closed.`,
    );
  }

  /** Drops the cookies `gone` picks, each reported as 'expired' with the reason `why` gives. */
  private expireWhere(gone: (cookie: StoredCookie) => boolean, why: (cookie: StoredCookie) => string): JarChange[] {
    const changes: JarChange[] = [];
    for (const [key, { cookie }] of this.entries) {
      if (!gone(cookie)) continue;
      this.entries.delete(key);
      const { name, domain, path } = cookie;
      changes.push({ kind: 'expired', name, domain, path, before: copy(cookie), detail: why(cookie) });
    }
    return changes;
  }

  clear(): JarChange[] {
    const changes = this.sorted().map(({ cookie }): JarChange => ({
      kind: 'deleted',
      name: cookie.name,
      domain: cookie.domain,
      path: cookie.path,
      before: copy(cookie),
      detail: `"${cookie.name}" was cleared.`,
    }));
    this.entries.clear();
    return changes;
  }

  toJSON(): CookieJarJSON {
    return { version: 1, cookies: this.sorted().map(({ cookie }) => copy(cookie)) };
  }

  /**
   * Rebuilds a jar from `toJSON()` output (or its JSON text). Saved jars come from local storage and
   * share links, so nothing is trusted: any problem throws an Error that says where it is.
   */
  static fromJSON(data: unknown): CookieJar {
    let value = data;
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        throw new Error('Saved cookie jar is invalid: it is not valid JSON.');
      }
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new Error('Saved cookie jar is invalid: expected an object with "version" and "cookies".');
    }
    const record = value as Record<string, unknown>;
    if (record.version !== 1) {
      throw new Error(`Saved cookie jar is invalid: unsupported version ${JSON.stringify(record.version)}.`);
    }
    if (!Array.isArray(record.cookies)) {
      throw new Error('Saved cookie jar is invalid: "cookies" must be an array.');
    }
    const jar = new CookieJar();
    record.cookies.forEach((raw, index) => {
      const cookie = readStoredCookie(raw, `cookies[${index}]`);
      const key = cookie.partitioned ? `${keyOf(cookie)}|${cookie.partitionSite}` : keyOf(cookie);
      if (jar.entries.has(key)) {
        throw new Error(`Saved cookie jar is invalid: cookies[${index}] repeats "${cookie.name}" for ${cookie.domain}${cookie.path}.`);
      }
      jar.entries.set(key, { cookie, seq: jar.nextSeq++ });
    });
    return jar;
  }

  private sorted(): Entry[] {
    return [...this.entries.values()].sort((a, b) => a.seq - b.seq);
  }
}

/**
 * Cookie name prefixes (RFC 6265bis §4.1.3): a promise the browser checks, so a server reading
 * `__Host-session` knows it came from a secure origin, for this exact host, for the whole site.
 */
function checkPrefixes(p: ParsedSetCookie, hostOnly: boolean, path: string): { reason: RejectReason; detail: string } | null {
  // A nameless cookie whose value looks like a prefixed name would be sent as "__Host-x=..." and
  // fool the server; 6265bis forbids it.
  if (p.name === '') {
    if (startsWithPrefix(p.value, '__Secure-')) return { reason: 'prefix-secure', detail: 'A cookie without a name cannot have a value starting with "__Secure-".' };
    if (startsWithPrefix(p.value, '__Host-')) return { reason: 'prefix-host', detail: 'A cookie without a name cannot have a value starting with "__Host-".' };
    return null;
  }
  if (startsWithPrefix(p.name, '__Secure-') && !p.secure) {
    return { reason: 'prefix-secure', detail: 'A "__Secure-" cookie must have the Secure attribute.' };
  }
  if (startsWithPrefix(p.name, '__Host-') && (!p.secure || !hostOnly || p.path !== '/' || path !== '/')) {
    return { reason: 'prefix-host', detail: 'A "__Host-" cookie must have Secure and Path=/ and no Domain attribute.' };
  }
  // Newer than RFC 6265bis, enforced by Chromium: the server can trust these were set over HTTP(S).
  if ((startsWithPrefix(p.name, '__Http-') || startsWithPrefix(p.name, '__Host-Http-')) && (!p.secure || !p.httpOnly)) {
    return { reason: 'prefix-http', detail: `A "${p.name.slice(0, p.name.indexOf('-', 3) + 1)}" cookie must have Secure and HttpOnly.` };
  }
  return null;
}

// Characters that cannot appear in a cookie name or value sent in a header (they would end or split it).
const FORBIDDEN_IN_COOKIE = /[\x00-\x08\x0A-\x1F\x7F;]/;

function validateInit(init: CookieInit, domain: string, path: unknown): string | null {
  if (typeof init.name !== 'string' || typeof init.value !== 'string') return 'Name and value must be text.';
  if (init.name === '' && init.value === '') return 'A cookie needs a name or a value.';
  if (FORBIDDEN_IN_COOKIE.test(init.name) || init.name.includes('=')) return 'The name cannot contain "=", ";" or control characters.';
  if (FORBIDDEN_IN_COOKIE.test(init.value)) return 'The value cannot contain ";" or control characters.';
  if (/^[ \t]|[ \t]$/.test(init.name) || /^[ \t]|[ \t]$/.test(init.value)) return 'Name and value cannot start or end with spaces (the browser would trim them).';
  if (domain === '' || /[\s;,/]/.test(domain)) return 'The domain must be a host name such as "localhost" or "ejemplo.test".';
  if (typeof path !== 'string' || !path.startsWith('/') || FORBIDDEN_IN_COOKIE.test(path)) return 'The path must start with "/".';
  if (init.expires != null && (typeof init.expires !== 'number' || !Number.isFinite(init.expires))) return 'Expires must be Unix seconds or null.';
  if (init.sameSite !== undefined && !['Strict', 'Lax', 'None'].includes(init.sameSite)) return 'SameSite must be Strict, Lax or None.';
  return null;
}

const SAME_SITE_VALUES: readonly string[] = ['Strict', 'Lax', 'None'];

function readStoredCookie(raw: unknown, where: string): StoredCookie {
  const fail = (what: string): never => {
    throw new Error(`Saved cookie jar is invalid: ${where}.${what}.`);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error(`Saved cookie jar is invalid: ${where} must be an object.`);
  }
  const r = raw as Record<string, unknown>;
  const text = (field: string): string => (typeof r[field] === 'string' ? (r[field] as string) : fail(`${field} must be text`));
  const flag = (field: string): boolean => (typeof r[field] === 'boolean' ? (r[field] as boolean) : fail(`${field} must be true or false`));
  const seconds = (field: string): number =>
    typeof r[field] === 'number' && Number.isFinite(r[field]) ? (r[field] as number) : fail(`${field} must be a number of seconds`);

  const name = text('name');
  const value = text('value');
  if (name === '' && value === '') fail('name and value cannot both be empty');
  if (FORBIDDEN_IN_COOKIE.test(name) || name.includes('=')) fail('name contains a character a cookie name cannot hold');
  if (FORBIDDEN_IN_COOKIE.test(value)) fail('value contains a character a cookie value cannot hold');
  const size = byteLength(name) + byteLength(value);
  if (size > MAX_NAME_VALUE_BYTES) fail(`name and value exceed ${MAX_NAME_VALUE_BYTES} bytes`);
  const domain = text('domain');
  if (domain === '' || domain !== domain.toLowerCase() || domain.startsWith('.')) fail('domain must be a lower-case host name without a leading dot');
  const path = text('path');
  if (!path.startsWith('/')) fail('path must start with "/"');
  const expires = r.expires === null ? null : seconds('expires');
  const sameSite = text('sameSite');
  if (!SAME_SITE_VALUES.includes(sameSite)) fail('sameSite must be Strict, Lax or None');

  // size and persistent are derived, so they are recomputed rather than trusted.
  return {
    name,
    value,
    domain,
    hostOnly: flag('hostOnly'),
    path,
    expires,
    persistent: expires !== null,
    size,
    httpOnly: flag('httpOnly'),
    secure: flag('secure'),
    sameSite: sameSite as SameSite,
    sameSiteDefaulted: flag('sameSiteDefaulted'),
    // Jars saved before partitioned cookies existed have neither field.
    partitioned: r.partitioned === undefined ? false : flag('partitioned'),
    partitionSite: r.partitionSite === undefined || r.partitionSite === null ? null : text('partitionSite'),
    creation: seconds('creation'),
    lastAccess: seconds('lastAccess'),
  };
}
