import { createHash } from 'node:crypto';
import { afterKey, decodeCursor } from '../../platform/db/paging.js';
import { scopeCondition } from '../../platform/auth/scope-sql.js';
import type { ScopeFilter } from '../../platform/auth/authorize.js';
import { registryChanged } from './directory.js';
import { normalizeForSearch } from './domain/search-text.js';
import type { CitizenRecord, OrganizationRecord } from './domain/people.js';
import { searchCondition } from './store-places.js';
import type { RegistryDb, RegistryTables } from './tables.js';

/** All SQL for citizens, organizations, officials and representations. */

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

const BATCH = 400;

function rowHash(values: readonly unknown[]): string {
  return createHash('sha1').update(JSON.stringify(values)).digest('hex');
}

function citizenValues(c: CitizenRecord) {
  const values = [c.id, c.fullName, c.dateOfBirth, c.sex, c.address.unitCode, c.address.street, c.phone || null, c.email || null];
  return {
    id_number: c.id,
    full_name: c.fullName,
    name_search: normalizeForSearch(c.fullName),
    date_of_birth: c.dateOfBirth,
    sex: c.sex,
    address_unit_code: c.address.unitCode,
    address_street: c.address.street,
    address_search: normalizeForSearch(c.address.street),
    phone: c.phone || null,
    email: c.email || null,
    row_hash: rowHash(values),
  };
}

function organizationValues(o: OrganizationRecord) {
  const values = [o.taxCode, o.name, o.englishName, o.legalForm, o.address.unitCode, o.address.street, o.legalRepresentative.fullName, o.legalRepresentative.citizenId, o.phone, o.email];
  return {
    tax_code: o.taxCode,
    name: o.name,
    name_search: normalizeForSearch(`${o.name} ${o.englishName ?? ''}`),
    english_name: o.englishName || null,
    legal_form: o.legalForm || null,
    address_unit_code: o.address.unitCode,
    address_street: o.address.street,
    address_search: normalizeForSearch(o.address.street),
    legal_rep_name: o.legalRepresentative.fullName,
    legal_rep_id_number: o.legalRepresentative.citizenId || null,
    phone: o.phone || null,
    email: o.email || null,
    row_hash: rowHash(values),
  };
}

/**
 * Inserts new citizens and updates changed ones (natural key: identification number), in
 * batches; rows identical to what is stored are left alone, so re-importing a file changes
 * nothing.
 */
export async function upsertCitizens(db: RegistryDb, records: readonly CitizenRecord[], now: string, newId: () => string): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (let i = 0; i < records.length; i += BATCH) {
    const chunk = records.slice(i, i + BATCH).map(citizenValues);
    const existing = await db.selectFrom('citizens').select(['id_number', 'row_hash']).where('id_number', 'in', chunk.map((c) => c.id_number)).execute();
    const known = new Map(existing.map((e) => [e.id_number, e.row_hash]));
    const fresh = chunk.filter((c) => !known.has(c.id_number));
    if (fresh.length > 0) await db.insertInto('citizens').values(fresh.map((c) => ({ id: newId(), ...c, account_id: null, created_at: now, updated_at: now }))).execute();
    counts.inserted += fresh.length;
    for (const c of chunk) {
      const hash = known.get(c.id_number);
      if (hash === undefined) continue;
      if (hash === c.row_hash) counts.unchanged += 1;
      else {
        await db.updateTable('citizens').set({ ...c, updated_at: now }).where('id_number', '=', c.id_number).execute();
        counts.updated += 1;
      }
    }
  }
  return counts;
}

/** Inserts new organizations and updates changed ones (natural key: tax code), in batches. */
export async function upsertOrganizations(db: RegistryDb, records: readonly OrganizationRecord[], now: string, newId: () => string): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (let i = 0; i < records.length; i += BATCH) {
    const chunk = records.slice(i, i + BATCH).map(organizationValues);
    const existing = await db.selectFrom('organizations').select(['tax_code', 'row_hash']).where('tax_code', 'in', chunk.map((c) => c.tax_code)).execute();
    const known = new Map(existing.map((e) => [e.tax_code, e.row_hash]));
    const fresh = chunk.filter((c) => !known.has(c.tax_code));
    if (fresh.length > 0) await db.insertInto('organizations').values(fresh.map((c) => ({ id: newId(), ...c, created_at: now, updated_at: now }))).execute();
    counts.inserted += fresh.length;
    for (const c of chunk) {
      const hash = known.get(c.tax_code);
      if (hash === undefined) continue;
      if (hash === c.row_hash) counts.unchanged += 1;
      else {
        await db.updateTable('organizations').set({ ...c, updated_at: now }).where('tax_code', '=', c.tax_code).execute();
        counts.updated += 1;
      }
    }
  }
  return counts;
}

export interface PeopleListQuery {
  q?: string;
  cursor?: string;
  limit: number;
}

/**
 * Citizens matching a search (name words without diacritics, or the start of an ID
 * number), by name. With an owner filter, only the actor's own records and those they
 * represent.
 */
