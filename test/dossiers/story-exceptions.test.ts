import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierWorld, HAI_CHAU_DESK, vn, type World } from '../support/dossiers.js';
import { testDialect } from '../support/db.js';

const FORM = { fullName: 'Trần Thị Bích', dateOfBirth: '1985-11-20', idNumber: '048185000002', maritalStatus: 'divorced', purpose: 'Mua bán nhà', phone: '0935000002' };

/** Stories 4–6: late with an apology, refusal at reception, withdrawal; and stopping. */
describe(`stories 4–6 — apology, refusal, withdrawal, stop, on ${testDialect}`, () => {
  let w: World;
  const counter = async (at: string, receive = true) => {
    w.at(at);
    const c = await w.post('haichau.tiepnhan', '/api/v1/dossiers', { procedureCode: '1.004873', deskCode: HAI_CHAU_DESK, owner: { kind: 'citizen', number: '048185000002' }, formData: FORM, delivery: { method: 'counter' } });
    expect(c.statusCode).toBe(201);
    if (!receive) return c.json();
    const r = await w.act('haichau.tiepnhan', c.json().id, { actionId: 'receive', version: c.json().version });
    expect(r.statusCode).toBe(200);
    return r.json();
  };
  beforeAll(async () => {
    w = await dossierWorld('2026-03-02 08:00');
  }, 90_000);
  afterAll(async () => {
    await w.t.close();
  });

  it('story 4: an apology before the due time moves the appointment, but the dossier still counts as late', async () => {
    const d = await counter('2026-03-02 09:30'); // due Thu 05/03 09:30
    expect(d.dueAt).toBe(vn('2026-03-05 09:30'));
    w.at('2026-03-04 16:00');
    // Only the agency holding it: a citizen cannot, another department cannot even see it.
    expect((await w.post('048185000002', `/api/v1/dossiers/${d.id}/apology`, { version: d.version, newDueAt: vn('2026-03-09 09:30'), reason: 'Cần xác minh thêm' })).statusCode).toBe(403);
    expect((await w.post('sxd.chuyenvien', `/api/v1/dossiers/${d.id}/apology`, { version: d.version, newDueAt: vn('2026-03-09 09:30'), reason: 'Cần xác minh thêm' })).statusCode).toBe(404);
    const a = await w.post('haichau.chuyenvien', `/api/v1/dossiers/${d.id}/apology`, { version: d.version, newDueAt: vn('2026-03-09 09:30'), reason: 'Cần xác minh thêm tại nơi cư trú trước đây' });
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({ dueAt: vn('2026-03-09 09:30'), originalDueAt: vn('2026-03-05 09:30'), apologies: 1 });
    w.at('2026-03-06 10:00');
    let r = await w.act('haichau.chuyenvien', d.id, { actionId: 'submitToLeader', version: a.json().version });
    r = await w.act('haichau.lanhdao', d.id, { actionId: 'leaderApprove', version: r.json().version });
    r = await w.act('haichau.vanthu', d.id, { actionId: 'issueResult', version: r.json().version, result: { number: '130/GXN', date: '2026-03-06', signer: 'Lê Văn Hùng', summary: 'Xác nhận' } });
    // Resolved Fri 06/03 10:00, after the original appointment Thu 05/03 09:30: late.
    expect(r.json()).toMatchObject({ status: 'resolved', timeliness: 'late' });
  });

  it('story 4b: an apology after the appointment has passed is refused', async () => {
    const d = await counter('2026-03-02 10:00'); // due Thu 05/03 10:00
    w.at('2026-03-05 10:01');
    const a = await w.post('haichau.chuyenvien', `/api/v1/dossiers/${d.id}/apology`, { version: d.version, newDueAt: vn('2026-03-10 10:00'), reason: 'Quá hạn mới xin lỗi' });
    expect(a.statusCode).toBe(409);
    const overdue = await w.get('haichau.lanhdao', '/api/v1/dossiers?view=unit&due=overdue');
    expect(overdue.json().items.map((x: { id: string }) => x.id)).toContain(d.id);
  });

  it('story 5: refusal at reception needs a reason; the dossier ends rejected without a code', async () => {
    const d = await counter('2026-03-09 09:00', false);
    expect((await w.act('haichau.tiepnhan', d.id, { actionId: 'receptionRefuse', version: d.version })).statusCode).toBe(400);
    const r = await w.act('haichau.tiepnhan', d.id, { actionId: 'receptionRefuse', version: d.version, reason: 'Thủ tục không thuộc thẩm quyền của UBND phường' });
    expect(r.json()).toMatchObject({ status: 'rejected', code: null, finishedAt: vn('2026-03-09 09:00') });
    expect((await w.act('haichau.tiepnhan', d.id, { actionId: 'receive', version: r.json().version })).statusCode).toBe(409);
    const history = (await w.get('048185000002', `/api/v1/dossiers/${d.id}/history`)).json().items;
    expect(history.at(-1)).toMatchObject({ action: 'receptionRefuse', statusAfter: 'rejected', note: 'Thủ tục không thuộc thẩm quyền của UBND phường' });
  });

  it('story 6: the applicant withdraws before the result; not possible for someone else', async () => {
    const d = await counter('2026-03-09 09:30');
    expect((await w.act('048090000001', d.id, { actionId: 'withdraw', version: d.version })).statusCode).toBe(404);
    w.at('2026-03-10 08:00');
    const r = await w.act('048185000002', d.id, { actionId: 'withdraw', version: d.version, note: 'Không còn nhu cầu' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'withdrawn', finishedAt: vn('2026-03-10 08:00') });
    const audit = await w.t.database.db.selectFrom('audit_log').select('action').where('target_id', '=', d.id).orderBy('chain_index').execute();
    expect(audit.map((a) => a.action)).toEqual(['dossier.submit', 'dossier.forward', 'dossier.withdraw']);
  });

  it('a leader stops processing with a reason (form 05); a specialist may not', async () => {
    const d = await counter('2026-03-10 09:00');
    expect((await w.act('haichau.chuyenvien', d.id, { actionId: 'stop', version: d.version, reason: 'x' })).statusCode).toBe(403);
    expect((await w.act('haichau.lanhdao', d.id, { actionId: 'stop', version: d.version })).statusCode).toBe(400);
    const r = await w.act('haichau.lanhdao', d.id, { actionId: 'stop', version: d.version, reason: 'Người yêu cầu cung cấp thông tin không trung thực' });
    expect(r.json()).toMatchObject({ status: 'stopped' });
  });

  it('a stale version gets 409 with the current state', async () => {
    const d = await counter('2026-03-11 09:00');
    const first = await w.act('haichau.chuyenvien', d.id, { actionId: 'submitToLeader', version: d.version });
    expect(first.statusCode).toBe(200);
    const stale = await w.act('haichau.chuyenvien', d.id, { actionId: 'submitToLeader', version: d.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'STALE_VERSION', current: { id: d.id, version: first.json().version, currentStep: 'approve' } });
  });
});
