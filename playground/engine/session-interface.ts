/**
 * Flask's SecureCookieSessionInterface (flask/sessions.py): open_session at the start of a request,
 * save_session at the end, and the rules that decide whether a Set-Cookie goes out. The header is
 * built like werkzeug.http.dump_cookie (Werkzeug 2.2), attribute order included.
 *
 * Version note: the fixtures come from Flask 2.2.2, where SERVER_NAME also sets the cookie Domain
 * (".example.com"); Flask ≥ 3.0 dropped that fallback. SECRET_KEY_FALLBACKS is Flask ≥ 3.1.1.
 */
import { type DecodeFailure, decodeCookieDetailed, dumpPayload } from './cookie-codec.ts';
import { type Session, createSession, sessionState } from './session.ts';
import { type VerifiedBy, signWithTimestamp } from './signer.ts';
import { httpDate } from './tagged-json.ts';

export interface SessionConfig {
  SECRET_KEY: string | null;
  SECRET_KEY_FALLBACKS: string[];
  SESSION_COOKIE_NAME: string;
  SESSION_COOKIE_DOMAIN: string | null;
  SESSION_COOKIE_PATH: string | null;
  SESSION_COOKIE_HTTPONLY: boolean;
  SESSION_COOKIE_SECURE: boolean;
  SESSION_COOKIE_SAMESITE: 'Strict' | 'Lax' | 'None' | null;
  /** Seconds (Flask takes a timedelta or seconds). */
  PERMANENT_SESSION_LIFETIME: number;
  SESSION_REFRESH_EACH_REQUEST: boolean;
  APPLICATION_ROOT: string;
  SERVER_NAME: string | null;
}

/** Flask's defaults, except SECRET_KEY, which Flask leaves unset (None). */
export function defaultConfig(overrides: Partial<SessionConfig> = {}): SessionConfig {
  return {
    SECRET_KEY: null,
    SECRET_KEY_FALLBACKS: [],
    SESSION_COOKIE_NAME: 'session',
    SESSION_COOKIE_DOMAIN: null,
    SESSION_COOKIE_PATH: null,
    SESSION_COOKIE_HTTPONLY: true,
    SESSION_COOKIE_SECURE: false,
    SESSION_COOKIE_SAMESITE: null,
    PERMANENT_SESSION_LIFETIME: 2678400,
    SESSION_REFRESH_EACH_REQUEST: true,
    APPLICATION_ROOT: '/',
    SERVER_NAME: null,
    ...overrides,
  };
}

/** Flask answers HTTP 500 when a validly signed cookie cannot be decoded (BadPayload is no BadSignature). */
export class BadPayloadError extends Error {
  constructor(detail: string) {
    super(`BadPayload: ${detail}`);
    this.name = 'BadPayload';
  }
}

export type OpenResult = 'none' | 'ok' | 'bad-signature' | 'expired' | 'malformed' | 'bad-payload';

export interface SessionTrace {
  opened: { cookie: string | null; result: OpenResult; data?: unknown; timestamp?: number; verifiedBy?: VerifiedBy; detail?: string };
  /** `new` here means "no valid cookie came in" (Flask's own session.new is always False). */
  flags: { new: boolean; modified: boolean; accessed: boolean; permanent: boolean };
  action: 'set' | 'delete' | 'none';
  why:
    | 'modified'
    | 'permanent-refresh'
    | 'not-modified'
    | 'refresh-disabled'
    | 'empty-modified'
    | 'empty-unmodified'
    | 'no-secret-key'
    | 'no-session';
  setCookie?: string;
  vary: boolean;
}

/** werkzeug's request.cookies.get(name): the first cookie of that name; quoted values unquoted. */
export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim();
    if (key !== name) continue;
    let value = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
      value = value.slice(1, -1).replace(/\\([0-3][0-7]{2}|.)/g, (_m, esc: string) => (esc.length === 3 ? String.fromCharCode(parseInt(esc, 8)) : esc));
    }
    return value;
  }
  return null;
}

const opened = new WeakMap<Session, SessionTrace['opened'] & { isNew: boolean }>();

