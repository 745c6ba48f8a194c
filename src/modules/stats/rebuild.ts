/**
 * Rebuilding the statistics from the dossiers in bulk (after an import, a restore, or dossiers
 * written without the use cases such as the benchmark generator): facts and daily aggregates
 * exactly as `recordDossierChange` leaves them when each dossier is recorded as described at
 * `rebuildStats`, computed in memory with the same pure functions and written in multi-row
 * statements, one transaction per page of dossiers.
 *
 * The dossiers come through a feed the caller passes in (the dossier module's
 * `readDossiersForStats`): the dossier module already depends on this one, so this one cannot
 * import it back.
 */
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.js';
import { loadDeskCalendar } from '../calendar/index.js';
import { getProcedure } from '../catalog/index.js';
import { contributions, DAILY_COUNTERS, type DailyCounter, type DossierFact } from './facts.js';
import { emptyFact, nextFact, type OfficeTiming, type ProcedureFacts } from './fact-transition.js';
import { timingOf, type RecordedDossier } from './record.js';
import { addToHistogramRollups, HISTOGRAM_ROLLUPS, upsertAdd } from './rollups.js';
import { statsDb, type StatsDb } from './tables.js';

/** One dossier as the feed gives it: the row (with the moment of its last change) and its side records. */
export interface RebuildFeedItem {
  row: RecordedDossier & { updated_at: string };
  resultFiles: number;
  payment: { method: string; at: string } | null;
  rating: { score: number; at: string } | null;
}

/** Pages of non-draft dossiers in id order after `after` (null: the first page). */
export type RebuildFeed = (db: Kysely<PlatformTables>, page: { after: string | null; limit: number }) => Promise<readonly RebuildFeedItem[]>;

export interface RebuildOptions {
  feed: RebuildFeed;
  /** `all`: clear the statistics and recompute every dossier; `missing`: only dossiers without a fact yet. */
  mode: 'all' | 'missing';
  /** Dossiers per page and transaction (default 10,000). */
  batchSize?: number;
  onProgress?: (done: { read: number; recorded: number }) => void;
}

export interface RebuildResult {
  /** Dossiers read from the feed. */
  read: number;
  /** Dossiers given a fact (the others had one already, in `missing` mode). */
  recorded: number;
  /** Rows written to (or added into) the daily aggregate and the histogram. */
  dailyRows: number;
  processingRows: number;
}

const FACT_COLUMNS = [
  'dossier_id', 'code', 'status', 'agency_code', 'desk_code', 'procedure_code', 'field_code', 'online_level', 'channel', 'received_at', 'received_day',
  'original_due_at', 'paused_at', 'paused_ms', 'resolved_day', 'timeliness', 'processing_centi', 'digitized', 'finished_day', 'end_status', 'closed_day',
  'is_open', 'apologies', 'apology_days', 'first_apology_day', 'transferred_day', 'paid_day', 'paid_online', 'rated_day', 'rating', 'updated_at',
] as const satisfies readonly (keyof DossierFact)[];

/**
 * The fact `recordDossierChange` leaves for a dossier recorded as: its current row at the
 * moment of its last change (with its result files), then its first payment at the moment
 * it was recorded, then its rating at the moment it was given. What the row no longer shows
 * takes the day of the last change: apologies and transfers; and waits that ended before it
 * are not subtracted from the processing time (their office time is not on the row).
 */
export function rebuiltFact(item: RebuildFeedItem, procedure: ProcedureFacts, timing: () => OfficeTiming): DossierFact {
  const at = new Date(item.row.updated_at);
  let fact = nextFact(emptyFact(item.row, procedure, at), item.row, at, { files: item.resultFiles }, timing);
  if (item.payment) fact = nextFact(fact, item.row, new Date(item.payment.at), { paymentMethod: item.payment.method }, timing);
  if (item.rating) fact = nextFact(fact, item.row, new Date(item.rating.at), { rating: item.rating.score }, timing);
  return fact;
}

type Key = string;
interface DailyAcc {
  base: { day: string; agency_code: string; desk_code: string; procedure_code: string; field_code: string };
  counters: Map<DailyCounter, number>;
}

