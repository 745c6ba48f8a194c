/**
 * Public types of the working-calendar engine. Everything here is plain data so that the lead
 * can store it (one DB row per override / desk exception, JSON for weekly hours) and send it
 * over HTTP unchanged.
 */

/** A text shown to users, in Vietnamese first and English second. */
export interface Bilingual {
  vi: string;
  en: string;
}

/** A calendar date in Asia/Ho_Chi_Minh written `YYYY-MM-DD`. */
export type IsoDate = string;

/**
 * Office time on one day: minutes since local midnight (Asia/Ho_Chi_Minh), half-open
 * `[start, end)`. 07:30–11:30 is `{ start: 450, end: 690 }`.
 */
export interface Interval {
  start: number;
  end: number;
}

/** Keys of the weekly schedule, Monday first as Vietnamese offices count the week. */
export type WeekdayKey = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/**
 * Office hours for each day of the week. A missing key or an empty list means closed. A desk
 * that receives dossiers on Saturday mornings lists `sat: [{ start: 450, end: 690 }]`.
 */
export type WeeklySchedule = Partial<Record<WeekdayKey, readonly Interval[]>>;

/**
 * The statutory holidays of Labour Code 2019, art. 112(1). Override rows name the group they
 * replace so that a published government schedule supersedes the computed placement.
 */
export type HolidayGroup = 'newYear' | 'tet' | 'hungKings' | 'victoryDay' | 'labourDay' | 'nationalDay';

/**
 * One row of the per-year override table (one DB row each; the year is the date's year).
 *
 * - `off`: the date is a day off (no compensation is ever derived from it).
 * - `work`: the date (normally a weekend day) is a working day; `name` is the reason.
 * - `holiday`: a newly decided public holiday on that date (e.g. 24/11 Vietnamese Culture
 *   Day); like the statutory ones it is compensated on the next working day when it falls on
 *   a weekend, unless the row carries `replaces`.
 *
 * `replaces`: this row belongs to the government's published schedule for that holiday group
 * in that year. Any such row switches off the computed placement of the group for the year,
 * including its automatic weekend compensation: the published rows are taken as they are.
 */
export interface CalendarOverride {
  date: IsoDate;
  kind: 'off' | 'work' | 'holiday';
  name: Bilingual;
  replaces?: HolidayGroup;
}

/**
 * A per-desk exception for one date: the desk opens with the given hours (even on a weekend
 * or a holiday), or it is closed (even on a working day). It wins over everything else.
 */
export type DeskException =
  | { date: IsoDate; kind: 'open'; intervals: readonly Interval[]; name?: Bilingual }
  | { date: IsoDate; kind: 'closed'; name?: Bilingual };

/** What `buildCalendar` needs: one desk's hours plus the national override table. */
export interface CalendarInput {
  /** Weekly hours; when given it replaces the default entirely (missing days are closed). */
  officeHours?: WeeklySchedule;
  /**
   * Hours on a weekend day that an override turns into a working day. Default: the Monday
   * hours of `officeHours` (a swapped Saturday is a full working day).
   */
  swapDayHours?: readonly Interval[];
  overrides: readonly CalendarOverride[];
  deskExceptions?: readonly DeskException[];
}

/**
 * How a procedure states its time limit (thời hạn giải quyết).
 *
 * - `workingDays`: whole or fractional working days (0.5 = half a day's office time).
 * - `workingHours`: office hours.
 * - `sameDay`: trong ngày; received before the cut-off (default 15:00) → that day's close,
 *   otherwise the next working day's close.
 * - `calendarDays`: whole days; a last day that is not a working day moves to the close of
 *   the next working day.
 */
export type DeadlineRule =
  | { unit: 'workingDays'; value: number }
  | { unit: 'workingHours'; value: number }
  | { unit: 'sameDay'; cutoffMinutes?: number }
  | { unit: 'calendarDays'; value: number };

/** One line of `listYearDifferences`: a date whose status differs from plain Mon–Fri work. */
export interface DayDifference {
  date: IsoDate;
  kind: 'off' | 'work';
  name: Bilingual;
}

/** Codes of the typed errors this module returns (never throws for user input). */
export type CalendarErrorCode =
  | 'INVALID_DATE'
  | 'INVALID_DATETIME'
  | 'MISSING_OFFSET'
  | 'INVALID_INTERVALS'
  | 'INVALID_OVERRIDE'
  | 'CONFLICTING_OVERRIDES'
  | 'INVALID_DESK_EXCEPTION'
  | 'INVALID_DEADLINE_RULE';

/** A problem with user input, with a bilingual message and where it was found. */
export interface CalendarError {
  code: CalendarErrorCode;
  message: Bilingual;
  /** Dotted path of the offending field, e.g. `overrides.3.date`; absent for a lone value. */
  path?: string;
}

/** Result of parsing one value. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: CalendarError };

/** Result of validating a whole input: every problem found, not just the first. */
export type ValidationResult = { ok: true } | { ok: false; errors: CalendarError[] };
