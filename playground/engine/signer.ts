/**
 * itsdangerous' TimestampSigner as Flask configures it (flask/sessions.py:
 * SecureCookieSessionInterface): salt "cookie-session", key_derivation "hmac", digest SHA-1.
 *
 *   derived key = HMAC-SHA1(key=secret, msg="cookie-session")
 *   cookie      = value "." b64url(int_to_bytes(ts)) "." b64url(HMAC-SHA1(derived, value "." ts))
 *
 * Synchronous on purpose: it must run in Node, browsers and the sandboxed blob worker, where
 * crypto.subtle does not exist. HMAC-SHA1 comes from @noble/hashes, a well-kept audited library:
 * hand-written cryptography is not worth the few microseconds it would save.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { base64UrlDecodeLenient, base64UrlEncode, bytesToInt, intToBytes, utf8 } from './bytes.ts';

export const SESSION_SALT = 'cookie-session';
/** datetime.fromtimestamp() fails beyond 9999-12-31T23:59:59Z: a validly signed cookie past it is a 500. */
export const MAX_PYTHON_TIMESTAMP = 253402300799;
/** Flask's default PERMANENT_SESSION_LIFETIME (31 days), used as max_age for every session cookie. */
export const DEFAULT_MAX_AGE = 2678400;

export type SecretKey = string | Uint8Array;

// Deriving the key costs two HMAC set-ups; a server signs thousands of cookies with one secret.
// The cache holds an HMAC already keyed with the derived key; cloning it per message skips the key
// padding and the two block compressions of the inner/outer pads.
type KeyedHmac = ReturnType<typeof hmac.create>;
const keyedCache = new Map<string, { derived: Uint8Array; mac: KeyedHmac }>();

function cacheId(secret: SecretKey): string {
  return typeof secret === 'string' ? 's:' + secret : 'b:' + Array.from(secret).join(',');
}

let lastSecret: string | null = null;
let lastEntry: { derived: Uint8Array; mac: KeyedHmac } | null = null;

function keyed(secret: SecretKey) {
  // the same string secret as last time (the usual case): skip building the cache id
  if (typeof secret === 'string' && secret === lastSecret && lastEntry) return lastEntry;
  const entry = keyedLookup(secret);
  if (typeof secret === 'string') {
    lastSecret = secret;
    lastEntry = entry;
  }
  return entry;
}

function keyedLookup(secret: SecretKey) {
  const id = cacheId(secret);
  let entry = keyedCache.get(id);
  if (!entry) {
    const raw = typeof secret === 'string' ? utf8(secret) : secret;
    const derived = hmac(sha1, raw, utf8(SESSION_SALT));
    entry = { derived, mac: hmac.create(sha1, derived) };
    if (keyedCache.size > 64) keyedCache.clear();
    keyedCache.set(id, entry);
  }
  return entry;
}

/** Signer.derive_key() for key_derivation="hmac". */
export function deriveKey(secret: SecretKey): Uint8Array {
  return keyed(secret).derived.slice();
}

/** Raw 20-byte signature of the signing input (everything before the last '.'). */
export function signatureBytes(secret: SecretKey, signingInput: string): Uint8Array {
  return keyed(secret).mac.clone().update(utf8(signingInput)).digest();
}

/** TimestampSigner.sign(value) with a given clock: value "." ts "." signature. */
export function signWithTimestamp(value: string, timestamp: number, secret: SecretKey): string {
  const input = value + '.' + base64UrlEncode(intToBytes(timestamp));
  return input + '.' + base64UrlEncode(signatureBytes(secret, input));
}

/** hmac.compare_digest: no early exit on the first difference. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

/** Which key verified: the current SECRET_KEY or SECRET_KEY_FALLBACKS[index]. */
export type VerifiedBy = { key: 'current' } | { key: 'fallback'; index: number };

export type UnsignResult =
  | { ok: true; value: string; timestamp: number; verifiedBy: VerifiedBy }
  | {
      ok: false;
      reason: 'bad-signature' | 'expired' | 'malformed' | 'bad-payload';
      detail: string;
      /** Known when the timestamp part could be read (even for a bad signature). */
      timestamp?: number;
      verifiedBy?: VerifiedBy;
    };

