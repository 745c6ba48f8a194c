/**
 * All SQL of the workflow module, and the lifecycle of stored definitions: a new key starts
 * as a draft at version 1; a draft is edited in place; an edit of a published (or retired)
 * version becomes the next version as a draft; publishing retires the version published
 * before. Published versions are never changed, so a dossier pinned to one keeps its rules.
 *
 * Caches (per process): which version of a key is published, until the `workflow` revision
 * counter moves (every write here bumps it); and the body of every version that is not a
 * draft, without any check, because nothing ever changes it: the only update of a body is
 * `saveDefinition`'s, limited to drafts, and a version leaves `draft` for `published` and
 * `retired` only, never back; no code deletes a version.
 */
import type { Kysely } from 'kysely';
import { bumpRevision, RevisionCache } from '../../platform/db/revision-cache.js';
import type { PlatformTables } from '../../platform/db/tables.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { parseDefinition } from './schema.js';
import type { ProcessDefinition } from './types.js';
import type { Issue } from './validate.js';
import { nextVersion } from './versioning.js';
import { workflowDb, type DefinitionStatus, type WorkflowTables } from './tables.js';

type Row = WorkflowTables['workflow_definitions'];

const REVISION = 'workflow';
/** The published definition of each key, until the next publication anywhere. */
const publishedCache = new RevisionCache<ProcessDefinition | undefined>({ revisions: [REVISION], max: 500, freeze: true });
/** `key@version` → the body of a version once out of draft, which never changes again. */
const versionCache = new RevisionCache<ProcessDefinition | undefined>({ revisions: [], max: 1_000, freeze: true, keep: (d) => d !== undefined });

/** Counts a write, so that every process reloads which versions are published. */
async function changed(db: Kysely<PlatformTables>, at: string): Promise<void> {
  await bumpRevision(db, REVISION, at);
}

/** One stored version of a process definition. */
export interface StoredDefinition {
  key: string;
  version: number;
  status: DefinitionStatus;
  name: { vi: string; en: string };
  definition: ProcessDefinition;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  publishedAt: string | null;
  publishedBy: string | null;
}

/** A version without its definition body, for lists. */
export type DefinitionSummary = Omit<StoredDefinition, 'definition'>;

const SUMMARY_COLUMNS = ['key', 'version', 'status', 'name_vi', 'name_en', 'created_at', 'created_by', 'updated_at', 'published_at', 'published_by'] as const;

function summaryOf(row: Omit<Row, 'id' | 'definition'>): DefinitionSummary {
  return {
    key: row.key,
    version: Number(row.version),
    status: row.status,
    name: { vi: row.name_vi, en: row.name_en },
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
  };
}

function storedOf(row: Omit<Row, 'id'>): StoredDefinition {
  // Only definitions that passed `parseDefinition` are ever written, so the JSON is a ProcessDefinition.
  return { ...summaryOf(row), definition: JSON.parse(row.definition) as ProcessDefinition };
}

/** One version of a definition, whatever its status. */
export async function findVersion(db: Kysely<PlatformTables>, key: string, version: number): Promise<StoredDefinition | undefined> {
  const row = await workflowDb(db).selectFrom('workflow_definitions').select([...SUMMARY_COLUMNS, 'definition']).where('key', '=', key).where('version', '=', version).executeTakeFirst();
  return row ? storedOf(row) : undefined;
}

/** The highest version of a definition, whatever its status. */
export async function findLatest(db: Kysely<PlatformTables>, key: string): Promise<StoredDefinition | undefined> {
  const row = await workflowDb(db).selectFrom('workflow_definitions').select([...SUMMARY_COLUMNS, 'definition']).where('key', '=', key).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? storedOf(row) : undefined;
}

/** The published version of a definition (at most one is published at a time). */
export async function findPublished(db: Kysely<PlatformTables>, key: string): Promise<StoredDefinition | undefined> {
  const row = await workflowDb(db)
    .selectFrom('workflow_definitions')
    .select([...SUMMARY_COLUMNS, 'definition'])
    .where('key', '=', key)
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? storedOf(row) : undefined;
}

