import { describe, expect, it } from 'vitest';
import { isSameSite, siteKey, siteOf } from '../../playground/engine/cookies/index.ts';

describe('sites (registrable domains), as SameSite and partitioned cookies use them', () => {
  it.each([
    ['sub.home.example.org', 'example.org'],
    ['example.org', 'example.org'],
    ['a.b.co.uk', 'b.co.uk'],
    ['x.github.io', 'x.github.io'],
    ['github.io', 'github.io'],
    ['localhost', 'localhost'],
    ['app.localhost', 'app.localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['[::1]', '[::1]'],
  ])('%s is on the site %s', (host, site) => {
    expect(siteOf(host)).toBe(site);
  });

  it('same site needs the same scheme and registrable domain, not the same origin', () => {
    const u = (s: string) => new URL(s);
    expect(isSameSite(u('https://blog.example.org/'), u('https://app.example.org:8443/'))).toBe(true);
    expect(isSameSite(u('http://app.example.org/'), u('https://app.example.org/'))).toBe(false);
    expect(isSameSite(u('https://evil.example/'), u('https://example.org/'))).toBe(false);
    expect(isSameSite(u('http://localhost:5000/'), u('http://app.localhost:5000/'))).toBe(false);
    expect(siteKey(u('https://sub.home.example.org:4443/x'))).toBe('https://example.org');
  });
});
