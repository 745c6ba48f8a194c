/**
 * Recording dossier changes into the statistics, inside the dossier's own transaction: the
 * figures are live (visible as soon as the change commits) and never need a scan of dossiers.
 */
import { sql, type RawBuilder } from 'kysely';
import { asPlatformDb, type AnyDb } from '../../platform/db/database.js';
import { loadDeskCalendar, officeTimeBetween, DEFAULT_OFFICE_HOURS, type WorkingCalendar } from '../calendar/index.js';
import { getProcedure } from '../catalog/index.js';
import { contributionDelta, contributions, type Contribution, type DailyCounter, type DossierFact } from './facts.js';
import { emptyFact, nextFact, type ChangeHints, type DossierSnapshot, type OfficeTiming } from './fact-transition.js';
import { addToHistogramRollups } from './rollups.js';
import { statsDb, type StatsDb } from './tables.js';

/** A dossier row as recorded: the snapshot plus the procedure version it was filed under. */
export type RecordedDossier = DossierSnapshot & { procedure_version: number };

const MINUTE = 60_000;

/**
 * The office timing of a desk's calendar for processing times in working days: one working
 * day is the desk's Monday hours (7.5 h with the common hours). Shared with the rebuild.
 */
export function timingOf(cal: WorkingCalendar): OfficeTiming {
  const monday = cal.officeHours.mon ?? DEFAULT_OFFICE_HOURS.mon ?? [];
  const minutes = monday.reduce((sum, iv) => sum + (iv.end - iv.start), 0) || 450;
  return { between: (a, b) => officeTimeBetween(cal, a, b), dayMs: minutes * MINUTE };
}

/**
 * Records a dossier's new state in the statistics (fact row, daily counters, processing
 * histogram), in the caller's transaction `trx`. Call it after every write of a dossier row;
 * recording the same state twice changes nothing. Drafts are not counted.
 *
 * @example await recordDossierChange(trx, { ...row, ...patch }, now, { files: 1 })
 */
export async function recordDossierChange(trx: AnyDb, dossier: RecordedDossier, now: Date, hints: ChangeHints = {}): Promise<void> {
  if (dossier.status === 'draft') return;
  const db = statsDb(asPlatformDb(trx));
  const stored = await db.selectFrom('stats_dossier_facts').selectAll().where('dossier_id', '=', dossier.id).executeTakeFirst();
  let old: DossierFact;
  if (stored) old = { ...stored, paused_ms: Number(stored.paused_ms) };
  else {
    const procedure = await getProcedure(asPlatformDb(trx), dossier.procedure_code, dossier.procedure_version);
    old = emptyFact(dossier, { fieldCode: procedure?.fieldCode ?? '', onlineLevel: procedure?.onlineLevel ?? 'partial' }, now);
  }
  const needsCalendar = (!!old.paused_at && !dossier.paused_at) || (!!dossier.resolved_at && old.resolved_day === null);
  const timing = needsCalendar ? timingOf(await loadDeskCalendar(asPlatformDb(trx), dossier.desk_code ?? undefined)) : undefined;
  const fact = nextFact(old, dossier, now, hints, () => {
    // needsCalendar covers exactly the two cases in which nextFact measures office time.
    if (!timing) throw new Error('stats: office time needed without a calendar');
    return timing;
  });
  const delta = contributionDelta(stored ? contributions(old) : [], contributions(fact));
  await applyDelta(db, fact, delta);
  const { dossier_id: _id, ...rest } = fact;
  await db.insertInto('stats_dossier_facts').values(fact).onConflict((oc) => oc.column('dossier_id').doUpdateSet(rest)).execute();
}

/** Adds a delta to the daily counters and the histogram, and to their monthly roll-ups (rows created on first use). */
export async function applyDelta(db: StatsDb, key: Pick<DossierFact, 'agency_code' | 'desk_code' | 'procedure_code' | 'field_code'>, delta: readonly Contribution[]): Promise<void> {
  await applyDeltaTo(db, key, delta, 'day', (day) => day);
  await applyDeltaTo(db, key, delta, 'month', (day) => day.slice(0, 7));
}

async function applyDeltaTo(db: StatsDb, key: Pick<DossierFact, 'agency_code' | 'desk_code' | 'procedure_code' | 'field_code'>, delta: readonly Contribution[], period: 'day' | 'month', of: (day: string) => string): Promise<void> {
  const [table, histogram] = period === 'day' ? (['stats_daily', 'stats_daily_processing'] as const) : (['stats_monthly', 'stats_monthly_processing'] as const);
  const base = { agency_code: key.agency_code, desk_code: key.desk_code, procedure_code: key.procedure_code, field_code: key.field_code };
  const byPeriod = new Map<string, Map<DailyCounter, number>>();
  const buckets = new Map<string, { at: string; bucket: number; n: number }>();
  for (const c of delta) {
    const at = of(c.day);
    if (c.counter.startsWith('bucket:')) {
      const bucket = Number(c.counter.slice('bucket:'.length));
      const b = buckets.get(`${at}|${bucket}`);
      if (b) b.n += c.amount;
      else buckets.set(`${at}|${bucket}`, { at, bucket, n: c.amount });
      continue;
    }
    const counters = byPeriod.get(at) ?? new Map<DailyCounter, number>();
    counters.set(c.counter as DailyCounter, (counters.get(c.counter as DailyCounter) ?? 0) + c.amount);
    byPeriod.set(at, counters);
  }
  // The tables differ only in their period column's name; Kysely cannot see that through the union.
  const loose = db as unknown as StatsDb & { insertInto(t: string): ReturnType<StatsDb['insertInto']> };
  for (const { at, bucket, n } of buckets.values()) {
    if (n === 0) continue;
    await loose
      .insertInto(histogram)
      .values({ ...base, [period]: at, bucket, n } as never)
      .onConflict((oc) => oc.columns([period, 'agency_code', 'desk_code', 'procedure_code', 'bucket'] as never).doUpdateSet({ n: sql<number>`${sql.ref(`${histogram}.n`)} + excluded.n` } as never))
      .execute();
  }
  if (period === 'month') await addToHistogramRollups(db, [...buckets.values()].map(({ at, bucket, n }) => ({ month: at, agency_code: key.agency_code, bucket, n })));
  for (const [at, counters] of byPeriod) {
    const values: Record<string, string | number> = { ...base, [period]: at };
    const set: Record<string, RawBuilder<number>> = {};
    // Days of one month can cancel out in its roll-up: nothing to add then.
    const nonZero = [...counters].filter(([, amount]) => amount !== 0);
    if (nonZero.length === 0) continue;
    for (const [counter, amount] of nonZero) {
      values[counter] = amount;
      set[counter] = sql<number>`${sql.ref(`${table}.${counter}`)} + ${sql.ref(`excluded.${counter}`)}`;
    }
    await loose
      .insertInto(table)
      .values(values as never)
      .onConflict((oc) => oc.columns([period, 'agency_code', 'desk_code', 'procedure_code'] as never).doUpdateSet(set as never))
      .execute();
  }
}
