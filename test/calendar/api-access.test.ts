import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarModule } from '../../src/modules/calendar/index.js';
import { registryModule } from '../../src/modules/registry/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { login, type Session } from '../support/accounts.js';
import { testDialect } from '../support/db.js';

const PASSWORD = 'DaNang@2026';
const WARD_DESK = 'MC-20242'; // Hải Châu ward's centre, agency 000.05.50.H17
const WARD_AGENCY = '000.05.50.H17';
const CITY_DESK = 'MC-TTPVHCC'; // city centre, agency 000.00.20.H17
const CITY_AGENCY = '000.00.20.H17';
const NAME = { vi: 'Nghỉ thử nghiệm', en: 'Test day off' };
const WEEKDAYS = { mon: [{ start: '08:00', end: '12:00' }], tue: [{ start: '08:00', end: '12:00' }] };

/**
 * HOUSE-RULES §9 for every calendar route: the right role in scope → 2xx, out of scope → 404,
 * wrong role → 403, anonymous → 401; public reads answer everyone.
 */
describe(`calendar API access on ${testDialect}`, () => {
  let t: TestApp;
  let admin: Session; // quantri: systemAdmin
  let wardAdmin: Session; // haichau.quantri: agencyAdmin of the Hải Châu ward committee
  let wardReception: Session; // haichau.tiepnhan: receptionOfficer, no calendar rights
  type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
  const call = (method: Method, url: string, s?: Session, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: s?.headers ?? {}, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp([registryModule, calendarModule], undefined, {}, { seedDemo: true });
    admin = await login(t, 'quantri', PASSWORD);
    wardAdmin = await login(t, 'haichau.quantri', PASSWORD);
    wardReception = await login(t, 'haichau.tiepnhan', PASSWORD);
  }, 90_000);
  afterAll(async () => {
    await t.close();
  });

  describe('public reads answer without login', () => {
    it.each([
      '/calendar/overrides?year=2026',
      '/calendar/holidays/2026',
      `/calendar/holidays/2026?desk=${CITY_DESK}`,
      `/calendar/desks/${WARD_DESK}/hours`,
      `/calendar/desks/${WARD_DESK}/exceptions`,
      `/calendar/agencies/${WARD_AGENCY}/hours`,
      '/calendar/due?from=2026-03-02T09:00:00%2B07:00&workingDays=1',
    ])('GET %s → 200', async (url) => {
      expect((await call('GET', url)).statusCode).toBe(200);
    });

    it.each([
      '/calendar/holidays/2026?desk=MC-NOPE',
      '/calendar/desks/MC-NOPE/hours',
      '/calendar/desks/MC-NOPE/exceptions',
      '/calendar/agencies/000.99.99.H17/hours',
      '/calendar/due?from=2026-03-02T09:00:00%2B07:00&workingDays=1&desk=MC-NOPE',
    ])('an unknown desk or agency: GET %s → 404', async (url) => {
      const res = await call('GET', url);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    });
  });

  describe('the national override table: system administrators only', () => {
    it('anonymous → 401, an agency admin → 403, the system admin → 201/200/204', async () => {
      const row = { date: '2026-10-05', kind: 'off', name: NAME };
      expect((await call('POST', '/calendar/overrides', undefined, row)).statusCode).toBe(401);
      expect((await call('POST', '/calendar/overrides', wardAdmin, row)).statusCode).toBe(403);
      expect((await call('POST', '/calendar/overrides', wardReception, row)).statusCode).toBe(403);
      const created = await call('POST', '/calendar/overrides', admin, row);
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ date: '2026-10-05', kind: 'off', name: NAME, replaces: null });

      const change = { kind: 'holiday', name: { vi: 'Ngày lễ mới', en: 'New holiday' } };
      expect((await call('PUT', '/calendar/overrides/2026-10-05', undefined, change)).statusCode).toBe(401);
      expect((await call('PUT', '/calendar/overrides/2026-10-05', wardAdmin, change)).statusCode).toBe(403);
      const updated = await call('PUT', '/calendar/overrides/2026-10-05', admin, change);
      expect(updated.statusCode).toBe(200);
      expect(updated.json()).toMatchObject({ kind: 'holiday', name: change.name });

      expect((await call('DELETE', '/calendar/overrides/2026-10-05')).statusCode).toBe(401);
      expect((await call('DELETE', '/calendar/overrides/2026-10-05', wardAdmin)).statusCode).toBe(403);
      expect((await call('DELETE', '/calendar/overrides/2026-10-05', admin)).statusCode).toBe(204);
      expect((await call('DELETE', '/calendar/overrides/2026-10-05', admin)).statusCode).toBe(404);
      expect((await call('PUT', '/calendar/overrides/2026-10-05', admin, change)).statusCode).toBe(404);
    });

    it('every edit leaves an audit row naming the administrator', async () => {
      await call('POST', '/calendar/overrides', admin, { date: '2026-10-06', kind: 'off', name: NAME });
      await call('DELETE', '/calendar/overrides/2026-10-06', admin);
      const rows = await t.database.db
        .selectFrom('audit_log')
        .select(['action', 'actor_label', 'target_id'])
        .where('target_type', '=', 'calendarOverride')
        .where('target_id', '=', '2026-10-06')
        .orderBy('chain_index')
        .execute();
      expect(rows).toEqual([
        { action: 'calendar.override.create', actor_label: 'quantri', target_id: '2026-10-06' },
        { action: 'calendar.override.delete', actor_label: 'quantri', target_id: '2026-10-06' },
      ]);
    });
  });

  describe("a desk's hours and exceptions: its agency's administrators", () => {
    it('PUT and DELETE desk hours: in scope 200/204, other agency 404, wrong role 403, anonymous 401', async () => {
      const body = { hours: WEEKDAYS };
      expect((await call('PUT', `/calendar/desks/${WARD_DESK}/hours`, undefined, body)).statusCode).toBe(401);
      expect((await call('PUT', `/calendar/desks/${WARD_DESK}/hours`, wardReception, body)).statusCode).toBe(403);
      expect((await call('PUT', `/calendar/desks/${CITY_DESK}/hours`, wardAdmin, body)).statusCode).toBe(404);
      expect((await call('PUT', '/calendar/desks/MC-NOPE/hours', admin, body)).statusCode).toBe(404);
      const set = await call('PUT', `/calendar/desks/${WARD_DESK}/hours`, wardAdmin, body);
      expect(set.statusCode).toBe(200);
      expect(set.json()).toEqual({ deskCode: WARD_DESK, agencyCode: WARD_AGENCY, source: 'desk', hours: WEEKDAYS });

      expect((await call('DELETE', `/calendar/desks/${WARD_DESK}/hours`)).statusCode).toBe(401);
      expect((await call('DELETE', `/calendar/desks/${WARD_DESK}/hours`, wardReception)).statusCode).toBe(403);
      expect((await call('DELETE', `/calendar/desks/${CITY_DESK}/hours`, wardAdmin)).statusCode).toBe(404);
      expect((await call('DELETE', `/calendar/desks/${WARD_DESK}/hours`, wardAdmin)).statusCode).toBe(204);
      expect((await call('GET', `/calendar/desks/${WARD_DESK}/hours`)).json().source).toBe('default');
      // the system administrator may edit any desk
      expect((await call('PUT', `/calendar/desks/${WARD_DESK}/hours`, admin, body)).statusCode).toBe(200);
      expect((await call('DELETE', `/calendar/desks/${WARD_DESK}/hours`, admin)).statusCode).toBe(204);
    });

    it('PUT and DELETE agency hours: in scope 200/204, other agency 404, wrong role 403, anonymous 401', async () => {
      const body = { hours: WEEKDAYS };
      const url = `/calendar/agencies/${WARD_AGENCY}/hours`;
      expect((await call('PUT', url, undefined, body)).statusCode).toBe(401);
      expect((await call('PUT', url, wardReception, body)).statusCode).toBe(403);
      expect((await call('PUT', `/calendar/agencies/${CITY_AGENCY}/hours`, wardAdmin, body)).statusCode).toBe(404);
      const set = await call('PUT', url, wardAdmin, body);
      expect(set.statusCode).toBe(200);
      expect(set.json()).toEqual({ agencyCode: WARD_AGENCY, source: 'agency', hours: WEEKDAYS });
      // a desk without its own hours keeps its agency's
      expect((await call('GET', `/calendar/desks/${WARD_DESK}/hours`)).json()).toMatchObject({ source: 'agency', hours: WEEKDAYS });

      expect((await call('DELETE', url)).statusCode).toBe(401);
      expect((await call('DELETE', url, wardReception)).statusCode).toBe(403);
      expect((await call('DELETE', `/calendar/agencies/${CITY_AGENCY}/hours`, wardAdmin)).statusCode).toBe(404);
      expect((await call('DELETE', url, wardAdmin)).statusCode).toBe(204);
      expect((await call('GET', url)).json().source).toBe('default');
    });

    it('POST and DELETE desk exceptions: in scope 201/204, other agency 404, wrong role 403, anonymous 401', async () => {
      const body = { date: '2026-10-10', kind: 'open', intervals: [{ start: '07:30', end: '11:30' }], name: { vi: 'Tiếp nhận ngày thứ Bảy', en: 'Saturday reception' } };
      const url = `/calendar/desks/${WARD_DESK}/exceptions`;
      expect((await call('POST', url, undefined, body)).statusCode).toBe(401);
      expect((await call('POST', url, wardReception, body)).statusCode).toBe(403);
      expect((await call('POST', `/calendar/desks/${CITY_DESK}/exceptions`, wardAdmin, body)).statusCode).toBe(404);
      const created = await call('POST', url, wardAdmin, body);
      expect(created.statusCode).toBe(201);
      expect(created.json()).toEqual(body);
      expect((await call('POST', url, wardAdmin, body)).statusCode).toBe(409);
      expect((await call('GET', url)).json().items).toEqual([body]);

      expect((await call('DELETE', `${url}/2026-10-10`)).statusCode).toBe(401);
      expect((await call('DELETE', `${url}/2026-10-10`, wardReception)).statusCode).toBe(403);
      expect((await call('DELETE', `/calendar/desks/${CITY_DESK}/exceptions/2026-10-10`, wardAdmin)).statusCode).toBe(404);
      expect((await call('DELETE', `${url}/2026-10-10`, wardAdmin)).statusCode).toBe(204);
      expect((await call('DELETE', `${url}/2026-10-10`, wardAdmin)).statusCode).toBe(404);
    });
  });
});
