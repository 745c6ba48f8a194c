/**
 * Databases of generated dossiers for P1, P3, P4 and P7, on SQLite (a file) and on PostgreSQL
 * (a dedicated database on the server of `BENCH_PG_URL`), each built once and cached:
 * the demo data (what the first `egov start` makes) plus `count` dossiers written by the
 * dossier module's bulk generator (`generateDossiers`), spread over a year at every ward
 * and commune desk of Da Nang, with the Hải Châu ward desk taking a tenth of them (a busy
 * central ward: its leader's queue is the one P3 reads), and their statistics computed by
 * `egov stats rebuild` (`rebuildStats`). The PostgreSQL database is a row-for-row copy of the
 * SQLite one (`sqlite-to-pg.ts`): the same dossiers, ids and statistics on both.
 *
 * Cached databases are named after their size and generator version, not the schema: a
 * newer schema migrates a cached database forward (as it would a city's), so adding a
 * migration does not regenerate ten million dossiers. Bump `GENERATOR_VERSION` when what
 * the generator writes changes, or when a migration needs data the generator must write.
 *
 * The generator stores only a hash of each owner's identification number, so for the
 * public lookup (P1) the dossiers with a code whose id ends in `LOOKUP_ID_END` (1 in 32)
 * get an owner number the benchmark can compute from the code (`lookupIdNumber`).
 */
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { appModules } from '../../src/composition.js';
import { agenciesOfDesks, generateDossiers } from '../../src/modules/dossiers/index.js';
import { ownerNumberHash } from '../../src/modules/dossiers/domain.js';
import type { PlatformTables } from '../../src/platform/db/tables.js';
import { firstStart } from '../../src/platform/seed.js';
import { CACHE_DIR, cachedFile, freshWorkDir, schemaVersion } from '../support/cache.js';
import { BENCH_START, openSystem } from '../support/system.js';
import { seededDatabase } from './databases.js';
import { copySqliteToPostgres } from './sqlite-to-pg.js';
import { rebuildStatistics, type StatsRebuild } from './stats-rebuild.js';

/** Bump when what the generated dossier databases hold changes. */
const GENERATOR_VERSION = 3;
/** The seed of every generated dossier population. */
export const DOSSIERS_SEED = 20260302;
/**
 * Dossiers whose id ends in this letter get an owner number derived from their code: the
 * ids end in a random base-32 digit, so this picks 1 in 32 evenly through the year.
 */
export const LOOKUP_ID_END = 'Z';

/** The SQL (both dialects) selecting the codes of the dossiers that P1 looks up. */
export const LOOKUP_CODES_SQL = `select code from dossiers where code is not null and id like '%${LOOKUP_ID_END}'`;
/** The desk whose agency gets a tenth of the dossiers, and whose leader P3 logs in as. */
export const HAI_CHAU_DESK = 'MC-20242';
/** Sở Xây dựng, where large construction permits go for appraisal (transfers). */
const APPRAISAL = { code: '000.00.06.H17', path: '/000.00.00.H17/000.00.06.H17/' };
/** The PostgreSQL server benchmarks create their databases on (any database of it). */
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * The owner number the benchmark uses for a dossier picked by `LOOKUP_CODES_SQL`: `048`
 * (Da Nang), the day and the last three digits of the daily number. Two dossiers may share
 * one (other agencies, same day); the lookup is by code, so that does not matter.
 */
export function lookupIdNumber(code: string): string {
  const m = /-(\d{6})-(\d{4,})$/.exec(code);
  if (!m) throw new Error(`not a dossier code: ${code}`);
  return `048${m[1] ?? ''}${(m[2] ?? '').slice(-3)}`;
}

/** Writes `count` dossiers into a migrated database with the demo data, then the lookup numbers. */
async function fill(db: Kysely<PlatformTables>, count: number, log: (line: string) => void): Promise<void> {
  const desks = await sql<{ code: string }>`select code from reception_desks where code <> 'MC-TTPVHCC' order by code`.execute(db);
  const all = await agenciesOfDesks(db, desks.rows.map((d) => d.code));
  const haiChau = all.find((a) => a.deskCode === HAI_CHAU_DESK);
  if (!haiChau) throw new Error(`desk ${HAI_CHAU_DESK} is missing from the demo data`);
  // Hải Châu listed often enough to receive a tenth of all dossiers (the generator picks uniformly).
  const extra = Math.max(0, Math.round(all.length / 9) - 1);
  const agencies = [...all, ...Array.from({ length: extra }, () => haiChau)];
  const t0 = performance.now();
  let next = 0;
  await generateDossiers(db, {
    count,
    seed: DOSSIERS_SEED,
    now: new Date(BENCH_START),
    agencies,
    appraisalAgency: APPRAISAL,
    onProgress: (done, total) => {
      if (done >= next || done === total) {
        log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} dossiers (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
        next = done + Math.max(100_000, total / 10);
      }
    },
  });
  const sample = await sql<{ code: string }>`${sql.raw(LOOKUP_CODES_SQL)}`.execute(db);
  await db.transaction().execute(async (trx) => {
    for (const { code } of sample.rows) await sql`update dossiers set owner_number_hash = ${ownerNumberHash(lookupIdNumber(code))} where code = ${code}`.execute(trx);
  });
  log(`  ${sample.rows.length.toLocaleString('en')} dossiers given lookup numbers`);
}

