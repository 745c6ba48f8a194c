import type { Kysely } from 'kysely';
import type { ResolvedGrant } from '../../platform/auth/authorize.js';
import type { RoleGrant } from '../../platform/auth/roles.js';
import type { PlatformTables } from '../../platform/db/tables.js';
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
  const agencies = agencyCodes.length ? await rdb.selectFrom('agencies').select(['code', 'path']).where('code', 'in', agencyCodes).execute() : [];
  const units = unitCodes.length
    ? await rdb.selectFrom('admin_units').select(['code', 'path', 'valid_from']).where('code', 'in', unitCodes).orderBy('valid_from', 'desc').execute()
    : [];
  const agencyPath = new Map(agencies.map((a) => [a.code, a.path]));
  const unitPath = new Map<string, string>();
  for (const u of units) if (!unitPath.has(u.code)) unitPath.set(u.code, u.path);
  return grants.map((g) => {
    const path = g.scopeKind === 'agency' ? agencyPath.get(g.scopeCode) : g.scopeKind === 'adminUnit' ? unitPath.get(g.scopeCode) : undefined;
    return path ? { ...g, path } : { ...g };
  });
}

/** Where an agency sits, for authorization of records that belong to it. */
export async function agencyScope(db: Kysely<PlatformTables>, agencyCode: string): Promise<{ id: string; agencyPath: string; unitPath: string } | undefined> {
  const row = await registryDb(db).selectFrom('agencies').select(['id', 'path', 'unit_path']).where('code', '=', agencyCode).executeTakeFirst();
  return row ? { id: row.id, agencyPath: row.path, unitPath: row.unit_path } : undefined;
}

/** A reception desk with its agency's code and scope paths. */
export async function deskScope(
  db: Kysely<PlatformTables>,
  deskCode: string,
): Promise<{ deskCode: string; agencyCode: string; agencyPath: string; unitPath: string } | undefined> {
  const row = await registryDb(db)
    .selectFrom('reception_desks as d')
    .innerJoin('agencies as a', 'a.id', 'd.agency_id')
    .select(['d.code', 'a.code as agency_code', 'a.path', 'a.unit_path'])
    .where('d.code', '=', deskCode)
    .executeTakeFirst();
  return row ? { deskCode: row.code, agencyCode: row.agency_code, agencyPath: row.path, unitPath: row.unit_path } : undefined;
}
