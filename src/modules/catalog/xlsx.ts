/**
 * The catalogue as an XLSX workbook: three sheets (procedures, documents, fees) whose columns
 * are `procedureColumns`, `documentColumns` and `feeColumns`; row 1 holds the Vietnamese
 * header (the English header and the column key are in the cell's note); data start on row 2.
 * Reading accepts the Vietnamese header, the English header or the key, in any order.
 */
import type ExcelJS from 'exceljs';
import { loadExcel } from '../../platform/lazy.js';
import { normalizeForSearch } from '../registry/index.js';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.js';
import { listPublishedKeys } from '../workflow/index.js';
import type { Bilingual, Procedure } from './domain/types.js';
import { documentColumns, feeColumns, procedureColumns, toRows, type CatalogSheets, type Cell, type ColumnSpec, type Row } from './domain/rows.js';
import { fromRows } from './domain/rows-parse.js';
import { validateProcedure } from './domain/validate-procedure.js';
import { nextVersion } from './domain/versioning.js';
import { createProcedure, findLatest, listLatestVersions, publishProcedure, saveProcedure, type Stamp } from './store.js';

type SheetKey = keyof CatalogSheets;

/** Sheet names and columns, in workbook order. */
export const SHEETS: readonly { key: SheetKey; name: string; nameEn: string; columns: readonly ColumnSpec[] }[] = [
  { key: 'procedures', name: 'Thủ tục', nameEn: 'Procedures', columns: procedureColumns },
  { key: 'documents', name: 'Thành phần hồ sơ', nameEn: 'Documents', columns: documentColumns },
  { key: 'fees', name: 'Phí, lệ phí', nameEn: 'Fees', columns: feeColumns },
];

/** A problem in a workbook cell; `row` is the row number the admin sees (header = 1). */
export interface WorkbookError {
  sheet: SheetKey;
  row: number;
  column?: string;
  /** JSON pointer into the procedure, for catalogue rule violations. */
  path?: string;
  message: Bilingual;
}

/** The three sheets read from a workbook, and the spreadsheet row number of every row. */
export interface ReadWorkbook {
  sheets: CatalogSheets;
  rowNumbers: Record<SheetKey, number[]>;
}

/** Writes the three sheets as an XLSX file. */
export async function writeWorkbook(sheets: CatalogSheets): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'egov';
  for (const spec of SHEETS) {
    const ws = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = spec.columns.map((c) => ({ key: c.key, width: Math.min(40, Math.max(12, c.header.vi.length + 2)) }));
    const header = ws.getRow(1);
    spec.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header.vi;
      cell.note = `${c.header.en} [${c.key}]`;
      cell.font = { bold: true };
    });
    for (const row of sheets[spec.key]) {
      // Codes such as 1.001193 stay text: a number would lose trailing zeros.
      ws.addRow(spec.columns.map((c) => row[c.key] ?? null));
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellValue(v.result);
    if (typeof v.text === 'string') return v.text;
    if (v.error !== undefined) return String(v.error);
  }
  return String(value);
}

function findSheet(workbook: ExcelJS.Workbook, spec: (typeof SHEETS)[number], index: number): ExcelJS.Worksheet | undefined {
  const wanted = [spec.name, spec.nameEn, spec.key].map(normalizeForSearch);
  return workbook.worksheets.find((ws) => wanted.includes(normalizeForSearch(ws.name))) ?? workbook.worksheets[index];
}

const notice = (sheet: SheetKey, row: number, vi: string, en: string, column?: string): WorkbookError => ({ sheet, row, ...(column ? { column } : {}), message: { vi, en } });

/**
 * Reads the three sheets of a catalogue workbook into rows keyed by column key, skipping
 * empty rows but remembering every row's number. A file that is not XLSX, a missing sheet
 * or a missing column is reported as an error instead.
 */
