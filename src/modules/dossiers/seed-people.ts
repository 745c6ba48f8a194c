/**
 * The people of the dossier demonstration: the officials who handle dossiers at the demo
 * wards (the registry's demo has a full team only at Hải Châu, without a clerk), citizens
 * with and without accounts, and the `Actor` objects the use cases take.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/authorize.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { RoleGrant } from '../../platform/auth/roles.js';
import type { PlatformServices } from '../../platform/context.js';
import type { PlatformTables } from '../../platform/db/tables.js';
import { agencyScope, DEMO_PASSWORD, deskScope, normalizeForSearch, registryChanged, resolveScopePaths } from '../registry/index.js';

/** The registry's rows this seed writes, typed as the registry's seed writes them. */
type RegistryRows = {
  officials: {
    id: string;
    account_id: string;
    full_name: string;
    name_search: string;
    agency_id: string;
    position_vi: string;
    position_en: string;
    email: string | null;
    phone: string | null;
    row_hash: string;
    created_at: string;
    updated_at: string;
  };
  citizens: { id: string; id_number: string; full_name: string; date_of_birth: string; account_id: string | null; address_unit_code: string };
  organizations: { id: string; tax_code: string; name: string; legal_rep_id_number: string | null };
};
type SeedDb = Kysely<PlatformTables & RegistryRows>;

/** A ward whose reception desk gets a demonstration team. */
export interface DemoWard {
  /** Username prefix, e.g. `hoakhanh`. */
  slug: string;
  /** Reception desk code, `MC-<unit code>`. */
  deskCode: string;
  /** Proper name for addresses, e.g. `Hòa Khánh`. */
  place: string;
}

/** The wards that get a full team (reception, specialist, leader, clerk) besides Hải Châu. */
export const DEMO_WARDS: readonly DemoWard[] = [
  { slug: 'hoakhanh', deskCode: 'MC-20200', place: 'Hòa Khánh' },
  { slug: 'thanhkhe', deskCode: 'MC-20209', place: 'Thanh Khê' },
  { slug: 'sontra', deskCode: 'MC-20263', place: 'Sơn Trà' },
  { slug: 'nguhanhson', deskCode: 'MC-20285', place: 'Ngũ Hành Sơn' },
];

/**
 * The clerk added at Hải Châu. Not `haichau.vanthu`: the dossier story tests create an
 * official of that name themselves on top of the demo data.
 */
export const HAI_CHAU_CLERK = 'haichau.vanthu1';

const TEAM: readonly { suffix: string; role: RoleGrant['role']; vi: string; en: string }[] = [
  { suffix: 'tiepnhan', role: 'receptionOfficer', vi: 'Công chức tiếp nhận hồ sơ', en: 'Reception officer' },
  { suffix: 'chuyenvien', role: 'specialist', vi: 'Chuyên viên', en: 'Specialist' },
  { suffix: 'lanhdao', role: 'leader', vi: 'Phó Chủ tịch Ủy ban nhân dân phường', en: "Vice-Chairman of the Ward People's Committee" },
  { suffix: 'vanthu', role: 'clerk', vi: 'Văn thư', en: 'Records clerk' },
];
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Đặng', 'Bùi', 'Huỳnh', 'Phan', 'Trương', 'Đỗ', 'Ngô', 'Dương', 'Lý', 'Hồ'];
const GIVEN = ['Văn Nam', 'Thị Hoa', 'Minh Khoa', 'Thị Hương', 'Quang Huy', 'Thị Ngọc', 'Đức Long', 'Thị Thảo', 'Hữu Phúc', 'Thị Mai', 'Anh Tuấn', 'Thị Vân', 'Công Danh', 'Thị Yến', 'Xuân Trường', 'Thị Lệ', 'Văn Tài'];

/** An official the seed creates. */
interface NewOfficial {
  username: string;
  fullName: string;
  agencyCode: string;
  role: RoleGrant['role'];
  position: { vi: string; en: string };
}

/** The officials to create: a team per demo ward and a clerk at Hải Châu. */
export async function demoTeams(db: Kysely<PlatformTables>): Promise<NewOfficial[]> {
  const out: NewOfficial[] = [];
  const clerk = TEAM[3];
  const haiChau = await deskScope(db, 'MC-20242');
  if (!haiChau || !clerk) throw new Error('dossier demo: the Hải Châu desk MC-20242 is missing from the registry demo');
  out.push({ username: HAI_CHAU_CLERK, fullName: 'Lý Thị Văn', agencyCode: haiChau.agencyCode, role: clerk.role, position: { vi: clerk.vi, en: clerk.en } });
  let n = 0;
  for (const ward of DEMO_WARDS) {
    const desk = await deskScope(db, ward.deskCode);
    if (!desk) throw new Error(`dossier demo: the desk ${ward.deskCode} is missing from the registry demo`);
    for (const t of TEAM) {
      const fullName = `${SURNAMES[n % SURNAMES.length] ?? 'Nguyễn'} ${GIVEN[(n * 7) % GIVEN.length] ?? 'Văn An'}`;
      n++;
      out.push({ username: `${ward.slug}.${t.suffix}`, fullName, agencyCode: desk.agencyCode, role: t.role, position: { vi: t.vi, en: t.en } });
    }
  }
  return out;
}

