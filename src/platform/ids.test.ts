import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { createIdGenerator } from './ids.js';

const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]{26}$/;

describe('ids (ULIDs)', () => {
  it('ids made in the same millisecond still sort in the order they were made', () => {
    const next = createIdGenerator(new ManualClock('2026-03-02T02:00:00Z'));
    const ids = Array.from({ length: 1_000 }, () => next());
    expect(ids.every((id) => CROCKFORD.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(1_000);
  });

  it('ids of a later millisecond sort after, and their random parts use the whole alphabet', () => {
    const clock = new ManualClock('2026-03-02T02:00:00Z');
    const next = createIdGenerator(clock);
    const ids: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      clock.set(new Date(Date.parse('2026-03-02T02:00:00Z') + i).toISOString());
      ids.push(next());
    }
    expect([...ids].sort()).toEqual(ids);
    // Time part: 2026-03-02T02:00:00Z is 1772416800000 ms.
    expect(ids[0]?.slice(0, 10)).toBe('01KJP4C580');
    const randomChars = new Set(ids.flatMap((id) => [...id.slice(10)]));
    expect(randomChars.size).toBe(32);
  });
});
