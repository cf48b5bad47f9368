import { describe, expect, it } from 'vitest';
import { prng } from './prng.ts';
import { decodeSessionCookieSync, signWithTimestamp, inspectSessionCookie, openSession, defaultConfig, BadPayloadError } from '../../playground/engine/index.ts';
import { type GenRecord, readJsonl } from './convention.ts';


const REASONS = ['bad-signature', 'expired', 'malformed', 'bad-payload'];
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=!*+/ "\\;,\u00e9\ud83d\ude00\ud800\u0000';

describe('decode and inspect never throw', () => {
  const records = readJsonl<GenRecord>('3.1/sessions.jsonl').slice(1500);
  const rand = prng(20261128);
  const pick = <T>(xs: ArrayLike<T>) => xs[Math.floor(rand() * xs.length)];
  const inputs: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const kind = i % 4;
    if (kind === 0) {
      let s = '';
      const n = Math.floor(rand() * 60);
      for (let j = 0; j < n; j++) s += pick(ALPHABET);
      inputs.push(s);
    } else {
      const c = pick(records).cookie;
      const chars = [...c];
      const edits = 1 + Math.floor(rand() * 4);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(rand() * (chars.length + 1));
        const op = rand();
        if (op < 0.4) chars[at] = pick(ALPHABET);
        else if (op < 0.7) chars.splice(at, 1);
        else chars.splice(at, 0, pick(ALPHABET));
      }
      inputs.push(kind === 3 ? chars.join('').slice(0, Math.floor(rand() * chars.length)) : chars.join(''));
    }
  }

  it(`${inputs.length} random and mutated cookies give a verdict, never an exception`, () => {
    const counts: Record<string, number> = {};
    for (const s of inputs) {
      const r = decodeSessionCookieSync(s, { secretKey: 'dev', now: 1700000000 });
      const info = inspectSessionCookie(s, { secretKey: 'dev', now: 1700000000 });
      const key = r.ok ? 'ok' : r.reason;
      counts[key] = (counts[key] ?? 0) + 1;
      if (!r.ok) expect(REASONS).toContain(r.reason);
      expect(info.verdict.valid).toBe(r.ok);
    }
    expect(counts['bad-signature']).toBeGreaterThan(1000);
    expect(counts['malformed']).toBeGreaterThan(10);
  });

  it('validly signed garbage payloads are bad-payload, never an exception', () => {
    const rand2 = prng(7);
    let n = 0;
    for (let i = 0; i < 2000; i++) {
      let payload = '';
      const len = Math.floor(rand2() * 40);
      for (let j = 0; j < len; j++) payload += ALPHABET[Math.floor(rand2() * 66)];
      const cookie = signWithTimestamp(payload, 1700000000, 'k'); // only a key holder can do this
      const r = decodeSessionCookieSync(cookie, { secretKey: 'k', now: 1700000000 });
      expect(r.ok || r.reason === 'bad-payload').toBe(true);
      for (const version of ['3.1', '2.2'] as const) {
        // under either Flask, open_session gives a session or Flask's 500 (BadPayload), nothing else;
        // which payloads make a dict is checked against Flask itself in flask-diff.test.ts
        let threw = false;
        try {
          openSession(`session=${cookie}`, defaultConfig({ FLASK_VERSION: version, SECRET_KEY: 'k' }), 1700000000);
        } catch (e) {
          expect(e).toBeInstanceOf(BadPayloadError);
          threw = true;
        }
        if (!r.ok) expect(threw).toBe(true);
      }
      if (!r.ok) n++;
    }
    expect(n).toBeGreaterThan(1500); // random text is rarely base64 of JSON
  });

  it('non-string input is malformed, not a crash', () => {
    expect(decodeSessionCookieSync(undefined as unknown as string, { secretKey: 'k' })).toEqual({ ok: false, reason: 'malformed' });
    expect(inspectSessionCookie(42 as unknown as string, { secretKey: 'k' }).verdict.valid).toBe(false);
  });
});
