/**
 * The statistics use cases over a resolved scope and period: summary, monthly trend, ranking
 * of agencies and procedures, and the index weights kept as settings.
 */
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.js';
import type { Bilingual } from '../../platform/errors.js';
import { agencyTree } from '../registry/index.js';
import { getPublishedProcedure } from '../catalog/index.js';
import { computeIndicators, DEFAULT_WEIGHTS, INDEX_GROUPS, zeroSums, type CounterSums, type CurrentFigures, type IndexWeights, type Indicators } from './indicators.js';
import { monthsOf, type Period } from './period.js';
import { carriedOver, currentFigures, processingHistogram, sumCounters, sumCountersBy, sumCountersByDay, type StatsFilter } from './query.js';
import { statsDb } from './tables.js';
import { localDay } from './facts.js';

const WEIGHTS_KEY = 'indexWeights';

/** The index weights in force: the saved ones, or the defaults of Decision 766/QĐ-TTg. */
export async function loadWeights(db: Kysely<PlatformTables>): Promise<IndexWeights> {
  const row = await statsDb(db).selectFrom('stats_settings').select('value').where('key', '=', WEIGHTS_KEY).executeTakeFirst();
  if (!row) return { ...DEFAULT_WEIGHTS };
  const saved = JSON.parse(row.value) as Partial<IndexWeights>;
  const out = { ...DEFAULT_WEIGHTS };
  for (const g of INDEX_GROUPS) if (typeof saved[g] === 'number') out[g] = saved[g];
  return out;
}

/** Saves the index weights (the caller audits it in the same transaction). */
export async function saveWeights(db: Kysely<PlatformTables>, weights: IndexWeights, now: Date, by: string | null): Promise<void> {
  const value = JSON.stringify(weights);
  await statsDb(db)
    .insertInto('stats_settings')
    .values({ key: WEIGHTS_KEY, value, updated_at: now.toISOString(), updated_by: by })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now.toISOString(), updated_by: by }))
    .execute();
}

/** A period's report for a scope: the indicators, and the dossiers open now. */
export interface Summary {
  period: Period;
  generatedAt: string;
  indicators: Indicators;
  current: CurrentFigures;
}

/** The summary of a scope over a period (every indicator of issue 9, grouped per Decision 766/QĐ-TTg). */
export async function summary(db: Kysely<PlatformTables>, f: StatsFilter, period: Period, now: Date, weights?: IndexWeights): Promise<Summary> {
  const sdb = statsDb(db);
  const [sums, carried, histogram, current, w] = await Promise.all([
    sumCounters(sdb, f, period.from, period.to),
    carriedOver(sdb, f, period.from),
    processingHistogram(sdb, f, period.from, period.to),
    currentFigures(sdb, f, now),
    weights ? Promise.resolve(weights) : loadWeights(db),
  ]);
  return { period, generatedAt: now.toISOString(), indicators: computeIndicators(sums, carried, histogram, w), current };
}

function addSums(a: CounterSums, b: CounterSums): CounterSums {
  const out = { ...a };
  for (const k of Object.keys(b) as (keyof CounterSums)[]) out[k] += b[k];
  return out;
}

/** One month of a trend. */
export interface TrendPoint {
  month: string;
  indicators: Indicators;
}

/**
 * Month by month over the period: each month's indicators, with the dossiers carried over
 * into it (p90 is left out of trends: it needs one histogram per month).
 */
export async function trend(db: Kysely<PlatformTables>, f: StatsFilter, period: Period): Promise<TrendPoint[]> {
  const sdb = statsDb(db);
  const [byDay, start, weights] = await Promise.all([sumCountersByDay(sdb, f, period.from, period.to), carriedOver(sdb, f, period.from), loadWeights(db)]);
  const months = new Map<string, CounterSums>(monthsOf(period).map((m) => [m, zeroSums()]));
  for (const [day, sums] of byDay) {
    const key = day.slice(0, 7);
    months.set(key, addSums(months.get(key) ?? zeroSums(), sums));
  }
  let carried = start;
  const out: TrendPoint[] = [];
  for (const [month, sums] of months) {
    const ind = computeIndicators(sums, carried, new Map(), weights);
    out.push({ month, indicators: ind });
    carried = ind.volume.inProgressAtEnd;
  }
  return out;
}

/** One line of a ranking. */
export interface RankingRow {
  rank: number;
  code: string;
  name: Bilingual;
  received: number;
  resolved: number;
  resolvedLate: number;
  onTimeRate: number | null;
  averageDays: number | null;
  onlineShare: number | null;
  satisfactionAverage: number | null;
}

/**
 * Receiving agencies or procedures of the scope ranked by on-time rate (highest first; those
 * with nothing resolved last), then by dossiers resolved, then by code.
 */
