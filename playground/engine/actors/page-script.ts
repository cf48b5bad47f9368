/**
 * A script in the page (the XSS actor): code running on a page of the reader's app, in one user's
 * browser, reads `document.cookie` and may write to it. What it sees is exactly what makes
 * `HttpOnly` matter: every cookie the page's URL would receive, minus the HttpOnly ones, formatted
 * as Chromium formats it (`a=1; b=2`, a nameless cookie as its bare value).
 */
import type { CookieJar, JarChange, StoredCookie } from '../cookies/jar.ts';
import type { WithheldReason } from '../cookies/reasons.ts';

export interface ScriptCookieView {
  /** The page the script runs on. */
  url: string;
  /** The string `document.cookie` returns there. */
  documentCookie: string;
  visible: { name: string; value: string }[];
  /** Cookies of this browser the script cannot see, and why (HttpOnly, path, Secure on http…). */
  hidden: { name: string; domain: string; path: string; reason: WithheldReason }[];
}

/** What `document.cookie` shows on `pageUrl` in the browser that owns `jar`. */
export function readDocumentCookie(jar: CookieJar, pageUrl: string, now: number): ScriptCookieView {
  // A script on the page reads as a same-site, top-level context: the page is the app's own.
  const decision = jar.explainRequest(pageUrl, now, { site: 'same-site', topLevelNavigation: true });
  const where = (c: StoredCookie) => ({ name: c.name, domain: c.domain, path: c.path });
  const visible = decision.sent.filter((c) => !c.httpOnly);
  const hidden = [
    ...decision.sent.filter((c) => c.httpOnly).map((c) => ({ ...where(c), reason: 'httponly' as const })),
    ...decision.withheld.map((w) => ({ ...where(w.cookie), reason: w.reason })),
  ];
  return {
    url: pageUrl,
    documentCookie: jar.visibleToScript(pageUrl, now),
    visible: visible.map((c) => ({ name: c.name, value: c.value })),
    hidden,
  };
}

/**
 * `document.cookie = text` on `pageUrl`. Returns the jar change: 'rejected' with
 * `httponly-from-script` when the text asks for HttpOnly or would replace an HttpOnly cookie.
 */
export function writeDocumentCookie(jar: CookieJar, pageUrl: string, text: string, now: number): JarChange {
  return jar.setFromScript(pageUrl, text, now);
}
