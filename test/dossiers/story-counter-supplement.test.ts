import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierWorld, HAI_CHAU_DESK, vn, type World } from '../support/dossiers.js';
import { testDialect } from '../support/db.js';

/**
 * Story 2: a walk-in dossier received at the counter, a supplement requested during
 * processing, the pause spanning the Hùng Kings compensatory day and the 30/4–1/5 holidays,
 * supplemented at the counter, resolved on time. Procedure 1.004859 (3 working days).
 */
describe(`story 2 — counter reception with a supplement across holidays, on ${testDialect}`, () => {
  let w: World;
  let id: string;
  let version: number;
  beforeAll(async () => {
    w = await dossierWorld('2026-04-23 08:00');
  }, 90_000);
  afterAll(async () => {
    await w.t.close();
  });

  it('the reception officer files the walk-in dossier and receives it', async () => {
    w.at('2026-04-23 09:00'); // Thursday
    const created = await w.post('haichau.tiepnhan', '/api/v1/dossiers', {
      procedureCode: '1.004859',
      deskCode: HAI_CHAU_DESK,
      owner: { kind: 'citizen', number: '048185000002' },
      submitterName: 'Trần Văn Ủy Quyền',
      formData: { requestType: 'correction', subjectFullName: 'Trần Thị Bích', subjectIdNumber: '048185000002', currentContent: 'Trần Thị Bich', requestedContent: 'Trần Thị Bích', reason: 'Sai dấu', phone: '0935000002' },
      delivery: { method: 'counter' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ channel: 'counter', status: 'submitted', submitterName: 'Trần Văn Ủy Quyền' });
    id = created.json().id;
    w.at('2026-04-23 09:05');
    const received = await w.act('haichau.tiepnhan', id, { actionId: 'receive', version: created.json().version });
    // Thu 23/04 09:05 + 3 working days: Fri 24 (1); Mon 27/04 is the compensatory day for
    // Hùng Kings' day (Sunday 26/04), skipped; Tue 28 (2); Wed 29 (3) → Wed 29/04 09:05.
    expect(received.json()).toMatchObject({ status: 'received', code: '000.05.50.H17-260423-0001', dueAt: vn('2026-04-29 09:05') });
    version = received.json().version;
  });

  it('a supplement request must list the missing items', async () => {
    w.at('2026-04-24 10:00');
    const none = await w.act('haichau.chuyenvien', id, { actionId: 'examineSupplement', version });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].field).toBe('/body/supplementItems');
    const res = await w.act('haichau.chuyenvien', id, {
      actionId: 'examineSupplement',
      version,
      supplementItems: [{ name: 'Bản sao Giấy khai sinh', note: 'bản có chứng thực' }, { name: 'Văn bản ủy quyền có chứng thực' }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'awaitingSupplement', pausedAt: vn('2026-04-24 10:00') });
    version = res.json().version;
  });

  it('while paused nobody can move it on', async () => {
    const res = await w.act('haichau.chuyenvien', id, { actionId: 'submitToLeader', version });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('DOSSIER_ACTION_NOT_ALLOWED');
  });

  it('supplemented at the counter after the holidays: the clock resumes with the time left', async () => {
    w.at('2026-05-04 08:00'); // Monday after 30/4 and 1/5
    const res = await w.act('haichau.tiepnhan', id, { actionId: 'supplementReceived', version, note: 'Đã nộp đủ bản sao' });
    expect(res.statusCode).toBe(200);
    // Used before the pause: Thu 09:05–11:30 (2h25) + 13:30–17:00 (3h30) + Fri 07:30–10:00 (2h30)
    // = 8h25 of 3 × 7h30 = 22h30, so 14h05 remain. From Mon 04/05 08:00: Mon 3h30 + 3h30 = 7h
    // (7h05 left); Tue 07:30–11:30 (4h, 3h05 left); 13:30 + 3h05 = Tue 05/05 16:35.
    // It goes back to where it was when paused: received, not yet handed on.
    expect(res.json()).toMatchObject({ status: 'received', pausedAt: null, dueAt: vn('2026-05-05 16:35'), originalDueAt: vn('2026-05-05 16:35') });
    version = res.json().version;
  });

  it('resolved on Tuesday morning: on time', async () => {
    w.at('2026-05-05 09:00');
    let r = await w.act('haichau.chuyenvien', id, { actionId: 'submitToLeader', version });
    expect(r.json()).toMatchObject({ status: 'processing', currentStep: 'approve' });
    w.at('2026-05-05 10:00');
    r = await w.act('haichau.lanhdao', id, { actionId: 'leaderApprove', version: r.json().version });
    expect(r.json()).toMatchObject({ currentStep: 'issue' });
    w.at('2026-05-05 11:00');
    r = await w.act('haichau.vanthu', id, { actionId: 'issueResult', version: r.json().version, result: { number: '88/QĐ-UBND', date: '2026-05-05', signer: 'Lê Văn Hùng', summary: 'Cải chính hộ tịch' } });
    expect(r.json()).toMatchObject({ status: 'resolved', timeliness: 'onTime' });
    w.at('2026-05-05 15:00');
    r = await w.act('haichau.tiepnhan', id, { actionId: 'returnResult', version: r.json().version, delivery: { receivedBy: 'Trần Thị Bích' } });
    expect(r.json().status).toBe('returned');
  });

  it('the control sheet shows the pause and the resumption; the supplement request is on record', async () => {
    const history = (await w.get('haichau.lanhdao', `/api/v1/dossiers/${id}/history`)).json().items as { action: string; statusAfter: string; note: string | null }[];
    expect(history.map((h) => `${h.action}:${h.statusAfter}`)).toEqual([
      'submit:submitted',
      'receive:received',
      'examineSupplement:awaitingSupplement',
      'supplementReceived:received',
      'submitToLeader:processing',
      'leaderApprove:processing',
      'issueResult:resolved',
      'returnResult:returned',
    ]);
    const requests = await w.t.database.db.withTables<{ dossier_requests: { dossier_id: string; kind: string; details: string; closed_at: string | null } }>().selectFrom('dossier_requests').selectAll().where('dossier_id', '=', id).where('kind', '=', 'supplement').execute();
    expect(requests).toHaveLength(1);
    expect(JSON.parse(requests[0]?.details ?? '{}').items.map((i: { name: string }) => i.name)).toEqual(['Bản sao Giấy khai sinh', 'Văn bản ủy quyền có chứng thực']);
    expect(requests[0]?.closed_at).toBe(vn('2026-05-04 08:00'));
    const audit = await w.t.database.db.selectFrom('audit_log').select('action').where('target_id', '=', id).orderBy('chain_index').execute();
    expect(audit.map((a) => a.action)).toEqual(['dossier.submit', 'dossier.forward', 'dossier.requestSupplement', 'dossier.supplementReceived', 'dossier.forward', 'dossier.approve', 'dossier.issueResult', 'dossier.returnResult']);
  });
});
