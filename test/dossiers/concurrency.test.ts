import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierWorld, HAI_CHAU_DESK, type World } from '../support/dossiers.js';
import { testDialect } from '../support/db.js';

const FORM = { fullName: 'Trần Thị Bích', dateOfBirth: '1985-11-20', idNumber: '048185000002', maritalStatus: 'single', purpose: 'Kết hôn', phone: '0935000002' };
const body = { procedureCode: '1.004873', deskCode: HAI_CHAU_DESK, owner: { kind: 'citizen', number: '048185000002' }, formData: FORM, delivery: { method: 'counter' } };

describe(`concurrency on ${testDialect}`, () => {
  let w: World;
  beforeAll(async () => {
    w = await dossierWorld('2026-03-02 08:00');
  }, 90_000);
  afterAll(async () => {
    await w.t.close();
  });

  it('50 parallel receptions at one agency on one day get 50 distinct sequential codes', async () => {
    w.at('2026-03-02 09:00');
    const created = [];
    for (let i = 0; i < 50; i++) created.push((await w.post('haichau.tiepnhan', '/api/v1/dossiers', body)).json() as { id: string; version: number });
    const results = await Promise.all(created.map((d) => w.act('haichau.tiepnhan', d.id, { actionId: 'receive', version: d.version })));
    expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(200));
    const codes = results.map((r) => r.json().code as string).sort();
    expect(codes).toEqual(Array.from({ length: 50 }, (_, i) => `000.05.50.H17-260302-${String(i + 1).padStart(4, '0')}`));
  });

  it('20 parallel conflicting actions on one dossier: exactly one succeeds, the rest get 409', async () => {
    const d = (await w.post('haichau.tiepnhan', '/api/v1/dossiers', body)).json() as { id: string; version: number };
    const results = await Promise.all(Array.from({ length: 20 }, () => w.act('haichau.tiepnhan', d.id, { actionId: 'receive', version: d.version })));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    const history = (await w.get('haichau.tiepnhan', `/api/v1/dossiers/${d.id}/history`)).json().items;
    expect(history.filter((h: { action: string }) => h.action === 'receive')).toHaveLength(1);
  });

  it('parallel idempotent replays create one dossier', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => w.post('haichau.tiepnhan', '/api/v1/dossiers', body, { 'idempotency-key': 'counter-replay-0001' })));
    expect(results.every((r) => r.statusCode === 200 || r.statusCode === 201)).toBe(true);
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
  });
});
