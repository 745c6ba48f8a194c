/**
 * The dossiers behind a number (drill-down): the same predicates as the contributions that
 * built the number (`facts.ts`), over the statistics' own fact rows, so a list always has
 * exactly as many rows as the figure it was opened from.
 */
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.js';
import type { Period } from './period.js';
import { applyFilter, type StatsFilter } from './query.js';
import type { StatsDb, StatsTables } from './tables.js';

/**
 * Every figure a list can be opened from. `resolvedInTime` is early + on time (the on-time
 * rate's numerator); `ratedSatisfied` the ratings of 4 or 5 (the satisfied share's numerator).
 */
export const DRILLDOWN_INDICATORS = [
  'received', 'receivedOnline', 'resolved', 'resolvedEarly', 'resolvedOnTime', 'resolvedInTime', 'resolvedLate', 'resolvedLateApologized', 'digitized',
  'returned', 'rejected', 'withdrawn', 'stopped', 'apologized', 'transferred', 'paid', 'paidOnline', 'rated', 'ratedSatisfied',
  'carriedOver', 'inProgressAtEnd', 'inProgressNow', 'overdueNow', 'notYetDueNow', 'pausedNow',
] as const;
export type DrilldownIndicator = (typeof DRILLDOWN_INDICATORS)[number];

type Eb = ExpressionBuilder<PlatformTables & StatsTables, 'stats_dossier_facts'>;
type DayColumn = 'received_day' | 'resolved_day' | 'finished_day' | 'first_apology_day' | 'transferred_day' | 'paid_day' | 'rated_day';

/** The SQL predicate of an indicator over a period (and `now` for the current figures). */
export function predicate(indicator: DrilldownIndicator, period: Pick<Period, 'from' | 'to'>, now: Date): (eb: Eb) => Expression<SqlBool> {
  const inPeriod = (col: DayColumn, eb: Eb) => eb.and([eb(col, '>=', period.from), eb(col, '<=', period.to)]);
  const at = now.toISOString();
  switch (indicator) {
    case 'received': return (eb) => inPeriod('received_day', eb);
    case 'receivedOnline': return (eb) => eb.and([inPeriod('received_day', eb), eb('channel', '=', 'online')]);
    case 'resolved': return (eb) => inPeriod('resolved_day', eb);
    case 'resolvedEarly': return (eb) => eb.and([inPeriod('resolved_day', eb), eb('timeliness', '=', 'early')]);
    case 'resolvedOnTime': return (eb) => eb.and([inPeriod('resolved_day', eb), eb('timeliness', '=', 'onTime')]);
    case 'resolvedInTime': return (eb) => eb.and([inPeriod('resolved_day', eb), eb('timeliness', 'in', ['early', 'onTime'])]);
    case 'resolvedLate': return (eb) => eb.and([inPeriod('resolved_day', eb), eb('timeliness', '=', 'late')]);
    case 'resolvedLateApologized': return (eb) => eb.and([inPeriod('resolved_day', eb), eb('timeliness', '=', 'late'), eb('apologies', '>', 0)]);
    case 'digitized': return (eb) => eb.and([inPeriod('resolved_day', eb), eb('digitized', '=', 1)]);
    case 'returned':
    case 'rejected':
    case 'withdrawn':
    case 'stopped': return (eb) => eb.and([inPeriod('finished_day', eb), eb('end_status', '=', indicator)]);
    case 'apologized': return (eb) => inPeriod('first_apology_day', eb);
    case 'transferred': return (eb) => inPeriod('transferred_day', eb);
    case 'paid': return (eb) => inPeriod('paid_day', eb);
    case 'paidOnline': return (eb) => eb.and([inPeriod('paid_day', eb), eb('paid_online', '=', 1)]);
    case 'rated': return (eb) => eb.and([inPeriod('rated_day', eb), eb('rating', 'is not', null)]);
    case 'ratedSatisfied': return (eb) => eb.and([inPeriod('rated_day', eb), eb('rating', 'in', [4, 5])]);
    case 'carriedOver': return (eb) => eb.and([eb('received_day', '<', period.from), eb.or([eb('closed_day', 'is', null), eb('closed_day', '>=', period.from)])]);
    case 'inProgressAtEnd': return (eb) => eb.and([eb('received_day', '<=', period.to), eb.or([eb('closed_day', 'is', null), eb('closed_day', '>', period.to)])]);
    case 'inProgressNow': return (eb) => eb('is_open', '=', 1);
    case 'pausedNow': return (eb) => eb.and([eb('is_open', '=', 1), eb('paused_at', 'is not', null)]);
    case 'overdueNow': return (eb) => eb.and([eb('is_open', '=', 1), eb('paused_at', 'is', null), eb('original_due_at', 'is not', null), eb('original_due_at', '<', at)]);
    case 'notYetDueNow':
      return (eb) => eb.and([eb('is_open', '=', 1), eb('paused_at', 'is', null), eb.or([eb('original_due_at', 'is', null), eb('original_due_at', '>=', at)])]);
  }
}