export async function searchCitizens(db: RegistryDb, q: PeopleListQuery, scope: ScopeFilter) {
  let query = db.selectFrom('citizens').select(['id', 'id_number', 'full_name', 'name_search', 'date_of_birth', 'sex', 'address_unit_code', 'account_id']);
  if (!scope.all && scope.agencyPaths.length === 0 && scope.unitPaths.length === 0) {
    // Only own records (citizens' `self` grants): theirs, and those they represent.
    const me = scope.ownerAccountId ?? '-';
    query = query.where((eb) =>
      eb.or([
        eb('account_id', '=', me),
        eb('id', 'in', eb.selectFrom('representations').select('subject_id').where('subject_kind', '=', 'citizen').where('agent_account_id', '=', me)),
      ]),
    );
  }
  const text = q.q?.trim() ?? '';
  if (/^\d{3,12}$/.test(text)) query = query.where('id_number', 'like', `${text}%`);
  else for (const cond of searchCondition('name_search', text)) query = query.where(cond);
  const after = decodeCursor(q.cursor, 2);
  if (after) query = query.where(afterKey(['name_search', 'id'], after));
  return query.orderBy('name_search').orderBy('id').limit(q.limit + 1).execute();
}

/** Organizations matching a search (name words, or the start of a tax code), by name. */
export async function searchOrganizations(db: RegistryDb, q: PeopleListQuery, scope: ScopeFilter) {
  let query = db.selectFrom('organizations').select(['id', 'tax_code', 'name', 'name_search', 'legal_form', 'address_unit_code']);
  if (!scope.all && scope.agencyPaths.length === 0 && scope.unitPaths.length === 0) {
    const me = scope.ownerAccountId ?? '-';
    query = query.where('id', 'in', (eb) => eb.selectFrom('representations').select('subject_id').where('subject_kind', '=', 'organization').where('agent_account_id', '=', me));
  }
  const text = q.q?.trim() ?? '';
  if (/^\d{3,10}(-\d{0,3})?$/.test(text)) query = query.where('tax_code', 'like', `${text}%`);
  else for (const cond of searchCondition('name_search', text)) query = query.where(cond);
  const after = decodeCursor(q.cursor, 2);
  if (after) query = query.where(afterKey(['name_search', 'id'], after));
  return query.orderBy('name_search').orderBy('id').limit(q.limit + 1).execute();
}

/** The accounts that own a record: the person's own account and their representatives. */
export async function ownersOf(db: RegistryDb, kind: 'citizen' | 'organization', id: string, accountId: string | null): Promise<string[]> {
  const reps = await db.selectFrom('representations').select('agent_account_id').where('subject_kind', '=', kind).where('subject_id', '=', id).execute();
  return [...(accountId ? [accountId] : []), ...reps.map((r) => r.agent_account_id)];
}

export async function findCitizen(db: RegistryDb, id: string): Promise<RegistryTables['citizens'] | undefined> {
  return db.selectFrom('citizens').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrganization(db: RegistryDb, id: string): Promise<RegistryTables['organizations'] | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Officials in scope (agency paths of the actor), matching a search, by name. */
export async function listOfficials(db: RegistryDb, q: PeopleListQuery & { agencyCode?: string }, scope: ScopeFilter) {
  let query = db
    .selectFrom('officials as o')
    .innerJoin('agencies as a', 'a.id', 'o.agency_id')
    .innerJoin('accounts as acc', 'acc.id', 'o.account_id')
    .select(['o.id', 'o.full_name', 'o.name_search', 'o.position_vi', 'o.position_en', 'o.email', 'a.code as agency_code', 'a.name_vi as agency_name', 'acc.username', 'acc.status'])
    .where((eb) => scopeCondition(eb, scope, { agencyPath: 'a.path', unitPath: 'a.unit_path' }));
  if (q.agencyCode) query = query.where('a.code', '=', q.agencyCode);
  for (const cond of searchCondition('o.name_search', q.q)) query = query.where(cond);
  const after = decodeCursor(q.cursor, 2);
  if (after) query = query.where(afterKey(['o.name_search', 'o.id'], after));
  return query.orderBy('o.name_search').orderBy('o.id').limit(q.limit + 1).execute();
}

/** One official with their agency's scope paths. */
export async function findOfficial(db: RegistryDb, id: string) {
  return db
    .selectFrom('officials as o')
    .innerJoin('agencies as a', 'a.id', 'o.agency_id')
    .innerJoin('accounts as acc', 'acc.id', 'o.account_id')
    .select(['o.id', 'o.account_id', 'o.full_name', 'o.position_vi', 'o.position_en', 'o.email', 'o.phone', 'a.code as agency_code', 'a.path as agency_path', 'a.unit_path', 'acc.username', 'acc.status'])
    .where('o.id', '=', id)
    .executeTakeFirst();
}

/** Links an official record to an account (insert or update by account). */
export async function upsertOfficial(
  db: RegistryDb,
  input: { accountId: string; fullName: string; agencyId: string; position: { vi: string; en: string }; email: string | null; phone: string | null },
  now: string,
  newId: () => string,
): Promise<'inserted' | 'updated' | 'unchanged'> {
  const values = {
    full_name: input.fullName,
    name_search: normalizeForSearch(input.fullName),
    agency_id: input.agencyId,
    position_vi: input.position.vi,
    position_en: input.position.en,
    email: input.email,
    phone: input.phone,
    row_hash: rowHash([input.fullName, input.agencyId, input.position.vi, input.position.en, input.email, input.phone]),
  };
  const existing = await db.selectFrom('officials').select(['id', 'row_hash']).where('account_id', '=', input.accountId).executeTakeFirst();
  if (!existing) {
    await db.insertInto('officials').values({ id: newId(), account_id: input.accountId, ...values, created_at: now, updated_at: now }).execute();
    await registryChanged(db, now);
    return 'inserted';
  }
  if (existing.row_hash === values.row_hash) return 'unchanged';
  await db.updateTable('officials').set({ ...values, updated_at: now }).where('id', '=', existing.id).execute();
  // Officials' agencies are cached (directory.ts).
  await registryChanged(db, now);
  return 'updated';
}
