// Types for the pako 2.2.0 internals compression.ts reuses (the package ships no types for them).
declare module 'pako/lib/zlib/zstream.js' {
  export default class ZStream {
    input: Uint8Array | null;
    next_in: number;
    avail_in: number;
    output: Uint8Array | null;
    next_out: number;
    avail_out: number;
    /** last error message ('' when none) */
    msg: string;
    total_in: number;
    total_out: number;
    adler: number;
    /** the deflate or inflate state (internal fields) */
    state: unknown;
  }
}
declare module 'pako/lib/zlib/deflate.js' {
  import type ZStream from 'pako/lib/zlib/zstream.js';
  const api: {
    deflateInit2(strm: ZStream, level: number, method: number, windowBits: number, memLevel: number, strategy: number, legacyHash?: boolean): number;
    deflateReset(strm: ZStream): number;
    deflate(strm: ZStream, flush: number): number;
  };
  export default api;
}
declare module 'pako/lib/zlib/inflate.js' {
  import type ZStream from 'pako/lib/zlib/zstream.js';
  import type GZheader from 'pako/lib/zlib/gzheader.js';
  const api: {
    inflateInit2(strm: ZStream, windowBits: number): number;
    inflateReset(strm: ZStream): number;
    inflateGetHeader(strm: ZStream, head: GZheader): number;
    inflate(strm: ZStream, flush: number): number;
  };
  export default api;
}
declare module 'pako/lib/zlib/gzheader.js' {
  export default class GZheader {}
}
declare module 'pako/lib/deflate.js' {
  export { deflate } from 'pako';
}
declare module 'pako/lib/inflate.js' {
  export { Inflate } from 'pako';
}
