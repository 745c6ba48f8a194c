import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database, Dialect } from './db/database.js';
import type { NamedMigration } from './db/migrator.js';
import type { PlatformTables } from './db/tables.js';
import type { IdGenerator } from './ids.js';
import type { FastifyPluginAsync } from 'fastify';
import type { ScopePathResolver } from './auth/plugin.js';

/** The platform services every module receives; nothing is imported as a singleton. */
export interface PlatformServices {
  config: Config;
  db: Kysely<PlatformTables>;
  dialect: Dialect;
  clock: Clock;
  newId: IdGenerator;
  log: Logger;
}

/** What the demo seeder of a module reports, for the start-up banner. */
export interface SeedReport {
  /** Human lines such as "94 administrative units". */
  summary: string[];
  /** Demonstration logins to print at start. */
  logins?: { username: string; password: string; role: string }[];
}

/**
 * A module as the composition root sees it: its migrations, its HTTP routes (mounted under
 * `/api/v1`) and its demonstration data.
 */
export interface AppModule {
  name: string;
  migrations?: readonly NamedMigration[];
  routes?: FastifyPluginAsync;
  /** Loads demonstration data; runs once, on an empty database, inside one transaction. */
  seedDemo?: (services: PlatformServices) => Promise<SeedReport>;
  /** Resolves role-grant scopes to paths; provided by the module that owns agencies and units. */
  resolveScopes?: ScopePathResolver;
}

/** The pieces `buildApp` needs; `database` is closed by whoever opened it. */
export interface AppDependencies {
  config: Config;
  database: Database;
  clock: Clock;
  newId: IdGenerator;
  log: Logger;
  modules: readonly AppModule[];
}
