/**
 * All SQL of the catalogue, and the lifecycle of its entries: a new procedure is a draft at
 * version 1; a draft is edited in place; an edit of a published or retired version becomes
 * the next version as a draft (`nextVersion`); publishing retires the version published
 * before; retiring withdraws a published procedure. Every saved version passes
 * `validateProcedure`, with the published workflow keys as the known workflows. Every write
 * bumps the `catalog` revision counter (`catalogChanged`), so that every process reloads the
 * procedures it caches (index.ts).
 */
import type { Kysely } from 'kysely';
import { bumpRevision } from '../../platform/db/revision-cache.js';
import type { PlatformTables } from '../../platform/db/tables.js';
import { afterKey } from '../../platform/db/paging.js';
import { AppError } from '../../platform/errors.js';
import { normalizeForSearch, searchTokens } from '../registry/index.js';
import { listPublishedKeys } from '../workflow/index.js';
import type { CatalogIssue, OnlineServiceLevel, Procedure, ProcedureLevel, ProcedureStatus } from './domain/types.js';
import { validateProcedure } from './domain/validate-procedure.js';
import { nextVersion, publishVersion, type ProcedureChange } from './domain/versioning.js';
import { catalogDb, type CatalogTables } from './tables.js';

type Row = CatalogTables['catalog_procedures'];

/** The catalogue's revision counter (a row of the platform's `cache_revisions`). */
export const CATALOG_REVISION = 'catalog';

/** Counts a write of procedures; call in the write's transaction, after it. */
async function catalogChanged(db: Kysely<PlatformTables>, at: string): Promise<void> {
  await bumpRevision(db, CATALOG_REVISION, at);
}

/** One stored version of a procedure with its bookkeeping. */
export interface StoredProcedure {
  procedure: Procedure;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  publishedAt: string | null;
  publishedBy: string | null;
  retiredAt: string | null;
}

const COLUMNS = ['id', 'code', 'version', 'status', 'body', 'created_at', 'created_by', 'updated_at', 'published_at', 'published_by', 'retired_at'] as const;
type Selected = Pick<Row, (typeof COLUMNS)[number]>;

function storedOf(row: Selected): StoredProcedure {
  // Only procedures that passed validateProcedure are written; the columns are authoritative for version and status.
  const procedure = { ...(JSON.parse(row.body) as Procedure), version: Number(row.version), status: row.status };
  return {
    procedure,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    retiredAt: row.retired_at,
  };
}

function select(db: Kysely<PlatformTables>) {
  return catalogDb(db).selectFrom('catalog_procedures as p').select(COLUMNS.map((c) => `p.${c}` as const));
}

/** One version of a procedure, whatever its status. */
export async function findVersion(db: Kysely<PlatformTables>, code: string, version: number): Promise<StoredProcedure | undefined> {
  const row = await select(db).where('p.code', '=', code).where('p.version', '=', version).executeTakeFirst();
  return row ? storedOf(row) : undefined;
}

/** The highest version of a procedure, whatever its status. */
export async function findLatest(db: Kysely<PlatformTables>, code: string): Promise<StoredProcedure | undefined> {
  const row = await select(db).where('p.code', '=', code).orderBy('p.version', 'desc').limit(1).executeTakeFirst();
  return row ? storedOf(row) : undefined;
}

/** The published version of a procedure (at most one is published at a time). */
export async function findPublished(db: Kysely<PlatformTables>, code: string): Promise<StoredProcedure | undefined> {
  const row = await select(db).where('p.code', '=', code).where('p.status', '=', 'published').orderBy('p.version', 'desc').limit(1).executeTakeFirst();
  return row ? storedOf(row) : undefined;
}

/** Every version of a procedure, oldest first. */
export async function listVersions(db: Kysely<PlatformTables>, code: string): Promise<StoredProcedure[]> {
  return (await select(db).where('p.code', '=', code).orderBy('p.version').execute()).map(storedOf);
}

/** The latest version of every procedure, by code (what the spreadsheet export holds). */
export async function listLatestVersions(db: Kysely<PlatformTables>): Promise<StoredProcedure[]> {
  const rows = await select(db)
    .where('p.version', '=', (eb) => eb.selectFrom('catalog_procedures as q').select((e) => e.fn.max('q.version').as('v')).whereRef('q.code', '=', 'p.code'))
    .orderBy('p.code')
    .execute();
  return rows.map(storedOf);
}

