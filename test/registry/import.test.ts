import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryModule, runRegistryImport } from '../../src/modules/registry/index.js';
import { createIdGenerator } from '../../src/platform/ids.js';
import { createLogger } from '../../src/platform/logger.js';
import type { PlatformServices } from '../../src/platform/context.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { login } from '../support/accounts.js';
import { testDialect } from '../support/db.js';

const dir = mkdtempSync(join(tmpdir(), 'egov-import-'));

// Rows worked out by hand:
//  2 ✓ 048090123456: 048 Đà Nẵng, digit 0 = male 1900s, "90" = 1990 → matches 1990 / Nam.
//  3 ✗ 04809012345: 11 digits.
//  4 ✓ 049195000777: 049 Quảng Nam, 1 = female 1900s, "95" → 1995 / Nữ.
//  5 ✗ 048290000001: digit 2 = male born 2000–2099, but born 1990 → century mismatch.
//  6 ✗ unit code 99999 does not exist.
//  7 ✗ date 31/02/1990 does not exist.
//  8 ✗ duplicate of row 2.
//  9 ✓ 001301000009: 001 Hà Nội, 3 = female 2000s, "01" → 2001 / Nữ; phone 0912345678.
// 10 ✗ phone 012345 is not a mobile number.
const CSV = [
  'Số định danh cá nhân,Họ và tên,Ngày sinh,Giới tính,Mã đơn vị hành chính,Địa chỉ,Số điện thoại,Thư điện tử',
  '048090123456,Trần Văn Nhập,15/05/1990,Nam,20242,12 Lê Lợi,,',
  '04809012345,Lê Thị Thiếu,01/01/1990,Nữ,20242,1 Hùng Vương,,',
  '049195000777,Phạm Thị Hội,1995-07-20,Nữ,20242,3 Trần Phú,,',
  '048290000001,Ngô Văn Thế,10/10/1990,Nam,20242,4 Bạch Đằng,,',
  '048091000002,Đỗ Văn Vùng,02/02/1991,Nam,99999,5 Quang Trung,,',
  '048190000003,Hà Thị Ngày,31/02/1990,Nữ,20242,6 Lý Tự Trọng,,',
  '048090123456,Trần Văn Nhập,15/05/1990,Nam,20242,12 Lê Lợi,,',
  '001301000009,Vũ Thị Thủ Đô,09/09/2001,Nữ,20242,7 Phan Châu Trinh,0912345678,vu@example.com',
  '048088000010,Mai Văn Số,08/08/1988,Nam,20242,8 Nguyễn Chí Thanh,012345,',
].join('\n');

