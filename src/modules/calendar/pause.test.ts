import { describe, expect, it } from 'vitest';
import { buildCalendar } from './calendar.js';
import { computeDue, resumeDue } from './deadlines.js';
import { formatIsoLocal } from './local-time.js';
import { addOfficeTime, nextOfficeMoment, officeTimeBetween } from './office-time.js';
import { PUBLISHED_OVERRIDES } from './published-schedules.js';
import type { DeadlineRule } from './types.js';

const cal = buildCalendar({ overrides: PUBLISHED_OVERRIDES });
const HOUR = 3_600_000;
const at = (s: string): Date => new Date(s);
const iso = formatIsoLocal;
const fiveDays: DeadlineRule = { unit: 'workingDays', value: 5 };

describe('office time between two moments', () => {
  it('Friday 16:00 → Monday 08:30 is 2 hours of office time', () => {
    // Fri 16:00–17:00 (1h) + Mon 07:30–08:30 (1h).
    expect(officeTimeBetween(cal, at('2026-03-06T16:00:00+07:00'), at('2026-03-09T08:30:00+07:00'))).toBe(2 * HOUR);
  });

  it('11:00 → 14:00 is 1 hour (the lunch break does not count); reversed it is −1 hour', () => {
    const a = at('2026-03-09T11:00:00+07:00');
    const b = at('2026-03-09T14:00:00+07:00');
    expect(officeTimeBetween(cal, a, b)).toBe(HOUR);
    expect(officeTimeBetween(cal, b, a)).toBe(-HOUR);
  });

  it('Friday 13/02/2026 07:30 → Monday 23/02 07:30 is one day (7.5 h): all of Tết is off', () => {
    expect(officeTimeBetween(cal, at('2026-02-13T07:30:00+07:00'), at('2026-02-23T07:30:00+07:00'))).toBe(7.5 * HOUR);
  });

  it('adding 2 hours at Monday 16:00 ends Tuesday 08:30', () => {
    expect(iso(addOfficeTime(cal, at('2026-03-09T16:00:00+07:00'), 2 * HOUR))).toBe('2026-03-10T08:30:00+07:00');
  });

  it('a count started on Sunday evening starts at Monday 07:30', () => {
    expect(iso(nextOfficeMoment(cal, at('2026-03-08T20:00:00+07:00')))).toBe('2026-03-09T07:30:00+07:00');
    expect(iso(addOfficeTime(cal, at('2026-03-08T20:00:00+07:00'), 0))).toBe('2026-03-09T07:30:00+07:00');
  });

  it('refuses negative amounts', () => {
    expect(() => addOfficeTime(cal, at('2026-03-09T16:00:00+07:00'), -1)).toThrow(RangeError);
  });
});

describe('pausing while waiting for the applicant', () => {
  // Received Tue 10/02/2026 09:00, 5 working days: Wed 11 (1), Thu 12 (2), Fri 13 (3),
  // Tết 16–20 and two weekends skipped, Mon 23 (4), Tue 24 (5) → due Tue 24/02 09:00.
  const received = at('2026-02-10T09:00:00+07:00');
  const originalDue = computeDue(cal, received, fiveDays);

  it('the starting due date is Tuesday 24/02 09:00', () => {
    expect(iso(originalDue)).toBe('2026-02-24T09:00:00+07:00');
  });

  it('the office time left at the pause continues from the resumption', () => {
    // Paused Thu 12/02 09:00. Left: Thu 6h + Fri 7.5h + Mon 23 7.5h + Tue 24 1.5h = 22.5h
    // (3 days). Resumed Mon 23/02 10:00: Mon 5h, Tue 7.5h, Wed 7.5h, Thu 2.5h → Thu 26/02 10:00.
    const resumed = resumeDue(cal, {
      originalDue,
      pausedAt: at('2026-02-12T09:00:00+07:00'),
      resumedAt: at('2026-02-23T10:00:00+07:00'),
      rule: fiveDays,
      restart: false,
    });
    expect(iso(resumed)).toBe('2026-02-26T10:00:00+07:00');
  });

  it('a pause across Tết only costs the office time it really covered', () => {
    // Paused Fri 13/02 16:00; the applicant supplements online on Wed 18/02 (Tết) 09:00.
    // Left: Fri 16:00–17:00 (1h) + Mon 23 (7.5h) + Tue 24 until 09:00 (1.5h) = 10h.
    // The count resumes at the next opening, Mon 23/02 07:30: Mon 7.5h, Tue 2.5h → Tue 24/02 10:00.
    const resumed = resumeDue(cal, {
      originalDue,
      pausedAt: at('2026-02-13T16:00:00+07:00'),
      resumedAt: at('2026-02-18T09:00:00+07:00'),
      rule: fiveDays,
      restart: false,
    });
    expect(iso(resumed)).toBe('2026-02-24T10:00:00+07:00');
  });

  it('a procedure that restarts the count gives the full 5 days again from the resumption', () => {
    // Resumed Mon 23/02 10:00 → Tue 24, Wed 25, Thu 26, Fri 27, Mon 02/03 at 10:00.
    const resumed = resumeDue(cal, {
      originalDue,
      pausedAt: at('2026-02-12T09:00:00+07:00'),
      resumedAt: at('2026-02-23T10:00:00+07:00'),
      rule: fiveDays,
      restart: true,
    });
    expect(iso(resumed)).toBe('2026-03-02T10:00:00+07:00');
  });

  it('a dossier already late when paused stays late: the due date does not move', () => {
    const resumed = resumeDue(cal, {
      originalDue,
      pausedAt: at('2026-02-25T09:00:00+07:00'),
      resumedAt: at('2026-03-02T09:00:00+07:00'),
      rule: fiveDays,
      restart: false,
    });
    expect(iso(resumed)).toBe('2026-02-24T09:00:00+07:00');
  });

  it('calendar-day limits keep calendar time: 6 days left resumed on Monday land on Sunday → Monday 16/03 17:00', () => {
    // Received Mon 02/03/2026 10:00 + 10 calendar days → Thu 12/03 10:00. Paused Fri 06/03
    // 10:00 (6 days left), resumed Mon 09/03 10:00 → Sun 15/03 10:00 → next working day close.
    const rule: DeadlineRule = { unit: 'calendarDays', value: 10 };
    const due = computeDue(cal, at('2026-03-02T10:00:00+07:00'), rule);
    expect(iso(due)).toBe('2026-03-12T10:00:00+07:00');
    const resumed = resumeDue(cal, {
      originalDue: due,
      pausedAt: at('2026-03-06T10:00:00+07:00'),
      resumedAt: at('2026-03-09T10:00:00+07:00'),
      rule,
      restart: false,
    });
    expect(iso(resumed)).toBe('2026-03-16T17:00:00+07:00');
  });

  it('refuses a resumption before the pause', () => {
    expect(() =>
      resumeDue(cal, {
        originalDue,
        pausedAt: at('2026-02-12T09:00:00+07:00'),
        resumedAt: at('2026-02-11T09:00:00+07:00'),
        rule: fiveDays,
        restart: false,
      }),
    ).toThrow(RangeError);
  });
});
