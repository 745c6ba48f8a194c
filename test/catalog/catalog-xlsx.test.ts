import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogModule, demoCatalog, getProcedure, getPublishedProcedure } from '../../src/modules/catalog/index.js';
import { workflowModule } from '../../src/modules/workflow/index.js';
import { addAccount, login, type Session } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDialect } from '../support/db.js';

function multipart(data: Buffer, filename = 'danh-muc.xlsx') {
  const boundary = '----egov-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function load(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** Sets the cell under the header `header` on spreadsheet row `row`. */
function setCell(ws: ExcelJS.Worksheet, header: string, row: number, value: ExcelJS.CellValue): void {
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const col = headers.indexOf(header);
  if (col < 1) throw new Error(`no column ${header}`);
  ws.getRow(row).getCell(col).value = value;
}

async function save(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe(`catalogue spreadsheets on ${testDialect}`, () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp([workflowModule, catalogModule], undefined, {}, { seedDemo: true });
    await addAccount(t, 'quantri', [{ role: 'systemAdmin', scopeKind: 'system', scopeCode: '*' }]);
    admin = await login(t, 'quantri');
  });
  afterAll(async () => {
    await t.close();
  });

  const exportFile = async (): Promise<Buffer> => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/catalog/export', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    return res.rawPayload;
  };
  const importFile = (data: Buffer, query = '') => {
    const body = multipart(data);
    return t.app.inject({ method: 'POST', url: `/api/v1/catalog/import${query}`, headers: { ...admin.headers, 'content-type': body.contentType }, payload: body.payload });
  };

  it('exports the catalogue as a workbook with three sheets that exceljs reads back', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/catalog/export', headers: admin.headers });
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = await load(res.rawPayload);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Thủ tục', 'Thành phần hồ sơ', 'Phí, lệ phí']);
    const [procedures, documents, fees] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet, ExcelJS.Worksheet];
    // A header row, then one row per procedure (19), per document and per fee item.
    expect(procedures.rowCount).toBe(1 + 19);
    expect(documents.rowCount).toBe(1 + demoCatalog.reduce((n, p) => n + p.documents.length, 0));
    expect(fees.rowCount).toBe(1 + demoCatalog.reduce((n, p) => n + p.fees.length, 0));
    expect(procedures.getRow(1).getCell(1).value).toBe('Mã thủ tục');
    // Sorted by code, kept as text so that trailing zeros survive: 1.000656 (death registration) first.
    expect(procedures.getRow(2).getCell(1).value).toBe('1.000656');
    expect(procedures.getRow(2).getCell(4).value).toBe('Đăng ký khai tử');
  });

  it('reads its own export back unchanged: nothing is saved', async () => {
    const res = await importFile(await exportFile());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ dryRun: false, applied: true, procedures: 19, created: 0, newVersions: 0, editedDrafts: 0, unchanged: 19, published: 0, errors: [] });
    expect((await getPublishedProcedure(t.database.db, '2.000884'))?.version).toBe(1);
  });

  it('turns an edited row into a new version, published because its status says so; a dry run saves nothing', async () => {
    const wb = await load(await exportFile());
    const ws = wb.getWorksheet('Thủ tục') as ExcelJS.Worksheet;
    const row = (ws.getColumn(1).values as unknown[]).indexOf('2.000884');
    setCell(ws, 'Tên thủ tục', row, 'Chứng thực chữ ký trong giấy tờ, văn bản (sửa đổi)');
    const file = await save(wb);

    const dry = await importFile(file, '?dryRun=true');
    expect(dry.json()).toMatchObject({ dryRun: true, applied: false, newVersions: 1, unchanged: 18, published: 1, errors: [] });
    expect((await getPublishedProcedure(t.database.db, '2.000884'))?.version).toBe(1);

    const real = await importFile(file);
    expect(real.json()).toMatchObject({ applied: true, newVersions: 1, unchanged: 18, published: 1 });
    expect(await getPublishedProcedure(t.database.db, '2.000884')).toMatchObject({ version: 2, name: { vi: 'Chứng thực chữ ký trong giấy tờ, văn bản (sửa đổi)' } });
    expect(await getProcedure(t.database.db, '2.000884', 1)).toMatchObject({ status: 'retired', name: { vi: 'Chứng thực chữ ký trong các giấy tờ, văn bản' } });
  });

  it('reports exactly the malformed cells, with sheet, row and column, and saves nothing', async () => {
    const wb = await load(await exportFile());
    setCell(wb.getWorksheet('Thủ tục') as ExcelJS.Worksheet, 'Trạng thái', 3, 'active');
    setCell(wb.getWorksheet('Thành phần hồ sơ') as ExcelJS.Worksheet, 'Dung lượng tối đa (byte)', 5, 'nhiều');
    const res = await importFile(await save(wb));
    expect(res.statusCode).toBe(400);
    const problem = res.json();
    expect(problem.report.errors).toEqual([
      { sheet: 'procedures', row: 3, column: 'status', message: { vi: 'Cột "status" phải là một trong: draft, published, retired.', en: 'Column "status" must be one of: draft, published, retired.' } },
      { sheet: 'documents', row: 5, column: 'maxSizeBytes', message: { vi: 'Cột "maxSizeBytes" phải là số nguyên.', en: 'Column "maxSizeBytes" must be an integer.' } },
    ]);
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual(['/file/procedures/3/status', '/file/documents/5/maxSizeBytes']);
    expect(problem.report.applied).toBe(false);
  });

  it('reports catalogue rule violations at the row and column that hold them, and saves nothing', async () => {
    const wb = await load(await exportFile());
    // Row 2 of the documents sheet is the first document of the first procedure (1.000656);
    // row 4 of the procedures sheet is the third procedure by code (1.001193).
    setCell(wb.getWorksheet('Thành phần hồ sơ') as ExcelJS.Worksheet, 'Mã giấy tờ', 2, 'Giấy Tờ Sai');
    setCell(wb.getWorksheet('Thủ tục') as ExcelJS.Worksheet, 'Quy trình nội bộ', 4, 'khong-co');
    const file = await save(wb);
    const res = await importFile(file);
    expect(res.statusCode).toBe(400);
    expect(res.json().report.errors).toEqual([
      { sheet: 'documents', row: 2, column: 'id', path: '/documents/0/id', message: { vi: 'Mã giấy tờ phải là chữ thường, số và dấu "-".', en: 'A document id must use lower-case letters, digits and "-".' } },
      { sheet: 'procedures', row: 4, column: 'workflowKey', path: '/workflowKey', message: { vi: 'Quy trình "khong-co" không tồn tại.', en: 'Workflow "khong-co" does not exist.' } },
    ]);
    expect((await getPublishedProcedure(t.database.db, '1.001193'))?.workflowKey).toBe('standard-one-stop');
    // A dry run reports the same errors in a 200 answer.
    const dry = await importFile(file, '?dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json().errors).toHaveLength(2);
  });

  it('refuses a file that is not a workbook', async () => {
    const res = await importFile(Buffer.from('code,version\n1.001193,1\n'));
    expect(res.statusCode).toBe(400);
    expect(res.json().report.errors[0].message.en).toBe('The file is not a valid XLSX workbook.');
  });
});
