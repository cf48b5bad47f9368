/**
 * The zlib step of itsdangerous' URLSafeSerializerMixin. pako 2.2.0 is pinned because its
 * deflate output equals Debian's zlib 1.2.13 (what Flask used to make the fixtures) byte for byte;
 * Node's and the browsers' native zlib produce other (valid) bytes, and sometimes flip Flask's
 * compress-or-not decision.
 *
 * Speed: pako.deflate() and `new pako.Inflate()` build a fresh zlib state per call (deflate:
 * window, hash chains, pending buffer, about 260 KB of typed arrays; inflate: a 64 KB output chunk,
 * a 32 KB window and the code tables). Flask tries zlib on every payload, so for small sessions that
 * set-up was most of the work, and in Chromium the big allocations also trigger garbage collection.
 * We keep one state of each and rewind it (deflateReset / inflateReset), exactly what zlib offers
 * for this: a reset forgets every byte of the earlier stream (deflate clears the hash heads, so no
 * match can reach old data; inflate empties its window), so the output does not change. Tests
 * compare against pako.deflate, pako.Inflate and Flask's own cookies.
 */
// pako's own lib files, not its ESM build: the zlib internals below come from lib/zlib, and the ESM
// build would bring a second copy of zlib into every bundle.
import { deflate as pakoDeflate } from 'pako/lib/deflate.js';
import { Inflate } from 'pako/lib/inflate.js';
import zlibDeflate from 'pako/lib/zlib/deflate.js';
import zlibInflate from 'pako/lib/zlib/inflate.js';
import ZStream from 'pako/lib/zlib/zstream.js';

const Z_FINISH = 4;
const Z_OK = 0;
const Z_STREAM_END = 1;
const Z_NEED_DICT = 2;
const Z_STREAM_ERROR = -2;
const Z_DATA_ERROR = -3;
const Z_MEM_ERROR = -4;
const Z_BUF_ERROR = -5;
const Z_DEFLATED = 8;

/** Points a zlib stream at its input and output, both from their first byte (deflate and inflate alike). */
function attach(s: ZStream, input: Uint8Array, output: Uint8Array): void {
  s.input = input;
  s.next_in = 0;
  s.avail_in = input.length;
  s.output = output;
  s.next_out = 0;
  s.avail_out = output.length;
}

let deflater: ZStream | null = null;
let out = new Uint8Array(4096);
const NO_HEADS = new Uint16Array(0);

/**
 * deflateReset, with its one slow step done natively: it clears the 32768 hash heads with a
 * JavaScript loop (≈ 20 µs, more than compressing a small session). We hand it an empty table
 * for that loop and clear the real one with fill(0): same zeros, 25 times faster.
 */
function rewindDeflate(s: ZStream): boolean {
  const state = s.state as { head: Uint16Array } | null;
  if (!state || !(state.head instanceof Uint16Array)) return zlibDeflate.deflateReset(s) === Z_OK;
  const head = state.head;
  state.head = NO_HEADS;
  const ok = zlibDeflate.deflateReset(s) === Z_OK;
  head.fill(0);
  state.head = head;
  return ok;
}

/** zlib.compress(raw) at the default level (6), with the zlib header and Adler-32 trailer. */
export function zlibCompress(raw: Uint8Array): Uint8Array {
  return deflateToView(raw).slice();
}

/**
 * dumpPayload's form of compressIfSmaller: the compressed bytes as a view into the reused output
 * buffer, valid only until the next call (the caller base64-encodes them at once), or null.
 */
export function compressIfSmallerView(raw: Uint8Array): Uint8Array | null {
  const z = deflateToView(raw);
  return z.length < raw.length - 1 ? z : null;
}

