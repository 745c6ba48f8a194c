/**
 * The tracking book (form 07) as an XLSX workbook, for desks that keep or total it in a
 * spreadsheet: the same columns and lines as the PDF, under the title and the period.
 */
import { loadExcel } from '../../platform/lazy.js';
import { agencyName } from './domain/common.js';
import { FORM_TITLES } from './domain/model.js';
import { periodText, TRACKING_COLUMNS, trackingRows, type TrackingBookInput } from './domain/tracking-book.js';

/** The workbook of one desk's book for one period. */
export async function trackingBookWorkbook(input: TrackingBookInput): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'egov';
  workbook.created = input.now;
  workbook.modified = input.now;
  const ws = workbook.addWorksheet('So theo doi ho so', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const last = TRACKING_COLUMNS.length;
  const banner = (row: number, text: string, bold: boolean, size: number) => {
    ws.mergeCells(row, 1, row, last);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = { bold, size };
    cell.alignment = { horizontal: 'center' };
  };
  banner(1, agencyName(input.agencies, input.agencyCode), false, 11);
  banner(2, FORM_TITLES['07'].vi, true, 14);
  banner(3, `${periodText(input.from, input.to)} – Quầy tiếp nhận ${input.deskCode}`, false, 11);
  const head = ws.getRow(5);
  TRACKING_COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.title;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    ws.getColumn(i + 1).width = Math.max(6, c.weight * 1.6);
  });
  trackingRows(input).forEach((cells, r) => {
    const row = ws.getRow(6 + r);
    cells.forEach((text, i) => {
      const cell = row.getCell(i + 1);
      // Numbers stay numbers so the sheet can total them.
      cell.value = i === 0 || i === 3 ? Number(text) : text;
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    });
  });
  ws.views = [{ state: 'frozen', ySplit: 5 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