/** One dossier of a drill-down list: codes and timings only, no personal data. */
export interface DrilldownItem {
  dossierId: string;
  code: string | null;
  status: string;
  agencyCode: string;
  deskCode: string;
  procedureCode: string;
  channel: string;
  receivedDay: string | null;
  resolvedDay: string | null;
  timeliness: string | null;
  processingDays: number | null;
  originalDueAt: string | null;
  apologies: number;
  rating: number | null;
}

/** The figures whose lists the `stats_facts_*_page` indexes serve (by received or resolved day). */
const INDEXED: ReadonlySet<DrilldownIndicator> = new Set([
  'received', 'receivedOnline', 'resolved', 'resolvedEarly', 'resolvedOnTime', 'resolvedInTime', 'resolvedLate', 'resolvedLateApologized', 'digitized',
]);

/** Every agency code among the facts, skipping through the index (one seek per agency, not a scan). */
async function factAgencyCodes(db: StatsDb): Promise<string[]> {
  const rows = await sql<{ code: string | null }>`
    with recursive a(code) as (
      select min(agency_code) from stats_dossier_facts
      union all
      select (select min(agency_code) from stats_dossier_facts where agency_code > a.code) from a where a.code is not null
    )
    select code from a where code is not null`.execute(db);
  return rows.rows.flatMap((r) => (r.code === null ? [] : [r.code]));
}

/** Above this many dossiers behind a figure, a page is found by walking the primary key (see `drilldown`). */
const SORT_AT_MOST = 1_000_000;

/** The total and one page (ordered by dossier id) of the dossiers behind an indicator. */
export async function drilldown(
  db: StatsDb,
  f: StatsFilter,
  indicator: DrilldownIndicator,
  period: Pick<Period, 'from' | 'to'>,
  now: Date,
  page: { after?: string; limit: number },
): Promise<{ total: number; rows: DrilldownItem[] }> {
  const where = predicate(indicator, period, now);
  // The indexes start with the agency: for the whole city, name every agency (one seek each)
  // rather than read every fact (PostgreSQL: 276 ms for a city month of 1,000,000).
  if (f.scope.agencyCodes === null && INDEXED.has(indicator)) f = { ...f, scope: { ...f.scope, agencyCodes: await factAgencyCodes(db) } };
  const count = await applyFilter(db.selectFrom('stats_dossier_facts').select(sql<number | string>`count(*)`.as('n')).where(where), f).executeTakeFirst();
  const total = Number(count?.n ?? 0);
  // First the page's ids, then their rows: the ids come from the filter's index alone (it holds
  // dossier_id: `stats_facts_*_page`, migration 76), so no row is read but the page's.
  let ids = applyFilter(db.selectFrom('stats_dossier_facts').select('dossier_id').where(where), f);
  if (page.after) ids = ids.where('dossier_id', '>', page.after);
  // Ids are time-ordered, so the rows of a recent month sit at the end of the primary key; asked
  // for in id order, both databases walk that key and filter (3.3 s on PostgreSQL for a ward's
  // 57,932 of 10,000,000). Up to a million ids, ordering by an expression makes them read the
  // filter's index and sort what they found; beyond (a city year), walking the key finds a page soonest.
  const few = total <= SORT_AT_MOST;
  const pageIds = (await ids.orderBy(few ? sql`${sql.ref('dossier_id')} || ''` : sql.ref('dossier_id')).limit(page.limit + 1).execute()).map((r) => r.dossier_id);
  const rows = pageIds.length ? await db.selectFrom('stats_dossier_facts').selectAll().where('dossier_id', 'in', pageIds).orderBy('dossier_id').execute() : [];
  return {
    total,
    rows: rows.map((r) => ({
      dossierId: r.dossier_id,
      code: r.code,
      status: r.status,
      agencyCode: r.agency_code,
      deskCode: r.desk_code,
      procedureCode: r.procedure_code,
      channel: r.channel,
      receivedDay: r.received_day,
      resolvedDay: r.resolved_day,
      timeliness: r.timeliness,
      processingDays: r.processing_centi === null ? null : Number(r.processing_centi) / 100,
      originalDueAt: r.original_due_at,
      apologies: Number(r.apologies),
      rating: r.rating === null ? null : Number(r.rating),
    })),
  };
}
