import { describe, expect, it } from 'vitest';
import { buildCalendar, DEFAULT_OFFICE_HOURS } from './calendar.js';
import { computeDue } from './deadlines.js';
import { formatIsoLocal } from './local-time.js';
import { PUBLISHED_OVERRIDES } from './published-schedules.js';
import type { WorkingCalendar } from './calendar.js';
import type { DeadlineRule } from './types.js';

// Default hours: 07:30–11:30 and 13:30–17:00, 7.5 hours a day. March 2026 has no holidays:
// Fri 06/03, Sat 07, Sun 08, Mon 09, Tue 10, Wed 11, Thu 12, Fri 13, Sat 14, Sun 15, Mon 16.
const cal = buildCalendar({ overrides: PUBLISHED_OVERRIDES });

function due(c: WorkingCalendar, from: string, rule: DeadlineRule): string {
  return formatIsoLocal(computeDue(c, new Date(from), rule));
}
const days = (value: number): DeadlineRule => ({ unit: 'workingDays', value });
const hours = (value: number): DeadlineRule => ({ unit: 'workingHours', value });
const calendarDays = (value: number): DeadlineRule => ({ unit: 'calendarDays', value });
const sameDay: DeadlineRule = { unit: 'sameDay' };

describe('working days end at the same clock time N working days later', () => {
  it('a dossier received Friday 16:00 with a 3-day deadline is due Wednesday 16:00', () => {
    expect(due(cal, '2026-03-06T16:00:00+07:00', days(3))).toBe('2026-03-11T16:00:00+07:00');
  });

  it('a dossier received Friday 18:00 counts from Monday 07:30 and is due Thursday 07:30', () => {
    expect(due(cal, '2026-03-06T18:00:00+07:00', days(3))).toBe('2026-03-12T07:30:00+07:00');
  });

  it('a dossier submitted online on Saturday counts from Monday 07:30', () => {
    expect(due(cal, '2026-03-07T10:00:00+07:00', days(1))).toBe('2026-03-10T07:30:00+07:00');
  });

  it('a dossier received during the lunch break counts from 13:30', () => {
    // Mon 12:00 → counts from Mon 13:30 → 1 working day → Tue 13:30.
    expect(due(cal, '2026-03-09T12:00:00+07:00', days(1))).toBe('2026-03-10T13:30:00+07:00');
  });

  it('a dossier received at exactly 17:00 counts from the next morning', () => {
    // The office is open [07:30, 11:30) and [13:30, 17:00): 17:00 is already closed.
    expect(due(cal, '2026-03-09T17:00:00+07:00', days(1))).toBe('2026-03-11T07:30:00+07:00');
  });

  it('a dossier received at 07:30 sharp counts from that moment', () => {
    expect(due(cal, '2026-03-09T07:30:00+07:00', days(2))).toBe('2026-03-11T07:30:00+07:00');
  });

  it('zero working days is the moment counting starts', () => {
    expect(due(cal, '2026-03-07T10:00:00+07:00', days(0))).toBe('2026-03-09T07:30:00+07:00');
  });

  it('the brief example: Friday 13/02/2026 10:00 + 3 working days skips Tết → Wednesday 25/02 10:00', () => {
    expect(due(cal, '2026-02-13T10:00:00+07:00', days(3))).toBe('2026-02-25T10:00:00+07:00');
  });
});

describe('half working days are half a day of office time (3h45 with default hours)', () => {
  it('0.5 day from Monday 10:00 is Monday 15:45', () => {
    // 10:00–11:30 = 1h30, then 2h15 from 13:30 → 15:45.
    expect(due(cal, '2026-03-09T10:00:00+07:00', days(0.5))).toBe('2026-03-09T15:45:00+07:00');
  });

  it('0.5 day from Monday 15:00 is Tuesday 09:15', () => {
    // 15:00–17:00 = 2h, then 1h45 from 07:30 → 09:15.
    expect(due(cal, '2026-03-09T15:00:00+07:00', days(0.5))).toBe('2026-03-10T09:15:00+07:00');
  });

  it('0.5 day from Monday 08:00 crosses lunch: Monday 13:45', () => {
    // 08:00–11:30 = 3h30, then 0h15 from 13:30 → 13:45.
    expect(due(cal, '2026-03-09T08:00:00+07:00', days(0.5))).toBe('2026-03-09T13:45:00+07:00');
  });

  it('1.5 days from Monday 10:00 is Tuesday 15:45', () => {
    // 1 day → Tue 10:00, then 3h45 → 15:45.
    expect(due(cal, '2026-03-09T10:00:00+07:00', days(1.5))).toBe('2026-03-10T15:45:00+07:00');
  });
});

