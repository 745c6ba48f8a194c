/**
 * Working time (thời gian làm việc): office hours per desk and agency, Vietnam's public
 * holidays with the government's yearly override table, desk exceptions, and deadline
 * arithmetic. The only file other modules import from this module.
 */
import type { AppModule } from '../../platform/context.js';
import { calendarMigrations } from './migrations.js';
import { calendarRoutes } from './routes.js';
import { seedCalendarDemo } from './seed.js';

export { listOverrideRows, loadDeskCalendar, loadDeskCalendars, resolveDeskHours } from './service.js';
export type { DeskHours, HoursSource } from './service.js';
export { computeDue, resumeDue, SAME_DAY_CUTOFF_MINUTES } from './deadlines.js';
export type { PauseSpan } from './deadlines.js';
export { addOfficeTime, nextOfficeMoment, officeTimeBetween } from './office-time.js';
export { buildCalendar, DEFAULT_OFFICE_HOURS, isWorkingDay, listYearDifferences, officeIntervals } from './calendar.js';
export type { WorkingCalendar } from './calendar.js';
export { formatIsoLocal, parseIsoWithOffset } from './local-time.js';
export { validateDeadlineRule } from './validate.js';
export { PUBLISHED_OVERRIDES } from './published-schedules.js';
export { createOverride, removeOverride, replaceOverride } from './edits.js';
export type { CalendarAuditEntry, EditContext } from './edits.js';
export type { StoredOverride } from './store.js';
export type { Bilingual, CalendarOverride, DayDifference, DeadlineRule, DeskException, HolidayGroup, Interval, WeeklySchedule } from './types.js';

/** The calendar module as the composition root mounts it (after the registry, whose desks it uses). */
export const calendarModule: AppModule = {
  name: 'calendar',
  migrations: calendarMigrations,
  routes: calendarRoutes,
  seedDemo: seedCalendarDemo,
};
