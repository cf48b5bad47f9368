/**
 * One `Set-Cookie` response header, read the way a browser reads it (RFC 6265bis §5.6).
 *
 * Parsing only answers "what did the server ask for?". Whether the browser agrees to store it
 * (domain, Secure, prefixes, SameSite...) is the jar's job (jar.ts), because it depends on the
 * page that made the request.
 */
import { parseCookieDate } from './http-date.ts';
import { byteLength, MAX_ATTRIBUTE_VALUE_BYTES, MAX_NAME_VALUE_BYTES } from './reasons.ts';
import type { ChromiumRule, CookieWarning, RejectReason } from './reasons.ts';

export type SameSite = 'Strict' | 'Lax' | 'None';

export interface ParsedSetCookie {
  name: string;
  value: string;
  /** From Expires, in Unix seconds. */
  expires?: number;
  /** From Max-Age, in seconds (may be zero or negative: "delete now"). */
  maxAge?: number;
  /** From Domain: lower case, leading dot removed; '' when the attribute was only a dot (Chromium refuses the cookie). */
  domain?: string;
  /** From Path, only when it starts with "/" (otherwise the jar uses the default path). */
  path?: string;
  secure: boolean;
  httpOnly: boolean;
  /** Absent when the server did not send a recognised SameSite value. */
  sameSite?: SameSite;
  /** CHIPS: the cookie is kept per top-level site (Chromium requires Secure with it). */
  partitioned: boolean;
  /** Attributes that were ignored, with the reason. */
  warnings: CookieWarning[];
  /** Places where Chromium's reading differs from RFC 6265bis and this one followed Chromium. */
  chromium: ChromiumRule[];
}

export type SetCookieResult =
  | { ok: true; cookie: ParsedSetCookie }
  /** `name` is given when the line got far enough to have one, so the UI can say which cookie. */
  | { ok: false; reason: RejectReason; detail: string; name?: string; chromium?: ChromiumRule };

// CTL characters except horizontal tab: %x00-08 / %x0A-1F / %x7F.
const FORBIDDEN_CONTROL = /[\x00-\x08\x0A-\x1F\x7F]/;
const WSP = /^[ \t]+|[ \t]+$/g;

const trim = (s: string) => s.replace(WSP, '');

