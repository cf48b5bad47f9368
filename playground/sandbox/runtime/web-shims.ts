/**
 * Request and Response whose headers accept `Cookie` and `Set-Cookie`.
 *
 * The Fetch standard gives a Request's headers the "request" guard (it silently drops `Cookie`,
 * `Host`, …) and a Response's the "response" guard (it drops `Set-Cookie`): checked in Chromium 156,
 * `new Response('', { headers: { 'set-cookie': 'a=b' } }).headers.get('set-cookie')` is null. Node's
 * undici has no guards, so the engine's tests pass either way. Our worker *is* the server, so it needs
 * both headers: a standalone `new Headers()` has no guard, and these subclasses keep one of those.
 */

const SHIMMED = Symbol.for('session-lab.guard-free-headers');

type G = typeof globalThis & { [SHIMMED]?: { Request: typeof Request; Response: typeof Response } };

/** The platform's own Response (every shimmed response is also an instance of it). */
export function nativeResponse(g: G = globalThis as G): typeof Response {
  return g[SHIMMED]?.Response ?? g.Response;
}

export function installGuardFreeHeaders(g: G = globalThis as G): void {
  if (g[SHIMMED]) return;
  const NativeRequest = g.Request;
  const NativeResponse = g.Response;
  const NativeHeaders = g.Headers;

  class ServerResponse extends NativeResponse {
    #headers: Headers;
    constructor(body?: BodyInit | null, init?: ResponseInit) {
      super(body, init);
      this.#headers = new NativeHeaders(init?.headers);
    }
    get headers(): Headers {
      return this.#headers;
    }
    clone(): Response {
      const copy = super.clone();
      return new ServerResponse(copy.body, { status: this.status, statusText: this.statusText, headers: this.#headers });
    }
    static json(data: unknown, init: ResponseInit = {}): Response {
      const headers = new NativeHeaders(init.headers);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
      return new ServerResponse(JSON.stringify(data), { ...init, headers });
    }
    static redirect(url: string | URL, status = 302): Response {
      return new ServerResponse(null, { status, headers: { location: String(url) } });
    }
  }

  class ServerRequest extends NativeRequest {
    #headers: Headers;
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(input, init);
      const from = init?.headers ?? (input instanceof NativeRequest ? input.headers : undefined);
      this.#headers = new NativeHeaders(from);
    }
    get headers(): Headers {
      return this.#headers;
    }
    clone(): Request {
      const copy = super.clone();
      return new ServerRequest(copy, { headers: this.#headers });
    }
  }

  Object.defineProperty(g, SHIMMED, { value: { Request: NativeRequest, Response: NativeResponse } });
  g.Request = ServerRequest as typeof Request;
  g.Response = ServerResponse as typeof Response;
}
