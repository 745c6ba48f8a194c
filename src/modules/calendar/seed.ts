import type { PlatformServices, SeedReport } from '../../platform/context.js';
import { DEFAULT_OFFICE_HOURS } from './calendar.js';
import { bumpRevision, saveOfficeHours } from './store.js';
import { calendarDb } from './tables.js';
import type { WeeklySchedule } from './types.js';

/** The city's public administration service centre desk (registry demo data). */
export const CITY_CENTRE_DESK = 'MC-TTPVHCC';

/**
 * Demo hours of the city centre: the common weekday hours plus Saturday 07:30–11:30, as many
 * one-stop centres receive dossiers on Saturday mornings.
 */
export const CITY_CENTRE_HOURS: WeeklySchedule = { ...DEFAULT_OFFICE_HOURS, sat: [{ start: 7 * 60 + 30, end: 11 * 60 + 30 }] };

/**
 * Demonstration calendar data: the Saturday-morning desk. The published holiday schedules
 * are not demo data; a migration ships them to every database.
 */
export async function seedCalendarDemo(services: PlatformServices): Promise<SeedReport> {
  const db = calendarDb(services.db);
  const now = services.clock.now().toISOString();
  await saveOfficeHours(db, 'desk', CITY_CENTRE_DESK, CITY_CENTRE_HOURS, 'demo', now);
  await bumpRevision(db, now);
  return { summary: [`office hours with Saturday mornings for desk ${CITY_CENTRE_DESK}`] };
}
