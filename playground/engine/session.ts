/**
 * Flask's SecureCookieSession (flask/sessions.py) for JavaScript route code. It behaves like the
 * Python dict the reader sees in Flask, through a Proxy:
 *
 *   session['user'] = 'ana'     modified + accessed       (CallbackDict.__setitem__ → on_update)
 *   session['user']             accessed                  (SecureCookieSession.__getitem__)
 *   session.get(k, d)           accessed                  (.get; the default is null, Python's None)
 *   session.setdefault(k, d)    accessed; modified only if k was missing
 *   'user' in session           nothing marked            (dict.__contains__ is not overridden)
 *
 * That table is Flask 2.2's. Flask 3.1.3 marks the session accessed on ANY use through the
 * `session` proxy (RequestContext.session sets it), so `in`, size, keys(), iteration, a pop that
 * finds nothing and the flags count too: createSession(..., { anyUseIsAccess: true }).
 *   delete session['k']         modified + accessed when k existed
 *   session.pop(k[, d])         modified + accessed when k existed; KeyError without default, like Python
 *   session.update(o), session.clear()   always modified + accessed, even when nothing changes
 *   session.keys()/values()/items(), for..of, size, toJSON()   nothing marked (2.2)
 *   session.permanent           the '_permanent' key; reading it uses .get (accessed), setting marks modified
 *   session.modified / session.accessed   flags, settable (`session.modified = true` as in Flask)
 *   session.new                 always false: Flask's SecureCookieSession cannot tell, so it hard-codes False
 *
 * Changing a nested value in place (`session.cart.push(x)`) does NOT mark the session modified:
 * the classic Flask surprise. Set `session.modified = true` or reassign the key.
 *
 * JavaScript-only differences, on purpose: reading a missing key with `session[k]` gives
 * undefined (Python raises KeyError); `delete` of a missing key does nothing. The method and flag
 * names below win over session keys of the same name: read such keys with `session.get('keys')`
 * and write them with `session.update({ keys: 1 })`.
 */

export const NULL_SESSION_MESSAGE =
  'The session is unavailable because no secret key was set.  Set the secret_key on the application to something unique and secret.';

/** Flask's NullSession raises RuntimeError with this message on every write. */
export class NullSessionError extends Error {
  constructor() {
    super(NULL_SESSION_MESSAGE);
    this.name = 'RuntimeError';
  }
}

/** Python's KeyError, e.g. from session.pop('missing'). */
export class KeyError extends Error {
  constructor(key: unknown) {
    super(typeof key === 'string' ? `'${key}'` : String(key));
    this.name = 'KeyError';
  }
}

/** What reader code sees. The index signature lets `session['user']` type-check as in Python. */
export interface Session {
  [key: string]: any;
  get(key: string, defaultValue?: unknown): any;
  pop(key: string, defaultValue?: unknown): any;
  popitem(): [string, any];
  setdefault(key: string, defaultValue?: unknown): any;
  update(values: Record<string, unknown> | Map<string, unknown> | Iterable<[string, unknown]>): void;
  clear(): void;
  keys(): string[];
  values(): any[];
  items(): [string, any][];
  copy(): Record<string, any>;
  toJSON(): Record<string, any>;
  readonly size: number;
  permanent: boolean;
  modified: boolean;
  accessed: boolean;
  readonly new: boolean;
  [Symbol.iterator](): IterableIterator<string>;
}

/** The state behind a Session proxy, for the session interface and the UI (reading it marks nothing). */
export interface SessionState {
  readonly data: Map<string, unknown>;
  modified: boolean;
  accessed: boolean;
  /** A NullSession (no SECRET_KEY): readable, every write throws, never saved. */
  readonly isNull: boolean;
  /** Both versions' notions, kept in either mode so the trace can say when they disagree. */
  readonly seen: { keyAccess: boolean; anyUse: boolean };
}

const states = new WeakMap<object, SessionState>();

/** The internal state of a session made by createSession, or undefined for anything else. */
export function sessionState(session: unknown): SessionState | undefined {
  return typeof session === 'object' && session !== null ? states.get(session) : undefined;
}

const METHOD_NAMES = new Set([
  'get', 'pop', 'popitem', 'setdefault', 'update', 'clear', 'keys', 'values', 'items', 'copy', 'toJSON', 'size',
  'permanent', 'modified', 'accessed', 'new', 'then', 'constructor', 'toString', 'valueOf', 'inspect',
]);

function toEntries(values: unknown): [string, unknown][] {
  if (values instanceof Map) return [...values.entries()];
  if (values && typeof values === 'object' && !Array.isArray(values) && !(Symbol.iterator in values)) {
    return Object.keys(values).map((k) => [k, (values as Record<string, unknown>)[k]]);
  }
  if (values && typeof values === 'object' && Symbol.iterator in values) {
    return Array.from(values as Iterable<[string, unknown]>, (pair) => [pair[0], pair[1]]);
  }
  throw new TypeError('update() needs an object, a Map or [key, value] pairs');
}

