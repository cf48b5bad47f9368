/**
 * Python's "idna" codec (IDNA 2003, encodings/idna.py), which Werkzeug applies to a cookie's
 * Domain: ASCII names pass unchanged (not even lower-cased) once every label is 1-63 characters;
 * a non-ASCII label is nameprepped (case-folded, NFKC) and written as "xn--" + punycode (RFC 3492).
 */

export class IdnaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnicodeError';
  }
}

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

const digit = (d: number) => String.fromCharCode(d + 22 + 75 * (d < 26 ? 1 : 0));

/** RFC 3492 punycode of one label (without the "xn--" prefix). */
export function punycode(label: string): string {
  const cps = Array.from(label, (c) => c.codePointAt(0) as number);
  let out = cps.filter((c) => c < 0x80).map((c) => String.fromCharCode(c)).join('');
  const basic = out.length;
  let handled = basic;
  if (basic) out += '-';
  let n = 0x80;
  let delta = 0;
  let bias = 72;
  while (handled < cps.length) {
    const m = Math.min(...cps.filter((c) => c >= n));
    delta += (m - n) * (handled + 1);
    n = m;
    for (const c of cps) {
      if (c < n) delta++;
      if (c !== n) continue;
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
        if (q < t) break;
        out += digit(t + ((q - t) % (BASE - t)));
        q = Math.floor((q - t) / (BASE - t));
      }
      out += digit(q);
      bias = adapt(delta, handled + 1, handled === basic);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return out;
}

// nameprep's table B.1: characters mapped to nothing
const MAPPED_TO_NOTHING = /[\u00ad\u034f\u1806\u180b-\u180d\u200b-\u200d\u2060\ufe00-\ufe0f\ufeff]/g;

function toAscii(label: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(label)) {
    if (label.length === 0 || label.length > 63) throw new IdnaError('label empty or too long');
    return label;
  }
  const prepped = label.replace(MAPPED_TO_NOTHING, '').toLowerCase().normalize('NFKC');
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\x00-\x7f]*$/.test(prepped) ? prepped : 'xn--' + punycode(prepped);
  if (ascii.length === 0 || ascii.length > 63) throw new IdnaError('label empty or too long');
  return ascii;
}

/** str.encode("idna") for a whole name. Throws IdnaError where Python raises UnicodeError. */
export function encodeIdna(name: string): string {
  if (name === '') return '';
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(name)) {
    const labels = name.split('.');
    for (const l of labels.slice(0, -1)) if (l.length === 0 || l.length > 63) throw new IdnaError('label empty or too long');
    if (labels[labels.length - 1].length > 63) throw new IdnaError('label too long');
    return name;
  }
  // Python splits a non-ASCII name on the ideographic full stops too
  const labels = name.split(/[.\u3002\uff0e\uff61]/);
  let trailing = '';
  if (labels.length && labels[labels.length - 1] === '') {
    trailing = '.';
    labels.pop();
  }
  return labels.map(toAscii).join('.') + trailing;
}
