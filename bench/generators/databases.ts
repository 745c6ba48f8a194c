/**
 * Databases the benchmarks start from, built fast and cached: a freshly migrated SQLite
 * database with the Da Nang demo data (what `egov start` makes on its first start), and
 * that database plus N generated citizens written in one transaction with a prepared
 * statement (not through the API: that is what P8 measures).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { appModules } from '../../src/composition.js';
import { generateCitizens, normalizeForSearch } from '../../src/modules/registry/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { createIdGenerator } from '../../src/platform/ids.js';
import { firstStart } from '../../src/platform/seed.js';
import { cachedFile, schemaVersion } from '../support/cache.js';
import { BENCH_START, openSystem } from '../support/system.js';
import { CITIZENS_SEED } from './citizens-csv.js';

/** Bump when what the generated databases hold changes. */
const GENERATOR_VERSION = 1;

/** Path of the cached migrated database holding the demo data only. */
export async function seededDatabase(log: (line: string) => void): Promise<string> {
  return cachedFile(`seeded-s${schemaVersion()}-g${GENERATOR_VERSION}.sqlite`, async (tmp) => {
    const system = await openSystem(`sqlite:${tmp}`, dirname(tmp));
    try {
      await firstStart(system.services, appModules);
    } finally {
      await system.close();
    }
  }, log);
}

/**
 * Path of the cached database with the demo data and `size` generated citizens, stored as
 * the import stores them (search columns, change-detection hash), so that a later import
 * of the same CSV finds them unchanged.
 */
export async function citizensDatabase(size: number, log: (line: string) => void): Promise<string> {
  const seeded = await seededDatabase(log);
  return cachedFile(`citizens-${size}-s${schemaVersion()}-g${GENERATOR_VERSION}.sqlite`, async (tmp) => {
    copyFileSync(seeded, tmp);
    const db = new SQLite(tmp);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = OFF');
      const newId = createIdGenerator(new ManualClock(BENCH_START));
      const now = new Date(BENCH_START).toISOString();
      const insert = db.prepare(
        `insert into citizens (id, id_number, full_name, name_search, date_of_birth, sex, address_unit_code, address_street, address_search, phone, email, account_id, row_hash, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?)`,
      );
      // Numbers already held by the demo data are reserved, so exactly `size` people are added.
      const demoIds = db.prepare('select id_number from citizens').pluck().all() as string[];
      const people = generateCitizens(size, CITIZENS_SEED, { reservedIds: demoIds });
      db.transaction(() => {
        for (const c of people) {
          // The same hash input as the registry's store, so re-importing finds these unchanged.
          const hash = createHash('sha1').update(JSON.stringify([c.id, c.fullName, c.dateOfBirth, c.sex, c.address.unitCode, c.address.street, c.phone || null, c.email || null])).digest('hex');
          insert.run(newId(), c.id, c.fullName, normalizeForSearch(c.fullName), c.dateOfBirth, c.sex, c.address.unitCode, c.address.street, normalizeForSearch(c.address.street), c.phone || null, c.email || null, hash, now, now);
        }
      })();
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    rmSync(`${tmp}-wal`, { force: true });
    rmSync(`${tmp}-shm`, { force: true });
  }, log);
}
