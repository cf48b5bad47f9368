/**
 * What the cookie panel lists under "if the session is saved again": values a decoded session
 * holds that JavaScript cannot keep. (That Flask really holds them is checked in flask-diff.)
 */
import { describe, expect, it } from 'vitest';
import { encodeSessionCookieSync, inspectSessionCookie, jsCannotKeep, signWithTimestamp, taggedLoads } from '../../playground/engine/index.ts';

const kinds = (json: string) => jsCannotKeep(json, taggedLoads(json)).map((l) => `${l.kind} ${l.where} ${l.python}`);

describe('jsCannotKeep', () => {
  it('finds floats with an integral value, and only those', () => {
    expect(kinds('{"a":2.0,"b":1e16,"c":1.5,"d":2,"e":-0.0,"f":"3.0","g":[1E2],"h":"\\"4.0"}')).toEqual([
      'integral-float  2.0',
      'integral-float  1e16',
      'integral-float  1E2',
    ]);
  });

  it('finds dates whose UTC offset Python keeps, with where they are', () => {
    expect(kinds('{"cart":{"at":{" d":"Mon, 10 Jun 2024 06:30:00 +0200"}},"b":[{" d":"Mon, 10 Jun 2024 06:30:00 EST"}],"c":{" d":"Mon, 10 Jun 2024 06:30:00 GMT"}}')).toEqual([
      'datetime-offset cart.at UTC+02:00',
      'datetime-offset b[0] UTC-05:00',
    ]);
  });

  it('finds keys that are not str (dict() of pairs)', () => {
    expect(kinds('[[1,"a"],["b",2]]')).toEqual(['non-string-key  1']);
  });

  it('explains each in Spanish and English, and the cookie panel gets them with the decoded session', () => {
    const cookie = signWithTimestamp(Buffer.from('{"price":10.0}').toString('base64url'), 1700000000, 'dev');
    const info = inspectSessionCookie(cookie, { secretKey: 'dev', now: 1700000000 });
    expect(info.cannotKeep).toHaveLength(1);
    expect(info.cannotKeep[0].es).toContain('10.0');
    expect(info.cannotKeep[0].en).toContain('saving the session writes it as an int');
    const plain = encodeSessionCookieSync({ price: 10.5, n: 10 }, { secretKey: 'dev', timestamp: 1700000000 });
    expect(inspectSessionCookie(plain, { secretKey: 'dev', now: 1700000000 }).cannotKeep).toEqual([]);
  });
});
