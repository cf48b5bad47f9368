/**
 * A key guesser: what `flask-unsign --unsign --cookie <cookie> --wordlist <file>` does. Each word is
 * tried as SECRET_KEY with Flask's own signer (salt "cookie-session", HMAC key derivation, SHA-1),
 * and the first one whose signature matches is the app's key: with it anyone can sign any session.
 *
 * It runs wherever the engine runs (page, sandbox worker, Node): no Web Crypto, only the engine's
 * HMAC. It is cooperative: `guessSecretKeySteps` is a generator that pauses every `chunkSize` words,
 * and `guessSecretKey` drives it with a macrotask between chunks so a page stays responsive.
 */
import { decodeSessionCookieSync } from '../cookie-codec.ts';
import { pyBytesRepr } from '../python-repr.ts';
import { unsignTimestamped } from '../signer.ts';
import type { SecretKey } from '../signer.ts';
import { BUILT_IN_WORDS } from './weak-keys.ts';

/** Words tried unless the caller asks for fewer; a hard ceiling keeps a pasted list from freezing a tab. */
export const DEFAULT_MAX_WORDS = 100_000;
export const MAX_WORDS_LIMIT = 1_000_000;

/** A key to try: text (signed as UTF-8, like a Python str) or bytes (a `b'…'` line). */
export type GuessWord = string | Uint8Array;

export interface GuessOptions {
  /** The reader's own words (e.g. from `parseWordList`). Tried after the built-in list unless `builtIn` is false. */
  words?: readonly GuessWord[];
  /** Include the built-in list of common weak keys (default true). */
  builtIn?: boolean;
  /** Stop after this many words (default 100,000; at most 1,000,000). */
  maxWords?: number;
  /** Words per step of the generator (default 500). */
  chunkSize?: number;
}

export interface GuessProgress {
  tried: number;
  /** How many words will be tried at most (after duplicates are skipped and the cap applied). */
  total: number;
}

export type GuessResult =
  | {
      found: true;
      /** The key as the reader would write it in Python: the text itself, or `b'…'` for bytes. */
      key: string;
      secret: GuessWord;
      /** Where it came from: the built-in list or the reader's. */
      source: 'built-in' | 'yours';
      /** Words tried, this one included. */
      tried: number;
      total: number;
      /** The session the cookie carries, decoded with the found key (signature only, no age check). */
      session: { ok: true; data: unknown; timestamp: number } | { ok: false; reason: string };
    }
  | {
      found: false;
      tried: number;
      total: number;
      /** exhausted: no word matched; cap: words were left over; malformed: not a signed cookie; cancelled. */
      reason: 'exhausted' | 'cap' | 'malformed' | 'cancelled';
      /** Words beyond the cap that were not tried. */
      untried: number;
    };

/**
 * A word list as text, one key per line, as flask-unsign reads it: blank lines are skipped, and a
 * line written as a Python string literal (`'…'`, `"…"`, `b'…'`) is read as the string it spells, so
 * keys with spaces, quotes or bytes such as `b'\x8f\x12…'` can be listed.
 */
export function parseWordList(text: string): GuessWord[] {
  const words: GuessWord[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') continue;
    const literal = pythonLiteral(line.trim());
    if (literal === null) words.push(line);
    else if (literal.bytes) words.push(Uint8Array.from(literal.text, (c) => c.charCodeAt(0) & 0xff));
    else words.push(literal.text);
  }
  return words;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '0': '\0', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v' };

/** The value of a simple Python str/bytes literal, or null when the line is not one. */
function pythonLiteral(line: string): { text: string; bytes: boolean } | null {
  const m = /^(b?)(['"])(.*)\2$/s.exec(line);
  if (!m) return null;
  const body = m[3];
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\') {
      if (ch === m[2]) return null; // an unescaped quote inside: not a literal after all
      out += ch;
      continue;
    }
    const next = body[++i];
    if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(body.slice(i + 1, i + 3))) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (next !== undefined && next in ESCAPES) {
      out += ESCAPES[next];
    } else {
      out += '\\' + (next ?? '');
    }
  }
  return { text: out, bytes: m[1] === 'b' };
}