/** Sums the contributions of facts per daily row and per histogram row (as `applyDelta` would add them one by one). */
export function aggregate(facts: readonly DossierFact[]): { daily: Map<Key, DailyAcc>; processing: Map<Key, { base: DailyAcc['base']; bucket: number; n: number }> } {
  const daily = new Map<Key, DailyAcc>();
  const processing = new Map<Key, { base: DailyAcc['base']; bucket: number; n: number }>();
  for (const f of facts) {
    for (const c of contributions(f)) {
      const key = `${c.day}|${f.agency_code}|${f.desk_code}|${f.procedure_code}`;
      const base = { day: c.day, agency_code: f.agency_code, desk_code: f.desk_code, procedure_code: f.procedure_code, field_code: f.field_code };
      if (c.counter.startsWith('bucket:')) {
        const bucket = Number(c.counter.slice('bucket:'.length));
        const pkey = `${key}|${bucket}`;
        const p = processing.get(pkey);
        if (p) p.n += c.amount;
        else processing.set(pkey, { base, bucket, n: c.amount });
        continue;
      }
      let acc = daily.get(key);
      if (!acc) daily.set(key, (acc = { base, counters: new Map() }));
      const counter = c.counter as DailyCounter;
      acc.counters.set(counter, (acc.counters.get(counter) ?? 0) + c.amount);
    }
  }
  return { daily, processing };
}

/** Writes one page: the new facts, and their contributions added into the aggregates. */
async function writePage(db: StatsDb, facts: readonly DossierFact[]): Promise<{ dailyRows: number; processingRows: number }> {
  await upsertAdd(db, 'stats_dossier_facts', ['dossier_id'], FACT_COLUMNS, [], facts.map((f) => FACT_COLUMNS.map((c) => f[c])));
  const { daily, processing } = aggregate(facts);
  const keyCols = ['day', 'agency_code', 'desk_code', 'procedure_code', 'field_code'] as const;
  const dailyRows = [...daily.values()].map((a) => [...keyCols.map((c) => a.base[c]), ...DAILY_COUNTERS.map((c) => a.counters.get(c) ?? 0)]);
  await upsertAdd(db, 'stats_daily', ['day', 'agency_code', 'desk_code', 'procedure_code'], [...keyCols, ...DAILY_COUNTERS], DAILY_COUNTERS, dailyRows);
  const histRows = [...processing.values()].map((p) => [...keyCols.map((c) => p.base[c]), p.bucket, p.n]);
  await upsertAdd(db, 'stats_daily_processing', ['day', 'agency_code', 'desk_code', 'procedure_code', 'bucket'], [...keyCols, 'bucket', 'n'], ['n'], histRows);
  // The monthly roll-ups: the daily rows summed per month (day `YYYY-MM-DD` → month `YYYY-MM`).
  const monthly = new Map<string, unknown[]>();
  for (const r of dailyRows) {
    const month = String(r[0]).slice(0, 7);
    const key = `${month}|${String(r[1])}|${String(r[2])}|${String(r[3])}`;
    const m = monthly.get(key);
    if (!m) monthly.set(key, [month, ...r.slice(1)]);
    else for (let i = keyCols.length; i < r.length; i++) m[i] = Number(m[i]) + Number(r[i]);
  }
  const monthCols = ['month', 'agency_code', 'desk_code', 'procedure_code', 'field_code'] as const;
  await upsertAdd(db, 'stats_monthly', ['month', 'agency_code', 'desk_code', 'procedure_code'], [...monthCols, ...DAILY_COUNTERS], DAILY_COUNTERS, [...monthly.values()]);
  const monthlyHist = new Map<string, unknown[]>();
  for (const r of histRows) {
    const month = String(r[0]).slice(0, 7);
    const key = `${month}|${String(r[1])}|${String(r[2])}|${String(r[3])}|${String(r[5])}`;
    const m = monthlyHist.get(key);
    if (!m) monthlyHist.set(key, [month, ...r.slice(1)]);
    else m[6] = Number(m[6]) + Number(r[6]);
  }
  await upsertAdd(db, 'stats_monthly_processing', ['month', 'agency_code', 'desk_code', 'procedure_code', 'bucket'], [...monthCols, 'bucket', 'n'], ['n'], [...monthlyHist.values()]);
  await addToHistogramRollups(db, [...monthlyHist.values()].map((r) => ({ month: String(r[0]), agency_code: String(r[1]), bucket: Number(r[5]), n: Number(r[6]) })));
  return { dailyRows: dailyRows.length, processingRows: histRows.length };
}

