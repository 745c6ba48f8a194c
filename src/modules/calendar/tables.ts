import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.js';

/**
 * Row types of the calendar's tables. Dates are `YYYY-MM-DD` (read back through
 * `cast(… as text)` because PostgreSQL's driver would hand a `date` over as a JavaScript
 * Date), timestamps ISO-8601 UTC text, weekly hours and intervals JSON text in the engine's
 * shape (minutes since local midnight).
 */
export type CalendarTables = {
  /** The national per-year override table (one row per date; the year is the date's). */
  calendar_overrides: {
    date: string;
    kind: 'off' | 'work' | 'holiday';
    name_vi: string;
    name_en: string;
    replaces: string | null;
    created_at: string;
    created_by: string;
    updated_at: string;
    updated_by: string;
  };
  /** Weekly office hours of a reception desk or of an agency (the desks' fallback). */
  calendar_office_hours: {
    owner_kind: 'desk' | 'agency';
    owner_code: string;
    /** JSON `WeeklySchedule`. */
    hours: string;
    updated_at: string;
    updated_by: string;
  };
  /** A desk's own exception for one date: open with intervals, or closed. */
  calendar_desk_exceptions: {
    desk_code: string;
    date: string;
    kind: 'open' | 'closed';
    /** JSON `Interval[]` for `open`, null for `closed`. */
    intervals: string | null;
    name_vi: string | null;
    name_en: string | null;
    created_at: string;
    created_by: string;
  };
};

export type CalendarDb = Kysely<PlatformTables & CalendarTables>;

/** The calendar's view of the database: platform tables plus its own. */
export function calendarDb(db: Kysely<PlatformTables>): CalendarDb {
  return db.withTables<CalendarTables>();
}
