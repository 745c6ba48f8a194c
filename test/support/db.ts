import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { parseDatabaseUrl, type DatabaseTarget } from '../../src/platform/config.js';
import type { AppModule } from '../../src/platform/context.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrator.js';
import { allMigrations } from '../../src/platform/http/app.js';

/** The dialect the suite runs on: PostgreSQL when DATABASE_URL says so, SQLite otherwise. */
export const testDialect: 'sqlite' | 'postgres' = process.env.DATABASE_URL?.startsWith('postgres') ? 'postgres' : 'sqlite';

export interface TestDatabase extends Database {
  target: DatabaseTarget;
  /** Closes and deletes the throwaway database. */
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: a temporary SQLite file, or a throwaway
 * PostgreSQL database created next to the one DATABASE_URL names and dropped afterwards.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const suffix = `${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  if (testDialect === 'postgres') {
    const adminUrl = process.env.DATABASE_URL as string;
    const name = `egov_test_${suffix}`;
    await withAdmin(adminUrl, (c) => c.query(`create database ${name}`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const target = parseDatabaseUrl(url.toString());
    const database = await openDatabase(target, { poolMax: 5 });
    return {
      ...database,
      target,
      drop: async () => {
        await database.close();
        await withAdmin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'egov-test-'));
  const target = parseDatabaseUrl(`sqlite:${join(dir, 'test.sqlite')}`);
  const database = await openDatabase(target);
  return {
    ...database,
    target,
    drop: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh database with the platform's and the given modules' migrations applied. */
export async function createMigratedTestDatabase(modules: readonly AppModule[] = []): Promise<TestDatabase> {
  const database = await createTestDatabase();
  await migrateToLatest(database.db, allMigrations({ modules }));
  return database;
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
