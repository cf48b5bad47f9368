/**
 * Values a decoded session can hold that JavaScript cannot keep exactly, and what saving the
 * session again would change. Python has int and float, JavaScript one Number; a Python datetime
 * keeps its UTC offset, a Date only the instant; a Python dict can have non-str keys, the engine's
 * dicts cannot. The cookie panel lists these (in the page's language) beside the decoded session.
 */

const offsets = new WeakMap<Date, number>();

/** Notes the UTC offset Python kept for a date read from a cookie (non-zero offsets only). */
export function rememberOffset(date: Date, offsetSeconds: number): void {
  offsets.set(date, offsetSeconds);
}

/** The UTC offset in seconds Python gave this date when it was read (0 for UTC or unknown). */
export function dateOffset(date: Date): number {
  return offsets.get(date) ?? 0;
}

export type JsLossKind = 'integral-float' | 'datetime-offset' | 'non-string-key';

export interface JsLoss {
  kind: JsLossKind;
  /** Where in the session, e.g. "cart.price" or "[0]". */
  where: string;
  /** What Python had, written as Python writes it. */
  python: string;
  es: string;
  en: string;
}

const TEXT: Record<JsLossKind, { es: (p: string) => string; en: (p: string) => string }> = {
  'integral-float': {
    es: (p) => `Python tenía el float ${p}; JavaScript solo guarda el número, y al guardar la sesión se escribirá como entero (sin ".0").`,
    en: (p) => `Python had the float ${p}; JavaScript keeps only the number, so saving the session writes it as an int (without ".0").`,
  },
  'datetime-offset': {
    es: (p) => `Python tenía la fecha con su desfase horario (${p}); un Date de JavaScript guarda solo el instante, y al guardar se escribirá en GMT.`,
    en: (p) => `Python had the date with its UTC offset (${p}); a JavaScript Date keeps only the instant, so saving writes it in GMT.`,
  },
  'non-string-key': {
    es: (p) => `Python tenía una clave que no es str (${p}); aquí las claves son texto, y al guardar la sesión la clave se escribirá como texto.`,
    en: (p) => `Python had a key that is not a str (${p}); keys are text here, so saving the session writes the key as text.`,
  },
};

function loss(kind: JsLossKind, where: string, python: string): JsLoss {
  return { kind, where, python, es: TEXT[kind].es(python), en: TEXT[kind].en(python) };
}

/** Number literals in JSON text (outside strings) that Python reads as a float with an integral value. */
function integralFloats(json: string): string[] {
  const found: string[] = [];
  const n = json.length;
  for (let i = 0; i < n; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x22) {
      // skip a string, escapes included
      for (i++; i < n && json.charCodeAt(i) !== 0x22; i++) if (json.charCodeAt(i) === 0x5c) i++;
      continue;
    }
    if (c !== 0x2d && (c < 0x30 || c > 0x39)) continue;
    let j = i + 1;
    while (j < n && /[0-9.eE+-]/.test(json[j])) j++;
    const token = json.slice(i, j);
    i = j - 1;
    if (!/[.eE]/.test(token)) continue;
    const x = Number(token);
    // -0.0 is kept (written back as -0.0); inf and nan are kept as JavaScript's Infinity and NaN
    if (Number.isFinite(x) && Number.isInteger(x) && !Object.is(x, -0)) found.push(token);
  }
  return found;
}

function offsetText(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const a = Math.abs(seconds);
  return `UTC${sign}${String(Math.floor(a / 3600)).padStart(2, '0')}:${String(Math.floor(a / 60) % 60).padStart(2, '0')}`;
}

function walkDates(v: unknown, where: string, out: JsLoss[], seen: Set<object>): void {
  if (v === null || typeof v !== 'object' || seen.has(v)) return;
  seen.add(v);
  if (v instanceof Date) {
    const off = offsets.get(v);
    if (off) out.push(loss('datetime-offset', where || '(top)', offsetText(off)));
    return;
  }
  const entries: [unknown, unknown][] = v instanceof Map ? [...v] : Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
  for (const [k, x] of entries) walkDates(x, typeof k === 'number' ? `${where}[${k}]` : where ? `${where}.${String(k)}` : String(k), out, seen);
}

/**
 * What will change if this decoded session is saved again. `json` is the payload's JSON text (the
 * number literals are only there), `data` the decoded value (dates, keys).
 */
export function jsCannotKeep(json: string, data: unknown): JsLoss[] {
  const out: JsLoss[] = integralFloats(json).map((t) => loss('integral-float', '', t));
  walkDates(data, '', out, new Set());
  const pairs = Array.isArray(data) ? data : data instanceof Map ? [...data] : [];
  for (const item of pairs) {
    const key = Array.isArray(item) ? item[0] : undefined;
    if (key !== undefined && typeof key !== 'string') out.push(loss('non-string-key', '', JSON.stringify(key) ?? String(key)));
  }
  return out;
}
