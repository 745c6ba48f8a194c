/**
 * Due dates (thời hạn giải quyết) from a procedure's deadline rule, and their adjustment
 * when the count is paused while waiting for the applicant. All in Asia/Ho_Chi_Minh.
 *
 * Decisions on the edge cases (each has a test):
 * - A moment outside office hours (night, weekend, holiday, lunch break) counts from the
 *   next opening: Friday 18:00 + 3 working days → Monday 07:30 → Thursday 07:30; Monday
 *   12:00 + 1 working day → Monday 13:30 → Tuesday 13:30.
 * - "Same clock time N working days later" on a day whose hours differ: when that clock time
 *   is not inside the day's hours it is moved to the equivalent office moment of that same
 *   day — the end of the last period before it (lunch start or closing), or the opening when
 *   it is before the first opening. No office time lies between the literal clock time and
 *   the moment shown, so the citizen loses nothing and the due time is one the office keeps.
 * - A fraction of a working day is that fraction of the office time of the day on which the
 *   fraction starts counting (whole days first): 0.5 day with default hours = 3h45.
 * - Calendar days also start from the next office moment (as above), end at the same clock
 *   time N days later, and a last day that is not a working day moves to the close of the
 *   next working day (Civil Code 2015, art. 148(2)).
 */
import { nextWorkingDay, scheduleIdOf } from './calendar.js';
import type { CalendarTables, WorkingCalendar } from './calendar.js';
import { dayOf, instantOf, timeOfDay } from './local-time.js';
import { addOfficeMs, officeMsBetween } from './office-time.js';
import type { DeadlineRule } from './types.js';
import { validateDeadlineRule } from './validate.js';

/** Cut-off for same-day procedures: 15:00 (Decree 23/2015/NĐ-CP art. 21 for certified copies). */
export const SAME_DAY_CUTOFF_MINUTES = 15 * 60;

const EMPTY = new Int32Array(0);

/** The moment of `day` nearest before clock time `c` that lies in office hours (see module comment). */
function snapIntoDay(b: Int32Array, c: number): number {
  let previousEnd = b[0] ?? c;
  for (let i = 0; i + 1 < b.length; i += 2) {
    const start = b[i] ?? 0;
    const end = b[i + 1] ?? 0;
    if (c < start) return previousEnd;
    if (c < end) return c;
    previousEnd = end;
  }
  return previousEnd;
}

function closeOf(t: CalendarTables, day: number): number {
  const b = t.schedules[scheduleIdOf(t, day)] ?? EMPTY;
  return instantOf(day, b[b.length - 1] ?? 0);
}

/** Same clock time on `day` (a working day), moved into its office hours when needed. */
function atClockTime(t: CalendarTables, day: number, clock: number): number {
  return instantOf(day, snapIntoDay(t.schedules[scheduleIdOf(t, day)] ?? EMPTY, clock));
}

function dueMs(t: CalendarTables, fromMs: number, rule: DeadlineRule): number {
  const start = addOfficeMs(t, fromMs, 0);
  const startDay = dayOf(start);
  const clock = timeOfDay(start);
  switch (rule.unit) {
    case 'workingHours':
      return addOfficeMs(t, start, Math.round(rule.value * 3_600_000));
    case 'workingDays': {
      const whole = Math.floor(rule.value);
      let day = startDay;
      for (let n = 0; n < whole; n++) day = nextWorkingDay(t, day);
      const reached = whole === 0 ? start : atClockTime(t, day, clock);
      const fraction = rule.value - whole;
      if (fraction === 0) return reached;
      const dayTotal = t.totals[scheduleIdOf(t, dayOf(reached))] ?? 0;
      return addOfficeMs(t, reached, Math.round(fraction * dayTotal));
    }
    case 'sameDay': {
      const cutoff = (rule.cutoffMinutes ?? SAME_DAY_CUTOFF_MINUTES) * 60_000;
      return closeOf(t, clock < cutoff ? startDay : nextWorkingDay(t, startDay));
    }
    case 'calendarDays': {
      const day = startDay + rule.value;
      if (scheduleIdOf(t, day) !== 0) return atClockTime(t, day, clock);
      return closeOf(t, nextWorkingDay(t, day));
    }
  }
}

function checkedMs(d: Date, what: string): number {
  const ms = d.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${what}: invalid Date`);
  return ms;
}

function checkRule(rule: DeadlineRule): void {
  const r = validateDeadlineRule(rule);
  if (!r.ok) throw new RangeError(r.errors.map((e) => e.message.en).join('; '));
}

/**
 * The due moment of a dossier received at `from` under a procedure's deadline rule (Decree
 * 118/2025/NĐ-CP: time limits count in working days from a complete dossier's receipt).
 * Throws `RangeError` for an invalid rule or Date; validate rules with
 * `validateDeadlineRule` when a procedure is saved.
 *
 * @example computeDue(cal, new Date('2026-02-13T10:00:00+07:00'), { unit: 'workingDays', value: 3 })
 *   → 2026-02-25T10:00:00+07:00 (Tết 16–20/02 and two weekends skipped)
 */
export function computeDue(cal: WorkingCalendar, from: Date, rule: DeadlineRule): Date {
  checkRule(rule);
  return new Date(dueMs(cal.tables, checkedMs(from, 'computeDue'), rule));
}

/** What `resumeDue` needs to know about a pause. */
export interface PauseSpan {
  /** The due moment in force when the pause began. */
  originalDue: Date;
  pausedAt: Date;
  resumedAt: Date;
  /** The procedure's rule (used when the count restarts, and for calendar-day rules). */
  rule: DeadlineRule;
  /** The procedure says the whole time limit counts again from the resumption. */
  restart: boolean;
}

/**
 * The new due moment after a pause waiting for the applicant (e.g. a supplement request):
 * the office time left at the pause continues from the resumption, or, when the procedure
 * says so, the full time limit counts again from the resumption (Decree 118/2025/NĐ-CP on
 * supplement requests during processing). For several pauses call it once per pause with the
 * due moment the previous call returned.
 *
 * - A dossier already overdue when paused keeps its original due moment: a pause cannot
 *   undo lateness.
 * - For calendar-day rules the time left is calendar time, not office time (weekends count
 *   in such limits); the result then follows the calendar-day rule for non-working days.
 */
export function resumeDue(cal: WorkingCalendar, span: PauseSpan): Date {
  checkRule(span.rule);
  const t = cal.tables;
  const due = checkedMs(span.originalDue, 'resumeDue');
  const paused = checkedMs(span.pausedAt, 'resumeDue');
  const resumed = checkedMs(span.resumedAt, 'resumeDue');
  if (resumed < paused) throw new RangeError('resumeDue: resumedAt is before pausedAt');
  if (span.restart) return new Date(dueMs(t, resumed, span.rule));
  if (paused >= due) return new Date(due);
  if (span.rule.unit === 'calendarDays') {
    const raw = resumed + (due - paused);
    const day = dayOf(raw);
    if (scheduleIdOf(t, day) !== 0) return new Date(atClockTime(t, day, timeOfDay(raw)));
    return new Date(closeOf(t, nextWorkingDay(t, day)));
  }
  return new Date(addOfficeMs(t, resumed, officeMsBetween(t, paused, due)));
}
