/**
 * The playground's whole state as plain data: what is saved in localStorage and what a share link
 * carries. Everything read back is untrusted (an old version, a hand-edited link, a full disk), so it
 * is checked field by field and rebuilt; a problem becomes a sentence for the reader, never a crash.
 */
import { SimulatedBrowser, VirtualClock } from '../engine/cookies/index.ts';
import type { SimulatedBrowserJSON, VirtualClockJSON } from '../engine/cookies/index.ts';
import { SETTINGS_BY_NAME } from '../engine/settings.ts';
import { FLASK_DEFAULTS, SETTINGS_KEYS } from './model.ts';
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

/** Reads settings leniently: a missing or wrong field keeps `base` (Flask's default), the rest is kept. */
export function readSettings(raw: unknown, base: SessionSettings = FLASK_DEFAULTS): SessionSettings {
  const s = { ...base, SECRET_KEY_FALLBACKS: [...base.SECRET_KEY_FALLBACKS] } as Record<string, unknown>;
  if (!isObject(raw)) return s as unknown as SessionSettings;
  // each value is checked by the engine's one definition of the setting (settings.ts)
  for (const key of SETTINGS_KEYS) {
    if (!Object.hasOwn(raw, key)) continue;
    const v = SETTINGS_BY_NAME.get(key)?.read(raw[key]);
    if (v === undefined || (key === 'SECRET_KEY' && v === null)) continue;
    s[key] = key === 'SESSION_COOKIE_SAMESITE' && typeof v === 'string' ? v.charAt(0).toUpperCase() + v.slice(1).toLowerCase() : v;
  }
  return s as unknown as SessionSettings;
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