/** How a key is shown, and what tells two keys apart. */
export function keyLabel(word: GuessWord): string {
  return typeof word === 'string' ? word : pyBytesRepr(word);
}

/** Looks like `payload.timestamp.signature` (a leading "." marks a compressed payload). */
function looksSigned(cookie: string): boolean {
  return /^\.?[A-Za-z0-9_\-=]*\.[A-Za-z0-9_\-=]*\.[A-Za-z0-9_\-=]+$/.test(cookie);
}

function* candidates(options: GuessOptions): Generator<{ word: GuessWord; label: string; source: 'built-in' | 'yours' }> {
  const seen = new Set<string>();
  const lists: [readonly GuessWord[], 'built-in' | 'yours'][] = [];
  if (options.builtIn ?? true) lists.push([BUILT_IN_WORDS, 'built-in']);
  if (options.words) lists.push([options.words, 'yours']);
  for (const [list, source] of lists) {
    for (const word of list) {
      if (typeof word !== 'string' && !(word instanceof Uint8Array)) continue;
      // Bytes and text are different keys even when they print alike: the label keeps b'…'.
      const label = keyLabel(word);
      if (seen.has(label)) continue;
      seen.add(label);
      yield { word, label, source };
    }
  }
}

function uniqueCount(options: GuessOptions): number {
  let n = 0;
  for (const _ of candidates(options)) n++;
  return n;
}

/**
 * The guessing loop as a generator: it yields a progress report after every chunk and returns the
 * result. Dropping the generator (or calling `return()`) stops it; nothing runs in the background.
 */
export function* guessSecretKeySteps(cookie: string, options: GuessOptions = {}): Generator<GuessProgress, GuessResult, void> {
  const cap = Math.max(0, Math.min(Math.floor(options.maxWords ?? DEFAULT_MAX_WORDS), MAX_WORDS_LIMIT));
  const chunk = Math.max(1, Math.floor(options.chunkSize ?? 500));
  const available = uniqueCount(options);
  const total = Math.min(available, cap);
  const value = cookie.trim();
  if (!looksSigned(value)) return { found: false, tried: 0, total, reason: 'malformed', untried: total };

  let tried = 0;
  for (const { word, label, source } of candidates(options)) {
    if (tried >= cap) break;
    tried++;
    const secret: SecretKey = word;
    // maxAge null: like flask-unsign, only the signature counts, not the cookie's age.
    const result = unsignTimestamped(value, { secretKey: secret, maxAge: null, now: 0 });
    if (result.ok || result.verifiedBy) {
      const decoded = decodeSessionCookieSync(value, { secretKey: secret, maxAge: null });
      return { found: true, key: label, secret: word, source, tried, total, session: decoded.ok ? decoded : { ok: false, reason: decoded.reason } };
    }
    if (tried % chunk === 0) yield { tried, total };
  }
  if (available > cap) return { found: false, tried, total, reason: 'cap', untried: available - cap };
  return { found: false, tried, total, reason: 'exhausted', untried: 0 };
}

export interface GuessRunOptions extends GuessOptions {
  onProgress?: (progress: GuessProgress) => void;
  /** Aborting stops at the next chunk with `reason: 'cancelled'`. */
  signal?: AbortSignal;
}

// A macrotask between chunks lets the page paint and handle input; setTimeout exists in pages,
// workers and Node alike.
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Runs the generator to the end, one chunk per macrotask. */
export async function guessSecretKey(cookie: string, options: GuessRunOptions = {}): Promise<GuessResult> {
  const steps = guessSecretKeySteps(cookie, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
    await nextTask();
    if (options.signal?.aborted) {
      steps.return(undefined as never);
      return { found: false, tried: step.value.tried, total: step.value.total, reason: 'cancelled', untried: step.value.total - step.value.tried };
    }
  }
}
