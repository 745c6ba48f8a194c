/**
 * Base registries (cơ sở dữ liệu nền dùng chung): administrative units, agencies and
 * reception desks, officials, citizens and organizations. The only file other modules
 * import from this module.
 */
import type { AppModule } from '../../platform/context.js';
import { registryMigrations } from './migrations.js';
import { registryRoutes } from './routes.js';
import { resolveScopePaths } from './scopes.js';
import { seedRegistryDemo } from './seed.js';

export { agencyName, agencyScope, agencyTree, applicantByNumber, applicantsOfAccount, deskScope, officialAgency, resolveScopePaths } from './scopes.js';
export { placesOn, type PlacesOn } from './places-on.js';
export { REGISTRY_REVISION, registryChanged } from './directory.js';
export { normalizeForSearch, searchTokens } from './domain/search-text.js';
export { validateCitizenId } from './domain/citizen-id.js';
export { validateTaxCode } from './domain/tax-code.js';
export { DEMO_PASSWORD } from './seed.js';
export { runImport as runRegistryImport, type ImportResult } from './import/run-import.js';
export { IMPORT_KINDS, COLUMNS as IMPORT_COLUMNS, type ImportKind } from './import/kinds.js';
export { generateCitizens } from './demo/generate-citizens.js';
export { DEMO_CITIZENS, DEMO_ORGANIZATIONS, DEMO_OFFICIALS, HAI_CHAU_WARD_COMMITTEE_CODE } from './demo/demo-accounts.js';
export { CITY_SERVICE_CENTRE_CODE, DEPARTMENT_OF_CONSTRUCTION_CODE, DEPARTMENT_OF_JUSTICE_CODE, CITY_COMMITTEE_CODE } from './demo/agencies.js';
export type { AdminUnit } from './domain/admin-units.js';
export type { Agency, ReceptionDesk } from './domain/agencies.js';
export { accountContacts, accountsWithRole, type AccountContact } from './contacts.js';

/** The registry module as the composition root mounts it. */
export const registryModule: AppModule = {
  name: 'registry',
  migrations: registryMigrations,
  routes: registryRoutes,
  seedDemo: seedRegistryDemo,
  resolveScopes: resolveScopePaths,
};
