/**
 * Byte helpers shaped like itsdangerous/encoding.py: unpadded base64url, big-endian minimal
 * integers, and the *lenient* base64 decoding Python does (binascii.a2b_base64 without
 * strict mode), because itsdangerous accepts signatures that a strict decoder would refuse.
 */

const encoder = new TextEncoder();
// ignoreBOM keeps a leading U+FEFF in the text, as Python's decode('utf-8') does (json.loads then refuses it)
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

let scratch = new Uint8Array(4096);

/**
 * utf8(text) written into a reused buffer: the view is valid only until the next call. For the
 * session payload, which is encoded, compressed or base64-encoded at once, then dropped: this
 * skips allocating (and later collecting) a buffer per request.
 */
export function utf8Scratch(text: string): Uint8Array {
  if (scratch.length < text.length * 3) scratch = new Uint8Array(Math.max(text.length * 3, scratch.length * 2));
  const { written } = encoder.encodeInto(text, scratch);
  return scratch.subarray(0, written);
}

/** UTF-8 decode that fails like Python's bytes.decode('utf-8') (no replacement characters). */
export function fromUtf8Strict(bytes: Uint8Array): string {
  return strictUtf8.decode(bytes);
}

const URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const STD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

// Two characters per lookup: 12 bits → "xy". Built on first use (4096 short strings each).
const pairTables = new Map<string, string[]>();

function pairsFor(alphabet: string): string[] {
  let table = pairTables.get(alphabet);
  if (!table) {
    table = [];
    for (let v = 0; v < 4096; v++) table.push(alphabet[v >> 6] + alphabet[v & 63]);
    pairTables.set(alphabet, table);
  }
  return table;
}

function encodeWith(bytes: Uint8Array, alphabet: string, pad: boolean): string {
  let out = '';
  const n = bytes.length;
  let i = 0;
  const pairs = pairsFor(alphabet);
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += pairs[v >> 12] + pairs[v & 4095];
  }
  if (i < n) {
    const rest = n - i;
    const v = (bytes[i] << 16) | (rest === 2 ? bytes[i + 1] << 8 : 0);
    out += alphabet[v >> 18] + alphabet[(v >> 12) & 63];
    out += rest === 2 ? alphabet[(v >> 6) & 63] + (pad ? '=' : '') : pad ? '==' : '';
  }
  return out;
}

/** itsdangerous.encoding.base64_encode: urlsafe alphabet, '=' stripped. */
export function base64UrlEncode(bytes: Uint8Array): string {
  return encodeWith(bytes, URL_ALPHABET, false);
}

/** base64.b64encode: standard alphabet with padding (Flask's " b" tag). */
export function base64StdEncode(bytes: Uint8Array): string {
  return encodeWith(bytes, STD_ALPHABET, true);
}

// Python's urlsafe_b64decode first maps '-'→'+' and '_'→'/', so after that mapping BOTH alphabets
// decode: '+' and '/' typed directly are accepted too. Plain b64decode only knows '+' and '/'.
const URLSAFE_TABLE = new Int8Array(128).fill(-1);
const STD_TABLE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) {
  STD_TABLE[STD_ALPHABET.charCodeAt(i)] = i;
  URLSAFE_TABLE[STD_ALPHABET.charCodeAt(i)] = i;
}
URLSAFE_TABLE['-'.charCodeAt(0)] = 62;
URLSAFE_TABLE['_'.charCodeAt(0)] = 63;

class Base64Error extends Error {}

/**
 * binascii.a2b_base64(data, strict_mode=False), the decoder behind base64.b64decode and
 * urlsafe_b64decode: characters outside the alphabet are skipped, '=' ends the data once a quad
 * has 2 or 3 characters and enough '=' follow, unused low bits are dropped. Throws Base64Error
 * where Python raises binascii.Error. `codes` are byte values (0..255).
 */
