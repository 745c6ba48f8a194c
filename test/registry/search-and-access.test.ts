import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryModule } from '../../src/modules/registry/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { login, type Session } from '../support/accounts.js';
import { testDialect } from '../support/db.js';

const PASSWORD = 'DaNang@2026';

describe(`registry search and access on ${testDialect}`, () => {
  let t: TestApp;
  let admin: Session;
  let wardReception: Session;
  let wardAdmin: Session;
  let sxdSpecialist: Session;
  let stats: Session;
  let citizenAn: Session;
  let citizenBich: Session;
  const get = (url: string, s?: Session) => t.app.inject({ method: 'GET', url, headers: s?.headers ?? {} });
  const post = (url: string, payload: object, s?: Session) => t.app.inject({ method: 'POST', url, payload, headers: s?.headers ?? {} });

  beforeAll(async () => {
    t = await createTestApp([registryModule], undefined, {}, { seedDemo: true });
    admin = await login(t, 'quantri', PASSWORD);
    wardReception = await login(t, 'haichau.tiepnhan', PASSWORD);
    wardAdmin = await login(t, 'haichau.quantri', PASSWORD);
    sxdSpecialist = await login(t, 'sxd.chuyenvien', PASSWORD);
    stats = await login(t, 'thongke', PASSWORD);
    citizenAn = await login(t, '048090000001', PASSWORD);
    citizenBich = await login(t, '048185000002', PASSWORD);
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  describe('search ignores Vietnamese diacritics and case', () => {
    it('"nguyen van an" finds Nguyễn Văn An; the ID number is masked in lists', async () => {
      const res = await get('/api/v1/registry/citizens?q=nguyen%20van%20an&limit=200', wardReception);
      expect(res.statusCode).toBe(200);
      const hit = res.json().items.find((c: { fullName: string }) => c.fullName === 'Nguyễn Văn An');
      expect(hit).toMatchObject({ idNumberMasked: '048*******01', birthYear: 1990, sex: 'male' });
      expect(JSON.stringify(res.json())).not.toContain('048090000001');
    });

    it('"d" matches "đ": "duong" finds wards and people written Dương', async () => {
      const res = await get('/api/v1/registry/officials?q=duong%20van%20khoa', admin);
      expect(res.json().items.map((o: { fullName: string }) => o.fullName)).toEqual(['Dương Văn Khoa']);
      const upper = await get('/api/v1/registry/officials?q=DUONG%20VAN%20KHOA', admin);
      expect(upper.json().items).toHaveLength(1);
    });

    it('units: "hai chau" finds phường Hải Châu today, and the district Hải Châu on a 2024 date', async () => {
      const now = await get('/api/v1/registry/units?q=hai%20chau');
      expect(now.json().items.map((u: { name: { vi: string } }) => u.name.vi)).toEqual(['Phường Hải Châu']);
      const then = await get('/api/v1/registry/units?q=hai%20chau&date=2024-06-01');
      const names = then.json().items.map((u: { name: { vi: string } }) => u.name.vi);
      expect(names).toContain('Quận Hải Châu');
      expect(names).not.toContain('Phường Hải Châu');
    });

    it('a ward of 2024 (Thuận Phước, in Hải Châu district) is still found by its code on that date', async () => {
      const list = await get('/api/v1/registry/units?q=thuan%20phuoc&date=2024-06-01');
      const unit = list.json().items[0] as { code: string; parentCode: string };
      expect(unit.parentCode).toBe('492');
      const one = await get(`/api/v1/registry/units/${unit.code}?date=2024-06-01`);
      expect(one.statusCode).toBe(200);
      expect(one.json().ancestors.map((a: { code: string }) => a.code)).toEqual(['48', '492']);
    });

    it('agencies by name without diacritics: "so xay dung"', async () => {
      const res = await get('/api/v1/registry/agencies?q=so%20xay%20dung');
      expect(res.json().items.map((a: { code: string }) => a.code)).toContain('000.00.06.H17');
    });

    it('cursor pagination walks the whole list without repeats', async () => {
      const seen = new Set<string>();
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await get(`/api/v1/registry/agencies?limit=40${cursor ? `&cursor=${cursor}` : ''}`);
        for (const a of res.json().items as { id: string }[]) {
          expect(seen.has(a.id)).toBe(false);
          seen.add(a.id);
        }
        cursor = res.json().nextCursor;
        pages++;
      } while (cursor && pages < 20);
      expect(seen.size).toBe(164);
      expect((await get('/api/v1/registry/agencies?cursor=garbage')).statusCode).toBe(400);
    });
  });

  describe('citizens: who may see what', () => {
    it('anonymous → 401; a statistics viewer (no registry role) → 403; a reception officer → 200', async () => {
      expect((await get('/api/v1/registry/citizens?q=an')).statusCode).toBe(401);
      expect((await get('/api/v1/registry/citizens?q=an', stats)).statusCode).toBe(403);
      expect((await get('/api/v1/registry/citizens?q=an', wardReception)).statusCode).toBe(200);
    });

    it('a citizen lists only their own record', async () => {
      const res = await get('/api/v1/registry/citizens?limit=200', citizenAn);
      expect(res.json().items.map((c: { fullName: string }) => c.fullName)).toEqual(['Nguyễn Văn An']);
    });

    it('reading a record needs a purpose, is logged, and a citizen reads only their own (others are 404)', async () => {
      const list = await get('/api/v1/registry/citizens?q=048090000001', wardReception);
      const id = list.json().items[0].id as string;
      expect((await get(`/api/v1/registry/citizens/${id}`, wardReception)).statusCode).toBe(400);
      const ok = await get(`/api/v1/registry/citizens/${id}?purpose=dossierReception`, wardReception);
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ idNumber: '048090000001', phone: '0905000001' });
      expect((await get(`/api/v1/registry/citizens/${id}?purpose=ownRecord`, citizenAn)).statusCode).toBe(200);
      expect((await get(`/api/v1/registry/citizens/${id}?purpose=ownRecord`, citizenBich)).statusCode).toBe(404);
      expect((await get(`/api/v1/registry/citizens/nonexistent?purpose=ownRecord`, citizenBich)).statusCode).toBe(404);
      const log = await get(`/api/v1/registry/citizens/${id}/access-log`, admin);
      expect(log.statusCode).toBe(200);
      const entries = log.json().items as { actorLabel: string; purpose: string; fields: string[] }[];
      expect(entries.map((e) => `${e.actorLabel}:${e.purpose}`).sort()).toEqual(['048090000001:ownRecord', 'haichau.tiepnhan:dossierReception']);
      expect(entries[0]?.fields).toContain('idNumber');
      expect((await get(`/api/v1/registry/citizens/${id}/access-log`, wardReception)).statusCode).toBe(403);
      expect((await get(`/api/v1/registry/citizens/${id}/access-log`)).statusCode).toBe(401);
    });

    it('a legal representative sees their organization; another citizen does not', async () => {
      const mine = await get('/api/v1/registry/organizations', citizenAn);
      expect(mine.json().items.map((o: { taxCode: string }) => o.taxCode)).toEqual(['0401234566']);
      const id = mine.json().items[0].id as string;
      expect((await get(`/api/v1/registry/organizations/${id}?purpose=ownRecord`, citizenAn)).statusCode).toBe(200);
      expect((await get(`/api/v1/registry/organizations/${id}?purpose=ownRecord`, citizenBich)).statusCode).toBe(404);
      expect((await get('/api/v1/registry/organizations', citizenBich)).json().items).toEqual([]);
    });

    it('registering a walk-in citizen checks the ID number against date of birth and sex', async () => {
      const body = { idNumber: '048190001234', fullName: 'Võ Thị Hoa', dateOfBirth: '1990-04-02', sex: 'male', address: { unitCode: '20242', street: '1 Bạch Đằng' } };
      // 048 1 90 …: digit 4 = 1 means a woman born 1900–1999, so "male" is inconsistent.
      const bad = await post('/api/v1/registry/citizens', body, wardReception);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0]).toMatchObject({ field: '/body/idNumber', reason: 'sexMismatch' });
      const good = await post('/api/v1/registry/citizens', { ...body, sex: 'female' }, wardReception);
      expect(good.statusCode).toBe(201);
      expect((await post('/api/v1/registry/citizens', { ...body, sex: 'female' }, wardReception)).statusCode).toBe(409);
      expect((await post('/api/v1/registry/citizens', { ...body, sex: 'female' }, citizenAn)).statusCode).toBe(403);
      expect((await post('/api/v1/registry/citizens', { ...body, sex: 'female' }, stats)).statusCode).toBe(403);
      expect((await post('/api/v1/registry/citizens', { ...body, sex: 'female' })).statusCode).toBe(401);
    });

    it('registering an organization verifies the tax code check digit', async () => {
      // 0401234566: weights 31,29,23,19,17,13,7,5,3 over 040123456 → 0+116+0+19+34+39+28+25+18 = 279;
      // 279 mod 11 = 4; check = 10 − 4 = 6 ✓. So …565 has a wrong check digit.
      const body = { taxCode: '0401234565', name: 'Công ty TNHH Thử Nghiệm', address: { unitCode: '20242', street: '2 Trần Phú' }, legalRepresentative: { fullName: 'Nguyễn Văn An' } };
      const bad = await post('/api/v1/registry/organizations', body, wardReception);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('/body/taxCode');
      expect((await post('/api/v1/registry/organizations', { ...body, taxCode: '0401234566' }, wardReception)).statusCode).toBe(409);
    });
  });

  describe('agencies and officials: scoped administration', () => {
    it('officials list is scoped: a ward admin sees only the ward\'s officials', async () => {
      const ward = await get('/api/v1/registry/officials?limit=200', wardAdmin);
      const agencies = new Set(ward.json().items.map((o: { agencyCode: string }) => o.agencyCode));
      expect([...agencies]).toEqual(['000.05.50.H17']);
      const all = await get('/api/v1/registry/officials?limit=200', admin);
      expect(all.json().items).toHaveLength(13);
      expect((await get('/api/v1/registry/officials', sxdSpecialist)).statusCode).toBe(403);
      expect((await get('/api/v1/registry/officials')).statusCode).toBe(401);
    });

    it('an official outside the admin\'s scope is "not found", inside is 200', async () => {
      const all = await get('/api/v1/registry/officials?limit=200', admin);
      const sxd = all.json().items.find((o: { username: string }) => o.username === 'sxd.lanhdao');
      const mine = all.json().items.find((o: { username: string }) => o.username === 'haichau.tiepnhan');
      expect((await get(`/api/v1/registry/officials/${sxd.id}`, wardAdmin)).statusCode).toBe(404);
      const ok = await get(`/api/v1/registry/officials/${mine.id}`, wardAdmin);
      expect(ok.statusCode).toBe(200);
      expect(ok.json().grants).toEqual([{ role: 'receptionOfficer', scopeKind: 'agency', scopeCode: '000.05.50.H17' }]);
    });

    it('a ward admin creates an official in the ward but cannot grant roles elsewhere or create in a department', async () => {
      const base = { fullName: 'Trần Văn Mới', position: { vi: 'Công chức', en: 'Officer' }, initialPassword: 'mat-khau-ban-dau-1' };
      const inWard = await post('/api/v1/registry/officials', { ...base, username: 'haichau.moi', agencyCode: '000.05.50.H17', grants: [{ role: 'specialist', scopeKind: 'agency', scopeCode: '000.05.50.H17' }] }, wardAdmin);
      expect(inWard.statusCode).toBe(201);
      const elsewhere = await post('/api/v1/registry/officials', { ...base, username: 'haichau.moi2', agencyCode: '000.05.50.H17', grants: [{ role: 'specialist', scopeKind: 'agency', scopeCode: '000.00.06.H17' }] }, wardAdmin);
      expect(elsewhere.statusCode).toBe(404);
      const dept = await post('/api/v1/registry/officials', { ...base, username: 'sxd.moi', agencyCode: '000.00.06.H17', grants: [{ role: 'specialist', scopeKind: 'agency', scopeCode: '000.00.06.H17' }] }, wardAdmin);
      expect(dept.statusCode).toBe(404);
      const sysGrant = await post('/api/v1/registry/officials', { ...base, username: 'haichau.moi3', agencyCode: '000.05.50.H17', grants: [{ role: 'systemAdmin', scopeKind: 'system', scopeCode: '*' }] }, wardAdmin);
      expect(sysGrant.statusCode).toBe(404);
      const newcomer = await login(t, 'haichau.moi', 'mat-khau-ban-dau-1');
      expect((await get('/api/v1/auth/me', newcomer)).json().grants).toEqual([{ role: 'specialist', scopeKind: 'agency', scopeCode: '000.05.50.H17' }]);
    });

    it('a ward admin resets a ward official\'s password; a department official is out of scope', async () => {
      const all = await get('/api/v1/registry/officials?limit=200', admin);
      const mine = all.json().items.find((o: { username: string }) => o.username === 'haichau.chuyenvien');
      const sxd = all.json().items.find((o: { username: string }) => o.username === 'sxd.vanthu');
      expect((await post(`/api/v1/registry/officials/${mine.id}/reset-password`, { newPassword: 'mat-khau-moi-123' }, wardAdmin)).statusCode).toBe(204);
      expect((await post(`/api/v1/registry/officials/${sxd.id}/reset-password`, { newPassword: 'mat-khau-moi-123' }, wardAdmin)).statusCode).toBe(404);
      expect((await post(`/api/v1/registry/officials/${sxd.id}/reset-password`, { newPassword: 'mat-khau-moi-123' }, wardReception)).statusCode).toBe(403);
      await login(t, 'haichau.chuyenvien', 'mat-khau-moi-123');
    });

    it('replacing an official\'s grants: in scope 204 (and the official gets them at once), out of scope 404, wrong role 403', async () => {
      const all = await get('/api/v1/registry/officials?limit=200', admin);
      const mine = all.json().items.find((o: { username: string }) => o.username === 'haichau.chuyenvien');
      const sxd = all.json().items.find((o: { username: string }) => o.username === 'sxd.chuyenvien');
      const put = (id: string, grants: object[], s?: Session) => t.app.inject({ method: 'PUT', url: `/api/v1/registry/officials/${id}/grants`, payload: { grants }, headers: s?.headers ?? {} });
      const both = [{ role: 'specialist', scopeKind: 'agency', scopeCode: '000.05.50.H17' }, { role: 'receptionOfficer', scopeKind: 'agency', scopeCode: '000.05.50.H17' }];
      expect((await put(mine.id, both)).statusCode).toBe(401);
      expect((await put(mine.id, both, wardReception)).statusCode).toBe(403);
      expect((await put(sxd.id, both, wardAdmin)).statusCode).toBe(404);
      expect((await put(mine.id, both, wardAdmin)).statusCode).toBe(204);
      const detail = await get(`/api/v1/registry/officials/${mine.id}`, wardAdmin);
      expect(detail.json().grants.map((g: { role: string }) => g.role).sort()).toEqual(['receptionOfficer', 'specialist']);
    });

    it('agency administration: system admin creates anywhere; ward admin only below the ward; others 403', async () => {
      const body = { code: '000.99.50.H17', name: { vi: 'Tổ một cửa lưu động', en: 'Mobile one-stop team' }, type: 'office', unitCode: '20242', parentCode: '000.05.50.H17', validFrom: '2026-01-01' };
      expect((await post('/api/v1/registry/agencies', body)).statusCode).toBe(401);
      expect((await post('/api/v1/registry/agencies', body, wardReception)).statusCode).toBe(403);
      expect((await post('/api/v1/registry/agencies', { ...body, parentCode: '000.00.06.H17' }, wardAdmin)).statusCode).toBe(404);
      expect((await post('/api/v1/registry/agencies', body, wardAdmin)).statusCode).toBe(201);
      expect((await post('/api/v1/registry/agencies', body, admin)).statusCode).toBe(409);
      const patch = await t.app.inject({ method: 'PATCH', url: '/api/v1/registry/agencies/000.00.06.H17', payload: { name: { vi: 'Sở X', en: 'X' } }, headers: wardAdmin.headers });
      expect(patch.statusCode).toBe(404);
      const desk = await post('/api/v1/registry/agencies/000.99.50.H17/desks', { code: 'MC-LUUDONG', name: { vi: 'Bàn lưu động', en: 'Mobile desk' } }, wardAdmin);
      expect(desk.statusCode).toBe(201);
      const units = await post('/api/v1/registry/units', { code: '20999', name: { vi: 'Phường Thử', en: 'Test Ward' }, shortName: 'Thử', level: 'commune', kind: 'ward', parentCode: '48', validFrom: '2026-01-01' }, wardAdmin);
      expect(units.statusCode).toBe(403);
      expect((await post('/api/v1/registry/units', { code: '20999', name: { vi: 'Phường Thử', en: 'Test Ward' }, shortName: 'Thử', level: 'commune', kind: 'ward', parentCode: '48', validFrom: '2026-01-01' }, admin)).statusCode).toBe(201);
    });
  });
});