describe('working hours are office time', () => {
  it('8 working hours from Monday 09:00 end Tuesday 09:30', () => {
    // Mon 09:00–11:30 (2h30) + 13:30–17:00 (3h30) = 6h; 2h from Tue 07:30 → 09:30.
    expect(due(cal, '2026-03-09T09:00:00+07:00', hours(8))).toBe('2026-03-10T09:30:00+07:00');
  });

  it('2.5 working hours from 10:00 end at 14:30 (the lunch break does not count)', () => {
    expect(due(cal, '2026-03-09T10:00:00+07:00', hours(2.5))).toBe('2026-03-09T14:30:00+07:00');
  });

  it('time used up exactly at closing ends at 17:00, not the next morning', () => {
    // From lunch: counts from 13:30; 3h30 → 17:00.
    expect(due(cal, '2026-03-09T12:15:00+07:00', hours(3.5))).toBe('2026-03-09T17:00:00+07:00');
  });

  it('4 working hours from Friday 16:00 end Monday 10:30', () => {
    // Fri 16:00–17:00 = 1h; Mon 07:30 + 3h → 10:30.
    expect(due(cal, '2026-03-06T16:00:00+07:00', hours(4))).toBe('2026-03-09T10:30:00+07:00');
  });
});

describe('same-day procedures (trong ngày) and the 15:00 cut-off', () => {
  it('received at 14:59 → due at 17:00 the same day', () => {
    expect(due(cal, '2026-03-09T14:59:00+07:00', sameDay)).toBe('2026-03-09T17:00:00+07:00');
  });

  it('received at 15:00 → due at 17:00 the next working day', () => {
    expect(due(cal, '2026-03-09T15:00:00+07:00', sameDay)).toBe('2026-03-10T17:00:00+07:00');
  });

  it('received Friday 15:30 → due Monday 17:00', () => {
    expect(due(cal, '2026-03-06T15:30:00+07:00', sameDay)).toBe('2026-03-09T17:00:00+07:00');
  });

  it('submitted online at 06:00 or during lunch → due that day at 17:00', () => {
    expect(due(cal, '2026-03-09T06:00:00+07:00', sameDay)).toBe('2026-03-09T17:00:00+07:00');
    expect(due(cal, '2026-03-09T12:00:00+07:00', sameDay)).toBe('2026-03-09T17:00:00+07:00');
  });

  it('submitted on Sunday or at 17:30 → due the next working day at 17:00', () => {
    expect(due(cal, '2026-03-08T09:00:00+07:00', sameDay)).toBe('2026-03-09T17:00:00+07:00');
    expect(due(cal, '2026-03-09T17:30:00+07:00', sameDay)).toBe('2026-03-10T17:00:00+07:00');
  });

  it('received Friday 13/02/2026 at 15:30, before Tết → due Monday 23/02 at 17:00', () => {
    expect(due(cal, '2026-02-13T15:30:00+07:00', sameDay)).toBe('2026-02-23T17:00:00+07:00');
  });

  it('a procedure may set another cut-off (e.g. 16:00)', () => {
    expect(due(cal, '2026-03-09T15:30:00+07:00', { unit: 'sameDay', cutoffMinutes: 16 * 60 })).toBe(
      '2026-03-09T17:00:00+07:00',
    );
  });
});

describe('calendar days end N days later, moved to the next working day close when that day is off', () => {
  it('10 calendar days from Monday 09/03 10:00 → Thursday 19/03 10:00', () => {
    expect(due(cal, '2026-03-09T10:00:00+07:00', calendarDays(10))).toBe('2026-03-19T10:00:00+07:00');
  });

  it('5 calendar days from Monday 09/03 land on Saturday 14/03 → Monday 16/03 at 17:00', () => {
    expect(due(cal, '2026-03-09T10:00:00+07:00', calendarDays(5))).toBe('2026-03-16T17:00:00+07:00');
  });

  it('4 calendar days from Thursday 12/02/2026 land on Tết (16/02) → Monday 23/02 at 17:00', () => {
    expect(due(cal, '2026-02-12T10:00:00+07:00', calendarDays(4))).toBe('2026-02-23T17:00:00+07:00');
  });

  it('submitted on Saturday, 3 calendar days count from Monday 07:30 → Thursday 07:30', () => {
    expect(due(cal, '2026-03-07T10:00:00+07:00', calendarDays(3))).toBe('2026-03-12T07:30:00+07:00');
  });
});

