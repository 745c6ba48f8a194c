import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appModules } from '../../src/composition.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import type { OutboxTable } from '../../src/platform/jobs/outbox.js';
import type { DossierTables } from '../../src/modules/dossiers/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { login } from '../support/accounts.js';
import { testDialect } from '../support/db.js';
import { DEMO_PASSWORD, HAI_CHAU_WARD, vn } from '../support/dossiers.js';

/**
 * The demonstration dossiers as a fresh installation gets them: the whole demo seed (every
 * module's), then what officials and citizens see. "Today" is Wednesday 20/05/2026.
 */
describe(`dossier demonstration data, on ${testDialect}`, () => {
  let t: TestApp;
  let rows: DossierTables['dossiers'][];
  const TODAY = vn('2026-05-20 00:00');
  beforeAll(async () => {
    t = await createTestApp(appModules, vn('2026-05-20 10:00'), {}, { seedDemo: true });
    rows = await t.database.db.withTables<DossierTables>().selectFrom('dossiers').selectAll().execute();
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });
  const db = () => t.database.db.withTables<DossierTables>();

  it('a few hundred dossiers, in every status a citizen can meet', () => {
    expect(rows).toHaveLength(300);
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of ['submitted', 'received', 'processing', 'awaitingSupplement', 'awaitingPayment', 'resolved', 'returned', 'rejected', 'withdrawn', 'stopped']) expect(statuses).toContain(s);
  });

  it('about one in eight is overdue; several were transferred; a handful got an apology', () => {
    const open = ['received', 'processing', 'awaitingSupplement', 'awaitingPayment'];
    const overdue = rows.filter((r) => open.includes(r.status) && r.due_at && r.due_at < vn('2026-05-20 10:00') && !r.paused_at);
    // The plan aims at 12% of 300 = 36; a few more may stall when their next step would fall today.
    expect(overdue.length).toBeGreaterThanOrEqual(30);
    expect(overdue.length).toBeLessThanOrEqual(50);
    const transferred = rows.filter((r) => r.transferred === 1);
    expect(transferred.length).toBeGreaterThanOrEqual(4);
    // Construction permits above 250 m² went to the Department of Construction (000.00.06.H17).
    expect(transferred.some((r) => r.procedure_code === '1.009994' && r.status === 'returned')).toBe(true);
    const apologized = rows.filter((r) => r.apologies > 0);
    expect(apologized.length).toBeGreaterThanOrEqual(3);
    // An apology moves the appointment but keeps the original one for the statistics.
    for (const r of apologized) expect(Date.parse(r.due_at ?? '')).toBeGreaterThan(Date.parse(r.original_due_at ?? ''));
  });

  it('resolved dossiers carry a verdict: mostly early or on time, some late', () => {
    const judged = rows.filter((r) => r.resolved_at);
    expect(judged.every((r) => r.timeliness !== null)).toBe(true);
    const late = judged.filter((r) => r.timeliness === 'late').length;
    expect(late).toBeGreaterThan(0);
    expect(late).toBeLessThan(judged.length / 3);
  });

  it('returned dossiers are rated, mostly 4 or 5', async () => {
    const ratings = await db().selectFrom('dossier_ratings').select('score').execute();
    expect(ratings.length).toBeGreaterThanOrEqual(20);
    expect(ratings.filter((r) => r.score >= 4).length / ratings.length).toBeGreaterThan(0.6);
  });

  it('codes follow <agency>-<YYMMDD>-<NNNN> on the reception day, unique, none today (today starts at 0001)', () => {
    const codes = rows.flatMap((r) => (r.code ? [r.code] : []));
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of rows.filter((x) => x.code)) {
      const day = new Date(Date.parse(r.received_at ?? '') + 7 * 3_600_000).toISOString().slice(2, 10).replace(/-/g, '');
      expect(r.code).toBe(`${r.receiving_agency_code}-${day}-${r.code?.slice(-4)}`);
      expect(Date.parse(r.due_at ?? '')).toBeGreaterThanOrEqual(Date.parse(r.received_at ?? ''));
    }
    expect(rows.every((r) => r.updated_at < TODAY)).toBe(true);
  });

  it('each control sheet is in order: numbered 1..n, times never go back, starts with the submission, ends in the dossier\'s status', async () => {
    const events = await db().selectFrom('dossier_events').select(['dossier_id', 'seq', 'at', 'action', 'status_after']).orderBy('dossier_id').orderBy('seq').execute();
    const byDossier = new Map<string, typeof events>();
    for (const e of events) byDossier.set(e.dossier_id, [...(byDossier.get(e.dossier_id) ?? []), e]);
    expect(byDossier.size).toBe(rows.length);
    for (const r of rows) {
      const sheet = byDossier.get(r.id) ?? [];
      expect(sheet.map((e) => e.seq)).toEqual(sheet.map((_, i) => i + 1));
      expect(sheet[0]?.action).toBe('submit');
      for (let i = 1; i < sheet.length; i++) expect((sheet[i]?.at ?? '') >= (sheet[i - 1]?.at ?? '')).toBe(true);
      expect(sheet.at(-1)?.status_after).toBe(r.status);
    }
  });

  it('the seeded history passes the audit chain verification, and its notifications are not sent again', async () => {
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
    const pending = await t.database.db.withTables<{ outbox: OutboxTable['outbox'] }>().selectFrom('outbox').select('id').where('aggregate_type', '=', 'dossier').where('status', '=', 'pending').execute();
    expect(pending).toEqual([]);
  });

  it('the new ward teams find work in their queues; the ward leader sees overdue dossiers', async () => {
    const specialist = await login(t, 'hoakhanh.chuyenvien', DEMO_PASSWORD);
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/dossiers?view=mine', headers: specialist.headers });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.length).toBeGreaterThan(0);
    const leader = await login(t, 'haichau.lanhdao', DEMO_PASSWORD);
    const overdue = await t.app.inject({ method: 'GET', url: '/api/v1/dossiers?view=unit&due=overdue', headers: leader.headers });
    expect(overdue.json().items.length).toBeGreaterThan(0);
  });

  it('a citizen with a generated account logs in and sees their own dossiers', async () => {
    const owner = rows.find((r) => r.channel === 'online');
    const account = await t.database.db.selectFrom('accounts').select('username').where('id', '=', owner?.created_by ?? '').executeTakeFirstOrThrow();
    const citizen = await login(t, account.username, DEMO_PASSWORD);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/dossiers', headers: citizen.headers });
    expect(list.json().items.map((d: { id: string }) => d.id)).toContain(owner?.id);
  });

  it('leaves room for the story tests on top of it: demo citizens have no dossiers, Hải Châu\'s open queue fits one page', async () => {
    const demoOwners = await t.database.db.selectFrom('accounts').select('id').where('username', 'in', ['048090000001', '048185000002', '048201000003']).execute();
    for (const a of demoOwners) expect(rows.filter((r) => r.applicant_account_ids.includes(a.id))).toEqual([]);
    const haiChauOpen = rows.filter((r) => r.current_agency_code === HAI_CHAU_WARD && !r.finished_at);
    expect(haiChauOpen.length).toBeLessThan(45);
    const clerk = await t.database.db.selectFrom('accounts').select('id').where('username', '=', 'haichau.vanthu').execute();
    expect(clerk).toEqual([]);
  });
});
