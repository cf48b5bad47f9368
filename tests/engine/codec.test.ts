import { describe, expect, it } from 'vitest';
import {
  decodeSessionCookieSync,
  encodeSessionCookie,
  decodeSessionCookie,
  encodeSessionCookieSync,
  inspectSessionCookie,
  dumpPayload,
  Markup,
  Tuple,
  UUID,
  deriveKey,
} from '../../playground/engine/index.ts';
import { type GenRecord, hasPythonOnlyNumber, ordered, orderedConv, readJsonl } from './convention.ts';

// Every recorded session is checked against Flask in flask-diff.test.ts; a few serve here.
const records = readJsonl<GenRecord>('3.1/sessions.jsonl');
const jsSafe = records.slice(1500);

describe('decoding without a max age', () => {
  it('decodes far from the signing time only when no max age is asked for', () => {
    const r = jsSafe[1];
    expect(decodeSessionCookieSync(r.cookie, { secretKey: r.secret, now: r.ts + 10 ** 9, maxAge: null }).ok).toBe(true);
    expect(decodeSessionCookieSync(r.cookie, { secretKey: r.secret, now: r.ts + 10 ** 9 })).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('FORMAT.md worked examples', () => {
  const enc = (data: unknown, secretKey: string, timestamp: number) => encodeSessionCookieSync(data, { secretKey, timestamp });
  it('E1', () => {
    expect(enc({ user_id: 42 }, 'dev', 1700000000)).toBe('eyJ1c2VyX2lkIjo0Mn0.ZVPxAA.hjhtQRGPO7UK57j5dSOtrXVGqbs');
    expect(Buffer.from(deriveKey('dev')).toString('hex')).toBe('4d50ad79847b366eb85f0c79d35a580ff1348d10');
  });
  it('E2: code point key order, non-ASCII secret, DEL escaped', () => {
    const data = { name: 'José 😀', '\uff01': 1, '😀': 2, Zed: true, 'a"b': 'x\u007fy\n' };
    expect(dumpPayload(data).json).toBe('{"Zed":true,"a\\"b":"x\\u007fy\\n","name":"Jos\\u00e9 \\ud83d\\ude00","\\uff01":1,"\\ud83d\\ude00":2}');
    expect(enc(data, 'clé-🔑', 1718000000)).toBe(
      '.eJyrVopKTVGyKikqTdVRSoxRSlKyUqqIKTUwME-rjMlT0lHKS8xNBYp55ReDRFMtFWJKUyyMU4BkqoEBUD6mNC3NwFDJyhDERJKxMqoFABODG20.ZmaZgA.C4xfp9oaxR5B7JQd8_3hSY7ujH8',
    );
  });
  it('E3: tagged types; datetimes come back in UTC without fractions', () => {
    const data = {
      t: Tuple.from([1, 'dos', Tuple.from([])]),
      b: new Uint8Array([0, 1, 2, 255]),
      u: new UUID('12345678-1234-5678-1234-567812345678'),
      d: new Date('2024-06-10T08:30:00.123+02:00'),
      m: new Markup('<b>¡hola!</b>'),
    };
    const cookie = enc(data, 's3cr3t', 1718000001);
    expect(cookie).toBe(
      '.eJyrVkpSsqpWUgCSSo6Ors765ba2SrU6SilgUSCp5Jufp6NgaKDgVZqnYGRgZKJgYGZlbGBlYKDg7hsCUpoLVgoklWyS7GJKDQwSDTPycxIVbfST7EDyJWB5IBltCDQ3v1hJB8qNrY0FSpeCpYGkkqGRsYmpmbkFLlqpthYAMU4r3A.ZmaZgQ.sEa1l-epzvuVuXJuzb8Dd1eWF28',
    );
    const back = decodeSessionCookieSync(cookie, { secretKey: 's3cr3t', now: 1718000001 });
    expect(back.ok && (back.data as { d: Date }).d.toISOString()).toBe('2024-06-10T06:30:00.000Z');
    expect(back.ok && (back.data as { t: unknown }).t).toBeInstanceOf(Tuple);
  });
  it('E4: " di" escape', () => {
    const data = { ' t': [1, 2], k: { $tuple: 5 }, n: { ' di': { ' m': 'x' } } };
    expect(dumpPayload(data).json).toBe('{" t":[1,2],"k":{"$tuple":5},"n":{" di":{" di__":{" di":{" m__":"x"}}}}}');
    const cookie = enc(data, 's3cr3t', 1718000002);
    expect(cookie).toBe('.eJyrVlIoUbKKNtQxitVRylayqlZSKSktyElVsjKt1VHKAwkopGRCqfh4ZH4uiKtUoVQLAgDT3BTc.ZmaZgg.MXisEYZCiwqLm3Ep355yQRlQnkM');
    const back = decodeSessionCookieSync(cookie, { secretKey: 's3cr3t', now: 1718000002 });
    expect(back.ok && back.data).toEqual(data);
  });
  it('E5: Python-only numbers decode (ints beyond 2**53 exactly)', () => {
    const cookie = 'eyJiaWciOjE4NDQ2NzQ0MDczNzA5NTUxNjE2LCJlIjoxZSsxNiwiZiI6Mi4wLCJnIjoxZS0wNSwieCI6MC4xLCJ6IjotMC4wfQ.AQAAAAA.qtZMvUDrzDsQfqryjNhlJxLkG8c';
    const r = decodeSessionCookieSync(cookie, { secretKey: 'dev', now: 4294967296 });
    expect(r).toEqual({ ok: true, timestamp: 4294967296, data: { big: 18446744073709551616n, e: 1e16, f: 2, g: 1e-5, x: 0.1, z: -0 } });
    expect(Object.is((r as { data: { z: number } }).data.z, -0)).toBe(true);
    // what JS can keep: the big int, 1e-05, 0.1 and -0.0 are written back exactly
    expect(dumpPayload({ big: 18446744073709551616n, g: 1e-5, x: 0.1, z: -0 }).json).toBe('{"big":18446744073709551616,"g":1e-05,"x":0.1,"z":-0.0}');
  });
  it('E6: timestamp 0 is empty', () => {
    expect(enc({}, 'dev', 0)).toBe('e30..5AvcHLbMPxu4hNRRu4xAB84N0HI');
    expect(decodeSessionCookieSync('e30..5AvcHLbMPxu4hNRRu4xAB84N0HI', { secretKey: 'dev', now: 0 })).toEqual({ ok: true, data: {}, timestamp: 0 });
  });
  it('E7: strict compression boundary', () => {
    expect(enc({ k: 'aaaaaaaaaaa' }, 'dev', 1700000000)).toBe('eyJrIjoiYWFhYWFhYWFhYWEifQ.ZVPxAA.7j0ds44Eee1kR7lqlTje_hNbwyM');
    expect(enc({ k: 'aaaaaaaaaaaa' }, 'dev', 1700000000)).toBe('.eJyrVspWslJKRAJKtQBDAway.ZVPxAA.6CBsbgQhH4MtJ6brha1P4SL-Whg');
  });
  it('E8: NaN and -Infinity', () => {
    expect(enc({ n: NaN, i: -Infinity }, 'dev', 1700000000)).toBe('eyJpIjotSW5maW5pdHksIm4iOk5hTn0.ZVPxAA.woiYRrKqWV33usO4y_g2AsRs3u4');
    const r = decodeSessionCookieSync('eyJpIjotSW5maW5pdHksIm4iOk5hTn0.ZVPxAA.woiYRrKqWV33usO4y_g2AsRs3u4', { secretKey: 'dev', now: 1700000000 });
    expect(r).toEqual({ ok: true, timestamp: 1700000000, data: { i: -Infinity, n: NaN } });
  });
});

describe('async API and inspection', () => {
  it('async versions give the sync results', async () => {
    const c = await encodeSessionCookie({ a: 1 }, { secretKey: 'k', timestamp: 1700000000 });
    expect(c).toBe(encodeSessionCookieSync({ a: 1 }, { secretKey: 'k', timestamp: 1700000000 }));
    expect(await decodeSessionCookie(c, { secretKey: 'k', now: 1700000000 })).toEqual({ ok: true, data: { a: 1 }, timestamp: 1700000000 });
    expect(await decodeSessionCookie(c, { secretKey: 'nope', now: 1700000000 })).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('reads the payload without the key (signed, not encrypted)', () => {
    const r = records.find((x) => x.cookie.startsWith('.') && !hasPythonOnlyNumber(x.decoded))!;
    const info = inspectSessionCookie(r.cookie, { secretKey: 'wrong key', now: r.ts });
    expect(info.verdict).toMatchObject({ valid: false, reason: 'bad-signature' });
    expect(info.payloadJson).toBe(r.payload_json);
    expect(info.compressed).toBe(true);
    expect(info.timestamp).toBe(r.ts);
    expect(ordered(info.data)).toEqual(orderedConv(r.decoded));
    const ok = inspectSessionCookie(r.cookie, { secretKey: r.secret, now: r.ts });
    expect(ok.verdict).toEqual({ valid: true, verifiedBy: { key: 'current' } });
    expect(ok.parts?.signature).toBe(r.cookie.slice(r.cookie.lastIndexOf('.') + 1));
  });

  it('names the fallback key that verified', () => {
    const c = encodeSessionCookieSync({ a: 1 }, { secretKey: 'old-2', timestamp: 1700000000 });
    const info = inspectSessionCookie(c, { secretKey: 'new', fallbackKeys: ['old-1', 'old-2', 'old-3'], now: 1700000000 });
    expect(info.verdict).toEqual({ valid: true, verifiedBy: { key: 'fallback', index: 1 } });
  });
});
