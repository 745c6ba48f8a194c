import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appModules } from '../../src/composition.js';
import { notificationJobs, type NotificationTables } from '../../src/modules/notifications/index.js';
import type { PlatformServices } from '../../src/platform/context.js';
import type { RegistryTables } from '../../src/modules/registry/tables.js';
import { enqueue, type OutboxTable } from '../../src/platform/jobs/outbox.js';
import { createWorker } from '../../src/platform/jobs/worker.js';
import { createChannels, type Channels } from '../../src/platform/notify/index.js';
import { addAccount, login } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDialect } from '../support/db.js';
import { startHttp, startSmtp, until, type HttpCatcher, type MailCatcher } from './support.js';

type Db = NotificationTables & { outbox: OutboxTable['outbox'] };

/**
 * The worker's promises, without a dossier around them: at-least-once delivery with
 * de-duplication keys when a worker dies between sending and recording, retries with
 * back-off, dead letters an administrator can list and retry.
 */
describe(`delivery guarantees of the outbox worker, on ${testDialect}`, () => {
  let t: TestApp;
  let smtp: MailCatcher;
  let http: HttpCatcher;
  let services: PlatformServices;
  let accountId: string;
  let n = 0;

  const db = () => t.database.db.withTables<Db>();
  /** Writes one message for the test account, as a state change would. */
  const write = async (event = 'dossier.received') => {
    n += 1;
    await enqueue(t.database.db, [{
      event,
      aggregate: { type: 'test', id: `t${n}` },
      payload: { code: `000.05.50.H17-260302-000${n}`, procedure: 'Đăng ký khai sinh', status: 'received', to: { kind: 'accounts', accountIds: [accountId] } },
      dedupKey: `test:${n}`,
    }], t.clock.now(), services.newId);
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    http = await startHttp();
    t = await createTestApp(appModules, '2026-03-02T02:00:00Z');
    const base = t.app.services;
    services = { ...base, config: { ...base.config, smtpUrl: smtp.url, smsGatewayUrl: `${http.base}/sms` } };
    accountId = await addAccount(t, 'nguoi.dan.thu', [], 'citizen');
    await t.database.db.updateTable('accounts').set({ email: 'nguoidan@example.com' }).where('id', '=', accountId).execute();
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await smtp.close();
    await http.close();
  });
  beforeEach(() => {
    smtp.messages.length = 0;
    http.requests.length = 0;
  });

  it('a worker killed between sending and recording: the lease lapses, another worker sends again with the same Message-ID, and the receiver can drop the repeat', async () => {
    await write();
    const real = createChannels(services.config, services.clock, services.log);
    // Sends for real, then never returns: the process "died" before it could record the send.
    const dying: Channels = { ...real, email: async (m) => { await real.email(m); return new Promise<never>(() => undefined); } };
    const a = createWorker(services, notificationJobs(services, { channels: dying, reminders: false, leaseMs: 60_000 }));
    void a.runOnce();
    await until(() => smtp.messages.length === 1);
    const row = await db().selectFrom('deliveries').selectAll().where('channel', '=', 'email').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });

    const b = createWorker(services, notificationJobs(services, { reminders: false, leaseMs: 60_000 }));
    // While the dead worker's lease holds, nobody sends it again.
    await b.runOnce();
    expect(smtp.messages).toHaveLength(1);
    // One minute later the lease has lapsed: worker B retries.
    t.clock.advance({ seconds: 61 });
    await b.runOnce();
    expect(smtp.messages).toHaveLength(2);
    const ids = smtp.messages.map((m) => m.messageId);
    expect(ids[0]).toBe(ids[1]);
    expect(new Set(ids).size).toBe(1);
    expect(smtp.messages[0]?.headers.get('x-egov-delivery')).toBe(row.dedup_key);
    const after = await db().selectFrom('deliveries').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ status: 'sent', attempts: 2, claimed_until: null });
    const log = await db().selectFrom('delivery_attempts').select(['attempt', 'ok']).where('delivery_id', '=', row.id).execute();
    expect(log).toEqual([{ attempt: 2, ok: 1 }]);
  });

  it('fanning out the same outbox message again adds no delivery and no second in-app notice', async () => {
    const counts = async () => ({
      deliveries: Number((await db().selectFrom('deliveries').select((eb) => eb.fn.countAll().as('c')).executeTakeFirstOrThrow()).c),
      inApp: Number((await db().selectFrom('notifications').select((eb) => eb.fn.countAll().as('c')).executeTakeFirstOrThrow()).c),
    });
    const before = await counts();
    // As if the acknowledgement of the fan-out had been lost: the message is pending again.
    await db().updateTable('outbox').set({ status: 'pending' }).execute();
    const worker = createWorker(services, notificationJobs(services, { reminders: false }));
    const done = await worker.runOnce();
    expect(done.outbox).toBe(1);
    expect(await counts()).toEqual(before);
    expect(smtp.messages).toHaveLength(0);
  });

  it('a failing SMS gateway is retried after 30 s, 1 min, 2 min …; after the 8th attempt the SMS is a dead letter that an admin lists and retries', async () => {
    const session = await login(t, 'nguoi.dan.thu');
    await t.app.inject({ method: 'PUT', url: '/api/v1/notifications/preferences', headers: session.headers, payload: { email: false, sms: true, inApp: false } });
    // The person's registry record holds the phone the SMS goes to.
    await t.database.db.withTables<{ citizens: RegistryTables['citizens'] }>().insertInto('citizens').values({
      id: 'c-test', id_number: '048090000099', full_name: 'Người Dân Thử', name_search: 'nguoi dan thu', date_of_birth: '1990-01-01', sex: 'male', address_unit_code: '20242', address_street: '1 Bạch Đằng', address_search: '1 bach dang', phone: '0905999888', email: null, account_id: accountId, row_hash: 'x', created_at: '2026-03-02T00:00:00Z', updated_at: '2026-03-02T00:00:00Z',
    }).execute();
    http.status = 503;
    await write('dossier.resultReady');
    const worker = createWorker(services, notificationJobs(services, { reminders: false }));
    await worker.runOnce();
    const sms = () => db().selectFrom('deliveries').selectAll().where('channel', '=', 'sms').executeTakeFirstOrThrow();
    let row = await sms();
    // First failure at 02:00:00 + 61 s (the clock moved in the first test) → retry 30 s later.
    expect(row).toMatchObject({ status: 'pending', attempts: 1, next_attempt_at: new Date(t.clock.now().getTime() + 30_000).toISOString(), last_error: expect.stringContaining('503') });
    // Not yet due: nothing is sent.
    await worker.runOnce();
    expect(http.requests).toHaveLength(1);
    for (let attempt = 2; attempt <= 8; attempt += 1) {
      t.clock.advance({ hours: 1 });
      await worker.runOnce();
    }
    expect(http.requests).toHaveLength(8);
    row = await sms();
    expect(row).toMatchObject({ status: 'dead', attempts: 8 });
    t.clock.advance({ hours: 1 });
    await worker.runOnce();
    expect(http.requests).toHaveLength(8);

    await addAccount(t, 'quan.tri.he.thong', [{ role: 'systemAdmin', scopeKind: 'system', scopeCode: '*' }]);
    const admin = await login(t, 'quan.tri.he.thong');
    const dead = await t.app.inject({ method: 'GET', url: '/api/v1/outbox/dead-letters', headers: admin.headers });
    expect(dead.json().items).toEqual([{ id: row.id, kind: 'delivery', event: 'dossier.resultReady', channel: 'sms', address: '*******888', attempts: 8, lastError: row.last_error, createdAt: row.created_at }]);
    http.status = 200;
    const retry = await t.app.inject({ method: 'POST', url: `/api/v1/outbox/dead-letters/${row.id}/retry`, headers: admin.headers });
    expect(retry.statusCode).toBe(200);
    await worker.runOnce();
    expect(http.requests).toHaveLength(9);
    expect(await sms()).toMatchObject({ status: 'sent', attempts: 1 });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/outbox/dead-letters', headers: admin.headers })).json().items).toEqual([]);
  });
});
