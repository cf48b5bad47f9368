/**
 * repr(dict(session)) as Python prints it: {'username': 'ana', 'items': (1, 2)}.
 * JS cannot tell 2.0 from 2 (see PYTHON_NUMBER_NOTE): integral Numbers print as ints.
 * Key order: the session's own order (a Map); nested objects read from a cookie keep the cookie's
 * order (pythonKeys), even for keys like "9" and "10" that JavaScript would list first.
 */
import { PYTHON_NUMBER_NOTE, pythonFloatRepr } from './python-json.ts';
import { Markup, Tuple, UUID, pythonKeys } from './python-values.ts';
import { dateOffset } from './js-losses.ts';
import { sessionState } from './session.ts';

export { PYTHON_NUMBER_NOTE };

// Python's str.isprintable(): not Other (Cc, Cf, Cs, Co, Cn) and not a separator other than ' '.
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function hexEscape(cp: number): string {
  if (cp <= 0xff) return '\\x' + cp.toString(16).padStart(2, '0');
  if (cp <= 0xffff) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}

/** str.__repr__: single quotes unless the text has ' and no ". */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += hexEscape(cp);
    else if (cp < 0x7f) out += ch;
    else if (NON_PRINTABLE.test(ch)) out += hexEscape(cp);
    else out += ch;
  }
  return out + quote;
}

/** bytes.__repr__: b'...' with \t \n \r, \xNN outside printable ASCII. */
export function pyBytesRepr(b: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const x of b) {
    if (x === 0x27) hasSingle = true;
    if (x === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = 'b' + quote;
  for (const x of b) {
    const ch = String.fromCharCode(x);
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (x < 0x20 || x >= 0x7f) out += '\\x' + x.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

function pyNumberRepr(n: number): string {
  if (Number.isInteger(n) && !Object.is(n, -0)) return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
  return pythonFloatRepr(n);
}

/** repr of an aware datetime: trailing zero seconds/microseconds are left out, like Python; the UTC offset Python kept, if any. */
function pyDatetimeRepr(d: Date): string {
  const t = d.getTime();
  if (!Number.isFinite(t)) return 'None';
  const offset = dateOffset(d);
  const local = new Date(t + offset * 1000);
  const parts = [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), local.getUTCHours(), local.getUTCMinutes()];
  const sec = local.getUTCSeconds();
  const micro = local.getUTCMilliseconds() * 1000;
  if (micro) parts.push(sec, micro);
  else if (sec) parts.push(sec);
  const tz = offset ? `datetime.timezone(datetime.timedelta(${offset < 0 ? `days=-1, seconds=${86400 + offset}` : `seconds=${offset}`}))` : 'datetime.timezone.utc';
  return `datetime.datetime(${parts.join(', ')}, tzinfo=${tz})`;
}

function dictRepr(entries: Iterable<[unknown, unknown]>, seen: Set<object>): string {
  const items: string[] = [];
  for (const [k, v] of entries) items.push(`${repr(k, seen)}: ${repr(v, seen)}`);
  return `{${items.join(', ')}}`;
}

function repr(v: unknown, seen: Set<object>): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'string') return pyStrRepr(v);
  if (typeof v === 'number') return pyNumberRepr(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v !== 'object') return pyStrRepr(String(v));
  if (seen.has(v)) return Array.isArray(v) ? '[...]' : '{...}';
  seen.add(v);
  try {
    const state = sessionState(v);
    if (state) return dictRepr(state.data, seen);
    if (v instanceof Tuple) {
      const items = Array.from(v, (x) => repr(x, seen));
      return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
    }
    if (Array.isArray(v)) return `[${v.map((x) => repr(x, seen)).join(', ')}]`;
    if (v instanceof Uint8Array) return pyBytesRepr(v);
    if (v instanceof Markup) return `Markup(${pyStrRepr(v.value)})`;
    if (v instanceof UUID) return `UUID('${v.toString()}')`;
    if (v instanceof Date) return pyDatetimeRepr(v);
    if (v instanceof Map) return dictRepr(v, seen);
    return dictRepr(pythonKeys(v).map((k) => [k, (v as Record<string, unknown>)[k]] as [string, unknown]), seen);
  } finally {
    seen.delete(v);
  }
}

/** Python's repr() of a session (or any value the session serializer handles). */
export function toPythonRepr(data: unknown): string {
  return repr(data, new Set());
}

/** Python's str(): the text itself for str and Markup, isoformat(' ') for a datetime, repr for the rest. */
export function pythonStr(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof Markup) return v.value;
  if (v instanceof UUID) return v.toString();
  if (v instanceof Date) return pyDatetimeStr(v);
  return toPythonRepr(v);
}

function pyDatetimeStr(d: Date): string {
  const offset = dateOffset(d);
  const local = new Date(d.getTime() + offset * 1000);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  return `${String(local.getUTCFullYear()).padStart(4, '0')}-${p2(local.getUTCMonth() + 1)}-${p2(local.getUTCDate())} ${p2(local.getUTCHours())}:${p2(local.getUTCMinutes())}:${p2(local.getUTCSeconds())}${sign}${p2(Math.floor(a / 3600))}:${p2(Math.floor(a / 60) % 60)}`;
}