export interface UnsignOptions {
  secretKey: SecretKey;
  /** Flask ≥ 3.1.1 SECRET_KEY_FALLBACKS, oldest first as in the config list. */
  fallbackKeys?: readonly SecretKey[];
  /** Seconds; null disables the age check. Flask always passes PERMANENT_SESSION_LIFETIME. */
  maxAge?: number | null;
  /** Current UNIX time in seconds. */
  now: number;
}

function verify(signingInput: string, sigText: string, opts: UnsignOptions): VerifiedBy | null {
  let sig: Uint8Array;
  try {
    sig = base64UrlDecodeLenient(sigText);
  } catch {
    return null; // Signer.verify_signature: a base64 error is just "not valid"
  }
  if (sig.length !== 20) return null;
  // Flask ≥ 3.1.1 hands itsdangerous [*FALLBACKS, SECRET_KEY]; itsdangerous tries the newest
  // (last) key first, so: current key, then the fallbacks from the last one backwards.
  if (constantTimeEqual(sig, signatureBytes(opts.secretKey, signingInput))) return { key: 'current' };
  const fallbacks = opts.fallbackKeys ?? [];
  for (let i = fallbacks.length - 1; i >= 0; i--) {
    if (constantTimeEqual(sig, signatureBytes(fallbacks[i], signingInput))) return { key: 'fallback', index: i };
  }
  return null;
}

function readTimestamp(text: string): bigint | null {
  try {
    return bytesToInt(base64UrlDecodeLenient(text));
  } catch {
    return null;
  }
}

/**
 * TimestampSigner.unsign(value, max_age, return_timestamp=True), with the error it would raise
 * turned into a reason: 'malformed' (no '.', missing or unreadable timestamp), 'bad-signature',
 * 'expired' (too old, or in the future), 'bad-payload' for the year-10000 timestamp that only a
 * key holder can sign (Python raises ValueError there, which Flask does not catch: HTTP 500).
 */
export function unsignTimestamped(cookie: string, opts: UnsignOptions): UnsignResult {
  const sigCut = cookie.lastIndexOf('.');
  if (sigCut < 0) return { ok: false, reason: 'malformed', detail: "No b'.' found in value" };
  const signed = cookie.slice(0, sigCut);
  const verifiedBy = verify(signed, cookie.slice(sigCut + 1), opts);
  const tsCut = signed.lastIndexOf('.');
  if (tsCut < 0) {
    return verifiedBy
      ? { ok: false, reason: 'malformed', detail: 'timestamp missing', verifiedBy }
      : { ok: false, reason: 'bad-signature', detail: 'Signature does not match' };
  }
  const value = signed.slice(0, tsCut);
  const tsBig = readTimestamp(signed.slice(tsCut + 1));
  const timestamp = tsBig === null ? undefined : Number(tsBig);
  if (!verifiedBy) {
    if (timestamp !== undefined && timestamp > MAX_PYTHON_TIMESTAMP) {
      return { ok: false, reason: 'malformed', detail: 'Malformed timestamp', timestamp };
    }
    return { ok: false, reason: 'bad-signature', detail: 'Signature does not match', timestamp };
  }
  if (timestamp === undefined) return { ok: false, reason: 'malformed', detail: 'Malformed timestamp', verifiedBy };
  // Every later step (SignatureExpired's date_signed, return_timestamp) converts the timestamp to a
  // datetime first, so past the year 9999 a valid signature always ends in ValueError (HTTP 500).
  if (timestamp > MAX_PYTHON_TIMESTAMP) {
    return { ok: false, reason: 'bad-payload', detail: 'year is out of range (timestamp past 9999-12-31)', timestamp, verifiedBy };
  }
  if (opts.maxAge !== null && opts.maxAge !== undefined) {
    const age = opts.now - timestamp;
    if (age > opts.maxAge) {
      return { ok: false, reason: 'expired', detail: `Signature age ${age} > ${opts.maxAge} seconds`, timestamp, verifiedBy };
    }
    if (age < 0) {
      return { ok: false, reason: 'expired', detail: `Signature age ${age} < 0 seconds`, timestamp, verifiedBy };
    }
  }
  return { ok: true, value, timestamp, verifiedBy };
}