/** Filters of a catalogue search. */
export interface SearchFilter {
  q?: string | undefined;
  fieldCode?: string | undefined;
  level?: ProcedureLevel | undefined;
  onlineLevel?: OnlineServiceLevel | undefined;
  status?: ProcedureStatus | undefined;
  /** Only the latest version of each code (admin lists); public lists use `status: 'published'`. */
  latestOnly?: boolean;
  after?: readonly (string | number)[] | undefined;
  limit: number;
}

/** The text a search matches against: tokens of the code and both names, with spaces at both ends. */
export function searchTextOf(p: Pick<Procedure, 'code' | 'name'>): string {
  return ` ${searchTokens(`${p.code} ${p.name.vi} ${p.name.en}`).join(' ')} `;
}

/**
 * Procedures matching the filter, ordered by normalized Vietnamese name, `limit + 1` rows
 * (for `toPage`). Every word of `q` must begin a word of the code or a name, ignoring case and
 * diacritics: "cap phep xay dung" finds "Cấp giấy phép xây dựng".
 */
export async function searchProcedures(db: Kysely<PlatformTables>, f: SearchFilter): Promise<(StoredProcedure & { nameSearch: string; id: string })[]> {
  let q = select(db).select('p.name_search');
  for (const token of searchTokens(f.q ?? '')) q = q.where('p.search_text', 'like', `% ${token}%`);
  if (f.fieldCode) q = q.where('p.field_code', '=', f.fieldCode);
  if (f.level) q = q.where('p.level', '=', f.level);
  if (f.onlineLevel) q = q.where('p.online_level', '=', f.onlineLevel);
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.latestOnly) {
    q = q.where('p.version', '=', (eb) => eb.selectFrom('catalog_procedures as q').select((e) => e.fn.max('q.version').as('v')).whereRef('q.code', '=', 'p.code'));
  }
  if (f.after) q = q.where(afterKey(['p.name_search', 'p.id'], f.after));
  const rows = await q.orderBy('p.name_search').orderBy('p.id').limit(f.limit + 1).execute();
  return rows.map((r) => ({ ...storedOf(r), nameSearch: r.name_search, id: r.id }));
}

/** Procedures whose dossiers the given agency (by code or type) may receive, published only. */
export async function publishedCodesReceivableBy(db: Kysely<PlatformTables>, agencyRefs: readonly string[]): Promise<string[]> {
  if (agencyRefs.length === 0) return [];
  const rows = await catalogDb(db)
    .selectFrom('catalog_procedures as p')
    .innerJoin('catalog_receiving_agencies as r', 'r.procedure_id', 'p.id')
    .select('p.code')
    .distinct()
    .where('p.status', '=', 'published')
    .where('r.agency_ref', 'in', [...agencyRefs])
    .orderBy('p.code')
    .execute();
  return rows.map((r) => r.code);
}

/** Who acts and when, for the bookkeeping columns. */
export interface Stamp {
  actorId: string | null;
  at: Date;
  newId: () => string;
}

function columnsOf(p: Procedure): Omit<Row, 'id' | 'created_at' | 'created_by' | 'updated_at' | 'published_at' | 'published_by' | 'retired_at'> {
  return {
    code: p.code,
    version: p.version,
    status: p.status,
    name_vi: p.name.vi,
    name_en: p.name.en,
    name_search: normalizeForSearch(p.name.vi),
    search_text: searchTextOf(p),
    field_code: p.fieldCode,
    level: p.level,
    online_level: p.onlineLevel,
    workflow_key: p.workflowKey,
    body: JSON.stringify(p),
  };
}

/** True when a database error is a unique-constraint violation (SQLite or PostgreSQL). */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Inserts a procedure version (status as given) with its receiving agencies. */
export async function insertVersion(db: Kysely<PlatformTables>, p: Procedure, stamp: Stamp): Promise<StoredProcedure> {
  const at = stamp.at.toISOString();
  const published = p.status === 'published';
  const row: Row = {
    id: stamp.newId(),
    ...columnsOf(p),
    created_at: at,
    created_by: stamp.actorId,
    updated_at: at,
    published_at: published ? at : null,
    published_by: published ? stamp.actorId : null,
    retired_at: null,
  };
  const cdb = catalogDb(db);
  try {
    await cdb.insertInto('catalog_procedures').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw staleVersion(p.code);
    throw error;
  }
  const refs = [...new Set(p.receivingAgencies)];
  if (refs.length > 0) await cdb.insertInto('catalog_receiving_agencies').values(refs.map((agency_ref) => ({ procedure_id: row.id, agency_ref }))).execute();
  await catalogChanged(db, at);
  return storedOf(row);
}