describe(`registry import on ${testDialect}`, () => {
  let t: TestApp;
  let services: PlatformServices;
  beforeAll(async () => {
    t = await createTestApp([registryModule], undefined, { DATA_DIR: dir }, { seedDemo: true });
    services = { config: t.config, db: t.database.db, dialect: t.database.dialect, clock: t.clock, newId: createIdGenerator(t.clock), log: createLogger({ logLevel: 'silent', logFormat: 'json' }) };
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('imports the good rows and reports exactly the bad ones, with Vietnamese reasons', async () => {
    const file = join(dir, 'citizens.csv');
    writeFileSync(file, CSV);
    const r = await runRegistryImport(services, { kind: 'citizens', path: file, fileName: 'citizens.csv', actor: { id: null, label: 'test' } });
    expect(r).toMatchObject({ totalRows: 9, inserted: 3, updated: 0, unchanged: 0, failed: 6 });
    expect([...new Set(r.errors.map((e) => e.row))].sort((a, b) => a - b)).toEqual([3, 5, 6, 7, 8, 10]);
    const byRow = (row: number) => r.errors.filter((e) => e.row === row);
    expect(byRow(3)[0]).toMatchObject({ column: 'Số định danh cá nhân' });
    expect(byRow(5)[0]?.reason.vi).toMatch(/thế kỷ|năm sinh|giới tính/i);
    expect(byRow(6)[0]).toMatchObject({ column: 'Mã đơn vị hành chính', reason: { vi: 'Mã đơn vị hành chính không tồn tại' } });
    expect(byRow(7)[0]).toMatchObject({ column: 'Ngày sinh' });
    expect(byRow(8)[0]?.reason.vi).toBe('Trùng với dòng 2 trong cùng tệp');
    expect(byRow(10)[0]).toMatchObject({ column: 'Số điện thoại' });
    // The report files list the same rows.
    const csv = readFileSync(r.report?.csv ?? '', 'utf8').trim().split('\n').slice(1);
    expect(csv.map((l) => Number(l.split(',')[0])).sort((a, b) => a - b)).toEqual(byRowsSorted(r.errors.map((e) => e.row)));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.report?.xlsx ?? '');
    expect(wb.worksheets[0]?.rowCount).toBe(1 + r.errors.length);
    expect(String(wb.worksheets[0]?.getRow(1).getCell(4).value)).toBe('Lý do');
  });

  it('re-importing the same file changes nothing', async () => {
    const file = join(dir, 'citizens.csv');
    const before = await t.database.db.withTables<{ citizens: { id: string; updated_at: string } }>().selectFrom('citizens').select(['id', 'updated_at']).orderBy('id').execute();
    t.clock.advance({ minutes: 5 });
    const r = await runRegistryImport(services, { kind: 'citizens', path: file, fileName: 'citizens.csv', actor: { id: null, label: 'test' } });
    expect(r).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, failed: 6 });
    const after = await t.database.db.withTables<{ citizens: { id: string; updated_at: string } }>().selectFrom('citizens').select(['id', 'updated_at']).orderBy('id').execute();
    expect(after).toEqual(before);
  });

  it('a changed row in XLSX updates that record only (upsert by ID number)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Công dân');
    ws.addRow(['idNumber', 'fullName', 'dateOfBirth', 'sex', 'unitCode', 'street']);
    ws.addRow(['048090123456', 'Trần Văn Nhập', '15/05/1990', 'Nam', '20242', '99 Lê Lợi']);
    ws.addRow(['049195000777', 'Phạm Thị Hội', '20/07/1995', 'Nữ', '20242', '3 Trần Phú']);
    const file = join(dir, 'citizens.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await runRegistryImport(services, { kind: 'citizens', path: file, fileName: 'citizens.xlsx', actor: { id: null, label: 'test' } });
    expect(r).toMatchObject({ totalRows: 2, inserted: 0, updated: 1, unchanged: 1, failed: 0 });
    expect(r.report).toBeUndefined();
  });

  it('through the API: system admins only; the report downloads', async () => {
    const admin = await login(t, 'quantri', 'DaNang@2026');
    const ward = await login(t, 'haichau.quantri', 'DaNang@2026');
    const boundary = '----egovtest';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="c.csv"\r\nContent-Type: text/csv\r\n\r\n${CSV}\r\n--${boundary}--\r\n`;
    const headers = (s: { headers: Record<string, string> }) => ({ ...s.headers, 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/registry/imports/citizens', payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/registry/imports/citizens', payload: body, headers: headers(ward) })).statusCode).toBe(403);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/registry/imports/citizens', payload: body, headers: headers(admin) });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ totalRows: 9, failed: 6 });
    const report = await t.app.inject({ method: 'GET', url: res.json().reportCsv, headers: admin.headers });
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('Mã đơn vị hành chính không tồn tại');
    expect((await t.app.inject({ method: 'GET', url: res.json().reportCsv, headers: ward.headers })).statusCode).toBe(403);
    const run = await t.app.inject({ method: 'GET', url: `/api/v1/registry/imports/${res.json().id}`, headers: admin.headers });
    expect(run.json()).toMatchObject({ status: 'done', totalRows: 9, failed: 6, fileName: 'c.csv' });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/registry/imports/${res.json().id}`, headers: ward.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/registry/imports/${res.json().id}` })).statusCode).toBe(401);
  });
});

function byRowsSorted(rows: number[]): number[] {
  return [...rows].sort((a, b) => a - b);
}
