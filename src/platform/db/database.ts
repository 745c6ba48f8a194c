import { accessSync, constants, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { ConfigError, type DatabaseTarget } from '../config.js';
import { cachingSqliteDatabase } from './statement-cache.js';
import type { PlatformTables } from './tables.js';

export type Dialect = 'sqlite' | 'postgres';

/**
 * A Kysely instance over any superset of the platform's tables (a module's view of the
 * database, or a transaction on it). Kysely's types are invariant in the table map, so
 * platform helpers that touch only their own tables accept this and narrow it themselves.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

/** A module's database view seen as the platform's tables only (the same connection). */
export function asPlatformDb(db: AnyDb): Kysely<PlatformTables> {
  return db as Kysely<PlatformTables>;
}

/** An open database: the Kysely instance, which dialect it speaks, and how to close it. */
export interface Database {
  db: Kysely<PlatformTables>;
  dialect: Dialect;
  /** Where it is, for messages (file path, or host:port/database; never a password). */
  describe: string;
  /** The better-sqlite3 handle when the dialect is SQLite (for the online backup API). */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

export interface OpenOptions {
  poolMax?: number;
  /** Milliseconds SQLite waits on a locked database before failing. */
  busyTimeoutMs?: number;
}

/**
 * Opens the database named by the configuration and checks that it can be used: for SQLite,
 * the file's folder is created and must be writable; for PostgreSQL, a connection is made.
 * Problems are reported as `ConfigError` naming `DATABASE_URL` or `DATA_DIR`.
 */
export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Database> {
  return target.dialect === 'sqlite' ? openSqlite(target.file, options) : openPostgres(target, options);
}

function openSqlite(file: string, options: OpenOptions): Database {
  if (file !== ':memory:') {
    const dir = dirname(file);
    try {
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
    } catch (error) {
      throw new ConfigError(
        'DATA_DIR',
        `cannot write to ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'}); choose a writable DATA_DIR or DATABASE_URL.`,
      );
    }
  }
  let handle: SQLite.Database;
  try {
    handle = new SQLite(file, { timeout: options.busyTimeoutMs ?? 5_000 });
    handle.pragma('journal_mode = WAL');
    // FULL: a committed (acknowledged) dossier survives a power cut, not only a process crash.
    handle.pragma('synchronous = FULL');
    handle.pragma('foreign_keys = ON');
    // LIKE is case-sensitive, as on PostgreSQL, so that a scope filter `path LIKE '/a/b/%'` can
    // use the path index (queue of a unit on 1M dossiers: 790 ms → 2.5 ms, bench P3). Search
    // columns are normalized to lower case by the application, so searches are unaffected.
    handle.pragma('case_sensitive_like = ON');
  } catch (error) {
    throw new ConfigError('DATABASE_URL', `cannot open SQLite file ${file} (${(error as Error).message}).`);
  }
  // Kysely prepares every query anew; the wrapper reuses statements by SQL text (bench P1, P2).
  const db = new Kysely<PlatformTables>({ dialect: new SqliteDialect({ database: cachingSqliteDatabase(handle) }) });
  return {
    db,
    dialect: 'sqlite',
    describe: file,
    sqlite: handle,
    close: async () => {
      await db.destroy();
    },
  };
}

/** Type parsers so that both dialects hand the application the same JavaScript values. */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    switch (oid) {
      case 1184: // timestamptz → ISO-8601 UTC text, as stored in SQLite
      case 1114:
        return (value: string) => new Date(value.length === 19 ? `${value}Z` : value).toISOString();
      case 1082: // date → 'YYYY-MM-DD' as stored in SQLite (never a Date at local midnight)
        return (value: string) => value;
      case 20: // int8 (counts, sums) → number; values stay far below 2^53 here
      case 1700: // numeric (averages) → number
        return (value: string) => Number(value);
      default:
        return pg.types.getTypeParser(oid, format ?? 'text');
    }
  },
};

async function openPostgres(target: Extract<DatabaseTarget, { dialect: 'postgres' }>, options: OpenOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: target.url,
    max: options.poolMax ?? 10,
    connectionTimeoutMillis: 5_000,
    types: pgTypes,
  });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => undefined);
  const where = `${target.host}:${target.port}/${target.database}`;
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConfigError('DATABASE_URL', `cannot connect to PostgreSQL at ${where} (${code}); start PostgreSQL or correct DATABASE_URL.`);
  }
  const db = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    describe: where,
    close: async () => {
      await db.destroy();
    },
  };
}

/** True when the database answers a trivial query. */
export async function ping(db: Kysely<PlatformTables>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
