/**
 * The embed's message API (playground/ui/embed-api.ts): what a host may send, what it may not, and the
 * messages each event becomes. The browser side (frames, origins) is tests/e2e/embed-host.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { MAX_CODE_CHARS, readCommand, wireMessages } from '../../playground/ui/embed-api.ts';

const msg = (fields: Record<string, unknown>) => ({ source: 'session-lab', version: 1, ...fields });

describe('readCommand', () => {
  it('accepts the three documented commands', () => {
    expect(readCommand(msg({ type: 'reset' }))).toEqual({ ok: true, command: { type: 'reset' } });
    expect(readCommand(msg({ type: 'set-code', code: 'export default 1' }))).toEqual({ ok: true, command: { type: 'set-code', code: 'export default 1' } });
    expect(readCommand(msg({ type: 'request', path: '/perfil' }))).toEqual({ ok: true, command: { type: 'request', method: 'GET', path: '/perfil' } });
    expect(readCommand(msg({ type: 'request', method: 'post', path: '/login', body: 'username=ana', user: 'Ana' }))).toEqual({
      ok: true,
      command: { type: 'request', method: 'POST', path: '/login', body: 'username=ana', user: 'Ana' },
    });
  });

  it('ignores messages of other protocols without a word', () => {
    for (const data of [null, 'text', 42, [], { subject: 'lti.frameResize', height: 5 }, { action: 'resize' }, { source: 'other', type: 'reset' }, new Date()]) {
      expect(readCommand(data)).toBeNull();
    }
  });

  it('refuses, with a reason, anything malformed', () => {
    const refused = [
      msg({ type: 'reset', version: 2 }),
      { source: 'session-lab', type: 'reset' },
      msg({ type: 'eval', code: 'alert(1)' }),
      msg({ type: 'toString' }),
      msg({ type: 'reset', extra: true }),
      msg({ type: 'set-code' }),
      msg({ type: 'set-code', code: 42 }),
      msg({ type: 'set-code', code: 'x'.repeat(MAX_CODE_CHARS + 1) }),
      msg({ type: 'request' }),
      msg({ type: 'request', path: 'perfil' }),
      msg({ type: 'request', path: '//evil.example/x' }),
      msg({ type: 'request', path: '/a\nb' }),
      msg({ type: 'request', path: '/' + 'a'.repeat(3000) }),
      msg({ type: 'request', path: '/', method: 'CONNECT' }),
      msg({ type: 'request', path: '/', method: 7 }),
      msg({ type: 'request', path: '/', body: { a: 1 } }),
      msg({ type: 'request', path: '/', user: '' }),
      JSON.parse('{"source":"session-lab","version":1,"type":"reset","__proto__":{"polluted":true}}'),
    ];
    for (const data of refused) {
      const r = readCommand(data);
      expect(r, JSON.stringify(data).slice(0, 80)).not.toBeNull();
      expect(r!.ok, JSON.stringify(data).slice(0, 80)).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts code exactly at the limit', () => {
    expect(readCommand(msg({ type: 'set-code', code: 'x'.repeat(MAX_CODE_CHARS) }))?.ok).toBe(true);
  });
});

describe('wireMessages', () => {
  it('a resize also speaks Canvas (LTI) and OpenLearning, and the pre-version-1 message', () => {
    expect(wireMessages({ type: 'resize', height: 812 })).toEqual([
      { source: 'session-lab', version: 1, type: 'resize', height: 812 },
      { subject: 'lti.frameResize', height: 812 },
      { action: 'resize', height: 812 },
      { type: 'session-lab:height', height: 812 },
    ]);
  });

  it('a completed exercise also tells OpenLearning; other events go out once, versioned', () => {
    expect(wireMessages({ type: 'completed', example: 'counter' })).toEqual([
      { source: 'session-lab', version: 1, type: 'completed', example: 'counter' },
      { action: 'complete' },
    ]);
    expect(wireMessages({ type: 'checks', example: 'counter', passed: 1, total: 3 })).toEqual([
      { source: 'session-lab', version: 1, type: 'checks', example: 'counter', passed: 1, total: 3 },
    ]);
  });
});
