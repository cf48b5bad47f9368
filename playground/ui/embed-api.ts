/**
 * The message API between an embedded playground and the course page around it (version 1).
 *
 * Every message, both ways, is a plain object `{ source: 'session-lab', version: 1, type, ... }`.
 * The embed tells its parent what happened (ready, resize, response, checks, completed, rejected);
 * the parent may ask for three things (reset, set-code, request). The author guide documents both.
 *
 * Any page can frame us, so a host's message is untrusted data: it is checked field by field (shape,
 * types, sizes, no extra keys) and can only do what the reader could do with the mouse. Nothing it
 * sends is evaluated in this page (code goes to the sandbox, like the reader's typing), and no command
 * answers with the reader's code, cookies or saved work: events carry only what the host needs to
 * follow progress.
 *
 * Learning platforms listen for their own resize and completion messages; those go out as well, so an
 * embed in Canvas or OpenLearning resizes and reports without /embed.js.
 */

export const API_SOURCE = 'session-lab';
export const API_VERSION = 1;

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const;
export type Method = (typeof METHODS)[number];

/** Larger than any example (the biggest is under 3 KB) with room for a course's own code. */
export const MAX_CODE_CHARS = 100_000;
export const MAX_PATH_CHARS = 2_048;
export const MAX_BODY_CHARS = 65_536;
export const MAX_USER_CHARS = 40;

export type HostCommand =
  | { type: 'reset' }
  | { type: 'set-code'; code: string }
  | { type: 'request'; method: Method; path: string; body?: string; user?: string };

export type EmbedEvent =
  | { type: 'ready'; example: string; lang: 'es' | 'en' }
  | { type: 'resize'; height: number }
  | { type: 'response'; example: string; user: string; method: string; path: string; status: number | null }
  | { type: 'checks'; example: string; passed: number; total: number }
  | { type: 'completed'; example: string }
  | { type: 'rejected'; reason: string };

export type Envelope<T> = T & { source: typeof API_SOURCE; version: typeof API_VERSION };

/** Not ours (another protocol on the same channel): ignore without a word. */
export const NOT_OURS = null;

export type ReadResult = { ok: true; command: HostCommand } | { ok: false; reason: string } | typeof NOT_OURS;

const ALLOWED_KEYS: Record<HostCommand['type'], readonly string[]> = {
  reset: [],
  'set-code': ['code'],
  request: ['method', 'path', 'body', 'user'],
};
const ENVELOPE_KEYS = ['source', 'version', 'type'];

/** A plain object from structured clone: no class instance, no array, no inherited surprises. */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

// C0 controls and DEL: a path with them is not one a browser would send.
const CONTROL = /[\u0000-\u001f\u007f]/;

function checkPath(path: unknown): string | null {
  if (typeof path !== 'string') return 'path must be a string';
  if (path.length === 0 || path.length > MAX_PATH_CHARS) return `path must have 1 to ${MAX_PATH_CHARS} characters`;
  if (!path.startsWith('/') || path.startsWith('//')) return 'path must start with a single "/"';
  if (CONTROL.test(path)) return 'path must not contain control characters';
  return null;
}

/** Reads one message from the host: a valid command, a reason it was refused, or NOT_OURS. */
export function readCommand(data: unknown): ReadResult {
  if (!isPlainObject(data) || data.source !== API_SOURCE) return NOT_OURS;
  if (data.version !== API_VERSION) return { ok: false, reason: `unsupported version (this embed speaks version ${API_VERSION})` };
  const type = data.type;
  if (typeof type !== 'string' || !Object.hasOwn(ALLOWED_KEYS, type)) return { ok: false, reason: 'unknown type' };
  const allowed = ALLOWED_KEYS[type as HostCommand['type']];
  for (const key of Object.keys(data)) {
    if (!ENVELOPE_KEYS.includes(key) && !allowed.includes(key)) return { ok: false, reason: `unexpected field "${key.slice(0, 40)}"` };
  }
  switch (type) {
    case 'reset':
      return { ok: true, command: { type: 'reset' } };
    case 'set-code': {
      const code = data.code;
      if (typeof code !== 'string') return { ok: false, reason: 'code must be a string' };
      if (code.length > MAX_CODE_CHARS) return { ok: false, reason: `code is longer than ${MAX_CODE_CHARS} characters` };
      return { ok: true, command: { type: 'set-code', code } };
    }
    default: {
      const method = typeof data.method === 'string' ? data.method.toUpperCase() : data.method === undefined ? 'GET' : null;
      if (method === null || !(METHODS as readonly string[]).includes(method)) return { ok: false, reason: `method must be one of ${METHODS.join(', ')}` };
      const pathProblem = checkPath(data.path);
      if (pathProblem) return { ok: false, reason: pathProblem };
      const command: HostCommand = { type: 'request', method: method as Method, path: data.path as string };
      if (data.body !== undefined) {
        if (typeof data.body !== 'string' || data.body.length > MAX_BODY_CHARS) return { ok: false, reason: `body must be a string of at most ${MAX_BODY_CHARS} characters` };
        command.body = data.body;
      }
      if (data.user !== undefined) {
        if (typeof data.user !== 'string' || data.user.length === 0 || data.user.length > MAX_USER_CHARS) return { ok: false, reason: 'user must be a user\'s name' };
        command.user = data.user;
      }
      return { ok: true, command };
    }
  }
}

export function envelope<T extends EmbedEvent>(event: T): Envelope<T> {
  return { source: API_SOURCE, version: API_VERSION, ...event };
}

/**
 * The messages one event becomes: ours, plus what learning platforms already listen for
 * (Canvas and other LTI hosts: `lti.frameResize`; OpenLearning: `resize` and `complete`).
 */
export function wireMessages(event: EmbedEvent): unknown[] {
  const out: unknown[] = [envelope(event)];
  if (event.type === 'resize') {
    out.push({ subject: 'lti.frameResize', height: event.height });
    out.push({ action: 'resize', height: event.height });
    // What the embed posted before version 1; snippets copied from the old Embed dialog wait for it.
    out.push({ type: 'session-lab:height', height: event.height });
  }
  if (event.type === 'completed') out.push({ action: 'complete' });
  return out;
}
