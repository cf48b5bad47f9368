/**
 * The `session-lab` module as the playground editor (Monaco) sees it: the engine's middleware
 * (playground/engine/middleware.ts) and session (playground/engine/session.ts), described by hand
 * so the editor needs no engine sources. tests/sandbox/typings.test.ts checks that every runtime
 * export is declared here.
 */
declare module 'session-lab' {
  import type { IRequest } from 'itty-router';

  /** Flask's `session`: a dict that remembers whether it was read or changed. */
  export interface Session {
    [key: string]: any;
    /** session.get(key, default=None): marks the session accessed. */
    get(key: string, defaultValue?: unknown): any;
    /** Removes and returns a key; without a default a missing key raises KeyError, like Python. */
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
    /** session.permanent: stored as the '_permanent' key; a permanent cookie gets Expires. */
    permanent: boolean;
    /** Set it to true after changing a nested value in place (session['cart'].push(x)). */
    modified: boolean;
    accessed: boolean;
    /** Always false, as in Flask's SecureCookieSession. */
    readonly new: boolean;
    [Symbol.iterator](): IterableIterator<string>;
  }

  /** The request every route receives: itty-router's request plus Flask's `session`. */
  export type SessionRequest = IRequest & { session: Session };

  /** The environment the playground passes to router.fetch(request, env). */
  export interface FlaskEnv {
    config: Record<string, unknown>;
    /** UNIX seconds on the playground's clock. */
    now: number;
    trace?: (t: unknown) => void;
  }

  /** before stage: open_session(), from the Cookie header. */
  export function withSession(request: IRequest, env: FlaskEnv): void;
  /** finally stage: make_response(), what Flask does with a view's return value. */
  export function flaskResponse(response: unknown): Response;
  /** finally stage: save_session(), adds Set-Cookie and Vary: Cookie when Flask would. */
  export function saveSession(response: unknown, request: IRequest, env: FlaskEnv): Response;

  /** itsdangerous' BadPayload: the cookie's signature is valid but its content is not. */
  export class BadPayloadError extends Error {
    constructor(detail: string);
  }
  /** Python's KeyError, e.g. from session.pop('missing'). */
  export class KeyError extends Error {
    constructor(key: unknown);
  }
  /** A Python tuple: an Array that Flask's serializer stores with the " t" tag. */
  export class Tuple<T = unknown> extends Array<T> {}
  /** uuid.UUID (stored with the " u" tag). */
  export class UUID {
    readonly hex: string;
    constructor(text: string);
    toString(): string;
    toJSON(): string;
    equals(other: unknown): boolean;
  }
  /** markupsafe.Markup (stored with the " m" tag). */
  export class Markup {
    readonly value: string;
    constructor(value: unknown);
    __html__(): string;
    toString(): string;
    toJSON(): string;
  }
}
