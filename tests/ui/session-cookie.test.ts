import { describe, expect, it } from 'vitest';
import { encodeSessionCookieSync } from '../../playground/engine/cookie-codec.ts';
import { FLASK_DEFAULTS } from '../../playground/ui/model.ts';
import { INSPECT_LIMITS, inspectForReader, printedPayload, sessionData } from '../../playground/ui/session-cookie.ts';

const NOW = 1_800_000_000;
const settings = (over: Partial<typeof FLASK_DEFAULTS> = {}) => ({ ...FLASK_DEFAULTS, ...over });

describe("the page's one way to open a session cookie", () => {
  it('judges with the fallback keys, as Flask does', () => {
    const cookie = encodeSessionCookieSync({ user: 'ana' }, { secretKey: 'old', timestamp: NOW });
    const r = inspectForReader(cookie, settings({ SECRET_KEY: 'new', SECRET_KEY_FALLBACKS: ['old'] }), NOW);
    expect(r.kind === 'opened' && r.info.verdict).toMatchObject({ valid: true, verifiedBy: { key: 'fallback' } });
  });

  it("judges age by the playground's clock, not the computer's", () => {
    const cookie = encodeSessionCookieSync({ user: 'ana' }, { secretKey: 'k', timestamp: NOW });
    const s = settings({ SECRET_KEY: 'k', PERMANENT_SESSION_LIFETIME: 60 });
    const fresh = inspectForReader(cookie, s, NOW + 10);
    const old = inspectForReader(cookie, s, NOW + 3600);
    expect(fresh.kind === 'opened' && fresh.info.verdict.valid).toBe(true);
    expect(old.kind === 'opened' && !old.info.verdict.valid && old.info.verdict.reason).toBe('expired');
    // The data is read whatever the verdict: the checks compare it.
    expect(sessionData(cookie, s, NOW + 3600)).toEqual({ user: 'ana' });
  });

  it('does not inflate a compressed payload past the budget, and says how far it went', () => {
    const bomb = encodeSessionCookieSync({ pad: 'a'.repeat(2_300_000) }, { secretKey: 'k', timestamp: NOW });
    expect(bomb.startsWith('.')).toBe(true);
    expect(bomb.length).toBeLessThan(4096);
    expect(inspectForReader(bomb, settings({ SECRET_KEY: 'k' }), NOW)).toEqual({ kind: 'too-large', limit: INSPECT_LIMITS.inflated });
    expect(sessionData(bomb, settings({ SECRET_KEY: 'k' }), NOW)).toBeUndefined();
    const fits = encodeSessionCookieSync({ pad: 'a'.repeat(30_000) }, { secretKey: 'k', timestamp: NOW });
    expect(inspectForReader(fits, settings({ SECRET_KEY: 'k' }), NOW).kind).toBe('opened');
  });

  it('prints within a budget', () => {
    const printed = printedPayload({ pad: 'b'.repeat(50_000) });
    expect(printed.cut).toBe(true);
    expect(printed.text.length).toBe(INSPECT_LIMITS.printed);
    expect(printedPayload({ a: 1 })).toEqual({ text: "{'a': 1}", cut: false });
  });
});
