/**
 * The calendar's edit use cases, shared by the HTTP routes and the `egov calendar` command:
 * validate with the engine's validators → change in one transaction with the audit row and
 * the revision bump (so every process's cached calendars go stale at once) → return.
 */
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { MAX_YEAR, MIN_YEAR } from './calendar.js';
import { formatHm, parseHm, parseIsoDate } from './local-time.js';
import {
  bumpRevision,
  deleteDeskException,
  deleteOfficeHours,
  deleteOverride,
  findDeskException,
  findOfficeHours,
  findOverride,
  insertDeskException,
  insertOverride,
  saveOfficeHours,
  updateOverride,
  type StoredException,
  type StoredOverride,
} from './store.js';
import { calendarDb } from './tables.js';
import type { CalendarError, CalendarOverride, DeskException, Interval, WeekdayKey, WeeklySchedule } from './types.js';
import { validateCalendarInput, validateDeskExceptions, validateOverrides } from './validate.js';

/** What the audit log receives for a calendar edit. */
export interface CalendarAuditEntry {
  action: string;
  target: { type: string; id: string };
  summary: { before?: unknown; after?: unknown };
}

/** Who edits, when, and how the edit is audited (the route's request or the CLI). */
export interface EditContext {
  db: Kysely<PlatformTables>;
  now: Date;
  /** Label kept on the rows (username, or `egov-cli`). */
  by: string;
  /** Appends the audit row inside the edit's transaction. */
  audit(trx: Kysely<PlatformTables>, entry: CalendarAuditEntry): Promise<unknown>;
  /** Prefix of field paths in validation errors; default `/body`. */
  fieldPrefix?: string;
}

/** A weekly schedule written with `HH:MM` times, as the API and admins write hours. */
export type WeeklyHoursText = Partial<Record<WeekdayKey, ReadonlyArray<{ start: string; end: string }>>>;

/** An interval written with `HH:MM` times. */
export interface IntervalText {
  start: string;
  end: string;
}

function failed(errors: FieldError[]): AppError {
  return new AppError('VALIDATION_FAILED', {
    detail: { vi: `Dữ liệu có ${errors.length} lỗi; xem danh sách "errors".`, en: `The input has ${errors.length} problem(s); see "errors".` },
    errors,
  });
}

/** Engine path `x.0.intervals.1` under engine prefix `x.0` → `<prefix>/intervals/1`. */
function fieldsOf(errors: readonly CalendarError[], prefix: string, enginePrefix: string, into = ''): FieldError[] {
  return errors.map((e) => {
    const path = e.path ?? enginePrefix;
    const rest = path === enginePrefix ? '' : path.slice(enginePrefix.length + 1);
    const tail = rest === '' ? '' : `/${rest.split('.').join('/')}`;
    return { field: `${prefix}${into}${tail}`, reason: e.code, message: e.message };
  });
}

function yearRange(date: string, field: string): FieldError[] {
  const parsed = parseIsoDate(date);
  const year = Number(date.slice(0, 4));
  if (!parsed.ok || (year >= MIN_YEAR && year <= MAX_YEAR)) return [];
  return [{ field, reason: 'range', message: { vi: `Năm phải từ ${MIN_YEAR} đến ${MAX_YEAR}`, en: `The year must be between ${MIN_YEAR} and ${MAX_YEAR}` } }];
}

function prefixOf(ctx: Pick<EditContext, 'fieldPrefix'>): string {
  return ctx.fieldPrefix ?? '/body';
}

/** Throws `VALIDATION_FAILED` with field paths unless the override row is valid. */
export function checkOverride(o: CalendarOverride, prefix = '/body'): void {
  const r = validateOverrides([o], 'o');
  const errors = [...(r.ok ? [] : fieldsOf(r.errors, prefix, 'o.0')), ...yearRange(o.date, `${prefix}/date`)];
  if (errors.length > 0) throw failed(errors);
}

