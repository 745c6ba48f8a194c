/**
 * The system under test as the benchmarks open it: configuration, database and services
 * built the way the `egov` command builds them, over a file under `bench/.cache/`.
 */
import type { Logger } from 'pino';
import { appModules } from '../../src/composition.js';
import { ManualClock, type Clock } from '../../src/platform/clock.js';
import { loadConfig, type Config } from '../../src/platform/config.js';
import type { PlatformServices } from '../../src/platform/context.js';
import type { Database } from '../../src/platform/db/database.js';
import { createLogger } from '../../src/platform/logger.js';
import { openAndMigrate, platformServices } from '../../src/platform/server.js';
import { ROOT_DIR } from './cache.js';

/** The instant generated data is stamped with: Monday 02/03/2026 09:00 in Da Nang. */
export const BENCH_START = '2026-03-02T02:00:00Z';

/** An open, migrated database with the services the use cases take. */
export interface OpenSystem {
  config: Config;
  database: Database;
  services: PlatformServices;
  close(): Promise<void>;
}

/**
 * Opens (and migrates) the database at `databaseUrl` with a quiet logger; `clock` defaults
 * to a clock standing at `BENCH_START` so generated data is the same on every machine.
 */
export async function openSystem(databaseUrl: string, dataDir: string, clock: Clock = new ManualClock(BENCH_START)): Promise<OpenSystem> {
  const config = loadConfig({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir, LOG_LEVEL: 'silent', LOG_FORMAT: 'json', SEED_DEMO: 'true' }, ROOT_DIR, false);
  const log: Logger = createLogger(config);
  const database = await openAndMigrate(config, appModules, log);
  const services = platformServices(config, database, log, clock);
  return { config, database, services, close: () => database.close() };
}
