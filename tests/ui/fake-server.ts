/**
 * A stand-in for the sandboxed server in Node tests: the seed example's three routes with a toy
 * signed session (base64url JSON + timestamp + a keyed checksum). It is NOT Flask's format; it only
 * needs the properties the interface relies on: readable payload, signature tied to SECRET_KEY,
 * Set-Cookie only when the session changed, deletion with an expired cookie.
 */
import type { WireRequest } from '../../playground/engine/wire.ts';
import type { LoadReply, ServerPort, ServerReply } from '../../playground/ui/model.ts';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url').toString('utf8');

function checksum(key: string, text: string): string {
  let h = 2166136261;
  for (const ch of key + '|' + text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h.toString(36);
}

export function makeCookie(data: Record<string, unknown>, key: string, now: number): string {
  const payload = b64(JSON.stringify(data));
  const ts = b64(String(now));
  return `${payload}.${ts}.${checksum(key, `${payload}.${ts}`)}`;
}

/** Reads the payload without the key, as the real inspector does. */
export function readPayload(value: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(unb64(value.split('.')[0])) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function openSession(value: string | undefined, keys: string[]): Record<string, unknown> {
  if (!value) return {};
  const [payload, ts, sig] = value.split('.');
  if (!keys.some((k) => checksum(k, `${payload}.${ts}`) === sig)) return {};
  return readPayload(value) ?? {};
}

export interface FakeServerOptions {
  /** Makes every request time out, as an infinite loop would. */
  hang?: boolean;
  /** What the next load() answers. */
  loadResult?: LoadReply;
  /** Change the seed's answers (a buggy version for the check tests). */
  variant?: 'seed' | 'never-stores';
}

export class FakeServer implements ServerPort {
  requests: { req: WireRequest; seen: Record<string, unknown> }[] = [];
  loads: string[] = [];
  options: FakeServerOptions;
  constructor(options: FakeServerOptions = {}) {
    this.options = options;
  }

  async load(code: string): Promise<LoadReply> {
    this.loads.push(code);
    return this.options.loadResult ?? { ok: true, routes: [{ method: 'GET', path: '/' }, { method: 'GET', path: '/perfil' }, { method: 'GET', path: '/logout' }], logs: [] };
  }

  async request(req: WireRequest, env: { config: Record<string, unknown>; now: number }): Promise<ServerReply> {
    const url = new URL(req.url);
    if (this.options.hang) return { ok: false, error: { kind: 'timeout', message: 'stopped after 2000 ms', method: req.method, path: url.pathname } };
    const name = String(env.config.SESSION_COOKIE_NAME ?? 'session');
    const key = String(env.config.SECRET_KEY);
    const fallbacks = (env.config.SECRET_KEY_FALLBACKS as string[] | undefined) ?? [];
    const cookieHeader = req.headers.find(([n]) => n.toLowerCase() === 'cookie')?.[1] ?? '';
    const sent = cookieHeader.split('; ').find((p) => p.startsWith(`${name}=`))?.slice(name.length + 1);
    const session = openSession(sent, [key, ...fallbacks]);
    this.requests.push({ req, seen: { ...session } });
    let body = 'Not Found';
    let status = 404;
    let modified = false;
    if (url.pathname === '/') {
      status = 200;
      body = 'Datos almacenados en la sesión.';
      if (this.options.variant !== 'never-stores') {
        session.username = 'ejemplo_usuario';
        modified = true;
      }
    } else if (url.pathname === '/perfil') {
      status = 200;
      body = 'username' in session ? `Bienvenido, ${String(session.username)}!` : 'No has iniciado sesión.';
    } else if (url.pathname === '/logout') {
      status = 200;
      body = 'Has cerrado sesión.';
      if ('username' in session) {
        delete session.username;
        modified = true;
      }
    }
    const headers: [string, string][] = [['Content-Type', 'text/html; charset=utf-8']];
    if (modified) {
      if (Object.keys(session).length === 0) {
        headers.push(['Set-Cookie', `${name}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/`]);
      } else {
        headers.push(['Set-Cookie', `${name}=${makeCookie(session, key, env.now)}; HttpOnly; Path=/`]);
      }
    }
    return { ok: true, response: { status, statusText: status === 200 ? 'OK' : 'NOT FOUND', headers, body }, logs: [] };
  }
}

export class MemoryStore {
  map = new Map<string, string>();
  getItem(k: string) {
    return this.map.has(k) ? this.map.get(k)! : null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

export const SEED = {
  id: 'seed',
  title: 'Seed',
  code: 'router.get("/", …)',
  config: { SECRET_KEY: 'tu_clave_secreta_aqui' },
  users: ['Ana', 'Bruno'],
  startPath: '/',
  checks: [],
};
