import { describe, expect, it } from 'vitest';
import { SimulatedBrowser } from '../../../playground/engine/cookies/index.ts';
import type { WireRequest, WireResponse } from '../../../playground/engine/wire.ts';
import {
  completeOtherSiteRequest,
  EVIL_ORIGIN,
  OTHER_SITE_VIAS,
  otherSiteContext,
  otherSiteRequest,
} from '../../../playground/engine/actors/other-site.ts';
import { CHROMIUM_RULE_TEXT, REASON_TEXT, cookieReasonText } from '../../../playground/engine/cookies/reasons.ts';

const T0 = 1_700_000_000;
const APP = 'http://localhost:5000';
const header = (req: WireRequest, name: string) => req.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
const ok = (headers: [string, string][] = []): WireResponse => ({ status: 200, statusText: 'OK', headers, body: 'hecho' });

/** Ana logged in to the app: Flask's session cookie (HttpOnly, no SameSite: Lax by default). */
function ana(sessionLine = 'session=eyJ1IjoiYW5hIn0.ZVO0AA.sig; HttpOnly; Path=/') {
  const browser = new SimulatedBrowser({ id: 'ana', name: 'Ana' });
  browser.jar.setFromResponse(`${APP}/login`, [sessionLine], T0);
  return browser;
}