function deflateToView(raw: Uint8Array): Uint8Array {
  if (deflater === null) {
    const s = new ZStream();
    // the settings pako.deflate() uses: level -1 (=6), window 15, memLevel 8, default strategy, classic hash
    if (zlibDeflate.deflateInit2(s, -1, Z_DEFLATED, 15, 8, 0, true) !== Z_OK) return pakoDeflate(raw);
    deflater = s;
  } else if (!rewindDeflate(deflater)) {
    deflater = null;
    return pakoDeflate(raw);
  }
  // deflateBound for these settings, with room to spare: stored blocks never exceed it
  const bound = raw.length + (raw.length >> 12) + (raw.length >> 14) + (raw.length >> 25) + 64;
  if (out.length < bound) out = new Uint8Array(bound);
  const s = deflater;
  attach(s, raw, out);
  const status = zlibDeflate.deflate(s, Z_FINISH);
  const result = status === Z_STREAM_END ? out.subarray(0, s.next_out) : null;
  s.input = null; // do not keep the caller's bytes alive
  s.output = null;
  if (result === null) {
    deflater = null;
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

class InflateError extends Error {}

const decompressError = (err: number, msg: string) => new InflateError(`Error ${err} while decompressing data: ${msg}`);

/** What `new pako.Inflate()` + push(data, true) does, with a fresh Inflate object per call. */
function inflateFresh(data: Uint8Array): Uint8Array {
  const inflator = new Inflate({ windowBits: 15 }); // given, so pako does not add gzip detection (+32)
  inflator.push(data, true);
  if (inflator.err) throw decompressError(inflator.err, inflator.msg);
  // `ended` is set only when the stream reached its end marker; @types/pako does not list it.
  if (!(inflator as unknown as { ended: boolean }).ended || !(inflator.result instanceof Uint8Array)) {
    throw decompressError(Z_BUF_ERROR, 'incomplete or truncated stream');
  }
  return inflator.result;
}

let inflater: ZStream | null = null;
let inflated = new Uint8Array(16384);

/** The inflate state fields that inflateReset sets (pako 2.2.0, lib/zlib/inflate.js). */
interface InflateFields {
  strm: ZStream;
  mode: number; last: number; havedict: number; flags: number; dmax: number; head: unknown;
  hold: number; bits: number; sane: number; back: number; total: number; wrap: number;
  wsize: number; whave: number; wnext: number;
  lencode: Int32Array; distcode: Int32Array; lendyn: Int32Array; distdyn: Int32Array;
}
/** zlib's HEAD mode number, read from a freshly initialised state. */
let headMode = -1;

/**
 * inflateReset, field for field, except that it keeps the two dynamic code tables: pako's
 * inflateResetKeep allocates them anew (5.8 KB of Int32Array per call, slow in Chromium). Keeping
 * them is what zlib does (they live inside its state) and what pako itself does from one block
 * to the next: inflate_table rewrites every entry a lookup can reach before use.
 */
function rewindInflate(strm: ZStream): boolean {
  const st = strm.state as InflateFields | null;
  if (!st || st.strm !== strm || headMode < 0 || !(st.lendyn instanceof Int32Array) || !(st.distdyn instanceof Int32Array)) {
    return zlibInflate.inflateReset(strm) === Z_OK;
  }
  st.wsize = 0;
  st.whave = 0;
  st.wnext = 0;
  strm.total_in = strm.total_out = st.total = 0;
  strm.msg = '';
  if (st.wrap) strm.adler = st.wrap & 1;
  st.mode = headMode;
  st.last = 0;
  st.havedict = 0;
  st.flags = -1;
  st.dmax = 32768;
  st.head = null;
  st.hold = 0;
  st.bits = 0;
  st.lencode = st.lendyn;
  st.distcode = st.distdyn;
  st.sane = 1;
  st.back = -1;
  return true;
}

/**
 * The same steps as pako's Inflate.push(data, true) with windowBits 15, on one reused state: a
 * zlib header only, as Python's zlib.decompress (gzip data is refused, as Flask refuses it). Differences, none visible: output goes into one growing buffer
 * instead of 64 KB chunks joined at the end (inflate writes the same bytes either way, and its
 * distance checks count the window plus this call's output, which sum to the same), and the
 * state is rewound (rewindInflate) instead of being rebuilt. `view`: return a view into the
 * reused buffer, valid until the next call, instead of a copy.
 */
function inflateReused(data: Uint8Array, view: boolean): Uint8Array {
  if (inflater === null) {
    const s = new ZStream();
    if (zlibInflate.inflateInit2(s, 15) !== Z_OK) return inflateFresh(data);
    headMode = (s.state as InflateFields).mode;
    inflater = s;
  } else if (!rewindInflate(inflater)) {
    inflater = null;
    return inflateFresh(data);
  }
  const strm = inflater;
  attach(strm, data, inflated);
  try {
    for (;;) {
      if (strm.avail_out === 0) {
        // pako would start a new 64 KB chunk here; we grow the one buffer and go on writing
        const bigger = new Uint8Array(inflated.length * 2);
        bigger.set(inflated);
        inflated = bigger;
        strm.output = bigger;
        strm.avail_out = bigger.length - strm.next_out;
      }
      const status = zlibInflate.inflate(strm, Z_FINISH);
      if (status === Z_STREAM_ERROR || status === Z_DATA_ERROR || status === Z_NEED_DICT || status === Z_MEM_ERROR) {
        throw decompressError(status, strm.msg);
      }
      if ((status === Z_OK || status === Z_BUF_ERROR) && strm.avail_out === 0) continue;
      if (status === Z_STREAM_END) return view ? inflated.subarray(0, strm.next_out) : inflated.slice(0, strm.next_out);
      if (strm.avail_in === 0) throw decompressError(Z_BUF_ERROR, strm.msg); // ran out of input: truncated
    }
  } catch (e) {
    if (e instanceof InflateError) throw e;
    // Anything else is unexpected in the reused path: start over, the way pako would run it.
    inflater = null;
    return inflateFresh(data);
  } finally {
    strm.input = null;
    strm.output = null;
    if (inflated.length > 1 << 20) inflated = new Uint8Array(16384); // do not hold a huge buffer
  }
}

/**
 * zlib.decompress(data): needs a complete zlib stream (header, data, Adler-32). Bytes after the
 * end of the stream are ignored, as in Python. Throws on anything else.
 */
export function zlibDecompress(data: Uint8Array): Uint8Array {
  return inflateReused(data, false);
}

/** zlibDecompress for payloadText: a view into the reused buffer, valid until the next call. */
export function zlibDecompressView(data: Uint8Array): Uint8Array {
  return inflateReused(data, true);
}
