/**
 * `rebuildStats` over generated dossiers gives exactly the statistics that recording each
 * dossier one by one with `recordDossierChange` gives (facts, daily counters, histogram).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appModules } from '../../src/composition.js';
import { agenciesOfDesks, generateDossiers, readDossiersForStats, type DossierTables } from '../../src/modules/dossiers/index.js';
import { rebuildStats, recordDossierChange } from '../../src/modules/stats/index.js';
import { statsMigrations } from '../../src/modules/stats/migrations.js';
import type { StatsTables } from '../../src/modules/stats/tables.js';
import type { PlatformTables } from '../../src/platform/db/tables.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDialect } from '../support/db.js';
import type { Kysely } from 'kysely';

type Db = Kysely<PlatformTables & StatsTables & DossierTables>;
type Snapshot = Record<string, unknown>[][];

const COUNT = 2_000;
const NOW = new Date('2026-05-20T03:00:00Z');

/** The statistics tables, rows in key order, integers as numbers (PostgreSQL returns bigints as text). */
async function snapshot(db: Db): Promise<Snapshot> {
  const norm = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v])));
  return [
    norm(await db.selectFrom('stats_dossier_facts').selectAll().orderBy('dossier_id').execute()),
    norm(await db.selectFrom('stats_daily').selectAll().orderBy('day').orderBy('agency_code').orderBy('desk_code').orderBy('procedure_code').execute()),
    norm(await db.selectFrom('stats_daily_processing').selectAll().orderBy('day').orderBy('agency_code').orderBy('desk_code').orderBy('procedure_code').orderBy('bucket').execute()),
    norm(await db.selectFrom('stats_monthly').selectAll().orderBy('month').orderBy('agency_code').orderBy('desk_code').orderBy('procedure_code').execute()),
    norm(await db.selectFrom('stats_monthly_processing').selectAll().orderBy('month').orderBy('agency_code').orderBy('desk_code').orderBy('procedure_code').orderBy('bucket').execute()),
    norm(await db.selectFrom('stats_monthly_processing_agency').selectAll().orderBy('month').orderBy('agency_code').orderBy('bucket').execute()),
    norm(await db.selectFrom('stats_monthly_processing_city').selectAll().orderBy('month').orderBy('bucket').execute()),
  ];
}

async function clearStats(db: Db): Promise<void> {
  await db.deleteFrom('stats_monthly_processing_agency').execute();
  await db.deleteFrom('stats_monthly_processing_city').execute();
  await db.deleteFrom('stats_monthly_processing').execute();
  await db.deleteFrom('stats_monthly').execute();
  await db.deleteFrom('stats_daily_processing').execute();
  await db.deleteFrom('stats_daily').execute();
  await db.deleteFrom('stats_dossier_facts').execute();
}

/** The reference: each dossier recorded as its row at its last change, then its payment, then its rating. */
async function recordOneByOne(db: Db, only: (index: number) => boolean): Promise<void> {
  const items = await readDossiersForStats(db, { after: null, limit: COUNT * 2 });
  await db.transaction().execute(async (trx) => {
    for (const [i, item] of items.entries()) {
      if (!only(i)) continue;
      await recordDossierChange(trx, item.row, new Date(item.row.updated_at), { files: item.resultFiles });
      if (item.payment) await recordDossierChange(trx, item.row, new Date(item.payment.at), { paymentMethod: item.payment.method });
      if (item.rating) await recordDossierChange(trx, item.row, new Date(item.rating.at), { rating: item.rating.score });
    }
  });
}

