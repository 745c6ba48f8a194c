import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigratedTestDatabase, testDialect, type TestDatabase } from '../../../test/support/db.js';
import type { Actor } from '../../platform/auth/authorize.js';
import { addWorkingDays, approximateDue } from './generate-rows.js';
import { generateDossiers } from './generate.js';
import { dossierModule } from './index.js';
import { officialQueue } from './queue.js';
import { dossierDb, type DossierRow } from './tables.js';

const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`).getTime();
const iso = (local: string) => new Date(vn(local)).toISOString();

describe('the working-day approximation of the generator', () => {
  it('3 working days from Friday 10:00 is Wednesday 10:00 (the weekend does not count)', () => {
    expect(new Date(addWorkingDays(vn('2026-05-15 10:00'), 3)).toISOString()).toBe(iso('2026-05-20 10:00'));
  });
  it('a same-day procedure received Monday 14:59 is due Monday 17:00; at 15:01 it is due Tuesday 17:00', () => {
    expect(new Date(approximateDue(vn('2026-05-18 14:59'), { unit: 'sameDay' })).toISOString()).toBe(iso('2026-05-18 17:00'));
    expect(new Date(approximateDue(vn('2026-05-18 15:01'), { unit: 'sameDay' })).toISOString()).toBe(iso('2026-05-19 17:00'));
  });
  it('a same-day procedure received on Friday after 15:00 is due Monday 17:00', () => {
    expect(new Date(approximateDue(vn('2026-05-22 16:00'), { unit: 'sameDay' })).toISOString()).toBe(iso('2026-05-25 17:00'));
  });
});

describe(`generated dossiers, on ${testDialect}`, () => {
  let database: TestDatabase;
  let rows: DossierRow[];
  const WARDS = [
    { code: '000.05.50.H17', path: '/000.00.00.H17/000.05.50.H17/', deskCode: 'MC-20242' },
    { code: '000.03.50.H17', path: '/000.00.00.H17/000.03.50.H17/', deskCode: 'MC-20200' },
  ];
  const SXD = { code: '000.00.06.H17', path: '/000.00.00.H17/000.00.06.H17/' };
  const NOW = new Date(vn('2026-05-20 10:00'));
  beforeAll(async () => {
    database = await createMigratedTestDatabase([dossierModule]);
    // A real reception earlier today already took number 0001 at Hải Châu.
    await dossierDb(database.db).insertInto('dossier_code_counters').values({ agency_code: WARDS[0]?.code ?? '', day: '260520', last_seq: 1 }).execute();
    // Small batches, so that several transactions and statement chunks are exercised.
    const result = await generateDossiers(database.db, { count: 2_000, seed: 7, now: NOW, agencies: WARDS, appraisalAgency: SXD, batchSize: 700 });
    expect(result.dossiers).toBe(2_000);
    rows = await dossierDb(database.db).selectFrom('dossiers').selectAll().execute();
  }, 60_000);
  afterAll(async () => {
    await database.drop();
  });

  it('writes every dossier once, with unique codes in the <agency>-<YYMMDD>-<NNNN> format', () => {
    expect(rows).toHaveLength(2_000);
    expect(new Set(rows.map((r) => r.id)).size).toBe(2_000);
    const codes = rows.flatMap((r) => (r.code ? [r.code] : []));
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^000\.0[35]\.50\.H17-\d{6}-\d{4}$/);
  });

  it('uses only statuses users know; received dossiers are due after reception; nothing happens after "now"', () => {
    const known = ['submitted', 'received', 'rejected', 'processing', 'awaitingSupplement', 'awaitingPayment', 'withdrawn', 'stopped', 'resolved', 'returned'];
    for (const r of rows) {
      expect(known).toContain(r.status);
      if (r.received_at) expect(Date.parse(r.due_at ?? '')).toBeGreaterThanOrEqual(Date.parse(r.received_at));
      expect(Date.parse(r.updated_at)).toBeLessThanOrEqual(NOW.getTime());
      expect(Boolean(r.finished_at)).toBe(['rejected', 'withdrawn', 'stopped', 'returned'].includes(r.status));
      if (r.resolved_at) expect(r.timeliness).not.toBeNull();
    }
    // A realistic mix: mostly returned, some of everything, some late.
    expect(rows.filter((r) => r.status === 'returned').length / rows.length).toBeGreaterThan(0.6);
    expect(new Set(rows.map((r) => r.status)).size).toBe(known.length);
    expect(rows.some((r) => r.timeliness === 'late')).toBe(true);
    expect(rows.some((r) => r.transferred === 1)).toBe(true);
  });

  it('continues the daily counters: no generated code reuses today\'s 0001, and the counters now cover every code', async () => {
    expect(rows.some((r) => r.code === '000.05.50.H17-260520-0001')).toBe(false);
    const counters = await dossierDb(database.db).selectFrom('dossier_code_counters').selectAll().execute();
    const top = new Map(counters.map((c) => [`${c.agency_code}-${c.day}`, Number(c.last_seq)]));
    for (const r of rows.filter((x) => x.code)) {
      const code = r.code ?? '';
      expect(Number(code.slice(-4))).toBeLessThanOrEqual(top.get(code.slice(0, -5)) ?? 0);
    }
  });

  it('every dossier has its control sheet, numbered from 1, and the agencies it has been with', async () => {
    const events = await dossierDb(database.db).selectFrom('dossier_events').select(['dossier_id', 'seq', 'action']).where('seq', '=', 1).execute();
    expect(events).toHaveLength(2_000);
    expect(events.every((e) => e.action === 'submit')).toBe(true);
    const links = await dossierDb(database.db).selectFrom('dossier_agencies').select('dossier_id').execute();
    expect(links.length).toBe(2_000 + rows.filter((r) => r.transferred === 1).length);
  });

  it('the Hải Châu leader\'s queue of open dossiers works on them, sorted by step due time', async () => {
    const leader: Actor = { accountId: 'a', username: 'l', displayName: 'L', kind: 'official', via: 'system', grants: [{ role: 'leader', scopeKind: 'agency', scopeCode: '000.05.50.H17', path: '/000.00.00.H17/000.05.50.H17/' }] };
    const queue = await officialQueue(dossierDb(database.db), leader, ['leader'], '000.05.50.H17', { view: 'unit', limit: 50 }, NOW);
    expect(queue.length).toBeGreaterThan(0);
    expect(queue.every((d) => d.current_agency_code === '000.05.50.H17')).toBe(true);
    const dues = queue.map((d) => d.sort_due);
    expect([...dues].sort()).toEqual(dues);
    const overdue = await officialQueue(dossierDb(database.db), leader, ['leader'], '000.05.50.H17', { view: 'unit', due: 'overdue', limit: 500 }, NOW);
    expect(overdue.length).toBeGreaterThan(0);
  });
});
