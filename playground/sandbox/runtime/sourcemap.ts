/**
 * Maps a position in sucrase's output back to the reader's source.
 *
 * Sucrase keeps line numbers but shifts columns (types removed, `exports.` added, a preamble on line
 * 1), and its source map has one segment per token: enough to land a stack-trace column on the right
 * token. Only the "mappings" field is needed, so this small decoder replaces a source-map library.
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One decoded segment: generated column → original line and column (all 0-based). */
type Segment = [genColumn: number, srcLine: number, srcColumn: number];

export class LineMap {
  private readonly lines: Segment[][];

  constructor(mappings: string) {
    this.lines = decodeMappings(mappings);
  }

  /** 1-based line and column in, 1-based out; null when the line has no mapping at all. */
  original(line: number, column: number): { line: number; column: number } | null {
    const segments = this.lines[line - 1];
    if (!segments || segments.length === 0) return null;
    let best = segments[0];
    for (const s of segments) {
      if (s[0] <= column - 1) best = s;
      else break;
    }
    // Inside a token the offset from the token start carries over.
    const inside = Math.max(0, column - 1 - best[0]);
    return { line: best[1] + 1, column: best[2] + inside + 1 };
  }
}

function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let srcLine = 0;
  let srcColumn = 0;
  for (const lineText of mappings.split(';')) {
    const segments: Segment[] = [];
    let genColumn = 0;
    if (lineText) {
      for (const segText of lineText.split(',')) {
        const fields = decodeVlq(segText);
        genColumn += fields[0] ?? 0;
        if (fields.length >= 4) {
          srcLine += fields[2];
          srcColumn += fields[3];
          segments.push([genColumn, srcLine, srcColumn]);
        }
      }
    }
    segments.sort((a, b) => a[0] - b[0]);
    lines.push(segments);
  }
  return lines;
}

function decodeVlq(text: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of text) {
    const digit = BASE64.indexOf(ch);
    if (digit < 0) break;
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}
