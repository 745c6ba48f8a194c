import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.js';
import type { OnlineServiceLevel, ProcedureLevel, ProcedureStatus } from './domain/types.js';

/** Row types of the catalogue's tables. */
export type CatalogTables = {
  catalog_procedures: {
    id: string;
    code: string;
    version: number;
    status: ProcedureStatus;
    name_vi: string;
    name_en: string;
    /** `normalizeForSearch(name.vi)`: the sort key of public lists. */
    name_search: string;
    /** Normalized tokens of code and both names, space-separated with a space at each end, for token-prefix search. */
    search_text: string;
    field_code: string;
    level: ProcedureLevel;
    online_level: OnlineServiceLevel;
    workflow_key: string;
    /** The whole `Procedure` as JSON text (its `status` is read from the column). */
    body: string;
    created_at: string;
    created_by: string | null;
    updated_at: string;
    published_at: string | null;
    published_by: string | null;
    retired_at: string | null;
  };
  /** Who may receive a procedure's dossiers: agency types or agency codes, one row each. */
  catalog_receiving_agencies: {
    procedure_id: string;
    agency_ref: string;
  };
};

export type CatalogDb = Kysely<PlatformTables & CatalogTables>;

/** The catalogue's view of the database: platform tables plus its own. */
export function catalogDb(db: Kysely<PlatformTables>): CatalogDb {
  return db.withTables<CatalogTables>();
}
