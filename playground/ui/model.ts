/**
 * The shapes the playground's interface works with. Examples arrive already in the page's language
 * (the Astro component picks `routes.en.ts` or `routes.ts`), so nothing below needs to know the
 * language except the check runner's messages.
 */
import { type SessionConfig, defaultConfig } from '../engine/settings.ts';
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
