/**
 * All SQL of the calendar module. Rows are mapped to the engine's plain types here, so the
 * service and the routes never see column names.
 */
import { sql, type RawBuilder } from 'kysely';
import { bumpRevision as bumpCounter } from '../../platform/db/revision-cache.js';
import type { CalendarDb, CalendarTables } from './tables.js';
import type { CalendarOverride, DeskException, HolidayGroup, Interval, WeeklySchedule } from './types.js';

/** `YYYY-MM-DD` text of a date column on both databases (pg would return a JS Date). */
function dateText(column: string): RawBuilder<string> {
  return sql<string>`cast(${sql.ref(column)} as text)`;
}

/** An override row with who changed it last and when. */
export interface StoredOverride extends CalendarOverride {
  updatedAt: string;
  updatedBy: string;
}

/** A desk exception as stored. */
export type StoredException = DeskException & { createdAt: string; createdBy: string };

type OverrideRow = Omit<CalendarTables['calendar_overrides'], 'created_at' | 'created_by'>;

function overrideOf(r: OverrideRow): StoredOverride {
  return {
    date: r.date,
    kind: r.kind,
    name: { vi: r.name_vi, en: r.name_en },
    ...(r.replaces === null ? {} : { replaces: r.replaces as HolidayGroup }),
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

/** The calendar's revision counter (a row of the platform's `cache_revisions`). */
export const CALENDAR_REVISION = 'calendar';

/** Counts one edit, so that every process rebuilds its cached calendars; call inside the edit's transaction. */
export async function bumpRevision(trx: CalendarDb, nowIso: string): Promise<void> {
  await bumpCounter(trx, CALENDAR_REVISION, nowIso);
}

function overrideQuery(db: CalendarDb) {
  return db
    .selectFrom('calendar_overrides')
    .select([dateText('date').as('date'), 'kind', 'name_vi', 'name_en', 'replaces', 'updated_at', 'updated_by']);
}

/** Override rows, oldest first; with `year`, only that year's. */
export async function listOverrides(db: CalendarDb, year?: number): Promise<StoredOverride[]> {
  let q = overrideQuery(db);
  if (year !== undefined) q = q.where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`);
  const rows = await q.orderBy('date').execute();
  return rows.map(overrideOf);
}

/** The override row of a date, if any. */
export async function findOverride(db: CalendarDb, date: string): Promise<StoredOverride | undefined> {
  const row = await overrideQuery(db).where('date', '=', date).executeTakeFirst();
  return row ? overrideOf(row) : undefined;
}

/** Adds an override row (the caller has checked the date is free). */
export async function insertOverride(trx: CalendarDb, o: CalendarOverride, by: string, nowIso: string): Promise<void> {
  await trx
    .insertInto('calendar_overrides')
    .values({
      date: o.date,
      kind: o.kind,
      name_vi: o.name.vi,
      name_en: o.name.en,
      replaces: o.replaces ?? null,
      created_at: nowIso,
      created_by: by,
      updated_at: nowIso,
      updated_by: by,
    })
    .execute();
}

/** Rewrites the override row of `o.date`; false when there is none. */
export async function updateOverride(trx: CalendarDb, o: CalendarOverride, by: string, nowIso: string): Promise<boolean> {
  const r = await trx
    .updateTable('calendar_overrides')
    .set({ kind: o.kind, name_vi: o.name.vi, name_en: o.name.en, replaces: o.replaces ?? null, updated_at: nowIso, updated_by: by })
    .where('date', '=', o.date)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Deletes the override row of a date; false when there was none. */
export async function deleteOverride(trx: CalendarDb, date: string): Promise<boolean> {
  const r = await trx.deleteFrom('calendar_overrides').where('date', '=', date).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Weekly hours set for a desk or an agency, with who set them and when. */
export interface StoredHours {
  hours: WeeklySchedule;
  updatedAt: string;
  updatedBy: string;
}

/** The weekly hours of a desk or agency, if set. */
export async function findOfficeHours(db: CalendarDb, ownerKind: 'desk' | 'agency', code: string): Promise<StoredHours | undefined> {
  const row = await db
    .selectFrom('calendar_office_hours')
    .select(['hours', 'updated_at', 'updated_by'])
    .where('owner_kind', '=', ownerKind)
    .where('owner_code', '=', code)
    .executeTakeFirst();
  return row ? { hours: JSON.parse(row.hours) as WeeklySchedule, updatedAt: row.updated_at, updatedBy: row.updated_by } : undefined;
}

/** Sets the weekly hours of a desk or agency. */
export async function saveOfficeHours(trx: CalendarDb, ownerKind: 'desk' | 'agency', code: string, hours: WeeklySchedule, by: string, nowIso: string): Promise<void> {
  const json = JSON.stringify(hours);
  await trx
    .insertInto('calendar_office_hours')
    .values({ owner_kind: ownerKind, owner_code: code, hours: json, updated_at: nowIso, updated_by: by })
    .onConflict((oc) => oc.columns(['owner_kind', 'owner_code']).doUpdateSet({ hours: json, updated_at: nowIso, updated_by: by }))
    .execute();
}

/** Removes the weekly hours of a desk or agency (it falls back); false when none were set. */
export async function deleteOfficeHours(trx: CalendarDb, ownerKind: 'desk' | 'agency', code: string): Promise<boolean> {
  const r = await trx.deleteFrom('calendar_office_hours').where('owner_kind', '=', ownerKind).where('owner_code', '=', code).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

type ExceptionRow = Omit<CalendarTables['calendar_desk_exceptions'], 'desk_code'>;

function exceptionOf(r: ExceptionRow): StoredException {
  const name = r.name_vi !== null && r.name_en !== null ? { name: { vi: r.name_vi, en: r.name_en } } : {};
  const meta = { createdAt: r.created_at, createdBy: r.created_by };
  if (r.kind === 'open') return { date: r.date, kind: 'open', intervals: JSON.parse(r.intervals ?? '[]') as Interval[], ...name, ...meta };
  return { date: r.date, kind: 'closed', ...name, ...meta };
}

function exceptionQuery(db: CalendarDb, deskCode: string) {
  return db
    .selectFrom('calendar_desk_exceptions')
    .select([dateText('date').as('date'), 'kind', 'intervals', 'name_vi', 'name_en', 'created_at', 'created_by'])
    .where('desk_code', '=', deskCode);
}

/** A desk's exceptions, oldest first. */
export async function listDeskExceptions(db: CalendarDb, deskCode: string): Promise<StoredException[]> {
  const rows = await exceptionQuery(db, deskCode).orderBy('date').execute();
  return rows.map(exceptionOf);
}

/** A desk's exception on a date, if any. */
export async function findDeskException(db: CalendarDb, deskCode: string, date: string): Promise<StoredException | undefined> {
  const row = await exceptionQuery(db, deskCode).where('date', '=', date).executeTakeFirst();
  return row ? exceptionOf(row) : undefined;
}

/** Adds a desk exception (the caller has checked the date is free). */
export async function insertDeskException(trx: CalendarDb, deskCode: string, ex: DeskException, by: string, nowIso: string): Promise<void> {
  await trx
    .insertInto('calendar_desk_exceptions')
    .values({
      desk_code: deskCode,
      date: ex.date,
      kind: ex.kind,
      intervals: ex.kind === 'open' ? JSON.stringify(ex.intervals) : null,
      name_vi: ex.name?.vi ?? null,
      name_en: ex.name?.en ?? null,
      created_at: nowIso,
      created_by: by,
    })
    .execute();
}

/** Removes a desk exception; false when there was none. */
export async function deleteDeskException(trx: CalendarDb, deskCode: string, date: string): Promise<boolean> {
  const r = await trx.deleteFrom('calendar_desk_exceptions').where('desk_code', '=', deskCode).where('date', '=', date).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
