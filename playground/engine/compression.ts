/**
 * The zlib step of itsdangerous' URLSafeSerializerMixin. pako 2.2.0 is pinned because its
 * deflate output equals Debian's zlib 1.2.13 (what Flask used to make the fixtures) byte for byte;
 * Node's and the browsers' native zlib produce other (valid) bytes, and sometimes flip Flask's
 * compress-or-not decision.
 *
 * Speed: pako.deflate() builds a fresh zlib state per call (window, hash chains, pending buffer:
 * about 260 KB of typed arrays). Flask tries zlib on every payload, so for small sessions that
 * set-up was 90% of the work, and in Chromium the big allocations also trigger garbage collection.
 * We keep one state and rewind it with deflateReset, exactly what zlib offers for this: it clears
 * the hash heads, so no match can reach data of an earlier stream and the output does not change
 * (tests compare against pako.deflate and Flask's own cookies).
 */
import { Inflate, deflate as pakoDeflate } from 'pako';
import zlibDeflate from 'pako/lib/zlib/deflate.js';
import ZStream from 'pako/lib/zlib/zstream.js';

const Z_FINISH = 4;
const Z_STREAM_END = 1;
const Z_OK = 0;
const Z_DEFLATED = 8;

let stream: ZStream | null = null;
let out = new Uint8Array(4096);

/** zlib.compress(raw) at the default level (6), with the zlib header and Adler-32 trailer. */
export function zlibCompress(raw: Uint8Array): Uint8Array {
  if (stream === null) {
    const s = new ZStream();
    // the settings pako.deflate() uses: level -1 (=6), window 15, memLevel 8, default strategy, classic hash
    if (zlibDeflate.deflateInit2(s, -1, Z_DEFLATED, 15, 8, 0, true) !== Z_OK) return pakoDeflate(raw);
    stream = s;
  } else if (zlibDeflate.deflateReset(stream) !== Z_OK) {
    stream = null;
    return pakoDeflate(raw);
  }
  // deflateBound for these settings, with room to spare: stored blocks never exceed it
  const bound = raw.length + (raw.length >> 12) + (raw.length >> 14) + (raw.length >> 25) + 64;
  if (out.length < bound) out = new Uint8Array(bound);
  const s = stream;
  s.input = raw;
  s.next_in = 0;
  s.avail_in = raw.length;
  s.output = out;
  s.next_out = 0;
  s.avail_out = out.length;
  const status = zlibDeflate.deflate(s, Z_FINISH);
  const result = status === Z_STREAM_END ? out.slice(0, s.next_out) : null;
  s.input = null; // do not keep the caller's bytes alive
  if (result === null) {
    stream = null;
    return pakoDeflate(raw);
  }
  return result;
}

/**
 * dump_payload's rule, strict on purpose: compress only when it saves at least 2 bytes
 * (`len(z) < len(raw) - 1`). Returns the compressed bytes, or null to send raw.
 */
export function compressIfSmaller(raw: Uint8Array): Uint8Array | null {
  const z = zlibCompress(raw);
  return z.length < raw.length - 1 ? z : null;
}

/**
 * zlib.decompress(data): needs a complete zlib stream (header, data, Adler-32). Bytes after the
 * end of the stream are ignored, as in Python. Throws on anything else.
 */
export function zlibDecompress(data: Uint8Array): Uint8Array {
  const inflator = new Inflate();
  inflator.push(data, true);
  if (inflator.err) throw new Error(`Error ${inflator.err} while decompressing data: ${inflator.msg}`);
  // `ended` is set only when the stream reached its end marker; @types/pako does not list it.
  if (!(inflator as unknown as { ended: boolean }).ended || !(inflator.result instanceof Uint8Array)) {
    throw new Error('Error -5 while decompressing data: incomplete or truncated stream');
  }
  return inflator.result;
}
