/**
 * Flask's SecureCookieSessionInterface (flask/sessions.py): open_session at the start of a request,
 * save_session at the end, and the rules that decide whether a Set-Cookie goes out. Where Flask 2.2
 * and 3.1 differ, the code asks flask-versions.ts, and the trace lists the rules that decided
 * something for this request (`versionRules`).
 */
import { type DecodeFailure, decodeCookieDetailed, dumpPayload } from './cookie-codec.ts';
import { dumpCookie, wouldDifferAcrossVersions } from './cookie-line.ts';
import { type VersionRuleId, follows, jsonDepthLimit } from './flask-versions.ts';
import { type Session, createSession, sessionState } from './session.ts';
import type { SessionConfig } from './settings.ts';
import { type VerifiedBy, signWithTimestamp, unsignTimestamped } from './signer.ts';

export type { SessionConfig } from './settings.ts';

/** Flask answers HTTP 500 when a validly signed cookie cannot be decoded (BadPayload is no BadSignature). */
export class BadPayloadError extends Error {
  /** Version rules that made this a 500 (shown by the trace panel). */
  readonly versionRules: VersionRuleId[];

  constructor(detail: string, versionRules: VersionRuleId[] = []) {
    super(`BadPayload: ${detail}`);
    this.name = 'BadPayload';
    this.versionRules = versionRules;
  }
}

export type OpenResult = 'none' | 'ok' | 'bad-signature' | 'expired' | 'malformed' | 'bad-payload';

export interface SessionTrace {
  opened: { cookie: string | null; result: OpenResult; data?: unknown; timestamp?: number; verifiedBy?: VerifiedBy; detail?: string; versionRules?: VersionRuleId[] };
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
  /** The Flask 2.2 / 3.1 differences that decided something in this request (see flask-versions.ts). */
  versionRules: VersionRuleId[];
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
  const sent = readCookie(cookieHeader, config.SESSION_COOKIE_NAME);
  // the header travels as UTF-8; Werkzeug 3 turns each byte into one character
  const cookie = sent !== null && follows(config, 'cookie-bytes-as-latin1') ? utf8AsLatin1(sent) : sent;
  const anyUseIsAccess = follows(config, 'vary-on-any-use');
  // a non-ASCII cookie value reads differently under the two Werkzeugs
  const headerRules: VersionRuleId[] = sent !== null && !/^[\x20-\x7e]*$/.test(sent) ? ['cookie-bytes-as-latin1'] : [];
  const withRules = (trace: SessionTrace['opened'], rules: VersionRuleId[]) => {
    const all = [...headerRules, ...rules];
    return all.length ? { ...trace, versionRules: all } : trace;
  };
  const fresh = (trace: SessionTrace['opened'], options: { isNull?: boolean } = {}) => {
    const session = createSession(null, { ...options, anyUseIsAccess });
    opened.set(session, { ...trace, isNew: true });
    return { session, trace };
  };
  if (!config.SECRET_KEY) return fresh({ cookie, result: 'none', detail: 'no secret key: NullSession' }, { isNull: true });
  if (!cookie) return fresh({ cookie, result: 'none' });
  const useFallbacks = follows(config, 'secret-key-fallbacks');
  const r = decodeCookieDetailed(
    cookie,
    {
      secretKey: config.SECRET_KEY,
      fallbackKeys: useFallbacks ? config.SECRET_KEY_FALLBACKS : [],
      maxAge: Math.trunc(config.PERMANENT_SESSION_LIFETIME),
      now,
      maxDepth: jsonDepthLimit(config),
    },
    true,
  );
  if (!r.ok) {
    const rules: VersionRuleId[] = [];
    if (r.reason === 'bad-payload') {
      if (r.tooDeep) rules.push('python-recursion-depth');
      throw new BadPayloadError(r.detail, [...headerRules, ...rules]);
    }
    if (!useFallbacks && r.reason === 'bad-signature' && config.SECRET_KEY_FALLBACKS.length) {
      // Flask 2.2 ignores SECRET_KEY_FALLBACKS: say so when 3.1 would have accepted this cookie
      const with31 = unsignTimestamped(cookie, { secretKey: config.SECRET_KEY, fallbackKeys: config.SECRET_KEY_FALLBACKS, maxAge: null, now });
      if (with31.ok) rules.push('secret-key-fallbacks');
    }
    return fresh(withRules({ cookie, result: r.reason as DecodeFailure, detail: r.detail }, rules));
  }
  const rules: VersionRuleId[] = r.verifiedBy.key === 'fallback' ? ['secret-key-fallbacks'] : [];
  // dict() of pairs may give keys that are not str (1, None): they stay as they are in the Map,
  // typed as text for reader code; jsCannotKeep reports them
  const initial = toInitialDict(r.data, config, rules) as Map<string, unknown>;
  const session = createSession(initial, { anyUseIsAccess });
  const trace = withRules(
    { cookie, result: 'ok' as const, data: r.data instanceof Map ? Object.fromEntries(r.data) : r.data, timestamp: r.timestamp, verifiedBy: r.verifiedBy },
    rules,
  );
  opened.set(session, { ...trace, isNew: false });
  return { session, trace };
}