function plainCopy(data: Map<string, unknown>): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  for (const [k, v] of data) {
    if (k === '__proto__') Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
    else obj[k] = v;
  }
  return obj;
}

/** SecureCookieSession(initial), or NullSession with `{ isNull: true }`. */
export function createSession(
  initial?: Map<string, unknown> | Record<string, unknown> | null,
  options: { isNull?: boolean; anyUseIsAccess?: boolean } = {},
): Session {
  const anyUse = options.anyUseIsAccess === true;
  const state: SessionState = {
    data: initial ? new Map(toEntries(initial)) : new Map(),
    modified: false,
    accessed: false,
    isNull: options.isNull === true,
    seen: { keyAccess: false, anyUse: false },
  };
  const { data } = state;
  /** Flask 2.2's accessed: reading or writing keys (always counted, in 3.1 too). */
  const keyAccess = () => {
    state.accessed = true;
    state.seen.keyAccess = true;
  };
  /** Flask 3.1.3's accessed: any use of the session object. */
  const use = () => {
    state.seen.anyUse = true;
    if (anyUse) state.accessed = true;
  };
  const changed = () => {
    state.modified = true;
    keyAccess();
  };
  const guard = () => {
    if (state.isNull) throw new NullSessionError();
  };
  const methods = {
    get(key: string, defaultValue: unknown = null) {
      keyAccess();
      return data.has(key) ? data.get(key) : defaultValue;
    },
    pop(key: string, ...rest: unknown[]) {
      guard();
      if (data.has(key)) {
        const v = data.get(key);
        data.delete(key);
        changed();
        return v;
      }
      if (rest.length) return rest[0];
      throw new KeyError(key);
    },
    popitem(): [string, unknown] {
      guard();
      const last = [...data.keys()].pop();
      if (last === undefined) throw new KeyError('popitem(): dictionary is empty');
      const v = data.get(last);
      data.delete(last);
      changed();
      return [last, v];
    },
    setdefault(key: string, defaultValue: unknown = null) {
      guard();
      keyAccess();
      if (!data.has(key)) {
        data.set(key, defaultValue);
        changed();
      }
      return data.get(key);
    },
    update(values: unknown) {
      guard();
      for (const [k, v] of toEntries(values)) data.set(String(k), v);
      changed();
    },
    clear() {
      guard();
      data.clear();
      changed();
    },
    keys: () => [...data.keys()],
    values: () => [...data.values()],
    items: () => [...data.entries()],
    copy: () => plainCopy(data),
    toJSON: () => plainCopy(data),
    toString: () => '[object Session]',
    valueOf: () => proxy,
  };
  const target = Object.create(null) as object;
  const proxy: Session = new Proxy(target, {
    get(_t, prop) {
      if (prop === Symbol.iterator) {
        use();
        return () => data.keys();
      }
      if (prop === Symbol.toStringTag) return 'Session';
      if (typeof prop === 'symbol') return undefined;
      // probes by await / console / test tools are not the reader using the session
      if (prop !== 'then' && prop !== 'constructor' && prop !== 'inspect') use();
      switch (prop) {
        case 'size':
          return data.size;
        case 'permanent':
          keyAccess(); // SessionMixin.permanent reads through self.get()
          return data.has('_permanent') ? data.get('_permanent') : false;
        case 'modified':
          return state.modified;
        case 'accessed':
          return state.accessed;
        case 'new':
          return false;
        case 'then':
        case 'constructor':
        case 'inspect':
          return undefined; // probes by await / console / test tools: not session reads
      }
      if (Object.hasOwn(methods, prop)) return methods[prop as keyof typeof methods];
      keyAccess();
      return data.get(prop);
    },
    set(_t, prop, value) {
      if (typeof prop === 'symbol') return false;
      use(); // before the flags below, so `session.accessed = false` still wins
      if (prop === 'modified') {
        state.modified = Boolean(value);
        return true;
      }
      if (prop === 'accessed') {
        state.accessed = Boolean(value);
        return true;
      }
      guard();
      if (prop === 'permanent') {
        data.set('_permanent', Boolean(value));
        changed();
        return true;
      }
      if (METHOD_NAMES.has(prop)) {
        throw new TypeError(`'${prop}' is a session method or flag; store such a key with session.update({ ${prop}: ... })`);
      }
      data.set(prop, value);
      changed();
      return true;
    },
    has(_t, prop) {
      use();
      return typeof prop === 'string' && data.has(prop);
    },
    deleteProperty(_t, prop) {
      if (typeof prop === 'symbol') return true;
      use();
      guard();
      if (data.delete(prop)) changed();
      return true;
    },
    ownKeys() {
      use();
      return [...data.keys()];
    },
    getOwnPropertyDescriptor(_t, prop) {
      if (typeof prop !== 'string' || !data.has(prop)) return undefined;
      return { value: data.get(prop), writable: true, enumerable: true, configurable: true };
    },
    defineProperty() {
      throw new TypeError('use session[key] = value');
    },
  }) as Session;
  states.set(proxy, state);
  return proxy;
}
