import { describe, expect, it } from 'vitest';
import { encodeSessionCookieSync, inspectSessionCookie } from '../../playground/engine/index.ts';
import { reencodePayload } from '../../playground/ui/tamper.ts';

const key = 'tu_clave_secreta_aqui';

describe('editing session data by hand (no key)', () => {
  it('changes what the cookie says but not its signature, so verification fails', () => {
    const original = encodeSessionCookieSync({ username: 'ana' }, { secretKey: key, timestamp: 1_800_000_000 });
    expect(inspectSessionCookie(original, { secretKey: key, now: 1_800_000_000 }).verdict.valid).toBe(true);
    const forged = reencodePayload(original, '{"username": "admin", "role": "root"}');
    const seen = inspectSessionCookie(forged, { secretKey: key, now: 1_800_000_000 });
    expect(seen.data).toEqual({ username: 'admin', role: 'root' });
    expect(seen.verdict).toMatchObject({ valid: false, reason: 'bad-signature' });
    expect(forged.split('.').slice(-2)).toEqual(original.split('.').slice(-2));
  });

  it('writes a compressed cookie back uncompressed and still readable', () => {
    const big = { items: Array.from({ length: 40 }, () => 'manzana') };
    const original = encodeSessionCookieSync(big, { secretKey: key, timestamp: 1_800_000_000 });
    expect(original.startsWith('.')).toBe(true);
    const forged = reencodePayload(original, JSON.stringify({ items: ['pera'] }));
    expect(forged.startsWith('.')).toBe(false);
    expect(inspectSessionCookie(forged, { secretKey: key }).data).toEqual({ items: ['pera'] });
  });

  it('rejects text that is not JSON', () => {
    expect(() => reencodePayload('a.b.c', '{nope')).toThrow(SyntaxError);
  });
});