/** Parses `HH:MM` intervals to minutes, throwing `VALIDATION_FAILED` with field paths. */
export function intervalsFromText(list: readonly IntervalText[], field: string): Interval[] {
  const errors: FieldError[] = [];
  const out = list.map((iv, i) => {
    const start = parseHm(iv.start);
    const end = parseHm(iv.end);
    for (const [k, v] of [['start', start], ['end', end]] as const) {
      if (v === undefined) errors.push({ field: `${field}/${i}/${k}`, reason: 'format', message: { vi: 'Giờ phải có dạng HH:MM (00:00–24:00)', en: 'A time must be HH:MM (00:00–24:00)' } });
    }
    return { start: start ?? 0, end: end ?? 0 };
  });
  if (errors.length > 0) throw failed(errors);
  return out;
}

/** `HH:MM` form of intervals. */
export function intervalsToText(list: readonly Interval[]): IntervalText[] {
  return list.map((iv) => ({ start: formatHm(iv.start), end: formatHm(iv.end) }));
}

/**
 * Parses and validates a weekly schedule written with `HH:MM` times: ordered, non-overlapping
 * intervals and at least one open day a week. Throws `VALIDATION_FAILED` with field paths.
 */
export function weeklyHoursFromText(text: WeeklyHoursText, field = '/body/hours'): WeeklySchedule {
  const hours: WeeklySchedule = {};
  for (const [day, list] of Object.entries(text) as Array<[WeekdayKey, readonly IntervalText[] | undefined]>) {
    hours[day] = intervalsFromText(list ?? [], `${field}/${day}`);
  }
  const r = validateCalendarInput({ officeHours: hours, overrides: [] });
  if (!r.ok) throw failed(fieldsOf(r.errors, field, 'officeHours'));
  return hours;
}

/** `HH:MM` form of a weekly schedule (closed days left out). */
export function weeklyHoursToText(hours: WeeklySchedule): WeeklyHoursText {
  const out: WeeklyHoursText = {};
  for (const [day, list] of Object.entries(hours) as Array<[WeekdayKey, readonly Interval[] | undefined]>) {
    if (list && list.length > 0) out[day] = intervalsToText(list);
  }
  return out;
}

const OVERRIDE_ROW = { vi: 'dòng ngày nghỉ, ngày làm bù', en: 'override row' };
const DESK_EXCEPTION = { vi: 'lịch riêng của bộ phận', en: 'desk exception' };

function dateNotFound(what: { vi: string; en: string }, date: string): AppError {
  return new AppError('NOT_FOUND', { detail: { vi: `Không có ${what.vi} ngày ${date}.`, en: `There is no ${what.en} for ${date}.` } });
}

async function inTransaction<T>(ctx: EditContext, entry: CalendarAuditEntry, change: (trx: Kysely<PlatformTables>) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    const result = await change(trx);
    await bumpRevision(calendarDb(trx), ctx.now.toISOString());
    await ctx.audit(trx, entry);
    return result;
  });
}

/** Adds a row to the national override table (a government notice); `CONFLICT` if the date has one. */
export async function createOverride(ctx: EditContext, o: CalendarOverride): Promise<StoredOverride> {
  checkOverride(o, prefixOf(ctx));
  const cdb = calendarDb(ctx.db);
  if (await findOverride(cdb, o.date)) {
    throw new AppError('CONFLICT', { detail: { vi: `Ngày ${o.date} đã có trong bảng ngày nghỉ, làm bù; hãy sửa dòng đó.`, en: `${o.date} already has an override row; update that row instead.` } });
  }
  await inTransaction(ctx, { action: 'calendar.override.create', target: { type: 'calendarOverride', id: o.date }, summary: { after: o } }, (trx) =>
    insertOverride(calendarDb(trx), o, ctx.by, ctx.now.toISOString()),
  );
  return (await findOverride(cdb, o.date)) as StoredOverride; // just inserted
}

/** Rewrites the override row of `o.date`; `NOT_FOUND` when there is none. */
export async function replaceOverride(ctx: EditContext, o: CalendarOverride): Promise<StoredOverride> {
  checkOverride(o, prefixOf(ctx));
  const cdb = calendarDb(ctx.db);
  const before = await findOverride(cdb, o.date);
  if (!before) throw dateNotFound(OVERRIDE_ROW, o.date);
  await inTransaction(ctx, { action: 'calendar.override.update', target: { type: 'calendarOverride', id: o.date }, summary: { before, after: o } }, (trx) =>
    updateOverride(calendarDb(trx), o, ctx.by, ctx.now.toISOString()),
  );
  return (await findOverride(cdb, o.date)) as StoredOverride; // just updated
}