describe(`rebuilding statistics of ${COUNT.toLocaleString('en')} generated dossiers, on ${testDialect}`, () => {
  let t: TestApp;
  let db: Db;
  let reference: Snapshot;

  beforeAll(async () => {
    const modules = appModules.map((m) => (m.name === 'dossiers' ? { ...m, seedDemo: undefined } : m));
    t = await createTestApp(modules, NOW.toISOString(), {}, { seedDemo: true });
    db = t.database.db.withTables<StatsTables & DossierTables>();
    const agencies = await agenciesOfDesks(t.database.db, ['MC-20242', 'MC-20200']);
    expect(agencies).toHaveLength(2);
    await generateDossiers(t.database.db, { count: COUNT, seed: 11, now: NOW, agencies, appraisalAgency: { code: '000.00.06.H17', path: '/000.00.00.H17/000.00.06.H17/' }, batchSize: 1_000 });
    // Side records the generator does not write: result files, payments (online and cash) and ratings.
    const returned = await db.selectFrom('dossiers').select(['id', 'finished_at']).where('status', '=', 'returned').orderBy('id').limit(90).execute();
    for (const [i, d] of returned.entries()) {
      const at = d.finished_at ?? NOW.toISOString();
      if (i < 60) await db.insertInto('dossier_documents').values({ id: `doc-${i}`, dossier_id: d.id, requirement_id: null, kind: 'result', file_sha256: 'a'.repeat(64), file_name: 'kq.pdf', mime: 'application/pdf', size: 10, uploaded_by: 'test', uploaded_at: at }).execute();
      if (i % 2 === 0) await db.insertInto('dossier_payments').values({ id: `pay-${i}`, dossier_id: d.id, method: i % 4 === 0 ? 'online' : 'cash', reference: `R${i}`, amount: 15_000, status: 'paid', recorded_by: 'test', recorded_at: at }).execute();
      if (i % 3 === 0) await db.insertInto('dossier_ratings').values({ dossier_id: d.id, score: (i % 5) + 1, comment: null, account_id: 'test', rated_at: at }).execute();
    }
    await recordOneByOne(db, () => true);
    reference = await snapshot(db);
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  it('the reference counts every generated dossier once (so the comparison below is not vacuous)', async () => {
    const [facts, daily, hist, monthly, , byAgency, city] = reference;
    // The histogram roll-ups hold every resolved dossier once, like the daily histogram.
    const total = (rows: Record<string, unknown>[] | undefined) => (rows ?? []).reduce((s, r) => s + Number(r.n), 0);
    expect(total(byAgency)).toBe(total(hist));
    expect(total(city)).toBe(total(hist));
    // The monthly roll-ups hold the same totals as the daily rows.
    expect((monthly ?? []).reduce((s, r) => s + Number(r.received), 0)).toBe((daily ?? []).reduce((s, r) => s + Number(r.received), 0));
    expect(facts).toHaveLength(COUNT);
    // Each received dossier adds 1 to "received" on its reception day.
    const receivedRows = await db.selectFrom('dossiers').select((eb) => eb.fn.countAll<number | string>().as('n')).where('received_at', 'is not', null).executeTakeFirstOrThrow();
    expect((daily ?? []).reduce((s, r) => s + Number(r.received), 0)).toBe(Number(receivedRows.n));
    expect(hist?.length).toBeGreaterThan(0);
    // 45 payments (i even of 90), 30 ratings (i multiple of 3), 60 digitized results.
    expect((daily ?? []).reduce((s, r) => s + Number(r.paid), 0)).toBe(45);
    expect((daily ?? []).reduce((s, r) => s + Number(r.rated), 0)).toBe(30);
    expect((daily ?? []).reduce((s, r) => s + Number(r.digitized), 0)).toBe(60);
  });

  it('a full rebuild from scratch gives the same facts, daily and monthly counters and histograms as recording one by one', async () => {
    // Something stale that the rebuild must clear.
    await db.updateTable('stats_daily').set({ received: 999 }).execute();
    const result = await rebuildStats(t.database.db, { feed: readDossiersForStats, mode: 'all', batchSize: 700 });
    expect(result.read).toBe(COUNT);
    expect(result.recorded).toBe(COUNT);
    expect(await snapshot(db)).toEqual(reference);
  }, 60_000);

  it('after an import, rebuilding only the missing dossiers completes the live figures exactly', async () => {
    await clearStats(db);
    // Every fourth dossier was recorded live; the rest arrived by import.
    await recordOneByOne(db, (i) => i % 4 === 0);
    const result = await rebuildStats(t.database.db, { feed: readDossiersForStats, mode: 'missing', batchSize: 1_000 });
    expect(result.read).toBe(COUNT);
    expect(result.recorded).toBe(COUNT - COUNT / 4);
    expect(await snapshot(db)).toEqual(reference);
  }, 60_000);

  it('rebuilding twice changes nothing', async () => {
    await rebuildStats(t.database.db, { feed: readDossiersForStats, mode: 'missing' });
    expect(await snapshot(db)).toEqual(reference);
  });

  it('the migration that created the histogram roll-ups fills them from a histogram recorded before it', async () => {
    await db.schema.dropTable('stats_monthly_processing_agency').execute();
    await db.schema.dropTable('stats_monthly_processing_city').execute();
    const migration = statsMigrations.find((m) => m.name === '20261203_75_stats_histogram_rollups');
    await migration?.up(t.database.db);
    expect(await snapshot(db)).toEqual(reference);
  });
});
