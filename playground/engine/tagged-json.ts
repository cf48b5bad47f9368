/**
 * Flask's TaggedJSONSerializer (flask/json/tag.py). Non-JSON values travel as one-key objects
 * whose key starts with a space:
 *   " t" tuple · " b" bytes (standard base64) · " m" Markup · " u" UUID (32 hex) ·
 *   " d" datetime (HTTP date, UTC, whole seconds) · " di" a one-key dict whose key is a tag.
 * tag() tries Flask's order: TagDict, PassDict, TagTuple, PassList, TagBytes, TagMarkup,
 * TagUUID, TagDateTime.
 */
import { base64StdDecodeLenient, base64StdEncode } from './bytes.ts';
import { DEFAULT_MAX_NESTING, type NestingLimit, objectFromEntries, parseJsonObjects, pythonJsonDumps, pythonJsonNumber, pythonJsonString, sortKeysInPlace } from './python-json.ts';
import { formatHttpDate } from './cookies/http-date.ts';
import { parseEmailDate } from './email-date.ts';
import { rememberOffset } from './js-losses.ts';
import { pythonStr } from './python-repr.ts';
import { Markup, Tuple, UUID } from './python-values.ts';

export const TAG_KEYS: readonly string[] = [' di', ' t', ' b', ' m', ' u', ' d'];
const TAGS = new Set(TAG_KEYS);

/** werkzeug.http.http_date of a datetime: whole seconds, in GMT. */
function httpDateOf(date: Date): string {
  const t = date.getTime();
  if (!Number.isFinite(t)) throw new RangeError('Invalid Date cannot be serialized');
  return formatHttpDate(Math.floor(t / 1000));
}

/** " d" back to a datetime: parse_date's reading, with Python's UTC offset remembered beside the Date. */
function untagDate(v: unknown): Date | null {
  if (v === null) return null; // parse_date(None) is None
  if (typeof v !== 'string') throw new TypeError(`'${typeof v}' object has no attribute 'split'`);
  const parsed = parseEmailDate(v);
  if (!parsed) return null;
  if (parsed.offsetSeconds !== 0) rememberOffset(parsed.date, parsed.offsetSeconds);
  return parsed.date;
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
  if (value instanceof Date) return { ' d': httpDateOf(value) };
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
        return new Markup(pythonStr(v)); // Markup(x) is str(x): "5", "None", "[1, 'a']"
      case ' u':
        return new UUID(v as string);
      case ' d':
        return untagDate(v);
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

/**
 * Thrown by the one-pass writer for anything it leaves to tag() + pythonJsonDumps(). Not an Error:
 * an Error made while the module loads captures a stack, and in a fresh worker V8 then re-parses the
 * whole bundle for its source positions (measured: 50-60 ms of the sandbox's start).
 */
const LEAVE_IT = Symbol('not for the one-pass writer');
const MAX_FAST_DEPTH = 200;

/**
 * tag() and the JSON writer in one pass, for the values sessions hold: the same text as
 * pythonJsonDumps(tag(value)) without building the tagged copy. Same checks in the same order as
 * tag(). Anything unusual (a Map key that is not a string, undefined or holes in an array, deep or
 * circular data, a value tag() refuses) throws LEAVE_IT, and taggedDumps then runs the two-pass
 * reference, which gives the exact text or the exact error.
 */
function writeTagged(value: unknown, depth: number): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return pythonJsonString(value);
    case 'number':
      return pythonJsonNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'object':
      break;
    default:
      throw LEAVE_IT;
  }
  if (depth > MAX_FAST_DEPTH) throw LEAVE_IT;
  const v = value as object;
  if (v instanceof Map) {
    const keys: string[] = [];
    for (const k of v.keys()) {
      if (typeof k !== 'string') throw LEAVE_IT;
      keys.push(k);
    }
    if (keys.length === 1 && TAGS.has(keys[0])) return writeTagDict(keys[0], v.get(keys[0]), depth);
    sortKeysInPlace(keys);
    let out = '{';
    for (let i = 0; i < keys.length; i++) {
      if (i) out += ',';
      out += pythonJsonString(keys[i]) + ':' + writeTagged(v.get(keys[i]), depth + 1);
    }
    return out + '}';
  }
  const proto = Object.getPrototypeOf(v);
  if (proto === Object.prototype || proto === null) {
    const keys = Object.keys(v);
    const obj = v as Record<string, unknown>;
    if (keys.length === 1 && TAGS.has(keys[0])) return writeTagDict(keys[0], obj[keys[0]], depth);
    sortKeysInPlace(keys);
    let out = '{';
    for (let i = 0; i < keys.length; i++) {
      if (i) out += ',';
      out += pythonJsonString(keys[i]) + ':' + writeTagged(obj[keys[i]], depth + 1);
    }
    return out + '}';
  }
  if (v instanceof Tuple) return '{" t":' + writeItems(v, depth) + '}';
  if (Array.isArray(v)) return writeItems(v, depth);
  if (v instanceof Uint8Array) return '{" b":' + pythonJsonString(base64StdEncode(v)) + '}';
  if (hasHtml(v)) return '{" m":' + pythonJsonString(String(v.__html__())) + '}';
  if (v instanceof UUID) return '{" u":' + pythonJsonString(v.hex) + '}';
  if (v instanceof Date) return '{" d":' + pythonJsonString(httpDateOf(v)) + '}';
  throw LEAVE_IT;
}

/** TagDict: a one-key dict whose key is a tag travels as {" di": {key + "__": value}}. */
function writeTagDict(key: string, item: unknown, depth: number): string {
  return '{" di":{' + pythonJsonString(key + '__') + ':' + writeTagged(item, depth + 1) + '}}';
}

