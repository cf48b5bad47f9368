/**
 * Why a cookie was refused, or why part of it was ignored. The codes are stable (the UI translates
 * them); the English sentences next to them are the fallback text and the documentation.
 */

/** The whole Set-Cookie line (or manual edit) was ignored. */
export type RejectReason =
  | 'invalid-syntax'
  | 'empty-name-and-value'
  | 'too-large'
  | 'invalid-url'
  | 'secure-from-insecure-origin'
  | 'overwrite-secure-from-insecure'
  | 'domain-mismatch'
  | 'public-suffix'
  | 'samesite-none-requires-secure'
  | 'samesite-cross-site'
  | 'prefix-secure'
  | 'prefix-host'
  | 'expired-on-arrival'
  | 'invalid-cookie';

/** The cookie was kept, but one attribute was ignored or adjusted. */
export type WarningReason =
  | 'attribute-too-large'
  | 'invalid-expires'
  | 'invalid-max-age'
  | 'invalid-domain'
  | 'invalid-path'
  | 'invalid-samesite'
  | 'unknown-attribute'
  | 'expiry-capped';

export interface CookieWarning {
  reason: WarningReason;
  /** The attribute concerned, as written in the header. */
  attribute: string;
  detail: string;
}

/** RFC 6265bis limits (§5.6 and §5.7). */
export const MAX_NAME_VALUE_BYTES = 4096;
export const MAX_ATTRIBUTE_VALUE_BYTES = 1024;
/** Browsers cap Expires / Max-Age at 400 days in the future (RFC 6265bis §5.5). */
export const MAX_EXPIRY_SECONDS = 400 * 24 * 60 * 60;

const encoder = new TextEncoder();

/** Cookie limits count bytes on the wire, not JavaScript characters: "ñ" is two bytes. */
export function byteLength(text: string): number {
  return encoder.encode(text).length;
}
