/**
 * JSON text exactly as Python writes and reads it in Flask's session serializer:
 * `json.dumps(obj, sort_keys=True, ensure_ascii=True, separators=(",", ":"))` (the app's
 * DefaultJSONProvider inside a request) and `json.loads`.
 *
 * NUMBERS, the one thing JavaScript cannot mirror: a JS Number does not remember whether Python
 * had an int or a float. 2 and 2.0 are the same Number, and so are 1e16 and 10000000000000000.
 * See PYTHON_NUMBER_NOTE (exported for the docs).
 */

import { rememberKeyOrder } from './python-values.ts';

export const PYTHON_NUMBER_NOTE =
  'JavaScript has one Number type, Python has int and float. Reading a cookie, integers beyond ' +
  '2**53-1 become BigInt (exact); every other number becomes a Number, so a Python float with an ' +
  'integral value (2.0, 1e+16) turns into the integer 2 / 10000000000000000 and is written back as ' +
  'an int. Non-integral floats are written with Python\'s repr rules (0.1, 1e-05), -0 as -0.0, and ' +
  'NaN / Infinity as the bare words Python uses. Cookies made from JavaScript values are therefore ' +
  'byte-identical to Flask\'s whenever Python held ints for integral values.';

export class PythonJsonError extends SyntaxError {}

/**
 * float.__repr__ for a finite, non-integral-or-tiny number: the same shortest round-trip digits
 * as JavaScript, but Python switches to exponent form below 1e-4 and at 1e16 and above, and always
 * writes the exponent with a sign and at least two digits (1e-05, 1.5e+16).
 */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const exp = x.toExponential(); // shortest round-trip digits, e.g. "1.5e-7"
  const [mant, e] = exp.split('e');
  const e10 = Number(e);
  if (e10 < -4 || e10 >= 16) {
    const digits = e10 < 0 ? '-' + String(-e10).padStart(2, '0') : '+' + String(e10).padStart(2, '0');
    return mant + 'e' + digits;
  }
  const s = String(x); // fixed notation in this range (JS uses exponents only below 1e-6 / from 1e21)
  return s.includes('.') ? s : s + '.0';
}

/** How the JSON writer prints a JS number (see PYTHON_NUMBER_NOTE). */
export function pythonJsonNumber(x: number): string {
  if (Number.isInteger(x)) {
    if (x === 0 && 1 / x < 0) return '-0.0'; // Python ints have no -0: it must have been a float
    return Number.isSafeInteger(x) ? String(x) : BigInt(x).toString();
  }
  // Fast path, well inside the range where Python's repr and JS's String agree (fixed notation,
  // the same shortest round-trip digits, and a '.' since x is not integral).
  const a = x < 0 ? -x : x;
  if (a >= 1e-3 && a < 1e15) return String(x);
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return pythonFloatRepr(x);
}

const HEX = '0123456789abcdef';

/** The escape ensure_ascii writes for one UTF-16 unit that is not printable ASCII, or '"' or '\\'. */
function escapeUnit(c: number): string {
  switch (c) {
    case 0x22: return '\\"';
    case 0x5c: return '\\\\';
    case 0x0a: return '\\n';
    case 0x0d: return '\\r';
    case 0x09: return '\\t';
    case 0x08: return '\\b';
    case 0x0c: return '\\f';
    default: return '\\u' + HEX[c >> 12] + HEX[(c >> 8) & 15] + HEX[(c >> 4) & 15] + HEX[c & 15];
  }
}

/** ensure_ascii escaping: everything outside ' '..'~' becomes \uXXXX (lowercase), per UTF-16 unit. */
export function pythonJsonString(s: string): string {
  let i = 0;
  const n = s.length;
  // Most keys and values are plain printable ASCII: find the first unit that needs an escape.
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) break;
  }
  if (i === n) return '"' + s + '"';
  let out = '"' + s.slice(0, i);
  let start = i;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c) continue;
    if (start < i) out += s.slice(start, i);
    out += escapeUnit(c);
    start = i + 1;
  }
  return start < n ? out + s.slice(start) + '"' : out + '"';
}

const SURROGATE = /[\ud800-\udfff]/;

