import { type Kysely, Migrator, sql, type RawBuilder, PostgresAdapter, type Migration, type MigrationResult } from 'kysely';

/**
 * Migrations receive a database whose tables are not typed yet (the schema is what they
 * build), so their Kysely instance is untyped by necessity.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MigrationDb = Kysely<any>;

/** A migration with a globally ordered name: `YYYYMMDD_NN_module_what`. */
export interface NamedMigration {
  name: string;
  up(db: MigrationDb): Promise<void>;
  down?(db: MigrationDb): Promise<void>;
}

/** Column types that differ between SQLite and PostgreSQL. */
export interface ColumnTypes {
  /** An instant, stored as ISO-8601 UTC text on SQLite and timestamptz on PostgreSQL. */
  timestamp: 'text' | 'timestamptz';
  /** A calendar date `YYYY-MM-DD`. */
  date: 'text' | 'date';
  /** JSON documents are stored as text on both databases and parsed by the store. */
  json: 'text';
  /** A 0/1 flag, integer on both so that code reads the same values. */
  flag: 'integer';
  /** A large integer (money, counts). */
  bigint: 'integer' | 'bigint';
}

/** The column types for the dialect behind `db`. */
export function columnTypes(db: MigrationDb): ColumnTypes {
  const pg = isPostgres(db);
  return {
    timestamp: pg ? 'timestamptz' : 'text',
    date: pg ? 'date' : 'text',
    json: 'text',
    flag: 'integer',
    bigint: pg ? 'bigint' : 'integer',
  };
}

/** True when `db` talks to PostgreSQL. */
export function isPostgres(db: Kysely<unknown> | MigrationDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export interface MigrateOutcome {
  applied: string[];
  pending: string[];
}

function migrator(db: MigrationDb, migrations: readonly NamedMigration[]): Migrator {
  const names = migrations.map((m) => m.name);
  const sorted = [...names].sort();
  if (names.some((n, i) => n !== sorted[i]) || new Set(names).size !== names.length) {
    throw new Error(`Migrations must be listed once each, in name order: ${names.join(', ')}`);
  }
  const record: Record<string, Migration> = {};
  for (const m of migrations) record[m.name] = { up: m.up, ...(m.down ? { down: m.down } : {}) };
  return new Migrator({ db, provider: { getMigrations: async () => record } });
}

/**
 * Applies every pending migration, in one transaction each (Kysely Migrator; on PostgreSQL
 * it takes a lock so that two processes starting together do not both migrate).
 */
export async function migrateToLatest(db: MigrationDb, migrations: readonly NamedMigration[]): Promise<MigrateOutcome> {
  const { error, results } = await migrator(db, migrations).migrateToLatest();
  const applied = (results ?? []).filter((r: MigrationResult) => r.status === 'Success').map((r) => r.migrationName);
  if (error) {
    const failed = (results ?? []).find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${(error as Error).message}`, { cause: error });
  }
  return { applied, pending: [] };
}

/** Lists migrations that have not been applied yet (for `/readyz`). */
export async function pendingMigrations(db: MigrationDb, migrations: readonly NamedMigration[]): Promise<string[]> {
  const infos = await migrator(db, migrations).getMigrations();
  return infos.filter((m) => !m.executedAt).map((m) => m.name);
}

/** A CHECK expression `column in ('a', 'b')` built from constant values (never user input). */
export function checkIn(column: string, values: readonly string[]): RawBuilder<unknown> {
  return sql.raw(`${column} in (${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`);
}
