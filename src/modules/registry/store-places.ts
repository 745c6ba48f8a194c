import { sql } from 'kysely';
import { afterKey, decodeCursor } from '../../platform/db/paging.js';
import type { AdminUnit } from './domain/admin-units.js';
import type { Agency, ReceptionDesk } from './domain/agencies.js';
import { normalizeForSearch, searchTokens } from './domain/search-text.js';
import { registryChanged } from './directory.js';
import type { RegistryDb, RegistryTables } from './tables.js';

/**
 * All SQL for administrative units, agencies and reception desks. Every write ends with
 * `registryChanged`, so that every process's cached agencies and desks are reloaded.
 */

type UnitRow = RegistryTables['admin_units'];
type AgencyRow = RegistryTables['agencies'];

const LEVEL_RANK = { province: 0, district: 1, commune: 2 } as const;

/** The unit holding `code` on `date` (codes are reused over time, so a date is needed). */
export async function findUnitByCode(db: RegistryDb, code: string, date: string): Promise<UnitRow | undefined> {
  return db
    .selectFrom('admin_units')
    .selectAll()
    .where('code', '=', code)
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]))
    .executeTakeFirst();
}

/**
 * Inserts or updates units (natural key: code + first valid day), parents first, building
 * each unit's path from its parent valid on the unit's first day.
 */
export async function upsertUnits(db: RegistryDb, units: readonly AdminUnit[], now: string, newId: () => string): Promise<{ inserted: number; updated: number }> {
  const sorted = [...units].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
  let inserted = 0;
  let updated = 0;
  for (const u of sorted) {
    const parent = u.parentCode ? await findUnitByCode(db, u.parentCode, u.validFrom) : undefined;
    if (u.parentCode && !parent) throw new Error(`unit ${u.code}: parent ${u.parentCode} not valid on ${u.validFrom}`);
    const existing = await db.selectFrom('admin_units').select(['id']).where('code', '=', u.code).where('valid_from', '=', u.validFrom).executeTakeFirst();
    const id = existing?.id ?? newId();
    const values = {
      code: u.code,
      name_vi: u.name.vi,
      name_en: u.name.en,
      short_name: u.shortName,
      name_search: normalizeForSearch(`${u.name.vi} ${u.code}`),
      level: u.level,
      kind: u.kind,
      parent_id: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      valid_from: u.validFrom,
      valid_to: u.validTo ?? null,
      successor_code: u.successorCode ?? null,
      updated_at: now,
    };
    if (existing) {
      await db.updateTable('admin_units').set(values).where('id', '=', id).execute();
      updated += 1;
    } else {
      await db.insertInto('admin_units').values({ id, ...values, created_at: now }).execute();
      inserted += 1;
    }
  }
  if (sorted.length > 0) await registryChanged(db, now);
  return { inserted, updated };
}

/** Inserts or updates agencies (natural key: code), parents first. */
export async function upsertAgencies(db: RegistryDb, agencies: readonly Agency[], now: string, newId: () => string): Promise<{ inserted: number; updated: number }> {
  const byCode = new Map(agencies.map((a) => [a.code, a]));
  const depth = (a: Agency): number => (a.parentCode && byCode.has(a.parentCode) ? 1 + depth(byCode.get(a.parentCode) as Agency) : 0);
  const sorted = [...agencies].sort((a, b) => depth(a) - depth(b));
  let inserted = 0;
  let updated = 0;
  for (const a of sorted) {
    const unit = await findUnitByCode(db, a.adminUnitCode, a.validFrom);
    if (!unit) throw new Error(`agency ${a.code}: unit ${a.adminUnitCode} not valid on ${a.validFrom}`);
    const parent = a.parentCode ? await db.selectFrom('agencies').select(['id', 'path']).where('code', '=', a.parentCode).executeTakeFirst() : undefined;
    if (a.parentCode && !parent) throw new Error(`agency ${a.code}: parent ${a.parentCode} unknown`);
    const existing = await db.selectFrom('agencies').select('id').where('code', '=', a.code).executeTakeFirst();
    const id = existing?.id ?? newId();
    const values = {
      code: a.code,
      name_vi: a.name.vi,
      name_en: a.name.en,
      name_search: normalizeForSearch(`${a.name.vi} ${a.code}`),
      type: a.type,
      admin_unit_id: unit.id,
      parent_id: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      unit_path: unit.path,
      valid_from: a.validFrom,
      valid_to: a.validTo ?? null,
      successor_code: a.successorCode ?? null,
      updated_at: now,
    };
    if (existing) {
      await db.updateTable('agencies').set(values).where('id', '=', id).execute();
      updated += 1;
    } else {
      await db.insertInto('agencies').values({ id, ...values, created_at: now }).execute();
      inserted += 1;
    }
  }
  if (sorted.length > 0) await registryChanged(db, now);
  return { inserted, updated };
}

