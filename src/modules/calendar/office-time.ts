/**
 * Office-time arithmetic: how much office time lies between two instants, and which instant
 * is reached after a given amount of office time. Internals work on UTC milliseconds and
 * local day numbers so the deadline engine allocates nothing but its answer.
 */
import { scheduleIdOf } from './calendar.js';
import type { CalendarTables, WorkingCalendar } from './calendar.js';
import { dayOf, instantOf, MS_PER_DAY, timeOfDay } from './local-time.js';

/** Consecutive closed days after which the hours are taken to be empty rather than a holiday. */
const MAX_CLOSED_DAYS = 3660;

function noHours(): never {
  throw new RangeError('The working calendar has no office hours in the next ten years');
}

/**
 * The instant reached after `amount` ms of office time counted from `fromMs` (UTC ms). With
 * `amount === 0` it is the first office moment at or after `fromMs`: a moment outside office
 * hours counts from the next opening. Time used up exactly at a closing returns the closing.
 */
export function addOfficeMs(t: CalendarTables, fromMs: number, amount: number): number {
  let day = dayOf(fromMs);
  let tod = timeOfDay(fromMs);
  let remaining = amount;
  let closed = 0;
  for (;;) {
    const id = scheduleIdOf(t, day);
    if (id !== 0) {
      closed = 0;
      const total = t.totals[id] ?? 0;
      if (tod === 0 && remaining > total) {
        remaining -= total;
      } else {
        const b = t.schedules[id] ?? noHours();
        for (let i = 0; i + 1 < b.length; i += 2) {
          const end = b[i + 1] ?? 0;
          if (end <= tod) continue;
          const start = b[i] ?? 0;
          const from = start > tod ? start : tod;
          const available = end - from;
          if (remaining <= available) return instantOf(day, from + remaining);
          remaining -= available;
        }
      }
    } else if (++closed > MAX_CLOSED_DAYS) {
      noHours();
    }
    day += 1;
    tod = 0;
  }
}

function officeWithin(b: Int32Array, lo: number, hi: number): number {
  let sum = 0;
  for (let i = 0; i + 1 < b.length; i += 2) {
    const s = Math.max(b[i] ?? 0, lo);
    const e = Math.min(b[i + 1] ?? 0, hi);
    if (e > s) sum += e - s;
  }
  return sum;
}

/** Office ms in `[aMs, bMs)`; requires `aMs <= bMs`. */
export function officeMsBetween(t: CalendarTables, aMs: number, bMs: number): number {
  const dayA = dayOf(aMs);
  const dayB = dayOf(bMs);
  if (dayA === dayB) return officeWithin(hoursOf(t, dayA), timeOfDay(aMs), timeOfDay(bMs));
  let sum = officeWithin(hoursOf(t, dayA), timeOfDay(aMs), MS_PER_DAY);
  for (let d = dayA + 1; d < dayB; d++) sum += t.totals[scheduleIdOf(t, d)] ?? 0;
  return sum + officeWithin(hoursOf(t, dayB), 0, timeOfDay(bMs));
}

function hoursOf(t: CalendarTables, day: number): Int32Array {
  return t.schedules[scheduleIdOf(t, day)] ?? noHours();
}

function checkDate(d: Date, what: string): number {
  const ms = d.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${what}: invalid Date`);
  return ms;
}

/**
 * Milliseconds of office time between two instants (negative when `b` is before `a`), for
 * measuring time used on a dossier or a step (the clock only runs in office hours).
 *
 * @example officeTimeBetween(cal, friday16h, monday08h30) === 2 * 3_600_000 // 1h Fri + 1h Mon
 */
export function officeTimeBetween(cal: WorkingCalendar, a: Date, b: Date): number {
  const aMs = checkDate(a, 'officeTimeBetween');
  const bMs = checkDate(b, 'officeTimeBetween');
  return aMs <= bMs ? officeMsBetween(cal.tables, aMs, bMs) : -officeMsBetween(cal.tables, bMs, aMs);
}

/**
 * The instant at which `ms` of office time has elapsed since `from`; outside office hours the
 * count starts at the next opening, and time used up at a closing ends at that closing.
 *
 * @example addOfficeTime(cal, monday16h, 2 * 3_600_000) → Tuesday 08:30 (1h Mon + 1h Tue)
 */
export function addOfficeTime(cal: WorkingCalendar, from: Date, ms: number): Date {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError('addOfficeTime: ms must be a non-negative number');
  return new Date(addOfficeMs(cal.tables, checkDate(from, 'addOfficeTime'), ms));
}

/** The first office moment at or after `at` (the moment a count starts from). */
export function nextOfficeMoment(cal: WorkingCalendar, at: Date): Date {
  return new Date(addOfficeMs(cal.tables, checkDate(at, 'nextOfficeMoment'), 0));
}
