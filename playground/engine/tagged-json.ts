/**
 * Flask's TaggedJSONSerializer (flask/json/tag.py). Non-JSON values travel as one-key objects
 * whose key starts with a space:
 *   " t" tuple · " b" bytes (standard base64) · " m" Markup · " u" UUID (32 hex) ·
 *   " d" datetime (HTTP date, UTC, whole seconds) · " di" a one-key dict whose key is a tag.
 * tag() tries Flask's order: TagDict, PassDict, TagTuple, PassList, TagBytes, TagMarkup,
 * TagUUID, TagDateTime.
 */
import { base64StdDecodeLenient, base64StdEncode } from './bytes.ts';
import { objectFromEntries, pythonJsonDumps, pythonJsonParse } from './python-json.ts';
import { Markup, Tuple, UUID } from './python-values.ts';

export const TAG_KEYS: readonly string[] = [' di', ' t', ' b', ' m', ' u', ' d'];
const TAGS = new Set(TAG_KEYS);

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** werkzeug.http.http_date: "Mon, 10 Jun 2024 06:30:00 GMT"; milliseconds are dropped. */
export function httpDate(date: Date): string {
  const t = date.getTime();
  if (!Number.isFinite(t)) throw new RangeError('Invalid Date cannot be serialized');
  const d = new Date(t);
  const day = DAYS[(d.getUTCDay() + 6) % 7];
  const year = String(d.getUTCFullYear()).padStart(4, '0');
  return `${day}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${year} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} GMT`;
}

const HTTP_DATE = /^\s*(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:GMT|UTC|UT|[+-]0000|Z)?\s*$/;

/** werkzeug.http.parse_date for what Flask writes; anything unreadable gives null, as Python's None. */
export function parseHttpDate(text: string): Date | null {
  const m = HTTP_DATE.exec(text);
  if (!m) return null;
  const month = MONTHS.findIndex((name) => name.toLowerCase() === m[2].toLowerCase());
  if (month < 0) return null;
  let year = Number(m[3]);
  if (m[3].length === 2) year += year < 50 ? 2000 : 1900; // email.utils rule for 2-digit years
  const d = new Date(0);
  d.setUTCFullYear(year, month, Number(m[1]));
  d.setUTCHours(Number(m[4]), Number(m[5]), Number(m[6] ?? 0), 0);
  return Number.isNaN(d.getTime()) ? null : d;
}

function isPlainDict(v: object): boolean {
  if (v instanceof Map) return true;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function hasHtml(v: object): v is { __html__: () => unknown } {
  return typeof (v as { __html__?: unknown }).__html__ === 'function';
}

function dictEntries(v: object): [string, unknown][] {
  return v instanceof Map ? [...v.entries()] : Object.keys(v).map((k) => [k, (v as Record<string, unknown>)[k]]);
}

/** TaggedJSONSerializer.tag: the JSON-ready structure (still unsorted; the writer sorts). */
export function tag(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (isPlainDict(value)) {
    const entries = dictEntries(value);
    if (entries.length === 1 && TAGS.has(entries[0][0])) {
      return { ' di': objectFromEntries([[entries[0][0] + '__', tag(entries[0][1])]]) };
    }
    return objectFromEntries(entries.map(([k, v]) => [k, tag(v)]));
  }
  if (value instanceof Tuple) return { ' t': Array.from(value, tag) };
  if (Array.isArray(value)) return value.map(tag);
  if (value instanceof Uint8Array) return { ' b': base64StdEncode(value) };
  if (hasHtml(value)) return { ' m': String(value.__html__()) };
  if (value instanceof UUID) return { ' u': value.hex };
  if (value instanceof Date) return { ' d': httpDate(value) };
  throw new TypeError(`Object of type ${value.constructor?.name ?? 'object'} is not JSON serializable`);
}

function toPythonTuple(v: unknown): Tuple {
  // tuple(x): a list, or any iterable Python accepts (a str gives its characters, a dict its keys)
  if (Array.isArray(v)) return Tuple.from(v);
  if (typeof v === 'string') return Tuple.from(v);
  if (v !== null && typeof v === 'object' && !(v instanceof Tuple)) return Tuple.from(Object.keys(v));
  throw new TypeError(`'${typeof v}' object is not iterable`);
}

/** TaggedJSONSerializer.untag applied to one JSON object, bottom-up like json's object_hook. */
function untagEntries(entries: [string, unknown][]): unknown {
  if (entries.length === 1) {
    const [key, v] = entries[0];
    switch (key) {
      case ' t':
        return toPythonTuple(v);
      case ' b':
        if (typeof v !== 'string') throw new TypeError('argument should be a bytes-like object or ASCII string');
        return base64StdDecodeLenient(v);
      case ' m':
        return new Markup(v);
      case ' u':
        return new UUID(v as string);
      case ' d':
        return typeof v === 'string' ? parseHttpDate(v) : null;
      case ' di': {
        if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new TypeError("' di' needs an object");
        const inner = dictEntries(v);
        if (inner.length === 0) throw new Error('StopIteration');
        return objectFromEntries([[inner[0][0].slice(0, -2), inner[0][1]]]);
      }
    }
  }
  return objectFromEntries(entries);
}

/** TaggedJSONSerializer.dumps with Flask's app JSON provider: sorted keys, ASCII only. */
export function taggedDumps(value: unknown): string {
  return pythonJsonDumps(tag(value));
}

/**
 * TaggedJSONSerializer.loads. With `topLevelMap`, a top-level JSON object comes back as a Map,
 * which keeps the cookie's key order even for keys like "10" that JS objects would move first.
 */
export function taggedLoads(text: string, topLevelMap = false): unknown {
  return pythonJsonParse(text, (entries, depth) =>
    topLevelMap && depth === 0 && !(entries.length === 1 && TAGS.has(entries[0][0])) ? new Map(entries) : untagEntries(entries),
  );
}
