/**
 * Validation of everything an admin or a procedure definition can feed the calendar: office
 * hours, override rows, desk exceptions and deadline rules. Each returns typed errors with a
 * bilingual message and a path, so the HTTP layer can map them to field errors.
 */
import { parseIsoDate } from './local-time.js';
import type {
  CalendarError,
  CalendarErrorCode,
  CalendarInput,
  CalendarOverride,
  DeadlineRule,
  DeskException,
  HolidayGroup,
  Interval,
  ValidationResult,
  WeeklySchedule,
} from './types.js';

const GROUPS: ReadonlySet<string> = new Set<HolidayGroup>(['newYear', 'tet', 'hungKings', 'victoryDay', 'labourDay', 'nationalDay']);
const WEEKDAY_KEYS: ReadonlySet<string> = new Set(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

function err(code: CalendarErrorCode, path: string, vi: string, en: string): CalendarError {
  return { code, path, message: { vi, en } };
}

/** Shared success value: deadline code validates on every call and should not allocate. */
const VALID: ValidationResult = Object.freeze({ ok: true });

function done(errors: CalendarError[]): ValidationResult {
  return errors.length === 0 ? VALID : { ok: false, errors };
}

function isNonEmptyText(v: unknown): boolean {
  return typeof v === 'string' && v.trim().length > 0;
}

/**
 * Checks one day's office intervals: whole minutes within 00:00–24:00, each start before its
 * end, sorted and not overlapping (touching is allowed).
 */
export function validateIntervals(intervals: readonly Interval[], path = 'intervals'): ValidationResult {
  const errors: CalendarError[] = [];
  let previousEnd = 0;
  intervals.forEach((iv, i) => {
    const p = `${path}.${i}`;
    const ok =
      Number.isInteger(iv.start) && Number.isInteger(iv.end) && iv.start >= 0 && iv.end <= 1440 && iv.start < iv.end;
    if (!ok) {
      errors.push(err('INVALID_INTERVALS', p, 'Khung giờ phải là số phút nguyên trong ngày, giờ bắt đầu trước giờ kết thúc', 'An interval must be whole minutes within the day, start before end'));
    } else if (iv.start < previousEnd) {
      errors.push(err('INVALID_INTERVALS', p, 'Các khung giờ phải theo thứ tự và không chồng lên nhau', 'Intervals must be in order and must not overlap'));
    }
    if (ok) previousEnd = iv.end;
  });
  return done(errors);
}

/** Checks a weekly schedule: known weekday keys and valid intervals for each. */
export function validateWeeklySchedule(schedule: WeeklySchedule, path = 'officeHours'): ValidationResult {
  const errors: CalendarError[] = [];
  for (const [key, intervals] of Object.entries(schedule)) {
    if (!WEEKDAY_KEYS.has(key)) {
      errors.push(err('INVALID_INTERVALS', `${path}.${key}`, `Không có thứ "${key}" trong tuần`, `Unknown weekday "${key}"`));
      continue;
    }
    const r = validateIntervals(intervals ?? [], `${path}.${key}`);
    if (!r.ok) errors.push(...r.errors);
  }
  return done(errors);
}

/**
 * Checks override rows: a real date, a known kind and holiday group, a name in both languages,
 * and no date that is both `work` and a day off.
 */
export function validateOverrides(rows: readonly CalendarOverride[], path = 'overrides'): ValidationResult {
  const errors: CalendarError[] = [];
  const kindsByDate = new Map<string, Set<string>>();
  rows.forEach((row, i) => {
    const p = `${path}.${i}`;
    if (!parseIsoDate(row.date).ok) {
      errors.push(err('INVALID_OVERRIDE', `${p}.date`, `Ngày không hợp lệ: "${row.date}"`, `Invalid date "${row.date}"`));
    }
    if (row.kind !== 'off' && row.kind !== 'work' && row.kind !== 'holiday') {
      errors.push(err('INVALID_OVERRIDE', `${p}.kind`, 'Loại phải là off, work hoặc holiday', 'Kind must be off, work or holiday'));
    }
    if (!isNonEmptyText(row.name?.vi) || !isNonEmptyText(row.name?.en)) {
      errors.push(err('INVALID_OVERRIDE', `${p}.name`, 'Cần tên (lý do) bằng tiếng Việt và tiếng Anh', 'A name (reason) in Vietnamese and English is required'));
    }
    if (row.replaces !== undefined && !GROUPS.has(row.replaces)) {
      errors.push(err('INVALID_OVERRIDE', `${p}.replaces`, `Không có nhóm ngày lễ "${row.replaces}"`, `Unknown holiday group "${row.replaces}"`));
    }
    const kinds = kindsByDate.get(row.date) ?? new Set<string>();
    kinds.add(row.kind === 'work' ? 'work' : 'off');
    kindsByDate.set(row.date, kinds);
    if (kinds.size > 1) {
      errors.push(err('CONFLICTING_OVERRIDES', `${p}.date`, `Ngày ${row.date} vừa là ngày nghỉ vừa là ngày làm việc`, `${row.date} is both a day off and a working day`));
    }
  });
  return done(errors);
}

/** Checks desk exceptions: a real date, and for `open` at least one valid interval. */
export function validateDeskExceptions(exceptions: readonly DeskException[], path = 'deskExceptions'): ValidationResult {
  const errors: CalendarError[] = [];
  const seen = new Set<string>();
  exceptions.forEach((ex, i) => {
    const p = `${path}.${i}`;
    if (!parseIsoDate(ex.date).ok) {
      errors.push(err('INVALID_DESK_EXCEPTION', `${p}.date`, `Ngày không hợp lệ: "${ex.date}"`, `Invalid date "${ex.date}"`));
    } else if (seen.has(ex.date)) {
      errors.push(err('INVALID_DESK_EXCEPTION', `${p}.date`, `Ngày ${ex.date} đã có lịch riêng`, `${ex.date} already has an exception`));
    }
    seen.add(ex.date);
    if (ex.kind === 'open') {
      if (ex.intervals.length === 0) {
        errors.push(err('INVALID_DESK_EXCEPTION', `${p}.intervals`, 'Ngày mở cửa cần ít nhất một khung giờ', 'An open day needs at least one interval'));
      }
      const r = validateIntervals(ex.intervals, `${p}.intervals`);
      if (!r.ok) errors.push(...r.errors);
    } else if (ex.kind !== 'closed') {
      errors.push(err('INVALID_DESK_EXCEPTION', `${p}.kind`, 'Loại phải là open hoặc closed', 'Kind must be open or closed'));
    }
  });
  return done(errors);
}

/**
 * Checks everything `buildCalendar` takes and returns every problem found; the calendar must
 * also open at least once a week, otherwise no deadline could ever fall due.
 */
export function validateCalendarInput(input: CalendarInput): ValidationResult {
  const errors: CalendarError[] = [];
  if (input.officeHours !== undefined) {
    const r = validateWeeklySchedule(input.officeHours);
    if (!r.ok) errors.push(...r.errors);
    else if (Object.values(input.officeHours).every((list) => list === undefined || list.length === 0)) {
      errors.push(err('INVALID_INTERVALS', 'officeHours', 'Lịch tuần phải có ít nhất một ngày làm việc', 'The weekly schedule needs at least one open day'));
    }
  }
  if (input.swapDayHours !== undefined) {
    const r = validateIntervals(input.swapDayHours, 'swapDayHours');
    if (!r.ok) errors.push(...r.errors);
  }
  const o = validateOverrides(input.overrides);
  if (!o.ok) errors.push(...o.errors);
  const d = validateDeskExceptions(input.deskExceptions ?? []);
  if (!d.ok) errors.push(...d.errors);
  return done(errors);
}

/**
 * Checks a procedure's deadline rule: a finite, non-negative value; calendar days whole; a
 * same-day cut-off within the day. Catalogue code calls this when a procedure is saved.
 */
export function validateDeadlineRule(rule: DeadlineRule, path = 'deadline'): ValidationResult {
  // Called on every due-date computation: no closures or allocations on the success path.
  switch (rule.unit) {
    case 'workingDays':
    case 'workingHours':
      if (!Number.isFinite(rule.value) || rule.value < 0) return badRule(path, 'Thời hạn phải là số không âm', 'The time limit must be a non-negative number');
      return VALID;
    case 'calendarDays':
      if (!Number.isInteger(rule.value) || rule.value < 0) return badRule(path, 'Số ngày phải là số nguyên không âm', 'Calendar days must be a non-negative whole number');
      return VALID;
    case 'sameDay':
      if (rule.cutoffMinutes !== undefined && (!Number.isInteger(rule.cutoffMinutes) || rule.cutoffMinutes < 0 || rule.cutoffMinutes > 1440)) {
        return badRule(path, 'Giờ chốt phải là số phút nguyên trong ngày', 'The cut-off must be whole minutes within the day');
      }
      return VALID;
    default:
      return badRule(path, 'Đơn vị thời hạn không hợp lệ', 'Unknown deadline unit');
  }
}

function badRule(path: string, vi: string, en: string): ValidationResult {
  return { ok: false, errors: [err('INVALID_DEADLINE_RULE', path, vi, en)] };
}
