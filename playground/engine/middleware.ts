/**
 * Flask's request cycle as itty-router v5 stages:
 *
 *   const router = Router<SessionRequest, [FlaskEnv]>({ before: [withSession], finally: [flaskResponse, saveSession] });
 *   router.get('/', ({ session }) => { session['username'] = 'ana'; return 'ok'; });
 *   const response = await router.fetch(request, env);
 *
 * withSession runs open_session, flaskResponse turns what the route returned into a Response the
 * way Flask's make_response does, saveSession runs save_session and adds Set-Cookie / Vary.
 * When a route throws, the caller builds the 500 (internalServerError()) and still calls
 * saveSession(response500, request, env): Flask saves the session on error responses too.
 */
import type { IRequest } from 'itty-router';
import { objectFromEntries, pythonJsonDumps } from './python-json.ts';
import { Markup, UUID } from './python-values.ts';
import { type Session, sessionState } from './session.ts';
import { formatHttpDate } from './cookies/http-date.ts';
import type { VersionRuleId } from './flask-versions.ts';
import { BadPayloadError, type SessionConfig, type SessionTrace, openSession, saveSessionHeaders } from './session-interface.ts';

export interface FlaskEnv {
  config: SessionConfig;
  /** UNIX seconds (the virtual clock). */
  now: number;
  trace?: (t: SessionTrace) => void;
}

export type SessionRequest = IRequest & { session: Session };

const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'CREATED', 202: 'ACCEPTED', 204: 'NO CONTENT', 301: 'MOVED PERMANENTLY', 302: 'FOUND', 303: 'SEE OTHER',
  304: 'NOT MODIFIED', 307: 'TEMPORARY REDIRECT', 308: 'PERMANENT REDIRECT', 400: 'BAD REQUEST', 401: 'UNAUTHORIZED',
  403: 'FORBIDDEN', 404: 'NOT FOUND', 405: 'METHOD NOT ALLOWED', 409: 'CONFLICT', 418: "I'M A TEAPOT", 422: 'UNPROCESSABLE ENTITY',
  429: 'TOO MANY REQUESTS', 500: 'INTERNAL SERVER ERROR', 503: 'SERVICE UNAVAILABLE',
};

const HTML = 'text/html; charset=utf-8';

function werkzeugErrorPage(code: number, name: string, description: string): string {
  return `<!doctype html>\n<html lang=en>\n<title>${code} ${name}</title>\n<h1>${name}</h1>\n<p>${description}</p>\n`;
}

function make(body: BodyInit | null, status: number, contentType: string): Response {
  return new Response(body, { status, statusText: STATUS_TEXT[status] ?? '', headers: { 'Content-Type': contentType } });
}

/** Werkzeug's NotFound page, what Flask sends when no route matched. */
export function notFound(): Response {
  return make(
    werkzeugErrorPage(404, 'Not Found', 'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.'),
    404,
    HTML,
  );
}

/** Werkzeug's InternalServerError page, what Flask sends when a view raises. */
export function internalServerError(): Response {
  return make(
    werkzeugErrorPage(500, 'Internal Server Error', 'The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.'),
    500,
    HTML,
  );
}

// Requests whose open_session failed: their trace was already reported by withSession.
const openFailures = new WeakSet<object>();

/**
 * before stage: open_session, from the request's Cookie header. Throws BadPayloadError (→ 500),
 * after reporting the trace: nothing is saved for such a request, and the panel can still say why
 * (and which version rule made it a 500).
 */
export function withSession(request: IRequest, env: FlaskEnv): void {
  try {
    const { session } = openSession(request.headers.get('cookie'), env.config, env.now);
    (request as SessionRequest).session = session;
  } catch (e) {
    if (e instanceof BadPayloadError) {
      openFailures.add(request);
      const rules: VersionRuleId[] = [...e.versionRules];
      const opened = { cookie: request.headers.get('cookie'), result: 'bad-payload' as const, detail: e.message, versionRules: rules };
      env.trace?.({ opened, flags: { new: true, modified: false, accessed: false, permanent: false }, action: 'none', why: 'no-session', vary: false, versionRules: rules });
    }
    throw e;
  }
}

