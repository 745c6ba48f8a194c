import { describe, expect, it } from 'vitest';
import { buildCalendar, isWorkingDay, officeIntervals } from './calendar.js';
import {
  validateCalendarInput,
  validateDeadlineRule,
  validateDeskExceptions,
  validateIntervals,
  validateOverrides,
} from './validate.js';
import type { CalendarOverride, DeadlineRule, ValidationResult } from './types.js';

function codes(r: ValidationResult): string[] {
  return r.ok ? [] : r.errors.map((e) => `${e.code} ${e.path ?? ''}`);
}
const name = { vi: 'Nghỉ', en: 'Off' };

describe('office hours', () => {
  it('accepts the default day and touching intervals', () => {
    expect(validateIntervals([{ start: 450, end: 690 }, { start: 810, end: 1020 }])).toEqual({ ok: true });
    expect(validateIntervals([{ start: 450, end: 690 }, { start: 690, end: 720 }])).toEqual({ ok: true });
  });

  it('refuses reversed, overlapping, out-of-day and fractional intervals', () => {
    expect(codes(validateIntervals([{ start: 690, end: 450 }]))).toEqual(['INVALID_INTERVALS intervals.0']);
    expect(codes(validateIntervals([{ start: 450, end: 700 }, { start: 690, end: 720 }]))).toEqual(['INVALID_INTERVALS intervals.1']);
    expect(codes(validateIntervals([{ start: 450, end: 1500 }]))).toEqual(['INVALID_INTERVALS intervals.0']);
    expect(codes(validateIntervals([{ start: 450.5, end: 690 }]))).toEqual(['INVALID_INTERVALS intervals.0']);
  });

  it('refuses a week with no open day, which would make every deadline infinite', () => {
    expect(codes(validateCalendarInput({ officeHours: {}, overrides: [] }))).toEqual(['INVALID_INTERVALS officeHours']);
  });

  it('reads back a day’s hours in minutes, and nothing on a holiday', () => {
    const cal = buildCalendar({ overrides: [] });
    expect(officeIntervals(cal, '2026-03-09')).toEqual([{ start: 450, end: 690 }, { start: 810, end: 1020 }]);
    expect(officeIntervals(cal, '2026-09-02')).toEqual([]);
  });
});

describe('override rows', () => {
  it('reports every bad row with its path', () => {
    const rows = [
      { date: '2026-02-30', kind: 'off', name },
      { date: '2026-03-02', kind: 'maybe', name },
      { date: '2026-03-03', kind: 'off', name: { vi: '', en: 'Off' } },
      { date: '2026-03-04', kind: 'off', name, replaces: 'christmas' },
    ] as unknown as CalendarOverride[];
    expect(codes(validateOverrides(rows))).toEqual([
      'INVALID_OVERRIDE overrides.0.date',
      'INVALID_OVERRIDE overrides.1.kind',
      'INVALID_OVERRIDE overrides.2.name',
      'INVALID_OVERRIDE overrides.3.replaces',
    ]);
  });

  it('refuses a date that is both off and a working day', () => {
    const rows: CalendarOverride[] = [
      { date: '2026-03-07', kind: 'work', name },
      { date: '2026-03-07', kind: 'off', name },
    ];
    expect(codes(validateOverrides(rows))).toEqual(['CONFLICTING_OVERRIDES overrides.1.date']);
  });

  it('buildCalendar refuses invalid input with a RangeError', () => {
    expect(() => buildCalendar({ overrides: [{ date: '2026/03/07', kind: 'off', name }] })).toThrow(RangeError);
  });
});

describe('desk exceptions', () => {
  it('refuses an open day without hours and a date given twice', () => {
    expect(
      codes(
        validateDeskExceptions([
          { date: '2026-03-08', kind: 'open', intervals: [] },
          { date: '2026-03-09', kind: 'closed' },
          { date: '2026-03-09', kind: 'closed' },
        ]),
      ),
    ).toEqual(['INVALID_DESK_EXCEPTION deskExceptions.0.intervals', 'INVALID_DESK_EXCEPTION deskExceptions.2.date']);
  });

  it('a desk exception wins over a holiday: a desk opened on National Day 2026 works that day', () => {
    const cal = buildCalendar({
      overrides: [],
      deskExceptions: [{ date: '2026-09-02', kind: 'open', intervals: [{ start: 450, end: 690 }] }],
    });
    expect(isWorkingDay(cal, '2026-09-02')).toBe(true);
    expect(isWorkingDay(cal, '2026-09-01')).toBe(false);
  });
});

describe('deadline rules', () => {
  it('accepts the four units and refuses nonsense', () => {
    const good: DeadlineRule[] = [
      { unit: 'workingDays', value: 0.5 },
      { unit: 'workingHours', value: 4 },
      { unit: 'sameDay' },
      { unit: 'calendarDays', value: 30 },
    ];
    for (const r of good) expect(validateDeadlineRule(r)).toEqual({ ok: true });
    const bad = [
      { unit: 'workingDays', value: Number.NaN },
      { unit: 'workingHours', value: -2 },
      { unit: 'calendarDays', value: 2.5 },
      { unit: 'sameDay', cutoffMinutes: 2000 },
      { unit: 'fortnights', value: 1 },
    ] as unknown as DeadlineRule[];
    for (const r of bad) expect(codes(validateDeadlineRule(r))).toEqual(['INVALID_DEADLINE_RULE deadline']);
  });
});
