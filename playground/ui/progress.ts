/**
 * A learner's progress: which exercises had all their checks pass, per language. It lives in this
 * browser's local storage and nowhere else: the site has no server and sends nothing.
 *
 * Progress is per language because the exercises answer in the page's language: solving the Spanish
 * counter says nothing about the English one. It is kept per example, not per page, so an exercise
 * solved on the full playground or in an embed counts for the lesson that holds it.
 *
 * The record comes from storage, which another tab, an extension or an older version of the site may
 * have written: it is read as untrusted text and, when it cannot be read, kept aside (never thrown
 * away, never half-applied) under its own key, so the learner can be told.
 */

export type ProgressLang = 'es' | 'en';

/** Example id → when its checks all passed (ms since the epoch), per language. */
export type Progress = Record<ProgressLang, Record<string, number>>;

export interface ProgressRead {
  progress: Progress;
  /** The key the unreadable record was moved to, when there was one. */
  setAside?: string;
  /** False when storage cannot be used at all (blocked, or a sandboxed context). */
  available: boolean;
}

export const PROGRESS_KEY = 'session-lab:progress';
const SET_ASIDE_PREFIX = 'session-lab:progress:unreadable:';
const FORMAT = 1;
/** Sent on window when this tab changes the record; other tabs hear the `storage` event instead. */
export const PROGRESS_EVENT = 'session-lab:progress';

// Bounds for a record read from storage: a few dozen exercises exist, so anything past these is not
// ours, and checking them keeps a hostile record from costing more than a glance.
const MAX_TEXT = 64 * 1024;
const MAX_ENTRIES = 500;
const EXAMPLE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function emptyProgress(): Progress {
  return { es: {}, en: {} };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** The record as stored, or null when it is not one this version can read. */
export function parseProgress(text: string): Progress | null {
  if (text.length > MAX_TEXT) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isPlainObject(raw) || raw.v !== FORMAT || !isPlainObject(raw.done)) return null;
  const progress = emptyProgress();
  let entries = 0;
  for (const lang of ['es', 'en'] as const) {
    const done = raw.done[lang];
    if (done === undefined) continue;
    if (!isPlainObject(done)) return null;
    for (const [id, at] of Object.entries(done)) {
      if (++entries > MAX_ENTRIES || !EXAMPLE_ID.test(id) || typeof at !== 'number' || !Number.isFinite(at) || at < 0) return null;
      progress[lang][id] = at;
    }
  }
  return progress;
}

export function serializeProgress(progress: Progress): string {
  return JSON.stringify({ v: FORMAT, done: progress });
}

export function readProgress(storage: Storage | null, now: number = Date.now()): ProgressRead {
  if (!storage) return { progress: emptyProgress(), available: false };
  let text: string | null;
  try {
    text = storage.getItem(PROGRESS_KEY);
  } catch {
    return { progress: emptyProgress(), available: false };
  }
  if (text === null) return { progress: emptyProgress(), available: true };
  const progress = parseProgress(text);
  if (progress) return { progress, available: true };
  const setAside = `${SET_ASIDE_PREFIX}${now}`;
  try {
    storage.setItem(setAside, text);
    storage.removeItem(PROGRESS_KEY);
  } catch {
    // Storage full or read-only: the record stays where it is and is ignored, which loses nothing.
    return { progress: emptyProgress(), available: true, setAside: PROGRESS_KEY };
  }
  return { progress: emptyProgress(), available: true, setAside };
}

function write(storage: Storage, progress: Progress): boolean {
  try {
    storage.setItem(PROGRESS_KEY, serializeProgress(progress));
  } catch {
    return false;
  }
  globalThis.dispatchEvent?.(new Event(PROGRESS_EVENT));
  return true;
}

/** Records that every check of `exampleId` passed in `lang`; false when it could not be kept. */
export function markCompleted(storage: Storage | null, lang: ProgressLang, exampleId: string, now: number = Date.now()): boolean {
  if (!storage || !EXAMPLE_ID.test(exampleId)) return false;
  const { progress, available } = readProgress(storage, now);
  if (!available) return false;
  if (progress[lang][exampleId] !== undefined) return true;
  progress[lang][exampleId] = now;
  return write(storage, progress);
}

/** Forgets the progress of one language; the other language's stays. */
export function resetProgress(storage: Storage | null, lang: ProgressLang): boolean {
  if (!storage) return false;
  const { progress, available } = readProgress(storage);
  if (!available) return false;
  progress[lang] = {};
  return write(storage, progress);
}

/** A lesson is complete when every exercise in it has had all its checks pass. */
export function lessonComplete(progress: Progress, lang: ProgressLang, exampleIds: readonly string[]): boolean {
  return exampleIds.length > 0 && exampleIds.every((id) => progress[lang][id] !== undefined);
}
