/**
 * Dates as they appear in cookies.
 *
 * Servers write one fixed format (IMF-fixdate, RFC 9110 §5.6.7): `Tue, 14 Nov 2023 23:13:20 GMT`.
 * Browsers, however, must read whatever servers have sent over thirty years, so RFC 6265 §5.1.1
 * (unchanged in RFC 6265bis) defines a deliberately forgiving algorithm: split the string into
 * tokens and pick out a time, a day, a month and a year wherever they are, in any order.
 */

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Formats Unix seconds as an IMF-fixdate, e.g. `Tue, 14 Nov 2023 23:13:20 GMT`. */
export function formatHttpDate(unixSeconds: number): string {
  const d = new Date(Math.floor(unixSeconds) * 1000);
  if (Number.isNaN(d.getTime())) {
    throw new RangeError(`formatHttpDate: ${String(unixSeconds)} is not a representable date.`);
  }
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${DAY_NAMES[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTH_NAMES[d.getUTCMonth()]} ` +
    `${String(d.getUTCFullYear()).padStart(4, '0')} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} GMT`
  );
}

// RFC 6265 §5.1.1 "delimiter": %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E.
// Everything else (digits, letters, ':' and bytes above 0x7E) belongs to a token.
function isDelimiter(code: number): boolean {
  return (
    code === 0x09 ||
    (code >= 0x20 && code <= 0x2f) ||
    (code >= 0x3b && code <= 0x40) ||
    (code >= 0x5b && code <= 0x60) ||
    (code >= 0x7b && code <= 0x7e)
  );
}

function tokenize(input: string): string[] {
  const tokens: string[] = [];
  let current = '';
  for (const ch of input) {
    if (isDelimiter(ch.charCodeAt(0))) {
      if (current) tokens.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current) tokens.push(current);
  return tokens;
}

// Each production may be followed by "non-digit *OCTET": `14th` is a day, `2023x` a year.
const TIME = /^(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\D|$)/;
const DAY_OF_MONTH = /^(\d{1,2})(?:\D|$)/;
const YEAR = /^(\d{2,4})(?:\D|$)/;
// Chromium also takes a one-digit year ("Jan 1 00:00:00 0" is 2000).
const YEAR_CHROMIUM = /^(\d{1,4})(?:\D|$)/;

/** 1601-01-01T00:00:00Z: where Chromium puts a cookie date whose year is earlier (so it is expired). */
export const EARLIEST_COOKIE_DATE = -11644473600;

/**
 * 'rfc' follows RFC 6265bis §5.1.1 to the letter. 'chromium' is what Chromium does (checked in
 * tests/e2e/cookie-oracle.spec.ts): one-digit years are read, and a year before 1601 is not a
 * failure but the earliest date, so the cookie arrives expired instead of becoming a session cookie.
 */
export type CookieDateRules = 'rfc' | 'chromium';

/**
 * Parses a cookie date (the `Expires` attribute) into Unix seconds, or returns null when the
 * algorithm says "fail to parse" (the attribute is then ignored, not the cookie).
 */
export function parseCookieDate(input: string, rules: CookieDateRules = 'rfc'): number | null {
  const yearPattern = rules === 'chromium' ? YEAR_CHROMIUM : YEAR;
  let time: [number, number, number] | null = null;
  let day: number | null = null;
  let month: number | null = null;
  let year: number | null = null;

  // The first token that fits a production wins it; later fits of the same kind are ignored.
  for (const token of tokenize(input)) {
    let m: RegExpExecArray | null;
    if (time === null && (m = TIME.exec(token))) {
      time = [Number(m[1]), Number(m[2]), Number(m[3])];
      continue;
    }
    if (day === null && (m = DAY_OF_MONTH.exec(token))) {
      day = Number(m[1]);
      continue;
    }
    if (month === null && token.length >= 3) {
      const index = MONTH_NAMES.findIndex((name) => name.toLowerCase() === token.slice(0, 3).toLowerCase());
      if (index !== -1) {
        month = index;
        continue;
      }
    }
    if (year === null && (m = yearPattern.exec(token))) {
      year = Number(m[1]);
      continue;
    }
  }

  if (time === null || day === null || month === null || year === null) return null;
  // Two-digit years: 70–99 mean 19xx, 00–69 mean 20xx.
  if (year >= 70 && year <= 99) year += 1900;
  else if (year >= 0 && year <= 69) year += 2000;

  const [hour, minute, second] = time;
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  if (year < 1601) return rules === 'chromium' ? EARLIEST_COOKIE_DATE : null;

  const ms = Date.UTC(year, month, day, hour, minute, second);
  // "If no such date exists" (31 Feb): Date.UTC would roll over into March, so check it did not.
  const check = new Date(ms);
  if (check.getUTCMonth() !== month || check.getUTCDate() !== day) return null;
  return ms / 1000;
}
