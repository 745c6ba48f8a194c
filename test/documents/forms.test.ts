import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, login } from '../support/accounts.js';
import { testDialect } from '../support/db.js';
import { dossierWorld, HAI_CHAU_DESK, type World } from '../support/dossiers.js';
import { decodeQr, firstPagePng, pdfText } from './pdf-tools.js';

/** Set FORMS_PREVIEW_DIR=/tmp/forms to keep the rendered first pages for a look. */
const preview = (name: string) => (process.env.FORMS_PREVIEW_DIR ? join(process.env.FORMS_PREVIEW_DIR, `${name}.png`) : undefined);

const FORM = { fullName: 'Trần Thị Bích', dateOfBirth: '1985-11-20', idNumber: '048185000002', maritalStatus: 'divorced', purpose: 'Mua bán nhà', phone: '0935000002' };
const NATIONAL = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
/** The Hải Châu ward committee's slips: the ward in capitals, then the one-stop desk. */
const DESK_HEADER = ['ỦY BAN NHÂN DÂN PHƯỜNG HẢI CHÂU', 'BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ'];

/**
 * Forms 01–06 of Circular 03/2025/TT-VPCP for dossiers of procedure 1.004873 (marital status
 * certificate, 3 working days) at the Hải Châu ward, generated through the API, read back
 * with a real PDF parser, and the receipt's QR code decoded from the page as poppler renders it.
 */