/**
 * Python sorts str keys by code point; JS's default sort compares UTF-16 units, which puts an
 * astral character (stored as surrogates D800–DFFF) before U+E000–U+FFFF. Python: "\uff01" < "😀".
 */
export function compareCodePoints(a: string, b: string): number {
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Move E000–FFFF below the surrogates, which stand for code points ≥ 0x10000.
    if (x >= 0xd800) x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
    if (y >= 0xd800) y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    return x - y;
  }
  return a.length - b.length;
}

/** a before b in code point order (compareCodePoints(a, b) < 0), without a regex per call. */
function keyBefore(a: string, b: string): boolean {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Only when both units are ≥ D800 can the surrogate rule change the order.
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x < y;
  }
  return a.length < b.length;
}

/**
 * Sorts distinct str keys into Python's order, in place. Dicts are small and often already in
 * order (a session read back from a cookie was written sorted), so: check, then insertion sort.
 */
export function sortKeysInPlace(keys: string[]): string[] {
  const n = keys.length;
  let i = 1;
  while (i < n && keyBefore(keys[i - 1], keys[i])) i++;
  if (i >= n) return keys;
  if (n > 32) return keys.sort((a, b) => (a === b ? 0 : keyBefore(a, b) ? -1 : 1));
  for (; i < n; i++) {
    const k = keys[i];
    let j = i - 1;
    while (j >= 0 && keyBefore(k, keys[j])) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
}

function typeName(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'object' && v !== null) return v.constructor?.name ?? 'object';
  return typeof v;
}

/** json.dumps(value, sort_keys=True, ensure_ascii=True, separators=(",", ":"), allow_nan=True). */
export function pythonJsonDumps(value: unknown): string {
  const seen = new Set<object>();
  const write = (v: unknown): string => {
    if (v === null) return 'null';
    if (v === true) return 'true';
    if (v === false) return 'false';
    if (typeof v === 'string') return pythonJsonString(v);
    if (typeof v === 'number') return pythonJsonNumber(v);
    if (typeof v === 'bigint') return v.toString();
    if (typeof v !== 'object') throw new TypeError(`Object of type ${typeName(v)} is not JSON serializable`);
    if (seen.has(v)) throw new TypeError('Circular reference detected');
    seen.add(v);
    let out: string;
    if (Array.isArray(v)) {
      out = '[';
      // forEach, as before: holes are skipped
      v.forEach((item, i) => {
        if (i) out += ',';
        out += write(item);
      });
      out += ']';
    } else if (v instanceof Map) {
      const keys: string[] = [];
      for (const k of v.keys()) {
        if (typeof k !== 'string') throw new TypeError(`keys must be str, not ${typeName(k)}`);
        keys.push(k);
      }
      sortKeysInPlace(keys);
      out = '{';
      for (let i = 0; i < keys.length; i++) {
        if (i) out += ',';
        out += pythonJsonString(keys[i]) + ':' + write(v.get(keys[i]));
      }
      out += '}';
    } else {
      const keys = sortKeysInPlace(Object.keys(v));
      out = '{';
      for (let i = 0; i < keys.length; i++) {
        if (i) out += ',';
        out += pythonJsonString(keys[i]) + ':' + write((v as Record<string, unknown>)[keys[i]]);
      }
      out += '}';
    }
    seen.delete(v);
    return out;
  };
  return write(value);
}

/** Builds one JSON object from its members, in document order; duplicates keep the last value. */
export type ObjectBuilder = (entries: [string, unknown][], depth: number) => unknown;

/** A plain object that also survives a "__proto__" key (assignment would change the prototype). */
export function objectFromEntries(entries: [string, unknown][]): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  for (let i = 0; i < entries.length; i++) {
    const k = entries[i][0];
    if (k === '__proto__') Object.defineProperty(obj, k, { value: entries[i][1], enumerable: true, writable: true, configurable: true });
    else obj[k] = entries[i][1];
  }
  return obj;
}

/**
 * How many objects / arrays deep Python reads before its recursion limit stops it. Objects may
 * cost one level more than arrays (json's object_hook is a Python call made at that depth). The
 * default is Flask 3.1's, measured in a request (see flask-versions.ts).
 */
