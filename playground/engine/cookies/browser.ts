/**
 * A simulated browser: one user (Ana, Bruno...) with their own cookie jar and a history of requests.
 * It does the two things a real browser does with cookies: attach the jar's cookies to each outgoing
 * request, and apply every Set-Cookie of the response. Two browsers never share cookies, which is
 * how the playground shows that a Flask session belongs to whoever holds the cookie.
 */
import type { HeaderList, WireRequest, WireResponse } from '../wire.ts';
import { CookieJar } from './jar.ts';
import type { CookieJarJSON, JarChange, RequestContext, SendDecision } from './jar.ts';
import type { ChromiumRule, WithheldReason } from './reasons.ts';

/** Flask's development server. */
export const DEFAULT_ORIGIN = 'http://localhost:5000';

export interface BrowserRequestInit {
  method: string;
  /** A path such as `/perfil?x=1`, resolved against the origin (an absolute URL also works). */
  path: string;
  body?: string;
  /** Defaults to `application/x-www-form-urlencoded` when there is a body, as for an HTML form. */
  contentType?: string;
  /** Extra headers. A `Cookie` header here replaces the jar's cookies (a tampering tool). */
  headers?: HeaderList;
  /** Where the request comes from; defaults to a same-site top-level navigation. */
  site?: RequestContext['site'];
  topLevelNavigation?: boolean;
}

/** Which cookies went with a request and why each other one did not: plain data for the history. */
export interface CookieDecisionRecord {
  sent: { name: string; domain: string; path: string }[];
  withheld: { name: string; domain: string; path: string; reason: WithheldReason }[];
  chromium: ChromiumRule[];
}

/** Who made a request that the reader did not type: another site's page, for now. */
export interface ExchangeActor {
  kind: 'other-site';
  /** The page that made the request, e.g. `https://evil.example/`. */
  initiator: string;
  /** What on that page made it (see engine/actors/other-site.ts). */
  via: string;
  site: 'same-site' | 'cross-site';
  /** Whether that page's script can read the response (it needs CORS with credentials). */
  initiatorCanRead: boolean;
}

/** One request and its response, with what it did to the jar. */
export interface Exchange {
  seq: number;
  at: number;
  request: WireRequest;
  response: WireResponse;
  changes: JarChange[];
  cookies?: CookieDecisionRecord;
  actor?: ExchangeActor;
}

/** A jar decision as history keeps it: who went, who stayed and why. */
export function recordDecision(decision: SendDecision): CookieDecisionRecord {
  const at = ({ name, domain, path }: { name: string; domain: string; path: string }) => ({ name, domain, path });
  return {
    sent: decision.sent.map(at),
    withheld: decision.withheld.map((w) => ({ ...at(w.cookie), reason: w.reason })),
    chromium: [...decision.chromium],
  };
}

export interface SimulatedBrowserJSON {
  id: string;
  name: string;
  jar: CookieJarJSON;
  history: Exchange[];
}

export type Server = (req: WireRequest) => Promise<WireResponse>;

const hasHeader = (headers: HeaderList, name: string) => headers.some(([n]) => n.toLowerCase() === name.toLowerCase());

export class SimulatedBrowser {
  readonly id: string;
  name: string;
  readonly jar: CookieJar;
  readonly history: Exchange[];

  constructor(init: { id: string; name: string; jar?: CookieJar; history?: Exchange[] }) {
    this.id = init.id;
    this.name = init.name;
    this.jar = init.jar ?? new CookieJar();
    this.history = init.history ?? [];
  }

  /** Builds the request the browser would send, with `Host`, the jar's `Cookie` and a `Content-Type`. */
  buildRequest(init: BrowserRequestInit, origin: string, now: number, context: RequestContext = contextOf(init)): WireRequest {
    const url = new URL(init.path, origin);
    const method = init.method.toUpperCase();
    const extra = (init.headers ?? []).filter(([name]) => name.toLowerCase() !== 'host');
    const headers: HeaderList = [['Host', url.host], ...extra.map(([n, v]): [string, string] => [n, v])];

    if (!hasHeader(extra, 'cookie')) {
      const cookie = this.jar.cookieHeaderFor(url, now, context);
      if (cookie !== '') headers.push(['Cookie', cookie]);
    }
    if (init.body !== undefined && !hasHeader(extra, 'content-type')) {
      headers.push(['Content-Type', init.contentType ?? 'application/x-www-form-urlencoded']);
    }
    const request: WireRequest = { method, url: url.href, headers };
    if (init.body !== undefined) request.body = init.body;
    return request;
  }

