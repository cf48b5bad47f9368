/**
 * The one definition of the Flask settings the session engine reads: Flask's own config key names,
 * their types, Flask's defaults, the Flask versions that have them, and how untrusted input (a
 * share link, a saved state, an example's config) becomes a valid value. The worker, the settings
 * panel, the examples and share links all read this table; nothing else holds a default.
 */

/** The Flask lines the engine can behave like. 3.1 means Flask 3.1.3, 2.2 means Flask 2.2.2. */
export const FLASK_VERSIONS = ['3.1', '2.2'] as const;
export type FlaskVersion = (typeof FLASK_VERSIONS)[number];
export const DEFAULT_FLASK_VERSION: FlaskVersion = '3.1';

export type SameSiteSetting = 'Strict' | 'Lax' | 'None' | null;

export interface SessionConfig {
  /** Not a Flask key: which Flask's rules apply (see flask-versions.ts). */
  FLASK_VERSION: FlaskVersion;
  SECRET_KEY: string | null;
  /** Flask ≥ 3.1 (signing order fixed in 3.1.1). Ignored under 2.2, as Flask 2.2 ignores the key. */
  SECRET_KEY_FALLBACKS: string[];
  SESSION_COOKIE_NAME: string;
  SESSION_COOKIE_DOMAIN: string | null;
  SESSION_COOKIE_PATH: string | null;
  SESSION_COOKIE_HTTPONLY: boolean;
  SESSION_COOKIE_SECURE: boolean;
  /** Flask ≥ 3.1. Ignored under 2.2. */
  SESSION_COOKIE_PARTITIONED: boolean;
  /** Flask writes the title-cased value and refuses anything but these three (any case). */
  SESSION_COOKIE_SAMESITE: SameSiteSetting | string;
  /** Seconds (Flask also takes a timedelta). */
  PERMANENT_SESSION_LIFETIME: number;
  SESSION_REFRESH_EACH_REQUEST: boolean;
  APPLICATION_ROOT: string;
  /** Under 2.2 it also gives the cookie a Domain; Flask ≥ 2.3 no longer does. */
  SERVER_NAME: string | null;
}

export type SettingName = keyof SessionConfig;

/** What a setting is, for forms and for checking input. */
export interface SettingDefinition<K extends SettingName = SettingName> {
  name: K;
  kind: 'version' | 'string' | 'nullable-string' | 'string-list' | 'boolean' | 'samesite' | 'seconds';
  default: SessionConfig[K];
  /** The Flask lines that read it (the others ignore it, as Flask ignores unknown config keys). */
  versions: readonly FlaskVersion[];
  /** Untrusted input to a valid value, or undefined when it cannot be one. */
  read(raw: unknown): SessionConfig[K] | undefined;
}

/** Bounds for untrusted input: generous for anything a reader types, small enough for a share link. */
export const SETTING_LIMITS = { text: 1_000, fallbacks: 10, maxLifetime: 400 * 24 * 3600 } as const;

const ALL = FLASK_VERSIONS;
const text = (raw: unknown) => (typeof raw === 'string' && raw.length <= SETTING_LIMITS.text ? raw : undefined);
const bool = (raw: unknown) => (typeof raw === 'boolean' ? raw : undefined);
const nullableText = (raw: unknown) => (raw === null ? null : text(raw));

// A cookie name Flask can send and the simulated browsers keep (RFC 9110 token characters).
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,64}$/;

function define<K extends SettingName>(d: SettingDefinition<K>): SettingDefinition<K> {
  return d;
}