export interface NestingLimit {
  objects: number;
  arrays: number;
}
export const DEFAULT_MAX_NESTING: NestingLimit = { objects: 490, arrays: 490 };
export const MAX_NESTING_MESSAGE = 'maximum recursion depth exceeded while decoding a JSON object';
const MAX_INT_DIGITS = 4300; // Python 3.11's int max_str_digits

/** Value of one hex digit, or -1 (NaN, past the end of the text, gives -1 too). */
function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * json.loads as Python runs it (C scanner): NaN, Infinity, -Infinity; integers of any size
 * (beyond 2**53-1 as BigInt); lone surrogate escapes; raw control characters in strings refused.
 * Throws PythonJsonError and nothing else (a custom `build` may throw its own errors).
 */
export function pythonJsonParse(text: string, build: ObjectBuilder = objectFromEntries): unknown {
  if (build === objectFromEntries) return parseJsonObjects(text, false, (obj) => obj);
  // A Map keeps document order (integer-like keys included) and Python's rule for duplicates
  // (first position, last value): exactly the entries the builder expects.
  return parseJsonObjects(text, true, (obj, depth) => build([...(obj as Map<string, unknown>)], depth));
}

/**
 * What the parser hands over when an object closes: a plain object (built like
 * objectFromEntries), or a Map in document order when `maps` is set for that depth. Called
 * bottom-up, like json's object_hook; its result replaces the object.
 */
export type ObjectFinisher = (obj: Record<string, unknown> | Map<string, unknown>, depth: number) => unknown;

/**
 * The parser behind pythonJsonParse, building each object directly instead of through an
 * entries list. `maps`: true → every object is a Map; 'top' → only the outermost one.
 */
