import { describe, expect, it } from 'vitest';
import { CookieJar } from '../../../playground/engine/cookies/index.ts';
import { readDocumentCookie, writeDocumentCookie } from '../../../playground/engine/actors/page-script.ts';

const T0 = 1_700_000_000;
const APP = 'http://localhost:5000';

function jarWithFlaskSession() {
  const jar = new CookieJar();
  jar.setFromResponse(`${APP}/login`, ['session=firmada; HttpOnly; Path=/', 'tema=oscuro; Path=/', 'carrito=3; Path=/tienda'], T0);
  return jar;
}

describe('a script in the page reads document.cookie (XSS)', () => {
  it('sees every cookie the page would receive except HttpOnly ones, formatted as Chromium does', () => {
    const view = readDocumentCookie(jarWithFlaskSession(), `${APP}/perfil`, T0);
    expect(view.documentCookie).toBe('tema=oscuro');
    expect(view.visible).toEqual([{ name: 'tema', value: 'oscuro' }]);
    expect(view.hidden).toEqual([
      { name: 'session', domain: 'localhost', path: '/', reason: 'httponly' },
      { name: 'carrito', domain: 'localhost', path: '/tienda', reason: 'path-mismatch' },
    ]);
    expect(readDocumentCookie(jarWithFlaskSession(), `${APP}/tienda/x`, T0).documentCookie).toBe('carrito=3; tema=oscuro');
  });

  it('without HttpOnly the session is the script’s to steal', () => {
    const jar = new CookieJar();
    jar.setFromResponse(`${APP}/`, ['session=firmada; Path=/'], T0);
    expect(readDocumentCookie(jar, `${APP}/`, T0).documentCookie).toBe('session=firmada');
  });

  it('can write ordinary cookies but can neither create nor replace an HttpOnly one', () => {
    const jar = jarWithFlaskSession();
    expect(writeDocumentCookie(jar, `${APP}/`, 'tema=claro', T0 + 1).kind).toBe('changed');
    expect(writeDocumentCookie(jar, `${APP}/`, 'nuevo=1; HttpOnly', T0 + 1)).toMatchObject({ kind: 'rejected', reason: 'httponly-from-script' });
    expect(writeDocumentCookie(jar, `${APP}/`, 'session=falsa; Path=/', T0 + 1)).toMatchObject({ kind: 'rejected', reason: 'httponly-from-script' });
    expect(writeDocumentCookie(jar, `${APP}/`, 'session=; Path=/; Max-Age=0', T0 + 1)).toMatchObject({ kind: 'rejected', reason: 'httponly-from-script' });
    // A cookie of the same name on another path is another cookie: allowed, and it shadows nothing on the server's side.
    expect(writeDocumentCookie(jar, `${APP}/`, 'session=falsa; Path=/perfil', T0 + 1).kind).toBe('added');
    expect(jar.cookieHeaderFor(`${APP}/perfil`, T0 + 1)).toBe('session=falsa; session=firmada; tema=claro');
  });
});