describe(`dossier forms as PDF, on ${testDialect}`, () => {
  let w: World;
  let noRole: Record<string, string>;
  const pdf = async (who: string | null, id: string, form: string, headers?: Record<string, string>) => {
    const h = headers ?? (who ? (w.s[who]?.headers ?? {}) : {});
    return w.t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${id}/forms/${form}.pdf`, headers: h });
  };
  const text = async (who: string, id: string, form: string) => {
    const res = await pdf(who, id, form);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return { ...(await pdfText(res.rawPayload)), raw: res.rawPayload };
  };
  const counter = async (at: string) => {
    w.at(at);
    const c = await w.post('haichau.tiepnhan', '/api/v1/dossiers', { procedureCode: '1.004873', deskCode: HAI_CHAU_DESK, owner: { kind: 'citizen', number: '048185000002' }, formData: FORM, delivery: { method: 'counter' } });
    expect(c.statusCode).toBe(201);
    return c.json() as { id: string; version: number };
  };
  const receive = async (d: { id: string; version: number }) => {
    const r = await w.act('haichau.tiepnhan', d.id, { actionId: 'receive', version: d.version });
    expect(r.statusCode).toBe(200);
    return r.json() as { id: string; version: number; code: string; dueAt: string };
  };

  let a: { id: string; version: number; code: string };
  beforeAll(async () => {
    w = await dossierWorld('2026-03-02 08:00');
    await addAccount(w.t, 'khongvaitro', []);
    // A bearer token: the story moves the clock past a session's idle timeout.
    const session = await login(w.t, 'khongvaitro');
    const token = await w.t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: session.headers, payload: { name: 'test' } });
    noRole = { authorization: `Bearer ${token.json().token as string}` };
  }, 90_000);
  afterAll(async () => {
    await w.t.close();
  });

  it('there is no receipt before reception; once received it carries the code, the appointment 05/03/2026 and the national title', async () => {
    const created = await counter('2026-03-02 09:30');
    expect((await pdf('haichau.tiepnhan', created.id, '01')).statusCode).toBe(404);
    a = await receive(created);
    // Received Monday 02/03 09:30, 3 working days → Thursday 05/03/2026 09:30.
    // The ward's code and the reception day; the daily number depends on the demo data.
    expect(a.code).toMatch(/^000\.05\.50\.H17-260302-\d{4}$/);
    const { text: t, pages } = await text('haichau.tiepnhan', a.id, '01');
    expect(pages).toBe(1);
    for (const s of [...NATIONAL, ...DESK_HEADER]) expect(t).toContain(s);
    // Decree 30/2020: months from 3 on are written without a leading zero.
    expect(t).toContain('Đà Nẵng, ngày 02 tháng 3 năm 2026');
    expect(t).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(t).toContain(`Mã hồ sơ: ${a.code}`);
    expect(t).toContain('Ông/Bà: Trần Thị Bích');
    expect(t).toContain('Cấp Giấy xác nhận tình trạng hôn nhân');
    expect(t).toContain('3. Thời gian giải quyết hồ sơ theo quy định: 03 ngày làm việc.');
    expect(t).toContain('4. Thời gian nhận hồ sơ: 09 giờ 30 phút, ngày 02/03/2026.');
    expect(t.replace(/\s+/g, ' ')).toContain('5. Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 30 phút, ngày 05/03/2026.');
    expect(t).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(t).toContain('Ngô Thị Thu Hà'); // haichau.tiepnhan in the demo registry
  });

  it('the receipt\'s QR code, read off the printed page, opens the public lookup of this dossier without the ID number', async () => {
    const res = await pdf('haichau.tiepnhan', a.id, '01');
    const png = await firstPagePng(res.rawPayload, preview('01-receipt'));
    const secret = (await w.t.database.db.withTables<{ dossiers: { id: string; lookup_secret: string } }>().selectFrom('dossiers').select('lookup_secret').where('id', '=', a.id).executeTakeFirstOrThrow()).lookup_secret;
    const url = decodeQr(png);
    expect(url).toBe(`${w.t.config.publicUrl}/tra-cuu/${a.code}?secret=${secret}`);
    // The web page calls the public API with the same code and secret.
    const { pathname, searchParams } = new URL(url ?? '');
    const code = decodeURIComponent(pathname.split('/').at(-1) ?? '');
    const lookup = await w.get(null, `/api/v1/public/dossiers/${code}?secret=${searchParams.get('secret') ?? ''}`);
    expect(lookup.statusCode).toBe(200);
    expect(lookup.json()).toMatchObject({ code: a.code, status: 'received' });
  });

  it('who may print: the desk 200, the applicant 200, another citizen or department 404, no role 403, anonymous 401', async () => {
    expect((await pdf('haichau.lanhdao', a.id, '01')).statusCode).toBe(200);
    expect((await pdf('048185000002', a.id, '01')).statusCode).toBe(200);
    expect((await pdf('048090000001', a.id, '01')).statusCode).toBe(404);
    expect((await pdf('sxd.chuyenvien', a.id, '01')).statusCode).toBe(404);
    expect((await pdf(null, a.id, '01', noRole)).statusCode).toBe(403);
    expect((await pdf(null, a.id, '01')).statusCode).toBe(401);
    expect((await pdf('haichau.tiepnhan', 'no-such-dossier', '01')).statusCode).toBe(404);
    expect((await pdf('haichau.tiepnhan', a.id, '08')).statusCode).toBe(400);
  });

  it('forms 02–05 do not apply to a dossier without a supplement request, refusal, apology or stop', async () => {
    for (const form of ['02', '03', '04', '05']) expect((await pdf('haichau.tiepnhan', a.id, form)).statusCode, form).toBe(404);
  });

  it('form 04: an apology sent Wednesday moves the appointment from 05/03 to 09/03/2026 09:30, with the reason', async () => {
    w.at('2026-03-03 10:00');
    let r = await w.act('haichau.chuyenvien', a.id, { actionId: 'submitToLeader', version: a.version });
    expect(r.statusCode).toBe(200);
    w.at('2026-03-04 16:00');
    const apology = await w.post('haichau.chuyenvien', `/api/v1/dossiers/${a.id}/apology`, { version: r.json().version, newDueAt: '2026-03-09T02:30:00.000Z', reason: 'Cần xác minh thêm tại nơi cư trú trước đây' });
    expect(apology.statusCode).toBe(200);
    const { text: t, raw } = await text('haichau.tiepnhan', a.id, '04');
    await firstPagePng(raw, preview('04-apology'));
    const flat = t.replace(/\s+/g, ' ');
    // A letter of the ward committee: the city committee above it, the ward in bold.
    expect(t).toContain('ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG');
    expect(t).toContain('ỦY BAN NHÂN DÂN PHƯỜNG HẢI CHÂU');
    for (const s of NATIONAL) expect(t).toContain(s);
    expect(t).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(t).toContain('Đà Nẵng, ngày 04 tháng 3 năm 2026');
    expect(flat).toContain('Thời gian hẹn trả kết quả giải quyết hồ sơ: 09 giờ 30 phút, ngày 05/03/2026.');
    expect(flat).toContain('Lý do: Cần xác minh thêm tại nơi cư trú trước đây');
    expect(flat).toContain('hẹn lại thời gian trả kết quả vào 09 giờ 30 phút, ngày 09/03/2026.');
    expect(flat).toContain('THỦ TRƯỞNG CƠ QUAN');
    w.at('2026-03-06 10:00');
    r = await w.act('haichau.lanhdao', a.id, { actionId: 'leaderApprove', version: apology.json().version });
    expect(r.statusCode).toBe(200);
  });

  it('form 06: every hand-over with who gave it, who took it, the step\'s due time and whether it was early, on time or late', async () => {
    const { text: t, raw } = await text('haichau.lanhdao', a.id, '06');
    await firstPagePng(raw, preview('06-control-sheet'));
    const flat = t.replace(/\s+/g, ' ');
    expect(t).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    for (const s of [...NATIONAL, ...DESK_HEADER]) expect(t).toContain(s);
    // Printed on the day of the request: Friday 06/03/2026.
    expect(t).toContain('Đà Nẵng, ngày 06 tháng 3 năm 2026');
    // Examination: received Mon 02/03 09:30 + 3 working days = due Thu 05/03 09:30; handed to
    // the leader Tue 03/03 10:00, a day before the due day → early.
    expect(flat).toMatch(/02\/03\/2026 09:30 Ngô Thị Thu Hà \(Tiếp nhận hồ sơ\) .*Thẩm định hồ sơ.* 05\/03\/2026 09:30 Trước hạn/);
    // Approval: 1 working day from Tue 03/03 10:00 = due Wed 04/03 10:00; approved Fri 06/03
    // 10:00 → late.
    expect(flat).toMatch(/03\/03\/2026 10:00 .*\(Thẩm định hồ sơ\) .*Lãnh đạo phê duyệt.* 04\/03\/2026 10:00 Quá hạn/);
    // Issuing: 4 working hours from Fri 06/03 10:00 = 10:00–11:30 (1h30) + 13:30–16:00 → 16:00.
    expect(flat).toMatch(/06\/03\/2026 10:00 .*Vào sổ, đóng dấu, phát hành.* 06\/03\/2026 16:00 Đang xử lý/);
    // The apology is on the sheet but hands nothing over: no receiver, no verdict.
    expect(flat).toMatch(/04\/03\/2026 16:00 .* — Xin lỗi, hẹn lại ngày trả kết quả: Cần xác minh thêm/);
  });

  it('form 02 lists every missing item at once, dated the day of the request', async () => {
    const d = await receive(await counter('2026-03-02 10:00'));
    w.at('2026-03-03 09:00');
    const r = await w.act('haichau.chuyenvien', d.id, { actionId: 'examineSupplement', version: d.version, supplementItems: [{ name: 'Bản sao Giấy khai sinh', note: 'bản có chứng thực' }, { name: 'Giấy xác nhận nơi cư trú trước đây' }] });
    expect(r.statusCode).toBe(200);
    const { text: t, raw } = await text('haichau.tiepnhan', d.id, '02');
    await firstPagePng(raw, preview('02-supplement'));
    for (const s of [...NATIONAL, ...DESK_HEADER]) expect(t).toContain(s);
    expect(t).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(t).toContain('Đà Nẵng, ngày 03 tháng 3 năm 2026');
    expect(t).toContain(`Mã hồ sơ: ${d.code}`);
    expect(t).toContain('1. Bản sao Giấy khai sinh (bản có chứng thực).');
    expect(t).toContain('2. Giấy xác nhận nơi cư trú trước đây.');
    expect(t).toContain('NGƯỜI HƯỚNG DẪN');
  });

  it('form 03: a dossier refused at reception has no code, no receipt and no control sheet, and the refusal states the reason', async () => {
    const d = await counter('2026-03-02 10:30');
    const r = await w.act('haichau.tiepnhan', d.id, { actionId: 'receptionRefuse', version: d.version, reason: 'Thủ tục không thuộc thẩm quyền của UBND phường' });
    expect(r.statusCode).toBe(200);
    expect((await pdf('haichau.tiepnhan', d.id, '01')).statusCode).toBe(404);
    expect((await pdf('haichau.tiepnhan', d.id, '06')).statusCode).toBe(404);
    const { text: t, raw } = await text('048185000002', d.id, '03');
    await firstPagePng(raw, preview('03-refusal'));
    for (const s of [...NATIONAL, ...DESK_HEADER]) expect(t).toContain(s);
    expect(t).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(t.replace(/\s+/g, ' ')).toContain(`Số tham chiếu: ${d.id}`);
    expect(t).toContain('Thủ tục không thuộc thẩm quyền của UBND phường');
    expect(t).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
  });

  it('form 05: the notice of stopping gives the date and the reason', async () => {
    const d = await receive(await counter('2026-03-02 11:00'));
    w.at('2026-03-03 14:00');
    const r = await w.act('haichau.lanhdao', d.id, { actionId: 'stop', version: d.version, reason: 'Người yêu cầu cung cấp thông tin không trung thực' });
    expect(r.statusCode).toBe(200);
    const { text: t, raw } = await text('haichau.tiepnhan', d.id, '05');
    await firstPagePng(raw, preview('05-stop'));
    const flat = t.replace(/\s+/g, ' ');
    expect(t).toContain('THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ');
    expect(t).toContain('Đà Nẵng, ngày 03 tháng 3 năm 2026');
    expect(t).toContain(`Mã hồ sơ: ${d.code}`);
    expect(flat).toContain('dừng giải quyết hồ sơ nêu trên kể từ 14 giờ 00 phút, ngày 03/03/2026.');
    expect(flat).toContain('Lý do: Người yêu cầu cung cấp thông tin không trung thực');
  });
});
