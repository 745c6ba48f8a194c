import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appModules } from '../../src/composition.js';
import { getPublishedProcedure } from '../../src/modules/catalog/index.js';
import { dossierDb } from '../../src/modules/dossiers/tables.js';
import { loadDeskCalendar, computeDue, formatIsoLocal } from '../../src/modules/calendar/index.js';
import { officialAgency } from '../../src/modules/registry/index.js';
import { upsertDesks } from '../../src/modules/registry/store-places.js';
import { registryDb } from '../../src/modules/registry/tables.js';
import { getDefinition, getPublishedDefinition } from '../../src/modules/workflow/index.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { buildApp, type App } from '../../src/platform/http/app.js';
import { createIdGenerator } from '../../src/platform/ids.js';
import { createLogger } from '../../src/platform/logger.js';
import { testDialect } from '../support/db.js';
import { dossierWorld, HAI_CHAU_DESK, HAI_CHAU_WARD, SXD, vn, type Reply, type World } from '../support/dossiers.js';

/**
 * The agency tree, desks, officials' agencies, calendars, published procedures and
 * workflows are cached in each process. Another process — a second server, the worker, the
 * CLI — may change them at any time; here a second app with its own database handle (its
 * own caches, as another process has) makes the change, and the first app's next request
 * must see it.
 */
