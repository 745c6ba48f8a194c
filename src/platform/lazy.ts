import type ExcelJS from 'exceljs';

/**
 * Heavy libraries that only some requests need are loaded on first use, not at start:
 * `exceljs` alone is about a third of the server's start-up time (bench P7).
 */
let excel: Promise<typeof ExcelJS> | undefined;

/** The `exceljs` module, loaded once on first use. */
export function loadExcel(): Promise<typeof ExcelJS> {
  excel ??= import('exceljs').then((m) => m.default);
  return excel;
}