/** Deletes the override row of a date; `NOT_FOUND` when there is none. */
export async function removeOverride(ctx: EditContext, date: string): Promise<StoredOverride> {
  const before = await findOverride(calendarDb(ctx.db), date);
  if (!before) throw dateNotFound(OVERRIDE_ROW, date);
  await inTransaction(ctx, { action: 'calendar.override.delete', target: { type: 'calendarOverride', id: date }, summary: { before } }, (trx) =>
    deleteOverride(calendarDb(trx), date),
  );
  return before;
}

/** Sets the weekly hours of a desk or agency (already validated by `weeklyHoursFromText`). */
export async function setOfficeHours(ctx: EditContext, owner: { kind: 'desk' | 'agency'; code: string }, hours: WeeklySchedule): Promise<void> {
  const before = await findOfficeHours(calendarDb(ctx.db), owner.kind, owner.code);
  await inTransaction(
    ctx,
    { action: `calendar.${owner.kind}.hours.set`, target: { type: owner.kind === 'desk' ? 'receptionDesk' : 'agency', id: owner.code }, summary: { before: before?.hours, after: hours } },
    (trx) => saveOfficeHours(calendarDb(trx), owner.kind, owner.code, hours, ctx.by, ctx.now.toISOString()),
  );
}

/** Removes the own weekly hours of a desk or agency so it falls back; `NOT_FOUND` if none are set. */
export async function clearOfficeHours(ctx: EditContext, owner: { kind: 'desk' | 'agency'; code: string }): Promise<void> {
  const before = await findOfficeHours(calendarDb(ctx.db), owner.kind, owner.code);
  if (!before) {
    throw new AppError('NOT_FOUND', { detail: { vi: `${owner.code} chưa có lịch làm việc riêng.`, en: `${owner.code} has no hours of its own.` } });
  }
  await inTransaction(
    ctx,
    { action: `calendar.${owner.kind}.hours.clear`, target: { type: owner.kind === 'desk' ? 'receptionDesk' : 'agency', id: owner.code }, summary: { before: before.hours } },
    (trx) => deleteOfficeHours(calendarDb(trx), owner.kind, owner.code),
  );
}

/** Adds a desk exception (open with hours, or closed) for a date; `CONFLICT` if the date has one. */
export async function addDeskException(ctx: EditContext, deskCode: string, ex: DeskException): Promise<StoredException> {
  const prefix = prefixOf(ctx);
  const r = validateDeskExceptions([ex], 'x');
  const errors = [...(r.ok ? [] : fieldsOf(r.errors, prefix, 'x.0')), ...yearRange(ex.date, `${prefix}/date`)];
  if (errors.length > 0) throw failed(errors);
  const cdb = calendarDb(ctx.db);
  if (await findDeskException(cdb, deskCode, ex.date)) {
    throw new AppError('CONFLICT', { detail: { vi: `Bộ phận ${deskCode} đã có lịch riêng ngày ${ex.date}.`, en: `Desk ${deskCode} already has an exception on ${ex.date}.` } });
  }
  await inTransaction(ctx, { action: 'calendar.desk.exception.create', target: { type: 'receptionDesk', id: deskCode }, summary: { after: ex } }, (trx) =>
    insertDeskException(calendarDb(trx), deskCode, ex, ctx.by, ctx.now.toISOString()),
  );
  return (await findDeskException(cdb, deskCode, ex.date)) as StoredException; // just inserted
}

/** Removes a desk exception; `NOT_FOUND` when there is none. */
export async function removeDeskException(ctx: EditContext, deskCode: string, date: string): Promise<void> {
  const before = await findDeskException(calendarDb(ctx.db), deskCode, date);
  if (!before) throw dateNotFound(DESK_EXCEPTION, date);
  await inTransaction(ctx, { action: 'calendar.desk.exception.delete', target: { type: 'receptionDesk', id: deskCode }, summary: { before } }, (trx) =>
    deleteDeskException(calendarDb(trx), deskCode, date),
  );
}
