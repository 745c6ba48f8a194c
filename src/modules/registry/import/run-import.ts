import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadExcel } from '../../../platform/lazy.js';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit.js';
import type { PlatformServices } from '../../../platform/context.js';
import { asPlatformDb } from '../../../platform/db/database.js';
import type { AdminUnit } from '../domain/admin-units.js';
import type { Agency } from '../domain/agencies.js';
import type { CitizenRecord, OrganizationRecord } from '../domain/people.js';
import { upsertCitizens, upsertOfficial, upsertOrganizations, type UpsertCounts } from '../store-people.js';
import { upsertAgencies, upsertUnits } from '../store-places.js';
import { registryDb, type RegistryDb } from '../tables.js';
import { naturalKey, parseRow, type ImportKind, type ImportRecord, type OfficialImport, type RowError } from './kinds.js';
import { countCsvRows, isXlsx, readTable } from './read-table.js';

/**
 * Valid rows are written in batches of this many, each batch in one transaction. Every
 * commit rewrites the index pages its rows touch (identification numbers and names arrive
 * in random order), so few large batches write far less than many small ones: 1,000,000
 * citizens took about 74 s in batches of 2,000 and 48 s in batches of 20,000 on SQLite
 * (bench P8, 2 cores). A batch holds the connection for about a second.
 */
const BATCH_ROWS = 20_000;

export interface ImportResult {
  id: string;
  kind: ImportKind;
  totalRows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** The first errors (all are in the report files). */
  errors: RowError[];
  /** Paths of the row-by-row error report (XLSX and CSV), when there were errors. */
  report?: { xlsx: string; csv: string };
}

export interface ImportOptions {
  kind: ImportKind;
  path: string;
  fileName: string;
  actor: AuditActor;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Imports a CSV or XLSX file of registry records: validates every row, writes valid rows in
 * batches (upsert by natural key, so re-importing the same file changes nothing), and
 * writes a row-by-row error report with Vietnamese reasons. One audit row records the run.
 */
export async function runImport(services: PlatformServices, options: ImportOptions): Promise<ImportResult> {
  const db = registryDb(services.db);
  const id = services.newId();
  const startedAt = services.clock.now().toISOString();
  await db.insertInto('import_runs').values({ id, kind: options.kind, file_name: options.fileName, status: 'running', total_rows: 0, inserted: 0, updated: 0, unchanged: 0, failed: 0, actor_id: options.actor.id, started_at: startedAt, finished_at: null }).execute();

  const today = new Date(services.clock.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const units = await db.selectFrom('admin_units').select('code').where('valid_from', '<=', today).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)])).execute();
  const ctx = { unitCodes: new Set(units.map((u) => u.code)) };
  const total = (await isXlsx(options.path)) ? 0 : countCsvRows(options.path);

  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  let batch: ImportRecord[] = [];
  let rows = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    const c = await db.transaction().execute((trx) => writeBatch(trx, services, options.kind, current, errors));
    counts.inserted += c.inserted;
    counts.updated += c.updated;
    counts.unchanged += c.unchanged;
  };
  try {
    for await (const row of readTable(options.path)) {
      rows++;
      const parsed = parseRow(options.kind, row, ctx);
      if ('errors' in parsed) errors.push(...parsed.errors);
      else {
        const key = naturalKey(options.kind, parsed.record);
        const first = seen.get(key);
        if (first !== undefined) {
          errors.push({ row: row.row, column: '', value: key, reason: { vi: `Trùng với dòng ${first} trong cùng tệp`, en: `Duplicate of row ${first} in the same file` } });
        } else {
          seen.set(key, row.row);
          batch.push(parsed.record);
        }
      }
      if (batch.length >= BATCH_ROWS) await flush();
      if (rows % 1_000 === 0) options.onProgress?.(rows, Math.max(total, rows));
    }
    await flush();
  } catch (error) {
    await db.updateTable('import_runs').set({ status: 'failed', finished_at: services.clock.now().toISOString() }).where('id', '=', id).execute();
    throw error;
  }
  options.onProgress?.(rows, rows);

  const failedRows = new Set(errors.map((e) => e.row)).size;
  const report = errors.length > 0 ? await writeReport(join(services.config.dataDir, 'imports', id), errors) : undefined;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('import_runs')
      .set({ status: 'done', total_rows: rows, ...counts, failed: failedRows, finished_at: services.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    await recordAudit(asPlatformDb(trx), { actor: options.actor, action: `registry.import.${options.kind}`, target: { type: 'importRun', id }, summary: { file: options.fileName, rows, ...counts, failed: failedRows } }, services.clock.now(), services.newId);
  });
  return { id, kind: options.kind, totalRows: rows, ...counts, failed: failedRows, errors: errors.slice(0, 100), ...(report ? { report } : {}) };
}