/** DefaultJSONProvider.default: dates as HTTP dates, UUID and Markup as str, tuples as lists. */
function forJsonify(v: unknown): unknown {
  if (v instanceof Date) return formatHttpDate(Math.floor(v.getTime() / 1000));
  if (v instanceof UUID || v instanceof Markup) return v.toString();
  const state = sessionState(v);
  if (state) return forJsonify(state.data);
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, forJsonify(x)]));
  if (Array.isArray(v)) return Array.from(v, forJsonify);
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return objectFromEntries(Object.entries(v).map(([k, x]) => [k, forJsonify(x)]));
  }
  return v;
}

function isHeadersLike(v: unknown): v is HeadersInit {
  return v instanceof Headers || Array.isArray(v) || (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype);
}

function bodyResponse(body: unknown, status = 200): Response {
  if (body instanceof Response) return body;
  if (typeof body === 'string') return make(body, status, HTML);
  if (body instanceof Uint8Array) return make(body as unknown as BodyInit, status, HTML);
  // dict / list → jsonify: Flask's JSON provider (sorted keys, ASCII only, compact) plus a newline
  return make(pythonJsonDumps(forJsonify(body)) + '\n', status, 'application/json');
}

/**
 * make_response. string → 200 text/html; Response → as is; object/array → JSON;
 * [body, status], [body, headers] or [body, status, headers] → Flask's tuple returns (an array of
 * 2 or 3 items whose second item is a status number or a headers object); null/undefined → 404.
 */
export function flaskResponse(response: unknown): Response {
  if (response === undefined || response === null) return notFound();
  if (response instanceof Response) return response;
  if (Array.isArray(response) && (response.length === 2 || response.length === 3)) {
    const [body, second, third] = response as unknown[];
    const statusGiven = typeof second === 'number' && Number.isInteger(second) && second >= 100 && second <= 599;
    const headersGiven = response.length === 2 ? !statusGiven && isHeadersLike(second) && !Array.isArray(second) : statusGiven && isHeadersLike(third);
    if (statusGiven || headersGiven) {
      const base = bodyResponse(body, statusGiven ? (second as number) : 200);
      const res = statusGiven && base.status !== second ? new Response(base.body, { status: second as number, statusText: STATUS_TEXT[second as number] ?? '', headers: base.headers }) : base;
      const extra = headersGiven ? new Headers((response.length === 2 ? second : third) as HeadersInit) : null;
      extra?.forEach((v, k) => res.headers.set(k, v));
      return res;
    }
  }
  return bodyResponse(response);
}

function addVaryCookie(headers: Headers): void {
  const current = headers.get('vary');
  if (!current) headers.set('Vary', 'Cookie');
  else if (!current.split(',').some((v) => v.trim().toLowerCase() === 'cookie')) headers.set('Vary', `${current}, Cookie`);
}

function mutable(response: Response): Response {
  // Responses from fetch() or Response.redirect() have immutable headers: copy them.
  try {
    response.headers.set('X-Session-Lab-Probe', '1');
    response.headers.delete('X-Session-Lab-Probe');
    return response;
  } catch {
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers: new Headers(response.headers) });
  }
}

/**
 * finally stage: save_session. Appends Set-Cookie and Vary: Cookie, reports the trace. When
 * save_session itself raises (a Domain or SameSite Werkzeug refuses), Flask answers with its 500
 * page and saves again for that page, which raises again after adding Vary: Cookie if the session
 * was accessed: the same happens here.
 */
export function saveSession(response: unknown, request: IRequest, env: FlaskEnv): Response {
  const session = (request as Partial<SessionRequest>).session;
  let res = mutable(response instanceof Response ? response : flaskResponse(response));
  try {
    const { setCookie, vary, trace } = saveSessionHeaders(session, env.config, env.now);
    if (vary) addVaryCookie(res.headers);
    if (setCookie) res.headers.append('Set-Cookie', setCookie);
    if (!openFailures.has(request)) env.trace?.(trace);
  } catch {
    res = internalServerError();
    if (sessionState(session)?.accessed) addVaryCookie(res.headers);
  }
  return res;
}
