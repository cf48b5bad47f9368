/**
 * The session cookie value, both ways, as Flask's URLSafeTimedSerializer makes and reads it:
 *   [ "." ] b64url(zlib?(tagged JSON)) "." b64url(timestamp) "." b64url(HMAC-SHA1)
 * A leading "." means the payload is zlib-compressed. The payload is only base64: anyone can
 * read it (inspectSessionCookie does, without the key). The signature only stops changes.
 */
import { base64UrlDecodeLenient, base64UrlEncode, fromUtf8Strict, utf8Scratch } from './bytes.ts';
import { compressIfSmallerView, zlibDecompressView } from './compression.ts';
import { DEFAULT_MAX_AGE, type SecretKey, type VerifiedBy, signWithTimestamp, unsignTimestamped } from './signer.ts';
import { type JsLoss, jsCannotKeep } from './js-losses.ts';
import { MAX_NESTING_MESSAGE, type NestingLimit } from './python-json.ts';
import { taggedDumps, taggedLoads } from './tagged-json.ts';
import { sessionState } from './session.ts';

export type DecodeFailure = 'bad-signature' | 'expired' | 'malformed' | 'bad-payload';
export type DecodeResult = { ok: true; data: unknown; timestamp: number } | { ok: false; reason: DecodeFailure };

export interface EncodeOptions {
  secretKey: SecretKey;
  /** UNIX seconds; default: now. */
  timestamp?: number;
}

export interface DecodeOptions {
  secretKey: SecretKey;
  /** SECRET_KEY_FALLBACKS (Flask ≥ 3.1.1), oldest first as in the config. */
  fallbackKeys?: readonly SecretKey[];
  /** Seconds (default 2678400, Flask's 31 days); null: no age check. */
  maxAge?: number | null;
  /** UNIX seconds; default: now. */
  now?: number;
  /** Deepest nesting the payload may have (Python's recursion limit; see flask-versions.ts). */
  maxDepth?: NestingLimit;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

function sessionData(data: unknown): unknown {
  // A Session proxy serializes through its Map: same order, and nothing gets marked accessed.
  return sessionState(data)?.data ?? data;
}

/** URLSafeSerializerMixin.dump_payload: tagged JSON, zlib when it saves ≥ 2 bytes, base64url. */
export function dumpPayload(data: unknown): { payload: string; json: string; compressed: boolean } {
  const json = taggedDumps(sessionData(data));
  // both views live only until the next payload: they are base64-encoded right here
  const raw = utf8Scratch(json);
  const z = compressIfSmallerView(raw);
  return z ? { payload: '.' + base64UrlEncode(z), json, compressed: true } : { payload: base64UrlEncode(raw), json, compressed: false };
}

export class PayloadError extends Error {}

/** The payload text (base64 / zlib / UTF-8) as far as it goes; throws PayloadError. */
export function payloadText(payload: string): { json: string; compressed: boolean } {
  const compressed = payload.startsWith('.');
  let bytes: Uint8Array;
  try {
    bytes = base64UrlDecodeLenient(compressed ? payload.slice(1) : payload);
  } catch (e) {
    throw new PayloadError(`Could not base64 decode the payload because of an exception: ${(e as Error).message}`);
  }
  if (compressed) {
    try {
      bytes = zlibDecompressView(bytes); // read at once below, before any other inflate
    } catch (e) {
      throw new PayloadError(`Could not zlib decompress the payload before decoding the payload: ${(e as Error).message}`);
    }
  }
  try {
    return { json: fromUtf8Strict(bytes), compressed };
  } catch {
    throw new PayloadError("Could not load the payload because an exception occurred on unserializing the data: 'utf-8' codec can't decode");
  }
}

/** load_payload: payload text to the Python-like value. Throws PayloadError. */
export function loadPayload(payload: string, topLevelMap = false, maxDepth?: NestingLimit): { data: unknown; json: string; compressed: boolean } {
  const { json, compressed } = payloadText(payload);
  try {
    return { data: taggedLoads(json, topLevelMap, maxDepth), json, compressed };
  } catch (e) {
    throw new PayloadError(`Could not load the payload because an exception occurred on unserializing the data: ${(e as Error).message}`);
  }
}

/** The cookie value Flask's save_session would produce for `data` at `timestamp`. */
export function encodeSessionCookieSync(data: unknown, options: EncodeOptions): string {
  return signWithTimestamp(dumpPayload(data).payload, options.timestamp ?? nowSeconds(), options.secretKey);
}

export async function encodeSessionCookie(data: unknown, options: EncodeOptions): Promise<string> {
  return encodeSessionCookieSync(data, options);
}

/** Internal form used by the session interface: top-level dict as a Map, and the key that verified. */
export function decodeCookieDetailed(
  value: string,
  options: DecodeOptions,
  topLevelMap: boolean,
): { ok: true; data: unknown; timestamp: number; verifiedBy: VerifiedBy } | { ok: false; reason: DecodeFailure; detail: string; tooDeep?: boolean } {
  try {
    if (typeof value !== 'string' || value === '') return { ok: false, reason: 'malformed', detail: 'empty cookie value' };
    const unsigned = unsignTimestamped(value, {
      secretKey: options.secretKey,
      fallbackKeys: options.fallbackKeys,
      maxAge: options.maxAge === undefined ? DEFAULT_MAX_AGE : options.maxAge,
      now: options.now ?? nowSeconds(),
    });
    if (!unsigned.ok) return { ok: false, reason: unsigned.reason, detail: unsigned.detail };
    const { data } = loadPayload(unsigned.value, topLevelMap, options.maxDepth);
    return { ok: true, data, timestamp: unsigned.timestamp, verifiedBy: unsigned.verifiedBy };
  } catch (e) {
    // Only a payload (or an unexpected engine) error gets here: the signature was valid.
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, reason: 'bad-payload', detail, ...(detail.includes(MAX_NESTING_MESSAGE) ? { tooDeep: true } : {}) };
  }
}