export async function ranking(db: Kysely<PlatformTables>, f: StatsFilter, period: Period, by: 'agency' | 'procedure'): Promise<RankingRow[]> {
  const sdb = statsDb(db);
  const [groups, weights] = await Promise.all([sumCountersBy(sdb, f, period.from, period.to, by === 'agency' ? 'agency_code' : 'procedure_code'), loadWeights(db)]);
  const names = new Map<string, Bilingual>();
  if (by === 'agency') for (const a of await agencyTree(db)) names.set(a.code, a.name);
  else for (const code of groups.keys()) names.set(code, (await getPublishedProcedure(db, code))?.name ?? { vi: code, en: code });
  const rows = [...groups].map(([code, sums]) => {
    const ind = computeIndicators(sums, 0, new Map(), weights);
    return {
      code,
      name: names.get(code) ?? { vi: code, en: code },
      received: ind.volume.received,
      resolved: ind.volume.resolved,
      resolvedLate: ind.volume.resolvedLate,
      onTimeRate: ind.progress.onTimeRate,
      averageDays: ind.progress.averageDays,
      onlineShare: ind.onlineService.onlineShare,
      satisfactionAverage: ind.satisfaction.average,
    };
  });
  rows.sort((a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || b.resolved - a.resolved || (a.code < b.code ? -1 : 1));
  return rows.map((r, i) => ({ rank: i + 1, ...r }));
}

/** One agency on the public transparency page. */
export interface TransparencyRow {
  agencyCode: string;
  name: Bilingual;
  month: { resolved: number; onTimeRate: number | null };
  year: { resolved: number; onTimeRate: number | null };
  overdueNow: number;
  overdueWithApology: number;
  apologiesThisYear: number;
  satisfaction: { ratings: number; average: number | null };
}

/**
 * The public transparency page (no login): each receiving agency's on-time rate this month
 * and this year, its dossiers overdue now and how many of them had an apology, and its
 * satisfaction this year. Counts only; no dossier, no person.
 */
export async function transparency(db: Kysely<PlatformTables>, now: Date): Promise<{ asOf: string; month: string; year: string; agencies: TransparencyRow[] }> {
  const sdb = statsDb(db);
  const today = localDay(now);
  const year = today.slice(0, 4);
  const month = today.slice(0, 7);
  const city: StatsFilter = { scope: { kind: 'city', code: null, name: { vi: '', en: '' }, agencyCodes: null, deskCode: null, resources: [] } };
  const [byYear, byMonth, tree, open] = await Promise.all([
    sumCountersBy(sdb, city, `${year}-01-01`, today, 'agency_code'),
    sumCountersBy(sdb, city, `${month}-01`, today, 'agency_code'),
    agencyTree(db),
    openByAgency(db, now),
  ]);
  const codes = [...new Set([...byYear.keys(), ...open.keys()])].sort();
  const names = new Map(tree.map((a) => [a.code, a.name]));
  const rows = codes.map((code) => {
    const y = byYear.get(code) ?? zeroSums();
    const m = byMonth.get(code) ?? zeroSums();
    const resolved = (s: CounterSums) => s.resolved_early + s.resolved_on_time + s.resolved_late;
    const rate = (s: CounterSums) => (resolved(s) > 0 ? Math.round(((s.resolved_early + s.resolved_on_time) / resolved(s)) * 10_000) / 10_000 : null);
    const o = open.get(code) ?? { overdue: 0, apologized: 0 };
    return {
      agencyCode: code,
      name: names.get(code) ?? { vi: code, en: code },
      month: { resolved: resolved(m), onTimeRate: rate(m) },
      year: { resolved: resolved(y), onTimeRate: rate(y) },
      overdueNow: o.overdue,
      overdueWithApology: o.apologized,
      apologiesThisYear: y.apologies,
      satisfaction: { ratings: y.rated, average: y.rated > 0 ? Math.round((y.rating_sum / y.rated) * 100) / 100 : null },
    };
  });
  return { asOf: now.toISOString(), month, year, agencies: rows };
}

async function openByAgency(db: Kysely<PlatformTables>, now: Date): Promise<Map<string, { overdue: number; apologized: number }>> {
  const rows = await statsDb(db)
    .selectFrom('stats_dossier_facts')
    .select(['agency_code', sql<number | string>`count(*)`.as('overdue'), sql<number | string | null>`sum(case when apologies > 0 then 1 else 0 end)`.as('apologized')])
    .where('is_open', '=', 1)
    .where('paused_at', 'is', null)
    .where('original_due_at', '<', now.toISOString())
    .groupBy('agency_code')
    .execute();
  return new Map(rows.map((r) => [r.agency_code, { overdue: Number(r.overdue), apologized: Number(r.apologized ?? 0) }]));
}