describe(`reference data cached per process follows changes made by another process, on ${testDialect}`, () => {
  let w: World;
  let other: { app: App; database: Database };
  let declaration: string;
  let n = 0;

  /** A request to the other process's app, as the same (token-holding) user. */
  const otherInject = (who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object, headers: Record<string, string> = {}) =>
    other.app.inject({ method, url, headers: { ...(w.s[who]?.headers ?? {}), ...headers }, ...(payload ? { payload } : {}) }) as Promise<Reply>;

  /** Story 1's online submission (procedure 1.004873), at a desk, in the first app. */
  const submit = (deskCode = HAI_CHAU_DESK) =>
    w.post('048090000001', '/api/v1/dossiers', {
      procedureCode: '1.004873',
      deskCode,
      owner: { kind: 'citizen', number: '048090000001' },
      formData: { fullName: 'Nguyễn Văn An', dateOfBirth: '1990-05-15', idNumber: '048090000001', maritalStatus: 'single', purpose: 'Đăng ký kết hôn', phone: '0905000001' },
      delivery: { method: 'online' },
      documents: [{ requirementId: 'to-khai', sha256: declaration, fileName: 'to-khai.pdf' }],
    }, { 'idempotency-key': `cache-test-${String(n++).padStart(4, '0')}` });

  const workflowVersionOf = async (id: string) =>
    Number((await dossierDb(w.t.database.db).selectFrom('dossiers').select('workflow_version').where('id', '=', id).executeTakeFirstOrThrow()).workflow_version);

  beforeAll(async () => {
    w = await dossierWorld('2026-03-02 09:00', { demoDossiers: false });
    declaration = await w.file('application/pdf', '%PDF-1.4 to khai');
    const database = await openDatabase(w.t.database.target);
    const app = await buildApp({ config: w.t.config, database, clock: w.t.clock, newId: createIdGenerator(w.t.clock), log: createLogger(w.t.config), modules: appModules });
    await app.ready();
    other = { app, database };
  }, 90_000);
  afterAll(async () => {
    await other?.app.close();
    await other?.database.close();
    await w?.t.close();
  });

  it('an agency renamed in another process is named so in the next answer of this one', async () => {
    const first = await submit();
    expect(first.statusCode).toBe(201);
    expect(first.json().receivingAgency).toMatchObject({ code: HAI_CHAU_WARD, name: { vi: 'Ủy ban nhân dân phường Hải Châu' } });
    const rename = await otherInject('quantri', 'PATCH', `/api/v1/registry/agencies/${HAI_CHAU_WARD}`, { name: { vi: 'UBND phường Hải Châu (tên mới)', en: 'Hai Chau Ward Committee (new name)' } });
    expect(rename.statusCode).toBe(200);
    const again = await w.get('048090000001', `/api/v1/dossiers/${first.json().id as string}`);
    expect(again.json().dossier.receivingAgency).toEqual({ code: HAI_CHAU_WARD, name: { vi: 'UBND phường Hải Châu (tên mới)', en: 'Hai Chau Ward Committee (new name)' } });
  });

  it('a reception desk added in another process takes dossiers in this one at once', async () => {
    const unknown = await submit('MC-20242-B');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors.map((e: { field: string }) => e.field)).toEqual(['/body/deskCode']);
    const added = await otherInject('quantri', 'POST', `/api/v1/registry/agencies/${HAI_CHAU_WARD}/desks`, { code: 'MC-20242-B', name: { vi: 'Bộ phận một cửa phường Hải Châu, điểm 2', en: 'Hai Chau Ward one-stop desk 2' } });
    expect(added.statusCode).toBe(201);
    const res = await submit('MC-20242-B');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ deskCode: 'MC-20242-B', receivingAgency: { code: HAI_CHAU_WARD } });
  });

  it('an official moved to another agency by an import in another process works there at once', async () => {
    const account = await w.t.database.db.selectFrom('accounts').select('id').where('username', '=', 'haichau.chuyenvien').executeTakeFirstOrThrow();
    expect(await officialAgency(w.t.database.db, account.id)).toMatchObject({ agencyCode: HAI_CHAU_WARD, fullName: 'Đoàn Minh Tuấn' });
    const csv = `username,fullName,agencyCode,position,positionEn,email,phone,roles\nhaichau.chuyenvien,Đoàn Minh Tuấn,${SXD},Chuyên viên,Specialist,,,specialist@agency:${SXD}\n`;
    const boundary = '----cachetest';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="officials.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    const imported = await other.app.inject({ method: 'POST', url: '/api/v1/registry/imports/officials', headers: { ...w.s.quantri?.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({ updated: 1, failed: 0 });
    expect(await officialAgency(w.t.database.db, account.id)).toMatchObject({ agencyCode: SXD, fullName: 'Đoàn Minh Tuấn' });
  });

  it('a desk closed for a day in another process moves the next deadline computed in this one', async () => {
    // Monday 15:00: the reception step's 4 working hours end Tuesday 09:30 (15:00–17:00, then 07:30–09:30).
    w.at('2026-03-02 15:00');
    const before = await submit();
    expect(before.json().stepDueAt).toBe(vn('2026-03-03 09:30'));
    const closed = await otherInject('haichau.quantri', 'POST', `/api/v1/calendar/desks/${HAI_CHAU_DESK}/exceptions`, { date: '2026-03-03', kind: 'closed' });
    expect(closed.statusCode).toBe(201);
    const after = await submit();
    expect(after.json().stepDueAt).toBe(vn('2026-03-04 09:30'));
    w.at('2026-03-02 09:00');
  });

  it('a desk moved to another agency in another process takes that agency\'s hours in this one', async () => {
    // The new desk has no hours of its own: it keeps its agency's (the common hours here).
    const from = new Date(vn('2026-03-06 16:00')); // Friday
    const before = await loadDeskCalendar(w.t.database.db, 'MC-20242-B');
    expect(formatIsoLocal(computeDue(before, from, { unit: 'workingHours', value: 2 }))).toBe('2026-03-09T08:30:00+07:00');
    // The Department of Construction opens Saturday mornings; the desk moves there (no route
    // moves a desk: the registry's seed and store do, as another process's import would).
    const weekday = [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:00' }];
    const hours = await otherInject('quantri', 'PUT', `/api/v1/calendar/agencies/${SXD}/hours`, { hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [{ start: '07:30', end: '11:30' }] } });
    expect(hours.statusCode).toBe(200);
    await other.database.db.transaction().execute((trx) =>
      upsertDesks(registryDb(trx), [{ code: 'MC-20242-B', name: { vi: 'Bộ phận một cửa phường Hải Châu, điểm 2', en: 'Hai Chau Ward one-stop desk 2' }, agencyCode: SXD, adminUnitCode: '48' }], w.t.clock.now().toISOString(), createIdGenerator(w.t.clock)),
    );
    const after = await loadDeskCalendar(w.t.database.db, 'MC-20242-B');
    expect(formatIsoLocal(computeDue(after, from, { unit: 'workingHours', value: 2 }))).toBe('2026-03-07T08:30:00+07:00');
  });

  it('a procedure version published in another process is what this one files new dossiers under; retired, it takes none', async () => {
    const first = await submit();
    expect(first.json().procedure).toEqual({ code: '1.004873', version: 1, name: 'Cấp Giấy xác nhận tình trạng hôn nhân' });
    const published = await getPublishedProcedure(other.database.db, '1.004873');
    if (!published) throw new Error('demo procedure 1.004873 is not published');
    const edit = await otherInject('quantri', 'PUT', '/api/v1/catalog/procedures/1.004873', { ...published, name: { vi: 'Cấp Giấy xác nhận tình trạng hôn nhân (mẫu mới)', en: 'Certificate of marital status (new form)' } });
    expect(edit.json()).toMatchObject({ outcome: 'newVersion', procedure: { version: 2, status: 'draft' } });
    expect((await submit()).json().procedure.version).toBe(1); // a draft changes nothing
    expect((await otherInject('quantri', 'POST', '/api/v1/catalog/procedures/1.004873/versions/2/publish')).statusCode).toBe(200);
    const second = await submit();
    expect(second.json().procedure).toEqual({ code: '1.004873', version: 2, name: 'Cấp Giấy xác nhận tình trạng hôn nhân (mẫu mới)' });
    expect((await otherInject('quantri', 'POST', '/api/v1/catalog/procedures/1.004873/versions/2/retire')).statusCode).toBe(200);
    const none = await submit();
    expect(none.statusCode).toBe(400);
    expect(none.json().errors.map((e: { field: string }) => e.field)).toEqual(['/body/procedureCode']);
    // Back in force as version 3 (for the test below).
    const again = await otherInject('quantri', 'PUT', '/api/v1/catalog/procedures/1.004873', { ...published, version: 2, name: { vi: 'Cấp Giấy xác nhận tình trạng hôn nhân', en: 'Certificate of marital status' } });
    expect(again.json()).toMatchObject({ outcome: 'newVersion', procedure: { version: 3, status: 'draft' } });
    expect((await otherInject('quantri', 'POST', '/api/v1/catalog/procedures/1.004873/versions/3/publish')).statusCode).toBe(200);
    expect((await submit()).json().procedure).toEqual({ code: '1.004873', version: 3, name: 'Cấp Giấy xác nhận tình trạng hôn nhân' });
  });

  it('a workflow version published in another process pins this one\'s next dossiers; a draft is never served', async () => {
    const first = await submit();
    expect(first.statusCode).toBe(201);
    expect(await workflowVersionOf(first.json().id)).toBe(1);
    const def = await getPublishedDefinition(other.database.db, 'standard-one-stop');
    if (!def) throw new Error('workflow standard-one-stop is not published');
    const edit = await otherInject('quantri', 'PUT', '/api/v1/workflows/standard-one-stop', { ...def, name: { vi: 'Quy trình một cửa (sửa đổi)', en: 'One-stop process (amended)' } });
    expect(edit.json()).toMatchObject({ outcome: 'newVersion', definition: { version: 2, status: 'draft' } });
    expect(await getDefinition(w.t.database.db, 'standard-one-stop', 2)).toBeUndefined();
    expect((await otherInject('quantri', 'POST', '/api/v1/workflows/standard-one-stop/versions/2/publish')).statusCode).toBe(200);
    expect((await getDefinition(w.t.database.db, 'standard-one-stop', 2))?.name).toEqual({ vi: 'Quy trình một cửa (sửa đổi)', en: 'One-stop process (amended)' });
    const second = await submit();
    expect(await workflowVersionOf(second.json().id)).toBe(2);
    // The first dossier still runs on version 1: its page offers version 1's actions.
    const page = await w.get('haichau.tiepnhan', `/api/v1/dossiers/${first.json().id as string}`);
    expect(page.json().actions.map((a: { id: string }) => a.id)).toContain('receive');
  });
});
