// The cookie half of the session engine: header syntax, a virtual clock, an RFC 6265bis jar and the
// simulated browsers that own one jar each. Pure TypeScript, no DOM.
export { VirtualClock } from './clock.ts';
export type { VirtualClockJSON } from './clock.ts';
export { formatHttpDate, parseCookieDate } from './http-date.ts';
export { getCookieValue, parseCookieHeader, serializeCookieHeader } from './cookie-header.ts';
export type { CookiePair } from './cookie-header.ts';
export { parseSetCookie } from './set-cookie.ts';
export type { ParsedSetCookie, SameSite, SetCookieResult } from './set-cookie.ts';
export { byteLength, MAX_ATTRIBUTE_VALUE_BYTES, MAX_EXPIRY_SECONDS, MAX_NAME_VALUE_BYTES } from './reasons.ts';
export type { CookieWarning, RejectReason, WarningReason } from './reasons.ts';
export { CookieJar } from './jar.ts';
export type { CookieInit, CookieJarJSON, JarChange, JarChangeKind, RequestContext, StoredCookie } from './jar.ts';
export { DEFAULT_ORIGIN, SimulatedBrowser } from './browser.ts';
export type { BrowserRequestInit, Exchange, Server, SimulatedBrowserJSON } from './browser.ts';
