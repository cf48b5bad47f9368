import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../playground/engine/cookies/index.ts';

describe('VirtualClock', () => {
  it('starts at the given second and moves only when told', () => {
    const clock = new VirtualClock(1_700_000_000);
    expect(clock.now()).toBe(1_700_000_000);
    expect(clock.advance(3600)).toBe(1_700_003_600);
    expect(clock.now()).toBe(1_700_003_600);
    expect(clock.offset()).toBe(3600);
    clock.set(1_700_000_010);
    expect(clock.offset()).toBe(10);
  });

  it('defaults to the real time in whole seconds', () => {
    const before = Math.floor(Date.now() / 1000);
    const clock = new VirtualClock();
    const after = Math.floor(Date.now() / 1000);
    expect(Number.isInteger(clock.now())).toBe(true);
    expect(clock.now()).toBeGreaterThanOrEqual(before);
    expect(clock.now()).toBeLessThanOrEqual(after);
    expect(clock.offset()).toBe(0);
  });

  it('floors fractions and refuses non-numbers', () => {
    const clock = new VirtualClock(100.9);
    expect(clock.now()).toBe(100);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    expect(() => new VirtualClock(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('survives a JSON round trip, keeping its offset', () => {
    const clock = new VirtualClock(1000);
    clock.advance(90);
    const copy = VirtualClock.fromJSON(JSON.parse(JSON.stringify(clock)));
    expect(copy.now()).toBe(1090);
    expect(copy.offset()).toBe(90);
  });

  it('rejects corrupt saved clocks with a clear error', () => {
    expect(() => VirtualClock.fromJSON(null)).toThrow(/Saved clock is invalid/);
    expect(() => VirtualClock.fromJSON({ start: 'x', now: 1 })).toThrow(/whole numbers/);
    expect(() => VirtualClock.fromJSON({ start: 1.5, now: 1 })).toThrow(/whole numbers/);
  });
});
