import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.js';
import type { DailyCounter, DossierFact } from './facts.js';

/** One row of the daily aggregate: counters per local day × receiving agency × desk × procedure. */
export type DailyRow = { day: string; agency_code: string; desk_code: string; procedure_code: string; field_code: string } & Record<DailyCounter, number>;

/** Row types of the statistics module's tables. */
export type StatsTables = {
  stats_dossier_facts: DossierFact;
  stats_daily: DailyRow;
  /** Processing-time histogram: resolved dossiers per bucket of tenths of a working day. */
  stats_daily_processing: { day: string; agency_code: string; desk_code: string; procedure_code: string; field_code: string; bucket: number; n: number };
  /** Monthly roll-ups of the two tables above (`month` is `YYYY-MM`), kept in the same transactions. */
  stats_monthly: Omit<DailyRow, 'day'> & { month: string };
  stats_monthly_processing: { month: string; agency_code: string; desk_code: string; procedure_code: string; field_code: string; bucket: number; n: number };
  /** The monthly histogram summed over desks and procedures (scopes without a desk, procedure or field filter). */
  stats_monthly_processing_agency: { month: string; agency_code: string; bucket: number; n: number };
  /** The monthly histogram of the whole city (the city scope without a filter). */
  stats_monthly_processing_city: { month: string; bucket: number; n: number };
  stats_settings: { key: string; value: string; updated_at: string; updated_by: string | null };
};

export type StatsDb = Kysely<PlatformTables & StatsTables>;

/** The statistics module's view of the database (any module's handle on the same connection). */
export function statsDb(db: Kysely<PlatformTables>): StatsDb {
  return db.withTables<StatsTables>();
}