async function replaceDraft(db: Kysely<PlatformTables>, p: Procedure, at: Date): Promise<void> {
  const cdb = catalogDb(db);
  const row = await cdb.selectFrom('catalog_procedures').select('id').where('code', '=', p.code).where('version', '=', p.version).where('status', '=', 'draft').executeTakeFirst();
  if (!row) throw staleVersion(p.code);
  await cdb.updateTable('catalog_procedures').set({ ...columnsOf(p), updated_at: at.toISOString() }).where('id', '=', row.id).execute();
  await cdb.deleteFrom('catalog_receiving_agencies').where('procedure_id', '=', row.id).execute();
  const refs = [...new Set(p.receivingAgencies)];
  if (refs.length > 0) await cdb.insertInto('catalog_receiving_agencies').values(refs.map((agency_ref) => ({ procedure_id: row.id, agency_ref }))).execute();
  await catalogChanged(db, at.toISOString());
}

function staleVersion(code: string): AppError {
  return new AppError('STALE_VERSION', { detail: { vi: `Thủ tục ${code} vừa được người khác thay đổi; hãy tải lại.`, en: `Procedure ${code} was just changed by someone else; reload it.` } });
}

/** A 404 for an unknown procedure (or version). */
export function procedureNotFound(code: string, version?: number): AppError {
  return new AppError('NOT_FOUND', {
    detail:
      version === undefined
        ? { vi: `Không có thủ tục ${code}.`, en: `There is no procedure ${code}.` }
        : { vi: `Không có thủ tục ${code} phiên bản ${version}.`, en: `There is no procedure ${code} version ${version}.` },
  });
}

/** Checks a procedure against the catalogue rules and the workflows published now. */
export async function checkProcedure(db: Kysely<PlatformTables>, p: Procedure): Promise<CatalogIssue[]> {
  const result = validateProcedure(p, { knownWorkflowKeys: await listPublishedKeys(db) });
  return result.ok ? [] : result.issues;
}

/** Catalogue issues as a 400 problem with JSON pointers into the request body. */
export function procedureInvalid(issues: readonly CatalogIssue[]): AppError {
  return new AppError('VALIDATION_FAILED', {
    detail: { vi: `Thủ tục có ${issues.length} lỗi cần sửa; xem danh sách "errors".`, en: `The procedure has ${issues.length} error(s); see "errors".` },
    errors: issues.map((i) => ({ field: `/body${i.path}`, reason: i.code, message: i.message })),
  });
}

const PROCEDURE_KEYS = [
  'code', 'version', 'status', 'name', 'fieldCode', 'level', 'competentAgencyType', 'receivingAgencies', 'documents', 'fees', 'deadline',
  'conditionalDeadlines', 'onlineLevel', 'result', 'legalBasis', 'eForm', 'workflowKey', 'supplementRestartsClock',
] as const;

/** Keeps only the members a procedure has, so nothing else is stored; throws 400 for a non-object. */
export function procedureFromInput(input: unknown): Procedure {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new AppError('VALIDATION_FAILED', { detail: { vi: 'Nội dung phải là một thủ tục (đối tượng JSON).', en: 'The body must be a procedure (a JSON object).' } });
  }
  const source = input as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const key of PROCEDURE_KEYS) if (source[key] !== undefined) picked[key] = source[key];
  // validateProcedure checks every member's shape before the procedure is used or stored.
  return picked as unknown as Procedure;
}

async function validOrThrow(db: Kysely<PlatformTables>, p: Procedure): Promise<void> {
  const issues = await checkProcedure(db, p);
  if (issues.length > 0) throw procedureInvalid(issues);
}

/** Outcome of saving a procedure. */
export interface SaveOutcome {
  outcome: 'created' | 'editedDraft' | 'newVersion' | 'unchanged';
  stored: StoredProcedure;
  changes: ProcedureChange[];
}

