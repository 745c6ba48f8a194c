/**
 * Loading a desk's working calendar from the database, with an in-process cache that every
 * edit invalidates at once, in this process and in every other one.
 *
 * Cache choice (multi-process): each load reads two counters of the platform's
 * `cache_revisions` in one primary-key query — the calendar's (every calendar edit bumps it
 * in its own transaction) and the registry's (a desk may move to another agency, whose hours
 * it falls back to) — and reuses the calendar it built earlier only when neither has moved
 * (src/platform/db/revision-cache.ts). An override changed through any process or the CLI
 * therefore counts from the next computation anywhere, with no time-to-live window in which
 * a deadline could be wrong. Callers computing many deadlines load the calendars once per
 * batch (`loadDeskCalendars`).
 */
import type { Kysely } from 'kysely';
import { deskScope, REGISTRY_REVISION } from '../registry/index.js';
import { RevisionCache } from '../../platform/db/revision-cache.js';
import type { PlatformTables } from '../../platform/db/tables.js';
import { AppError } from '../../platform/errors.js';
import { buildCalendar, DEFAULT_OFFICE_HOURS, type WorkingCalendar } from './calendar.js';
import { CALENDAR_REVISION, findOfficeHours, listDeskExceptions, listOverrides, type StoredOverride } from './store.js';
import { calendarDb, type CalendarDb } from './tables.js';
import type { WeeklySchedule } from './types.js';

/** Where a desk's weekly hours come from: its own, its agency's, or the common default. */
export type HoursSource = 'desk' | 'agency' | 'default';

/** A desk's effective weekly hours and where they come from. */
export interface DeskHours {
  deskCode: string;
  agencyCode: string;
  source: HoursSource;
  hours: WeeklySchedule;
}

/** Desk code → calendar; `''` is the city-wide calendar with the default hours. Bounded by the number of desks. */
const calendars = new RevisionCache<WorkingCalendar>({ revisions: [CALENDAR_REVISION, REGISTRY_REVISION], max: 2_000 });

function unknownDesk(deskCode: string): AppError {
  return new AppError('NOT_FOUND', {
    detail: { vi: `Không có bộ phận tiếp nhận mã ${deskCode}.`, en: `There is no reception desk ${deskCode}.` },
  });
}

/**
 * The weekly hours a desk keeps: its own when set, otherwise its agency's, otherwise the
 * common Monday–Friday 07:30–11:30, 13:30–17:00 (the one-stop rules leave reception hours
 * to each agency and fix none). Throws `NOT_FOUND` for an unknown desk.
 */
export async function resolveDeskHours(db: Kysely<PlatformTables>, deskCode: string): Promise<DeskHours> {
  const desk = await deskScope(db, deskCode);
  if (!desk) throw unknownDesk(deskCode);
  const cdb = calendarDb(db);
  const own = await findOfficeHours(cdb, 'desk', deskCode);
  if (own) return { deskCode, agencyCode: desk.agencyCode, source: 'desk', hours: own.hours };
  const agency = await findOfficeHours(cdb, 'agency', desk.agencyCode);
  if (agency) return { deskCode, agencyCode: desk.agencyCode, source: 'agency', hours: agency.hours };
  return { deskCode, agencyCode: desk.agencyCode, source: 'default', hours: DEFAULT_OFFICE_HOURS };
}

async function buildFor(db: Kysely<PlatformTables>, cdb: CalendarDb, deskCode: string | undefined): Promise<WorkingCalendar> {
  const overrides = (await listOverrides(cdb)).map((o) => ({ date: o.date, kind: o.kind, name: o.name, ...(o.replaces ? { replaces: o.replaces } : {}) }));
  if (deskCode === undefined) return buildCalendar({ overrides });
  const { hours } = await resolveDeskHours(db, deskCode);
  const deskExceptions = await listDeskExceptions(cdb, deskCode);
  return buildCalendar({ officeHours: hours, overrides, deskExceptions });
}

/**
 * The working calendars of several desks read at one revision (one counter read for a
 * whole batch of deadline computations). `undefined` stands for the city-wide calendar
 * (national holidays and overrides, default hours). Throws `NOT_FOUND` for an unknown desk.
 */
export async function loadDeskCalendars(db: Kysely<PlatformTables>, deskCodes: readonly (string | undefined)[]): Promise<Map<string | undefined, WorkingCalendar>> {
  const cdb = calendarDb(db);
  const view = await calendars.view(db);
  const result = new Map<string | undefined, WorkingCalendar>();
  for (const code of deskCodes) result.set(code, await view.get(code ?? '', () => buildFor(db, cdb, code)));
  return result;
}

/**
 * A reception desk's working calendar: its weekly hours (own, agency's or default), the
 * national holidays (Labour Code 2019 arts. 111–112), the override table, and the desk's
 * exceptions; cached until the next calendar edit. Without a desk code: the city-wide
 * calendar with the default hours. Throws `NOT_FOUND` for an unknown desk.
 *
 * @example const cal = await loadDeskCalendar(db, 'MC-TTPVHCC'); computeDue(cal, receivedAt, { unit: 'workingDays', value: 3 })
 */
export async function loadDeskCalendar(db: Kysely<PlatformTables>, deskCode?: string): Promise<WorkingCalendar> {
  const cal = (await loadDeskCalendars(db, [deskCode])).get(deskCode);
  // loadDeskCalendars returns an entry for every code it was given, or throws.
  if (!cal) throw unknownDesk(deskCode ?? '');
  return cal;
}

/** The override table's rows, oldest first; with `year`, only that year's (for listings). */
export async function listOverrideRows(db: Kysely<PlatformTables>, year?: number): Promise<StoredOverride[]> {
  return listOverrides(calendarDb(db), year);
}
