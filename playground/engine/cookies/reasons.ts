/**
 * Why a cookie was refused, ignored in part, removed or not sent, and where the simulated browser
 * follows Chromium rather than RFC 6265bis. The codes are stable; `REASON_TEXT` and
 * `CHROMIUM_RULE_TEXT` hold each one in Spanish and English for the cookie panel and the exchange
 * record, and the English `detail` sentences on changes stay as the fallback and the documentation.
 */

export type TextLang = 'es' | 'en';
export type Bilingual = Record<TextLang, string>;

/** The whole Set-Cookie line (or manual edit) was ignored. */
export type RejectReason =
  | 'invalid-syntax'
  | 'empty-name-and-value'
  | 'too-large'
  | 'invalid-url'
  | 'secure-from-insecure-origin'
  | 'overwrite-secure-from-insecure'
  | 'domain-mismatch'
  | 'domain-not-a-host'
  | 'public-suffix'
  | 'samesite-none-requires-secure'
  | 'samesite-cross-site'
  | 'partitioned-requires-secure'
  | 'prefix-secure'
  | 'prefix-host'
  | 'prefix-http'
  | 'tab-in-name-or-value'
  | 'nameless-value-with-equals'
  | 'expired-on-arrival'
  | 'invalid-cookie'
  | 'httponly-from-script';

/** The cookie was kept, but one attribute was ignored or adjusted. */
export type WarningReason =
  | 'attribute-too-large'
  | 'invalid-expires'
  | 'invalid-max-age'
  | 'invalid-domain'
  | 'invalid-path'
  | 'invalid-samesite'
  | 'unknown-attribute'
  | 'expiry-capped';

/** A stored cookie left the jar although nobody deleted it. */
export type RemovalReason = 'evicted-domain-limit';

/** Why a stored cookie did not go with a request (or is not visible to a script). */
export type WithheldReason =
  | 'host-mismatch'
  | 'domain-mismatch'
  | 'path-mismatch'
  | 'secure-over-http'
  | 'samesite-strict'
  | 'samesite-lax-subresource'
  | 'samesite-lax-unsafe-method'
  | 'samesite-lax-default-too-old'
  | 'partitioned-other-site'
  | 'third-party-blocked'
  | 'httponly';

/**
 * Where this browser does what Chromium does and RFC 6265bis says otherwise (each one measured
 * against Chromium in tests/e2e/cookie-oracle.spec.ts or same-site-oracle.spec.ts).
 */
export type ChromiumRule =
  | 'tab-in-name-or-value'
  | 'nameless-value-with-equals'
  | 'cookie-date'
  | 'last-expiry-attribute-wins'
  | 'dot-only-domain'
  | 'replace-is-new'
  | 'http-prefix'
  | 'partitioned-requires-secure'
  | 'domain-cookie-limit'
  | 'lax-allowing-unsafe';

export interface CookieWarning {
  reason: WarningReason;
  /** The attribute concerned, as written in the header. */
  attribute: string;
  detail: string;
}

/** RFC 6265bis limits (§5.6 and §5.7). */
export const MAX_NAME_VALUE_BYTES = 4096;
export const MAX_ATTRIBUTE_VALUE_BYTES = 1024;
/** Browsers cap Expires / Max-Age at 400 days in the future (RFC 6265bis §5.5). */
export const MAX_EXPIRY_SECONDS = 400 * 24 * 60 * 60;
/** Chromium keeps at most 180 cookies per site (registrable domain) and then trims them to 150. */
export const MAX_COOKIES_PER_SITE = 180;
export const COOKIES_PER_SITE_AFTER_PURGE = 150;
/** Chromium's "Lax-allowing-unsafe": a cookie without SameSite still goes with a cross-site top-level POST while younger than this. */
export const LAX_ALLOWING_UNSAFE_SECONDS = 120;

const encoder = new TextEncoder();

/** Cookie limits count bytes on the wire, not JavaScript characters: "ñ" is two bytes. */
export function byteLength(text: string): number {
  return encoder.encode(text).length;
}

export type ReasonCode = RejectReason | WarningReason | RemovalReason | WithheldReason;

