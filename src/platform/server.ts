import { accessSync, constants, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Logger } from 'pino';
import { systemClock, type Clock } from './clock.js';
import { ConfigError, type Config } from './config.js';
import type { AppModule, PlatformServices, SeedReport } from './context.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrator.js';
import { allMigrations, buildApp, type App } from './http/app.js';
import { createIdGenerator } from './ids.js';
import { createLogger } from './logger.js';
import { firstStart } from './seed.js';
import { createWorker, moduleJobs, type Worker } from './jobs/worker.js';

export interface RunningServer {
  app: App;
  database: Database;
  address: string;
  demo: SeedReport | undefined;
  /** Stops accepting, lets in-flight requests finish (bounded), closes the database. */
  stop(reason?: string): Promise<void>;
}

export interface StartOptions {
  modules: readonly AppModule[];
  clock?: Clock;
  log?: Logger;
  /** Extra Fastify setup after the modules (used by tests to add probe routes). */
  configure?: (app: App) => Promise<void> | void;
}

/** Makes sure the data directory exists and is writable, or explains what to do. */
export function checkDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    throw new ConfigError(
      'DATA_DIR',
      `cannot write to ${dataDir} (${(error as NodeJS.ErrnoException).code ?? 'error'}); choose a writable folder or fix its permissions.`,
    );
  }
}

/**
 * Fails fast, before touching the database, when the port cannot be listened on: a busy
 * port after a long migration wastes the operator's time.
 */
export async function checkPort(host: string, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, host, port)));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new ConfigError('PORT', `port ${port} on ${host} is already in use; stop the other program or set PORT to a free port.`);
    case 'EACCES':
      return new ConfigError('PORT', `not allowed to listen on port ${port}; use a port above 1023 or run with the needed rights.`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new ConfigError('HOST', `cannot listen on ${host}; use an address of this machine, 127.0.0.1 or 0.0.0.0.`);
    default:
      return error;
  }
}

/** Opens the database and applies pending migrations: the common start of every command. */
export async function openAndMigrate(config: Config, modules: readonly AppModule[], log?: Logger): Promise<Database> {
  checkDataDir(config.dataDir);
  const database = await openDatabase(config.database, { poolMax: config.dbPoolMax });
  try {
    const { applied } = await migrateToLatest(database.db, allMigrations({ modules }));
    if (applied.length > 0) log?.info({ applied }, `applied ${applied.length} migration(s)`);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** Builds the platform services over an open database. */
export function platformServices(config: Config, database: Database, log: Logger, clock: Clock = systemClock): PlatformServices {
  return { config, db: database.db, dialect: database.dialect, clock, newId: createIdGenerator(clock), log };
}

/**
 * Starts the server: checks the configuration against the machine (data folder, database,
 * port), migrates, loads demo data on the first start, listens.
 */
export async function startServer(config: Config, options: StartOptions): Promise<RunningServer> {
  const log = options.log ?? createLogger(config);
  const clock = options.clock ?? systemClock;
  checkDataDir(config.dataDir);
  await checkPort(config.host, config.port);
  const database = await openAndMigrate(config, options.modules, log);
  const services = platformServices(config, database, log, clock);
  let app: App | undefined;
  try {
    const demo = await firstStart(services, options.modules);
    app = await buildApp({ config, database, clock, newId: services.newId, log, modules: options.modules });
    await options.configure?.(app);
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      throw listenError(error as NodeJS.ErrnoException, config.host, config.port);
    }
    const running = app;
    // The outbox worker runs in the server unless WORKER=off (then `egov worker` runs apart).
    const worker: Worker | undefined = config.worker ? createWorker(services, moduleJobs(services, options.modules)) : undefined;
    worker?.start();
    let stopping: Promise<void> | undefined;
    return {
      app: running,
      database,
      address: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`,
      demo: demo?.report,
      stop: (reason = 'stop') => {
        stopping ??= (async () => {
          log.info({ reason }, 'shutting down: finishing in-flight requests');
          const timer = setTimeout(() => {
            log.warn(`in-flight requests still running after ${config.shutdownTimeoutMs} ms; closing them`);
            running.server.closeAllConnections();
          }, config.shutdownTimeoutMs);
          try {
            await running.close();
          } finally {
            clearTimeout(timer);
            // The worker finishes its round before the database it writes to closes.
            await worker?.stop();
            await database.close();
          }
          log.info('stopped');
        })();
        return stopping;
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.close();
    throw error;
  }
}

/**
 * Stops the server cleanly on SIGINT (Ctrl-C) or SIGTERM: no new connections, in-flight
 * requests finish within SHUTDOWN_TIMEOUT_MS, the database is closed, exit code 0.
 */
export function stopOnSignals(server: RunningServer): void {
  const onSignal = (signal: NodeJS.Signals) => {
    server.stop(signal).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}
