/**
 * Every way Flask 2.2.2 and Flask 3.1.3 treat the session differently, one named rule each, in
 * one place. The engine asks `follows(config, rule)` where a behaviour forks, and the save/open
 * trace lists the rules that decided something, so the panel can say "this depends on the version".
 * Each rule was observed in the recorded fixtures (tests/fixtures/flask/3.1 and 2.2).
 */
import type { NestingLimit } from './python-json.ts';
import type { FlaskVersion, SessionConfig } from './settings.ts';

export interface VersionRule {
  /** The Flask lines where the rule holds. */
  holdsIn: readonly FlaskVersion[];
  es: string;
  en: string;
}

export const VERSION_RULES = {
  'vary-on-any-use': {
    holdsIn: ['3.1'],
    es: 'Flask 3.1.3 marca la sesión como usada con cualquier uso (in, len, recorrerla, keys(), un pop que no encuentra la clave, leer una sesión vacía) y entonces envía Vary: Cookie; Flask 2.2 solo con lecturas y escrituras de claves.',
    en: 'Flask 3.1.3 counts any use of the session (in, len, iterating, keys(), a pop that finds nothing, reading an empty session) as access and then sends Vary: Cookie; Flask 2.2 only counted reading and writing keys.',
  },
  'domain-from-server-name': {
    holdsIn: ['2.2'],
    es: 'Flask 2.2 deriva el Domain de la cookie de SERVER_NAME (".ejemplo.com"); desde Flask 2.3 la cookie no lleva Domain salvo SESSION_COOKIE_DOMAIN.',
    en: 'Flask 2.2 derives the cookie Domain from SERVER_NAME (".example.com"); since Flask 2.3 the cookie has no Domain unless SESSION_COOKIE_DOMAIN is set.',
  },
  'werkzeug3-domain': {
    holdsIn: ['3.1'],
    es: 'Werkzeug 3 quita los puntos iniciales del Domain, corta en ":", acepta localhost y nombres sin punto, escribe "Domain=" para "" y pasa los nombres no ASCII a punycode; Werkzeug 2.2 daba error sin punto y omitía "".',
    en: 'Werkzeug 3 strips leading dots from Domain, cuts it at ":", accepts localhost and dotless names, writes "Domain=" for "" and punycodes non-ASCII names; Werkzeug 2.2 failed on dotless names and left "" out.',
  },
  'werkzeug3-path-quoting': {
    holdsIn: ['3.1'],
    es: 'Werkzeug 3 codifica el Path con quote(safe="%!$&\'()*+,/:=@") de Python: "/x;y" se envía como "/x%3By".',
    en: 'Werkzeug 3 quotes Path with Python\'s quote(safe="%!$&\'()*+,/:=@"): "/x;y" is sent as "/x%3By".',
  },
  partitioned: {
    holdsIn: ['3.1'],
    es: 'SESSION_COOKIE_PARTITIONED (Flask 3.1) añade "; Partitioned" al final y obliga a Secure; Flask 2.2 no conoce ese ajuste.',
    en: 'SESSION_COOKIE_PARTITIONED (Flask 3.1) appends "; Partitioned" and forces Secure; Flask 2.2 has no such setting.',
  },
  'secret-key-fallbacks': {
    holdsIn: ['3.1'],
    es: 'SECRET_KEY_FALLBACKS (Flask 3.1) acepta cookies firmadas con claves antiguas; Flask 2.2 no tiene ese ajuste y las rechaza.',
    en: 'SECRET_KEY_FALLBACKS (Flask 3.1) accepts cookies signed with old keys; Flask 2.2 has no such setting and rejects them.',
  },
  'falsy-payload-is-error': {
    holdsIn: ['3.1'],
    es: 'Una cookie bien firmada cuyo contenido es 0 o false da un error 500 en Flask 3.1 (dict(0) falla); Flask 2.2 la tomaba como sesión vacía.',
    en: 'A validly signed cookie holding 0 or false is a 500 in Flask 3.1 (dict(0) fails); Flask 2.2 took it as an empty session.',
  },
  'cookie-bytes-as-latin1': {
    holdsIn: ['3.1'],
    es: 'Werkzeug 3 lee los bytes de la cabecera Cookie como latin-1: un valor con caracteres no ASCII llega desfigurado ("é" como "Ã©") y su firma ya no coincide; Werkzeug 2.2 los leía como UTF-8.',
    en: 'Werkzeug 3 reads the Cookie header\'s bytes as latin-1: a value with non-ASCII characters arrives garbled ("é" as "Ã©") and its signature no longer matches; Werkzeug 2.2 read them as UTF-8.',
  },
  'python-recursion-depth': {
    holdsIn: ['3.1'],
    es: 'Cuánto anidamiento lee Flask lo decide el límite de recursión de Python: 490 niveles en una petición de Flask 3.1 medida aquí (Python 3.11.7), 974 objetos o 975 listas con Flask 2.2 (Python 3.11.2); cada marco de pila por debajo cuenta, así que un servidor real lee algo menos.',
    en: "How deep a session Flask reads is decided by Python's recursion limit: 490 levels in a Flask 3.1 request measured here (Python 3.11.7), 974 objects or 975 lists with Flask 2.2 (Python 3.11.2); every stack frame below counts, so a real server reads a little less.",
  },
} as const satisfies Record<string, VersionRule>;

export type VersionRuleId = keyof typeof VERSION_RULES;

/** Does the configured Flask line follow this rule? */
export function follows(config: Pick<SessionConfig, 'FLASK_VERSION'>, rule: VersionRuleId): boolean {
  return (VERSION_RULES[rule].holdsIn as readonly string[]).includes(config.FLASK_VERSION ?? '3.1');
}

/** The deepest JSON nesting open_session reads in a request before Python's recursion limit stops it (measured). */
export function jsonDepthLimit(config: Pick<SessionConfig, 'FLASK_VERSION'>): NestingLimit {
  return follows(config, 'python-recursion-depth') ? { objects: 490, arrays: 490 } : { objects: 974, arrays: 975 };
}