  /**
   * Which cookies the request `init` would carry and why each other one would not, without
   * touching the jar (pass it to `receive` as `record.cookies` to keep it in the history).
   */
  cookieDecision(init: BrowserRequestInit, origin: string, now: number): CookieDecisionRecord {
    return recordDecision(this.jar.explainRequest(new URL(init.path, origin), now, contextOf(init)));
  }

  /** Applies every Set-Cookie of the response to the jar and records the exchange in the history. */
  receive(
    req: WireRequest,
    res: WireResponse,
    now: number,
    ctx: RequestContext = {},
    record: { cookies?: CookieDecisionRecord; actor?: ExchangeActor } = {},
  ): Exchange {
    const lines = res.headers.filter(([name]) => name.toLowerCase() === 'set-cookie').map(([, value]) => value);
    const changes = this.jar.setFromResponse(req.url, lines, now, { method: req.method, ...ctx });
    const last = this.history[this.history.length - 1];
    const exchange: Exchange = { seq: last ? last.seq + 1 : 1, at: now, request: req, response: res, changes };
    if (record.cookies) exchange.cookies = structuredClone(record.cookies);
    if (record.actor) exchange.actor = { ...record.actor };
    this.history.push(exchange);
    return exchange;
  }

  /** Build, send to `server`, receive: one full round trip (handy in Node tests). */
  async fetch(server: Server, init: BrowserRequestInit, now: number, origin: string = DEFAULT_ORIGIN): Promise<Exchange> {
    const req = this.buildRequest(init, origin, now);
    const res = await server(req);
    return this.receive(req, res, now, contextOf(init));
  }

  toJSON(): SimulatedBrowserJSON {
    return { id: this.id, name: this.name, jar: this.jar.toJSON(), history: structuredClone(this.history) };
  }

  static fromJSON(data: unknown): SimulatedBrowser {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new Error('Saved browser is invalid: expected an object with "id", "name", "jar" and "history".');
    }
    const r = data as Record<string, unknown>;
    if (typeof r.id !== 'string' || typeof r.name !== 'string') {
      throw new Error('Saved browser is invalid: "id" and "name" must be text.');
    }
    const jar = CookieJar.fromJSON(r.jar);
    const historyRaw = r.history ?? [];
    if (!Array.isArray(historyRaw)) throw new Error('Saved browser is invalid: "history" must be an array.');
    const history = historyRaw.map((item, i) => readExchange(item, `history[${i}]`));
    return new SimulatedBrowser({ id: r.id, name: r.name, jar, history });
  }
}

function contextOf(init: BrowserRequestInit): RequestContext {
  return { site: init.site ?? 'same-site', method: init.method, topLevelNavigation: init.topLevelNavigation ?? true };
}

function isHeaderList(value: unknown): value is HeaderList {
  return Array.isArray(value) && value.every((h) => Array.isArray(h) && h.length === 2 && typeof h[0] === 'string' && typeof h[1] === 'string');
}

// History is shown, never executed, so the check is about shape: enough to render without crashing.
function readExchange(raw: unknown, where: string): Exchange {
  const fail = (what: string): never => {
    throw new Error(`Saved browser is invalid: ${where}${what}.`);
  };
  if (typeof raw !== 'object' || raw === null) fail(' must be an object');
  const r = raw as Record<string, unknown>;
  if (typeof r.seq !== 'number' || typeof r.at !== 'number') fail(': "seq" and "at" must be numbers');
  const req = r.request as Record<string, unknown> | null;
  if (typeof req !== 'object' || req === null || typeof req.method !== 'string' || typeof req.url !== 'string' || !isHeaderList(req.headers)) {
    fail('.request must have a method, a url and headers');
  }
  const res = r.response as Record<string, unknown> | null;
  if (
    typeof res !== 'object' || res === null || typeof res.status !== 'number' || typeof res.statusText !== 'string' ||
    typeof res.body !== 'string' || !isHeaderList(res.headers)
  ) {
    fail('.response must have a status, a statusText, headers and a body');
  }
  if (!Array.isArray(r.changes)) fail('.changes must be an array');
  return structuredClone(raw as Exchange);
}
