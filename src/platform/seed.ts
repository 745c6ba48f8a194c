import type { AppModule, PlatformServices, SeedReport } from './context.js';

const INITIALIZED = 'initialized';
const DEMO = 'demo';

/** The merged report of every module's demo seeder. */
export interface DemoSeedOutcome {
  loaded: boolean;
  report: SeedReport;
}

/**
 * Loads the demonstration data of every module in one transaction, once: a second call
 * reports what was loaded the first time and changes nothing.
 */
export async function seedDemo(services: PlatformServices, modules: readonly AppModule[]): Promise<DemoSeedOutcome> {
  const previous = await services.db.selectFrom('seed_state').select(['details']).where('name', '=', DEMO).executeTakeFirst();
  if (previous) return { loaded: false, report: parseReport(previous.details) };
  const report = await services.db.transaction().execute(async (trx) => {
    const scoped: PlatformServices = { ...services, db: trx };
    const merged: SeedReport = { summary: [], logins: [] };
    for (const module of modules) {
      if (!module.seedDemo) continue;
      const r = await module.seedDemo(scoped);
      merged.summary.push(...r.summary);
      merged.logins?.push(...(r.logins ?? []));
    }
    await trx
      .insertInto('seed_state')
      .values({ name: DEMO, applied_at: services.clock.now().toISOString(), details: JSON.stringify(merged) })
      .execute();
    return merged;
  });
  return { loaded: true, report };
}

/**
 * On the very first start of a database, loads the demo data when configured to; later
 * starts leave the data alone (an operator who deleted the demo data does not get it back).
 * Returns the demo report when demo data is present, for the start-up banner.
 */
export async function firstStart(services: PlatformServices, modules: readonly AppModule[]): Promise<DemoSeedOutcome | undefined> {
  const initialized = await services.db.selectFrom('seed_state').select('name').where('name', '=', INITIALIZED).executeTakeFirst();
  let outcome: DemoSeedOutcome | undefined;
  if (!initialized) {
    if (services.config.seedDemo) outcome = await seedDemo(services, modules);
    await services.db
      .insertInto('seed_state')
      .values({ name: INITIALIZED, applied_at: services.clock.now().toISOString(), details: null })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    return outcome;
  }
  const demo = await services.db.selectFrom('seed_state').select('details').where('name', '=', DEMO).executeTakeFirst();
  return demo ? { loaded: false, report: parseReport(demo.details) } : undefined;
}

function parseReport(details: string | null): SeedReport {
  if (!details) return { summary: [] };
  return JSON.parse(details) as SeedReport;
}