/** Parses one Set-Cookie header value. Never throws: a refusal comes back as `ok: false`. */
export function parseSetCookie(line: string): SetCookieResult {
  if (typeof line !== 'string') {
    return { ok: false, reason: 'invalid-syntax', detail: 'The Set-Cookie header is not text.' };
  }
  if (FORBIDDEN_CONTROL.test(line)) {
    return {
      ok: false,
      reason: 'invalid-syntax',
      detail: 'The Set-Cookie header contains a control character, so the browser ignores it entirely.',
    };
  }

  // The name=value pair runs to the first ";"; everything after it is attributes.
  const semicolon = line.indexOf(';');
  const nameValue = semicolon === -1 ? line : line.slice(0, semicolon);
  const unparsed = semicolon === -1 ? '' : line.slice(semicolon + 1);

  // Without "=", RFC 6265bis keeps the text as a value with an empty name (older browsers disagreed).
  const eq = nameValue.indexOf('=');
  const name = eq === -1 ? '' : trim(nameValue.slice(0, eq));
  const value = trim(eq === -1 ? nameValue : nameValue.slice(eq + 1));

  if (name === '' && value === '') {
    return {
      ok: false,
      reason: 'empty-name-and-value',
      detail: 'The cookie has neither a name nor a value, so the browser ignores it.',
    };
  }
  const size = byteLength(name) + byteLength(value);
  if (size > MAX_NAME_VALUE_BYTES) {
    return {
      ok: false,
      name,
      reason: 'too-large',
      detail: `Name and value take ${size} bytes; browsers ignore cookies over ${MAX_NAME_VALUE_BYTES} bytes without any error.`,
    };
  }

  // Chromium refuses both, though RFC 6265bis would store them: a tab inside the name or value,
  // and a nameless cookie whose value holds "=" (it would be sent as "a=b", a different cookie).
  if (name.includes('\t') || value.includes('\t')) {
    return { ok: false, name, reason: 'tab-in-name-or-value', detail: 'The name or value contains a tab; Chromium ignores such cookies.', chromium: 'tab-in-name-or-value' };
  }
  if (name === '' && value.includes('=')) {
    return { ok: false, name, reason: 'nameless-value-with-equals', detail: `A cookie without a name whose value holds "=" would be sent as "${value}"; Chromium ignores it.`, chromium: 'nameless-value-with-equals' };
  }

  const cookie: ParsedSetCookie = { name, value, secure: false, httpOnly: false, partitioned: false, warnings: [], chromium: [] };
  const follow = (rule: ChromiumRule) => {
    if (!cookie.chromium.includes(rule)) cookie.chromium.push(rule);
  };
  const ignore = (reason: CookieWarning['reason'], attribute: string, detail: string) =>
    cookie.warnings.push({ reason, attribute, detail });

  // When an attribute repeats, the last one wins: each branch simply overwrites.
  for (const av of unparsed.split(';')) {
    if (trim(av) === '') continue;
    const avEq = av.indexOf('=');
    const attrName = trim(avEq === -1 ? av : av.slice(0, avEq));
    const attrValue = avEq === -1 ? '' : trim(av.slice(avEq + 1));

    if (byteLength(attrValue) > MAX_ATTRIBUTE_VALUE_BYTES) {
      ignore('attribute-too-large', attrName, `The ${attrName} attribute value is over ${MAX_ATTRIBUTE_VALUE_BYTES} bytes, so it is ignored.`);
      continue;
    }

    switch (attrName.toLowerCase()) {
      case 'expires': {
        const date = parseCookieDate(attrValue, 'chromium');
        if (date === null) {
          // RFC 6265bis ignores a bad Expires and keeps an earlier one; Chromium lets the last one
          // win even when it cannot read it, so the cookie loses its expiry.
          if (cookie.expires !== undefined) follow('last-expiry-attribute-wins');
          delete cookie.expires;
          ignore('invalid-expires', attrName, `"${attrValue}" is not a date the browser can read, so Expires is ignored.`);
        } else {
          // A year before 1601 (expired at once) or of one digit: RFC 6265bis could not read either.
          if (parseCookieDate(attrValue) === null) follow('cookie-date');
          cookie.expires = date;
        }
        break;
      }
      case 'max-age': {
        if (!/^-?\d+$/.test(attrValue)) {
          if (cookie.maxAge !== undefined) follow('last-expiry-attribute-wins');
          delete cookie.maxAge;
          ignore('invalid-max-age', attrName, `Max-Age must be a whole number of seconds; "${attrValue}" is ignored.`);
        } else {
          cookie.maxAge = Number(attrValue);
        }
        break;
      }
      case 'domain': {
        if (attrValue === '') {
          // RFC 6265bis (since draft 09) and Chromium: an empty Domain cancels an earlier one.
          delete cookie.domain;
          ignore('invalid-domain', attrName, 'An empty Domain makes the cookie host-only (it also cancels an earlier Domain).');
        } else {
          cookie.domain = attrValue.replace(/^\./, '').toLowerCase();
        }
        break;
      }
      case 'path': {
        if (attrValue.startsWith('/')) cookie.path = attrValue;
        else {
          delete cookie.path;
          ignore('invalid-path', attrName, `Path "${attrValue}" does not start with "/", so the default path is used.`);
        }
        break;
      }
      case 'secure':
        cookie.secure = true;
        break;
      case 'httponly':
        cookie.httpOnly = true;
        break;
      case 'partitioned':
        cookie.partitioned = true;
        break;
      case 'samesite': {
        const known = (['Strict', 'Lax', 'None'] as const).find((v) => v.toLowerCase() === attrValue.toLowerCase());
        if (known) cookie.sameSite = known;
        else {
          delete cookie.sameSite;
          ignore('invalid-samesite', attrName, `SameSite=${attrValue} is not Strict, Lax or None, so the browser applies its default (Lax).`);
        }
        break;
      }
      default:
        ignore('unknown-attribute', attrName, `The browser does not know the attribute "${attrName}" and ignores it.`);
    }
  }
  return { ok: true, cookie };
}
