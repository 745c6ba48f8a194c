/**
 * The working calendar of one reception desk: weekly office hours, the national holidays and
 * overrides, and the desk's own exceptions, resolved per day into a compact table that is
 * built lazily one year at a time so that deadline arithmetic only reads typed arrays.
 */
import { nationalYear } from './holidays.js';
import type { DayNote, ParsedOverride } from './holidays.js';
import { daysFromCivil, formatDay, MS_PER_MINUTE, parseIsoDate, weekdayOf, yearOfDay } from './local-time.js';
import { validateCalendarInput } from './validate.js';
import type {
  Bilingual,
  CalendarInput,
  CalendarOverride,
  DayDifference,
  DeskException,
  Interval,
  IsoDate,
  WeekdayKey,
  WeeklySchedule,
} from './types.js';

/** Years the engine answers for (the lunar library covers 1200–2199). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const MORNING: Interval = { start: 7 * 60 + 30, end: 11 * 60 + 30 };
const AFTERNOON: Interval = { start: 13 * 60 + 30, end: 17 * 60 };
const WORKDAY: readonly Interval[] = [MORNING, AFTERNOON];

/**
 * The common office hours of one-stop desks: Monday–Friday 07:30–11:30 and 13:30–17:00
 * (7.5 hours a day), Asia/Ho_Chi_Minh. Each desk may set its own.
 */
export const DEFAULT_OFFICE_HOURS: WeeklySchedule = {
  mon: WORKDAY,
  tue: WORKDAY,
  wed: WORKDAY,
  thu: WORKDAY,
  fri: WORKDAY,
};

