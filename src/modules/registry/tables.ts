import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.js';

interface Stamped {
  created_at: string;
  updated_at: string;
}

/** Row types of the registry's tables. */
export type RegistryTables = {
  admin_units: Stamped & {
    id: string;
    code: string;
    name_vi: string;
    name_en: string;
    short_name: string;
    name_search: string;
    level: 'province' | 'district' | 'commune';
    kind: string;
    parent_id: string | null;
    path: string;
    valid_from: string;
    valid_to: string | null;
    successor_code: string | null;
  };
  agencies: Stamped & {
    id: string;
    code: string;
    name_vi: string;
    name_en: string;
    name_search: string;
    type: string;
    admin_unit_id: string;
    parent_id: string | null;
    path: string;
    unit_path: string;
    valid_from: string;
    valid_to: string | null;
    successor_code: string | null;
  };
  reception_desks: Stamped & {
    id: string;
    code: string;
    name_vi: string;
    name_en: string;
    agency_id: string;
    office_hours: string | null;
  };
  officials: Stamped & {
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
  };
  citizens: Stamped & {
    id: string;
    id_number: string;
    full_name: string;
    name_search: string;
    date_of_birth: string;
    sex: 'male' | 'female';
    address_unit_code: string;
    address_street: string;
    address_search: string;
    phone: string | null;
    email: string | null;
    account_id: string | null;
    row_hash: string;
  };
  organizations: Stamped & {
    id: string;
    tax_code: string;
    name: string;
    name_search: string;
    english_name: string | null;
    legal_form: string | null;
    address_unit_code: string;
    address_street: string;
    address_search: string;
    legal_rep_name: string;
    legal_rep_id_number: string | null;
    phone: string | null;
    email: string | null;
    row_hash: string;
  };
  representations: {
    id: string;
    agent_account_id: string;
    subject_kind: 'citizen' | 'organization';
    subject_id: string;
    valid_to: string | null;
    created_at: string;
  };
  import_runs: {
    id: string;
    kind: string;
    file_name: string;
    status: 'running' | 'done' | 'failed';
    total_rows: number;
    inserted: number;
    updated: number;
    unchanged: number;
    failed: number;
    actor_id: string | null;
    started_at: string;
    finished_at: string | null;
  };
};

export type RegistryDb = Kysely<PlatformTables & RegistryTables>;

/** The registry's view of the database: platform tables plus its own. */
export function registryDb(db: Kysely<PlatformTables>): RegistryDb {
  return db.withTables<RegistryTables>();
}