export const SETTINGS = [
  define({ name: 'FLASK_VERSION', kind: 'version', default: DEFAULT_FLASK_VERSION, versions: ALL, read: (raw) => (FLASK_VERSIONS as readonly unknown[]).includes(raw) ? (raw as FlaskVersion) : undefined }),
  define({ name: 'SECRET_KEY', kind: 'nullable-string', default: null, versions: ALL, read: nullableText }),
  define({
    name: 'SECRET_KEY_FALLBACKS',
    kind: 'string-list',
    default: [],
    versions: ['3.1'],
    read: (raw) => Array.isArray(raw) ? raw.filter((k): k is string => typeof k === 'string' && k.length > 0 && k.length <= SETTING_LIMITS.text).slice(0, SETTING_LIMITS.fallbacks) : undefined,
  }),
  define({ name: 'SESSION_COOKIE_NAME', kind: 'string', default: 'session', versions: ALL, read: (raw) => (typeof raw === 'string' && COOKIE_NAME.test(raw) ? raw : undefined) }),
  define({ name: 'SESSION_COOKIE_DOMAIN', kind: 'nullable-string', default: null, versions: ALL, read: nullableText }),
  define({ name: 'SESSION_COOKIE_PATH', kind: 'nullable-string', default: null, versions: ALL, read: nullableText }),
  define({ name: 'SESSION_COOKIE_HTTPONLY', kind: 'boolean', default: true, versions: ALL, read: bool }),
  define({ name: 'SESSION_COOKIE_SECURE', kind: 'boolean', default: false, versions: ALL, read: bool }),
  define({ name: 'SESSION_COOKIE_PARTITIONED', kind: 'boolean', default: false, versions: ['3.1'], read: bool }),
  define({
    name: 'SESSION_COOKIE_SAMESITE',
    kind: 'samesite',
    default: null,
    versions: ALL,
    // Flask accepts any case ('lax') and writes it title-cased; anything else is its ValueError, so refuse it here
    read: (raw) => (raw === null ? null : typeof raw === 'string' && ['strict', 'lax', 'none'].includes(raw.toLowerCase()) ? raw : undefined),
  }),
  define({
    name: 'PERMANENT_SESSION_LIFETIME',
    kind: 'seconds',
    default: 31 * 24 * 3600,
    versions: ALL,
    read: (raw) => (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0 && raw <= SETTING_LIMITS.maxLifetime ? raw : undefined),
  }),
  define({ name: 'SESSION_REFRESH_EACH_REQUEST', kind: 'boolean', default: true, versions: ALL, read: bool }),
  define({ name: 'APPLICATION_ROOT', kind: 'string', default: '/', versions: ALL, read: (raw) => (typeof raw === 'string' && raw.length > 0 && raw.length <= SETTING_LIMITS.text ? raw : undefined) }),
  define({ name: 'SERVER_NAME', kind: 'nullable-string', default: null, versions: ALL, read: (raw) => (raw === '' ? null : nullableText(raw)) }),
] as const satisfies readonly SettingDefinition[];

export const SETTINGS_BY_NAME: ReadonlyMap<SettingName, SettingDefinition> = new Map(SETTINGS.map((d) => [d.name, d as SettingDefinition]));

function copy<T>(v: T): T {
  return Array.isArray(v) ? ([...v] as T) : v;
}

/**
 * Flask's defaults with the given settings on top, each checked: a value of the wrong type or out
 * of bounds keeps what `base` (Flask's default when not given) had, and keys that are not session
 * settings are dropped. Safe on anything (a share link, an example's config, a worker message).
 */
export function readSessionConfig(raw: unknown, base?: SessionConfig): SessionConfig {
  const out = {} as Record<SettingName, unknown>;
  for (const d of SETTINGS) out[d.name] = copy(base ? base[d.name] : d.default);
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    for (const d of SETTINGS) {
      if (!Object.hasOwn(raw, d.name)) continue;
      const v = (d as SettingDefinition).read((raw as Record<string, unknown>)[d.name]);
      if (v !== undefined) out[d.name] = v;
    }
  }
  return out as unknown as SessionConfig;
}

/** Flask's defaults, overridden by trusted values as given (the engine's own tests and examples). */
export function defaultConfig(overrides: Partial<SessionConfig> = {}): SessionConfig {
  const out = {} as Record<SettingName, unknown>;
  for (const d of SETTINGS) out[d.name] = copy(d.default);
  return { ...(out as unknown as SessionConfig), ...overrides };
}

/** Whether the chosen Flask line reads this setting (the panel greys out the others). */
export function settingApplies(name: SettingName, version: FlaskVersion): boolean {
  return SETTINGS_BY_NAME.get(name)?.versions.includes(version) ?? false;
}