function utf8AsLatin1(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  return String.fromCharCode(...new TextEncoder().encode(text));
}

/**
 * SecureCookieSession(data), which is dict(data): a dict as is, pairs (or two-item strings) as
 * dict() reads them, None and empty iterables as {}. Flask 2.2 wrote `initial or ()`, so 0 and
 * false were {} too; Flask 3.1 passes them to dict(), which fails: a 500.
 */
function toInitialDict(data: unknown, config: SessionConfig, rules: VersionRuleId[]): Map<unknown, unknown> {
  if (data instanceof Map) return data;
  if (data === 0 || data === false) {
    rules.push('falsy-payload-is-error');
    if (follows(config, 'falsy-payload-is-error')) throw new BadPayloadError(`TypeError: cannot convert dictionary update sequence element: '${data === 0 ? 'int' : 'bool'}' object is not iterable`, rules);
    return new Map();
  }
  if (data === null || data === '' || (Array.isArray(data) && data.length === 0)) return new Map();
  if (data instanceof Uint8Array) {
    if (data.length === 0) return new Map(); // dict(b'')
    throw new BadPayloadError("TypeError: cannot convert dictionary update sequence element #0 to a sequence");
  }
  if (typeof data === 'object' && !Array.isArray(data) && Object.getPrototypeOf(data) === Object.prototype) {
    return new Map(Object.entries(data as Record<string, unknown>));
  }
  // dict(iterable): every item must itself give exactly two things (a 2-item list/tuple or a 2-character string)
  const items = Array.isArray(data) ? data : typeof data === 'string' ? [...data] : null;
  if (items) {
    const pairs: [unknown, unknown][] = [];
    for (const item of items) {
      const pair = typeof item === 'string' ? [...item] : Array.isArray(item) ? item : item instanceof Map || (item && typeof item === 'object') ? Object.keys(item) : null;
      if (!pair || pair.length !== 2) throw new BadPayloadError('ValueError: dictionary update sequence element has the wrong length');
      if (pair[0] !== null && typeof pair[0] === 'object') throw new BadPayloadError(`TypeError: unhashable type: '${Array.isArray(pair[0]) ? 'list' : 'dict'}'`);
      pairs.push([pair[0], pair[1]]);
    }
    return new Map(pairs);
  }
  throw new BadPayloadError('TypeError: cannot convert the payload to a dict');
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * SessionInterface.get_cookie_domain. Flask 3.1: SESSION_COOKIE_DOMAIN as given (Werkzeug then
 * writes it). Flask 2.2: SESSION_COOKIE_DOMAIN when set ("" meaning none), else derived from
 * SERVER_NAME: port cut, leading dots stripped, dotless names dropped, and a leading dot added
 * when the app lives at "/" and the name is no IP address.
 */
export function cookieDomain(config: SessionConfig): string | null {
  if (!follows(config, 'domain-from-server-name')) return config.SESSION_COOKIE_DOMAIN ?? null;
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

/** Python's truth value for what session.permanent returns (any value can sit in '_permanent'). */
function pyTruthy(v: unknown): boolean {
  if (v instanceof Map) return v.size > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof Uint8Array) return v.length > 0;
  if (typeof v === 'bigint') return v !== 0n;
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.keys(v).length > 0;
  return Boolean(v);
}

/**
 * save_session. Returns the Set-Cookie line (without "Set-Cookie: "), whether `Vary: Cookie` is
 * due, and the trace that explains the decision. Throws where Werkzeug's dump_cookie raises (a
 * Domain or SameSite it refuses): the caller answers 500, as Flask does.
 */
export function saveSessionHeaders(session: Session | null | undefined, config: SessionConfig, now: number): { setCookie?: string; vary: boolean; trace: SessionTrace } {
  const state = sessionState(session);
  const info = session ? opened.get(session) : undefined;
  const base = info ? { cookie: info.cookie, result: info.result, data: info.data, timestamp: info.timestamp, verifiedBy: info.verifiedBy, detail: info.detail } : { cookie: null, result: 'none' as const };
  const rules: VersionRuleId[] = [...(info?.versionRules ?? [])];
  if (!state || !session) {
    // open_session failed (e.g. BadPayload): Flask's save_session then fails too, nothing is sent.
    return { vary: false, trace: { opened: base, flags: { new: true, modified: false, accessed: false, permanent: false }, action: 'none', why: 'no-session', vary: false, versionRules: rules } };
  }
  const permanent = pyTruthy(state.data.get('_permanent'));
  const flags = { new: info?.isNew ?? true, modified: state.modified, accessed: state.accessed, permanent };
  const result = (action: SessionTrace['action'], why: SessionTrace['why'], vary: boolean, setCookie?: string) => {
    // Vary that only one version's notion of "accessed" sends
    if (!setCookie && state.seen.anyUse !== state.seen.keyAccess && !state.isNull) rules.push('vary-on-any-use');
    return { setCookie, vary, trace: { opened: base, flags, action, why, setCookie, vary, versionRules: rules } };
  };
  if (state.isNull) return result('none', 'no-secret-key', false);

  const attrs = {
    domain: cookieDomain(config),
    path: cookiePath(config),
    secure: config.SESSION_COOKIE_SECURE,
    httponly: config.SESSION_COOKIE_HTTPONLY,
    samesite: config.SESSION_COOKIE_SAMESITE,
    partitioned: config.SESSION_COOKIE_PARTITIONED,
  };
  const vary = state.accessed;
  const line = (value: string, extra: { expires: number | null; maxAge?: number }) => {
    rules.push(...wouldDifferAcrossVersions(config, attrs));
    return dumpCookie(config.SESSION_COOKIE_NAME, value, { ...attrs, ...extra }, config);
  };
  if (state.data.size === 0) {
    if (!state.modified) return result('none', 'empty-unmodified', vary);
    return result('delete', 'empty-modified', true, line('', { expires: 0, maxAge: 0 }));
  }
  // should_set_cookie reads session.permanent: in Flask 2.2 that marks the session accessed (after
  // Vary was decided, but a failing save is retried for the 500 page); 3.1.3 tracks access elsewhere
  if (!follows(config, 'vary-on-any-use')) state.accessed = true;
  if (!state.modified && !(permanent && config.SESSION_REFRESH_EACH_REQUEST)) {
    return result('none', permanent ? 'refresh-disabled' : 'not-modified', vary);
  }
  const expires = permanent ? Math.floor(now) + config.PERMANENT_SESSION_LIFETIME : null;
  const value = signWithTimestamp(dumpPayload(state.data).payload, Math.floor(now), config.SECRET_KEY as string);
  return result('set', state.modified ? 'modified' : 'permanent-refresh', true, line(value, { expires }));
}
