import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.js';

/** Life of a stored process definition version. */
export type DefinitionStatus = 'draft' | 'published' | 'retired';

/** Row types of the workflow module's tables. */
export type WorkflowTables = {
  workflow_definitions: {
    id: string;
    key: string;
    version: number;
    status: DefinitionStatus;
    name_vi: string;
    name_en: string;
    /** The whole `ProcessDefinition` as JSON text. */
    definition: string;
    created_at: string;
    created_by: string | null;
    updated_at: string;
    published_at: string | null;
    published_by: string | null;
  };
  /** Which dossier runs on which definition version (written by the dossier module through `pinDefinition`). */
  workflow_pins: {
    dossier_id: string;
    key: string;
    version: number;
    pinned_at: string;
  };
};

export type WorkflowDb = Kysely<PlatformTables & WorkflowTables>;

/** The workflow module's view of the database: platform tables plus its own. */
export function workflowDb(db: Kysely<PlatformTables>): WorkflowDb {
  return db.withTables<WorkflowTables>();
}
