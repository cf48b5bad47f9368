/**
 * The page's one way to open a session cookie: always with the current key AND its fallbacks, the
 * session lifetime and the virtual clock, so every panel (the decoded view, the payload editor, the
 * exercise checks) judges a cookie as Flask would at the playground's "now".
 *
 * Within a budget: a compressed cookie of 3 KB can inflate to megabytes (a "cookie bomb"), and forty
 * of them froze the page on every redraw. The inflated size is measured first, in chunks, and
 * anything past INSPECT_LIMITS.inflated is reported instead of opened; results are remembered, so a
 * redraw does not open the same cookie again.
 */
import { base64UrlDecodeLenient } from '../engine/bytes.ts';
import { inspectSessionCookie } from '../engine/cookie-codec.ts';
import type { CookieInspection } from '../engine/cookie-codec.ts';
import { Inflate } from 'pako/lib/inflate.js';
import { toPythonRepr } from '../engine/python-repr.ts';
import { follows, jsonDepthLimit } from '../engine/flask-versions.ts';
import type { SessionSettings } from './model.ts';

export const INSPECT_LIMITS = {
  /** Bytes a compressed payload may inflate to before the page declines to open it. */
  inflated: 64 * 1024,
  /** Characters of a payload printed in Python notation; the rest is cut with a note. */
  printed: 4_000,
  remembered: 64,
} as const;

export type ReaderInspection = { kind: 'opened'; info: CookieInspection } | { kind: 'too-large'; limit: number };

/** How far a compressed payload inflates, counting up to `limit + 1` at most. */
function inflatesPast(payload: string, limit: number): boolean {
  let bytes: Uint8Array;
  try {
    bytes = base64UrlDecodeLenient(payload.slice(1));
  } catch {
    return false; // not base64: the inspector reports it as malformed
  }
  let total = 0;
  const inflate = new Inflate({ chunkSize: 16 * 1024 });
  inflate.onData = (chunk: Uint8Array) => {
    total += chunk.length;
    if (total > limit) throw new RangeError('past the limit');
  };
  try {
    inflate.push(bytes, true);
  } catch (e) {
    if (e instanceof RangeError) return true;
  }
  return false;
}

const remembered = new Map<string, ReaderInspection>();

export function inspectForReader(value: string, settings: SessionSettings, now: number): ReaderInspection {
  const key = JSON.stringify([value, settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS, settings.PERMANENT_SESSION_LIFETIME, settings.FLASK_VERSION, now]);
  const known = remembered.get(key);
  if (known) return known;
  const cut = value.lastIndexOf('.', value.lastIndexOf('.') - 1);
  const payload = cut > 0 ? value.slice(0, cut) : '';
  const result: ReaderInspection =
    payload.startsWith('.') && inflatesPast(payload, INSPECT_LIMITS.inflated)
      ? { kind: 'too-large', limit: INSPECT_LIMITS.inflated }
      : {
          kind: 'opened',
          info: inspectSessionCookie(value, {
            secretKey: settings.SECRET_KEY,
            // Fallback keys and the nesting Flask can read depend on the version the reader chose.
            fallbackKeys: follows(settings, 'secret-key-fallbacks') ? settings.SECRET_KEY_FALLBACKS : [],
            maxAge: settings.PERMANENT_SESSION_LIFETIME,
            maxDepth: jsonDepthLimit(settings),
            now,
          }),
        };
  if (remembered.size >= INSPECT_LIMITS.remembered) remembered.delete(remembered.keys().next().value!);
  remembered.set(key, result);
  return result;
}

/** The session's data as a dict, for the checks; undefined when unreadable or too large. */
export function sessionData(value: string, settings: SessionSettings, now: number): Record<string, unknown> | undefined {
  const r = inspectForReader(value, settings, now);
  if (r.kind !== 'opened') return undefined;
  const data = r.info.data;
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
}

/** The payload in Python's notation, cut at the print budget. */
export function printedPayload(data: unknown): { text: string; cut: boolean } {
  let text: string;
  try {
    text = toPythonRepr(data);
  } catch (e) {
    text = `<${e instanceof Error ? e.message : String(e)}>`;
  }
  return text.length > INSPECT_LIMITS.printed ? { text: text.slice(0, INSPECT_LIMITS.printed), cut: true } : { text, cut: false };
}
