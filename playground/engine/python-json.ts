/**
 * JSON text exactly as Python writes and reads it in Flask's session serializer:
 * `json.dumps(obj, sort_keys=True, ensure_ascii=True, separators=(",", ":"))` (the app's
 * DefaultJSONProvider inside a request) and `json.loads`.
 *
 * NUMBERS, the one thing JavaScript cannot mirror: a JS Number does not remember whether Python
 * had an int or a float. 2 and 2.0 are the same Number, and so are 1e16 and 10000000000000000.
 * See PYTHON_NUMBER_NOTE (exported for the docs).
 */

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
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (Number.isInteger(x)) {
    if (Object.is(x, -0)) return '-0.0'; // Python ints have no -0: it must have been a float
    return Number.isSafeInteger(x) ? String(x) : BigInt(x).toString();
  }
  return pythonFloatRepr(x);
}

/** ensure_ascii escaping: everything outside ' '..'~' becomes \uXXXX (lowercase), per UTF-16 unit. */
export function pythonJsonString(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(start, i);
    start = i + 1;
    switch (c) {
      case 0x22: out += '\\"'; break;
      case 0x5c: out += '\\\\'; break;
      case 0x0a: out += '\\n'; break;
      case 0x0d: out += '\\r'; break;
      case 0x09: out += '\\t'; break;
      case 0x08: out += '\\b'; break;
      case 0x0c: out += '\\f'; break;
      default: out += '\\u' + c.toString(16).padStart(4, '0');
    }
  }
  return out + s.slice(start) + '"';
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

function typeName(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'object' && v !== null) return v.constructor?.name ?? 'object';
  return typeof v;
}

/** json.dumps(value, sort_keys=True, ensure_ascii=True, separators=(",", ":"), allow_nan=True). */
export function pythonJsonDumps(value: unknown): string {
  const parts: string[] = [];
  const seen = new Set<object>();
  const write = (v: unknown): void => {
    if (v === null) parts.push('null');
    else if (v === true) parts.push('true');
    else if (v === false) parts.push('false');
    else if (typeof v === 'string') parts.push(pythonJsonString(v));
    else if (typeof v === 'number') parts.push(pythonJsonNumber(v));
    else if (typeof v === 'bigint') parts.push(v.toString());
    else if (typeof v === 'object') {
      if (seen.has(v)) throw new TypeError('Circular reference detected');
      seen.add(v);
      if (Array.isArray(v)) {
        parts.push('[');
        v.forEach((item, i) => {
          if (i) parts.push(',');
          write(item);
        });
        parts.push(']');
      } else {
        const entries: [string, unknown][] =
          v instanceof Map ? [...v.entries()] : Object.keys(v).map((k) => [k, (v as Record<string, unknown>)[k]]);
        for (const [k] of entries) {
          if (typeof k !== 'string') throw new TypeError(`keys must be str, not ${typeName(k)}`);
        }
        if (entries.some(([k]) => SURROGATE.test(k))) entries.sort((p, q) => compareCodePoints(p[0], q[0]));
        else entries.sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0)); // no surrogates: UTF-16 order is code point order
        parts.push('{');
        entries.forEach(([k, item], i) => {
          if (i) parts.push(',');
          parts.push(pythonJsonString(k), ':');
          write(item);
        });
        parts.push('}');
      }
      seen.delete(v);
    } else throw new TypeError(`Object of type ${typeName(v)} is not JSON serializable`);
  };
  write(value);
  return parts.join('');
}

/** Builds one JSON object from its members, in document order; duplicates keep the last value. */
export type ObjectBuilder = (entries: [string, unknown][], depth: number) => unknown;

/** A plain object that also survives a "__proto__" key (assignment would change the prototype). */
export function objectFromEntries(entries: [string, unknown][]): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    if (k === '__proto__') Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
    else obj[k] = v;
  }
  return obj;
}

const CONSTANTS = [['null', null], ['true', true], ['false', false], ['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity]] as const;
const MAX_DEPTH = 900; // Python's recursion limit would stop near 1000 levels
const MAX_INT_DIGITS = 4300; // Python 3.11's int max_str_digits

/**
 * json.loads as Python runs it (C scanner): NaN, Infinity, -Infinity; integers of any size
 * (beyond 2**53-1 as BigInt); lone surrogate escapes; raw control characters in strings refused.
 * Throws PythonJsonError and nothing else.
 */
export function pythonJsonParse(text: string, build: ObjectBuilder = objectFromEntries): unknown {
  let i = 0;
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
      if (i >= text.length) fail('Unterminated string starting at');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(start, i);
        i++;
        return out;
      }
      if (c < 0x20) fail('Invalid control character at');
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += text.slice(start, i);
      const e = text[i + 1];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Invalid \\uXXXX escape');
          out += String.fromCharCode(parseInt(hex, 16));
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
  const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
  const parseValue = (depth: number): unknown => {
    if (depth > MAX_DEPTH) fail('maximum recursion depth exceeded');
    ws();
    const c = text[i];
    if (c === '"') return parseString();
    if (c === '{') {
      i++;
      const entries: [string, unknown][] = [];
      const index = new Map<string, number>();
      ws();
      if (text[i] === '}') {
        i++;
        return build(entries, depth);
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('Expecting property name enclosed in double quotes');
        const key = parseString();
        ws();
        if (text[i] !== ':') fail("Expecting ':' delimiter");
        i++;
        const v = parseValue(depth + 1);
        const at = index.get(key);
        if (at === undefined) {
          index.set(key, entries.length);
          entries.push([key, v]);
        } else entries[at][1] = v;
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return build(entries, depth);
        }
        fail("Expecting ',' delimiter");
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(parseValue(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail("Expecting ',' delimiter");
      }
    }
    for (const [word, v] of CONSTANTS) {
      if (c === word[0] && text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) return fail('Expecting value');
    i += m[0].length;
    if (m[1] === undefined && m[2] === undefined) {
      if (m[0].replace('-', '').length > MAX_INT_DIGITS) fail('Exceeds the limit (4300 digits) for integer string conversion');
      const n = Number(m[0]);
      if (Number.isSafeInteger(n)) return n === 0 ? 0 : n; // "-0" is the int 0
      return BigInt(m[0]);
    }
    return Number(m[0]);
  };
  const value = parseValue(0);
  ws();
  if (i !== text.length) fail('Extra data');
  return value;
}
