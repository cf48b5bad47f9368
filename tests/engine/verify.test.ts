import { describe, expect, it } from 'vitest';
import { decodeSessionCookieSync, inspectSessionCookie } from '../../playground/engine/index.ts';
import { fromConv, readJson, toConv } from './convention.ts';

interface Case { args: string[]; expected: string; rc: number }
const cases = readJson<Case[]>('verify.json');

function parse(args: string[]) {
  const o = { secret: '', fallbacks: [] as string[], now: undefined as number | undefined, maxAge: undefined as number | null | undefined, cookie: '' };
  for (let i = 2; i < args.length; i++) {
    const a = args[i];
    if (a === '--secret') o.secret = args[++i];
    else if (a === '--fallback') o.fallbacks.push(args[++i]);
    else if (a === '--now') o.now = Number(args[++i]);
    else if (a === '--max-age') { const v = args[++i]; o.maxAge = v === 'none' ? null : Number(v); }
    else o.cookie = a;
  }
  return o;
}

/** flaskref's categories → the engine's reasons. Both 500 cases (bad payload, year > 9999) are 'bad-payload'. */
function expectedReason(out: string): string {
  if (out.startsWith('INVALID: bad signature')) return 'bad-signature';
  if (out.startsWith('INVALID: expired')) return 'expired';
  if (out.startsWith('INVALID: malformed payload') || out.startsWith('INVALID: malformed timestamp')) return 'bad-payload';
  if (out.startsWith('INVALID: malformed')) return 'malformed';
  throw new Error('unknown verdict ' + out);
}

describe('verify cases run through Flask (tampering, expiry, future, fallbacks, wrong key, lenient signatures, bad payloads)', () => {
  it(`has ${cases.length} cases with every verdict`, () => {
    const kinds = new Set(cases.map((c) => (c.rc === 0 ? 'ok' : expectedReason(c.expected))));
    expect([...kinds].sort()).toEqual(['bad-payload', 'bad-signature', 'expired', 'malformed', 'ok']);
  });

  it('agrees with Flask on every case', () => {
    const wrong: string[] = [];
    for (const c of cases) {
      const o = parse(c.args);
      const opts = { secretKey: o.secret, fallbackKeys: o.fallbacks, now: o.now, maxAge: o.maxAge };
      const got = decodeSessionCookieSync(o.cookie, opts);
      const info = inspectSessionCookie(o.cookie, opts);
      if (c.rc === 0) {
        const want = JSON.parse(c.expected) as { ts: number; session: unknown };
        const same = got.ok && got.timestamp === want.ts && JSON.stringify(toConv(got.data)) === JSON.stringify(toConv(fromConv(want.session)));
        if (!same || !info.verdict.valid) wrong.push(`${c.args.join(' ')} → ${JSON.stringify(got)}`);
      } else {
        const reason = expectedReason(c.expected);
        if (got.ok || got.reason !== reason || info.verdict.valid || info.verdict.reason !== reason) {
          wrong.push(`${c.args.join(' ')}\n  flask: ${c.expected.trim()}\n  engine: ${JSON.stringify(got)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('accepts the signature spellings Flask accepts (unused low bits, padding, ignored characters)', () => {
    const e1 = 'eyJ1c2VyX2lkIjo0Mn0.ZVPxAA.hjhtQRGPO7UK57j5dSOtrXVGqbs';
    const pre = e1.slice(0, e1.lastIndexOf('.') + 1);
    const sig = e1.slice(pre.length);
    const ok = (s: string) => decodeSessionCookieSync(pre + s, { secretKey: 'dev', now: 1700000000 }).ok;
    for (const last of ['s', 't', 'u', 'v']) expect(ok(sig.slice(0, -1) + last)).toBe(true);
    expect(ok(sig.slice(0, -1) + 'w')).toBe(false);
    expect(ok(sig + '=')).toBe(true);
    expect(ok(sig + '==')).toBe(true);
    expect(ok(sig.slice(0, 5) + '!!' + sig.slice(5))).toBe(true);
    expect(ok(sig.slice(0, 5) + '*' + sig.slice(5))).toBe(false);
    expect(ok(sig.slice(0, -1))).toBe(false);
  });
});
