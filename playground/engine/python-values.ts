/**
 * JavaScript stand-ins for the Python values Flask's session serializer knows besides JSON:
 * tuple, uuid.UUID and markupsafe.Markup. (bytes is Uint8Array, datetime is Date.)
 */

/**
 * A Python tuple. It is an Array, so reader code can index and iterate it, but the serializer
 * writes it with Flask's " t" tag and reads it back as a Tuple, never as a list.
 * `Tuple.from([1, 2])` and `Tuple.of(1, 2)` both work (Array's statics create the subclass).
 */
export class Tuple<T = unknown> extends Array<T> {
  /** Array methods that build a new array (map, filter, slice) use plain arrays, like Python does for list results. */
  static get [Symbol.species]() {
    return Array;
  }
}

const HEX32 = /^[0-9a-f]{32}$/;

/** uuid.UUID: built from the dashed form or 32 hex digits (also `{...}` and `urn:uuid:`, like Python). */
export class UUID {
  /** 32 lowercase hex digits, like Python's `UUID.hex` (what Flask's " u" tag stores). */
  readonly hex: string;

  constructor(text: string) {
    if (typeof text !== 'string') throw new TypeError('UUID() needs a string');
    const hex = text.replace('urn:', '').replace('uuid:', '').replace(/^\{+|\}+$/g, '').replaceAll('-', '').toLowerCase();
    if (!HEX32.test(hex)) throw new RangeError('badly formed hexadecimal UUID string');
    this.hex = hex;
  }

  /** str(uuid): 8-4-4-4-12 lowercase. */
  toString(): string {
    const h = this.hex;
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  toJSON(): string {
    return this.toString();
  }

  equals(other: unknown): boolean {
    return other instanceof UUID && other.hex === this.hex;
  }
}

/** markupsafe.Markup: a string marked safe for HTML. Flask's " m" tag keeps it a Markup. */
export class Markup {
  readonly value: string;

  constructor(value: unknown) {
    this.value = String(value);
  }

  __html__(): string {
    return this.value;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}

// A JS object lists keys like "10" and "9" first, in numeric order; a Python dict keeps insertion
// order. Objects read from a cookie remember the cookie's order here, for repr() and the panels.
const keyOrders = new WeakMap<object, string[]>();

export function rememberKeyOrder(obj: object, keys: string[]): void {
  keyOrders.set(obj, keys);
}

/** A dict's keys in Python's order: the remembered order (keys still there), then any added since. */
export function pythonKeys(obj: object): string[] {
  const own = Object.keys(obj);
  const order = keyOrders.get(obj);
  if (!order) return own;
  const kept = order.filter((k) => Object.hasOwn(obj, k));
  const seen = new Set(kept);
  return kept.concat(own.filter((k) => !seen.has(k)));
}