/**
 * (Re)computes the statistics of dossiers in bulk. Each dossier gets the fact that
 * `recordDossierChange` leaves when it is recorded with its current row at the moment of its
 * last change, then with its first payment and its rating at their own moments (see
 * `rebuiltFact`); the daily aggregates get the sum of those facts' contributions. `all`
 * clears the statistics first (in its own transaction: an interrupted rebuild is completed
 * by running `missing`); `missing` adds only dossiers without a fact, leaving the live
 * figures of the others untouched. Run it with no dossier changes going on.
 *
 * @example await rebuildStats(db, { feed: readDossiersForStats, mode: 'all' })
 */
export async function rebuildStats(db: Kysely<PlatformTables>, options: RebuildOptions): Promise<RebuildResult> {
  const sdb = statsDb(db);
  const limit = options.batchSize ?? 10_000;
  const run = <T>(work: (trx: StatsDb) => Promise<T>) => (sdb.isTransaction ? work(sdb) : sdb.transaction().execute(work));
  if (options.mode === 'all') {
    await run(async (trx) => {
      for (const { table } of HISTOGRAM_ROLLUPS) await trx.deleteFrom(table).execute();
      await trx.deleteFrom('stats_monthly_processing').execute();
      await trx.deleteFrom('stats_monthly').execute();
      await trx.deleteFrom('stats_daily_processing').execute();
      await trx.deleteFrom('stats_daily').execute();
      await trx.deleteFrom('stats_dossier_facts').execute();
    });
  }
  const procedures = new Map<string, ProcedureFacts>();
  const timings = new Map<string, OfficeTiming>();
  const result: RebuildResult = { read: 0, recorded: 0, dailyRows: 0, processingRows: 0 };
  let after: string | null = null;
  for (;;) {
    const page = await options.feed(db, { after, limit });
    const last = page.at(-1);
    if (!last) break;
    after = last.row.id;
    result.read += page.length;
    let todo = page;
    if (options.mode === 'missing') {
      const known = new Set<string>();
      const ids = page.map((p) => p.row.id);
      for (let i = 0; i < ids.length; i += 5_000) {
        const rows = await sdb.selectFrom('stats_dossier_facts').select('dossier_id').where('dossier_id', 'in', ids.slice(i, i + 5_000)).execute();
        for (const r of rows) known.add(r.dossier_id);
      }
      todo = page.filter((p) => !known.has(p.row.id));
    }
    const facts: DossierFact[] = [];
    for (const item of todo) {
      const d = item.row;
      const pkey = `${d.procedure_code}|${d.procedure_version}`;
      let procedure = procedures.get(pkey);
      if (!procedure) {
        const p = await getProcedure(db, d.procedure_code, d.procedure_version);
        procedure = { fieldCode: p?.fieldCode ?? '', onlineLevel: p?.onlineLevel ?? 'partial' };
        procedures.set(pkey, procedure);
      }
      const desk = d.desk_code ?? '';
      let timing = timings.get(desk);
      if (!timing && d.resolved_at) {
        timing = timingOf(await loadDeskCalendar(db, d.desk_code ?? undefined));
        timings.set(desk, timing);
      }
      facts.push(
        rebuiltFact(item, procedure, () => {
          // Loaded above for every resolved dossier: a single recording measures office time only to resolve one.
          if (!timing) throw new Error('stats rebuild: office time needed without a calendar');
          return timing;
        }),
      );
    }
    if (facts.length) {
      const written = await run((trx) => writePage(trx, facts));
      result.recorded += facts.length;
      result.dailyRows += written.dailyRows;
      result.processingRows += written.processingRows;
    }
    options.onProgress?.({ read: result.read, recorded: result.recorded });
    if (page.length < limit) break;
  }
  return result;
}
