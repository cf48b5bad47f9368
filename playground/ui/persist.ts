/**
 * Saving the reader's work in localStorage, per example AND page language, and share links that hold
 * the whole state in the URL hash (`#state=<lz-string>`).
 *
 * The rule for both: nothing the reader wrote is ever lost. A saved state that cannot be read, the
 * work a share link replaces, and work saved by the older per-example format (whose language is not
 * known) are all moved to a short list of earlier versions ("aside") the reader can restore; a broken
 * link is reported and the saved work is not touched.
 */
import { compressToEncodedURIComponent } from 'lz-string';
import { SimulatedBrowser } from '../engine/cookies/index.ts';
import { decompressLinkBounded } from './lz-bounded.ts';
import { parseSnapshot, SNAPSHOT_LIMITS, trimUsers } from './snapshot.ts';
import type { Checked, Snapshot } from './snapshot.ts';
import type { Lang } from './strings.ts';

/** The part of the Storage API used here, so tests can pass a Map-backed fake. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'session-lab:playground:v2:';
/** The first format: one state per example, shared by both languages. */
const LEGACY_PREFIX = 'session-lab:playground:v1:';

export const storageKeys = (example: string, lang: Lang) => ({
  state: `${PREFIX}${lang}:${example}`,
  aside: `${PREFIX}${lang}:${example}:aside`,
});
export const legacyKeys = (example: string) => [`${LEGACY_PREFIX}${example}`, `${LEGACY_PREFIX}${example}:corrupt`, `${LEGACY_PREFIX}${example}:before-link`];

/** Versions kept aside per example and language; the oldest goes first when a new one comes. */
export const MAX_ASIDE = 5;
/**
 * A save longer than this is trimmed (older history first): the read side refuses more than
 * SNAPSHOT_LIMITS.json, and localStorage holds about 5 MB for the whole site.
 */
export const SAVE_LIMIT_CHARS = 400_000;

export type AsideReason = 'link' | 'legacy' | 'corrupt' | 'replaced';
export interface AsideEntry {
  /** When it was put aside (ms since the epoch). */
  at: number;
  why: AsideReason;
  text: string;
}

export type LoadOutcome =
  | { kind: 'empty' }
  | { kind: 'ok'; snapshot: Snapshot }
  /** The saved text could not be used; it was moved to the list of earlier versions. */
  | { kind: 'corrupt'; reason: string; text: string }
  | { kind: 'unavailable' };

export function loadSaved(store: KeyValueStore | null, example: string, lang: Lang): LoadOutcome {
  if (!store) return { kind: 'unavailable' };
  const keys = storageKeys(example, lang);
  let text: string | null;
  try {
    text = store.getItem(keys.state);
  } catch {
    return { kind: 'unavailable' };
  }
  if (text === null) return { kind: 'empty' };
  const checked = parseSnapshot(text);
  if (checked.ok && checked.value.example === example) return { kind: 'ok', snapshot: checked.value };
  const reason = checked.ok ? `saved for another example (${checked.value.example})` : checked.reason;
  // Only once the text is safe aside may the main key go; if storage refuses, it stays where it is.
  if (keepAside(store, example, lang, { at: Date.now(), why: 'corrupt', text })) {
    try {
      store.removeItem(keys.state);
    } catch {
      // Locked storage: the text stays in place, which keeps it safe too.
    }
  }
  return { kind: 'corrupt', reason, text };
}

/**
 * Work saved by the first format belongs to no language: it is set aside in BOTH languages (never
 * applied by itself, so Spanish work cannot answer on the English page) and the old keys go.
 * Returns how many old entries were set aside.
 */
export function migrateLegacy(store: KeyValueStore | null, example: string): number {
  if (!store) return 0;
  let moved = 0;
  for (const key of legacyKeys(example)) {
    let text: string | null;
    try {
      text = store.getItem(key);
    } catch {
      return moved;
    }
    if (text === null) continue;
    const entry: AsideEntry = { at: Date.now(), why: 'legacy', text };
    if (keepAside(store, example, 'es', entry) && keepAside(store, example, 'en', entry)) {
      try {
        store.removeItem(key);
      } catch {
        // Stays under the old key: nothing is lost, it is offered again next time.
      }
      moved++;
    }
  }
  return moved;
}

export type SaveOutcome = 'saved' | 'trimmed' | 'failed';

/**
 * Saves, trimming when the state is too large or storage is full: first older history, then all
 * history, then the browsers themselves; the code and settings are the last thing to give up.
 */
export function save(store: KeyValueStore | null, snapshot: Snapshot, lang: Lang): SaveOutcome {
  if (!store) return 'failed';
  const key = storageKeys(snapshot.example, lang).state;
  const candidates: Snapshot[] = [
    snapshot,
    { ...snapshot, users: trimUsers(snapshot.users, 5) },
    { ...snapshot, users: trimUsers(snapshot.users, 0) },
    { ...snapshot, users: snapshot.users.map((u) => new SimulatedBrowser({ id: u.id, name: u.name }).toJSON()) },
  ];
  for (let i = 0; i < candidates.length; i++) {
    const text = JSON.stringify(candidates[i]);
    if (text.length > SAVE_LIMIT_CHARS && i < candidates.length - 1) continue;
    try {
      store.setItem(key, text);
      return i === 0 ? 'saved' : 'trimmed';
    } catch {
      // Quota or private mode: try a smaller state.
    }
  }
  return 'failed';
}