/**
 * open_session. No SECRET_KEY: a NullSession. No cookie, or a bad signature / expired /
 * malformed one: a new empty session (no error). A valid signature over an undecodable payload:
 * throws BadPayloadError (Flask: HTTP 500).
 */
export function openSession(cookieHeader: string | null | undefined, config: SessionConfig, now: number): { session: Session; trace: SessionTrace['opened'] } {
  const cookie = readCookie(cookieHeader, config.SESSION_COOKIE_NAME);
  if (!config.SECRET_KEY) {
    const session = createSession(null, { isNull: true });
    const trace = { cookie, result: 'none' as const, detail: 'no secret key: NullSession' };
    opened.set(session, { ...trace, isNew: true });
    return { session, trace };
  }
  if (!cookie) {
    const session = createSession();
    const trace = { cookie, result: 'none' as const };
    opened.set(session, { ...trace, isNew: true });
    return { session, trace };
  }
  const r = decodeCookieDetailed(
    cookie,
    { secretKey: config.SECRET_KEY, fallbackKeys: config.SECRET_KEY_FALLBACKS, maxAge: Math.trunc(config.PERMANENT_SESSION_LIFETIME), now },
    true,
  );
  if (!r.ok) {
    if (r.reason === 'bad-payload') throw new BadPayloadError(r.detail);
    const session = createSession();
    const trace = { cookie, result: r.reason as DecodeFailure, detail: r.detail };
    opened.set(session, { ...trace, isNew: true });
    return { session, trace };
  }
  const initial = toInitialDict(r.data);
  const session = createSession(initial);
  const trace = { cookie, result: 'ok' as const, data: r.data instanceof Map ? Object.fromEntries(r.data) : r.data, timestamp: r.timestamp, verifiedBy: r.verifiedBy };
  opened.set(session, { ...trace, isNew: false });
  return { session, trace };
}

