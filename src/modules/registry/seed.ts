import { createAccount } from '../../platform/auth/accounts.js';
import type { RoleGrant } from '../../platform/auth/roles.js';
import type { PlatformServices, SeedReport } from '../../platform/context.js';
import type { RoleScope } from './domain/agencies.js';
import { DA_NANG_ADMIN_UNITS } from './demo/admin-units.js';
import { DA_NANG_AGENCIES, DA_NANG_RECEPTION_DESKS } from './demo/agencies.js';
import { DEMO_CITIZENS, DEMO_OFFICIALS, DEMO_ORGANIZATIONS } from './demo/demo-accounts.js';
import { generateCitizens } from './demo/generate-citizens.js';
import { generateOrganizations } from './demo/generate-organizations.js';
import { upsertOfficial, upsertCitizens, upsertOrganizations } from './store-people.js';
import { upsertAgencies, upsertDesks, upsertUnits } from './store-places.js';
import { registryDb } from './tables.js';

/** The password of every demonstration account (printed at start; demo data only). */
export const DEMO_PASSWORD = 'DaNang@2026';
const GENERATED_CITIZENS = 3_000;
const GENERATED_ORGANIZATIONS = 300;

/** Converts a registry role scope to the platform's grant form. */
export function grantOf(role: RoleGrant['role'], scope: RoleScope): RoleGrant {
  if (scope.type === 'system') return { role, scopeKind: 'system', scopeCode: '*' };
  return { role, scopeKind: scope.type === 'agency' ? 'agency' : 'adminUnit', scopeCode: scope.code };
}

/**
 * Loads the Da Nang demonstration registries: both administrative structures (three-tier
 * until 30/06/2025, two-tier since), agencies and desks, officials in every role, demo
 * citizens and organizations with accounts, and generated citizens and organizations.
 */
export async function seedRegistryDemo(services: PlatformServices): Promise<SeedReport> {
  const db = registryDb(services.db);
  const now = services.clock.now().toISOString();
  const { newId } = services;
  const units = await upsertUnits(db, DA_NANG_ADMIN_UNITS, now, newId);
  const agencies = await upsertAgencies(db, DA_NANG_AGENCIES, now, newId);
  await upsertDesks(db, DA_NANG_RECEPTION_DESKS, now, newId);

  const logins: NonNullable<SeedReport['logins']> = [];
  for (const o of DEMO_OFFICIALS) {
    const grants = o.roles.map((r) => grantOf(r.role, r.scope));
    const { id } = await createAccount(services, { username: o.username, password: DEMO_PASSWORD, displayName: o.fullName, kind: 'official', email: o.email, grants });
    const agency = await db.selectFrom('agencies').select('id').where('code', '=', o.agencyCode).executeTakeFirstOrThrow();
    await upsertOfficial(db, { accountId: id, fullName: o.fullName, agencyId: agency.id, position: o.position, email: o.email, phone: null }, now, newId);
    logins.push({ username: o.username, password: DEMO_PASSWORD, role: `${o.roles.map((r) => r.role).join('+')} (${o.agencyCode})` });
  }

  await upsertCitizens(db, DEMO_CITIZENS, now, newId);
  for (const c of DEMO_CITIZENS.slice(0, 3)) {
    const { id } = await createAccount(services, { username: c.id, password: DEMO_PASSWORD, displayName: c.fullName, kind: 'citizen', email: c.email, grants: [{ role: 'citizen', scopeKind: 'self', scopeCode: 'self' }] });
    await db.updateTable('citizens').set({ account_id: id }).where('id_number', '=', c.id).execute();
    logins.push({ username: c.id, password: DEMO_PASSWORD, role: `citizen ${c.fullName}` });
  }
  await upsertOrganizations(db, DEMO_ORGANIZATIONS, now, newId);
  // The first demo citizen is the legal representative of the first demo company.
  const an = await db.selectFrom('citizens').select('account_id').where('id_number', '=', DEMO_CITIZENS[0]?.id ?? '').executeTakeFirstOrThrow();
  const company = await db.selectFrom('organizations').select('id').where('tax_code', '=', DEMO_ORGANIZATIONS[0]?.taxCode ?? '').executeTakeFirstOrThrow();
  if (an.account_id) {
    await db.insertInto('representations').values({ id: newId(), agent_account_id: an.account_id, subject_kind: 'organization', subject_id: company.id, valid_to: null, created_at: now }).execute();
  }

  const citizens = generateCitizens(GENERATED_CITIZENS, 2026);
  await upsertCitizens(db, citizens, now, newId);
  const organizations = generateOrganizations(GENERATED_ORGANIZATIONS, 2026, { representatives: citizens });
  await upsertOrganizations(db, organizations, now, newId);

  return {
    summary: [
      `${units.inserted} administrative units`,
      `${agencies.inserted} agencies`,
      `${DA_NANG_RECEPTION_DESKS.length} reception desks`,
      `${DEMO_OFFICIALS.length} officials`,
      `${citizens.length + DEMO_CITIZENS.length} citizens`,
      `${organizations.length + DEMO_ORGANIZATIONS.length} organizations`,
    ],
    logins,
  };
}