export function clearSaved(store: KeyValueStore | null, example: string, lang: Lang): void {
  try {
    store?.removeItem(storageKeys(example, lang).state);
  } catch {
    // Nothing to do: the next save overwrites it anyway.
  }
}

export function readSaved(store: KeyValueStore | null, example: string, lang: Lang): string | null {
  try {
    return store?.getItem(storageKeys(example, lang).state) ?? null;
  } catch {
    return null;
  }
}

// ---- earlier versions, kept aside ----

function isEntry(v: unknown): v is AsideEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    typeof e.at === 'number' &&
    Number.isFinite(e.at) &&
    (e.why === 'link' || e.why === 'legacy' || e.why === 'corrupt' || e.why === 'replaced') &&
    typeof e.text === 'string' &&
    e.text.length <= SNAPSHOT_LIMITS.json
  );
}

/** The kept versions, newest first; an unreadable list reads as empty (and is rewritten on the next keep). */
export function readAside(store: KeyValueStore | null, example: string, lang: Lang): AsideEntry[] {
  let text: string | null = null;
  try {
    text = store?.getItem(storageKeys(example, lang).aside) ?? null;
  } catch {
    return [];
  }
  if (text === null || text.length > SNAPSHOT_LIMITS.json * MAX_ASIDE) return [];
  try {
    const raw: unknown = JSON.parse(text);
    return Array.isArray(raw) ? raw.filter(isEntry).slice(0, MAX_ASIDE) : [];
  } catch {
    return [];
  }
}

/** Adds a version at the front; when storage is full the oldest ones make room. False if even alone it does not fit. */
export function keepAside(store: KeyValueStore | null, example: string, lang: Lang, entry: AsideEntry): boolean {
  if (!store) return false;
  const key = storageKeys(example, lang).aside;
  const older = readAside(store, example, lang).filter((e) => e.text !== entry.text);
  // `at` names an entry (restore by it): two kept in the same millisecond must still differ.
  const at = Math.max(entry.at, ...older.map((e) => e.at + 1));
  const list = [{ ...entry, at }, ...older].slice(0, MAX_ASIDE);
  for (let n = list.length; n >= 1; n--) {
    try {
      store.setItem(key, JSON.stringify(list.slice(0, n)));
      return true;
    } catch {
      // Full: drop the oldest and try again.
    }
  }
  return false;
}

/** Takes one version out of the list (the caller applies it); null when it is gone. */
export function takeAside(store: KeyValueStore | null, example: string, lang: Lang, at: number): AsideEntry | null {
  const list = readAside(store, example, lang);
  const found = list.find((e) => e.at === at) ?? null;
  if (!found || !store) return found;
  try {
    store.setItem(storageKeys(example, lang).aside, JSON.stringify(list.filter((e) => e !== found)));
  } catch {
    // The entry stays listed as well; applying it twice loses nothing.
  }
  return found;
}

/** An earlier version as a state for this example, or null when it cannot be used here. */
export function parseAside(entry: AsideEntry, example: string): Snapshot | null {
  const checked = parseSnapshot(entry.text);
  return checked.ok && checked.value.example === example ? checked.value : null;
}

// ---- share links ----

const HASH_PREFIX = '#state=';
/** Longest hash accepted or produced; browsers allow more, chat apps and mail clients often do not. */
export const MAX_LINK_CHARS = 60_000;

export function encodeShare(snapshot: Snapshot): string {
  // Links carry the jars and a short timeline: enough to reproduce what the sender saw.
  const compact: Snapshot = { ...snapshot, users: trimUsers(snapshot.users, 5) };
  return HASH_PREFIX + compressToEncodedURIComponent(JSON.stringify(compact));
}

export type LinkOutcome = { kind: 'none' } | { kind: 'ok'; snapshot: Snapshot } | { kind: 'broken'; reason: string };

export function decodeShare(hash: string): LinkOutcome {
  if (!hash.startsWith(HASH_PREFIX)) return { kind: 'none' };
  const payload = hash.slice(HASH_PREFIX.length);
  if (payload.length === 0) return { kind: 'broken', reason: 'empty' };
  if (payload.length > MAX_LINK_CHARS) return { kind: 'broken', reason: 'too long' };
  if (!/^[A-Za-z0-9+\-$]*$/.test(payload)) return { kind: 'broken', reason: 'unexpected characters' };
  // Expansion stops at the same ceiling the parsed state must respect anyway.
  const inflated = decompressLinkBounded(payload, SNAPSHOT_LIMITS.json);
  if (!inflated.ok) return { kind: 'broken', reason: inflated.reason === 'too large' ? 'too large' : 'cannot be decompressed' };
  if (!inflated.text) return { kind: 'broken', reason: 'cannot be decompressed' };
  const checked: Checked<Snapshot> = parseSnapshot(inflated.text);
  return checked.ok ? { kind: 'ok', snapshot: checked.value } : { kind: 'broken', reason: checked.reason };
}
