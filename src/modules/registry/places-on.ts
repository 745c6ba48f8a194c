/**
 * The places a statistics reader may pick as a reporting scope, before their grants narrow
 * them: administrative units and agencies in force on a day, and those agencies' desks.
 */
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.js';
import { registryDb } from './tables.js';

/** The units, agencies and desks in force on a day, with their parents and scope paths. */
export interface PlacesOn {
  units: { code: string; parentCode: string | null; path: string; name: { vi: string; en: string } }[];
  agencies: { code: string; parentCode: string | null; unitCode: string; path: string; unitPath: string; name: { vi: string; en: string } }[];
  desks: { code: string; agencyCode: string; name: { vi: string; en: string } }[];
}

/**
 * The administrative units and agencies in force on a local day (`YYYY-MM-DD`) and the
 * reception desks of those agencies, with the paths authorization checks: the places a
 * statistics reader may pick, before their grants narrow them.
 */
export async function placesOn(db: Kysely<PlatformTables>, date: string): Promise<PlacesOn> {
  const rdb = registryDb(db);
  const [units, agencies, desks] = await Promise.all([
    rdb
      .selectFrom('admin_units as u')
      .leftJoin('admin_units as p', 'p.id', 'u.parent_id')
      .select(['u.code', 'p.code as parent_code', 'u.path', 'u.name_vi', 'u.name_en'])
      .where('u.valid_from', '<=', date)
      .where((eb) => eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>=', date)]))
      .execute(),
    rdb
      .selectFrom('agencies as a')
      .innerJoin('admin_units as u', 'u.id', 'a.admin_unit_id')
      .leftJoin('agencies as p', 'p.id', 'a.parent_id')
      .select(['a.code', 'p.code as parent_code', 'u.code as unit_code', 'a.path', 'a.unit_path', 'a.name_vi', 'a.name_en'])
      .where('a.valid_from', '<=', date)
      .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>=', date)]))
      .execute(),
    rdb
      .selectFrom('reception_desks as d')
      .innerJoin('agencies as a', 'a.id', 'd.agency_id')
      .select(['d.code', 'a.code as agency_code', 'd.name_vi', 'd.name_en'])
      .where('a.valid_from', '<=', date)
      .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>=', date)]))
      .execute(),
  ]);
  return {
    units: units.map((u) => ({ code: u.code, parentCode: u.parent_code, path: u.path, name: { vi: u.name_vi, en: u.name_en } })),
    agencies: agencies.map((a) => ({ code: a.code, parentCode: a.parent_code, unitCode: a.unit_code, path: a.path, unitPath: a.unit_path, name: { vi: a.name_vi, en: a.name_en } })),
    desks: desks.map((d) => ({ code: d.code, agencyCode: d.agency_code, name: { vi: d.name_vi, en: d.name_en } })),
  };
}
