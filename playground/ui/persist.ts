/**
 * Saving the reader's work per example in localStorage, and share links that hold the whole state in
 * the URL hash (`#state=<lz-string>`).
 *
 * The rule for both: nothing the reader wrote is ever lost. A saved state that cannot be read is
 * moved aside (not deleted) and the example's defaults load; a broken link is reported and the saved
 * work is not touched; a valid link keeps the previous saved work aside before replacing it.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { parseSnapshot, trimUsers } from './snapshot.ts';
import type { Checked, Snapshot } from './snapshot.ts';

/** The part of the Storage API used here, so tests can pass a Map-backed fake. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'session-lab:playground:v1:';
export const storageKeys = (example: string) => ({
  state: `${PREFIX}${example}`,
  corrupt: `${PREFIX}${example}:corrupt`,
  beforeLink: `${PREFIX}${example}:before-link`,
});

export type LoadOutcome =
  | { kind: 'empty' }
  | { kind: 'ok'; snapshot: Snapshot }
  /** The saved text could not be used; it was copied to `keptAt` and removed from the main key. */
  | { kind: 'corrupt'; reason: string; keptAt: string; text: string }
  | { kind: 'unavailable' };

export function loadSaved(store: KeyValueStore | null, example: string): LoadOutcome {
  if (!store) return { kind: 'unavailable' };
  const keys = storageKeys(example);
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
  try {
    store.setItem(keys.corrupt, text);
    store.removeItem(keys.state);
  } catch {
    // Storage full or locked: leave the text where it is, which also keeps it safe.
  }
  return { kind: 'corrupt', reason, keptAt: keys.corrupt, text };
}

/** Returns false when the browser refuses (private mode, quota): the caller tells the reader once. */
export function save(store: KeyValueStore | null, snapshot: Snapshot): boolean {
  if (!store) return false;
  try {
    store.setItem(storageKeys(snapshot.example).state, JSON.stringify(snapshot));
    return true;
  } catch {
    return false;
  }
}

export function clearSaved(store: KeyValueStore | null, example: string): void {
  try {
    store?.removeItem(storageKeys(example).state);
  } catch {
    // Nothing to do: the next save overwrites it anyway.
  }
}

/** Before a shared link replaces the reader's work, copy it aside; returns the key used (or null). */
export function keepBeforeLink(store: KeyValueStore | null, example: string): string | null {
  if (!store) return null;
  const keys = storageKeys(example);
  try {
    const current = store.getItem(keys.state);
    if (current === null) return null;
    store.setItem(keys.beforeLink, current);
    return keys.beforeLink;
  } catch {
    return null;
  }
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
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(payload);
  } catch {
    text = null;
  }
  if (!text) return { kind: 'broken', reason: 'cannot be decompressed' };
  const checked: Checked<Snapshot> = parseSnapshot(text);
  return checked.ok ? { kind: 'ok', snapshot: checked.value } : { kind: 'broken', reason: checked.reason };
}
