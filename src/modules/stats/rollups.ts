/**
 * Writing into the aggregate tables in bulk, and the coarse histogram roll-ups.
 *
 * A city-year dashboard at 10,000,000 dossiers summed 430,000 rows of the full monthly
 * histogram (month × agency × desk × procedure × bucket): 160–260 ms of a 420 ms summary.
 * Scopes without a desk, procedure or field filter need neither dimension, so the histogram
 * is also kept summed over them (per agency) and over everything but the month (the city).
 * Each roll-up is, by construction, the full monthly histogram grouped by its keys: the same
 * additions go into all of them in the same transaction (live recording and rebuild), and the
 * migration that created them filled them from it.
 */
import { sql } from 'kysely';
import { isPostgres } from '../../platform/db/migrator.js';
import type { StatsDb } from './tables.js';

/** Bound parameters per statement: SQLite allows 32,766, PostgreSQL 65,535. */
const MAX_PARAMS = { sqlite: 32_766, postgres: 65_535 } as const;

/**
 * Runs `insert … values (…), (…) on conflict (key) do update set c = table.c + excluded.c` in
 * parameter-bounded chunks (`added` empty: a plain insert). Rows must have distinct keys.
 */
export async function upsertAdd(db: StatsDb, table: string, key: readonly string[], columns: readonly string[], added: readonly string[], rows: readonly unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const per = Math.max(1, Math.min(1_000, Math.floor(MAX_PARAMS[isPostgres(db) ? 'postgres' : 'sqlite'] / columns.length)));
  const set = added.map((c) => sql`${sql.ref(c)} = ${sql.ref(`${table}.${c}`)} + excluded.${sql.ref(c)}`);
  for (let i = 0; i < rows.length; i += per) {
    const tuples = rows.slice(i, i + per).map((r) => sql`(${sql.join(r)})`);
    const conflict = set.length ? sql`on conflict (${sql.join(key.map((k) => sql.ref(k)))}) do update set ${sql.join(set)}` : sql``;
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(tuples)} ${conflict}`.execute(db);
  }
}

/** One addition to the full monthly histogram, as far as the roll-ups need it. */
export interface MonthlyBucket {
  month: string;
  agency_code: string;
  bucket: number;
  n: number;
}

/** The roll-ups of `stats_monthly_processing`: table and the keys it keeps. */
export const HISTOGRAM_ROLLUPS = [
  { table: 'stats_monthly_processing_agency', keys: ['month', 'agency_code', 'bucket'] },
  { table: 'stats_monthly_processing_city', keys: ['month', 'bucket'] },
] as const;

/** Adds what was added to the full monthly histogram into each roll-up (summed per key; zero sums skipped). */
export async function addToHistogramRollups(db: StatsDb, added: readonly MonthlyBucket[]): Promise<void> {
  for (const { table, keys } of HISTOGRAM_ROLLUPS) {
    const sums = new Map<string, unknown[]>();
    for (const b of added) {
      const key = keys.map((k) => b[k]);
      const id = key.join('|');
      const row = sums.get(id);
      if (row) row[keys.length] = Number(row[keys.length]) + b.n;
      else sums.set(id, [...key, b.n]);
    }
    await upsertAdd(db, table, keys, [...keys, 'n'], ['n'], [...sums.values()].filter((r) => r[keys.length] !== 0));
  }
}