/** Inserts or updates reception desks (natural key: code). */
export async function upsertDesks(db: RegistryDb, desks: readonly ReceptionDesk[], now: string, newId: () => string): Promise<number> {
  for (const d of desks) {
    const agency = await db.selectFrom('agencies').select('id').where('code', '=', d.agencyCode).executeTakeFirst();
    if (!agency) throw new Error(`desk ${d.code}: agency ${d.agencyCode} unknown`);
    const existing = await db.selectFrom('reception_desks').select('id').where('code', '=', d.code).executeTakeFirst();
    const values = { code: d.code, name_vi: d.name.vi, name_en: d.name.en, agency_id: agency.id, updated_at: now };
    if (existing) await db.updateTable('reception_desks').set(values).where('id', '=', existing.id).execute();
    else await db.insertInto('reception_desks').values({ id: newId(), ...values, office_hours: null, created_at: now }).execute();
  }
  if (desks.length > 0) await registryChanged(db, now);
  return desks.length;
}

/** Adds "every search word appears" conditions on a normalized column. */
export function searchCondition(column: string, query: string | undefined) {
  const tokens = query ? searchTokens(query) : [];
  return tokens.map((t) => sql<boolean>`${sql.ref(column)} like ${`%${t.replace(/[%_\\]/g, '')}%`}`);
}

export interface UnitListQuery {
  date: string;
  parentCode?: string;
  level?: UnitRow['level'];
  q?: string;
  cursor?: string;
  limit: number;
}

/** Units valid on a day, optionally children of a unit, matching a search, by name. */
export async function listUnits(db: RegistryDb, q: UnitListQuery): Promise<(UnitRow & { parent_code: string | null })[]> {
  let query = db
    .selectFrom('admin_units as u')
    .leftJoin('admin_units as p', 'p.id', 'u.parent_id')
    .selectAll('u')
    .select('p.code as parent_code')
    .where('u.valid_from', '<=', q.date)
    .where((eb) => eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>=', q.date)]));
  if (q.level) query = query.where('u.level', '=', q.level);
  if (q.parentCode) {
    const parent = await findUnitByCode(db, q.parentCode, q.date);
    query = query.where('u.parent_id', '=', parent?.id ?? '-');
  }
  for (const cond of searchCondition('u.name_search', q.q)) query = query.where(cond);
  const after = decodeCursor(q.cursor, 2);
  if (after) query = query.where(afterKey(['u.name_search', 'u.id'], after));
  return query.orderBy('u.name_search').orderBy('u.id').limit(q.limit + 1).execute();
}

export interface AgencyListQuery {
  q?: string;
  unitCode?: string;
  type?: string;
  date?: string;
  cursor?: string;
  limit: number;
}

/** Agencies matching a search, by name; with the code of their unit and parent. */
export async function listAgencies(db: RegistryDb, q: AgencyListQuery) {
  let query = db
    .selectFrom('agencies as a')
    .innerJoin('admin_units as u', 'u.id', 'a.admin_unit_id')
    .leftJoin('agencies as p', 'p.id', 'a.parent_id')
    .selectAll('a')
    .select(['u.code as unit_code', 'p.code as parent_code']);
  if (q.type) query = query.where('a.type', '=', q.type);
  if (q.unitCode) query = query.where('u.code', '=', q.unitCode);
  if (q.date) {
    const date = q.date;
    query = query.where('a.valid_from', '<=', date).where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>=', date)]));
  }
  for (const cond of searchCondition('a.name_search', q.q)) query = query.where(cond);
  const after = decodeCursor(q.cursor, 2);
  if (after) query = query.where(afterKey(['a.name_search', 'a.id'], after));
  return query.orderBy('a.name_search').orderBy('a.id').limit(q.limit + 1).execute();
}

/** One agency by code, with its unit's and parent's codes. */
export async function findAgency(db: RegistryDb, code: string): Promise<(AgencyRow & { unit_code: string; parent_code: string | null }) | undefined> {
  return db
    .selectFrom('agencies as a')
    .innerJoin('admin_units as u', 'u.id', 'a.admin_unit_id')
    .leftJoin('agencies as p', 'p.id', 'a.parent_id')
    .selectAll('a')
    .select(['u.code as unit_code', 'p.code as parent_code'])
    .where('a.code', '=', code)
    .executeTakeFirst();
}

/** Reception desks of an agency. */
export async function listDesks(db: RegistryDb, agencyId: string) {
  return db.selectFrom('reception_desks').selectAll().where('agency_id', '=', agencyId).orderBy('code').execute();
}
