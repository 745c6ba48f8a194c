import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, pendingMigrations } from '../../src/platform/db/migrator.js';
import { allMigrations } from '../../src/platform/http/app.js';
import { appModules } from '../../src/composition.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/db.js';

describe(`migrations on ${testDialect}`, () => {
  let database: TestDatabase;
  const migrations = allMigrations({ modules: appModules });

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('bring an empty database to the latest schema, then have nothing left to do', async () => {
    expect(await pendingMigrations(database.db, migrations)).toEqual(migrations.map((m) => m.name));
    const first = await migrateToLatest(database.db, migrations);
    expect(first.applied).toEqual(migrations.map((m) => m.name));
    expect(await pendingMigrations(database.db, migrations)).toEqual([]);
    const second = await migrateToLatest(database.db, migrations);
    expect(second.applied).toEqual([]);
  });

  it('create tables that store and return timestamps as ISO-8601 UTC text on both databases', async () => {
    const at = '2026-02-13T03:00:00.000Z';
    await database.db.insertInto('seed_state').values({ name: 'probe', applied_at: at, details: null }).execute();
    const row = await database.db.selectFrom('seed_state').selectAll().where('name', '=', 'probe').executeTakeFirstOrThrow();
    expect(row.applied_at).toBe(at);
  });

  it('keep the migration list in name order', () => {
    const names = migrations.map((m) => m.name);
    expect([...names].sort()).toEqual(names);
  });

  it('are recorded in the migration table', async () => {
    const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(database.db);
    expect(rows.rows.map((r) => r.name)).toEqual(migrations.map((m) => m.name));
  });
});
