import { describe, expect, it } from 'vitest';
import { getCookieValue, parseCookieHeader, serializeCookieHeader } from '../../playground/engine/cookies/index.ts';

describe('parseCookieHeader', () => {
  it('reads pairs in order', () => {
    expect(parseCookieHeader('SID=31d4d96e407aad42; lang=en-US')).toEqual([
      ['SID', '31d4d96e407aad42'],
      ['lang', 'en-US'],
    ]);
  });

  it('keeps repeated names (longer path first, as the browser sent them)', () => {
    expect(parseCookieHeader('session=deep; session=root')).toEqual([
      ['session', 'deep'],
      ['session', 'root'],
    ]);
    expect(getCookieValue('session=deep; session=root', 'session')).toBe('deep');
    expect(getCookieValue('a=1', 'session')).toBeUndefined();
  });

  it('splits at the first "=" only (signed values contain dots and "=")', () => {
    expect(parseCookieHeader('session=eyJ1Ijo.ZVx.abc==; x=a=b')).toEqual([
      ['session', 'eyJ1Ijo.ZVx.abc=='],
      ['x', 'a=b'],
    ]);
  });

  it('is tolerant with spaces, tabs, empty pieces and missing "="', () => {
    expect(parseCookieHeader('  a = 1 ;;\tb=2\t; ; c; =; d=')).toEqual([
      ['a', '1'],
      ['b', '2'],
      ['', 'c'],
      ['d', ''],
    ]);
    expect(parseCookieHeader('')).toEqual([]);
    expect(parseCookieHeader(undefined)).toEqual([]);
    expect(parseCookieHeader(null)).toEqual([]);
  });

  it('keeps quotes as sent', () => {
    expect(parseCookieHeader('q="a b"')).toEqual([['q', '"a b"']]);
  });
});

describe('serializeCookieHeader', () => {
  it('joins with "; " and sends a nameless cookie as its value', () => {
    expect(serializeCookieHeader([['a', '1'], ['b', '2']])).toBe('a=1; b=2');
    expect(serializeCookieHeader([['', 'solo'], ['a', '']])).toBe('solo; a=');
    expect(serializeCookieHeader([])).toBe('');
  });

  it('round-trips through the parser', () => {
    const header = 'session=.eJyrVkpPzSvJLKlUslJKTUnNy8xLL0pVqgUAVRgH4g.ZVx; theme=dark; solo';
    expect(serializeCookieHeader(parseCookieHeader(header))).toBe(header);
  });
});
