/**
 * Test helper: flaskref.py's tagged-JSON convention ($tuple, $bytes, $uuid, $datetime, $markup,
 * $float, $int, $dict) to JavaScript values and back. Written from FORMAT.md §9, independently of
 * the engine's tagged-json module.
 */
import { readFileSync } from 'node:fs';
import { Markup, Tuple, UUID, dateOffset, pythonKeys } from '../../playground/engine/index.ts';

export const FIXTURES = new URL('../fixtures/flask/', import.meta.url);

export function readJsonl<T>(name: string): T[] {
  return readFileSync(new URL(name, FIXTURES), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as T);
}

export function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as T;
}

export interface GenRecord {
  secret: string;
  ts: number;
  session: unknown;
  cookie: string;
  payload_json: string;
  decoded: unknown;
}

const CONV = ['$tuple', '$bytes', '$uuid', '$datetime', '$markup', '$float', '$int', '$dict', '$pairs'];

function oneKey(v: object): [string, unknown] | null {
  const keys = Object.keys(v);
  return keys.length === 1 && CONV.includes(keys[0]) ? [keys[0], (v as Record<string, unknown>)[keys[0]]] : null;
}

function setKey(obj: Record<string, unknown>, k: string, v: unknown) {
  Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
}

export function fromConv(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(fromConv);
  if (v === null || typeof v !== 'object') return v;
  const tagged = oneKey(v);
  if (tagged) {
    const [k, x] = tagged;
    switch (k) {
      case '$tuple': return Tuple.from((x as unknown[]).map(fromConv));
      case '$bytes': return new Uint8Array(Buffer.from(x as string, 'base64'));
      case '$uuid': return new UUID(x as string);
      case '$datetime': {
        const s = x as string;
        // naive = UTC; Date keeps milliseconds, Python microseconds (Flask drops both)
        const iso = /[+-]\d\d:\d\d$|Z$/.test(s) ? s : s + '+00:00';
        return new Date(iso.replace(/(\.\d{3})\d+/, '$1'));
      }
      case '$markup': return new Markup(x as string);
      case '$float': {
        const t = x as string;
        return t === 'nan' ? NaN : t === 'inf' ? Infinity : t === '-inf' ? -Infinity : Number(t);
      }
      case '$int': return BigInt(x as string);
      case '$dict': {
        const out: Record<string, unknown> = {};
        for (const [kk, vv] of Object.entries(x as object)) setKey(out, kk, fromConv(vv));
        return out;
      }
      case '$pairs': // a dict written in order (or with keys that are not str): a Map keeps both
        return new Map((x as [unknown, unknown][]).map(([kk, vv]) => [fromConv(kk), fromConv(vv)]));
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) setKey(out, k, fromConv(x));
  return out;
}

/** JS value → convention, as flaskref's to_conv would print the Python value JS stands for. */
export function toConv(v: unknown): unknown {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) && BigInt(Number(v)) === v ? Number(v) : { $int: v.toString() };
  if (typeof v === 'number') {
    if (Number.isInteger(v) && !Object.is(v, -0)) return Number.isSafeInteger(v) ? v : { $int: BigInt(v).toString() };
    const s = String(v);
    if (Number.isFinite(v) && !s.includes('e') && Math.abs(v) >= 1e-4) return v;
    return { $float: pyFloat(v) };
  }
  if (v instanceof Tuple) return { $tuple: Array.from(v, toConv) };
  if (Array.isArray(v)) return v.map(toConv);
  if (v instanceof Uint8Array) return { $bytes: Buffer.from(v).toString('base64') };
  if (v instanceof UUID) return { $uuid: v.toString() };
  if (v instanceof Markup) return { $markup: v.value };
  if (v instanceof Date) return { $datetime: v.toISOString().replace(/\.\d{3}Z$/, '+00:00') };
  if (typeof v === 'object') {
    // as flaskref's to_conv: $pairs for a dict whose keys are not all str or that a JS object would reorder
    const entries: [unknown, unknown][] = v instanceof Map ? [...v] : pythonKeys(v).map((k) => [k, (v as Record<string, unknown>)[k]]);
    if (entries.some(([k]) => typeof k !== 'string' || /^[0-9]/.test(k) || k === '__proto__')) return { $pairs: entries.map(([k, x]) => [toConv(k), toConv(x)]) };
    const out: Record<string, unknown> = {};
    for (const [k, x] of entries) setKey(out, k as string, toConv(x));
    const keys = Object.keys(out);
    return keys.length === 1 && CONV.includes(keys[0]) ? { $dict: out } : out;
  }
  throw new Error(`cannot express ${typeof v}`);
}

