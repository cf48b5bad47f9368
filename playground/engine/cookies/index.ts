// The cookie half of the session engine: header syntax, a virtual clock, an RFC 6265bis jar and the
// simulated browsers that own one jar each. Pure TypeScript, no DOM.
export { VirtualClock } from './clock.ts';
export type { VirtualClockJSON } from './clock.ts';
export { formatHttpDate, parseCookieDate } from './http-date.ts';
export { getCookieValue, parseCookieHeader, serializeCookieHeader } from './cookie-header.ts';
export type { CookiePair } from './cookie-header.ts';
export { parseSetCookie } from './set-cookie.ts';
export type { ParsedSetCookie, SameSite, SetCookieResult } from './set-cookie.ts';
export {
  byteLength,
  CHROMIUM_RULE_TEXT,
  chromiumRuleText,
  cookieReasonText,
  COOKIES_PER_SITE_AFTER_PURGE,
  LAX_ALLOWING_UNSAFE_SECONDS,
  MAX_ATTRIBUTE_VALUE_BYTES,
  MAX_COOKIES_PER_SITE,
  MAX_EXPIRY_SECONDS,
  MAX_NAME_VALUE_BYTES,
  REASON_TEXT,
} from './reasons.ts';
export type {
  Bilingual,
  ChromiumRule,
  CookieWarning,
  ReasonCode,
  RejectReason,
  RemovalReason,
  TextLang,
  WarningReason,
  WithheldReason,
} from './reasons.ts';
export { isSameSite, siteKey, siteOf } from './url-rules.ts';
export { CookieJar } from './jar.ts';
export type { CookieInit, CookieJarJSON, JarChange, JarChangeKind, RequestContext, SendDecision, StoredCookie, WithheldCookie } from './jar.ts';
export { DEFAULT_ORIGIN, recordDecision, SimulatedBrowser } from './browser.ts';
export type { BrowserRequestInit, CookieDecisionRecord, Exchange, ExchangeActor, Server, SimulatedBrowserJSON } from './browser.ts';
