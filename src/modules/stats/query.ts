/**
 * The SQL behind the figures: sums over the aggregate tables (never over dossiers) — whole
 * months from the monthly roll-ups, the days around them from the daily rows — the
 * processing histogram, and the "now" figures from the index of open dossiers.
 */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import { DAILY_COUNTERS, type DailyCounter } from './facts.js';
import { zeroSums, type CounterSums, type CurrentFigures } from './indicators.js';
import { dayBefore } from './period.js';
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
type Keyed = 'stats_daily' | 'stats_daily_processing' | 'stats_monthly' | 'stats_monthly_processing' | 'stats_dossier_facts';

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

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
function nextMonth(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
const monthBefore = (month: string) => dayBefore(`${month}-01`).slice(0, 7);

/**
 * `[from, to]` (local days) as the whole months inside it (read from the monthly roll-ups)
 * and the day ranges around them (read from the daily rows).
 *
 * @example splitPeriod('2026-01-15', '2026-04-30') // { months: ['2026-02', '2026-04'], days: [['2026-01-15', '2026-01-31']] }
 */
export function splitPeriod(from: string, to: string): { months: [string, string] | null; days: [string, string][] } {
  const first = from.endsWith('-01') ? from.slice(0, 7) : nextMonth(from.slice(0, 7));
  const last = nextDay(to).endsWith('-01') ? to.slice(0, 7) : monthBefore(to.slice(0, 7));
  if (from > to || first > last) return { months: null, days: from > to ? [] : [[from, to]] };
  const days: [string, string][] = [];
  if (from < `${first}-01`) days.push([from, dayBefore(`${first}-01`)]);
  const after = nextDay(dayBefore(`${nextMonth(last)}-01`));
  if (after <= to) days.push([after, to]);
  return { months: [first, last], days };
}

function addInto(a: CounterSums, b: CounterSums): CounterSums {
  for (const c of DAILY_COUNTERS) a[c] += b[c];
  return a;
}

/** The counters summed over `[from, to]` (local days). */
export async function sumCounters(db: StatsDb, f: StatsFilter, from: string, to: string): Promise<CounterSums> {
  const { months, days } = splitPeriod(from, to);
  const out = zeroSums();
  if (months) {
    const m = db.selectFrom('stats_monthly').select((eb) => DAILY_COUNTERS.map((c) => eb.fn.sum<number | string | null>(c).as(c))).where('month', '>=', months[0]).where('month', '<=', months[1]);
    addInto(out, toSums(await applyFilter(m, f).executeTakeFirst()));
  }
  for (const [a, b] of days) addInto(out, toSums(await applyFilter(db.selectFrom('stats_daily').select(sumsSelect).where('day', '>=', a).where('day', '<=', b), f).executeTakeFirst()));
  return out;
}

/** The counters per day over `[from, to]`, for trends. */
export async function sumCountersByDay(db: StatsDb, f: StatsFilter, from: string, to: string): Promise<Map<string, CounterSums>> {
  const rows = await applyFilter(db.selectFrom('stats_daily').select((eb) => [...sumsSelect(eb), 'day']).where('day', '>=', from).where('day', '<=', to).groupBy('day'), f).execute();
  return new Map(rows.map((r) => [String(r.day), toSums(r)]));
}

/** The counters per receiving agency or per procedure over `[from, to]`, for rankings. */
export async function sumCountersBy(db: StatsDb, f: StatsFilter, from: string, to: string, by: 'agency_code' | 'procedure_code'): Promise<Map<string, CounterSums>> {
  const { months, days } = splitPeriod(from, to);
  const out = new Map<string, CounterSums>();
  const add = (rows: readonly Record<string, unknown>[]) => {
    for (const r of rows) {
      const key = String(r[by]);
      out.set(key, addInto(out.get(key) ?? zeroSums(), toSums(r as Partial<Record<DailyCounter, number | string | null>>)));
    }
  };
  if (months) {
    const m = db.selectFrom('stats_monthly').select((eb) => [...DAILY_COUNTERS.map((c) => eb.fn.sum<number | string | null>(c).as(c)), by]).where('month', '>=', months[0]).where('month', '<=', months[1]).groupBy(by);
    add(await applyFilter(m, f).execute());
  }
  for (const [a, b] of days) add(await applyFilter(db.selectFrom('stats_daily').select((eb) => [...sumsSelect(eb), by]).where('day', '>=', a).where('day', '<=', b).groupBy(by), f).execute());
  return out;
}

/** Dossiers received before `from` and still in progress at its start (tồn kỳ trước chuyển sang). */
export async function carriedOver(db: StatsDb, f: StatsFilter, from: string): Promise<number> {
  // Whole months before `from`'s month from the roll-ups, then its first days.
  const monthStart = `${from.slice(0, 7)}-01`;
  const m = await applyFilter(
    db.selectFrom('stats_monthly').select((eb) => [eb.fn.sum<number | string | null>('received').as('received'), eb.fn.sum<number | string | null>('closed').as('closed')]).where('month', '<', from.slice(0, 7)),
    f,
  ).executeTakeFirst();
  const d = await applyFilter(
    db.selectFrom('stats_daily').select((eb) => [eb.fn.sum<number | string | null>('received').as('received'), eb.fn.sum<number | string | null>('closed').as('closed')]).where('day', '>=', monthStart).where('day', '<', from),
    f,
  ).executeTakeFirst();
  return Number(m?.received ?? 0) - Number(m?.closed ?? 0) + Number(d?.received ?? 0) - Number(d?.closed ?? 0);
}

/** The processing-time histogram over `[from, to]`: bucket (tenths of a working day) → dossiers. */
export async function processingHistogram(db: StatsDb, f: StatsFilter, from: string, to: string): Promise<Map<number, number>> {
  const { months, days } = splitPeriod(from, to);
  const sums = new Map<number, number>();
  const add = (rows: readonly { bucket: number | string; n: number | string }[]) => {
    for (const r of rows) sums.set(Number(r.bucket), (sums.get(Number(r.bucket)) ?? 0) + Number(r.n));
  };
  if (months) {
    // Without a desk, procedure or field filter the roll-ups answer (rollups.ts): far fewer rows.
    // They have every column this query and such a filter use (month, bucket, n; agency_code
    // when the scope names agencies), so one query serves the three tables.
    const coarse = f.scope.deskCode === null && !f.procedureCode && !f.fieldCode;
    const table = !coarse ? 'stats_monthly_processing' : f.scope.agencyCodes === null ? 'stats_monthly_processing_city' : 'stats_monthly_processing_agency';
    add(await applyFilter(db.selectFrom(table as 'stats_monthly_processing').select((eb) => ['bucket', eb.fn.sum<number | string>('n').as('n')]).where('month', '>=', months[0]).where('month', '<=', months[1]).groupBy('bucket'), f).execute());
  }
  for (const [a, b] of days) {
    add(await applyFilter(db.selectFrom('stats_daily_processing').select((eb) => ['bucket', eb.fn.sum<number | string>('n').as('n')]).where('day', '>=', a).where('day', '<=', b).groupBy('bucket'), f).execute());
  }
  return new Map([...sums].filter(([, n]) => n !== 0));
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