function rowHash(values: readonly unknown[]): string {
  return createHash('sha1').update(JSON.stringify(values)).digest('hex');
}

/**
 * Creates official and citizen accounts with the demo password. One argon2id hash serves
 * every account: the password is public demo data anyway, and hashing it ~80 times would
 * take most of the seed's time budget. Rows are those `createAccount` and the registry's
 * `upsertOfficial` write.
 */
export async function createDemoAccounts(
  services: PlatformServices,
  officials: readonly NewOfficial[],
  citizens: readonly { id: string; id_number: string; full_name: string }[],
): Promise<void> {
  const db = services.db as SeedDb;
  const now = services.clock.now().toISOString();
  const hash = await hashPassword(DEMO_PASSWORD);
  const account = (id: string, username: string, displayName: string, kind: 'official' | 'citizen', email: string) =>
    ({ id, username, password_hash: hash, display_name: displayName, kind, email, status: 'active' as const, failed_logins: 0, locked_until: null, created_at: now, updated_at: now });
  for (const o of officials) {
    const id = services.newId();
    const agency = await agencyScope(db, o.agencyCode);
    if (!agency) throw new Error(`dossier demo: unknown agency ${o.agencyCode}`);
    const email = `${o.username}@danang.example`;
    await db.insertInto('accounts').values(account(id, o.username, o.fullName, 'official', email)).execute();
    await db.insertInto('account_roles').values({ account_id: id, role: o.role, scope_kind: 'agency', scope_code: o.agencyCode }).execute();
    await db
      .insertInto('officials')
      .values({
        id: services.newId(), account_id: id, full_name: o.fullName, name_search: normalizeForSearch(o.fullName), agency_id: agency.id,
        position_vi: o.position.vi, position_en: o.position.en, email, phone: null,
        row_hash: rowHash([o.fullName, agency.id, o.position.vi, o.position.en, email, null]), created_at: now, updated_at: now,
      })
      .execute();
  }
  // Rows written here rather than through the registry: its caches must still hear of them.
  if (officials.length > 0) await registryChanged(db, now);
  for (const c of citizens) {
    const id = services.newId();
    await db.insertInto('accounts').values(account(id, c.id_number, c.full_name, 'citizen', `${c.id_number}@example.com`)).execute();
    await db.insertInto('account_roles').values({ account_id: id, role: 'citizen', scope_kind: 'self', scope_code: 'self' }).execute();
    await db.updateTable('citizens').set({ account_id: id }).where('id', '=', c.id).execute();
  }
}

/** Generated citizens (not the fixed demo ones, whose dossier lists the story tests check), by id number. */
export async function generatedCitizens(db: Kysely<PlatformTables>, count: number, fixed: readonly string[]) {
  return (db as SeedDb)
    .selectFrom('citizens')
    .select(['id', 'id_number', 'full_name', 'date_of_birth', 'account_id', 'address_unit_code'])
    .where('id_number', 'not in', fixed.length ? [...fixed] : ['-'])
    .orderBy('id_number')
    .limit(count)
    .execute();
}

/** Generated organizations (not the fixed demo ones), for dossiers filed by businesses. */
export async function generatedOrganizations(db: Kysely<PlatformTables>, count: number, fixed: readonly string[]) {
  return (db as SeedDb)
    .selectFrom('organizations')
    .select(['id', 'tax_code', 'name', 'legal_rep_id_number'])
    .where('tax_code', 'not in', fixed.length ? [...fixed] : ['-'])
    .orderBy('tax_code')
    .limit(count)
    .execute();
}

/** The `Actor` of an account, as the auth plugin would build it for a request. */
export async function actorOf(db: Kysely<PlatformTables>, username: string): Promise<Actor> {
  const a = await db.selectFrom('accounts').select(['id', 'username', 'display_name', 'kind']).where('username', '=', username).executeTakeFirst();
  if (!a) throw new Error(`dossier demo: no account ${username}`);
  const roles = await db.selectFrom('account_roles').select(['role', 'scope_kind', 'scope_code']).where('account_id', '=', a.id).execute();
  const grants = await resolveScopePaths(db, roles.map((r) => ({ role: r.role, scopeKind: r.scope_kind, scopeCode: r.scope_code }) as RoleGrant));
  return { accountId: a.id, username: a.username, displayName: a.display_name, kind: a.kind, grants, via: 'system' };
}
