/**
 * A stand-in for the engine's session middleware (playground/engine/index.ts), so the sandbox can be
 * tested on its own: an unsigned base64 JSON cookie, Flask's save rules reduced to "modified → set".
 * It follows the same signatures: withSession(request, env), saveSession(response, request, env),
 * flaskResponse(response), BadPayloadError.
 */
export class BadPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadPayload';
  }
}

interface Env {
  config: { cookieName?: string };
  now: number;
  trace?: (t: unknown) => void;
}

class StubSession {
  [key: string]: unknown;
  declare modified: boolean;
  constructor(data: Record<string, unknown>) {
    Object.assign(this, data);
    Object.defineProperty(this, 'modified', { value: false, writable: true, enumerable: false });
  }
  pop(key: string, fallback?: unknown) {
    if (!(key in this)) return fallback;
    const v = this[key];
    delete this[key];
    this.modified = true;
    return v;
  }
}

const cookieName = (env: Env) => env.config.cookieName ?? 'session';

export function withSession(request: Request & { session?: unknown }, env: Env) {
  const cookie = request.headers.get('cookie') ?? '';
  const m = new RegExp(`(?:^|;\\s*)${cookieName(env)}=([^;]*)`).exec(cookie);
  let data: Record<string, unknown> = {};
  if (m) {
    if (m[1] === 'bad-payload') throw new BadPayloadError('Could not load the payload because an exception occurred on unserializing the data.');
    try {
      data = JSON.parse(atob(m[1]));
    } catch {
      data = {};
    }
  }
  const session = new StubSession(data);
  request.session = new Proxy(session, {
    set(t, k, v) {
      (t as unknown as Record<PropertyKey, unknown>)[k] = v;
      if (k !== 'modified') t.modified = true;
      return true;
    },
  });
  env.trace?.({ opened: data, at: env.now });
}

export function flaskResponse(response: unknown): unknown {
  if (response instanceof Response) return response;
  if (response === undefined) return new Response('Not Found', { status: 404, statusText: 'NOT FOUND', headers: { 'content-type': 'text/html; charset=utf-8' } });
  if (typeof response === 'string') return new Response(response, { headers: { 'content-type': 'text/html; charset=utf-8' } });
  if (typeof response === 'object' && response !== null) return Response.json(response);
  return response;
}

export function saveSession(response: unknown, request: { session?: StubSession }, env: Env): unknown {
  const session = request.session;
  if (!session || !(response instanceof Response)) return response;
  if (session.modified) {
    const value = btoa(JSON.stringify({ ...session }));
    response.headers.append('Set-Cookie', `${cookieName(env)}=${value}; HttpOnly; Path=/`);
    response.headers.append('Vary', 'Cookie');
  }
  env.trace?.({ saved: { ...session }, modified: session.modified });
  return response;
}