describe('a desk that also opens on Saturday mornings (07:30–11:30)', () => {
  const saturday = [{ start: 450, end: 690 }];
  const desk = buildCalendar({ officeHours: { ...DEFAULT_OFFICE_HOURS, sat: saturday }, overrides: PUBLISHED_OVERRIDES });

  it('Friday 10:00 + 1 working day → Saturday 10:00', () => {
    expect(due(desk, '2026-03-06T10:00:00+07:00', days(1))).toBe('2026-03-07T10:00:00+07:00');
  });

  it('Friday 14:00 + 1 working day → Saturday 11:30, when the desk closes (no office time lies between 11:30 and 14:00)', () => {
    expect(due(desk, '2026-03-06T14:00:00+07:00', days(1))).toBe('2026-03-07T11:30:00+07:00');
  });

  it('Saturday 12:00 counts from Monday 07:30 → 1 working day → Tuesday 07:30', () => {
    expect(due(desk, '2026-03-07T12:00:00+07:00', days(1))).toBe('2026-03-10T07:30:00+07:00');
  });

  it('a same-day procedure received Saturday 09:00 is due Saturday 11:30', () => {
    expect(due(desk, '2026-03-07T09:00:00+07:00', sameDay)).toBe('2026-03-07T11:30:00+07:00');
  });

  it('half a day started on Saturday is half of Saturday: 2 hours', () => {
    expect(due(desk, '2026-03-07T08:00:00+07:00', days(0.5))).toBe('2026-03-07T10:00:00+07:00');
  });

  it('stays closed on Saturdays inside the Tết 2026 break: Friday 13/02 10:00 + 1 → Monday 23/02 10:00', () => {
    expect(due(desk, '2026-02-13T10:00:00+07:00', days(1))).toBe('2026-02-23T10:00:00+07:00');
  });

  it('a date exception opens the desk on one Sunday, and closes it on one Tuesday', () => {
    const special = buildCalendar({
      overrides: PUBLISHED_OVERRIDES,
      deskExceptions: [
        { date: '2026-03-08', kind: 'open', intervals: [{ start: 480, end: 720 }] },
        { date: '2026-03-10', kind: 'closed' },
      ],
    });
    // Sat 07/03 10:00 (closed in default hours) → counts from Sun 08/03 08:00 (opened).
    // 1 working day → Mon 09/03 08:00.
    expect(due(special, '2026-03-07T10:00:00+07:00', days(1))).toBe('2026-03-09T08:00:00+07:00');
    // Mon 09/03 10:00 + 1 → Tue 10/03 closed → Wed 11/03 10:00.
    expect(due(special, '2026-03-09T10:00:00+07:00', days(1))).toBe('2026-03-11T10:00:00+07:00');
  });
});

describe('"same clock time" on a day whose hours differ from the start day', () => {
  // Monday 09/03/2026 the desk works 07:00–12:30 without an afternoon (a date exception);
  // Tuesday has the default hours.
  const desk = buildCalendar({
    overrides: PUBLISHED_OVERRIDES,
    deskExceptions: [{ date: '2026-03-09', kind: 'open', intervals: [{ start: 420, end: 750 }] }],
  });

  it('received 12:00 + 1 working day → Tuesday 12:00 is lunch, so due Tuesday 11:30 (no office time in between)', () => {
    expect(due(desk, '2026-03-09T12:00:00+07:00', days(1))).toBe('2026-03-10T11:30:00+07:00');
  });

  it('received 07:00 + 1 working day → Tuesday 07:00 is before opening, so due Tuesday 07:30', () => {
    expect(due(desk, '2026-03-09T07:00:00+07:00', days(1))).toBe('2026-03-10T07:30:00+07:00');
  });
});

describe('invalid input is refused, not guessed', () => {
  it('throws RangeError for a negative or non-whole rule value and an invalid Date', () => {
    expect(() => computeDue(cal, new Date('2026-03-09T10:00:00+07:00'), days(-1))).toThrow(RangeError);
    expect(() => computeDue(cal, new Date('2026-03-09T10:00:00+07:00'), calendarDays(1.5))).toThrow(RangeError);
    expect(() => computeDue(cal, new Date('not a date'), days(1))).toThrow(RangeError);
  });
});
