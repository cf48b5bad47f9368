/**
 * Reads lz-string's URI-safe format (what `compressToEncodedURIComponent` writes for share links)
 * with a ceiling on the output. lz-string's own decompressor has none: a 60 KB link can expand to
 * hundreds of millions of characters before any size check sees it, freezing the tab that opened it.
 * Here the expansion stops as soon as the text passes `maxChars`.
 *
 * The format: a stream of variable-width codes (LSB first, 6 bits per input character). Codes 0 and
 * 1 bring a new 8- or 16-bit character into the dictionary, 2 ends the stream, any other code names a
 * dictionary entry; the code width grows by one bit each time the dictionary doubles.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE = new Map([...ALPHABET].map((ch, i) => [ch, i]));

export type Inflated = { ok: true; text: string } | { ok: false; reason: 'corrupt' | 'too large' };

export function decompressLinkBounded(input: string, maxChars: number): Inflated {
  // Some mail clients turn '+' into a space.
  const source = input.replace(/ /g, '+');
  const values = new Uint8Array(source.length);
  for (let i = 0; i < source.length; i++) {
    const v = VALUE.get(source[i]);
    if (v === undefined) return { ok: false, reason: 'corrupt' };
    values[i] = v;
  }
  let index = 0;
  let value = values[0] ?? 0;
  let mask = 32;
  index = 1;
  const read = (bits: number): number => {
    let out = 0;
    for (let power = 1, n = 0; n < bits; n++, power <<= 1) {
      if (value & mask) out |= power;
      mask >>= 1;
      if (mask === 0) {
        mask = 32;
        value = values[index++] ?? 0;
      }
    }
    return out;
  };

  const dictionary: string[] = ['', '', ''];
  let dictSize = 4;
  let width = 3;
  let enlargeIn = 4;
  const first = read(2);
  if (first === 2) return { ok: true, text: '' };
  if (first > 2) return { ok: false, reason: 'corrupt' };
  let w = String.fromCharCode(read(first === 0 ? 8 : 16));
  dictionary[3] = w;
  const parts = [w];
  let length = w.length;
  for (;;) {
    if (index > source.length) return { ok: false, reason: 'corrupt' };
    let code = read(width);
    if (code === 2) return { ok: true, text: parts.join('') };
    if (code === 0 || code === 1) {
      dictionary[dictSize] = String.fromCharCode(read(code === 0 ? 8 : 16));
      code = dictSize++;
      if (--enlargeIn === 0) enlargeIn = 2 ** width++;
    }
    let entry: string;
    if (code < dictSize && dictionary[code] !== undefined && code > 2) entry = dictionary[code];
    else if (code === dictSize) entry = w + w[0];
    else return { ok: false, reason: 'corrupt' };
    length += entry.length;
    if (length > maxChars) return { ok: false, reason: 'too large' };
    parts.push(entry);
    dictionary[dictSize++] = w + entry[0];
    w = entry;
    if (--enlargeIn === 0) enlargeIn = 2 ** width++;
  }
}
