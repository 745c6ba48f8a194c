/**
 * A prepared-statement cache for Kysely's SQLite driver.
 *
 * Kysely's `SqliteDriver` calls `database.prepare(sql)` for every query it runs, and
 * better-sqlite3 compiles the statement anew each time (4–8 % of the CPU of the public
 * lookup and of online submission, bench P1/P2). The wrapper below hands Kysely the
 * statement it prepared for the same SQL text before, from a small LRU.
 *
 * Why this is safe with Kysely's driver (kysely/dist/esm/dialect/sqlite/sqlite-driver.js):
 * - The driver has one connection behind a mutex (a transaction queues its queries on it
 *   too) and runs `prepare` then, synchronously, `all` or `run`, so no two uses of one
 *   statement overlap. A streamed result (`stream()` → `iterate()`) keeps its statement busy
 *   between rows while holding the connection; should a busy statement be asked for anyway
 *   (an iteration never finished), the caller gets a fresh, uncached one. A stream left
 *   early is reset by the driver's `for … of` (`return()`), ready for the next query.
 * - `reader` (which Kysely reads to choose `all` or `run`) is fixed when a statement is
 *   prepared and depends only on the SQL text, the cache key.
 * - Kysely binds parameters per call (`all(parameters)`) and never touches `bind`, `raw`,
 *   `pluck`, `expand` or `safeIntegers`, so a statement carries no state from one use to the
 *   next; nobody else sees these statements (the raw handle prepares its own).
 * - `begin`, `commit`, `rollback` and savepoint commands are ordinary statements; SQLite's
 *   transaction state lives in the connection, not in them.
 * - After a schema change SQLite re-prepares a statement by itself; DDL run through Kysely
 *   (migrations) also empties the cache, so that no statement compiled for a dropped table
 *   lingers.
 */
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Statements kept per connection: the application has a few hundred distinct queries. */
export const STATEMENT_CACHE_SIZE = 300;
/** Longer SQL (large multi-row inserts with a varying row count) is prepared uncached. */
const MAX_CACHED_SQL_LENGTH = 100_000;
const DDL = /^\s*(create|drop|alter)\s/i;

/** What the wrapper reports, for tests and diagnostics. */
export interface StatementCacheStats {
  size: number;
  hits: number;
  misses: number;
}

/** A better-sqlite3 handle as Kysely's `SqliteDialect` wants it, preparing each SQL text once. */
export interface CachingSqliteDatabase extends SqliteDatabase {
  stats(): StatementCacheStats;
}

/**
 * Wraps a better-sqlite3 handle for `new SqliteDialect({ database })` so that `prepare`
 * returns a cached statement for SQL it has seen (least recently used evicted past `max`).
 * Closing the wrapper closes the handle, which finalizes every statement.
 */
export function cachingSqliteDatabase(handle: SQLite.Database, max = STATEMENT_CACHE_SIZE): CachingSqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  let hits = 0;
  let misses = 0;
  return {
    close: () => {
      cache.clear();
      handle.close();
    },
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        hits += 1;
        // Map order is insertion order: re-inserting marks it most recently used.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      misses += 1;
      if (DDL.test(sql)) cache.clear();
      const statement = handle.prepare(sql);
      // A busy one stays cached for later; the streaming caller gets its own.
      if (!cached && sql.length <= MAX_CACHED_SQL_LENGTH && !DDL.test(sql)) {
        cache.set(sql, statement);
        if (cache.size > max) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      return statement;
    },
    stats: () => ({ size: cache.size, hits, misses }),
  };
}