export const REASON_TEXT: Record<ReasonCode, Bilingual> = {
  'invalid-syntax': { es: 'la cabecera Set-Cookie no tiene un formato válido', en: 'the Set-Cookie header is not well formed' },
  'empty-name-and-value': { es: 'la cookie no tiene nombre ni valor', en: 'the cookie has neither name nor value' },
  'too-large': { es: 'nombre y valor superan 4096 bytes', en: 'name and value exceed 4096 bytes' },
  'invalid-url': { es: 'la URL no es válida', en: 'the URL is not valid' },
  'secure-from-insecure-origin': { es: 'una cookie Secure solo se acepta por HTTPS (o localhost)', en: 'a Secure cookie is only accepted over HTTPS (or localhost)' },
  'overwrite-secure-from-insecure': { es: 'no se puede sobrescribir una cookie Secure desde HTTP', en: 'a Secure cookie cannot be overwritten over HTTP' },
  'domain-mismatch': { es: 'el atributo Domain no corresponde al sitio', en: 'the Domain attribute does not match the site' },
  'domain-not-a-host': { es: 'el atributo Domain no es un nombre de dominio', en: 'the Domain attribute is not a domain name' },
  'invalid-domain': { es: 'Domain vacío: la cookie queda solo para este host', en: 'empty Domain: the cookie stays with this host only' },
  'public-suffix': { es: 'Domain es un sufijo público', en: 'Domain is a public suffix' },
  'samesite-none-requires-secure': { es: 'SameSite=None exige Secure', en: 'SameSite=None requires Secure' },
  'samesite-cross-site': { es: 'una petición de otro sitio no puede guardar una cookie SameSite=Lax o Strict', en: 'a request from another site cannot store a SameSite=Lax or Strict cookie' },
  'partitioned-requires-secure': { es: 'Partitioned exige Secure', en: 'Partitioned requires Secure' },
  'prefix-secure': { es: 'el prefijo __Secure- exige Secure', en: 'the __Secure- prefix requires Secure' },
  'prefix-host': { es: 'el prefijo __Host- exige Secure, Path=/ y sin Domain', en: 'the __Host- prefix requires Secure, Path=/ and no Domain' },
  'prefix-http': { es: 'los prefijos __Http- y __Host-Http- exigen Secure y HttpOnly', en: 'the __Http- and __Host-Http- prefixes require Secure and HttpOnly' },
  'tab-in-name-or-value': { es: 'el nombre o el valor contiene un tabulador', en: 'the name or value contains a tab' },
  'nameless-value-with-equals': { es: 'una cookie sin nombre no puede llevar "=" en el valor', en: 'a cookie without a name cannot have "=" in its value' },
  'expired-on-arrival': { es: 'llegó ya caducada (así se borra una cookie)', en: 'it arrived already expired (that is how a cookie is deleted)' },
  'invalid-cookie': { es: 'la cookie no es válida', en: 'the cookie is not valid' },
  'httponly-from-script': { es: 'un script no puede crear ni cambiar una cookie HttpOnly', en: 'a script cannot create or change an HttpOnly cookie' },
  'attribute-too-large': { es: 'el valor del atributo supera 1024 bytes y se ignora', en: 'the attribute value exceeds 1024 bytes and is ignored' },
  'invalid-expires': { es: 'Expires no es una fecha legible y se ignora', en: 'Expires is not a readable date and is ignored' },
  'invalid-max-age': { es: 'Max-Age no es un número entero y se ignora', en: 'Max-Age is not a whole number and is ignored' },
  'invalid-path': { es: 'Path no empieza por "/": se usa la ruta por defecto', en: 'Path does not start with "/": the default path is used' },
  'invalid-samesite': { es: 'valor de SameSite desconocido: se aplica Lax por defecto', en: 'unknown SameSite value: Lax applies by default' },
  'unknown-attribute': { es: 'atributo desconocido, se ignora', en: 'unknown attribute, ignored' },
  'expiry-capped': { es: 'la caducidad se limita a 400 días', en: 'the expiry is capped at 400 days' },
  'evicted-domain-limit': { es: 'el sitio superó 180 cookies y el navegador borró las menos usadas', en: 'the site went over 180 cookies and the browser removed the least used ones' },
  'host-mismatch': { es: 'es solo para otro host', en: 'it belongs to another host only' },
  'path-mismatch': { es: 'su Path no cubre esta ruta', en: 'its Path does not cover this path' },
  'secure-over-http': { es: 'es Secure y la petición va por HTTP', en: 'it is Secure and the request is plain HTTP' },
  'samesite-strict': { es: 'SameSite=Strict: no sale en peticiones iniciadas por otro sitio', en: 'SameSite=Strict: never sent on requests another site starts' },
  'samesite-lax-subresource': { es: 'SameSite=Lax: otro sitio solo la arrastra al navegar la pestaña, no en imágenes ni fetch', en: 'SameSite=Lax: another site only carries it along by navigating the tab, not in images or fetch' },
  'samesite-lax-unsafe-method': { es: 'SameSite=Lax: una navegación desde otro sitio solo la lleva con GET, no con POST', en: 'SameSite=Lax: a navigation from another site only carries it with GET, not POST' },
  'samesite-lax-default-too-old': { es: 'sin SameSite vale Lax; la excepción de Chrome para POST solo cubre sus primeros 2 minutos', en: 'without SameSite it is Lax; Chrome\'s POST exception only covers its first 2 minutes' },
  'partitioned-other-site': { es: 'está particionada (CHIPS) para otro sitio principal', en: 'it is partitioned (CHIPS) for another top-level site' },
  'third-party-blocked': { es: 'este navegador bloquea las cookies de terceros', en: 'this browser blocks third-party cookies' },
  httponly: { es: 'es HttpOnly: los scripts no la ven', en: 'it is HttpOnly: scripts cannot see it' },
};