export function parseJsonObjects(text: string, maps: boolean | 'top', finish: ObjectFinisher, limit: NestingLimit = DEFAULT_MAX_NESTING): unknown {
  let i = 0;
  const len = text.length;
  const fail = (msg: string): never => {
    throw new PythonJsonError(`${msg}: line 1 column ${i + 1} (char ${i})`);
  };
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else return;
    }
  };
  const parseString = (): string => {
    i++; // opening quote
    let out = '';
    let start = i;
    for (;;) {
      if (i >= len) fail('Unterminated string starting at');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += start === i ? '' : text.slice(start, i);
        i++;
        return out;
      }
      if (c < 0x20) fail('Invalid control character at');
      if (c !== 0x5c) {
        i++;
        continue;
      }
      if (start < i) out += text.slice(start, i);
      switch (text.charCodeAt(i + 1)) {
        case 0x22: out += '"'; break;
        case 0x5c: out += '\\'; break;
        case 0x2f: out += '/'; break;
        case 0x62: out += '\b'; break;
        case 0x66: out += '\f'; break;
        case 0x6e: out += '\n'; break;
        case 0x72: out += '\r'; break;
        case 0x74: out += '\t'; break;
        case 0x75: {
          const a = hexDigit(text.charCodeAt(i + 2));
          const b = hexDigit(text.charCodeAt(i + 3));
          const c2 = hexDigit(text.charCodeAt(i + 4));
          const d = hexDigit(text.charCodeAt(i + 5));
          if ((a | b | c2 | d) < 0) fail('Invalid \\uXXXX escape');
          out += String.fromCharCode((a << 12) | (b << 8) | (c2 << 4) | d);
          i += 4;
          break;
        }
        default:
          fail('Invalid \\escape');
      }
      i += 2;
      start = i;
    }
  };
  /** The grammar -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)? at i; 'Expecting value' when it does not start there. */
  const parseNumber = (): unknown => {
    const start = i;
    let p = i;
    const negative = text.charCodeAt(p) === 0x2d;
    if (negative) p++;
    let c = text.charCodeAt(p);
    let small = 0; // exact while it has at most 15 digits
    if (c === 0x30) p++;
    else if (c > 0x30 && c <= 0x39) {
      do {
        small = small * 10 + (c - 0x30);
        c = text.charCodeAt(++p);
      } while (isDigit(c));
    } else return fail('Expecting value');
    const intEnd = p;
    let integral = true;
    if (text.charCodeAt(p) === 0x2e && isDigit(text.charCodeAt(p + 1))) {
      integral = false;
      p += 2;
      while (isDigit(text.charCodeAt(p))) p++;
    }
    c = text.charCodeAt(p);
    if (c === 0x65 || c === 0x45) {
      let q = p + 1;
      const sign = text.charCodeAt(q);
      if (sign === 0x2b || sign === 0x2d) q++;
      if (isDigit(text.charCodeAt(q))) {
        integral = false;
        do q++;
        while (isDigit(text.charCodeAt(q)));
        p = q;
      }
    }
    i = p;
    if (!integral) return Number(text.slice(start, p));
    const digits = intEnd - start - (negative ? 1 : 0);
    if (digits <= 15) return negative && small !== 0 ? -small : small; // "-0" is the int 0
    if (digits > MAX_INT_DIGITS) fail('Exceeds the limit (4300 digits) for integer string conversion');
    const token = text.slice(start, p);
    const n = Number(token);
    if (Number.isSafeInteger(n)) return n === 0 ? 0 : n;
    return BigInt(token);
  };
  const parseValue = (depth: number): unknown => {
    ws();
    const opener = text.charCodeAt(i);
    // Python's C scanner counts a recursion level per object or array it enters
    if ((opener === 0x7b && depth >= limit.objects) || (opener === 0x5b && depth >= limit.arrays)) fail(MAX_NESTING_MESSAGE);
    switch (opener) {
      case 0x22: // "
        return parseString();
      case 0x7b: { // {
        i++;
        // duplicate keys keep the first position and the last value, as in Python's dict
        const useMap = maps === true || (maps === 'top' && depth === 0);
        const map = useMap ? new Map<string, unknown>() : null;
        const obj: Record<string, unknown> = {};
        // document order, kept only once a key like "10" appears (a JS object would move it first)
        let order: string[] | null = null;
        ws();
        if (text.charCodeAt(i) === 0x7d) {
          i++;
          return finish(map ?? obj, depth);
        }
        for (;;) {
          ws();
          if (text.charCodeAt(i) !== 0x22) fail('Expecting property name enclosed in double quotes');
          const key = parseString();
          ws();
          if (text.charCodeAt(i) !== 0x3a) fail("Expecting ':' delimiter");
          i++;
          const v = parseValue(depth + 1);
          if (map === null) {
            const c = key.charCodeAt(0);
            if (order === null && c >= 0x30 && c <= 0x39) order = Object.keys(obj);
            if (order !== null && !Object.hasOwn(obj, key)) order.push(key);
          }
          if (map !== null) map.set(key, v);
          else if (key === '__proto__') Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
          else obj[key] = v;
          ws();
          const d = text.charCodeAt(i);
          if (d === 0x2c) {
            i++;
            continue;
          }
          if (d === 0x7d) {
            i++;
            if (order !== null) rememberKeyOrder(obj, order);
            return finish(map ?? obj, depth);
          }
          fail("Expecting ',' delimiter");
        }
      }
      case 0x5b: { // [
        i++;
        const arr: unknown[] = [];
        ws();
        if (text.charCodeAt(i) === 0x5d) {
          i++;
          return arr;
        }
        for (;;) {
          arr.push(parseValue(depth + 1));
          ws();
          const d = text.charCodeAt(i);
          if (d === 0x2c) {
            i++;
            continue;
          }
          if (d === 0x5d) {
            i++;
            return arr;
          }
          fail("Expecting ',' delimiter");
        }
      }
      case 0x6e: // n
        if (text.startsWith('null', i)) {
          i += 4;
          return null;
        }
        break;
      case 0x74: // t
        if (text.startsWith('true', i)) {
          i += 4;
          return true;
        }
        break;
      case 0x66: // f
        if (text.startsWith('false', i)) {
          i += 5;
          return false;
        }
        break;
      case 0x4e: // N
        if (text.startsWith('NaN', i)) {
          i += 3;
          return NaN;
        }
        break;
      case 0x49: // I
        if (text.startsWith('Infinity', i)) {
          i += 8;
          return Infinity;
        }
        break;
      case 0x2d: // -
        if (text.startsWith('-Infinity', i)) {
          i += 9;
          return -Infinity;
        }
        break;
    }
    return parseNumber();
  };
  const value = parseValue(0);
  ws();
  if (i !== len) fail('Extra data');
  return value;
}
