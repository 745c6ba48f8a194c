/**
 * Statistics tables as XLSX workbooks laid out as a report an office files: the title, the
 * scope, the period, when it was generated, Vietnamese headers, the lines and a totals line.
 */
import { loadExcel } from '../../platform/lazy.js';
import type { ReportTable } from './report-tables.js';

/** The header block of a report. */
export interface ReportHeading {
  scope: string;
  period: string;
  /** Already formatted in Vietnam local time. */
  generatedAt: string;
}

const BORDER = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } } as const;

/** One table as a workbook (numbers stay numbers, percentages as 0.00 %). */
export async function reportWorkbook(table: ReportTable, heading: ReportHeading, now: Date): Promise<Buffer> {
  // Loaded on first use: exceljs is a third of the server's start-up time (bench P7).
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'egov';
  workbook.created = now;
  workbook.modified = now;
  const ws = workbook.addWorksheet('Bao cao', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const last = table.columns.length;
  const banner = (row: number, text: string, bold: boolean, size: number) => {
    ws.mergeCells(row, 1, row, last);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = { bold, size };
    cell.alignment = { horizontal: 'center' };
  };
  banner(1, table.title, true, 14);
  banner(2, `Phạm vi: ${heading.scope}`, false, 11);
  banner(3, `Kỳ báo cáo: ${heading.period}`, false, 11);
  banner(4, `Thời điểm lập: ${heading.generatedAt}`, false, 10);
  const head = ws.getRow(6);
  table.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    ws.getColumn(i + 1).width = c.width;
  });
  const put = (rowNumber: number, cells: readonly (string | number | null)[], bold: boolean) => {
    const row = ws.getRow(rowNumber);
    cells.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      const kind = table.columns[i]?.kind ?? 'text';
      cell.value = value;
      if (typeof value === 'number') cell.numFmt = kind === 'percent' ? '0.00%' : kind === 'count' ? '#,##0' : '#,##0.00';
      cell.border = BORDER;
      if (bold) cell.font = { bold: true };
      cell.alignment = { vertical: 'top', wrapText: kind === 'text' };
    });
  };
  table.rows.forEach((cells, r) => put(7 + r, cells, false));
  if (table.totals) put(7 + table.rows.length, table.totals, true);
  ws.views = [{ state: 'frozen', ySplit: 6 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