function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (Object.is(x, -0)) return '-0.0';
  const [m, e] = x.toExponential().split('e');
  const exp = Number(e);
  if (exp < -4 || exp >= 16) return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return Number.isInteger(x) ? `${x}.0` : String(x);
}

/** True when the convention value holds a number JS cannot reproduce ($float, $int, NaN). */
export function hasPythonOnlyNumber(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasPythonOnlyNumber);
  if (v === null || typeof v !== 'object') return false;
  const tagged = oneKey(v);
  if (tagged && (tagged[0] === '$float' || tagged[0] === '$int')) return true;
  if (tagged && tagged[0] === '$dict') return Object.values(tagged[1] as object).some(hasPythonOnlyNumber);
  return Object.values(v).some(hasPythonOnlyNumber);
}

/**
 * A value as an ordered, comparable form: every dict becomes {$pairs: [[k, v]...]} in Python's key
 * order (a Map's own order, pythonKeys for objects), everything else as toConv writes it.
 */
export function ordered(v: unknown): unknown {
  if (v instanceof Date) return { $datetime: isoWithOffset(v) };
  if (v instanceof Map) return { $pairs: [...v].map(([k, x]) => [ordered(k), ordered(x)]) };
  if (v instanceof Tuple) return { $tuple: Array.from(v, ordered) };
  if (Array.isArray(v)) return v.map(ordered);
  if (v !== null && typeof v === 'object' && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)) {
    return { $pairs: pythonKeys(v).map((k) => [k, ordered((v as Record<string, unknown>)[k])]) };
  }
  return toConv(v);
}

/** The same form for a convention value from Python (its $pairs already ordered, plain dicts in JSON order). */
export function orderedConv(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(orderedConv);
  if (v === null || typeof v !== 'object') return toConv(fromConv(v));
  const tagged = oneKey(v);
  if (tagged?.[0] === '$pairs') return { $pairs: (tagged[1] as [unknown, unknown][]).map(([k, x]) => [orderedConv(k), orderedConv(x)]) };
  if (tagged?.[0] === '$dict') return { $pairs: Object.entries(tagged[1] as object).map(([k, x]) => [k, orderedConv(x)]) };
  if (tagged?.[0] === '$tuple') return { $tuple: (tagged[1] as unknown[]).map(orderedConv) };
  if (tagged?.[0] === '$datetime') return v; // Python's isoformat, with the offset it kept
  if (tagged) return toConv(fromConv(v));
  return { $pairs: Object.entries(v).map(([k, x]) => [k, orderedConv(x)]) };
}

/** datetime.isoformat() of an aware datetime: the Date's instant at the UTC offset the engine remembered. */
function isoWithOffset(d: Date): string {
  const off = dateOffset(d);
  const local = new Date(d.getTime() + off * 1000).toISOString().replace(/\.\d{3}Z$/, '');
  const a = Math.abs(off);
  const hhmm = `${String(Math.floor(a / 3600)).padStart(2, '0')}:${String(Math.floor(a / 60) % 60).padStart(2, '0')}`;
  return `${local}${off < 0 ? '-' : '+'}${hhmm}`;
}
