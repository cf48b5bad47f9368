import { describe, expect, it } from 'vitest';
import { formatHttpDate, parseCookieDate } from '../../playground/engine/cookies/index.ts';

const utc = (...args: [number, number, number, number, number, number]) => Date.UTC(...args) / 1000;

describe('formatHttpDate', () => {
  it('writes IMF-fixdate', () => {
    expect(formatHttpDate(1_700_003_600)).toBe('Tue, 14 Nov 2023 23:13:20 GMT');
    expect(formatHttpDate(0)).toBe('Thu, 01 Jan 1970 00:00:00 GMT');
    expect(formatHttpDate(utc(2026, 1, 3, 4, 5, 6))).toBe('Tue, 03 Feb 2026 04:05:06 GMT');
  });

  it('is read back by the cookie-date parser', () => {
    for (const t of [0, 86_399, 951_782_400, 1_700_003_600, 4_102_444_799]) {
      expect(parseCookieDate(formatHttpDate(t))).toBe(t);
    }
  });

  it('refuses dates JavaScript cannot represent', () => {
    expect(() => formatHttpDate(Number.NaN)).toThrow(RangeError);
    expect(() => formatHttpDate(1e16)).toThrow(RangeError);
  });
});

describe('parseCookieDate (RFC 6265 §5.1.1)', () => {
  const expected = utc(2023, 10, 14, 23, 13, 20);

  it.each([
    ['IMF-fixdate', 'Tue, 14 Nov 2023 23:13:20 GMT'],
    ['RFC 850 with dashes and a two-digit year', 'Tuesday, 14-Nov-23 23:13:20 GMT'],
    ['asctime order', 'Tue Nov 14 23:13:20 2023'],
    ['fields in any order', '2023 23:13:20 Nov 14'],
    ['lower-case long month name', 'tue, 14 november 2023 23:13:20 gmt'],
    ['single-digit time fields', 'Tue, 14 Nov 2023 23:13:20'],
    ['junk after a number', 'Tue, 14th Nov 2023 23:13:20xyz GMT'],
  ])('reads %s', (_label, text) => {
    expect(parseCookieDate(text)).toBe(expected);
  });

  it('reads two-digit years as 1970–2069', () => {
    expect(parseCookieDate('01 Jan 70 00:00:00')).toBe(0);
    expect(parseCookieDate('01 Jan 69 00:00:00')).toBe(utc(2069, 0, 1, 0, 0, 0));
    expect(parseCookieDate('1 Jan 99 0:0:0')).toBe(utc(1999, 0, 1, 0, 0, 0));
  });

  it.each([
    ['missing time', 'Tue, 14 Nov 2023'],
    ['missing year', 'Tue, 14 Nov 23:13:20'],
    ['missing month', '14 2023 23:13:20'],
    ['day 32', '32 Nov 2023 23:13:20'],
    ['day 0', '0 Nov 2023 23:13:20'],
    ['hour 24', '14 Nov 2023 24:00:00'],
    ['minute 60', '14 Nov 2023 23:60:00'],
    ['second 60', '14 Nov 2023 23:00:60'],
    ['year before 1601', '14 Nov 1600 23:13:20'],
    ['31 February', '31 Feb 2023 10:00:00'],
    ['three-digit time field', '14 Nov 2023 123:13:20'],
    ['empty', ''],
    ['nonsense', 'mañana por la tarde'],
  ])('fails on %s', (_label, text) => {
    expect(parseCookieDate(text)).toBeNull();
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseCookieDate('29 Feb 2024 00:00:00')).toBe(utc(2024, 1, 29, 0, 0, 0));
    expect(parseCookieDate('29 Feb 2023 00:00:00')).toBeNull();
  });
});
