/**
 * The procedure catalogue (danh mục thủ tục hành chính): procedures with their documents,
 * fees, deadlines, e-forms and workflow, versioned so that a dossier keeps the version it
 * was filed under. The only file other modules import from this module.
 */
import type { AppModule } from '../../platform/context.js';
import { catalogMigrations } from './migrations.js';
import { catalogRoutes } from './routes.js';
import { seedCatalogDemo } from './seed.js';
import { CATALOG_REVISION, findPublished, findVersion } from './store.js';
import type { Procedure } from './domain/types.js';
import type { Kysely } from 'kysely';
import { RevisionCache } from '../../platform/db/revision-cache.js';
import type { PlatformTables } from '../../platform/db/tables.js';

export { computeFee, conditionHolds } from './domain/fees.js';
export type { FeeLine, FeeError, FeeOptions, FeeResult } from './domain/fees.js';
export { validateFormData } from './domain/eform-validate.js';
export type { FormFieldError, FormValidationResult } from './domain/eform-validate.js';
export { validateProcedure } from './domain/validate-procedure.js';
export { procedureFields } from './domain/reference-data.js';
export type {
  Bilingual,
  Deadline,
  FeeItem,
  JsonSchema,
  OnlineServiceLevel,
  Procedure,
  ProcedureLevel,
  ProcedureStatus,
  RequiredDocument,
  SubmissionChannel,
} from './domain/types.js';
export { publishedCodesReceivableBy } from './store.js';
export { exportCatalogWorkbook, importCatalogWorkbook } from './xlsx.js';
export type { ImportReport, WorkbookError } from './xlsx.js';
export { demoCatalog } from './demo/demo-catalog.js';

/*
 * A per-process cache of the procedures dossiers are filed and charged under, valid until
 * the `catalog` revision counter moves (every write of the store bumps it, in any process).
 * Versions are cached under the counter too, although a published body never changes,
 * because the status they carry does (published → retired) and drafts change in place.
 * Keys: `published:<code>` and `<code>@<version>`. Cached procedures are frozen.
 */
const procedures = new RevisionCache<Procedure | undefined>({ revisions: [CATALOG_REVISION], max: 2_000, freeze: true });

/**
 * One version of a procedure, whatever its status: what a dossier filed under
 * `code@version` is checked and charged against (Decree 118/2025/NĐ-CP: a dossier is
 * handled under the procedure as published when it was received).
 */
export async function getProcedure(db: Kysely<PlatformTables>, code: string, version: number): Promise<Procedure | undefined> {
  return procedures.get(db, `${code}@${version}`, async () => (await findVersion(db, code, version))?.procedure);
}

/** The published version of a procedure: what a new dossier is filed under (undefined when none is published). */
export async function getPublishedProcedure(db: Kysely<PlatformTables>, code: string): Promise<Procedure | undefined> {
  const view = await procedures.view(db);
  return view.get(`published:${code}`, async () => {
    const published = (await findPublished(db, code))?.procedure;
    // The same row by version: what the submission's transaction asks for next (statistics).
    if (published) view.set(`${code}@${published.version}`, published);
    return published;
  });
}

/** The catalogue module as the composition root mounts it (after the workflow module). */
export const catalogModule: AppModule = {
  name: 'catalog',
  migrations: catalogMigrations,
  routes: catalogRoutes,
  seedDemo: seedCatalogDemo,
};
