import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogModule, getProcedure, getPublishedProcedure, type Procedure } from '../../src/modules/catalog/index.js';
import { workflowModule } from '../../src/modules/workflow/index.js';
import { addAccount, login, type Session } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDialect } from '../support/db.js';

describe(`the procedure catalogue on ${testDialect}`, () => {
  let t: TestApp;
  let admin: Session;
  let specialist: Session;
  beforeAll(async () => {
    t = await createTestApp([workflowModule, catalogModule], undefined, {}, { seedDemo: true });
    await addAccount(t, 'quantri', [{ role: 'systemAdmin', scopeKind: 'system', scopeCode: '*' }]);
    await addAccount(t, 'haichau.quantri', [{ role: 'agencyAdmin', scopeKind: 'agency', scopeCode: '000.05.50.H17' }]);
    admin = await login(t, 'quantri');
    specialist = await login(t, 'haichau.quantri');
  });
  afterAll(async () => {
    await t.close();
  });

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, session?: Session, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, ...(session ? { headers: session.headers } : {}), ...(payload === undefined ? {} : { payload: payload as object }) });
  const codes = (res: { json(): { items: { code: string }[] } }) => res.json().items.map((i) => i.code);

  describe('public search', () => {
    it('finds "Cấp giấy phép xây dựng…" when a citizen types "cap phep xay dung" without diacritics', async () => {
      // Every word must begin a word of the name: only the construction permit has all four
      // (the alcohol licence has "cấp" and "phép" but neither "xây" nor "dựng").
      const res = await call('GET', `/public/procedures?q=${encodeURIComponent('cap phep xay dung')}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([
        expect.objectContaining({ code: '1.009994', name: { vi: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ', en: 'Construction permit for a new detached house' } }),
      ]);
    });

    it('gives the same answer with diacritics and capitals', async () => {
      const res = await call('GET', `/public/procedures?q=${encodeURIComponent('CẤP PHÉP Xây Dựng')}`);
      expect(codes(res)).toEqual(['1.009994']);
    });

    it('matches the start of words, "dang ky khai" giving birth and death registration in name order', async () => {
      // "Đăng ký khai sinh" sorts before "Đăng ký khai tử" (s < t once diacritics are removed).
      expect(codes(await call('GET', '/public/procedures?q=dang%20ky%20khai'))).toEqual(['1.001193', '1.000656']);
      expect(codes(await call('GET', `/public/procedures?q=${encodeURIComponent('đăng ký khai')}`))).toEqual(['1.001193', '1.000656']);
    });

    it('lists the fields (lĩnh vực) a citizen or a statistics reader filters by, without login', async () => {
      const res = await call('GET', '/public/procedure-fields');
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toHaveLength(11);
      expect(res.json().items.slice(0, 2)).toEqual([
        { code: 'civilStatus', name: { vi: 'Hộ tịch', en: 'Civil status' } },
        { code: 'certification', name: { vi: 'Chứng thực', en: 'Certification' } },
      ]);
      expect(codes(res)).toContain('construction');
    });

    it('filters by field: the six civil-status procedures', async () => {
      const res = await call('GET', '/public/procedures?field=civilStatus');
      expect(codes(res).sort()).toEqual(['1.000656', '1.000894', '1.001193', '1.004859', '1.004873', '2.000635']);
    });

    it('pages through all 19 demo procedures five at a time, each once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await call('GET', `/public/procedures?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...codes(res));
        cursor = res.json().nextCursor;
        pages++;
      } while (cursor);
      // 19 = 5 + 5 + 5 + 4.
      expect(pages).toBe(4);
      expect(new Set(seen).size).toBe(19);
    });

    it('shows a procedure with its documents, fees, deadline and e-form', async () => {
      const res = await call('GET', '/public/procedures/2.000908');
      expect(res.statusCode).toBe(200);
      const p = res.json();
      expect(p).toMatchObject({ code: '2.000908', version: 1, level: 'commune', onlineLevel: 'partial', deadline: { unit: 'sameDay', cutoffTime: '15:00' }, field: { code: 'certification', name: { vi: 'Chứng thực' } } });
      expect(p.documents.map((d: { id: string }) => d.id)).toEqual(['ban-chinh', 'ban-sao']);
      expect(p.eForm.required).toEqual(['requesterFullName', 'requesterIdNumber', 'papers']);
      expect(p.workflowKey).toBeUndefined();
      expect((await call('GET', '/public/procedures/9.999999')).statusCode).toBe(404);
    });

    it('quotes the fee for certifying copies: 5 pages × 2 copies and 1 page × 1 copy cost 16,000 đ', async () => {
      // Circular 226/2016/TT-BTC: 2,000 đ for each of pages 1–2, 1,000 đ from page 3, per copy.
      // 5 pages: 2×2,000 + 3×1,000 = 7,000 đ, × 2 copies = 14,000 đ; 1 page: 2,000 đ × 1 = 2,000 đ.
      const res = await call('POST', '/public/procedures/2.000908/fee', undefined, {
        formData: { papers: [{ paperName: 'Bằng tốt nghiệp', pages: 5, copies: 2 }, { paperName: 'Giấy khai sinh', pages: 1, copies: 1 }] },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().total).toBe(16_000);
      expect(res.json().lines.map((l: { itemIndex: number; baseAmount: number; quantity: number; amount: number }) => [l.itemIndex, l.baseAmount, l.quantity, l.amount])).toEqual([
        [0, 7_000, 2, 14_000],
        [1, 2_000, 1, 2_000],
      ]);
    });

    it('explains which field is missing when a fee cannot be computed', async () => {
      const res = await call('POST', '/public/procedures/2.000908/fee', undefined, { formData: { papers: [{ paperName: 'Bằng', copies: 1 }] } });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toEqual([
        { field: '/body/formData/pages', reason: 'FEE_INPUT_MISSING', message: { vi: 'Thiếu "Số trang của bản chính" để tính "Phí chứng thực bản sao từ bản chính".', en: '"Pages of the original" is needed to compute "Fee for certifying a copy".' } },
      ]);
    });
  });

  describe('versions', () => {
    it('turns an edit of a published procedure into a new draft, publishes it, retires the old and keeps the old readable', async () => {
      const v1 = (await call('GET', '/catalog/procedures/1.001193/versions/1', admin)).json().procedure as Procedure;
      expect(v1.status).toBe('published');
      const edit = { ...v1, deadline: { unit: 'workingDays', value: 2 } };
      const saved = await call('PUT', '/catalog/procedures/1.001193', admin, edit);
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({ outcome: 'newVersion', procedure: { version: 2, status: 'draft' } });
      expect(saved.json().changes.map((c: { path: string }) => c.path)).toContain('/deadline/unit');
      // Citizens still see version 1 until version 2 is published.
      expect((await call('GET', '/public/procedures/1.001193')).json().version).toBe(1);

      const published = await call('POST', '/catalog/procedures/1.001193/versions/2/publish', admin);
      expect(published.json()).toMatchObject({ procedure: { version: 2, status: 'published' }, retiredVersion: 1 });
      expect((await call('GET', '/public/procedures/1.001193')).json()).toMatchObject({ version: 2, deadline: { unit: 'workingDays', value: 2 } });

      // A dossier filed under version 1 still reads version 1.
      const old = await call('GET', '/catalog/procedures/1.001193/versions/1', admin);
      expect(old.json()).toMatchObject({ version: 1, status: 'retired', procedure: { deadline: v1.deadline } });
      expect((await getProcedure(t.database.db, '1.001193', 1))?.deadline).toEqual(v1.deadline);
      expect((await getPublishedProcedure(t.database.db, '1.001193'))?.version).toBe(2);
      const versions = await call('GET', '/catalog/procedures/1.001193', admin);
      expect(versions.json().versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
        [1, 'retired'],
        [2, 'published'],
      ]);
      // An edit based on version 1 is stale.
      const stale = await call('PUT', '/catalog/procedures/1.001193', admin, { ...v1, name: { vi: 'Khác', en: 'Other' } });
      expect(stale.statusCode).toBe(409);
    });

    it('edits a draft in place, and an unchanged save changes nothing', async () => {
      const base = (await call('GET', '/catalog/procedures/1.000894/versions/1', admin)).json().procedure as Procedure;
      const first = await call('PUT', '/catalog/procedures/1.000894', admin, { ...base, supplementRestartsClock: true });
      expect(first.json()).toMatchObject({ outcome: 'newVersion', procedure: { version: 2 } });
      const again = await call('PUT', '/catalog/procedures/1.000894', admin, { ...base, version: 2, supplementRestartsClock: true, onlineLevel: 'full' });
      expect(again.json()).toMatchObject({ outcome: 'editedDraft', procedure: { version: 2, status: 'draft', procedure: { onlineLevel: 'full' } } });
      const same = await call('PUT', '/catalog/procedures/1.000894', admin, { ...base, version: 2, supplementRestartsClock: true, onlineLevel: 'full' });
      expect(same.json().outcome).toBe('unchanged');
    });

    it('adds a new procedure as a draft that the public does not see until it is published', async () => {
      const base = (await getProcedure(t.database.db, '1.004222', 1)) as Procedure;
      const fresh = { ...base, code: '1.099001', name: { vi: 'Đăng ký lưu trú thử nghiệm', en: 'Test stay registration' } };
      const created = await call('POST', '/catalog/procedures', admin, fresh);
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ outcome: 'created', procedure: { code: '1.099001', version: 1, status: 'draft' } });
      expect((await call('POST', '/catalog/procedures', admin, fresh)).statusCode).toBe(409);
      expect((await call('GET', '/public/procedures/1.099001')).statusCode).toBe(404);
      expect(codes(await call('GET', '/public/procedures?q=luu%20tru%20thu'))).toEqual([]);
      await call('POST', '/catalog/procedures/1.099001/versions/1/publish', admin);
      expect(codes(await call('GET', '/public/procedures?q=luu%20tru%20thu'))).toEqual(['1.099001']);
      const retired = await call('POST', '/catalog/procedures/1.099001/versions/1/retire', admin);
      expect(retired.json()).toMatchObject({ version: 1, status: 'retired' });
      expect((await call('GET', '/public/procedures/1.099001')).statusCode).toBe(404);
      expect((await call('POST', '/catalog/procedures/1.099001/versions/1/retire', admin)).statusCode).toBe(409);
    });

    it('refuses a procedure whose workflow is not published, and one with a bad fee, pointing at each field', async () => {
      const base = (await getProcedure(t.database.db, '1.004222', 1)) as Procedure;
      const res = await call('POST', '/catalog/procedures', admin, {
        ...base,
        code: '1.099002',
        workflowKey: 'no-such-workflow',
        fees: [{ id: 'le-phi', category: 'charge', name: { vi: 'Lệ phí', en: 'Charge' }, rule: { kind: 'fixed', amount: -5 } }],
      });
      expect(res.statusCode).toBe(400);
      const fields = res.json().errors.map((e: { field: string; reason: string }) => [e.field, e.reason]);
      expect(fields).toContainEqual(['/body/workflowKey', 'UNKNOWN_WORKFLOW']);
      expect(fields.some(([f]: [string]) => f.startsWith('/body/fees/0/rule/amount'))).toBe(true);
    });
  });

  describe('access to every admin route', () => {
    const routes: { method: 'GET' | 'POST' | 'PUT'; url: string; body?: () => Promise<unknown>; ok: number }[] = [
      { method: 'GET', url: '/catalog/procedures', ok: 200 },
      { method: 'POST', url: '/catalog/procedures', body: async () => ({ ...(await getProcedure(t.database.db, '1.004222', 1)), code: '1.099100' }), ok: 201 },
      { method: 'GET', url: '/catalog/procedures/1.099100', ok: 200 },
      { method: 'PUT', url: '/catalog/procedures/1.099100', body: async () => ({ ...(await getProcedure(t.database.db, '1.099100', 1)), onlineLevel: 'full' }), ok: 200 },
      { method: 'GET', url: '/catalog/procedures/1.099100/versions/1', ok: 200 },
      { method: 'POST', url: '/catalog/procedures/1.099100/versions/1/publish', ok: 200 },
      { method: 'POST', url: '/catalog/procedures/1.099100/versions/1/retire', ok: 200 },
      { method: 'GET', url: '/catalog/export', ok: 200 },
    ];

    it.each(routes)('$method $url: anonymous 401, an agency administrator 403', async (r) => {
      const body = r.body ? await r.body().catch(() => ({})) : undefined;
      expect((await call(r.method, r.url, undefined, body)).statusCode).toBe(401);
      expect((await call(r.method, r.url, specialist, body)).statusCode).toBe(403);
    });

    it('a system administrator may use every admin route, in order', async () => {
      const got = [];
      for (const r of routes) got.push((await call(r.method, r.url, admin, r.body ? await r.body() : undefined)).statusCode);
      expect(got).toEqual(routes.map((r) => r.ok));
    });

    it('import: anonymous 401, an agency administrator 403, a non-multipart body from an administrator 415', async () => {
      expect((await call('POST', '/catalog/import')).statusCode).toBe(401);
      expect((await call('POST', '/catalog/import', specialist, {})).statusCode).toBe(403);
      expect((await call('POST', '/catalog/import', admin, {})).statusCode).toBe(415);
    });
  });
});

describe(`public catalogue rate limit on ${testDialect}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp([workflowModule, catalogModule], undefined, { PUBLIC_RATE_LIMIT: '2' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 to the third public lookup in a minute from one address when the limit is 2', async () => {
    const get = () => t.app.inject({ method: 'GET', url: '/api/v1/public/procedures' });
    expect((await get()).statusCode).toBe(200);
    expect((await get()).statusCode).toBe(200);
    const third = await get();
    expect(third.statusCode).toBe(429);
    expect(third.json().code).toBe('RATE_LIMITED');
  });
});