/** Every version of every definition (or of one key), without bodies, by key then version. */
export async function listSummaries(db: Kysely<PlatformTables>, key?: string): Promise<DefinitionSummary[]> {
  let q = workflowDb(db).selectFrom('workflow_definitions').select(SUMMARY_COLUMNS);
  if (key !== undefined) q = q.where('key', '=', key);
  const rows = await q.orderBy('key').orderBy('version').execute();
  return rows.map(summaryOf);
}

/** Keys that have a published version, sorted. */
export async function listPublishedKeys(db: Kysely<PlatformTables>): Promise<string[]> {
  const rows = await workflowDb(db).selectFrom('workflow_definitions').select('key').where('status', '=', 'published').distinct().orderBy('key').execute();
  return rows.map((r) => r.key);
}

/** How many dossiers are pinned to each version of a definition. */
export async function pinCounts(db: Kysely<PlatformTables>, key: string): Promise<Map<number, number>> {
  const rows = await workflowDb(db)
    .selectFrom('workflow_pins')
    .select(['version', (eb) => eb.fn.countAll<number>().as('n')])
    .where('key', '=', key)
    .groupBy('version')
    .execute();
  return new Map(rows.map((r) => [Number(r.version), Number(r.n)]));
}

/** Who acts and when, for the bookkeeping columns. */
export interface Stamp {
  actorId: string | null;
  at: Date;
  newId: () => string;
}

/** Validation errors of a definition as a 400 problem, with pointers into the request body. */
export function definitionInvalid(errors: readonly Issue[]): AppError {
  const fieldErrors: FieldError[] = errors.map((i) => ({ field: `/body${i.path === '/' ? '' : i.path}`, reason: i.code, message: i.message }));
  return new AppError('VALIDATION_FAILED', {
    detail: { vi: `Quy trình có ${errors.length} lỗi cần sửa; xem danh sách "errors".`, en: `The process definition has ${errors.length} error(s); see "errors".` },
    errors: fieldErrors,
  });
}

