/**
 * The shapes the playground's interface works with. Examples arrive already in the page's language
 * (the Astro component picks `routes.en.ts` or `routes.ts`), so nothing below needs to know the
 * language except the check runner's messages.
 */
import { type SessionConfig, defaultConfig } from '../engine/settings.ts';
import type { OtherSiteVia } from '../engine/actors/index.ts';
import type { WireRequest, WireResponse } from '../engine/wire.ts';
import type { LoadResult, RunResult } from '../sandbox/contract.ts';

export type Localized = string | { es: string; en: string };

/** What a cookie's Set-Cookie line must say; an attribute left out is not judged. */
export interface SetCookieAttributes {
  /** The cookie whose line is judged (default: the session cookie). */
  cookie?: string;
  httpOnly?: boolean;
  secure?: boolean;
  /** `null`: no SameSite attribute at all. */
  sameSite?: 'Lax' | 'Strict' | 'None' | null;
  path?: string;
  /** Max-Age or Expires present (a persistent cookie) or absent (gone when the browser closes). */
  persistent?: boolean;
}

export interface CheckExpect {
  status?: number;
  bodyIncludes?: Localized;
  setCookie?: boolean;
  session?: Record<string, unknown>;
  /** Keys that must not be in the session (e.g. a card number after the fix). */
  sessionLacks?: string[];
  noSessionCookie?: true;
  setCookieAttributes?: SetCookieAttributes;
  /** Whether the browser attached the session cookie to this request (matters for `otherSite` steps). */
  sessionCookieSent?: boolean;
  /** For `script` steps: cookie names `document.cookie` must show, and must not. */
  documentCookie?: { includes?: string[]; excludes?: string[] };
}

/**
 * One step of a check. By default the user types the request in their own tab. With `otherSite`, a
 * page on https://evil.example makes it in the user's browser (a link, a form, an image, a fetch);
 * the method comes from that. With `script`, nothing is sent: a script on the page at `path` reads
 * `document.cookie` (after writing `script.write`, if given).
 */
export interface CheckStep {
  user: string;
  /** Required for requests; ignored by `script` steps. */
  method?: string;
  path: string;
  body?: string;
  advanceClock?: number;
  otherSite?: OtherSiteVia;
  script?: { write?: string };
  /** From this step on, the app runs with these app.config keys changed (e.g. a new SECRET_KEY: every old cookie is now replayed against it). */
  changeConfig?: Record<string, unknown>;
  /** Before this step, the user's browser gets a copy of the session cookie that user holds now: a stolen cookie, replayed. */
  takeSessionFrom?: string;
  /** Keeps the first group of `pattern` (a regular expression) matched in the response body; later steps' path and body may say `{{name}}`. */
  capture?: { name: string; pattern: string };
  expect?: CheckExpect;
}

/** The method a step's request goes with: the other site's kind decides it when there is one. */
export function stepMethod(step: CheckStep): string {
  if (step.otherSite) return step.otherSite.endsWith('post') ? 'POST' : 'GET';
  return (step.method ?? 'GET').toUpperCase();
}

export interface CheckDef {
  title: string;
  steps: CheckStep[];
}

export interface ExampleDef {
  id: string;
  title: string;
  goal?: string;
  hint?: string;
  code: string;
  solution?: string;
  flask?: string;
  config: Record<string, unknown>;
  users: string[];
  startPath: string;
  checks: CheckDef[];
}

/** Flask's names for the settings the playground exposes (app.config keys), as the engine defines them. */
export type SessionSettings = Pick<
  SessionConfig,
  | 'FLASK_VERSION'
  | 'SECRET_KEY_FALLBACKS'
  | 'SESSION_COOKIE_NAME'
  | 'SESSION_COOKIE_HTTPONLY'
  | 'SESSION_COOKIE_SECURE'
  | 'SESSION_COOKIE_PARTITIONED'
  | 'PERMANENT_SESSION_LIFETIME'
  | 'SESSION_REFRESH_EACH_REQUEST'
> & { SECRET_KEY: string; SESSION_COOKIE_SAMESITE: 'Lax' | 'Strict' | 'None' | null };

export const SETTINGS_KEYS = [
  'FLASK_VERSION', 'SECRET_KEY', 'SECRET_KEY_FALLBACKS', 'SESSION_COOKIE_NAME', 'SESSION_COOKIE_HTTPONLY', 'SESSION_COOKIE_SECURE',
  'SESSION_COOKIE_PARTITIONED', 'SESSION_COOKIE_SAMESITE', 'PERMANENT_SESSION_LIFETIME', 'SESSION_REFRESH_EACH_REQUEST',
] as const satisfies readonly (keyof SessionSettings)[];

// Flask's defaults from the engine's one definition, except the key, which each example sets.
const engineDefaults = defaultConfig();
export const FLASK_DEFAULTS: SessionSettings = {
  ...(Object.fromEntries(SETTINGS_KEYS.map((k) => [k, engineDefaults[k]])) as unknown as SessionSettings),
  SECRET_KEY: 'tu_clave_secreta_aqui',
};

/** The code ran and answered, or the sandbox stopped it (timeout, crash). */
/** What the page reports itself when the sandbox was not asked: a Cookie header too large to send, a host that threw. */
export type PageFailure = { ok: false; error: { kind: 'cookie-header-too-large' | 'crash'; message: string } };
/** A request's answer: the sandbox's, as the page-sandbox contract defines it, or the page's own failure. */
export type ServerReply = RunResult | PageFailure;
/** A load's answer, as the contract defines it. */
export type LoadReply = LoadResult;

/** What the interface needs from the sandbox (SandboxHost in the page, a fake in tests). */
export interface ServerPort {
  load(code: string): Promise<LoadReply>;
  request(req: WireRequest, env: { config: Record<string, unknown>; now: number }): Promise<ServerReply>;
}

export function localize(text: Localized | undefined, lang: 'es' | 'en'): string | undefined {
  if (text === undefined) return undefined;
  return typeof text === 'string' ? text : text[lang];
}
