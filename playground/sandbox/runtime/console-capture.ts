/**
 * A console for the reader's code that writes into a list the page can show, like a server log.
 * Capped so a `console.log` in a loop cannot grow the reply without bound.
 */

export interface LogCapture {
  console: Console;
  /** Takes the lines logged since the last call. */
  take(): string[];
  push(line: string): void;
}

export function createLogCapture(maxLines = 200, maxLineLength = 2000): LogCapture {
  let lines: string[] = [];
  let dropped = 0;

  const push = (line: string) => {
    if (lines.length >= maxLines) {
      dropped++;
      return;
    }
    lines.push(line.length > maxLineLength ? `${line.slice(0, maxLineLength)}… (${line.length - maxLineLength} more characters)` : line);
  };

  const level = (prefix: string) => (...args: unknown[]) => push(prefix + args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' '));
  const log = level('');
  const con = {
    log,
    info: log,
    debug: log,
    trace: log,
    dir: (v: unknown) => push(inspect(v)),
    table: (v: unknown) => push(inspect(v)),
    warn: level('[warn] '),
    error: level('[error] '),
    assert: (ok: unknown, ...args: unknown[]) => {
      if (!ok) level('[assert] ')(...(args.length ? args : ['Assertion failed']));
    },
    group: log,
    groupCollapsed: log,
    groupEnd: () => {},
    time: () => {},
    timeEnd: () => {},
    timeLog: () => {},
    count: () => {},
    countReset: () => {},
    clear: () => {},
  } as unknown as Console;

  return {
    console: con,
    push,
    take() {
      const out = lines;
      if (dropped) out.push(`… ${dropped} more log lines not shown`);
      lines = [];
      dropped = 0;
      return out;
    },
  };
}

/** A short, safe rendering of any value (cycles, getters that throw, huge arrays). */
export function inspect(value: unknown, depth = 0, seen: Set<object> = new Set()): string {
  try {
    switch (typeof value) {
      case 'string':
        return depth === 0 ? value : JSON.stringify(value);
      case 'number':
      case 'boolean':
      case 'undefined':
        return String(value);
      case 'bigint':
        return `${value}n`;
      case 'symbol':
        return value.toString();
      case 'function':
        return `[Function ${value.name || '(anonymous)'}]`;
    }
    if (value === null) return 'null';
    const obj = value as object;
    if (obj instanceof Error) return `${obj.name}: ${obj.message}`;
    if (seen.has(obj)) return '[Circular]';
    if (depth > 3) return Array.isArray(obj) ? '[Array]' : '[Object]';
    seen.add(obj);
    try {
      if (Array.isArray(obj)) {
        const items = obj.slice(0, 50).map((v) => inspect(v, depth + 1, seen));
        if (obj.length > 50) items.push(`… ${obj.length - 50} more`);
        return `[ ${items.join(', ')} ]`;
      }
      if (obj instanceof Map) {
        return `Map(${obj.size}) { ${[...obj].slice(0, 50).map(([k, v]) => `${inspect(k, depth + 1, seen)} => ${inspect(v, depth + 1, seen)}`).join(', ')} }`;
      }
      if (obj instanceof Set) return `Set(${obj.size}) { ${[...obj].slice(0, 50).map((v) => inspect(v, depth + 1, seen)).join(', ')} }`;
      if (obj instanceof Date) return obj.toISOString();
      const keys = Object.keys(obj);
      const parts = keys.slice(0, 50).map((k) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${inspect((obj as Record<string, unknown>)[k], depth + 1, seen)}`);
      if (keys.length > 50) parts.push(`… ${keys.length - 50} more`);
      const ctor = (Object.getPrototypeOf(obj) as { constructor?: { name?: string } } | null)?.constructor?.name;
      const prefix = ctor && ctor !== 'Object' ? `${ctor} ` : '';
      return parts.length ? `${prefix}{ ${parts.join(', ')} }` : `${prefix}{}`;
    } finally {
      seen.delete(obj);
    }
  } catch {
    return '[unprintable]';
  }
}
