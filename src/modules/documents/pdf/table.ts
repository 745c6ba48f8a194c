/**
 * Ruled tables (the control sheet's hand-overs, the tracking book's lines): cells wrap,
 * rows never split across pages, and the header row is repeated on every page.
 */
import type { Block } from '../domain/model.js';
import { F, frame } from './fonts.js';

type Table = Extract<Block, { kind: 'table' }>;

const PAD = 3;
const SIZE = 9;

function rowHeight(doc: PDFKit.PDFDocument, cells: readonly string[], widths: readonly number[], font: string): number {
  doc.font(font).fontSize(SIZE);
  let h = 0;
  cells.forEach((c, i) => {
    h = Math.max(h, doc.heightOfString(c.normalize('NFC') || ' ', { width: (widths[i] ?? 20) - 2 * PAD, lineGap: 0.5 }));
  });
  return h + 2 * PAD;
}

function drawRow(doc: PDFKit.PDFDocument, table: Table, cells: readonly string[], widths: readonly number[], y: number, h: number, font: string): void {
  const { left } = frame(doc);
  let x = left;
  cells.forEach((c, i) => {
    const w = widths[i] ?? 20;
    doc.save().lineWidth(0.5).rect(x, y, w, h).stroke().restore();
    const align = font === F.condBold ? 'center' : (table.columns[i]?.align ?? 'left');
    doc.font(font).fontSize(SIZE).text(c.normalize('NFC'), x + PAD, y + PAD, { width: w - 2 * PAD, align, lineGap: 0.5 });
    x += w;
  });
}

/** Draws `table` from the current position across the page width, adding pages as needed. */
export function drawTable(doc: PDFKit.PDFDocument, table: Table): void {
  const { left, width } = frame(doc);
  const total = table.columns.reduce((s, c) => s + c.weight, 0);
  const widths = table.columns.map((c) => (c.weight / total) * width);
  const titles = table.columns.map((c) => c.title);
  const headerH = rowHeight(doc, titles, widths, F.condBold);
  let y = doc.y;
  const header = () => {
    drawRow(doc, table, titles, widths, y, headerH, F.condBold);
    y += headerH;
  };
  if (y + headerH * 2 > frame(doc).bottom) {
    doc.addPage();
    y = doc.y;
  }
  header();
  for (const row of table.rows) {
    const h = rowHeight(doc, row, widths, F.cond);
    if (y + h > frame(doc).bottom) {
      doc.addPage();
      y = doc.y;
      header();
    }
    drawRow(doc, table, row, widths, y, h, F.cond);
    y += h;
  }
  if (table.rows.length === 0) {
    const empty = ['Không có hồ sơ trong kỳ.'];
    const h = rowHeight(doc, empty, [width], F.cond);
    doc.save().lineWidth(0.5).rect(left, y, width, h).stroke().restore();
    doc.font(F.cond).fontSize(SIZE).text(empty[0] ?? '', left + PAD, y + PAD, { width: width - 2 * PAD, align: 'center' });
    y += h;
  }
  doc.x = left;
  doc.y = y + 4;
}