function writeItems(items: readonly unknown[], depth: number): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item === undefined) throw LEAVE_IT; // also a hole: tag() and the writer treat those their own way
    if (i) out += ',';
    out += writeTagged(item, depth + 1);
  }
  return out + ']';
}

/** TaggedJSONSerializer.dumps with Flask's app JSON provider: sorted keys, ASCII only. */
export function taggedDumps(value: unknown): string {
  try {
    return writeTagged(value, 0);
  } catch {
    return taggedDumpsTwoPass(value);
  }
}

/** The reference path of taggedDumps: tag() then the writer, with their exact errors. */
export function taggedDumpsTwoPass(value: unknown): string {
  return pythonJsonDumps(tag(value));
}

/**
 * TaggedJSONSerializer.loads. With `topLevelMap`, a top-level JSON object comes back as a Map,
 * which keeps the cookie's key order even for keys like "10" that JS objects would move first.
 */
export function taggedLoads(text: string, topLevelMap = false, limit: NestingLimit = DEFAULT_MAX_NESTING): unknown {
  // A key like "10" anywhere: JSON.parse would list it first, so only the exact reader keeps the
  // cookie's order (every key follows "{" or "," in JSON, whitespace aside).
  if (DIGIT_KEY.test(text)) return taggedLoadsExact(text, topLevelMap, limit);
  try {
    return loadsNative(text, topLevelMap, Math.min(limit.objects, limit.arrays));
  } catch {
    return taggedLoadsExact(text, topLevelMap, limit);
  }
}

const DIGIT_KEY = /[{,]\s*"[0-9]/;

/** taggedLoads without the JSON.parse fast path: Python's number rules, its errors, untag errors in document order. */
export function taggedLoadsExact(text: string, topLevelMap = false, limit: NestingLimit = DEFAULT_MAX_NESTING): unknown {
  return parseJsonObjects(text, topLevelMap ? 'top' : false, untagObject, limit);
}

/** Thrown by the fast reader for anything it leaves to the exact one (a symbol, as LEAVE_IT). */
const NOT_NATIVE = Symbol('not for JSON.parse');

/**
 * The fast path of taggedLoads: the browser's JSON.parse, then untag bottom-up. JSON.parse reads
 * the same grammar as Python's json.loads, minus NaN/Infinity (it throws: the exact reader takes
 * over), and builds objects the same way (duplicates: first position, last value; "__proto__" an
 * own key). What it cannot say the Python way makes us start over with the exact reader: an
 * integer beyond 2**53-1 (a BigInt there) or one so long it became Infinity, -0 ("-0" is the
 * int 0 in Python), data nested as deep as Python's recursion limit, and any untag error (the
 * exact reader raises the first one in document order). Text with keys like "10" never comes
 * here (DIGIT_KEY): JSON.parse would move them first, and Python keeps the cookie's order.
 */
function loadsNative(text: string, topLevelMap: boolean, maxDepth: number): unknown {
  const parsed: unknown = JSON.parse(text);
  const value = untagTree(parsed, 0, maxDepth);
  // only a top-level dict that stayed a dict becomes a Map (a tagged one was replaced by untag)
  if (!topLevelMap || value !== parsed || value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const entries: [string, unknown][] = [];
  for (const k in value) {
    if (Object.hasOwn(value, k)) entries.push([k, (value as Record<string, unknown>)[k]]);
  }
  return new Map(entries);
}

function untagTree(v: unknown, depth: number, maxDepth: number): unknown {
  if (typeof v === 'number') {
    // beyond 2**53-1 (or so long it overflowed to Infinity) the exact reader makes a BigInt or refuses it
    if (!Number.isFinite(v) || (Number.isInteger(v) && !Number.isSafeInteger(v)) || (v === 0 && 1 / v < 0)) throw NOT_NATIVE;
    return v;
  }
  if (v === null || typeof v !== 'object') return v;
  if (depth >= maxDepth) throw NOT_NATIVE; // the exact reader raises Python's recursion error
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const item = v[i];
      if (typeof item === 'object' || typeof item === 'number') {
        const u = untagTree(item, depth + 1, maxDepth);
        if (u !== item) v[i] = u;
      }
    }
    return v;
  }
  const obj = v as Record<string, unknown>;
  let count = 0;
  let first = '';
  for (const k in obj) {
    if (!Object.hasOwn(obj, k)) continue;
    if (count++ === 0) first = k;
    const item = obj[k];
    if (typeof item === 'object' || typeof item === 'number') {
      const u = untagTree(item, depth + 1, maxDepth);
      if (u !== item) obj[k] = u;
    }
  }
  // a JSON object is a plain object here, whose children are already untagged (bottom-up)
  return count === 1 && TAGS.has(first) ? untagEntries([[first, obj[first]]]) : obj;
}

/** untag for one parsed object: only a one-key object whose key is a tag is changed. */
function untagObject(obj: Record<string, unknown> | Map<string, unknown>): unknown {
  if (obj instanceof Map) {
    if (obj.size !== 1) return obj;
    const [key, v] = obj.entries().next().value as [string, unknown];
    return TAGS.has(key) ? untagEntries([[key, v]]) : obj;
  }
  let key: string | undefined;
  for (const k in obj) {
    if (!Object.hasOwn(obj, k)) continue; // ignore anything inherited
    if (key !== undefined) return obj; // two keys or more: a plain dict
    key = k;
  }
  return key !== undefined && TAGS.has(key) ? untagEntries([[key, obj[key]]]) : obj;
}