/** Creates a new procedure as a draft at version 1; an existing code is a conflict. */
export async function createProcedure(db: Kysely<PlatformTables>, input: Procedure, stamp: Stamp): Promise<SaveOutcome> {
  const p: Procedure = { ...input, version: 1, status: 'draft' };
  await validOrThrow(db, p);
  if (await findLatest(db, p.code)) {
    throw new AppError('CONFLICT', { detail: { vi: `Thủ tục ${p.code} đã có trong danh mục; hãy sửa thủ tục đó.`, en: `Procedure ${p.code} is already in the catalogue; edit it instead.` } });
  }
  return { outcome: 'created', stored: await insertVersion(db, p, stamp), changes: [] };
}

/**
 * Saves an edit of procedure `code`; `edited.version` must be the latest version. A draft is
 * changed in place; a published or retired version is kept and the edit becomes the next
 * version, as a draft (dossiers filed under the old version keep it).
 */
export async function saveProcedure(db: Kysely<PlatformTables>, code: string, edited: Procedure, stamp: Stamp): Promise<SaveOutcome> {
  const latest = await findLatest(db, code);
  if (!latest) throw procedureNotFound(code);
  const next = nextVersion(latest.procedure, edited);
  if (!next.ok) {
    throw new AppError(next.error.code === 'STALE_VERSION' ? 'STALE_VERSION' : next.error.code === 'NOT_A_DRAFT' ? 'CONFLICT' : 'VALIDATION_FAILED', { detail: next.error.message });
  }
  if (next.outcome === 'unchanged') return { outcome: 'unchanged', stored: latest, changes: [] };
  await validOrThrow(db, next.procedure);
  if (next.outcome === 'newVersion') return { outcome: 'newVersion', stored: await insertVersion(db, next.procedure, stamp), changes: next.changes };
  await replaceDraft(db, next.procedure, stamp.at);
  return { outcome: 'editedDraft', stored: { ...latest, procedure: next.procedure, updatedAt: stamp.at.toISOString() }, changes: next.changes };
}

/** Publishes a draft: new dossiers use it; the version published before is retired. */
export async function publishProcedure(db: Kysely<PlatformTables>, code: string, version: number, stamp: Omit<Stamp, 'newId'>): Promise<{ published: StoredProcedure; retiredVersion: number | null }> {
  const draft = await findVersion(db, code, version);
  if (!draft) throw procedureNotFound(code, version);
  const previous = await findPublished(db, code);
  const result = publishVersion(draft.procedure, previous?.procedure);
  if (!result.ok) throw new AppError('CONFLICT', { detail: result.error.message });
  // The workflow it names may have changed status since the draft was saved.
  await validOrThrow(db, result.published);
  const at = stamp.at.toISOString();
  const cdb = catalogDb(db);
  if (result.retired) {
    await cdb.updateTable('catalog_procedures').set({ status: 'retired', retired_at: at, updated_at: at }).where('code', '=', code).where('status', '=', 'published').execute();
  }
  const r = await cdb
    .updateTable('catalog_procedures')
    .set({ status: 'published', published_at: at, published_by: stamp.actorId, updated_at: at })
    .where('code', '=', code)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw staleVersion(code);
  await catalogChanged(db, at);
  return {
    published: { ...draft, procedure: result.published, publishedAt: at, publishedBy: stamp.actorId, updatedAt: at },
    retiredVersion: result.retired?.version ?? null,
  };
}

/** Retires a published procedure without a successor (it is abolished); old dossiers keep it. */
export async function retireProcedure(db: Kysely<PlatformTables>, code: string, version: number, stamp: Omit<Stamp, 'newId'>): Promise<StoredProcedure> {
  const stored = await findVersion(db, code, version);
  if (!stored) throw procedureNotFound(code, version);
  if (stored.procedure.status !== 'published') {
    throw new AppError('CONFLICT', { detail: { vi: 'Chỉ thủ tục đang công bố mới được bãi bỏ.', en: 'Only a published procedure can be retired.' } });
  }
  const at = stamp.at.toISOString();
  await catalogDb(db).updateTable('catalog_procedures').set({ status: 'retired', retired_at: at, updated_at: at }).where('code', '=', code).where('version', '=', version).execute();
  await catalogChanged(db, at);
  return { ...stored, procedure: { ...stored.procedure, status: 'retired' }, retiredAt: at, updatedAt: at };
}
