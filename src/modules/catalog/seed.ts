import type { PlatformServices, SeedReport } from '../../platform/context.js';
import { demoCatalog } from './demo/demo-catalog.js';
import { checkProcedure, insertVersion } from './store.js';

/**
 * Loads the demonstration catalogue, every procedure published at version 1. Runs after the
 * workflow module's seed, so the workflows the procedures name are published already.
 */
export async function seedCatalogDemo(services: PlatformServices): Promise<SeedReport> {
  const stamp = { actorId: null, at: services.clock.now(), newId: services.newId };
  for (const demo of demoCatalog) {
    const p = { ...demo, version: 1, status: 'published' as const };
    const issues = await checkProcedure(services.db, p);
    if (issues.length > 0) throw new Error(`demo procedure ${p.code} is invalid: ${issues.map((i) => `${i.path} ${i.message.en}`).join('; ')}`);
    await insertVersion(services.db, p, stamp);
  }
  return { summary: [`${demoCatalog.length} procedures in the catalogue`] };
}
