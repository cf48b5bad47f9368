/**
 * The playground's whole state as plain data: what is saved in localStorage and what a share link
 * carries. Everything read back is untrusted (an old version, a hand-edited link, a full disk), so it
 * is checked field by field and rebuilt; a problem becomes a sentence for the reader, never a crash.
 */
import { SimulatedBrowser, VirtualClock } from '../engine/cookies/index.ts';
import type { SimulatedBrowserJSON, VirtualClockJSON } from '../engine/cookies/index.ts';
import { FLASK_DEFAULTS } from './model.ts';
import type { SessionSettings } from './model.ts';

export const SNAPSHOT_VERSION = 1;

export const SNAPSHOT_LIMITS = {
  code: 200_000,
  users: 8,
  userName: 40,
  secret: 1_000,
  fallbacks: 10,
  /** Exchanges kept per user: the timeline is for reading, not an archive. */
  history: 30,
  /** A saved or shared state, as JSON text. */
  json: 1_000_000,
} as const;

export interface Snapshot {
  v: typeof SNAPSHOT_VERSION;
  example: string;
  /**
   * The reader's code, or null while it is the example's untouched starting code: the page then shows
   * the starting code in its own language (a Spanish visit must not turn the English page Spanish).
   */
  code: string | null;
  settings: SessionSettings;
  users: SimulatedBrowserJSON[];
  selected: string;
  clock: VirtualClockJSON;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

class Invalid extends Error {}
const fail = (reason: string): never => {
  throw new Invalid(reason);
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,64}$/;
export const EXAMPLE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Reads settings leniently: a missing or wrong field takes Flask's default, the rest is kept. */
export function readSettings(raw: unknown, base: SessionSettings = FLASK_DEFAULTS): SessionSettings {
  const s: SessionSettings = { ...base, SECRET_KEY_FALLBACKS: [...base.SECRET_KEY_FALLBACKS] };
  if (!isObject(raw)) return s;
  const str = (v: unknown, max: number) => (typeof v === 'string' && v.length <= max ? v : undefined);
  s.SECRET_KEY = str(raw.SECRET_KEY, SNAPSHOT_LIMITS.secret) ?? s.SECRET_KEY;
  if (Array.isArray(raw.SECRET_KEY_FALLBACKS)) {
    s.SECRET_KEY_FALLBACKS = raw.SECRET_KEY_FALLBACKS
      .filter((k): k is string => typeof k === 'string' && k.length > 0 && k.length <= SNAPSHOT_LIMITS.secret)
      .slice(0, SNAPSHOT_LIMITS.fallbacks);
  }
  const name = str(raw.SESSION_COOKIE_NAME, 64);
  if (name !== undefined && COOKIE_NAME.test(name)) s.SESSION_COOKIE_NAME = name;
  for (const key of ['SESSION_COOKIE_HTTPONLY', 'SESSION_COOKIE_SECURE', 'SESSION_REFRESH_EACH_REQUEST'] as const) {
    if (typeof raw[key] === 'boolean') s[key] = raw[key] as boolean;
  }
  const sameSite = raw.SESSION_COOKIE_SAMESITE;
  if (sameSite === null || sameSite === 'Lax' || sameSite === 'Strict' || sameSite === 'None') s.SESSION_COOKIE_SAMESITE = sameSite;
  const life = raw.PERMANENT_SESSION_LIFETIME;
  if (typeof life === 'number' && Number.isSafeInteger(life) && life >= 0 && life <= 400 * 24 * 3600) s.PERMANENT_SESSION_LIFETIME = life;
  return s;
}

export function isValidCookieName(name: string): boolean {
  return COOKIE_NAME.test(name);
}

/** Trims each user's history so saved states and links stay small. */
export function trimUsers(users: SimulatedBrowserJSON[], keep: number = SNAPSHOT_LIMITS.history): SimulatedBrowserJSON[] {
  return users.map((u) => ({ ...u, history: u.history.slice(-keep) }));
}

/** Checks a parsed snapshot and rebuilds it from known fields only. */
export function checkSnapshot(raw: unknown): Checked<Snapshot> {
  try {
    if (!isObject(raw)) fail('not an object');
    const r = raw as Record<string, unknown>;
    if (r.v !== SNAPSHOT_VERSION) fail(`unknown version ${JSON.stringify(r.v)?.slice(0, 20)}`);
    if (typeof r.example !== 'string' || !EXAMPLE_ID.test(r.example)) fail('bad example id');
    if (typeof r.code !== 'string' && r.code !== null) fail('code missing');
    if (typeof r.code === 'string' && r.code.length > SNAPSHOT_LIMITS.code) fail('code too long');
    if (!Array.isArray(r.users) || r.users.length === 0) fail('no users');
    if ((r.users as unknown[]).length > SNAPSHOT_LIMITS.users) fail('too many users');
    const users = (r.users as unknown[]).map((u, i) => {
      try {
        const b = SimulatedBrowser.fromJSON(u);
        if (b.name.length === 0 || b.name.length > SNAPSHOT_LIMITS.userName) fail(`user ${i + 1}: bad name`);
        return b.toJSON();
      } catch (e) {
        if (e instanceof Invalid) throw e;
        return fail(`user ${i + 1}: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
    const ids = new Set(users.map((u) => u.id));
    if (ids.size !== users.length) fail('two users share an id');
    const selected = typeof r.selected === 'string' && ids.has(r.selected) ? r.selected : users[0].id;
    let clock: VirtualClockJSON;
    try {
      clock = VirtualClock.fromJSON(r.clock).toJSON();
    } catch (e) {
      return fail(`clock: ${e instanceof Error ? e.message : String(e)}`);
    }
    return {
      ok: true,
      value: {
        v: SNAPSHOT_VERSION,
        example: r.example as string,
        code: r.code as string | null,
        settings: readSettings(r.settings),
        users: trimUsers(users),
        selected,
        clock,
      },
    };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, reason: e.message };
    return { ok: false, reason: `unreadable (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** JSON text → checked snapshot, with a size cap before parsing. */
export function parseSnapshot(text: string): Checked<Snapshot> {
  if (text.length > SNAPSHOT_LIMITS.json) return { ok: false, reason: 'too large' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  return checkSnapshot(raw);
}
