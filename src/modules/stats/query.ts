/**
 * The SQL behind the figures: sums over the daily aggregate table (never over dossiers), the
 * processing histogram, and the "now" figures from the index of open dossiers.
 */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import { DAILY_COUNTERS, type DailyCounter } from './facts.js';
import { zeroSums, type CounterSums, type CurrentFigures } from './indicators.js';
import type { ResolvedScope } from './scope.js';
import type { StatsDb, StatsTables } from './tables.js';
import type { PlatformTables } from '../../platform/db/tables.js';

/** What to count: a scope and optionally one procedure or one field (lĩnh vực). */
export interface StatsFilter {
  scope: ResolvedScope;
  procedureCode?: string;
  fieldCode?: string;
}

type Db = PlatformTables & StatsTables;
type Keyed = 'stats_daily' | 'stats_daily_processing' | 'stats_dossier_facts';

/** Applies scope, procedure and field to any table keyed by agency/desk/procedure/field. */
export function applyFilter<T extends Keyed, O>(q: SelectQueryBuilder<Db, T, O>, f: StatsFilter): SelectQueryBuilder<Db, T, O> {
  // The three tables share these column names; Kysely cannot see that through the generic.
  let out = q as unknown as SelectQueryBuilder<Db, 'stats_daily', O>;
  if (f.scope.agencyCodes !== null) out = f.scope.agencyCodes.length ? out.where('agency_code', 'in', f.scope.agencyCodes) : out.where((eb) => eb.lit(false));
  if (f.scope.deskCode !== null) out = out.where('desk_code', '=', f.scope.deskCode);
  if (f.procedureCode) out = out.where('procedure_code', '=', f.procedureCode);
  if (f.fieldCode) out = out.where('field_code', '=', f.fieldCode);
  return out as unknown as SelectQueryBuilder<Db, T, O>;
}

function sumsSelect(eb: ExpressionBuilder<Db, 'stats_daily'>) {
  return DAILY_COUNTERS.map((c) => eb.fn.sum<number | string | null>(c).as(c));
}

function toSums(row: Partial<Record<DailyCounter, number | string | null>> | undefined): CounterSums {
  const out = zeroSums();
  for (const c of DAILY_COUNTERS) out[c] = Number(row?.[c] ?? 0);
  return out;
}

/** The counters summed over `[from, to]` (local days). */
export async function sumCounters(db: StatsDb, f: StatsFilter, from: string, to: string): Promise<CounterSums> {
  const row = await applyFilter(db.selectFrom('stats_daily').select(sumsSelect).where('day', '>=', from).where('day', '<=', to), f).executeTakeFirst();
  return toSums(row);
}

/** The counters per day over `[from, to]`, for trends. */
export async function sumCountersByDay(db: StatsDb, f: StatsFilter, from: string, to: string): Promise<Map<string, CounterSums>> {
  const rows = await applyFilter(db.selectFrom('stats_daily').select((eb) => [...sumsSelect(eb), 'day']).where('day', '>=', from).where('day', '<=', to).groupBy('day'), f).execute();
  return new Map(rows.map((r) => [String(r.day), toSums(r)]));
}

/** The counters per receiving agency or per procedure over `[from, to]`, for rankings. */
export async function sumCountersBy(db: StatsDb, f: StatsFilter, from: string, to: string, by: 'agency_code' | 'procedure_code'): Promise<Map<string, CounterSums>> {
  const rows = await applyFilter(db.selectFrom('stats_daily').select((eb) => [...sumsSelect(eb), by]).where('day', '>=', from).where('day', '<=', to).groupBy(by), f).execute();
  return new Map(rows.map((r) => [String((r as Record<string, unknown>)[by]), toSums(r)]));
}

/** Dossiers received before `from` and still in progress at its start (tồn kỳ trước chuyển sang). */
export async function carriedOver(db: StatsDb, f: StatsFilter, from: string): Promise<number> {
  const row = await applyFilter(
    db.selectFrom('stats_daily').select((eb) => [eb.fn.sum<number | string | null>('received').as('received'), eb.fn.sum<number | string | null>('closed').as('closed')]).where('day', '<', from),
    f,
  ).executeTakeFirst();
  return Number(row?.received ?? 0) - Number(row?.closed ?? 0);
}

/** The processing-time histogram over `[from, to]`: bucket (tenths of a working day) → dossiers. */
export async function processingHistogram(db: StatsDb, f: StatsFilter, from: string, to: string): Promise<Map<number, number>> {
  const rows = await applyFilter(
    db.selectFrom('stats_daily_processing').select((eb) => ['bucket', eb.fn.sum<number | string>('n').as('n')]).where('day', '>=', from).where('day', '<=', to).groupBy('bucket'),
    f,
  ).execute();
  return new Map(rows.map((r) => [Number(r.bucket), Number(r.n)]).filter(([, n]) => n !== 0) as [number, number][]);
}

/**
 * Dossiers open now: overdue when not waiting for the applicant and past the appointment
 * before any apology (the one lateness is judged against); waiting dossiers are counted apart.
 */
export async function currentFigures(db: StatsDb, f: StatsFilter, now: Date): Promise<CurrentFigures> {
  const at = now.toISOString();
  const overdue = sql`(paused_at is null and original_due_at is not null and original_due_at < ${at})`;
  const row = await applyFilter(
    db
      .selectFrom('stats_dossier_facts')
      .select([
        sql<number | string>`count(*)`.as('open'),
        sql<number | string | null>`sum(case when paused_at is not null then 1 else 0 end)`.as('paused'),
        sql<number | string | null>`sum(case when ${overdue} then 1 else 0 end)`.as('overdue'),
        sql<number | string | null>`sum(case when ${overdue} and apologies > 0 then 1 else 0 end)`.as('apologized'),
      ])
      .where('is_open', '=', 1),
    f,
  ).executeTakeFirst();
  const open = Number(row?.open ?? 0);
  const paused = Number(row?.paused ?? 0);
  const late = Number(row?.overdue ?? 0);
  return { asOf: at, inProgress: open, overdue: late, notYetDue: open - late - paused, paused, overdueWithApology: Number(row?.apologized ?? 0) };
}
