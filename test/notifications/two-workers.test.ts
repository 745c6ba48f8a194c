import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appModules } from '../../src/composition.js';
import { notificationJobs, type NotificationTables } from '../../src/modules/notifications/index.js';
import type { PlatformServices } from '../../src/platform/context.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { enqueue, type OutboxTable } from '../../src/platform/jobs/outbox.js';
import { createWorker, type Worker } from '../../src/platform/jobs/worker.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDialect } from '../support/db.js';
import { startHttp, type HttpCatcher } from './support.js';

type Db = NotificationTables & { outbox: OutboxTable['outbox'] };
const MESSAGES = 40;

/**
 * Two workers, each with its own connection pool (as two processes would have), drain one
 * PostgreSQL outbox at the same time: `FOR UPDATE SKIP LOCKED` and the claim lease mean
 * every webhook is delivered exactly once. SQLite has a single writer and runs one worker.
 */
describe.skipIf(testDialect !== 'postgres')('two workers on PostgreSQL', () => {
  let t: TestApp;
  let http: HttpCatcher;
  let second: Database;
  const workers: Worker[] = [];

  beforeAll(async () => {
    http = await startHttp();
    t = await createTestApp(appModules, '2026-03-02T02:00:00Z');
    second = await openDatabase(t.database.target, { poolMax: 5 });
    const base = t.app.services;
    const one: PlatformServices = { ...base };
    const two: PlatformServices = { ...base, db: second.db };
    for (const s of [one, two]) workers.push(createWorker(s, notificationJobs(s, { reminders: false, batch: 5 })));
    const now = t.clock.now().toISOString();
    await t.database.db.withTables<Db>().insertInto('webhook_subscriptions').values({
      id: 'sub-1', name: 'Đối tác', url: `${http.base}/hooks`, secret: 'whsec_test', events: '["*"]', agency_code: null, agency_path: null, active: 1, created_by: 'test', created_at: now, updated_at: now,
    }).execute();
    for (let i = 0; i < MESSAGES; i += 1) {
      await enqueue(t.database.db, [{ event: 'dossier.received', aggregate: { type: 'test', id: `t${i}` }, payload: { code: `C-${i}`, to: { kind: 'accounts', accountIds: [] } }, dedupKey: `two:${i}` }], t.clock.now(), base.newId);
    }
  }, 60_000);
  afterAll(async () => {
    await second?.close();
    await t?.close();
    await http?.close();
  });

  it(`${MESSAGES} messages drained by two workers at once reach the partner exactly once each`, async () => {
    const delivered = [0, 0];
    const drain = async (w: Worker, i: number) => {
      for (let round = 0; round < 40; round += 1) {
        const done = await w.runOnce();
        delivered[i] = (delivered[i] ?? 0) + (done.deliveries ?? 0);
        if (Object.values(done).every((x) => x === 0)) return;
      }
    };
    await Promise.all(workers.map(drain));
    await Promise.all(workers.map(drain));
    // Both took a share: they really ran side by side.
    expect(delivered[0]).toBeGreaterThan(0);
    expect(delivered[1]).toBeGreaterThan(0);
    expect((delivered[0] ?? 0) + (delivered[1] ?? 0)).toBe(MESSAGES);
    const keys = http.requests.map((r) => String(r.headers['x-egov-delivery']));
    expect(keys).toHaveLength(MESSAGES);
    expect(new Set(keys).size).toBe(MESSAGES);
    const db = t.database.db.withTables<Db>();
    const deliveries = await db.selectFrom('deliveries').select(['status', 'attempts']).execute();
    expect(deliveries).toHaveLength(MESSAGES);
    expect(deliveries.every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true);
    const pending = await db.selectFrom('outbox').select('id').where('status', '!=', 'sent').execute();
    expect(pending).toEqual([]);
  });
});
