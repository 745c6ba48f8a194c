import { describe, expect, it } from 'vitest';
import { documentColumns, feeColumns, procedureColumns, toRows } from './rows.js';
import { fromRows } from './rows-parse.js';
import { sampleProcedure } from './test-fixtures.js';

describe('toRows / fromRows', () => {
  it('gives back the same procedure after a round trip through the three sheets', () => {
    const sheets = toRows([sampleProcedure()]);
    expect(sheets.procedures).toHaveLength(1);
    expect(sheets.documents).toHaveLength(2);
    expect(sheets.fees).toHaveLength(1);
    expect(fromRows(sheets)).toEqual({ ok: true, procedures: [sampleProcedure()] });
  });

  it('writes fee tiers in a form an admin can edit by hand', () => {
    const fee = toRows([sampleProcedure()]).fees[0];
    expect(fee?.tiers).toBe('2:2000; *:1000');
    expect(fee?.max).toBe(200_000);
  });

  it('only uses keys that have a column with Vietnamese and English headers', () => {
    const sheets = toRows([sampleProcedure()]);
    const keys = (cols: readonly { key: string }[]) => cols.map((c) => c.key).sort();
    expect(Object.keys(sheets.procedures[0] ?? {}).sort()).toEqual(keys(procedureColumns));
    expect(Object.keys(sheets.documents[0] ?? {}).sort()).toEqual(keys(documentColumns));
    expect(Object.keys(sheets.fees[0] ?? {}).sort()).toEqual(keys(feeColumns));
  });

  it('restores a procedure code that the spreadsheet turned into a number', () => {
    // 2.000720 typed into a number cell becomes 2.00072; six decimals bring the code back.
    const sheets = toRows([{ ...sampleProcedure(), code: '2.000720' }]);
    sheets.procedures[0]!.code = 2.00072; // one procedure row was written
    for (const row of [...sheets.documents, ...sheets.fees]) row.procedureCode = 2.00072;
    const result = fromRows(sheets);
    expect(result.ok && result.procedures[0]?.code).toBe('2.000720');
    expect(result.ok && result.procedures[0]?.documents).toHaveLength(2);
  });

  it('reads yes/no in Vietnamese and numbers typed as text', () => {
    const sheets = toRows([sampleProcedure()]);
    sheets.procedures[0]!.supplementRestartsClock = 'có'; // one procedure row was written
    sheets.documents[0]!.originals = '2'; // two document rows were written
    const result = fromRows(sheets);
    expect(result.ok && result.procedures[0]?.supplementRestartsClock).toBe(true);
    expect(result.ok && result.procedures[0]?.documents[0]?.originals).toBe(2);
  });

  it('reports each bad cell with its sheet, spreadsheet row number and column', () => {
    const sheets = toRows([sampleProcedure()]);
    sheets.procedures[0]!.status = 'active'; // row 2 of the procedures sheet
    sheets.documents[1]!.maxSizeBytes = 1.5; // row 3 of the documents sheet
    sheets.fees[0]!.tiers = '2=2000'; // row 2 of the fees sheet
    const result = fromRows(sheets);
    expect(result.ok ? [] : result.errors).toEqual([
      {
        sheet: 'procedures',
        row: 2,
        column: 'status',
        message: { vi: 'Cột "status" phải là một trong: draft, published, retired.', en: 'Column "status" must be one of: draft, published, retired.' },
      },
      { sheet: 'documents', row: 3, column: 'maxSizeBytes', message: { vi: 'Cột "maxSizeBytes" phải là số nguyên.', en: 'Column "maxSizeBytes" must be an integer.' } },
      {
        sheet: 'fees',
        row: 2,
        column: 'tiers',
        message: { vi: 'Bậc "2=2000" phải có dạng đến:đơn giá (vd. 2:2000 hoặc *:1000).', en: 'Tier "2=2000" must be upTo:unit (e.g. 2:2000 or *:1000).' },
      },
    ]);
  });

  it('reports documents that belong to no procedure', () => {
    const sheets = toRows([sampleProcedure()]);
    sheets.documents[0]!.procedureVersion = 2; // row 2 of the documents sheet points at a version that is not there
    const result = fromRows(sheets);
    expect(result.ok ? [] : result.errors).toEqual([
      { sheet: 'documents', row: 2, column: 'procedureCode', message: { vi: 'Không có thủ tục 2.000908 phiên bản 2 trong trang thủ tục.', en: 'No procedure 2.000908 version 2 on the procedures sheet.' } },
    ]);
  });

  it('refuses the same procedure version twice', () => {
    const sheets = toRows([sampleProcedure(), sampleProcedure()]);
    const result = fromRows(sheets);
    expect(result.ok ? [] : result.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([['procedures', 3, 'code']]);
  });

  it('refuses e-form JSON that does not parse', () => {
    const sheets = toRows([sampleProcedure()]);
    sheets.procedures[0]!.eForm = '{"type": "object",'; // one procedure row was written
    const result = fromRows(sheets);
    expect(result.ok ? [] : result.errors.map((e) => e.message.en)).toEqual(['Column "eForm" is not valid JSON.']);
  });
});
