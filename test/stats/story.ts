/**
 * A known set of dossiers at the Hải Châu ward desk in March 2026, driven through the real
 * API, whose indicators the tests work out by hand. Office hours 07:30–11:30, 13:30–17:00
 * (7.5 h a working day); no public holiday in March 2026.
 */
import { expect } from 'vitest';
import { HAI_CHAU_DESK, type World } from '../support/dossiers.js';

const FORM = { fullName: 'Trần Thị Bích', dateOfBirth: '1985-11-20', idNumber: '048185000002', maritalStatus: 'divorced', purpose: 'Mua bán nhà', phone: '0935000002' };
const BUILD = { ownerFullName: 'Lê Minh Châu', ownerIdNumber: '048201000003', plotAddress: '54 Nguyễn Lương Bằng', landCertificateNumber: 'CS 01234', plotArea: 120, totalFloorArea: 320, floors: 3, height: 11.5, phone: '0987000003' };
const RESULT = { number: '1/GXN', date: '2026-03-04', signer: 'Lê Văn Hùng', summary: 'Xác nhận' };

type D = { id: string; version: number };

/** The dossiers by letter, as the tests refer to them. */
export type Story = Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K', D>;

/** Builds the story; leaves the clock at Friday 13/03/2026 12:00. */
export async function buildStory(w: World): Promise<Story> {
  const ok = async (p: Promise<{ statusCode: number; body: string; json: () => D }>, status = 200): Promise<D> => {
    const r = await p;
    expect(r.statusCode, r.body).toBe(status);
    return status === 204 ? { id: '', version: 0 } : r.json();
  };
  const counter = async (at: string, receive = true, procedureCode = '1.004873'): Promise<D> => {
    w.at(at);
    const owner = procedureCode === '1.004873' ? '048185000002' : '048201000003';
    const formData = procedureCode === '1.004873' ? FORM : BUILD;
    const c = await ok(w.post('haichau.tiepnhan', '/api/v1/dossiers', { procedureCode, deskCode: HAI_CHAU_DESK, owner: { kind: 'citizen', number: owner }, formData, delivery: { method: 'counter' } }), 201);
    return receive ? ok(w.act('haichau.tiepnhan', c.id, { actionId: 'receive', version: c.version })) : c;
  };
  const act = async (who: string, at: string, d: D, body: Record<string, unknown>): Promise<D> => {
    w.at(at);
    return ok(w.act(who, d.id, { ...body, version: d.version }));
  };
  const s = {} as Story;

  // Monday 02/03
  s.D = await counter('2026-03-02 08:30', true, '1.009994');
  w.at('2026-03-02 09:00');
  const declaration = await w.file('application/pdf', '%PDF-1.4 to khai A');
  const a = await ok(w.post('048090000001', '/api/v1/dossiers', {
    procedureCode: '1.004873', deskCode: HAI_CHAU_DESK, owner: { kind: 'citizen', number: '048090000001' },
    formData: { fullName: 'Nguyễn Văn An', dateOfBirth: '1990-05-15', idNumber: '048090000001', maritalStatus: 'single', purpose: 'Đăng ký kết hôn', phone: '0905000001' },
    delivery: { method: 'online' }, documents: [{ requirementId: 'to-khai', sha256: declaration, fileName: 'to-khai.pdf' }],
  }), 201);
  s.A = await act('haichau.tiepnhan', '2026-03-02 09:30', a, { actionId: 'receive' });
  s.B = await counter('2026-03-02 10:00');
  s.C = await counter('2026-03-02 11:00');
  // Tuesday 03/03
  s.D = await act('haichau.chuyenvien', '2026-03-03 09:00', s.D, { actionId: 'sendForAppraisal' });
  s.A = await act('haichau.chuyenvien', '2026-03-03 10:00', s.A, { actionId: 'submitToLeader' });
  s.B = await act('haichau.chuyenvien', '2026-03-03 10:00', s.B, { actionId: 'examineSupplement', supplementItems: [{ name: 'Bản sao Giấy khai sinh' }] });
  s.A = await act('haichau.lanhdao', '2026-03-03 14:00', s.A, { actionId: 'leaderApprove' });
  // Wednesday 04/03
  const resultFile = await w.file('application/pdf', '%PDF-1.4 ket qua A');
  s.A = await act('haichau.vanthu', '2026-03-04 08:00', s.A, { actionId: 'issueResult', result: RESULT, documents: [{ sha256: resultFile, fileName: 'ket-qua.pdf' }] });
  s.A = await act('haichau.tiepnhan', '2026-03-04 09:00', s.A, { actionId: 'returnResult' });
  w.at('2026-03-04 09:05');
  await ok(w.post('048090000001', `/api/v1/dossiers/${s.A.id}/rating`, { score: 5 }), 204);
  w.at('2026-03-04 16:00');
  s.C = await ok(w.post('haichau.chuyenvien', `/api/v1/dossiers/${s.C.id}/apology`, { version: s.C.version, newDueAt: '2026-03-09T04:00:00.000Z', reason: 'Cần xác minh thêm' }));
  // Friday 06/03
  s.C = await act('haichau.chuyenvien', '2026-03-06 09:00', s.C, { actionId: 'submitToLeader' });
  s.C = await act('haichau.lanhdao', '2026-03-06 09:30', s.C, { actionId: 'leaderApprove' });
  s.C = await act('haichau.vanthu', '2026-03-06 10:00', s.C, { actionId: 'issueResult', result: RESULT });
  s.C = await act('haichau.tiepnhan', '2026-03-06 14:00', s.C, { actionId: 'returnResult', delivery: { receivedBy: 'Trần Thị Bích' } });
  w.at('2026-03-06 14:05');
  await ok(w.post('048185000002', `/api/v1/dossiers/${s.C.id}/rating`, { score: 3 }), 204);
  // Monday 09/03
  s.B = await act('haichau.tiepnhan', '2026-03-09 08:00', s.B, { actionId: 'supplementReceived' });
  s.E = await counter('2026-03-09 09:00', false);
  s.E = await act('haichau.tiepnhan', '2026-03-09 09:00', s.E, { actionId: 'receptionRefuse', reason: 'Không thuộc thẩm quyền' });
  s.F = await counter('2026-03-09 09:30');
  s.H = await counter('2026-03-09 10:00');
  s.I = await counter('2026-03-09 10:30');
  s.J = await counter('2026-03-09 11:00');
  // Tuesday 10/03
  s.F = await act('048185000002', '2026-03-10 08:00', s.F, { actionId: 'withdraw', note: 'Không còn nhu cầu' });
  s.B = await act('haichau.chuyenvien', '2026-03-10 09:00', s.B, { actionId: 'submitToLeader' });
  s.G = await counter('2026-03-10 09:00');
  s.J = await act('haichau.chuyenvien', '2026-03-10 09:00', s.J, { actionId: 'examinePayment' });
  s.B = await act('haichau.lanhdao', '2026-03-10 10:00', s.B, { actionId: 'leaderApprove' });
  s.J = await act('haichau.tiepnhan', '2026-03-10 10:00', s.J, { actionId: 'paymentReceived', payment: { amount: 15000, reference: 'BL-0001', method: 'cash' } });
  s.G = await act('haichau.lanhdao', '2026-03-10 10:00', s.G, { actionId: 'stop', reason: 'Thông tin không trung thực' });
  s.B = await act('haichau.vanthu', '2026-03-10 11:00', s.B, { actionId: 'issueResult', result: RESULT });
  // Wednesday 11/03
  w.at('2026-03-11 09:00');
  s.I = await ok(w.post('haichau.chuyenvien', `/api/v1/dossiers/${s.I.id}/apology`, { version: s.I.version, newDueAt: '2026-03-17T03:30:00.000Z', reason: 'Chờ xác minh' }));
  s.J = await act('haichau.chuyenvien', '2026-03-11 09:00', s.J, { actionId: 'submitToLeader' });
  s.K = await counter('2026-03-11 09:00');
  s.J = await act('haichau.lanhdao', '2026-03-11 09:30', s.J, { actionId: 'leaderApprove' });
  s.J = await act('haichau.vanthu', '2026-03-11 10:00', s.J, { actionId: 'issueResult', result: RESULT });
  // Thursday 12/03
  s.K = await act('haichau.chuyenvien', '2026-03-12 09:00', s.K, { actionId: 'examineSupplement', supplementItems: [{ name: 'Bản sao Giấy khai sinh' }] });
  w.at('2026-03-13 12:00');
  return s;
}
