import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierWorld, HAI_CHAU_DESK, vn, type World } from '../support/dossiers.js';
import { testDialect } from '../support/db.js';

/**
 * Story 1: online submission → reception → specialist → leader → clerk issues the result →
 * returned online → rating. Procedure 1.004873 (Giấy xác nhận tình trạng hôn nhân), legal
 * deadline 3 working days, workflow standard-one-stop at the Hải Châu ward.
 */
describe(`story 1 — an online dossier from submission to rating, on ${testDialect}`, () => {
  let w: World;
  let id: string;
  let version: number;
  beforeAll(async () => {
    w = await dossierWorld('2026-03-02 08:00');
  }, 90_000);
  afterAll(async () => {
    await w.t.close();
  });

  it('the citizen submits online with the mandatory declaration attached', async () => {
    w.at('2026-03-02 09:00'); // Monday
    const declaration = await w.file('application/pdf', '%PDF-1.4 to khai');
    const res = await w.post('048090000001', '/api/v1/dossiers', {
      procedureCode: '1.004873',
      deskCode: HAI_CHAU_DESK,
      owner: { kind: 'citizen', number: '048090000001' },
      formData: { fullName: 'Nguyễn Văn An', dateOfBirth: '1990-05-15', idNumber: '048090000001', maritalStatus: 'single', purpose: 'Đăng ký kết hôn', phone: '0905000001' },
      delivery: { method: 'online' },
      documents: [{ requirementId: 'to-khai', sha256: declaration, fileName: 'to-khai.pdf' }],
    }, { 'idempotency-key': 'story1-submit-0001' });
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({ status: 'submitted', code: null, channel: 'online', currentStep: 'reception', currentRole: 'receptionOfficer' });
    // Reception step: 4 working hours from Mon 09:00 → 09:00–11:30 (2h30) + 13:30–15:00 (1h30).
    expect(d.stepDueAt).toBe(vn('2026-03-02 15:00'));
    id = d.id;
    version = d.version;
  });

  it('a missing mandatory document or an invalid form is refused with every reason, and nothing is saved', async () => {
    const before = (await w.get('048090000001', '/api/v1/dossiers')).json().items.length;
    const res = await w.post('048090000001', '/api/v1/dossiers', {
      procedureCode: '1.004873', deskCode: HAI_CHAU_DESK, owner: { kind: 'citizen', number: '048090000001' },
      formData: { fullName: 'Nguyễn Văn An', dateOfBirth: '1990-05-15', idNumber: '04809', maritalStatus: 'single', purpose: 'x', phone: '0905000001' },
      delivery: { method: 'online' },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toContain('/body/formData/idNumber');
    expect(fields).toContain('/body/documents');
    expect(res.json().errors.find((e: { field: string }) => e.field === '/body/documents').message.vi).toBe('Thiếu giấy tờ bắt buộc: Tờ khai cấp Giấy xác nhận tình trạng hôn nhân');
    expect((await w.get('048090000001', '/api/v1/dossiers')).json().items.length).toBe(before);
  });

  it('the reception officer receives it: code assigned, appointment 3 working days later', async () => {
    w.at('2026-03-02 09:30');
    const res = await w.act('haichau.tiepnhan', id, { actionId: 'receive', version });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    // Mon 02/03 09:30 + 3 working days = Thu 05/03 09:30 (no holiday in that week).
    expect(d).toMatchObject({ status: 'received', code: '000.05.50.H17-260302-0001', receivedAt: vn('2026-03-02 09:30'), dueAt: vn('2026-03-05 09:30'), currentStep: 'examine' });
    version = d.version;
  });

  it('specialist → leader → clerk, each on the workflow of the procedure', async () => {
    w.at('2026-03-03 10:00');
    let res = await w.act('haichau.chuyenvien', id, { actionId: 'submitToLeader', version });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'processing', currentStep: 'approve', stepDueAt: vn('2026-03-04 10:00') });
    version = res.json().version;
    w.at('2026-03-03 14:00');
    // The specialist cannot approve in the leader's place.
    expect((await w.act('haichau.chuyenvien', id, { actionId: 'leaderApprove', version })).statusCode).toBe(403);
    res = await w.act('haichau.lanhdao', id, { actionId: 'leaderApprove', version });
    expect(res.statusCode).toBe(200);
    // Clerk step: 4 working hours from Tue 14:00 → 14:00–17:00 (3h) + Wed 07:30–08:30 (1h).
    expect(res.json()).toMatchObject({ currentStep: 'issue', stepDueAt: vn('2026-03-04 08:30') });
    version = res.json().version;
  });

  it('the clerk issues the result: resolved early (a day before the appointment)', async () => {
    w.at('2026-03-04 08:00');
    const noResult = await w.act('haichau.vanthu', id, { actionId: 'issueResult', version });
    expect(noResult.statusCode).toBe(400);
    const res = await w.act('haichau.vanthu', id, { actionId: 'issueResult', version, result: { number: '125/GXN-UBND', date: '2026-03-04', signer: 'Lê Văn Hùng', summary: 'Giấy xác nhận tình trạng hôn nhân' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'resolved', resolvedAt: vn('2026-03-04 08:00'), timeliness: 'early', result: { number: '125/GXN-UBND' } });
    version = res.json().version;
  });

  it('the desk returns it online; the citizen sees it and rates the service once', async () => {
    w.at('2026-03-04 09:00');
    const res = await w.act('haichau.tiepnhan', id, { actionId: 'returnResult', version });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'returned', finishedAt: vn('2026-03-04 09:00') });
    const mine = await w.get('048090000001', `/api/v1/dossiers/${id}`);
    expect(mine.json().dossier.status).toBe('returned');
    expect((await w.post('048185000002', `/api/v1/dossiers/${id}/rating`, { score: 5 })).statusCode).toBe(404);
    expect((await w.post('048090000001', `/api/v1/dossiers/${id}/rating`, { score: 5, comment: 'Nhanh gọn' })).statusCode).toBe(204);
    expect((await w.post('048090000001', `/api/v1/dossiers/${id}/rating`, { score: 4 })).statusCode).toBe(409);
  });

  it('the control sheet has one row per hand-over, each on time', async () => {
    const history = (await w.get('haichau.lanhdao', `/api/v1/dossiers/${id}/history`)).json().items;
    expect(history.map((h: { action: string; fromStep: string | null; toStep: string | null }) => [h.action, h.fromStep, h.toStep])).toEqual([
      ['submit', null, 'reception'],
      ['receive', 'reception', 'examine'],
      ['submitToLeader', 'examine', 'approve'],
      ['leaderApprove', 'approve', 'issue'],
      ['issueResult', 'issue', 'return'],
      ['returnResult', 'return', null],
    ]);
    expect(history.slice(1).map((h: { onTime: boolean }) => h.onTime)).toEqual([true, true, true, true, true]);
    expect(history[1]).toMatchObject({ actorName: 'Ngô Thị Thu Hà', previousStepDueAt: vn('2026-03-02 15:00'), stepDueAt: vn('2026-03-05 09:30') });
  });

  it('every state change left an audit row in the chain', async () => {
    const rows = await w.t.database.db.selectFrom('audit_log').select(['action', 'target_id']).where('target_type', '=', 'dossier').where('target_id', '=', id).orderBy('chain_index').execute();
    expect(rows.map((r) => r.action)).toEqual(['dossier.submit', 'dossier.forward', 'dossier.forward', 'dossier.approve', 'dossier.issueResult', 'dossier.returnResult', 'dossier.rate']);
  });

  it('the public lookup shows status and history without names; a wrong number gets the same 404', async () => {
    const ok = await w.get(null, '/api/v1/public/dossiers/000.05.50.H17-260302-0001?idNumber=048090000001');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'returned', procedure: 'Cấp Giấy xác nhận tình trạng hôn nhân', agency: { vi: 'Ủy ban nhân dân phường Hải Châu' } });
    expect(JSON.stringify(ok.json())).not.toContain('Ngô Thị Thu Hà');
    const wrong = await w.get(null, '/api/v1/public/dossiers/000.05.50.H17-260302-0001?idNumber=048185000002');
    const none = await w.get(null, '/api/v1/public/dossiers/000.05.50.H17-260302-9999?idNumber=048090000001');
    expect(wrong.statusCode).toBe(404);
    expect(none.statusCode).toBe(404);
    expect(wrong.json().detail).toBe(none.json().detail);
  });

  it('an Idempotency-Key replay returns the same dossier; the same key with another body is refused', async () => {
    const declaration = await w.file('application/pdf', '%PDF-1.4 to khai');
    const body = {
      procedureCode: '1.004873', deskCode: HAI_CHAU_DESK, owner: { kind: 'citizen', number: '048090000001' },
      formData: { fullName: 'Nguyễn Văn An', dateOfBirth: '1990-05-15', idNumber: '048090000001', maritalStatus: 'single', purpose: 'Đăng ký kết hôn', phone: '0905000001' },
      delivery: { method: 'online' }, documents: [{ requirementId: 'to-khai', sha256: declaration, fileName: 'to-khai.pdf' }],
    };
    const replay = await w.post('048090000001', '/api/v1/dossiers', body, { 'idempotency-key': 'story1-submit-0001' });
    expect(replay.statusCode).toBe(200);
    expect(replay.json().id).toBe(id);
    const other = await w.post('048090000001', '/api/v1/dossiers', { ...body, delivery: { method: 'counter' } }, { 'idempotency-key': 'story1-submit-0001' });
    expect(other.statusCode).toBe(422);
  });
});
