/**
 * A clock the reader can move forward. Cookie expiry is the one place where time matters in the
 * playground, and nobody wants to wait an hour to see a session cookie expire: every jar decision
 * takes "now" from this clock instead of from the machine.
 *
 * Times are whole Unix seconds, the resolution of cookie dates and of Flask's signed timestamps.
 */
export interface VirtualClockJSON {
  start: number;
  now: number;
}

export class VirtualClock {
  private readonly start: number;
  private current: number;

  constructor(start: number = Math.floor(Date.now() / 1000)) {
    this.start = wholeSeconds(start, 'start');
    this.current = this.start;
  }

  now(): number {
    return this.current;
  }

  /** Moves the clock forward (or back, with a negative number) and returns the new time. */
  advance(seconds: number): number {
    this.current += wholeSeconds(seconds, 'seconds');
    return this.current;
  }

  set(seconds: number): number {
    this.current = wholeSeconds(seconds, 'seconds');
    return this.current;
  }

  /** Seconds moved since the clock was created, for a "+1 h" label next to the real date. */
  offset(): number {
    return this.current - this.start;
  }

  toJSON(): VirtualClockJSON {
    return { start: this.start, now: this.current };
  }

  static fromJSON(data: unknown): VirtualClock {
    if (typeof data !== 'object' || data === null) {
      throw new Error('Saved clock is invalid: expected an object with "start" and "now".');
    }
    const { start, now } = data as Record<string, unknown>;
    if (!isWholeNumber(start) || !isWholeNumber(now)) {
      throw new Error('Saved clock is invalid: "start" and "now" must be whole numbers of seconds.');
    }
    const clock = new VirtualClock(start);
    clock.set(now);
    return clock;
  }
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

// Fractions are floored rather than rejected: Date.now() / 1000 is the natural thing to pass in.
function wholeSeconds(value: number, label: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`VirtualClock: ${label} must be a finite number of seconds, got ${String(value)}.`);
  }
  return Math.floor(value);
}
