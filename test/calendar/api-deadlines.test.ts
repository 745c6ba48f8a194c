import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarModule, computeDue, formatIsoLocal, loadDeskCalendar } from '../../src/modules/calendar/index.js';
import { registryModule } from '../../src/modules/registry/index.js';
import { appModules } from '../../src/composition.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { login, type Session } from '../support/accounts.js';
import { runEgov } from '../support/cli.js';
import { testDialect } from '../support/db.js';

const PASSWORD = 'DaNang@2026';
const WARD_DESK = 'MC-20242';
const CITY_DESK = 'MC-TTPVHCC'; // demo: also open Saturday 07:30–11:30

/** `/calendar/due` for a rule given as query text, e.g. `workingDays=3`. */
const dueUrl = (from: string, rule: string, desk?: string) =>
  `/api/v1/calendar/due?from=${encodeURIComponent(from)}&${rule}${desk ? `&desk=${desk}` : ''}`;

describe(`deadlines and holidays through the API on ${testDialect}`, () => {
  let t: TestApp;
  let admin: Session;
  let wardAdmin: Session;
  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const due = async (from: string, rule: string, desk?: string): Promise<string> => {
    const res = await get(dueUrl(from, rule, desk));
    expect(res.statusCode).toBe(200);
    return res.json().due as string;
  };

  beforeAll(async () => {
    // The egov command (below) migrates for every module and accepts only a database whose
    // applied migrations come first in its list: give this one every module's tables.
    const tablesOnly = appModules.filter((m) => m !== registryModule && m !== calendarModule).map((m) => ({ name: m.name, ...(m.migrations ? { migrations: m.migrations } : {}) }));
    t = await createTestApp([registryModule, calendarModule, ...tablesOnly], undefined, {}, { seedDemo: true });
    admin = await login(t, 'quantri', PASSWORD);
    wardAdmin = await login(t, 'haichau.quantri', PASSWORD);
  }, 90_000);
  afterAll(async () => {
    await t.close();
  });

  it('a dossier received Friday 13/02/2026 10:00 with 3 working days is due Wednesday 25/02 10:00 (Tết 16–20/02)', async () => {
    // Tết break 14–22/02 (published): working days after Fri 13/02 are Mon 23, Tue 24, Wed 25.
    const res = await get(dueUrl('2026-02-13T10:00:00+07:00', 'workingDays=3'));
    expect(res.json()).toEqual({ from: '2026-02-13T10:00:00+07:00', due: '2026-02-25T10:00:00+07:00', rule: { unit: 'workingDays', value: 3 }, desk: null });
  });

  it('the other units: 4 working hours, same day after 15:00, 10 calendar days ending in Tết', async () => {
    // Mon 02/03 10:00: 1h30 until 11:30, 2h30 more from 13:30 → 16:00.
    expect(await due('2026-03-02T10:00:00+07:00', 'workingHours=4')).toBe('2026-03-02T16:00:00+07:00');
    // received 15:30, after the 15:00 cut-off → close of the next working day, Tue 17:00.
    expect(await due('2026-03-02T15:30:00+07:00', 'sameDay=true')).toBe('2026-03-03T17:00:00+07:00');
    // 10/02 + 10 days = Fri 20/02, a Tết day off → close of the next working day, Mon 23/02.
    expect(await due('2026-02-10T09:00:00+07:00', 'calendarDays=10')).toBe('2026-02-23T17:00:00+07:00');
    // an offset other than +07:00 names the same instant: 03:00Z is 10:00 in Vietnam
    expect(await due('2026-02-13T03:00:00Z', 'workingDays=3')).toBe('2026-02-25T10:00:00+07:00');
  });

  it('the Saturday desk: received Friday 06/03 10:00 with 1 working day, the city centre is due Saturday 10:00, a ward Monday 10:00', async () => {
    expect(await due('2026-03-06T10:00:00+07:00', 'workingDays=1', CITY_DESK)).toBe('2026-03-07T10:00:00+07:00');
    expect(await due('2026-03-06T10:00:00+07:00', 'workingDays=1', WARD_DESK)).toBe('2026-03-09T10:00:00+07:00');
    const hours = await get(`/api/v1/calendar/desks/${CITY_DESK}/hours`);
    expect(hours.json()).toMatchObject({ source: 'desk', hours: { sat: [{ start: '07:30', end: '11:30' }], mon: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:00' }] } });
  });

  it('the Saturday desk stays closed on the Saturdays inside the Tết break, and lists its ordinary Saturdays as working', async () => {
    const days = (await get(`/api/v1/calendar/holidays/2026?desk=${CITY_DESK}`)).json().days as Array<{ date: string; kind: string }>;
    expect(days.find((d) => d.date === '2026-02-21')).toMatchObject({ kind: 'off', name: { vi: 'Tết Nguyên Đán Bính Ngọ' } });
    expect(days.find((d) => d.date === '2026-03-07')).toMatchObject({ kind: 'work' });
    // the city-wide calendar does not list ordinary Saturdays
    const city = (await get('/api/v1/calendar/holidays/2026')).json().days as Array<{ date: string }>;
    expect(city.find((d) => d.date === '2026-03-07')).toBeUndefined();
  });

  it('an override added through the API changes the due date at once, and deleting it restores it', async () => {
    // warm the cache first, so the test shows the edit invalidates it
    expect(await due('2026-03-06T10:00:00+07:00', 'workingDays=1', WARD_DESK)).toBe('2026-03-09T10:00:00+07:00');
    const added = await t.app.inject({ method: 'POST', url: '/api/v1/calendar/overrides', headers: admin.headers, payload: { date: '2026-03-09', kind: 'off', name: { vi: 'Nghỉ đột xuất', en: 'Unscheduled day off' } } });
    expect(added.statusCode).toBe(201);
    // Monday 09/03 off: the next working day is Tuesday 10/03
    expect(await due('2026-03-06T10:00:00+07:00', 'workingDays=1', WARD_DESK)).toBe('2026-03-10T10:00:00+07:00');
    expect(await due('2026-03-06T10:00:00+07:00', 'workingDays=1')).toBe('2026-03-10T10:00:00+07:00');
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/calendar/overrides/2026-03-09', headers: admin.headers })).statusCode).toBe(204);
    expect(await due('2026-03-06T10:00:00+07:00', 'workingDays=1', WARD_DESK)).toBe('2026-03-09T10:00:00+07:00');
  });

  it('a desk closure changes that desk only', async () => {
    const closed = await t.app.inject({ method: 'POST', url: `/api/v1/calendar/desks/${WARD_DESK}/exceptions`, headers: wardAdmin.headers, payload: { date: '2026-03-09', kind: 'closed' } });
    expect(closed.statusCode).toBe(201);
    expect(await due('2026-03-06T10:00:00+07:00', 'workingDays=1', WARD_DESK)).toBe('2026-03-10T10:00:00+07:00');
    expect(await due('2026-03-06T10:00:00+07:00', 'workingDays=1')).toBe('2026-03-09T10:00:00+07:00');
    await t.app.inject({ method: 'DELETE', url: `/api/v1/calendar/desks/${WARD_DESK}/exceptions/2026-03-09`, headers: wardAdmin.headers });
    expect(await due('2026-03-06T10:00:00+07:00', 'workingDays=1', WARD_DESK)).toBe('2026-03-09T10:00:00+07:00');
  });

  it('an override added by another process (the egov command) counts at once in this one', async () => {
    expect(await due('2026-11-23T10:00:00+07:00', 'workingDays=1')).toBe('2026-11-24T10:00:00+07:00');
    const url = t.database.target.dialect === 'sqlite' ? `sqlite:${t.database.target.file}` : t.database.target.url;
    const cli = await runEgov(['calendar', 'override', 'add', '2026-11-24', '--kind', 'holiday', '--name-vi', 'Ngày Văn hóa Việt Nam', '--name-en', 'Vietnamese Culture Day'], { DATABASE_URL: url, SEED_DEMO: 'false' });
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    // Tuesday 24/11 is now a holiday: Mon 23/11 + 1 working day → Wed 25/11
    expect(await due('2026-11-23T10:00:00+07:00', 'workingDays=1')).toBe('2026-11-25T10:00:00+07:00');
    const list = await get('/api/v1/calendar/overrides?year=2026');
    expect(list.json().items.find((o: { date: string }) => o.date === '2026-11-24')).toMatchObject({ kind: 'holiday', name: { vi: 'Ngày Văn hóa Việt Nam' }, replaces: null });
  });

  it('loadDeskCalendar (for the dossier lifecycle) reuses its calendar until the next edit', async () => {
    const db = t.database.db;
    const first = await loadDeskCalendar(db, WARD_DESK);
    expect(await loadDeskCalendar(db, WARD_DESK)).toBe(first);
    const from = new Date('2026-03-06T10:00:00+07:00');
    expect(formatIsoLocal(computeDue(first, from, { unit: 'workingDays', value: 1 }))).toBe('2026-03-09T10:00:00+07:00');
    await t.app.inject({ method: 'POST', url: `/api/v1/calendar/desks/${WARD_DESK}/exceptions`, headers: wardAdmin.headers, payload: { date: '2026-03-09', kind: 'closed' } });
    const second = await loadDeskCalendar(db, WARD_DESK);
    expect(second).not.toBe(first);
    expect(formatIsoLocal(computeDue(second, from, { unit: 'workingDays', value: 1 }))).toBe('2026-03-10T10:00:00+07:00');
    await t.app.inject({ method: 'DELETE', url: `/api/v1/calendar/desks/${WARD_DESK}/exceptions/2026-03-09`, headers: wardAdmin.headers });
  });

  describe('validation errors are 400 with field paths and messages in both languages', () => {
    const post = (url: string, payload: object, s: Session) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: s.headers, payload });
    const put = (url: string, payload: object, s: Session) => t.app.inject({ method: 'PUT', url: `/api/v1${url}`, headers: s.headers, payload });
    const fields = (res: { json(): { errors?: Array<{ field: string; reason: string; message: { vi: string; en: string } }> } }) =>
      (res.json().errors ?? []).map((e) => [e.field, e.reason]);

    it('a date that does not exist, a blank name, a year out of range', async () => {
      const bad = await post('/calendar/overrides', { date: '2026-02-30', kind: 'off', name: { vi: ' ', en: 'x' } }, admin);
      expect(bad.statusCode).toBe(400);
      expect(fields(bad)).toEqual([
        ['/body/date', 'INVALID_OVERRIDE'],
        ['/body/name', 'INVALID_OVERRIDE'],
      ]);
      const message = bad.json().errors[0].message;
      expect(message).toEqual({ vi: 'Ngày không hợp lệ: "2026-02-30"', en: 'Invalid date "2026-02-30"' });
      const far = await post('/calendar/overrides', { date: '2300-01-02', kind: 'off', name: { vi: 'a', en: 'b' } }, admin);
      expect(fields(far)).toEqual([['/body/date', 'range']]);
    });

    it('a second row for a date already in the table is a conflict', async () => {
      const res = await post('/calendar/overrides', { date: '2026-02-17', kind: 'off', name: { vi: 'a', en: 'b' } }, admin);
      expect(res.statusCode).toBe(409);
    });

    it('overlapping hours, a malformed time, a week with no open day', async () => {
      const overlap = await put(`/calendar/desks/${WARD_DESK}/hours`, { hours: { mon: [{ start: '07:30', end: '11:30' }, { start: '11:00', end: '17:00' }] } }, wardAdmin);
      expect(overlap.statusCode).toBe(400);
      expect(fields(overlap)).toEqual([['/body/hours/mon/1', 'INVALID_INTERVALS']]);
      const late = await put(`/calendar/desks/${WARD_DESK}/hours`, { hours: { mon: [{ start: '25:00', end: '26:00' }] } }, wardAdmin);
      expect(fields(late)).toEqual([
        ['/body/hours/mon/0/start', 'format'],
        ['/body/hours/mon/0/end', 'format'],
      ]);
      const empty = await put(`/calendar/desks/${WARD_DESK}/hours`, { hours: {} }, wardAdmin);
      expect(fields(empty)).toEqual([['/body/hours', 'INVALID_INTERVALS']]);
      const backwards = await put(`/calendar/agencies/000.05.50.H17/hours`, { hours: { fri: [{ start: '17:00', end: '07:30' }] } }, wardAdmin);
      expect(fields(backwards)).toEqual([['/body/hours/fri/0', 'INVALID_INTERVALS']]);
      expect((await get(`/api/v1/calendar/desks/${WARD_DESK}/hours`)).json().source).toBe('default');
    });

    it('an open desk exception without hours', async () => {
      const res = await post(`/calendar/desks/${WARD_DESK}/exceptions`, { date: '2026-03-14', kind: 'open' }, wardAdmin);
      expect(res.statusCode).toBe(400);
      expect(fields(res)).toEqual([['/body/intervals', 'INVALID_DESK_EXCEPTION']]);
    });

    it('/calendar/due: a moment without an offset, no rule, two rules', async () => {
      const noOffset = await get(dueUrl('2026-02-13T10:00:00', 'workingDays=3'));
      expect(noOffset.statusCode).toBe(400);
      expect(fields(noOffset)).toEqual([['/querystring/from', 'MISSING_OFFSET']]);
      expect(fields(await get('/api/v1/calendar/due?from=2026-02-13T10:00:00%2B07:00'))).toEqual([['/querystring', 'oneOf']]);
      expect(fields(await get(dueUrl('2026-02-13T10:00:00+07:00', 'workingDays=3&calendarDays=3')))).toEqual([['/querystring', 'oneOf']]);
      expect((await get(dueUrl('2026-02-13T10:00:00+07:00', 'workingDays=-1'))).statusCode).toBe(400);
    });
  });
});