export async function readWorkbook(data: Buffer): Promise<{ ok: true; read: ReadWorkbook } | { ok: false; errors: WorkbookError[] }> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    // exceljs's type for load() predates Node's generic Buffer; the bytes are what it wants.
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { ok: false, errors: [notice('procedures', 1, 'Tệp không phải bảng tính XLSX hợp lệ.', 'The file is not a valid XLSX workbook.')] };
  }
  const errors: WorkbookError[] = [];
  const sheets: CatalogSheets = { procedures: [], documents: [], fees: [] };
  const rowNumbers: Record<SheetKey, number[]> = { procedures: [], documents: [], fees: [] };
  SHEETS.forEach((spec, index) => {
    const ws = findSheet(workbook, spec, index);
    if (!ws) {
      errors.push(notice(spec.key, 1, `Thiếu trang "${spec.name}".`, `The sheet "${spec.nameEn}" is missing.`));
      return;
    }
    const byHeader = new Map<string, string>();
    for (const c of spec.columns) for (const h of [c.key, c.header.vi, c.header.en]) byHeader.set(normalizeForSearch(h), c.key);
    const keys = (ws.getRow(1).values as unknown[]).slice(1).map((v) => byHeader.get(normalizeForSearch(String(cellValue(v) ?? ''))));
    for (const c of spec.columns) {
      if (!keys.includes(c.key)) errors.push(notice(spec.key, 1, `Trang "${spec.name}" thiếu cột "${c.header.vi}".`, `Sheet "${spec.nameEn}" has no column "${c.header.en}".`, c.key));
    }
    for (let r = 2; r <= ws.rowCount; r++) {
      const values = (ws.getRow(r).values as unknown[]).slice(1).map(cellValue);
      if (values.every((v) => v === null || (typeof v === 'string' && v.trim() === ''))) continue;
      const row: Row = {};
      keys.forEach((key, i) => {
        if (key !== undefined) row[key] = values[i] ?? null;
      });
      sheets[spec.key].push(row);
      rowNumbers[spec.key].push(r);
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, read: { sheets, rowNumbers } };
}

// --- import and export of the whole catalogue --------------------------------------------

/** What an import did (or, as a dry run, would do). */
export interface ImportReport {
  dryRun: boolean;
  /** False when any error was found: then nothing at all was saved. */
  applied: boolean;
  procedures: number;
  created: number;
  newVersions: number;
  editedDrafts: number;
  unchanged: number;
  published: number;
  errors: WorkbookError[];
}

function codeText(value: Cell | undefined): string {
  // As in fromRows: a spreadsheet may have turned 2.000720 into the number 2.00072.
  return typeof value === 'number' ? value.toFixed(6) : String(value ?? '').trim();
}

function unescapePointer(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

const bilingualColumn = (base: string, lang: string | undefined) => `${base}${lang === 'en' ? 'En' : 'Vi'}`;

/**
 * Where a catalogue issue of procedure `p` sits in the workbook: the procedures row, or the
 * documents/fees row of the item the JSON pointer names, and the column holding the value.
 */
export function locateIssue(read: ReadWorkbook, procedureIndex: number, code: string, version: number, path: string): Omit<WorkbookError, 'message'> {
  const [head = '', index, member, sub] = path.split('/').slice(1).map(unescapePointer);
  const itemRow = (sheet: 'documents' | 'fees'): number | undefined => {
    const wanted = Number(index);
    let seen = 0;
    for (let i = 0; i < read.sheets[sheet].length; i++) {
      const row = read.sheets[sheet][i] as Row;
      if (codeText(row.procedureCode) !== code || Number(row.procedureVersion) !== version) continue;
      if (seen === wanted) return read.rowNumbers[sheet][i];
      seen++;
    }
    return undefined;
  };
  if ((head === 'documents' || head === 'fees') && index !== undefined && /^\d+$/.test(index)) {
    const row = itemRow(head);
    if (row !== undefined) {
      let column = member;
      if (member === 'name' || member === 'note') column = bilingualColumn(member, sub);
      else if (member === 'rule') column = sub === 'kind' ? 'ruleKind' : sub;
      return { sheet: head, row, ...(column ? { column } : {}), path };
    }
  }
  const row = read.rowNumbers.procedures[procedureIndex] ?? 2;
  let column: string | undefined = head;
  if (head === 'name') column = bilingualColumn('name', index);
  else if (head === 'result') column = bilingualColumn('result', member);
  else if (head === 'deadline') column = index === 'value' ? 'deadlineValue' : index === 'cutoffTime' ? 'deadlineCutoffTime' : 'deadlineUnit';
  else if (head === 'documents' || head === 'fees') column = 'code';
  return { sheet: 'procedures', row, ...(column ? { column } : {}), path };
}

type Plan = { procedure: Procedure; kind: 'created' | 'newVersion' | 'editedDraft' | 'unchanged'; publish: boolean };

/**
 * Imports a catalogue workbook, all or nothing: every row is read and every procedure is
 * checked (cell shapes, catalogue rules, published workflow, version it was based on) before
 * anything is saved; with any error nothing is saved and every error is reported with its
 * sheet, row and column. A procedure whose code is new is created at version 1; an existing
 * one is edited as `nextVersion` says (its `version` cell must be the latest stored version).
 * A row whose status is `published` has its resulting draft published, retiring the version
 * published before; other statuses leave it a draft. Run it inside a transaction.
 */
export async function importCatalogWorkbook(db: Kysely<PlatformTables>, data: Buffer, stamp: Stamp, options: { dryRun?: boolean } = {}): Promise<ImportReport> {
  const report: ImportReport = { dryRun: options.dryRun ?? false, applied: false, procedures: 0, created: 0, newVersions: 0, editedDrafts: 0, unchanged: 0, published: 0, errors: [] };
  const loaded = await readWorkbook(data);
  if (!loaded.ok) return { ...report, errors: loaded.errors };
  const read = loaded.read;
  const parsed = fromRows(read.sheets);
  if (!parsed.ok) {
    report.errors = parsed.errors.map((e) => ({ ...e, row: read.rowNumbers[e.sheet][e.row - 2] ?? e.row }));
    return report;
  }
  const workflows = await listPublishedKeys(db);
  const plans: Plan[] = [];
  for (const [i, p] of parsed.procedures.entries()) {
    const fail = (path: string, message: Bilingual) => report.errors.push({ ...locateIssue(read, i, p.code, p.version, path), message });
    const existing = await findLatest(db, p.code);
    let plan: Plan;
    if (!existing) {
      plan = { procedure: { ...p, version: 1, status: 'draft' }, kind: 'created', publish: false };
    } else {
      const next = nextVersion(existing.procedure, p);
      if (!next.ok) {
        fail(next.error.code === 'STALE_VERSION' ? '/version' : '/code', next.error.message);
        continue;
      }
      plan = { procedure: next.procedure, kind: next.outcome, publish: false };
    }
    plan.publish = p.status === 'published' && plan.procedure.status === 'draft';
    if (plan.kind !== 'unchanged' || plan.publish) {
      const checked = validateProcedure(plan.procedure, { knownWorkflowKeys: workflows });
      if (!checked.ok) for (const issue of checked.issues) fail(issue.path, issue.message);
    }
    plans.push(plan);
  }
  report.procedures = parsed.procedures.length;
  for (const plan of plans) {
    report[plan.kind === 'created' ? 'created' : plan.kind === 'newVersion' ? 'newVersions' : plan.kind === 'editedDraft' ? 'editedDrafts' : 'unchanged']++;
    if (plan.publish) report.published++;
  }
  if (report.errors.length > 0 || report.dryRun) return report;
  for (const [i, plan] of plans.entries()) {
    // The file's own version and status are what saveProcedure compares against.
    const p = parsed.procedures[i] as Procedure;
    let version = plan.procedure.version;
    if (plan.kind === 'created') version = (await createProcedure(db, plan.procedure, stamp)).stored.procedure.version;
    else if (plan.kind !== 'unchanged') version = (await saveProcedure(db, p.code, p, stamp)).stored.procedure.version;
    if (plan.publish) await publishProcedure(db, p.code, version, stamp);
  }
  report.applied = true;
  return report;
}

/** The latest version of every procedure as a catalogue workbook (what `importCatalogWorkbook` reads back). */
export async function exportCatalogWorkbook(db: Kysely<PlatformTables>): Promise<{ data: Buffer; procedures: number }> {
  const procedures = (await listLatestVersions(db)).map((s) => s.procedure);
  return { data: await writeWorkbook(toRows(procedures)), procedures: procedures.length };
}
