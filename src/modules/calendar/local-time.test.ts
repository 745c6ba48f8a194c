import { describe, expect, it } from 'vitest';
import {
  civilFromDays,
  daysFromCivil,
  formatDay,
  formatHm,
  formatIsoLocal,
  parseHm,
  parseIsoDate,
  parseIsoWithOffset,
  weekdayOf,
  yearOfDay,
} from './local-time.js';

describe('local dates in Asia/Ho_Chi_Minh', () => {
  it('knows the weekday of dates people can check on a wall calendar', () => {
    // 13/02/2026 was a Friday (5), 17/02/2026 (Tết) a Tuesday (2), 30/04/2028 a Sunday (0).
    expect(weekdayOf(daysFromCivil(2026, 2, 13))).toBe(5);
    expect(weekdayOf(daysFromCivil(2026, 2, 17))).toBe(2);
    expect(weekdayOf(daysFromCivil(2028, 4, 30))).toBe(0);
    // 1970-01-01 (day 0) was a Thursday; 1969-12-31 (day −1) a Wednesday.
    expect(weekdayOf(0)).toBe(4);
    expect(weekdayOf(-1)).toBe(3);
  });

  it('round-trips dates across leap days and year ends', () => {
    for (const [y, m, d] of [[2028, 2, 29], [2027, 12, 31], [2000, 3, 1], [1969, 12, 31], [2199, 12, 31]] as const) {
      const n = daysFromCivil(y, m, d);
      expect(civilFromDays(n)).toEqual({ year: y, month: m, day: d });
      expect(yearOfDay(n)).toBe(y);
    }
    expect(formatDay(daysFromCivil(2026, 2, 5))).toBe('2026-02-05');
  });

  it('rejects dates that do not exist', () => {
    expect(parseIsoDate('2025-02-29').ok).toBe(false); // 2025 is not a leap year
    expect(parseIsoDate('2028-02-29')).toEqual({ ok: true, value: daysFromCivil(2028, 2, 29) });
    expect(parseIsoDate('2026-13-01').ok).toBe(false);
    expect(parseIsoDate('2026-2-1').ok).toBe(false);
    const r = parseIsoDate('hôm nay');
    expect(r.ok ? undefined : r.error.code).toBe('INVALID_DATE');
  });
});

describe('ISO-8601 with an explicit offset', () => {
  it('shows instants in Vietnam time with +07:00', () => {
    // 03:00 UTC is 10:00 in Vietnam.
    expect(formatIsoLocal(new Date('2026-02-25T03:00:00Z'))).toBe('2026-02-25T10:00:00+07:00');
    // 20:30 UTC on 31/12 is already 03:30 on 1/1 in Vietnam.
    expect(formatIsoLocal(new Date('2025-12-31T20:30:00Z'))).toBe('2026-01-01T03:30:00+07:00');
    expect(formatIsoLocal(new Date('2026-02-25T03:00:00.250Z'))).toBe('2026-02-25T10:00:00.250+07:00');
  });

  it('reads offsets exactly', () => {
    const at = (s: string): number | undefined => {
      const r = parseIsoWithOffset(s);
      return r.ok ? r.value.getTime() : undefined;
    };
    const tenAmHanoi = Date.UTC(2026, 1, 25, 3, 0, 0);
    expect(at('2026-02-25T10:00:00+07:00')).toBe(tenAmHanoi);
    expect(at('2026-02-25T10:00+07:00')).toBe(tenAmHanoi);
    expect(at('2026-02-25T03:00:00Z')).toBe(tenAmHanoi);
    expect(at('2026-02-24T22:00:00-05:00')).toBe(tenAmHanoi);
    expect(at('2026-02-25T10:00:00.5+07:00')).toBe(tenAmHanoi + 500);
  });

  it('refuses a date-time without an offset instead of guessing the zone', () => {
    const r = parseIsoWithOffset('2026-02-25T10:00:00');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('MISSING_OFFSET');
      expect(r.error.message.vi).toContain('múi giờ');
    }
  });

  it('refuses malformed or impossible date-times', () => {
    for (const s of [
      '2026-02-25 10:00:00+07:00',
      '2026-02-30T10:00:00+07:00',
      '2026-02-25T24:00:00+07:00',
      '2026-02-25T10:60:00+07:00',
      '2026-02-25T10:00:00+0700',
      '2026-02-25',
      '',
    ]) {
      const r = parseIsoWithOffset(s);
      expect(r.ok ? 'accepted' : r.error.code, s).toBe('INVALID_DATETIME');
    }
  });
});

describe('HH:MM', () => {
  it('converts office hours to minutes and back', () => {
    expect(parseHm('07:30')).toBe(450);
    expect(parseHm('17:00')).toBe(1020);
    expect(parseHm('24:00')).toBe(1440);
    expect(parseHm('7:30')).toBeUndefined();
    expect(parseHm('12:60')).toBeUndefined();
    expect(formatHm(810)).toBe('13:30');
  });
});
