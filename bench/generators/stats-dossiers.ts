/**
 * Databases of generated dossiers WITH their statistics, for P4: the cached dossier databases
 * of `dossiers.ts` (the bulk generator writes no statistics) copied, then `rebuildStats` run
 * over them, each built once and cached (SQLite: a file; PostgreSQL: a dedicated database
 * made from the dossier database as a template). How long the rebuild took is kept beside
 * the cache, so P4 can report it without rebuilding.
 */
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { readDossiersForStats } from '../../src/modules/dossiers/index.js';
import { rebuildStats, type RebuildResult } from '../../src/modules/stats/index.js';
import { CACHE_DIR, cachedFile, freshWorkDir, schemaVersion } from '../support/cache.js';
import { openSystem } from '../support/system.js';
import { dossiersPostgres, dossiersSqlite, pgUrl, withPgAdmin } from './dossiers.js';

/** Bump when what these databases hold changes. */
const GENERATOR_VERSION = 1;

/** A database with statistics, and how its rebuild went when it was built. */
export interface StatsDatabase {
  url: string;
  rebuild: { seconds: number; result: RebuildResult } | null;
}

async function rebuildAt(url: string, dataDir: string, log: (line: string) => void): Promise<{ seconds: number; result: RebuildResult }> {
  const system = await openSystem(url, dataDir);
  try {
    const t0 = performance.now();
    let next = 0;
    const result = await rebuildStats(system.database.db, {
      feed: readDossiersForStats,
      mode: 'all',
      batchSize: 20_000,
      onProgress: (p) => {
        if (p.read >= next) {
          log(`  statistics: ${p.read.toLocaleString('en')} dossiers (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
          next = p.read + 200_000;
        }
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    log(`  statistics of ${result.recorded.toLocaleString('en')} dossiers rebuilt in ${seconds.toFixed(1)} s (${result.dailyRows.toLocaleString('en')} daily rows written)`);
    return { seconds, result };
  } finally {
    await system.close();
  }
}

const readJson = <T>(path: string): T | null => (existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null);

/** The cached SQLite database with `count` generated dossiers and their statistics. */
export async function statsDossiersSqlite(count: number, log: (line: string) => void): Promise<StatsDatabase> {
  const source = await dossiersSqlite(count, log);
  const name = `stats-dossiers-${count}-s${schemaVersion()}-g${GENERATOR_VERSION}.sqlite`;
  const side = join(CACHE_DIR, `${name}.rebuild.json`);
  const path = await cachedFile(name, async (tmp) => {
    copyFileSync(source, tmp);
    const rebuild = await rebuildAt(`sqlite:${tmp}`, dirname(tmp), log);
    const system = await openSystem(`sqlite:${tmp}`, dirname(tmp));
    try {
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(system.database.db);
      await sql`analyze`.execute(system.database.db);
    } finally {
      await system.close();
    }
    rmSync(`${tmp}-wal`, { force: true });
    rmSync(`${tmp}-shm`, { force: true });
    writeFileSync(side, `${JSON.stringify(rebuild)}\n`);
  }, log);
  return { url: `sqlite:${path}`, rebuild: readJson(side) };
}

/** The cached PostgreSQL database `egov_bench_p4stats_<count>_s<schema>_g<v>` with dossiers and statistics. */
export async function statsDossiersPostgres(count: number, log: (line: string) => void): Promise<StatsDatabase> {
  const template = new URL(await dossiersPostgres(count, log)).pathname.slice(1);
  const name = `egov_bench_p4stats_${count}_s${schemaVersion()}_g${GENERATOR_VERSION}`;
  const marker = join(CACHE_DIR, `pg-p4stats-${count}-s${schemaVersion()}-g${GENERATOR_VERSION}.json`);
  const exists = await withPgAdmin(async (c) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1);
  if (existsSync(marker) && !exists) rmSync(marker);
  await cachedFile(marker.slice(CACHE_DIR.length + 1), async (tmp) => {
    await withPgAdmin(async (c) => {
      const old = await c.query<{ datname: string }>('select datname from pg_database where datname like $1', [`egov_bench_p4stats_${count}_%`]);
      for (const { datname } of old.rows) await c.query(`drop database if exists "${datname}" with (force)`);
      await c.query(`create database "${name}" template "${template}"`);
    });
    const rebuild = await rebuildAt(pgUrl(name), freshWorkDir('p4-pg-build'), log);
    const client = new pg.Client({ connectionString: pgUrl(name) });
    await client.connect();
    try {
      await client.query('vacuum analyze');
    } finally {
      await client.end();
    }
    writeFileSync(tmp, `${JSON.stringify({ database: name, builtAt: new Date().toISOString(), rebuild })}\n`);
  }, log);
  return { url: pgUrl(name), rebuild: readJson<{ rebuild: StatsDatabase['rebuild'] }>(marker)?.rebuild ?? null };
}
