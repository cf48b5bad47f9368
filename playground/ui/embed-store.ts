/**
 * Where an embed keeps the reader's work. Two rules the full site does not need:
 *
 * - An embed has its own key space (`session-lab:embed:` before the usual keys): a course page's
 *   `reset` or `set-code`, or simply the reader's edits inside a course, never replace the work the
 *   reader saved for the same example on our site.
 * - The frame's own address holds the current state as well (`#state=`, the share-link format,
 *   written with `history.replaceState`). A course page on another site often gets no storage at all
 *   (browsers block or partition it in third-party frames; headless Chromium blocks localStorage
 *   there), but a reload of the frame keeps its address: the work survives it either way, and the
 *   start-up decision reads it back like any link, through the same bounds and checks.
 *
 * - Each author's state has its key space too (a fingerprint of the address's starting `#state=`):
 *   two courses embedding their own code for the same example keep apart, and the reader's work on
 *   one embed comes back on their next visit instead of the author's starting state.
 *
 * No DOM here: the page passes how to write the hash (tests pass a recorder).
 */
import { encodeShare, MAX_LINK_CHARS, storageKeys } from './persist.ts';
import type { KeyValueStore } from './persist.ts';
import { parseSnapshot } from './snapshot.ts';
import type { Lang } from './strings.ts';

export const EMBED_KEY_PREFIX = 'session-lab:embed:';

export interface EmbedStoreOptions {
  /** The browser's localStorage, or null where the frame may not use it. */
  storage: KeyValueStore | null;
  example: string;
  lang: Lang;
  /** Sets the frame's hash: `#state=…`, or '' to clear it. */
  writeHash: (hash: string) => void;
  /** The hash the embed was first loaded with (the author's state), '' for a built-in example. */
  base: string;
}

/** FNV-1a, 32 bits: a short, stable name for an author's state (not a security measure). */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export const embedKeyPrefix = (base: string) => (base ? `${EMBED_KEY_PREFIX}${fingerprint(base)}:` : EMBED_KEY_PREFIX);

export interface EmbedStore extends KeyValueStore {
  /** False when nothing outlives the frame: the reader must be told how to keep the work. */
  readonly durable: boolean;
}

export function embedStore({ storage, example, lang, writeHash, base }: EmbedStoreOptions): EmbedStore {
  const prefix = embedKeyPrefix(base);
  // Without storage the earlier-versions list still works within this visit.
  const memory = new Map<string, string>();
  const stateKey = prefix + storageKeys(example, lang).state;
  const mirror = (text: string | null) => {
    if (text === null) {
      writeHash('');
      return;
    }
    const checked = parseSnapshot(text);
    if (!checked.ok) return;
    const hash = encodeShare(checked.value);
    // A stale hash would win over newer work at the next load: too big for a link means no hash.
    writeHash(hash.length <= MAX_LINK_CHARS ? hash : '');
  };
  return {
    durable: storage !== null,
    getItem(key) {
      const k = prefix + key;
      return storage ? storage.getItem(k) : (memory.get(k) ?? null);
    },
    setItem(key, value) {
      const k = prefix + key;
      // The frame's address first: storage may throw (quota), the hash is still current.
      if (k === stateKey) mirror(value);
      if (storage) storage.setItem(k, value);
      else memory.set(k, value);
    },
    removeItem(key) {
      const k = prefix + key;
      if (k === stateKey) mirror(null);
      if (storage) storage.removeItem(k);
      else memory.delete(k);
    },
  };
}
