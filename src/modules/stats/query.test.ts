import { describe, expect, it } from 'vitest';
import { splitPeriod } from './query.js';

describe('a period is read as whole months from the roll-ups and the days around them', () => {
  it('the year 2025 is twelve whole months and no loose day', () => {
    expect(splitPeriod('2025-01-01', '2025-12-31')).toEqual({ months: ['2025-01', '2025-12'], days: [] });
  });
  it('15/01–30/04/2026: February to April whole, 15–31 January day by day', () => {
    expect(splitPeriod('2026-01-15', '2026-04-30')).toEqual({ months: ['2026-02', '2026-04'], days: [['2026-01-15', '2026-01-31']] });
  });
  it('01/02–10/03/2028 (leap year): February whole (29 days), 1–10 March day by day', () => {
    expect(splitPeriod('2028-02-01', '2028-03-10')).toEqual({ months: ['2028-02', '2028-02'], days: [['2028-03-01', '2028-03-10']] });
  });
  it('a range inside one month (or crossing two without a whole one) is read day by day', () => {
    expect(splitPeriod('2026-03-02', '2026-03-15')).toEqual({ months: null, days: [['2026-03-02', '2026-03-15']] });
    expect(splitPeriod('2026-03-20', '2026-04-10')).toEqual({ months: null, days: [['2026-03-20', '2026-04-10']] });
  });
  it('30/11/2025–01/01/2026: December whole, one day on each side', () => {
    expect(splitPeriod('2025-11-30', '2026-01-01')).toEqual({ months: ['2025-12', '2025-12'], days: [['2025-11-30', '2025-11-30'], ['2026-01-01', '2026-01-01']] });
  });
});
