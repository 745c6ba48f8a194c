/**
 * Time source. Nothing in the system reads the wall clock directly: code takes a `Clock`
 * so that tests can move time deterministically.
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** The real clock, reading the operating system's time. */
export const systemClock: Clock = {
  now: () => new Date(),
};

/**
 * A clock that stands still until told to move; for tests and simulations.
 *
 * @example
 * const clock = new ManualClock('2026-02-13T10:00:00+07:00');
 * clock.advance({ hours: 2 });
 */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string | number) {
    this.current = new Date(start).getTime();
    if (Number.isNaN(this.current)) throw new RangeError(`ManualClock: invalid start ${String(start)}`);
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Sets the clock to an instant. */
  set(to: Date | string | number): void {
    this.current = new Date(to).getTime();
  }

  /** Moves the clock forward by the given amount. */
  advance(by: { ms?: number; seconds?: number; minutes?: number; hours?: number; days?: number }): void {
    this.current +=
      (by.ms ?? 0) +
      (by.seconds ?? 0) * 1_000 +
      (by.minutes ?? 0) * 60_000 +
      (by.hours ?? 0) * 3_600_000 +
      (by.days ?? 0) * 86_400_000;
  }
}
