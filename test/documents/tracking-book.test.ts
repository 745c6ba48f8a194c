import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEgov } from '../support/cli.js';
import { testDialect } from '../support/db.js';
import { dossierWorld, HAI_CHAU_DESK, type World } from '../support/dossiers.js';
import { firstPagePng, pdfText } from './pdf-tools.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const preview = (name: string) => (process.env.FORMS_PREVIEW_DIR ? join(process.env.FORMS_PREVIEW_DIR, `${name}.png`) : undefined);
const FORM = { fullName: 'Trần Thị Bích', dateOfBirth: '1985-11-20', idNumber: '048185000002', maritalStatus: 'divorced', purpose: 'Mua bán nhà', phone: '0935000002' };

/**
 * Form 07, the tracking book of the Hải Châu ward desk: the dossiers it received in a period
 * (refused ones were never received and are not in it), as PDF and XLSX; and `egov documents
 * render` writing forms to files.
 */
describe(`tracking book and egov documents render, on ${testDialect}`, () => {
  let w: World;
  const book = (who: string | null, query: string, ext = 'pdf', desk = HAI_CHAU_DESK) =>
    w.t.app.inject({ method: 'GET', url: `/api/v1/desks/${desk}/tracking-book.${ext}?${query}`, headers: who ? (w.s[who]?.headers ?? {}) : {} });
  const counter = async (at: string, receive: boolean) => {
    w.at(at);
    const c = await w.post('haichau.tiepnhan', '/api/v1/dossiers', { procedureCode: '1.004873', deskCode: HAI_CHAU_DESK, owner: { kind: 'citizen', number: '048185000002' }, formData: FORM, delivery: { method: 'counter' } });
    expect(c.statusCode).toBe(201);
    const r = receive
      ? await w.act('haichau.tiepnhan', c.json().id, { actionId: 'receive', version: c.json().version })
      : await w.act('haichau.tiepnhan', c.json().id, { actionId: 'receptionRefuse', version: c.json().version, reason: 'Không thuộc thẩm quyền' });
    expect(r.statusCode).toBe(200);
  };

  beforeAll(async () => {
    w = await dossierWorld('2026-03-02 08:00');
    // The demo dossiers were all received before the world's start (02/03): the book from
    // 09/03 holds only these.
    await counter('2026-03-09 09:30', true); // 000.05.50.H17-260309-0001, due Thu 12/03 09:30
    await counter('2026-03-09 10:00', false); // refused: no code, not in the book
    await counter('2026-03-10 14:00', true); // 000.05.50.H17-260310-0001, due Fri 13/03 14:00
    await counter('2026-04-01 08:00', true); // April: outside the book
    w.at('2026-04-02 09:00');
  }, 90_000);
  afterAll(async () => {
    await w.t.close();
  });

  it('the book of 09–31/03 lists the two dossiers received then, in order, with their appointments', async () => {
    const res = await book('haichau.tiepnhan', 'from=2026-03-09&to=2026-03-31');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    await firstPagePng(res.rawPayload, preview('07-tracking-book'));
    const { text } = await pdfText(res.rawPayload);
    const flat = text.replace(/\s+/g, ' ');
    expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Từ ngày 09/03/2026 đến ngày 31/03/2026');
    expect(text).toContain(`Quầy tiếp nhận: ${HAI_CHAU_DESK}`);
    // Printed on Thursday 02/04/2026.
    expect(text).toContain('Đà Nẵng, ngày 02 tháng 4 năm 2026');
    const first = flat.indexOf('000.05.50.H17-260309-0001');
    const second = flat.indexOf('000.05.50.H17-260310-0001');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(flat).not.toContain('260401');
    // Mon 09/03 09:30 + 3 working days = Thu 12/03 09:30; Tue 10/03 14:00 → Fri 13/03 14:00.
    // Date and time may wrap in their cells, so the parser's order within a line varies:
    // check each line's segment (received before appointment).
    const line1 = flat.slice(first, second);
    const line2 = flat.slice(second, flat.indexOf('Tổng số hồ sơ'));
    expect(line1).toMatch(/09\/03\/2026.*12\/03\/2026/);
    expect(line1).toContain('09:30');
    expect(line2).toMatch(/10\/03\/2026.*13\/03\/2026/);
    expect(line2).toContain('14:00');
    for (const line of [line1, line2]) expect(line).toContain('Trần Thị Bích');
    expect(flat).toContain('Tổng số hồ sơ: 2.');
  });

  it('the same book as XLSX has a title, a header row and one line per dossier', async () => {
    const res = await book('haichau.quantri', 'from=2026-03-09&to=2026-03-31', 'xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.getCell('A2').value).toBe('SỔ THEO DÕI HỒ SƠ');
    expect(ws?.getCell('B5').value).toBe('Mã hồ sơ');
    expect([ws?.getCell('A6').value, ws?.getCell('B6').value, ws?.getCell('H6').value]).toEqual([1, '000.05.50.H17-260309-0001', '12/03/2026 09:30']);
    expect([ws?.getCell('A7').value, ws?.getCell('B7').value]).toEqual([2, '000.05.50.H17-260310-0001']);
    expect(ws?.getCell('A8').value).toBeNull();
  });

  it('who may print the book: the desk\'s officials and admins 200, another agency 404, a citizen 403, anonymous 401', async () => {
    const q = 'from=2026-03-09&to=2026-03-31';
    expect((await book('haichau.lanhdao', q)).statusCode).toBe(200);
    expect((await book('quantri', q)).statusCode).toBe(200);
    expect((await book('sxd.chuyenvien', q)).statusCode).toBe(404);
    expect((await book('048185000002', q)).statusCode).toBe(403);
    expect((await book(null, q)).statusCode).toBe(401);
    expect((await book('quantri', q, 'pdf', 'MC-KHONG-CO')).statusCode).toBe(404);
  });

  it('a period that runs backwards or is not a date is refused with the field named', async () => {
    const backwards = await book('haichau.tiepnhan', 'from=2026-03-31&to=2026-03-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].field).toBe('/querystring/to');
    expect((await book('haichau.tiepnhan', 'from=2026-02-30&to=2026-03-01')).statusCode).toBe(400);
    expect((await book('haichau.tiepnhan', 'from=2026-03-01')).statusCode).toBe(400);
  });

  it('egov documents render writes the receipt of a dossier named by its code, and the book of its desk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'egov-docs-cli-'));
    try {
      const target = w.t.database.target;
      const env = { DATABASE_URL: target.dialect === 'sqlite' ? `sqlite:${target.file}` : target.url, SEED_DEMO: 'false', PUBLIC_URL: 'https://dichvucong.danang.gov.vn' };
      const out = join(dir, 'receipt.pdf');
      const r = await runEgov(['documents', 'render', '000.05.50.H17-260309-0001', '01', out], env, { timeoutMs: 120_000 });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^wrote .*receipt\.pdf \(form 01, \d+ bytes\)\n$/);
      const { text } = await pdfText(readFileSync(out));
      expect(text).toContain('Mã hồ sơ: 000.05.50.H17-260309-0001');
      expect(text.replace(/\s+/g, '')).toContain('https://dichvucong.danang.gov.vn/tra-cuu/000.05.50.H17-260309-0001?secret=');
      const xlsx = join(dir, 'book.xlsx');
      const b = await runEgov(['documents', 'render', HAI_CHAU_DESK, '07', xlsx, '--from', '2026-03-09', '--to', '2026-03-31'], env, { timeoutMs: 60_000 });
      expect(b.code, b.stderr).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
      expect(wb.worksheets[0]?.getCell('B7').value).toBe('000.05.50.H17-260310-0001');
      const missing = await runEgov(['documents', 'render', 'KHONG-CO', '01', join(dir, 'x.pdf')], env, { timeoutMs: 60_000 });
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('egov: no dossier with code or id "KHONG-CO"\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
