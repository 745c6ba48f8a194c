import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationJobs } from '../../src/modules/notifications/index.js';
import type { PlatformServices } from '../../src/platform/context.js';
import { createWorker, type Worker } from '../../src/platform/jobs/worker.js';
import type { OutboxTable } from '../../src/platform/jobs/outbox.js';
import { verifyWebhookSignature } from '../../src/platform/notify/index.js';
import { testDialect } from '../support/db.js';
import { dossierWorld, HAI_CHAU_DESK, HAI_CHAU_WARD, type World } from '../support/dossiers.js';
import { startHttp, startSmtp, type HttpCatcher, type MailCatcher } from './support.js';

const CITIZEN = '048090000001';

/**
 * A citizen's dossier at the Hải Châu ward, seen from the notifications: e-mail to a real SMTP
 * server, SMS to a real HTTP gateway, a signed webhook to a partner system, the bell in the
 * web app, and the daily reminder to the officials.
 */
describe(`notifications of an online dossier, on ${testDialect}`, () => {
  let w: World;
  let smtp: MailCatcher;
  let http: HttpCatcher;
  let worker: Worker;
  let id: string;
  let version: number;
  let secret: string;
  let CODE: string;
  /** Rounds until nothing is left to do (a round takes a bounded batch). */
  const drain = async () => {
    for (let i = 0; i < 50; i += 1) if (Object.values(await worker.runOnce()).every((n) => n === 0)) return;
  };
  const toOf = (m: MailCatcher['messages'][number]) => (m.to && 'text' in m.to ? m.to.text : '');

  beforeAll(async () => {
    smtp = await startSmtp();
    http = await startHttp();
    w = await dossierWorld('2026-03-02 08:00');
    const base = w.t.app.services;
    const services: PlatformServices = {
      ...base,
      config: { ...base.config, smtpUrl: smtp.url, mailFrom: 'Dịch vụ công Đà Nẵng <no-reply@danang.example>', smsGatewayUrl: `${http.base}/sms`, smsGatewayToken: 'sms-secret-token' },
    };
    worker = createWorker(services, notificationJobs(services));
    // Messages the demonstration data wrote are history, not news: nobody is notified of them.
    await w.t.database.db.withTables<{ outbox: OutboxTable['outbox'] }>().updateTable('outbox').set({ status: 'sent' }).execute();
  }, 90_000);
  afterAll(async () => {
    await w.t.close();
    await smtp.close();
    await http.close();
  });

  it('the citizen turns SMS on; e-mail and in-app stay on', async () => {
    expect((await w.get(CITIZEN, '/api/v1/notifications/preferences')).json()).toEqual({ email: true, sms: false, inApp: true });
    const res = await w.t.app.inject({ method: 'PUT', url: '/api/v1/notifications/preferences', headers: w.s[CITIZEN]?.headers, payload: { email: true, sms: true, inApp: true } });
    expect(res.statusCode).toBe(200);
    expect((await w.get(CITIZEN, '/api/v1/notifications/preferences')).json()).toEqual({ email: true, sms: true, inApp: true });
  });

  it('the ward’s agency admin subscribes a partner system to received dossiers; the secret is shown once', async () => {
    const res = await w.post('haichau.quantri', '/api/v1/webhooks', { name: 'Hệ thống quản lý văn bản phường', url: `${http.base}/hooks/haichau`, events: ['dossier.received'], agencyCode: HAI_CHAU_WARD });
    expect(res.statusCode).toBe(201);
    secret = res.json().secret;
    expect(secret).toMatch(/^whsec_/);
    const list = await w.get('haichau.quantri', '/api/v1/webhooks');
    expect(list.json().items).toHaveLength(1);
    expect(JSON.stringify(list.json())).not.toContain(secret);
  });

  it('nothing is sent when the citizen submits, until the worker runs; then the reception officer gets an e-mail', async () => {
    w.at('2026-03-02 09:00');
    const declaration = await w.file('application/pdf', '%PDF-1.4 to khai');
    const res = await w.post(CITIZEN, '/api/v1/dossiers', {
      procedureCode: '1.004873',
      deskCode: HAI_CHAU_DESK,
      owner: { kind: 'citizen', number: CITIZEN },
      formData: { fullName: 'Nguyễn Văn An', dateOfBirth: '1990-05-15', idNumber: CITIZEN, maritalStatus: 'single', purpose: 'Đăng ký kết hôn', phone: '0905000001' },
      delivery: { method: 'online' },
      documents: [{ requirementId: 'to-khai', sha256: declaration, fileName: 'to-khai.pdf' }],
    }, { 'idempotency-key': 'notify-submit-0001' });
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    version = res.json().version;
    expect(smtp.messages).toHaveLength(0);
    await drain();
    // dossier.submitted goes to the reception officers of the receiving agency (Hải Châu ward).
    const mails = smtp.messages.filter((m) => m.subject === '[Dịch vụ công] Hồ sơ mới nộp chờ tiếp nhận (Cấp Giấy xác nhận tình trạng hôn nhân)');
    expect(mails.map(toOf)).toEqual(['haichau.tiepnhan@danang.example']);
    // The partner system subscribed to dossier.received only.
    expect(http.requests.filter((r) => r.path.startsWith('/hooks'))).toHaveLength(0);
  });

  it('reception: the citizen gets a Vietnamese e-mail with code, procedure, status, due date and next step', async () => {
    w.at('2026-03-02 09:30');
    const res = await w.act('haichau.tiepnhan', id, { actionId: 'receive', version });
    expect(res.statusCode).toBe(200);
    version = res.json().version;
    CODE = res.json().code;
    // The agency's code, the reception day (YYMMDD) and the day's sequence number.
    expect(CODE).toMatch(/^000\.05\.50\.H17-260302-\d{4}$/);
    await drain();
    const mail = smtp.messages.find((m) => m.subject === `[Dịch vụ công] Hồ sơ ${CODE} đã được tiếp nhận`);
    expect(mail?.subject).toBe(`[Dịch vụ công] Hồ sơ ${CODE} đã được tiếp nhận`);
    expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toBe('an.nguyen@example.com');
    expect(mail?.from?.value[0]).toMatchObject({ name: 'Dịch vụ công Đà Nẵng', address: 'no-reply@danang.example' });
    // Received Mon 02/03 09:30 with 3 working days → due Thu 05/03 09:30 (Vietnam time).
    const text = mail?.text ?? '';
    expect(text).toContain(`Hồ sơ ${CODE} đã được tiếp nhận.`);
    expect(text).toContain(`Mã hồ sơ: ${CODE}`);
    expect(text).toContain('Thủ tục: Cấp Giấy xác nhận tình trạng hôn nhân');
    expect(text).toContain('Trạng thái: Đã tiếp nhận');
    expect(text).toContain('Hạn giải quyết: 09:30 05/03/2026');
    expect(text).toContain('Bước tiếp theo: Hồ sơ đang được giải quyết; chờ thông báo kết quả.');
    expect(text).toContain(`Dossier ${CODE} has been received.`);
    // The Message-ID is the delivery's de-duplication key, so a repeat can be dropped.
    expect(mail?.messageId).toMatch(/^<.+\.email@localhost>$/);
  });

  it('the SMS gateway gets one POST with the bearer token, the idempotency key and the Vietnamese text', async () => {
    const sms = http.requests.filter((r) => r.path === '/sms' && r.body.includes(CODE));
    expect(sms).toHaveLength(1);
    expect(sms[0]?.headers.authorization).toBe('Bearer sms-secret-token');
    const body = JSON.parse(sms[0]?.body ?? '{}') as { to: string; text: string; id: string };
    expect(body.to).toBe('0905000001');
    expect(body.text).toBe(`Hồ sơ ${CODE} đã được tiếp nhận. Hồ sơ đang được giải quyết; chờ thông báo kết quả. Hạn: 09:30 05/03/2026.`);
    expect(sms[0]?.headers['idempotency-key']).toBe(body.id);
  });

  it('the partner system gets dossier.received, signed with HMAC-SHA256 over timestamp and body', async () => {
    const hooks = http.requests.filter((r) => r.path === '/hooks/haichau');
    expect(hooks).toHaveLength(1);
    const hook = hooks[0];
    expect(hook?.headers['x-egov-event']).toBe('dossier.received');
    // Signed at the worker's clock: Mon 02/03 09:30 Vietnam = 02:30 UTC.
    expect(hook?.headers['x-egov-timestamp']).toBe(String(Date.parse('2026-03-02T02:30:00Z') / 1000));
    const headers = { timestamp: String(hook?.headers['x-egov-timestamp']), signature: String(hook?.headers['x-egov-signature']) };
    expect(verifyWebhookSignature(secret, headers, hook?.body ?? '', w.t.clock.now())).toBe(true);
    expect(verifyWebhookSignature('whsec_wrong', headers, hook?.body ?? '', w.t.clock.now())).toBe(false);
    expect(verifyWebhookSignature(secret, headers, (hook?.body ?? '').replace('received', 'returned'), w.t.clock.now())).toBe(false);
    const body = JSON.parse(hook?.body ?? '{}');
    expect(body).toMatchObject({ event: 'dossier.received', id: hook?.headers['x-egov-delivery'], data: { dossierId: id, code: CODE, status: 'received', procedure: 'Cấp Giấy xác nhận tình trạng hôn nhân' } });
    expect(body.data.to).toBeUndefined();
  });

  it('the delivery log shows the partner’s delivery and its attempt', async () => {
    const subs = (await w.get('haichau.quantri', '/api/v1/webhooks')).json().items;
    const log = await w.get('haichau.quantri', `/api/v1/webhooks/${subs[0].id}/deliveries`);
    expect(log.statusCode).toBe(200);
    expect(log.json().items).toHaveLength(1);
    expect(log.json().items[0]).toMatchObject({ event: 'dossier.received', status: 'sent', attempts: 1, log: [{ attempt: 1, ok: true, statusCode: 200 }] });
  });

  it('the bell: one unread notice, read it, none unread', async () => {
    expect((await w.get(CITIZEN, '/api/v1/notifications/unread-count')).json()).toEqual({ unread: 1 });
    const list = (await w.get(CITIZEN, '/api/v1/notifications')).json();
    // (only what happened after the demonstration data was loaded)
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ event: 'dossier.received', dossierId: id, readAt: null, title: { vi: `Hồ sơ ${CODE} đã được tiếp nhận`, en: `Dossier ${CODE} has been received` } });
    // Someone else cannot mark it: it is not theirs (404, not 403).
    expect((await w.post('048185000002', `/api/v1/notifications/${list.items[0].id}/read`, {})).statusCode).toBe(404);
    expect((await w.post(CITIZEN, `/api/v1/notifications/${list.items[0].id}/read`, {})).statusCode).toBe(204);
    expect((await w.get(CITIZEN, '/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
    expect((await w.get(CITIZEN, '/api/v1/notifications?unread=true')).json().items).toHaveLength(0);
    expect((await w.get(null, '/api/v1/notifications')).statusCode).toBe(401);
  });

  it('Wednesday 10:00 the daily reminder tells the specialists and leaders of the ward that it is due within a working day, once', async () => {
    // Due Thu 05/03 09:30; Wed 04/03 10:00 + 1 working day = Thu 05/03 10:00, after it → due soon.
    w.at('2026-03-04 10:00');
    await drain();
    const subject = `[Dịch vụ công] Hồ sơ ${CODE} sắp đến hạn giải quyết`;
    const to = smtp.messages.filter((m) => m.subject === subject).map(toOf).sort();
    expect(to).toEqual(['haichau.chuyenvien@danang.example', 'haichau.lanhdao@danang.example']);
    w.at('2026-03-04 15:00');
    await drain();
    expect(smtp.messages.filter((m) => m.subject === subject)).toHaveLength(2);
  });

  it('Thursday 10:00 it is overdue and the reminder says so', async () => {
    w.at('2026-03-05 10:00');
    await drain();
    const overdue = smtp.messages.filter((m) => m.subject === `[Dịch vụ công] Hồ sơ ${CODE} đã quá hạn giải quyết`);
    expect(overdue).toHaveLength(2);
    expect(overdue[0]?.text).toContain('Hạn giải quyết: 09:30 05/03/2026');
  });
});

describe(`who may manage webhooks, on ${testDialect}`, () => {
  let w: World;
  beforeAll(async () => {
    w = await dossierWorld('2026-03-02 08:00');
  }, 90_000);
  afterAll(async () => {
    await w.t.close();
  });
  const body = { name: 'Hệ thống đối tác', url: 'http://127.0.0.1:9/hooks', events: ['dossier.*'], agencyCode: HAI_CHAU_WARD };

  it('the ward’s agency admin may (201) and the system admin sees it; a specialist may not (403)', async () => {
    const res = await w.post('haichau.quantri', '/api/v1/webhooks', body);
    expect(res.statusCode).toBe(201);
    const sid = res.json().subscription.id;
    expect((await w.get('haichau.quantri', `/api/v1/webhooks/${sid}`)).statusCode).toBe(200);
    expect((await w.get('quantri', `/api/v1/webhooks/${sid}`)).statusCode).toBe(200);
    // a specialist holds no role that manages webhooks
    expect((await w.get('haichau.chuyenvien', `/api/v1/webhooks/${sid}`)).statusCode).toBe(403);
    expect((await w.get(null, `/api/v1/webhooks/${sid}`)).statusCode).toBe(401);
  });

  it('an agency admin cannot subscribe another agency (404) nor the whole system (403)', async () => {
    expect((await w.post('haichau.quantri', '/api/v1/webhooks', { ...body, agencyCode: '000.00.06.H17' })).statusCode).toBe(404);
    const { agencyCode: _omit, ...systemWide } = body;
    expect((await w.post('haichau.quantri', '/api/v1/webhooks', systemWide)).statusCode).toBe(403);
    const global = await w.post('quantri', '/api/v1/webhooks', systemWide);
    expect(global.statusCode).toBe(201);
    // A system-wide subscription is outside a ward admin's scope: it does not exist for them.
    expect((await w.get('haichau.quantri', `/api/v1/webhooks/${global.json().subscription.id}`)).statusCode).toBe(404);
    expect((await w.post('haichau.tiepnhan', '/api/v1/webhooks', body)).statusCode).toBe(403);
    expect((await w.post(null, '/api/v1/webhooks', body)).statusCode).toBe(401);
  });

  it('lists hold only subscriptions in scope, and deactivating is audited', async () => {
    expect((await w.get('haichau.quantri', '/api/v1/webhooks')).json().items).toHaveLength(1);
    expect((await w.get('quantri', '/api/v1/webhooks')).json().items).toHaveLength(2);
    const mine = (await w.get('haichau.quantri', '/api/v1/webhooks')).json().items[0];
    const res = await w.t.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${mine.id}`, headers: w.s['haichau.quantri']?.headers });
    expect(res.statusCode).toBe(204);
    expect((await w.get('haichau.quantri', `/api/v1/webhooks/${mine.id}`)).json().active).toBe(false);
  });

  it('dead letters are for system admins only', async () => {
    expect((await w.get('quantri', '/api/v1/outbox/dead-letters')).statusCode).toBe(200);
    expect((await w.get('haichau.quantri', '/api/v1/outbox/dead-letters')).statusCode).toBe(403);
    expect((await w.get(null, '/api/v1/outbox/dead-letters')).statusCode).toBe(401);
    expect((await w.post('quantri', '/api/v1/outbox/dead-letters/01NOTHING/retry', {})).statusCode).toBe(404);
  });
});
