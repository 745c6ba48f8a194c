import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.js';
import { registryDb } from './tables.js';

/** Where an account can be reached: its e-mail and phone, from its account and registry records. */
export interface AccountContact {
  accountId: string;
  displayName: string;
  email: string | null;
  phone: string | null;
}

/**
 * The e-mail address and phone of each account, for notifications: the account's own
 * e-mail first, else the official's or citizen's record; the phone from the official's or
 * citizen's record. Disabled accounts are left out. Phones are personal data (Personal Data
 * Protection Law 2025): this read serves only the delivery of notices the person is owed.
 */
export async function accountContacts(db: Kysely<PlatformTables>, accountIds: readonly string[]): Promise<AccountContact[]> {
  if (accountIds.length === 0) return [];
  const rdb = registryDb(db);
  const accounts = await rdb.selectFrom('accounts').select(['id', 'display_name', 'email']).where('id', 'in', [...accountIds]).where('status', '=', 'active').execute();
  const officials = await rdb.selectFrom('officials').select(['account_id', 'email', 'phone']).where('account_id', 'in', [...accountIds]).execute();
  const citizens = await rdb.selectFrom('citizens').select(['account_id', 'email', 'phone']).where('account_id', 'in', [...accountIds]).execute();
  const records = new Map<string, { email: string | null; phone: string | null }>();
  for (const r of [...citizens, ...officials]) if (r.account_id) records.set(r.account_id, { email: r.email, phone: r.phone });
  return accounts.map((a) => {
    const record = records.get(a.id);
    return { accountId: a.id, displayName: a.display_name, email: a.email ?? record?.email ?? null, phone: record?.phone ?? null };
  });
}

/**
 * The active accounts holding `role` at the agency `agencyCode` (a grant scoped to that
 * agency exactly), for notices addressed to "the reception officers of X" or "the leaders
 * of X".
 */
export async function accountsWithRole(db: Kysely<PlatformTables>, role: string, agencyCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('account_roles as r')
    .innerJoin('accounts as a', 'a.id', 'r.account_id')
    .select('r.account_id')
    .distinct()
    .where('r.role', '=', role)
    .where('r.scope_kind', '=', 'agency')
    .where('r.scope_code', '=', agencyCode)
    .where('a.status', '=', 'active')
    .orderBy('r.account_id')
    .execute();
  return rows.map((r) => r.account_id);
}