/** Weekday keys indexed by JavaScript's day numbering (0 = Sunday). */
const KEYS_BY_JS_DAY: readonly WeekdayKey[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const WEEKLY_OPEN: Bilingual = { vi: 'Lịch làm việc hằng tuần của bộ phận', en: "Desk's weekly opening hours" };
const WEEKLY_CLOSED: Bilingual = { vi: 'Bộ phận không làm việc theo lịch hằng tuần', en: "Desk closed by its weekly schedule" };
const DESK_OPEN: Bilingual = { vi: 'Bộ phận làm việc theo lịch riêng', en: 'Desk open by exception' };
const DESK_CLOSED: Bilingual = { vi: 'Bộ phận nghỉ theo lịch riêng', en: 'Desk closed by exception' };

/** One Gregorian year resolved: the schedule id of every day (0 = closed) and its notes. */
interface YearTable {
  first: number;
  end: number;
  sched: Uint16Array;
  notes: Map<number, DayNote>;
}

/** Internal tables of a calendar; only this module's files read them. */
export interface CalendarTables {
  /** Schedule id → flattened `[start0, end0, start1, end1, …]` in ms since local midnight. */
  readonly schedules: Int32Array[];
  /** Schedule id → office ms in that day. */
  readonly totals: number[];
  readonly weekly: Uint16Array;
  readonly swapDay: number;
  readonly rowsByYear: Map<number, ParsedOverride[]>;
  readonly exceptionsByYear: Map<number, Array<{ day: number; sched: number; note: DayNote }>>;
  readonly years: Map<number, YearTable>;
  /** Memo of the last year looked up; deadline loops stay inside one year most of the time. */
  last: YearTable | undefined;
}

/**
 * A desk's working calendar, immutable from the outside and safe to share between requests.
 * Build it with `buildCalendar`; build a new one whenever overrides or hours change (it is
 * cheap: years are resolved only when first used). The input arrays are copied at build
 * time, so editing them afterwards changes nothing.
 */
export interface WorkingCalendar {
  readonly officeHours: WeeklySchedule;
  readonly overrides: readonly CalendarOverride[];
  readonly deskExceptions: readonly DeskException[];
  /** Lazily filled lookup tables; not part of the public contract. */
  readonly tables: CalendarTables;
}

function internSchedule(schedules: Int32Array[], totals: number[], keys: Map<string, number>, intervals: readonly Interval[]): number {
  if (intervals.length === 0) return 0;
  const key = intervals.map((i) => `${i.start}-${i.end}`).join(',');
  const known = keys.get(key);
  if (known !== undefined) return known;
  const flat = new Int32Array(intervals.length * 2);
  let total = 0;
  intervals.forEach((iv, k) => {
    flat[2 * k] = iv.start * MS_PER_MINUTE;
    flat[2 * k + 1] = iv.end * MS_PER_MINUTE;
    total += (iv.end - iv.start) * MS_PER_MINUTE;
  });
  const id = schedules.length;
  schedules.push(flat);
  totals.push(total);
  keys.set(key, id);
  return id;
}

function parsedDay(date: IsoDate): number {
  const r = parseIsoDate(date);
  // validateCalendarInput has already accepted every date passed here.
  if (!r.ok) throw new RangeError(r.error.message.en);
  return r.value;
}

/**
 * Builds the working calendar of a desk from its weekly hours, the national override table
 * and its own date exceptions (Labour Code 2019 arts. 111–112 for holidays; hours per desk as
 * the one-stop decree leaves them to each agency).
 *
 * Throws `RangeError` on invalid input: call `validateCalendarInput` first on anything an
 * admin typed to get every problem as typed errors.
 *
 * @example buildCalendar({ overrides: PUBLISHED_OVERRIDES })
 */
export function buildCalendar(input: CalendarInput): WorkingCalendar {
  const check = validateCalendarInput(input);
  if (!check.ok) throw new RangeError(check.errors.map((e) => `${e.path ?? ''}: ${e.message.en}`).join('; '));
  const officeHours = input.officeHours ?? DEFAULT_OFFICE_HOURS;
  const schedules: Int32Array[] = [new Int32Array(0)];
  const totals: number[] = [0];
  const keys = new Map<string, number>();
  const weekly = new Uint16Array(7);
  KEYS_BY_JS_DAY.forEach((k, i) => {
    weekly[i] = internSchedule(schedules, totals, keys, officeHours[k] ?? []);
  });
  const swapHours = input.swapDayHours ?? officeHours.mon ?? WORKDAY;
  const swapDay = internSchedule(schedules, totals, keys, swapHours.length > 0 ? swapHours : WORKDAY);

  const rowsByYear = new Map<number, ParsedOverride[]>();
  for (const row of input.overrides) {
    const day = parsedDay(row.date);
    const year = yearOfDay(day);
    const list = rowsByYear.get(year) ?? [];
    list.push({ day, kind: row.kind, name: row.name, replaces: row.replaces });
    rowsByYear.set(year, list);
  }
  const exceptionsByYear = new Map<number, Array<{ day: number; sched: number; note: DayNote }>>();
  for (const ex of input.deskExceptions ?? []) {
    const day = parsedDay(ex.date);
    const year = yearOfDay(day);
    const list = exceptionsByYear.get(year) ?? [];
    if (ex.kind === 'open') {
      list.push({ day, sched: internSchedule(schedules, totals, keys, ex.intervals), note: { kind: 'work', name: ex.name ?? DESK_OPEN } });
    } else {
      list.push({ day, sched: 0, note: { kind: 'off', name: ex.name ?? DESK_CLOSED } });
    }
    exceptionsByYear.set(year, list);
  }
  return {
    officeHours,
    overrides: input.overrides,
    deskExceptions: input.deskExceptions ?? [],
    tables: { schedules, totals, weekly, swapDay, rowsByYear, exceptionsByYear, years: new Map(), last: undefined },
  };
}

function buildYear(t: CalendarTables, year: number): YearTable {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Working calendar covers ${MIN_YEAR}–${MAX_YEAR}, not ${year}`);
  }
  const first = daysFromCivil(year, 1, 1);
  const end = daysFromCivil(year + 1, 1, 1);
  const sched = new Uint16Array(end - first);
  for (let d = first; d < end; d++) sched[d - first] = t.weekly[weekdayOf(d)] ?? 0;
  const notes = nationalYear(year, (y) => t.rowsByYear.get(y) ?? []);
  for (const [d, note] of notes) {
    const w = weekdayOf(d);
    const weekdayHours = w >= 1 && w <= 5 ? (t.weekly[w] ?? 0) : 0;
    // A weekend day the government turns into a working day is a full working day.
    sched[d - first] = note.kind === 'off' ? 0 : weekdayHours !== 0 ? weekdayHours : t.swapDay;
  }
  // Desk exceptions are the most specific rule and win over the national calendar.
  for (const ex of t.exceptionsByYear.get(year) ?? []) {
    sched[ex.day - first] = ex.sched;
    notes.set(ex.day, ex.note);
  }
  const table = { first, end, sched, notes };
  t.years.set(year, table);
  return table;
}

function yearTable(t: CalendarTables, day: number): YearTable {
  const last = t.last;
  if (last !== undefined && day >= last.first && day < last.end) return last;
  const year = yearOfDay(day);
  const table = t.years.get(year) ?? buildYear(t, year);
  t.last = table;
  return table;
}

/** Schedule id of a local day number (0 = closed). Hot path: no allocation once the year is built. */
export function scheduleIdOf(t: CalendarTables, day: number): number {
  const y = yearTable(t, day);
  return y.sched[day - y.first] ?? 0;
}

/** Local day number of the first working day strictly after `day`. */
export function nextWorkingDay(t: CalendarTables, day: number): number {
  // Ten years without a single open day means the hours are empty, not a long holiday.
  const limit = day + 3660;
  for (let d = day + 1; d <= limit; d++) if (scheduleIdOf(t, d) !== 0) return d;
  throw new RangeError('The working calendar has no office hours in the next ten years');
}

/**
 * Whether a date is a working day for this desk: it has office hours after holidays,
 * overrides and desk exceptions are applied (Labour Code 2019 arts. 111–112). Throws
 * `RangeError` for a malformed date or a year outside 1900–2199 (parse input with
 * `parseIsoDate` first).
 *
 * @example isWorkingDay(buildCalendar({ overrides: PUBLISHED_OVERRIDES }), '2026-02-17') === false
 */
export function isWorkingDay(cal: WorkingCalendar, date: IsoDate): boolean {
  return scheduleIdOf(cal.tables, parsedDay(date)) !== 0;
}

/**
 * The desk's office hours on a date, in minutes since local midnight (empty when closed);
 * throws `RangeError` like `isWorkingDay`.
 *
 * @example officeIntervals(cal, '2026-02-24') → [{ start: 450, end: 690 }, { start: 810, end: 1020 }]
 */
export function officeIntervals(cal: WorkingCalendar, date: IsoDate): Interval[] {
  const flat = cal.tables.schedules[scheduleIdOf(cal.tables, parsedDay(date))] ?? new Int32Array(0);
  const result: Interval[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    result.push({ start: (flat[i] ?? 0) / MS_PER_MINUTE, end: (flat[i + 1] ?? 0) / MS_PER_MINUTE });
  }
  return result;
}

/**
 * Every date of a year whose status differs from plain Monday–Friday work, sorted: holidays,
 * compensatory days and desk closures as `off` (a holiday on a weekend is listed too, so the
 * compensation it causes can be explained), swapped or desk-opened weekend days as `work`.
 * Plain weekends are not listed. For the `egov calendar` listing (Labour Code 2019 art. 112
 * and the government's yearly schedule).
 */
export function listYearDifferences(cal: WorkingCalendar, year: number): DayDifference[] {
  const t = cal.tables;
  const table = t.years.get(year) ?? buildYear(t, year);
  const result: DayDifference[] = [];
  for (let d = table.first; d < table.end; d++) {
    const w = weekdayOf(d);
    const plainWorking = w >= 1 && w <= 5;
    const working = (table.sched[d - table.first] ?? 0) !== 0;
    const note = table.notes.get(d);
    if (working && !plainWorking) {
      result.push({ date: formatDay(d), kind: 'work', name: note?.kind === 'work' ? note.name : WEEKLY_OPEN });
    } else if (!working && (plainWorking || note?.kind === 'off')) {
      result.push({ date: formatDay(d), kind: 'off', name: note?.kind === 'off' ? note.name : WEEKLY_CLOSED });
    }
  }
  return result;
}
