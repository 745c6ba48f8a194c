import type { AppModule } from '../../src/platform/context.js';
import { ManualClock } from '../../src/platform/clock.js';
import { loadConfig, type Config } from '../../src/platform/config.js';
import { buildApp, type App } from '../../src/platform/http/app.js';
import { createIdGenerator } from '../../src/platform/ids.js';
import { createLogger } from '../../src/platform/logger.js';
import { seedDemo } from '../../src/platform/seed.js';
import { createMigratedTestDatabase, type TestDatabase } from './db.js';

export interface TestApp {
  app: App;
  database: TestDatabase;
  clock: ManualClock;
  config: Config;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Load every module's demonstration data (e.g. the Da Nang registries) first. */
  seedDemo?: boolean;
}

/**
 * An in-process app over a fresh migrated database, with a manual clock (default Monday
 * 02/03/2026 09:00 Vietnam time); for `app.inject` tests.
 */
export async function createTestApp(
  modules: readonly AppModule[] = [],
  start = '2026-03-02T02:00:00Z',
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const database = await createMigratedTestDatabase(modules);
  const clock = new ManualClock(start);
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', LOG_FORMAT: 'json', LOGIN_RATE_LIMIT: '1000', ...env }, process.cwd(), false), database: database.target };
  const log = createLogger(config);
  const app = await buildApp({ config, database, clock, newId: createIdGenerator(clock), log, modules });
  await app.ready();
  if (options.seedDemo) {
    await seedDemo({ config, db: database.db, dialect: database.dialect, clock, newId: createIdGenerator(clock), log }, modules);
  }
  return {
    app,
    database,
    clock,
    config,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
