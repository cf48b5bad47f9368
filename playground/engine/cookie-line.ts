/**
 * The Set-Cookie line Flask's save_session writes, through Werkzeug's dump_cookie: attributes in
 * Werkzeug's order (Domain, Expires, Max-Age, Secure, HttpOnly, Path, SameSite, Partitioned). How
 * Domain and Path are written depends on the Werkzeug that ships with the chosen Flask line.
 */
import { formatHttpDate } from './cookies/http-date.ts';
import { type VersionRuleId, follows } from './flask-versions.ts';
import { encodeIdna } from './idna.ts';
import { DEFAULT_FLASK_VERSION, type SessionConfig } from './settings.ts';

export interface CookieAttributes {
  expires?: number | null;
  maxAge?: number | null;
  domain?: string | null;
  path?: string | null;
  secure?: boolean;
  httponly?: boolean;
  samesite?: string | null;
  partitioned?: boolean;
}

const UNRESERVED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789ABCDEF';

/** Percent-encodes the UTF-8 bytes of `text` except letters, digits and the `safe` characters. */
function quoteBytes(text: string, safe: string): string {
  const bytes = new TextEncoder().encode(text.toWellFormed());
  let out = '';
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    out += b < 0x80 && (UNRESERVED.includes(ch) || safe.includes(ch)) ? ch : '%' + HEX[b >> 4] + HEX[b & 15];
  }
  return out;
}

/** Werkzeug 3: urllib.parse.quote(path, safe="%!$&'()*+,/:=@") (plus quote's own "_.-~"). */
function quotePathWerkzeug3(path: string): string {
  return quoteBytes(path, "_.-~%!$&'()*+,/:=@");
}

/** Werkzeug 2.2: iri_to_uri, i.e. url_quote with its always-safe set plus ":/?#[]@!$&'()*+,;=%". */
function quotePathWerkzeug22(path: string): string {
  return quoteBytes(path, "-._~$!'()*+,;:/?#[]@&=%");
}

/** Werkzeug 3: partition at ":", strip leading dots, IDNA; "" stays and is written as "Domain=". */
function domainWerkzeug3(domain: string): string {
  return encodeIdna(domain.split(':', 1)[0].replace(/^\.+/, ''));
}

/** Werkzeug 2.2's _make_cookie_domain: IDNA per label, cut at ":", and a dot is required. */
function domainWerkzeug22(domain: string): string {
  let d = domain.split('.').map((label) => encodeIdna(label)).join('.');
  const colon = d.indexOf(':');
  if (colon >= 0) d = d.slice(0, colon);
  if (!d.includes('.')) {
    throw new Error("ValueError: Setting 'domain' for a cookie on a server running locally (ex: localhost) is not supported by complying browsers.");
  }
  return d;
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[^a-z])([a-z])/g, (_m, pre: string, c: string) => pre + c.toUpperCase());
}

/** werkzeug.http.dump_cookie as the chosen Flask line's Werkzeug writes it. Throws where it raises. */
export function dumpCookie(name: string, value: string, attrs: CookieAttributes, config: Pick<SessionConfig, 'FLASK_VERSION'> = { FLASK_VERSION: DEFAULT_FLASK_VERSION }): string {
  const werkzeug3 = follows(config, 'werkzeug3-domain');
  const out = [`${name}=${value}`];
  if (werkzeug3 ? attrs.domain !== null && attrs.domain !== undefined : attrs.domain) {
    out.push(`Domain=${werkzeug3 ? domainWerkzeug3(attrs.domain as string) : domainWerkzeug22(attrs.domain as string)}`);
  }
  if (attrs.expires !== null && attrs.expires !== undefined) out.push(`Expires=${formatHttpDate(attrs.expires)}`);
  if (attrs.maxAge !== null && attrs.maxAge !== undefined) out.push(`Max-Age=${attrs.maxAge}`);
  const partitioned = Boolean(attrs.partitioned) && follows(config, 'partitioned');
  if (attrs.secure || partitioned) out.push('Secure');
  if (attrs.httponly) out.push('HttpOnly');
  if (attrs.path !== null && attrs.path !== undefined) {
    out.push(`Path=${follows(config, 'werkzeug3-path-quoting') ? quotePathWerkzeug3(attrs.path) : quotePathWerkzeug22(attrs.path)}`);
  }
  if (attrs.samesite !== null && attrs.samesite !== undefined) {
    const title = titleCase(attrs.samesite);
    if (!['Strict', 'Lax', 'None'].includes(title)) throw new Error("ValueError: SameSite must be 'Strict', 'Lax', or 'None'.");
    out.push(`SameSite=${title}`);
  }
  if (partitioned) out.push('Partitioned');
  return out.join('; ');
}

/** The version rules under which this cookie's attributes would be written differently. */
export function wouldDifferAcrossVersions(config: SessionConfig, attrs: CookieAttributes): VersionRuleId[] {
  const rules: VersionRuleId[] = [];
  if (config.SERVER_NAME && (config.SESSION_COOKIE_DOMAIN === null || config.SESSION_COOKIE_DOMAIN === undefined)) rules.push('domain-from-server-name');
  if (attrs.domain !== null && attrs.domain !== undefined) {
    const attempt = (f: (d: string) => string) => {
      try {
        return f(attrs.domain as string);
      } catch {
        return null;
      }
    };
    if (attrs.domain === '' || attempt(domainWerkzeug3) !== attempt(domainWerkzeug22)) rules.push('werkzeug3-domain');
  }
  if (attrs.path !== null && attrs.path !== undefined && quotePathWerkzeug3(attrs.path) !== quotePathWerkzeug22(attrs.path)) rules.push('werkzeug3-path-quoting');
  if (attrs.partitioned) rules.push('partitioned');
  return rules;
}