/** SecureCookieSession(data) → dict(initial or ()): falsy values give {}, pairs are accepted, the rest is a 500. */
function toInitialDict(data: unknown): Map<string, unknown> {
  if (data instanceof Map) return data as Map<string, unknown>;
  if (data === null || data === false || data === 0 || data === '' || (Array.isArray(data) && data.length === 0)) return new Map();
  if (typeof data === 'object' && !Array.isArray(data) && Object.getPrototypeOf(data) === Object.prototype) {
    return new Map(Object.entries(data as Record<string, unknown>));
  }
  if (Array.isArray(data) && data.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string')) {
    return new Map(data as [string, unknown][]);
  }
  throw new BadPayloadError('cannot convert the payload to a dict');
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** SessionInterface.get_cookie_domain (Flask 2.2: SERVER_NAME fallback with a leading dot). */
export function cookieDomain(config: SessionConfig): string | null {
  if (config.SESSION_COOKIE_DOMAIN !== null && config.SESSION_COOKIE_DOMAIN !== undefined) return config.SESSION_COOKIE_DOMAIN || null;
  if (!config.SERVER_NAME) return null;
  let host = config.SERVER_NAME;
  const colon = host.lastIndexOf(':');
  if (colon >= 0) host = host.slice(0, colon);
  host = host.replace(/^\.+/, '');
  if (!host.includes('.')) return null; // Flask warns: "localhost" is not a valid cookie domain
  const ip = IPV4.test(host) || host.includes(':');
  return cookiePath(config) === '/' && !ip ? '.' + host : host;
}

/** get_cookie_path: SESSION_COOKIE_PATH or APPLICATION_ROOT. */
export function cookiePath(config: SessionConfig): string {
  return config.SESSION_COOKIE_PATH || config.APPLICATION_ROOT;
}

export interface CookieAttributes {
  expires?: number | null;
  maxAge?: number | null;
  domain?: string | null;
  path?: string | null;
  secure?: boolean;
  httponly?: boolean;
  samesite?: string | null;
}

/** werkzeug.http.dump_cookie: name=value; Domain; Expires; Max-Age; Secure; HttpOnly; Path; SameSite. */
export function dumpCookie(name: string, value: string, attrs: CookieAttributes): string {
  const out = [`${name}=${value}`];
  if (attrs.domain) {
    let domain = attrs.domain;
    const colon = domain.indexOf(':');
    if (colon >= 0) domain = domain.slice(0, colon);
    if (!domain.includes('.')) {
      throw new Error("ValueError: Setting 'domain' for a cookie on a server running locally (ex: localhost) is not supported by complying browsers.");
    }
    out.push(`Domain=${domain}`);
  }
  if (attrs.expires !== null && attrs.expires !== undefined) out.push(`Expires=${httpDate(new Date(Math.floor(attrs.expires) * 1000))}`);
  if (attrs.maxAge !== null && attrs.maxAge !== undefined) out.push(`Max-Age=${attrs.maxAge}`);
  if (attrs.secure) out.push('Secure');
  if (attrs.httponly) out.push('HttpOnly');
  if (attrs.path !== null && attrs.path !== undefined) out.push(`Path=${encodeURI(attrs.path)}`);
  if (attrs.samesite !== null && attrs.samesite !== undefined) {
    const title = attrs.samesite.charAt(0).toUpperCase() + attrs.samesite.slice(1).toLowerCase();
    if (!['Strict', 'Lax', 'None'].includes(title)) throw new Error("ValueError: SameSite must be 'Strict', 'Lax', or 'None'.");
    out.push(`SameSite=${title}`);
  }
  return out.join('; ');
}

/**
 * save_session. Returns the Set-Cookie line (without "Set-Cookie: "), whether `Vary: Cookie` is
 * due, and the trace that explains the decision.
 */
export function saveSession(session: Session | null | undefined, config: SessionConfig, now: number): { setCookie?: string; vary: boolean; trace: SessionTrace } {
  const state = sessionState(session);
  const info = session ? opened.get(session) : undefined;
  const base = info ? { cookie: info.cookie, result: info.result, data: info.data, timestamp: info.timestamp, verifiedBy: info.verifiedBy, detail: info.detail } : { cookie: null, result: 'none' as const };
  if (!state || !session) {
    // open_session failed (e.g. BadPayload): Flask's save_session then fails too, nothing is sent.
    return { vary: false, trace: { opened: base, flags: { new: true, modified: false, accessed: false, permanent: false }, action: 'none', why: 'no-session', vary: false } };
  }
  const permanent = Boolean(state.data.get('_permanent'));
  const flags = { new: info?.isNew ?? true, modified: state.modified, accessed: state.accessed, permanent };
  const trace = (action: SessionTrace['action'], why: SessionTrace['why'], vary: boolean, setCookie?: string) => ({
    setCookie,
    vary,
    trace: { opened: base, flags, action, why, setCookie, vary },
  });
  if (state.isNull) return trace('none', 'no-secret-key', false);

  const attrs = {
    domain: cookieDomain(config),
    path: cookiePath(config),
    secure: config.SESSION_COOKIE_SECURE,
    httponly: config.SESSION_COOKIE_HTTPONLY,
    samesite: config.SESSION_COOKIE_SAMESITE,
  };
  const vary = state.accessed;
  if (state.data.size === 0) {
    if (!state.modified) return trace('none', 'empty-unmodified', vary);
    const line = dumpCookie(config.SESSION_COOKIE_NAME, '', { ...attrs, expires: 0, maxAge: 0 });
    return trace('delete', 'empty-modified', true, line);
  }
  // should_set_cookie (reads session.permanent, which marks accessed after Vary was decided)
  state.accessed = true;
  if (!state.modified && !(permanent && config.SESSION_REFRESH_EACH_REQUEST)) {
    return trace('none', permanent ? 'refresh-disabled' : 'not-modified', vary);
  }
  const expires = permanent ? Math.floor(now) + config.PERMANENT_SESSION_LIFETIME : null;
  const value = signWithTimestamp(dumpPayload(state.data).payload, Math.floor(now), config.SECRET_KEY as string);
  const line = dumpCookie(config.SESSION_COOKIE_NAME, value, { ...attrs, expires });
  return trace('set', state.modified ? 'modified' : 'permanent-refresh', true, line);
}