async function writeBatch(db: RegistryDb, services: PlatformServices, kind: ImportKind, records: ImportRecord[], errors: RowError[]): Promise<UpsertCounts> {
  const now = services.clock.now().toISOString();
  switch (kind) {
    case 'citizens':
      return upsertCitizens(db, records as CitizenRecord[], now, services.newId);
    case 'organizations':
      return upsertOrganizations(db, records as OrganizationRecord[], now, services.newId);
    case 'units': {
      const r = await upsertUnits(db, records as AdminUnit[], now, services.newId);
      return { inserted: r.inserted, updated: r.updated, unchanged: 0 };
    }
    case 'agencies': {
      const r = await upsertAgencies(db, records as Agency[], now, services.newId);
      return { inserted: r.inserted, updated: r.updated, unchanged: 0 };
    }
    case 'officials':
      return writeOfficials(db, services, records as OfficialImport[], now, errors);
  }
}

async function writeOfficials(db: RegistryDb, services: PlatformServices, records: OfficialImport[], now: string, errors: RowError[]): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (const o of records) {
    const agency = await db.selectFrom('agencies').select('id').where('code', '=', o.agencyCode).executeTakeFirst();
    if (!agency) {
      errors.push({ row: 0, column: 'Mã cơ quan', value: o.agencyCode, reason: { vi: `Không có cơ quan ${o.agencyCode} (tài khoản ${o.username})`, en: `No agency ${o.agencyCode} (account ${o.username})` } });
      continue;
    }
    let account = await db.selectFrom('accounts').select('id').where('username', '=', o.username).executeTakeFirst();
    if (!account) {
      // Imported officials get no usable password: an administrator resets it to hand it over.
      account = { id: services.newId() };
      await db.insertInto('accounts').values({ id: account.id, username: o.username, password_hash: '!', display_name: o.fullName, kind: 'official', email: o.email, status: 'active', failed_logins: 0, locked_until: null, created_at: now, updated_at: now }).execute();
    }
    const outcome = await upsertOfficial(db, { accountId: account.id, fullName: o.fullName, agencyId: agency.id, position: o.position, email: o.email, phone: o.phone }, now, services.newId);
    const before = await db.selectFrom('account_roles').select(['role', 'scope_kind', 'scope_code']).where('account_id', '=', account.id).orderBy('role').execute();
    const same = before.length === o.grants.length && o.grants.every((g) => before.some((b) => b.role === g.role && b.scope_kind === g.scopeKind && b.scope_code === g.scopeCode));
    if (!same) {
      await db.deleteFrom('account_roles').where('account_id', '=', account.id).execute();
      if (o.grants.length) await db.insertInto('account_roles').values(o.grants.map((g) => ({ account_id: account.id, role: g.role, scope_kind: g.scopeKind, scope_code: g.scopeCode }))).execute();
    }
    counts[outcome === 'unchanged' && !same ? 'updated' : outcome] += 1;
  }
  return counts;
}

/** Writes the error report as XLSX and CSV: row, column, value, reason (vi), reason (en). */
async function writeReport(dir: string, errors: RowError[]): Promise<{ xlsx: string; csv: string }> {
  mkdirSync(dir, { recursive: true });
  const headers = ['Dòng / Row', 'Cột / Column', 'Giá trị / Value', 'Lý do', 'Reason'];
  const rows = [...errors].sort((a, b) => a.row - b.row).map((e) => [e.row, e.column, e.value, e.reason.vi, e.reason.en]);
  const csvCell = (v: string | number) => (/[",\n;]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const csv = join(dir, 'errors.csv');
  writeFileSync(csv, `\uFEFF${[headers, ...rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`);
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet('Lỗi nhập dữ liệu');
  ws.addRow(headers).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c, i) => (c.width = [10, 28, 24, 50, 50][i] ?? 20));
  const xlsx = join(dir, 'errors.xlsx');
  await wb.xlsx.writeFile(xlsx);
  return { xlsx, csv };
}
