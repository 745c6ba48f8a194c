/**
 * The registry's reference data as every request needs it — the agency tree, the reception
 * desks and officials' agencies — read through per-process caches that every change of
 * agencies, units, desks or officials invalidates at once in every process (the `registry`
 * revision counter, bumped in the change's transaction by `registryChanged`).
 */
import type { Kysely } from 'kysely';
import type { AnyDb } from '../../platform/db/database.js';
import { bumpRevision, RevisionCache } from '../../platform/db/revision-cache.js';
import type { PlatformTables } from '../../platform/db/tables.js';
import { registryDb } from './tables.js';

/** The registry's revision counter (a row of the platform's `cache_revisions`). */
export const REGISTRY_REVISION = 'registry';

/** An agency as the engine and authorization see it. */
export interface AgencyNode {
  readonly code: string;
  readonly parentCode: string | null;
  readonly path: string;
  readonly unitPath: string;
  readonly name: { readonly vi: string; readonly en: string };
}

/** A reception desk with its agency's code and scope paths. */
export interface DeskNode {
  readonly deskCode: string;
  readonly agencyCode: string;
  readonly agencyPath: string;
  readonly unitPath: string;
}

/** Every agency and desk (a city has hundreds), indexed by code. */
export interface Directory {
  /** The tree in the database's order, for callers that walk all of it. */
  readonly agencies: readonly AgencyNode[];
  readonly agencyIds: ReadonlyMap<string, string>;
  readonly byCode: ReadonlyMap<string, AgencyNode>;
  readonly desks: ReadonlyMap<string, DeskNode>;
}

/** An official's agency, by account. */
export interface OfficialPlace {
  readonly agencyCode: string;
  readonly agencyPath: string;
  readonly fullName: string;
}

const directories = new RevisionCache<Directory>({ revisions: [REGISTRY_REVISION], max: 1, freeze: true });
// Officials are many (thousands in a city): the most recently active ones are kept.
const officials = new RevisionCache<OfficialPlace | undefined>({ revisions: [REGISTRY_REVISION], max: 2_000, freeze: true });

function agencyRows(db: Kysely<PlatformTables>) {
  return registryDb(db)
    .selectFrom('agencies as a')
    .leftJoin('agencies as p', 'p.id', 'a.parent_id')
    .select(['a.id', 'a.code', 'p.code as parent_code', 'a.path', 'a.unit_path', 'a.name_vi', 'a.name_en'])
    .execute();
}

function nodeOf(r: Awaited<ReturnType<typeof agencyRows>>[number]): AgencyNode {
  return { code: r.code, parentCode: r.parent_code, path: r.path, unitPath: r.unit_path, name: { vi: r.name_vi, en: r.name_en } };
}

/** Every agency, read now (uncached). */
export async function loadAgencies(db: Kysely<PlatformTables>): Promise<AgencyNode[]> {
  return (await agencyRows(db)).map(nodeOf);
}

async function loadDirectory(db: Kysely<PlatformTables>): Promise<Directory> {
  const rows = await agencyRows(db);
  const deskRows = await registryDb(db)
    .selectFrom('reception_desks as d')
    .innerJoin('agencies as a', 'a.id', 'd.agency_id')
    .select(['d.code', 'a.code as agency_code', 'a.path', 'a.unit_path'])
    .execute();
  const agencies = rows.map(nodeOf);
  return {
    agencies,
    agencyIds: new Map(rows.map((r) => [r.code, r.id])),
    byCode: new Map(agencies.map((a) => [a.code, a])),
    desks: new Map(deskRows.map((d) => [d.code, { deskCode: d.code, agencyCode: d.agency_code, agencyPath: d.path, unitPath: d.unit_path }])),
  };
}

/**
 * The agencies and desks, cached until the next registry change anywhere; `undefined`
 * inside a transaction when not cached at its revision (the transaction may have changed
 * them, so the cache cannot be filled): callers then read just the rows they need.
 */
export async function currentDirectory(db: Kysely<PlatformTables>): Promise<Directory | undefined> {
  const view = await directories.view(db);
  const hit = view.cached('');
  if (hit) return hit.value;
  if (db.isTransaction) return undefined;
  return view.get('', () => loadDirectory(db));
}

/** The agency an official works at (by account), cached until the next registry change. */
export async function cachedOfficialPlace(db: Kysely<PlatformTables>, accountId: string): Promise<OfficialPlace | undefined> {
  return officials.get(db, accountId, async () => {
    const row = await registryDb(db)
      .selectFrom('officials as o')
      .innerJoin('agencies as a', 'a.id', 'o.agency_id')
      .select(['a.code', 'a.path', 'o.full_name'])
      .where('o.account_id', '=', accountId)
      .executeTakeFirst();
    return row ? { agencyCode: row.code, agencyPath: row.path, fullName: row.full_name } : undefined;
  });
}

/**
 * Records that units, agencies, desks or officials changed, so that every process reloads
 * them: call in the transaction of the change, after it (store functions do).
 */
export async function registryChanged(db: AnyDb, nowIso: string): Promise<void> {
  await bumpRevision(db, REGISTRY_REVISION, nowIso);
}
