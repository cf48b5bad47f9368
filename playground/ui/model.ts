/**
 * The shapes the playground's interface works with. Examples arrive already in the page's language
 * (the Astro component picks `routes.en.ts` or `routes.ts`), so nothing below needs to know the
 * language except the check runner's messages.
 */
import type { WireRequest, WireResponse } from '../engine/wire.ts';

export type Localized = string | { es: string; en: string };

export interface CheckExpect {
  status?: number;
  bodyIncludes?: Localized;
  setCookie?: boolean;
  session?: Record<string, unknown>;
  noSessionCookie?: true;
}

export interface CheckStep {
  user: string;
  method: string;
  path: string;
  body?: string;
  advanceClock?: number;
  expect?: CheckExpect;
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

/** Flask's names for the settings the playground exposes (app.config keys). */
export interface SessionSettings {
  SECRET_KEY: string;
  SECRET_KEY_FALLBACKS: string[];
  SESSION_COOKIE_NAME: string;
  SESSION_COOKIE_HTTPONLY: boolean;
  SESSION_COOKIE_SECURE: boolean;
  SESSION_COOKIE_SAMESITE: 'Lax' | 'Strict' | 'None' | null;
  PERMANENT_SESSION_LIFETIME: number;
  SESSION_REFRESH_EACH_REQUEST: boolean;
}

// Flask 3.1's defaults (flask/app.py default_config), except the key, which each example sets.
export const FLASK_DEFAULTS: SessionSettings = {
  SECRET_KEY: 'tu_clave_secreta_aqui',
  SECRET_KEY_FALLBACKS: [],
  SESSION_COOKIE_NAME: 'session',
  SESSION_COOKIE_HTTPONLY: true,
  SESSION_COOKIE_SECURE: false,
  SESSION_COOKIE_SAMESITE: null,
  PERMANENT_SESSION_LIFETIME: 31 * 24 * 3600,
  SESSION_REFRESH_EACH_REQUEST: true,
};

/** The code ran and answered, or the sandbox stopped it (timeout, crash). */
export type ServerReply =
  | {
      ok: true;
      response: WireResponse;
      trace?: unknown;
      logs: string[];
      error?: { message: string; line?: number; column?: number; stack?: string };
    }
  | { ok: false; error: { kind: string; message: string; method?: string; path?: string } };

export type LoadReply =
  | { ok: true; routes: { method: string; path: string }[] }
  | { ok: false; error: { kind: string; message: string; line?: number; column?: number } };

/** What the interface needs from the sandbox (SandboxHost in the page, a fake in tests). */
export interface ServerPort {
  load(code: string): Promise<LoadReply>;
  request(req: WireRequest, env: { config: Record<string, unknown>; now: number }): Promise<ServerReply>;
}

export function localize(text: Localized | undefined, lang: 'es' | 'en'): string | undefined {
  if (text === undefined) return undefined;
  return typeof text === 'string' ? text : text[lang];
}