describe('another site makes Ana’s browser send a request (CSRF)', () => {
  it('classifies each way a page can do it as Chromium does', () => {
    const kinds = OTHER_SITE_VIAS.map((via) => {
      const c = otherSiteContext(via, 'https://evil.example/', `${APP}/`);
      return [via, c.site, c.method, c.topLevelNavigation];
    });
    expect(kinds).toEqual([
      ['link', 'cross-site', 'GET', true],
      ['form-get', 'cross-site', 'GET', true],
      ['form-post', 'cross-site', 'POST', true],
      ['iframe', 'cross-site', 'GET', false],
      ['image', 'cross-site', 'GET', false],
      ['fetch-get', 'cross-site', 'GET', false],
      ['fetch-post', 'cross-site', 'POST', false],
    ]);
    // Same site is not same origin: a sibling subdomain is the same site; http vs https is not.
    expect(otherSiteContext('fetch-get', 'https://blog.example.org/', 'https://app.example.org/').site).toBe('same-site');
    expect(otherSiteContext('fetch-get', 'http://app.example.org/', 'https://app.example.org/').site).toBe('cross-site');
  });

  it('a form posted within two minutes of login still carries Flask’s session (Lax-allowing-unsafe)', () => {
    const browser = ana();
    const attempt = otherSiteRequest(browser, { via: 'form-post', path: '/transferir', body: 'a=eve&cantidad=100' }, APP, T0 + 60);
    expect(header(attempt.request, 'cookie')).toBe('session=eyJ1IjoiYW5hIn0.ZVO0AA.sig');
    expect(attempt.cookies).toEqual({ sent: [{ name: 'session', domain: 'localhost', path: '/' }], withheld: [], chromium: ['lax-allowing-unsafe'] });
    expect(attempt.request).toMatchObject({ method: 'POST', url: `${APP}/transferir`, body: 'a=eve&cantidad=100' });
    expect(header(attempt.request, 'content-type')).toBe('application/x-www-form-urlencoded');
    expect(header(attempt.request, 'origin')).toBe(EVIL_ORIGIN);
    expect(header(attempt.request, 'sec-fetch-site')).toBe('cross-site');
    expect(header(attempt.request, 'sec-fetch-mode')).toBe('navigate');
  });

  it('after two minutes the same form goes without it, and the record says why', () => {
    const attempt = otherSiteRequest(ana(), { via: 'form-post', path: '/transferir', body: 'a=eve' }, APP, T0 + 121);
    expect(header(attempt.request, 'cookie')).toBeUndefined();
    expect(attempt.cookies.withheld).toEqual([{ name: 'session', domain: 'localhost', path: '/', reason: 'samesite-lax-default-too-old' }]);
    expect(cookieReasonText('samesite-lax-default-too-old', 'es')).toMatch(/2 minutos/);
  });

  it('explicit SameSite=Lax never rides a cross-site POST; Strict not even a link; None always', () => {
    const lax = otherSiteRequest(ana('session=x; HttpOnly; Path=/; SameSite=Lax'), { via: 'form-post', path: '/' }, APP, T0 + 1);
    expect(lax.cookies.withheld.map((w) => w.reason)).toEqual(['samesite-lax-unsafe-method']);
    const strict = otherSiteRequest(ana('session=x; Path=/; SameSite=Strict'), { via: 'link', path: '/' }, APP, T0 + 1);
    expect(strict.cookies.withheld.map((w) => w.reason)).toEqual(['samesite-strict']);
    const none = otherSiteRequest(ana('session=x; Path=/; SameSite=None; Secure'), { via: 'image', path: '/' }, APP, T0 + 500);
    expect(none.cookies.sent.map((c) => c.name)).toEqual(['session']);
    const img = otherSiteRequest(ana(), { via: 'image', path: '/' }, APP, T0 + 1);
    expect(img.cookies.withheld.map((w) => w.reason)).toEqual(['samesite-lax-subresource']);
    expect(header(img.request, 'origin')).toBeUndefined();
  });

  it('a browser that blocks third-party cookies sends none with subresources, even SameSite=None', () => {
    const browser = ana('session=x; Path=/; SameSite=None; Secure');
    const blocked = otherSiteRequest(browser, { via: 'fetch-post', path: '/api', thirdPartyCookies: 'blocked' }, APP, T0);
    expect(blocked.cookies.withheld.map((w) => w.reason)).toEqual(['third-party-blocked']);
    const link = otherSiteRequest(browser, { via: 'link', path: '/', thirdPartyCookies: 'blocked' }, APP, T0);
    expect(link.cookies.sent).toHaveLength(1);
  });

  it('records the exchange with the decision and who made it; the other site reads only with CORS', () => {
    const browser = ana('session=x; Path=/; SameSite=None; Secure');
    const attempt = otherSiteRequest(browser, { via: 'fetch-get', path: '/api/perfil' }, APP, T0);
    const plain = completeOtherSiteRequest(browser, attempt, ok(), T0);
    expect(plain.actor).toEqual({ kind: 'other-site', initiator: 'https://evil.example/', via: 'fetch-get', site: 'cross-site', initiatorCanRead: false });
    expect(plain.cookies?.sent.map((c) => c.name)).toEqual(['session']);
    const cors = completeOtherSiteRequest(browser, attempt, ok([['Access-Control-Allow-Origin', 'https://evil.example'], ['Access-Control-Allow-Credentials', 'true']]), T0);
    expect(cors.actor?.initiatorCanRead).toBe(true);
    expect(browser.history.map((e) => e.seq)).toEqual([1, 2]);
    expect(SimulatedBrowser.fromJSON(JSON.parse(JSON.stringify(browser.toJSON()))).history[1].actor?.initiatorCanRead).toBe(true);
  });

  it('a response to a cross-site subresource cannot plant a Lax cookie; one to a navigation can', () => {
    const browser = ana();
    const img = otherSiteRequest(browser, { via: 'image', path: '/pixel' }, APP, T0);
    const ex = completeOtherSiteRequest(browser, img, ok([['Set-Cookie', 'tracker=1']]), T0);
    expect(ex.changes.map((c) => [c.kind, c.reason])).toEqual([['rejected', 'samesite-cross-site']]);
    const link = otherSiteRequest(browser, { via: 'link', path: '/' }, APP, T0);
    expect(completeOtherSiteRequest(browser, link, ok([['Set-Cookie', 'visto=1']]), T0).changes[0].kind).toBe('added');
  });

  it('a same-site page is not "another site": Strict cookies go', () => {
    const browser = new SimulatedBrowser({ id: 'b', name: 'B' });
    browser.jar.setFromResponse('https://app.example.org/', ['s=1; SameSite=Strict'], T0);
    const attempt = otherSiteRequest(browser, { via: 'fetch-post', from: 'https://blog.example.org/x', path: '/api' }, 'https://app.example.org', T0);
    expect(header(attempt.request, 'cookie')).toBe('s=1');
    expect(header(attempt.request, 'sec-fetch-site')).toBe('same-site');
    expect(attempt.actor.site).toBe('same-site');
  });
});

describe('bad input', () => {
  it('says which address is wrong instead of failing somewhere inside', () => {
    const browser = ana();
    expect(() => otherSiteRequest(browser, { via: 'link', from: 'javascript:alert(1)', path: '/' }, APP, T0)).toThrow(/other site's page must be an http or https address/);
    expect(() => otherSiteRequest(browser, { via: 'link', from: 'evil', path: '/' }, APP, T0)).toThrow(/other site's page/);
    expect(() => otherSiteRequest(browser, { via: 'link', path: 'ftp://x/' }, APP, T0)).toThrow(/The target/);
    expect(() => otherSiteRequest(browser, { via: 'teleport' as never, path: '/' }, APP, T0)).toThrow(/Unknown way/);
  });
});

describe('reasons in both languages', () => {
  it('every reason code and Chromium rule has Spanish and English text', () => {
    for (const table of [REASON_TEXT, CHROMIUM_RULE_TEXT]) {
      for (const [code, text] of Object.entries(table)) {
        expect(text.es.length, code).toBeGreaterThan(5);
        expect(text.en.length, code).toBeGreaterThan(5);
        expect(text.es, code).not.toBe(text.en);
      }
    }
    expect(cookieReasonText('no-such-code', 'en')).toBe('no-such-code');
  });
});
