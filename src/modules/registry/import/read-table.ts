import { createReadStream, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { loadExcel } from '../../../platform/lazy.js';
import { removeDiacritics } from '../domain/search-text.js';

/** One data row of an uploaded table: its spreadsheet row number and cells by header key. */
export interface TableRow {
  /** 1-based row number as the user sees it in the file (the header is row 1). */
  row: number;
  cells: Record<string, string>;
}

/** `Số định danh` → `sodinhdanh`, `idNumber` → `idnumber`: headers compared loosely. */
export function headerKey(header: string): string {
  return removeDiacritics(header).replace(/đ/gi, 'd').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** True when the file is an XLSX workbook (a ZIP archive), judged by content, not name. */
export async function isXlsx(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(4);
    await fh.read(buf, 0, 4, 0);
    return buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
  } finally {
    await fh.close();
  }
}

/** Counts data rows of a CSV file cheaply (for progress), minus the header. */
export function countCsvRows(path: string): number {
  const text = readFileSync(path);
  let lines = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === 0x0a) lines++;
  if (text.length > 0 && text[text.length - 1] !== 0x0a) lines++;
  return Math.max(0, lines - 1);
}

/**
 * Reads a CSV (UTF-8, with or without BOM; comma or semicolon separated) or XLSX file as
 * rows keyed by normalized header, streaming CSV so that large files do not sit in memory.
 */
export async function* readTable(path: string): AsyncGenerator<TableRow> {
  if (await isXlsx(path)) {
    const workbook = new (await loadExcel()).Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0];
    if (!sheet) return;
    let headers: string[] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const values = sheet.getRow(r).values as unknown[];
      const cells = values.slice(1).map(cellText);
      if (r === 1) {
        headers = cells.map(headerKey);
        continue;
      }
      if (cells.every((c) => c === '')) continue;
      yield { row: r, cells: Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ''])) };
    }
    return;
  }
  const first = readFileSync(path, { encoding: 'utf8' }).slice(0, 2000).split('\n')[0] ?? '';
  const delimiter = (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
  const parser = createReadStream(path).pipe(parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: true }));
  let headers: string[] | undefined;
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    row++;
    if (!headers) {
      headers = record.map(headerKey);
      continue;
    }
    const hs = headers;
    yield { row, cells: Object.fromEntries(hs.map((h, i) => [h, record[i] ?? ''])) };
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('').trim();
    if (v.text !== undefined) return String(v.text).trim();
    if (v.result !== undefined) return String(v.result).trim();
  }
  return String(value).trim();
}