/** Opens and closes the database at `url`, applying the migrations it lacks. */
async function migrateForward(url: string, dataDir: string): Promise<void> {
  const system = await openSystem(url, dataDir);
  await system.close();
}

const sqliteName = (count: number) => `dossiers-${count}-g${GENERATOR_VERSION}.sqlite`;
const rebuildFile = (count: number) => join(CACHE_DIR, `${sqliteName(count)}.rebuild.json`);

/**
 * Path of the cached SQLite database with the demo data, `count` generated dossiers and their
 * statistics, migrated to the current schema. Used in place by read-only measures (P3, P4):
 * a ten-million-dossier file is too big to copy for each run.
 */
export async function dossiersSqlite(count: number, log: (line: string) => void): Promise<string> {
  const seeded = await seededDatabase(log);
  const path = await cachedFile(sqliteName(count), async (tmp) => {
    copyFileSync(seeded, tmp);
    const system = await openSystem(`sqlite:${tmp}`, dirname(tmp));
    try {
      await fill(system.database.db, count, log);
      const rebuild = await rebuildStatistics(system.database.db, log);
      writeFileSync(rebuildFile(count), `${JSON.stringify(rebuild)}\n`);
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(system.database.db);
      await sql`analyze`.execute(system.database.db);
    } finally {
      await system.close();
    }
    rmSync(`${tmp}-wal`, { force: true });
    rmSync(`${tmp}-shm`, { force: true });
  }, log);
  await migrateForward(`sqlite:${path}`, dirname(path));
  return path;
}

/** How long the statistics rebuild of the cached `count`-dossier database took when it was built. */
export function cachedRebuild(count: number): StatsRebuild | null {
  const file = rebuildFile(count);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as StatsRebuild) : null;
}

/** Runs `work` with a client connected to the PostgreSQL server's maintenance database. */
export async function withPgAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Whether the benchmark PostgreSQL server answers (PostgreSQL rows are "not run" otherwise). */
export async function postgresAvailable(): Promise<boolean> {
  try {
    await withPgAdmin((c) => c.query('select 1'));
    return true;
  } catch {
    return false;
  }
}

/** The address of database `name` on the benchmark server. */
export function pgUrl(name: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A cached PostgreSQL database `egov_bench_<kind>_<version>`: its marker file in
 * `bench/.cache/` says it is complete (written only after `build` succeeded); databases of
 * the same kind and another version are dropped.
 */
async function cachedPgDatabase(kind: string, version: string, build: (url: string) => Promise<void>, log: (line: string) => void): Promise<string> {
  const name = `egov_bench_${kind}_${version}`;
  const marker = join(CACHE_DIR, `pg-${kind.replace(/_/g, '-')}-${version.replace(/_/g, '-')}.json`);
  const exists = await withPgAdmin(async (c) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1);
  if (existsSync(marker) && !exists) rmSync(marker);
  await cachedFile(marker.slice(CACHE_DIR.length + 1), async (tmp) => {
    await withPgAdmin(async (c) => {
      const old = await c.query<{ datname: string }>('select datname from pg_database where datname like $1', [`egov_bench_${kind}_%`]);
      for (const { datname } of old.rows) await c.query(`drop database if exists "${datname}" with (force)`);
      await c.query(`create database "${name}"`);
    });
    await build(pgUrl(name));
    writeFileSync(tmp, `${JSON.stringify({ database: name, builtAt: new Date().toISOString() })}\n`);
  }, log);
  return pgUrl(name);
}

/** Migrates and seeds the demo data into the database at `url` (as the first `egov start` would). */
async function seedPg(url: string): Promise<void> {
  const system = await openSystem(url, freshWorkDir('pg-seed'));
  try {
    await firstStart(system.services, appModules);
  } finally {
    await system.close();
  }
}

/** URL of the cached PostgreSQL database holding the demo data only (a template for P2's runs). */
export async function seededPostgres(log: (line: string) => void): Promise<string> {
  return cachedPgDatabase('seeded', `s${schemaVersion()}_g${GENERATOR_VERSION}`, seedPg, log);
}

/**
 * URL of the cached PostgreSQL database with the same rows as `dossiersSqlite(count)` (copied
 * from it), migrated to the current schema.
 */
export async function dossiersPostgres(count: number, log: (line: string) => void): Promise<string> {
  const source = await dossiersSqlite(count, log);
  const url = await cachedPgDatabase(`dossiers_${count}`, `g${GENERATOR_VERSION}`, async (target) => {
    await migrateForward(target, freshWorkDir('pg-seed'));
    // Above a million dossiers the control-sheet events (30 million rows, 10 GB) stay behind:
    // no measure reads them on PostgreSQL, and both copies would not fit this machine's disk.
    await copySqliteToPostgres(source, target, log, { leaveEmpty: count > 1_000_000 ? ['dossier_events'] : [] });
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      await client.query('vacuum analyze');
    } finally {
      await client.end();
    }
  }, log);
  await migrateForward(url, freshWorkDir('pg-seed'));
  return url;
}

/**
 * A fresh PostgreSQL database copied from the cached `template` (for measures that write),
 * dropped and recreated on every call.
 */
export async function pgWorkCopy(templateUrl: string, name: string): Promise<string> {
  const template = new URL(templateUrl).pathname.slice(1);
  await withPgAdmin(async (c) => {
    await c.query(`drop database if exists "${name}" with (force)`);
    await c.query(`create database "${name}" template "${template}"`);
  });
  return pgUrl(name);
}