export const CHROMIUM_RULE_TEXT: Record<ChromiumRule, Bilingual> = {
  'tab-in-name-or-value': {
    es: 'RFC 6265bis admite un tabulador dentro del nombre o el valor; Chromium rechaza la cookie.',
    en: 'RFC 6265bis allows a tab inside the name or value; Chromium refuses the cookie.',
  },
  'nameless-value-with-equals': {
    es: 'RFC 6265bis guardaría "=a=b" como cookie sin nombre; Chromium la rechaza porque se enviaría como "a=b".',
    en: 'RFC 6265bis would store "=a=b" as a nameless cookie; Chromium refuses it because it would be sent as "a=b".',
  },
  'cookie-date': {
    es: 'Chromium lee años de una cifra y trata un año anterior a 1601 como fecha pasada (la cookie caduca); RFC 6265bis ignoraría el atributo.',
    en: 'Chromium reads one-digit years and treats a year before 1601 as a past date (the cookie expires); RFC 6265bis would ignore the attribute.',
  },
  'last-expiry-attribute-wins': {
    es: 'Con dos Expires (o Max-Age), Chromium usa el último aunque no se pueda leer, y la cookie queda sin caducidad; RFC 6265bis conservaría el anterior.',
    en: 'With two Expires (or Max-Age) attributes Chromium uses the last even when unreadable, leaving the cookie without expiry; RFC 6265bis would keep the earlier one.',
  },
  'dot-only-domain': {
    es: 'Domain=. no es un dominio: Chromium rechaza la cookie.',
    en: 'Domain=. is not a domain: Chromium refuses the cookie.',
  },
  'replace-is-new': {
    es: 'Al sustituir una cookie por otra con distinto valor, Chromium le da una fecha de creación nueva (pasa al final del orden); RFC 6265bis conservaría la antigua.',
    en: 'When a cookie is replaced with a different value Chromium gives it a new creation time (it moves to the end of the order); RFC 6265bis would keep the old one.',
  },
  'http-prefix': {
    es: 'Chromium exige Secure y HttpOnly a las cookies __Http- y __Host-Http- (prefijos posteriores a RFC 6265bis).',
    en: 'Chromium requires Secure and HttpOnly for __Http- and __Host-Http- cookies (prefixes newer than RFC 6265bis).',
  },
  'partitioned-requires-secure': {
    es: 'Chromium rechaza Partitioned sin Secure, también en localhost.',
    en: 'Chromium refuses Partitioned without Secure, on localhost too.',
  },
  'domain-cookie-limit': {
    es: 'Chromium guarda como mucho 180 cookies por sitio y, al pasarse, borra las menos usadas hasta quedarse con 150.',
    en: 'Chromium keeps at most 180 cookies per site and, when over, removes the least used until 150 remain.',
  },
  'lax-allowing-unsafe': {
    es: 'Una cookie sin SameSite (Lax por defecto) aún viaja en un POST de navegación desde otro sitio durante sus primeros 2 minutos: excepción de Chromium ("Lax-allowing-unsafe").',
    en: 'A cookie without SameSite (Lax by default) still goes with a cross-site top-level POST during its first 2 minutes: Chromium\'s "Lax-allowing-unsafe" exception.',
  },
};

/** The text for a reason code in the page's language; an unknown code comes back as itself. */
export function cookieReasonText(code: string, lang: TextLang): string {
  return (REASON_TEXT as Record<string, Bilingual | undefined>)[code]?.[lang] ?? code;
}

export function chromiumRuleText(rule: string, lang: TextLang): string {
  return (CHROMIUM_RULE_TEXT as Record<string, Bilingual | undefined>)[rule]?.[lang] ?? rule;
}