/** open_session's s.loads(value, max_age): never throws, for any string. */
export function decodeSessionCookieSync(value: string, options: DecodeOptions): DecodeResult {
  const r = decodeCookieDetailed(value, options, false);
  return r.ok ? { ok: true, data: r.data, timestamp: r.timestamp } : { ok: false, reason: r.reason };
}

export async function decodeSessionCookie(value: string, options: DecodeOptions): Promise<DecodeResult> {
  return decodeSessionCookieSync(value, options);
}

export interface CookieInspection {
  cookie: string;
  /** The three dot-separated parts as text; null when the value has fewer than two dots. */
  parts: { payload: string; timestamp: string; signature: string } | null;
  compressed: boolean;
  /** The JSON text inside, readable WITHOUT the key: signed is not encrypted. */
  payloadJson: string | null;
  /** The decoded value (tuples, bytes, dates... as JS values), also without a valid signature. */
  data?: unknown;
  /** What saving this session again would change: values JavaScript cannot keep (see js-losses.ts). */
  cannotKeep: JsLoss[];
  payloadError?: string;
  timestamp: number | null;
  verdict:
    | { valid: true; verifiedBy: VerifiedBy }
    | { valid: false; reason: DecodeFailure; detail: string };
}

/** Everything a cookie tells, for the UI. Never throws. */
export function inspectSessionCookie(value: string, options: DecodeOptions): CookieInspection {
  const cookie = typeof value === 'string' ? value : String(value);
  const sigCut = cookie.lastIndexOf('.');
  const tsCut = sigCut > 0 ? cookie.lastIndexOf('.', sigCut - 1) : -1;
  const parts =
    tsCut >= 0 ? { payload: cookie.slice(0, tsCut), timestamp: cookie.slice(tsCut + 1, sigCut), signature: cookie.slice(sigCut + 1) } : null;
  const result: CookieInspection = {
    cookie,
    parts,
    compressed: parts?.payload.startsWith('.') ?? false,
    payloadJson: null,
    cannotKeep: [],
    timestamp: null,
    verdict: { valid: false, reason: 'malformed', detail: '' },
  };
  if (parts) {
    try {
      const { json } = payloadText(parts.payload);
      result.payloadJson = json;
      result.data = taggedLoads(json, false, options.maxDepth);
      result.cannotKeep = jsCannotKeep(json, result.data);
    } catch (e) {
      result.payloadError = e instanceof Error ? e.message : String(e);
    }
    const unsigned = unsignTimestamped(cookie, {
      secretKey: options.secretKey,
      fallbackKeys: options.fallbackKeys,
      maxAge: options.maxAge === undefined ? DEFAULT_MAX_AGE : options.maxAge,
      now: options.now ?? nowSeconds(),
    });
    if (unsigned.ok) result.timestamp = unsigned.timestamp;
    else if (unsigned.timestamp !== undefined) result.timestamp = unsigned.timestamp;
  }
  const verdict = decodeCookieDetailed(cookie, options, false);
  if (verdict.ok) {
    result.verdict = { valid: true, verifiedBy: verdict.verifiedBy };
    result.timestamp = verdict.timestamp;
  } else {
    result.verdict = { valid: false, reason: verdict.reason, detail: verdict.detail };
  }
  return result;
}
