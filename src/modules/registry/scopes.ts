import type { Kysely } from 'kysely';
import type { ResolvedGrant } from '../../platform/auth/authorize.js';
import type { RoleGrant } from '../../platform/auth/roles.js';
import type { PlatformTables } from '../../platform/db/tables.js';
import { cachedOfficialPlace, currentDirectory, loadAgencies, type AgencyNode, type DeskNode, type OfficialPlace } from './directory.js';
import { registryDb } from './tables.js';

/**
 * Resolves the agency and unit codes of role grants to scope paths, for the platform's
 * authorization. A unit code resolves to the unit valid today or, failing that, its most
 * recent holder of the code.
 */
export async function resolveScopePaths(db: Kysely<PlatformTables>, grants: readonly RoleGrant[]): Promise<ResolvedGrant[]> {
  const rdb = registryDb(db);
  const agencyCodes = grants.filter((g) => g.scopeKind === 'agency').map((g) => g.scopeCode);
  const unitCodes = grants.filter((g) => g.scopeKind === 'adminUnit').map((g) => g.scopeCode);
  const directory = agencyCodes.length ? await currentDirectory(db) : undefined;
  const agencies = agencyCodes.length && !directory ? await rdb.selectFrom('agencies').select(['code', 'path']).where('code', 'in', agencyCodes).execute() : [];
  const units = unitCodes.length
    ? await rdb.selectFrom('admin_units').select(['code', 'path', 'valid_from']).where('code', 'in', unitCodes).orderBy('valid_from', 'desc').execute()
    : [];
  const agencyPath = directory ? new Map(agencyCodes.map((code) => [code, directory.byCode.get(code)?.path])) : new Map(agencies.map((a) => [a.code, a.path]));
  const unitPath = new Map<string, string>();
  for (const u of units) if (!unitPath.has(u.code)) unitPath.set(u.code, u.path);
  return grants.map((g) => {
    const path = g.scopeKind === 'agency' ? agencyPath.get(g.scopeCode) : g.scopeKind === 'adminUnit' ? unitPath.get(g.scopeCode) : undefined;
    return path ? { ...g, path } : { ...g };
  });
}

/** Where an agency sits, for authorization of records that belong to it. */
export async function agencyScope(db: Kysely<PlatformTables>, agencyCode: string): Promise<{ id: string; agencyPath: string; unitPath: string } | undefined> {
  const directory = await currentDirectory(db);
  if (directory) {
    const agency = directory.byCode.get(agencyCode);
    const id = directory.agencyIds.get(agencyCode);
    return agency && id ? { id, agencyPath: agency.path, unitPath: agency.unitPath } : undefined;
  }
  const row = await registryDb(db).selectFrom('agencies').select(['id', 'path', 'unit_path']).where('code', '=', agencyCode).executeTakeFirst();
  return row ? { id: row.id, agencyPath: row.path, unitPath: row.unit_path } : undefined;
}

/** A reception desk with its agency's code and scope paths. */
export async function deskScope(
  db: Kysely<PlatformTables>,
  deskCode: string,
): Promise<DeskNode | undefined> {
  const directory = await currentDirectory(db);
  if (directory) return directory.desks.get(deskCode);
  const row = await registryDb(db)
    .selectFrom('reception_desks as d')
    .innerJoin('agencies as a', 'a.id', 'd.agency_id')
    .select(['d.code', 'a.code as agency_code', 'a.path', 'a.unit_path'])
    .where('d.code', '=', deskCode)
    .executeTakeFirst();
  return row ? { deskCode: row.code, agencyCode: row.agency_code, agencyPath: row.path, unitPath: row.unit_path } : undefined;
}

/**
 * Every agency's code, parent code and scope paths: the tree the workflow engine walks. The
 * same frozen array is returned until the registry changes (in any process), so callers may
 * memoize what they derive from it by identity.
 */
export async function agencyTree(db: Kysely<PlatformTables>): Promise<readonly AgencyNode[]> {
  return (await currentDirectory(db))?.agencies ?? (await loadAgencies(db));
}

/** The agency an official works at (by account), or undefined for non-officials. */
export async function officialAgency(db: Kysely<PlatformTables>, accountId: string): Promise<OfficialPlace | undefined> {
  return cachedOfficialPlace(db, accountId);
}

/** A citizen or organization by identification/tax number, with the accounts that own it. */
export async function applicantByNumber(
  db: Kysely<PlatformTables>,
  kind: 'citizen' | 'organization',
  number: string,
): Promise<{ id: string; name: string; number: string; accountIds: string[] } | undefined> {
  const rdb = registryDb(db);
  const row =
    kind === 'citizen'
      ? await rdb.selectFrom('citizens').select(['id', 'full_name as name', 'id_number as number', 'account_id']).where('id_number', '=', number).executeTakeFirst()
      : await rdb.selectFrom('organizations').select(['id', 'name', 'tax_code as number']).select((eb) => eb.val<string | null>(null).as('account_id')).where('tax_code', '=', number).executeTakeFirst();
  if (!row) return undefined;
  const reps = await rdb.selectFrom('representations').select('agent_account_id').where('subject_kind', '=', kind).where('subject_id', '=', row.id).execute();
  return { id: row.id, name: row.name, number: row.number, accountIds: [...(row.account_id ? [row.account_id] : []), ...reps.map((r) => r.agent_account_id)] };
}

/** The registry records a citizen account owns or represents (for online submission). */
export async function applicantsOfAccount(db: Kysely<PlatformTables>, accountId: string): Promise<{ kind: 'citizen' | 'organization'; id: string; name: string; number: string }[]> {
  const rdb = registryDb(db);
  const own = await rdb.selectFrom('citizens').select(['id', 'full_name', 'id_number']).where('account_id', '=', accountId).execute();
  const reps = await rdb.selectFrom('representations').select(['subject_kind', 'subject_id']).where('agent_account_id', '=', accountId).execute();
  const citizenIds = reps.filter((r) => r.subject_kind === 'citizen').map((r) => r.subject_id);
  const orgIds = reps.filter((r) => r.subject_kind === 'organization').map((r) => r.subject_id);
  const cits = citizenIds.length ? await rdb.selectFrom('citizens').select(['id', 'full_name', 'id_number']).where('id', 'in', citizenIds).execute() : [];
  const orgs = orgIds.length ? await rdb.selectFrom('organizations').select(['id', 'name', 'tax_code']).where('id', 'in', orgIds).execute() : [];
  return [
    ...[...own, ...cits].map((c) => ({ kind: 'citizen' as const, id: c.id, name: c.full_name, number: c.id_number })),
    ...orgs.map((o) => ({ kind: 'organization' as const, id: o.id, name: o.name, number: o.tax_code })),
  ];
}

/** The name of one agency (for public pages that show only that). */
export async function agencyName(db: Kysely<PlatformTables>, code: string): Promise<{ readonly vi: string; readonly en: string } | undefined> {
  const directory = await currentDirectory(db);
  if (directory) return directory.byCode.get(code)?.name;
  const row = await registryDb(db).selectFrom('agencies').select(['name_vi', 'name_en']).where('code', '=', code).executeTakeFirst();
  return row ? { vi: row.name_vi, en: row.name_en } : undefined;
}
