/**
 * The controller's security actors: another site's request lands in the chosen user's timeline with
 * who made it and the jar's cookie decision; a script in the page reads and writes document.cookie.
 */
import { describe, expect, it } from 'vitest';
import { PlaygroundController, pageUrl } from '../../playground/ui/controller.ts';
import { FakeServer, SEED } from './fake-server.ts';

const make = () => new PlaygroundController({ example: SEED, lang: 'en', server: new FakeServer(), loadDelay: 0, saveDelay: 0, startTime: 1_800_000_000 });

describe('another site', () => {
  it('a form posted from evil.example goes in the user\'s timeline, marked, with the cookies it carried', async () => {
    const c = make();
    await c.send({ method: 'GET', path: '/' });
    const out = await c.sendFromOtherSite({ via: 'form-post', path: '/perfil', body: 'a=1' });
    if (!out || 'error' in out || out.entry.kind !== 'exchange') throw new Error('expected an exchange');
    expect(out.entry.exchange.actor).toMatchObject({ kind: 'other-site', initiator: 'https://evil.example/', via: 'form-post' });
    // Flask's default cookie has no SameSite: Chromium lets it go with a cross-site POST for 2 minutes.
    expect(out.entry.exchange.cookies?.sent.map((s) => s.name)).toEqual(['session']);
    expect(c.lastEntry()).toBe(out.entry);
    expect(out.entry.exchange.request.headers).toContainEqual(['Origin', 'https://evil.example']);
  });

  it('an image does not carry a cookie that is Lax by default, and says why', async () => {
    const c = make();
    await c.send({ method: 'GET', path: '/' });
    const out = await c.sendFromOtherSite({ via: 'image', path: '/perfil' });
    if (!out || 'error' in out || out.entry.kind !== 'exchange') throw new Error('expected an exchange');
    expect(out.entry.exchange.cookies?.sent).toEqual([]);
    expect(out.entry.exchange.cookies?.withheld.map((w) => [w.name, w.reason])).toEqual([['session', 'samesite-lax-subresource']]);
  });

  it('a path that is not http(s) is refused before anything is sent', async () => {
    const c = make();
    const out = await c.sendFromOtherSite({ via: 'link', path: 'javascript:alert(1)' });
    expect(out && 'error' in out ? out.error : null).toMatch(/http or https/);
    expect(c.timelines.get(c.selectedId)).toEqual([]);
  });
});

describe('a script in the page', () => {
  it('does not see the HttpOnly session cookie, sees what it wrote, and cannot write HttpOnly', async () => {
    const c = make();
    await c.send({ method: 'GET', path: '/' });
    expect(c.documentCookie('/')?.documentCookie).toBe('');
    expect(c.documentCookie('/')?.hidden.map((x) => [x.name, x.reason])).toEqual([['session', 'httponly']]);
    expect(c.writeDocumentCookie('/', 'tema=oscuro; Path=/')?.kind).toBe('added');
    expect(c.documentCookie('/perfil')?.documentCookie).toBe('tema=oscuro');
    expect(c.writeDocumentCookie('/', 'session=x; Path=/')?.kind).toBe('rejected');
    expect(c.lastChanges.get(c.selectedId)?.[0].reason).toBe('httponly-from-script');
  });

  it('a page path never leaves the app\'s origin', () => {
    expect(pageUrl('//evil.example/x')).toBe('http://localhost:5000//evil.example/x');
    expect(pageUrl('perfil')).toBe('http://localhost:5000/perfil');
  });
});
