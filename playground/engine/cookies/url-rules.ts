/**
 * The URL questions a cookie jar asks (RFC 6265bis §5.1): which host, is the origin secure,
 * does a domain or a path match, and which domains are "public suffixes".
 */

/** Lower-case host name of a URL; IPv6 addresses keep their brackets (`[::1]`). */
export function canonicalHost(url: URL): string {
  return url.hostname.toLowerCase();
}

export function isIpAddress(host: string): boolean {
  return host.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
}

/**
 * "Secure" origins may set and receive Secure cookies. Besides https, Chromium treats loopback hosts
 * as potentially trustworthy, so `http://localhost:5000` (Flask's dev server) behaves like https here.
 */
export function isSecureOrigin(url: URL): boolean {
  if (url.protocol === 'https:' || url.protocol === 'wss:') return true;
  const host = canonicalHost(url);
  return host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '[::1]';
}

/**
 * Domain matching (§5.1.3): `www.ejemplo.test` matches `ejemplo.test`, but `malejemplo.test` does not
 * (the character before the suffix must be a dot), and an IP address only matches itself.
 */
export function domainMatches(host: string, domain: string): boolean {
  if (host === domain) return true;
  return !isIpAddress(host) && host.endsWith(domain) && host.charAt(host.length - domain.length - 1) === '.';
}

/**
 * Default path (§5.1.4): the request path up to, but not including, its last "/".
 * A cookie set by `/cuenta/login` is therefore sent to `/cuenta/...` but not to `/`.
 */
export function defaultPath(url: URL): string {
  const path = url.pathname;
  if (!path.startsWith('/')) return '/';
  const lastSlash = path.lastIndexOf('/');
  return lastSlash === 0 ? '/' : path.slice(0, lastSlash);
}

/** Path matching (§5.1.4): `/cuenta` matches `/cuenta` and `/cuenta/x`, not `/cuentas`. */
export function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath.charAt(cookiePath.length) === '/';
}

/**
 * Real browsers ship the whole Public Suffix List (about 10,000 rules, ~60 KB). The playground keeps
 * the lesson without the weight: every top-level label (`com`, `test`, `localhost`) counts as a public
 * suffix, plus a few well-known registries where anyone can get a subdomain.
 */
const MULTI_LABEL_PUBLIC_SUFFIXES = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'com.ar', 'gob.ar', 'com.mx', 'gob.mx', 'com.es', 'gob.es',
  'org.es', 'com.co', 'com.pe', 'com.br', 'com.au', 'co.jp', 'github.io', 'gitlab.io',
  'netlify.app', 'vercel.app', 'pages.dev', 'herokuapp.com', 'pythonanywhere.com', 'blogspot.com',
]);

export function isPublicSuffix(domain: string): boolean {
  return !domain.includes('.') || MULTI_LABEL_PUBLIC_SUFFIXES.has(domain);
}

/**
 * The registrable domain ("eTLD+1") of a host: `sub.home.example.org` → `example.org`,
 * `a.b.co.uk` → `b.co.uk`; an IP address or a public suffix is its own site. Two URLs are
 * same-site when their schemes and these agree (schemeful same-site, as Chromium decides SameSite).
 */
export function siteOf(host: string): string {
  if (isIpAddress(host) || isPublicSuffix(host)) return host;
  const labels = host.split('.');
  for (let i = 1; i < labels.length; i++) {
    if (isPublicSuffix(labels.slice(i).join('.'))) return labels.slice(i - 1).join('.');
  }
  return host;
}

/** A URL's site as one string, `https://example.org`: what partitioned cookies are keyed by. */
export function siteKey(url: URL): string {
  return `${url.protocol.replace(':', '')}://${siteOf(canonicalHost(url))}`;
}

/** Schemeful same-site: `https://app.example.org` and `https://www.example.org` are; http and https are not. */
export function isSameSite(a: URL, b: URL): boolean {
  return a.protocol === b.protocol && siteOf(canonicalHost(a)) === siteOf(canonicalHost(b));
}