function parseOrThrow(input: unknown): { definition: ProcessDefinition; warnings: Issue[] } {
  const parsed = parseDefinition(input);
  if (!parsed.ok) throw definitionInvalid(parsed.errors);
  return { definition: parsed.definition, warnings: parsed.warnings };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when a database error is a unique-constraint violation (SQLite or PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

const raced = () =>
  new AppError('STALE_VERSION', {
    detail: { vi: 'Quy trình vừa được người khác lưu; hãy tải lại rồi sửa.', en: 'Someone else saved this process just now; reload and edit again.' },
  });

async function insertVersion(db: Kysely<PlatformTables>, def: ProcessDefinition, stamp: Stamp): Promise<StoredDefinition> {
  const at = stamp.at.toISOString();
  const row: Row = {
    id: stamp.newId(),
    key: def.key,
    version: def.version,
    status: 'draft',
    name_vi: def.name.vi,
    name_en: def.name.en,
    definition: JSON.stringify(def),
    created_at: at,
    created_by: stamp.actorId,
    updated_at: at,
    published_at: null,
    published_by: null,
  };
  try {
    await workflowDb(db).insertInto('workflow_definitions').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw raced();
    throw error;
  }
  await changed(db, at);
  return storedOf(row);
}

/** Outcome of saving a definition. */
export interface SaveOutcome {
  outcome: 'created' | 'editedDraft' | 'newVersion' | 'unchanged';
  stored: StoredDefinition;
  warnings: Issue[];
}

/**
 * Creates a new process definition as a draft at version 1 (the version in the input is
 * ignored). A key that already exists is a conflict: edit it instead.
 */
export async function createDefinition(db: Kysely<PlatformTables>, input: unknown, stamp: Stamp): Promise<SaveOutcome> {
  const { definition, warnings } = parseOrThrow(isRecord(input) ? { ...input, version: 1 } : input);
  if (await findLatest(db, definition.key)) {
    throw new AppError('CONFLICT', {
      detail: { vi: `Quy trình "${definition.key}" đã tồn tại; hãy sửa quy trình đó.`, en: `Process "${definition.key}" already exists; edit it instead.` },
    });
  }
  return { outcome: 'created', stored: await insertVersion(db, definition, stamp), warnings };
}

/**
 * Saves an edit of definition `key`. `input.version` must be the latest version it was
 * loaded from. A draft is replaced in place; a published or retired version stays as it is
 * and the edit becomes the next version, as a draft (`nextVersion`).
 */
export async function saveDefinition(db: Kysely<PlatformTables>, key: string, input: unknown, stamp: Stamp): Promise<SaveOutcome> {
  const { definition: edited, warnings } = parseOrThrow(input);
  if (edited.key !== key) {
    throw definitionInvalid([{ code: 'INVALID_SHAPE', path: '/key', message: { vi: `Mã quy trình phải là "${key}".`, en: `The key must be "${key}".` } }]);
  }
  const latest = await findLatest(db, key);
  if (!latest) throw new AppError('NOT_FOUND', { detail: { vi: `Không có quy trình "${key}".`, en: `There is no process "${key}".` } });
  if (latest.status !== 'draft') {
    const next = nextVersion(latest.definition, edited);
    if (!next.ok) throw new AppError(next.error.code === 'STALE_VERSION' ? 'STALE_VERSION' : 'VALIDATION_FAILED', { detail: next.error.message });
    if (!next.changed) return { outcome: 'unchanged', stored: latest, warnings };
    return { outcome: 'newVersion', stored: await insertVersion(db, next.definition, stamp), warnings };
  }
  if (edited.version !== latest.version) {
    throw new AppError('STALE_VERSION', {
      detail: {
        vi: `Bản sửa dựa trên phiên bản ${edited.version} nhưng phiên bản mới nhất là ${latest.version}.`,
        en: `The edit is based on version ${edited.version} but the latest is ${latest.version}.`,
      },
    });
  }
  const json = JSON.stringify(edited);
  if (json === JSON.stringify(latest.definition)) return { outcome: 'unchanged', stored: latest, warnings };
  const at = stamp.at.toISOString();
  await workflowDb(db)
    .updateTable('workflow_definitions')
    .set({ definition: json, name_vi: edited.name.vi, name_en: edited.name.en, updated_at: at })
    .where('key', '=', key)
    .where('version', '=', latest.version)
    .where('status', '=', 'draft')
    .execute();
  await changed(db, at);
  return { outcome: 'editedDraft', stored: { ...latest, definition: edited, name: edited.name, updatedAt: at }, warnings };
}

/**
 * Publishes a draft version: new dossiers of procedures using the key start on it. The
 * version published before is retired; dossiers pinned to it keep running on it.
 */
export async function publishDefinition(
  db: Kysely<PlatformTables>,
  key: string,
  version: number,
  stamp: Omit<Stamp, 'newId'>,
): Promise<{ published: StoredDefinition; retired: number | null; warnings: Issue[] }> {
  const target = await findVersion(db, key, version);
  if (!target) throw new AppError('NOT_FOUND', { detail: { vi: `Không có quy trình "${key}" phiên bản ${version}.`, en: `There is no process "${key}" version ${version}.` } });
  if (target.status !== 'draft') {
    throw new AppError('CONFLICT', { detail: { vi: 'Chỉ bản nháp mới được công bố.', en: 'Only a draft can be published.' } });
  }
  // Rules may have tightened since the draft was saved: check again before it goes live.
  const { warnings } = parseOrThrow(target.definition);
  const previous = await findPublished(db, key);
  const at = stamp.at.toISOString();
  const wdb = workflowDb(db);
  if (previous) await wdb.updateTable('workflow_definitions').set({ status: 'retired', updated_at: at }).where('key', '=', key).where('status', '=', 'published').execute();
  const r = await wdb
    .updateTable('workflow_definitions')
    .set({ status: 'published', published_at: at, published_by: stamp.actorId, updated_at: at })
    .where('key', '=', key)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw raced();
  await changed(db, at);
  return { published: { ...target, status: 'published', publishedAt: at, publishedBy: stamp.actorId, updatedAt: at }, retired: previous?.version ?? null, warnings };
}

/** Inserts a published definition as it is (demo seed and imports of known-good data). */
export async function insertPublished(db: Kysely<PlatformTables>, def: ProcessDefinition, stamp: Stamp): Promise<void> {
  const at = stamp.at.toISOString();
  await workflowDb(db)
    .insertInto('workflow_definitions')
    .values({
      id: stamp.newId(),
      key: def.key,
      version: def.version,
      status: 'published',
      name_vi: def.name.vi,
      name_en: def.name.en,
      definition: JSON.stringify(def),
      created_at: at,
      created_by: stamp.actorId,
      updated_at: at,
      published_at: at,
      published_by: stamp.actorId,
    })
    .execute();
  await changed(db, at);
}

/** The pin of one dossier, if any. */
export async function findPin(db: Kysely<PlatformTables>, dossierId: string): Promise<{ key: string; version: number } | undefined> {
  const row = await workflowDb(db).selectFrom('workflow_pins').select(['key', 'version']).where('dossier_id', '=', dossierId).executeTakeFirst();
  return row ? { key: row.key, version: Number(row.version) } : undefined;
}

/** Records the pin of one dossier. */
export async function insertPin(db: Kysely<PlatformTables>, dossierId: string, key: string, version: number, at: Date): Promise<void> {
  await workflowDb(db).insertInto('workflow_pins').values({ dossier_id: dossierId, key, version, pinned_at: at.toISOString() }).execute();
}

// --- the hooks the dossier module uses -------------------------------------------------

/**
 * The definition new dossiers of a procedure start on: the published version of `key`, or
 * undefined when none is published. Call `pinDefinition` with its version in the same
 * transaction that creates the dossier.
 */
export async function getPublishedDefinition(db: Kysely<PlatformTables>, key: string): Promise<ProcessDefinition | undefined> {
  return publishedCache.get(db, key, async () => {
    const published = (await findPublished(db, key))?.definition;
    // The same body by version: what `pinDefinition` checks in the submission's transaction.
    if (published) (await versionCache.view(db)).set(`${key}@${published.version}`, published);
    return published;
  });
}

/**
 * The exact definition version a dossier is pinned to (published or since retired; drafts
 * are never returned). Decree 118/2025/NĐ-CP: a dossier is processed under the procedure
 * and workflow in force when it was received, so a pinned version never changes.
 */
export async function getDefinition(db: Kysely<PlatformTables>, key: string, version: number): Promise<ProcessDefinition | undefined> {
  return versionCache.get(db, `${key}@${version}`, async () => {
    const stored = await findVersion(db, key, version);
    return stored && stored.status !== 'draft' ? stored.definition : undefined;
  });
}

/**
 * Records that dossier `dossierId` runs on `key@version` (the hook the dossier module calls
 * when a dossier is created, inside its transaction). Idempotent for the same version; a
 * dossier is never moved to another version (409), and a draft cannot be pinned (409).
 */
export async function pinDefinition(db: Kysely<PlatformTables>, dossierId: string, key: string, version: number, at: Date): Promise<void> {
  // A version out of draft is usually cached; only an unknown one or a draft needs the row.
  const stored = (await getDefinition(db, key, version)) ? { status: 'published' as const } : await findVersion(db, key, version);
  if (!stored) throw new AppError('NOT_FOUND', { detail: { vi: `Không có quy trình "${key}" phiên bản ${version}.`, en: `There is no process "${key}" version ${version}.` } });
  if (stored.status === 'draft') {
    throw new AppError('CONFLICT', { detail: { vi: 'Không thể áp dụng bản nháp quy trình cho hồ sơ.', en: 'A draft process cannot be used for a dossier.' } });
  }
  const existing = await findPin(db, dossierId);
  if (existing) {
    if (existing.key === key && existing.version === version) return;
    throw new AppError('CONFLICT', {
      detail: {
        vi: `Hồ sơ đã gắn với quy trình ${existing.key}@${existing.version}; không thể đổi sang phiên bản khác.`,
        en: `The dossier already runs on ${existing.key}@${existing.version}; it cannot move to another version.`,
      },
    });
  }
  await insertPin(db, dossierId, key, version, at);
}