function a2bBase64(codes: ArrayLike<number>, table: Int8Array): Uint8Array {
  const out = new Uint8Array(Math.floor((codes.length * 3) / 4) + 3);
  let o = 0;
  let quad = 0;
  let left = 0;
  let pads = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c === 61 /* = */) {
      if (quad >= 2 && quad + ++pads >= 4) return out.slice(0, o);
      continue;
    }
    const v = c < 128 ? table[c] : -1;
    if (v < 0) continue;
    pads = 0;
    switch (quad) {
      case 0:
        quad = 1;
        left = v;
        break;
      case 1:
        quad = 2;
        out[o++] = (left << 2) | (v >> 4);
        left = v & 0x0f;
        break;
      case 2:
        quad = 3;
        out[o++] = ((left << 4) | (v >> 2)) & 0xff;
        left = v & 0x03;
        break;
      default:
        quad = 0;
        out[o++] = ((left << 6) | v) & 0xff;
        left = 0;
    }
  }
  if (quad === 1) throw new Base64Error('Invalid base64-encoded string: number of data characters cannot be 1 more than a multiple of 4');
  if (quad !== 0) throw new Base64Error('Incorrect padding');
  return out.slice(0, o);
}

/**
 * itsdangerous.encoding.base64_decode(str): encode as ASCII dropping other characters
 * (errors="ignore"), add '=' up to a multiple of 4, then urlsafe_b64decode.
 */
export function base64UrlDecodeLenient(text: string): Uint8Array {
  const fast = decodeUrlsafeClean(text);
  if (fast !== null) return fast;
  const codes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) codes.push(c);
  }
  const padding = (4 - (codes.length % 4)) % 4;
  for (let i = 0; i < padding; i++) codes.push(61);
  return a2bBase64(codes, URLSAFE_TABLE);
}

/**
 * The common case of base64UrlDecodeLenient, without building a list of codes: every character
 * in the urlsafe table (both alphabets, no '='), length not 1 more than a multiple of 4. The
 * lenient decoder would pad with '=' and drop the unused low bits, which gives these same bytes.
 * Null for anything else.
 */
function decodeUrlsafeClean(text: string): Uint8Array | null {
  const n = text.length;
  if (n % 4 === 1) return null;
  const out = new Uint8Array((n * 3) >> 2);
  let o = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const a = lookup(text.charCodeAt(i));
    const b = lookup(text.charCodeAt(i + 1));
    const c = lookup(text.charCodeAt(i + 2));
    const d = lookup(text.charCodeAt(i + 3));
    if ((a | b | c | d) < 0) return null;
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = v >> 16;
    out[o++] = (v >> 8) & 0xff;
    out[o++] = v & 0xff;
  }
  if (i < n) {
    const a = lookup(text.charCodeAt(i));
    const b = lookup(text.charCodeAt(i + 1));
    const c = i + 2 < n ? lookup(text.charCodeAt(i + 2)) : 0;
    if ((a | b | c) < 0) return null;
    out[o++] = (a << 2) | (b >> 4);
    if (i + 2 < n) out[o++] = ((b << 4) | (c >> 2)) & 0xff;
  }
  return out;
}

function lookup(c: number): number {
  return c < 128 ? URLSAFE_TABLE[c] : -1;
}

/** base64.b64decode(str) as TagBytes.to_python calls it (non-ASCII str raises in Python). */
export function base64StdDecodeLenient(text: string): Uint8Array {
  const codes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) throw new Base64Error('string argument should contain only ASCII characters');
    codes.push(c);
  }
  return a2bBase64(codes, STD_TABLE);
}

/** itsdangerous int_to_bytes: struct.pack(">Q", n).lstrip(b"\0"). 0 gives no bytes at all. */
export function intToBytes(n: number): Uint8Array {
  let v = Math.floor(n);
  let size = 0;
  for (let x = v; x > 0; x = Math.floor(x / 256)) size++;
  const bytes = new Uint8Array(size);
  for (let i = size - 1; i >= 0; i--) {
    bytes[i] = v % 256;
    v = Math.floor(v / 256);
  }
  return bytes;
}

/** itsdangerous bytes_to_int: big-endian, at most 8 bytes (more is an error in Python). */
export function bytesToInt(bytes: Uint8Array): bigint {
  if (bytes.length > 8) throw new RangeError('timestamp longer than 8 bytes');
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}
