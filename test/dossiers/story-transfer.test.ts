import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierWorld, HAI_CHAU_DESK, SXD, vn, type World } from '../support/dossiers.js';
import { testDialect } from '../support/db.js';

/**
 * Story 3 (liên thông): a construction permit for a 320 m² house received at the Hải Châu
 * ward goes to the city's Department of Construction for appraisal (a leg with its own 7
 * working days), comes back to the ward, is signed and returned by post. Procedure 1.009994.
 */
describe(`story 3 — ward → city department → ward, returned by post, on ${testDialect}`, () => {
  let w: World;
  let id: string;
  let v: number;
  const form = { ownerFullName: 'Lê Minh Châu', ownerIdNumber: '048201000003', plotAddress: '54 Nguyễn Lương Bằng', landCertificateNumber: 'CS 01234', plotArea: 120, totalFloorArea: 320, floors: 3, height: 11.5, phone: '0987000003' };
  beforeAll(async () => {
    w = await dossierWorld('2026-06-01 08:00');
  }, 90_000);
  afterAll(async () => {
    await w.t.close();
  });

  it('received at the ward with a 15-working-day appointment', async () => {
    w.at('2026-06-01 08:30'); // Monday
    const created = await w.post('haichau.tiepnhan', '/api/v1/dossiers', { procedureCode: '1.009994', deskCode: HAI_CHAU_DESK, owner: { kind: 'citizen', number: '048201000003' }, formData: form, delivery: { method: 'post', address: '54 Nguyễn Lương Bằng, phường Hòa Khánh' } });
    expect(created.statusCode).toBe(201);
    id = created.json().id;
    const r = await w.act('haichau.tiepnhan', id, { actionId: 'receive', version: created.json().version });
    // 15 working days from Mon 01/06 08:30 (no holiday in June 2026): 3 weeks → Mon 22/06 08:30.
    expect(r.json()).toMatchObject({ dueAt: vn('2026-06-22 08:30') });
    v = r.json().version;
  });

  it('the ward specialist can only send it for appraisal (320 m² > 250 m²)', async () => {
    const detail = await w.get('haichau.chuyenvien', `/api/v1/dossiers/${id}`);
    expect(detail.json().actions.map((a: { id: string }) => a.id)).toEqual(['sendForAppraisal', 'examineSupplement']);
    w.at('2026-06-02 09:00');
    expect((await w.act('haichau.chuyenvien', id, { actionId: 'submitToLeader', version: v })).statusCode).toBe(409);
    const r = await w.act('haichau.chuyenvien', id, { actionId: 'sendForAppraisal', version: v });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ transferred: true, currentAgency: { code: SXD }, currentStep: 'sxdExamine', currentRole: 'specialist' });
    v = r.json().version;
  });

  it('the department sees it in its queue; the ward still sees its progress', async () => {
    const queue = await w.get('sxd.chuyenvien', '/api/v1/dossiers?view=mine');
    expect(queue.json().items.map((d: { id: string }) => d.id)).toContain(id);
    const ward = await w.get('haichau.lanhdao', `/api/v1/dossiers/${id}`);
    expect(ward.statusCode).toBe(200);
    expect(ward.json().dossier.currentAgency.code).toBe(SXD);
    // An official of an unrelated department does not see it at all.
    expect((await w.get('stp.chuyenvien', `/api/v1/dossiers/${id}`)).statusCode).toBe(404);
  });

  it('the department appraises and returns it; the ward leader signs; the clerk issues', async () => {
    w.at('2026-06-04 10:00');
    let r = await w.act('sxd.chuyenvien', id, { actionId: 'sxdSubmit', version: v });
    expect(r.json().currentStep).toBe('sxdApprove');
    w.at('2026-06-05 15:00');
    r = await w.act('sxd.lanhdao', id, { actionId: 'sxdReturn', version: r.json().version });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ currentAgency: { code: '000.05.50.H17' }, currentStep: 'approve' });
    w.at('2026-06-08 09:00');
    r = await w.act('haichau.lanhdao', id, { actionId: 'leaderApprove', version: r.json().version });
    w.at('2026-06-08 14:00');
    r = await w.act('haichau.vanthu', id, { actionId: 'issueResult', version: r.json().version, result: { number: '45/GPXD', date: '2026-06-08', signer: 'Lê Văn Hùng', summary: 'Giấy phép xây dựng nhà ở riêng lẻ' } });
    expect(r.json()).toMatchObject({ status: 'resolved', timeliness: 'early' });
    v = r.json().version;
  });

  it('returned by post only with a tracking number', async () => {
    w.at('2026-06-09 08:00');
    expect((await w.act('haichau.tiepnhan', id, { actionId: 'returnResult', version: v })).statusCode).toBe(400);
    const r = await w.act('haichau.tiepnhan', id, { actionId: 'returnResult', version: v, delivery: { trackingNumber: 'EMS123456789VN' } });
    expect(r.json().status).toBe('returned');
  });

  it('the control sheet records the transfer leg out and back with each step\'s due time', async () => {
    const items = (await w.get('haichau.lanhdao', `/api/v1/dossiers/${id}/history`)).json().items as { action: string; fromAgency: string | null; toAgency: string | null; stepDueAt: string | null; onTime: boolean | null }[];
    expect(items.map((i) => `${i.action}:${i.fromAgency ?? '-'}>${i.toAgency ?? '-'}`)).toEqual([
      'submit:->000.05.50.H17',
      'receive:000.05.50.H17>000.05.50.H17',
      'sendForAppraisal:000.05.50.H17>000.00.06.H17',
      'transfer:000.05.50.H17>000.00.06.H17',
      'sxdSubmit:000.00.06.H17>000.00.06.H17',
      'sxdReturn:000.00.06.H17>000.05.50.H17',
      'transferReturn:000.00.06.H17>000.05.50.H17',
      'leaderApprove:000.05.50.H17>000.05.50.H17',
      'issueResult:000.05.50.H17>000.05.50.H17',
      'returnResult:000.05.50.H17>-',
    ]);
    // The leg: 7 working days from Tue 02/06 09:00 → Thu 11/06 09:00.
    expect(items.find((i) => i.action === 'transfer')?.stepDueAt).toBe(vn('2026-06-11 09:00'));
    // Department examination step: 5 working days from Tue 02/06 09:00 → Tue 09/06 09:00.
    expect(items.find((i) => i.action === 'sendForAppraisal')?.stepDueAt).toBe(vn('2026-06-09 09:00'));
  });
});
