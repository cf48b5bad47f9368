/**
 * The `Cookie` request header: what a browser sends back, `name=value` pairs joined by `; `.
 * It carries no attributes (no Path, no Expires): the server only ever learns names and values.
 */

export type CookiePair = [name: string, value: string];

const WHITESPACE = /^[ \t]+|[ \t]+$/g;

/**
 * Splits a Cookie header into pairs, keeping their order and any repeated names (a browser can send
 * two `session` cookies with different paths, longest path first). Tolerant: it never throws, skips
 * empty pieces, and reads a piece without `=` as a cookie with an empty name, which is how
 * RFC 6265bis stores and sends such cookies. Values are returned as sent (quotes included).
 */
export function parseCookieHeader(header: string | null | undefined): CookiePair[] {
  const pairs: CookiePair[] = [];
  if (typeof header !== 'string') return pairs;
  for (const piece of header.split(';')) {
    const trimmed = piece.replace(WHITESPACE, '');
    const eq = trimmed.indexOf('=');
    const name = eq === -1 ? '' : trimmed.slice(0, eq).replace(WHITESPACE, '');
    const value = eq === -1 ? trimmed : trimmed.slice(eq + 1).replace(WHITESPACE, '');
    // Nothing at all (`a=1;; b=2`, a lone `=`) is noise, not a cookie.
    if (name !== '' || value !== '') pairs.push([name, value]);
  }
  return pairs;
}

/** The value of the first cookie called `name` (what Werkzeug's `request.cookies.get` returns). */
export function getCookieValue(header: string | null | undefined, name: string): string | undefined {
  return parseCookieHeader(header).find(([n]) => n === name)?.[1];
}

/** Joins pairs back into a header value: `a=1; b=2`. A cookie with no name is sent as its value alone. */
export function serializeCookieHeader(pairs: Iterable<readonly [string, string]>): string {
  const parts: string[] = [];
  for (const [name, value] of pairs) parts.push(name === '' ? value : `${name}=${value}`);
  return parts.join('; ');
}
