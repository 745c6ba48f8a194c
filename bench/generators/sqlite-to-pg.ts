/**
 * Copies every table of a SQLite database into a PostgreSQL database migrated to the same
 * schema, with `COPY … FROM STDIN` (pg-copy-streams): the PostgreSQL twin of a generated
 * benchmark database holds exactly the same rows (ids, codes, statistics), and is built in
 * minutes instead of generating and recomputing ten million dossiers a second time.
 *
 * Both databases must be at the same migration (the column sets are compared table by table).
 * The copy runs in one transaction: the target's rows are replaced, its secondary indexes
 * dropped before and rebuilt after the load (faster than maintaining them row by row), and
 * foreign-key triggers skipped while loading (the source already satisfied them).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Rows per chunk handed to the COPY stream. */
const ROWS_PER_CHUNK = 5_000;

/** One value in COPY's text format (`\N` for null; backslash, tab, newline and CR escaped). */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Buffer.isBuffer(value)) return `\\\\x${value.toString('hex')}`;
  const s = String(value);
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

/**
 * The rows of `table` as COPY text, in chunks read in rowid order by separate short
 * statements: a source still being written to (statistics computed in another process) is
 * not held at one snapshot, which would keep SQLite from checkpointing and grow its WAL by
 * everything written meanwhile.
 */
function* copyLines(lite: SQLite.Database, table: string, columns: readonly string[]): Generator<string> {
  const page = lite.prepare(`select rowid, ${columns.map((c) => `"${c}"`).join(', ')} from "${table}" where rowid > ? order by rowid limit ${ROWS_PER_CHUNK}`).raw();
  for (let after = -Infinity; ; ) {
    const rows = page.all(after) as unknown[][];
    const last = rows.at(-1);
    if (!last) return;
    after = Number(last[0]);
    let chunk = '';
    for (const row of rows) chunk += `${row.slice(1).map(copyText).join('\t')}\n`;
    yield chunk;
  }
}

/**
 * Replaces the rows of every table of the PostgreSQL database at `pgUrl` with those of the
 * SQLite file at `sqlitePath` (both migrated to the same schema; the migration bookkeeping
 * tables are left alone). Tables in `leaveEmpty` are emptied but not copied; with `tables`,
 * only the tables it accepts are touched (a copy in two steps: the dossiers while the
 * statistics are still being computed, then the statistics).
 */
export async function copySqliteToPostgres(sqlitePath: string, pgUrl: string, log: (line: string) => void, options: { leaveEmpty?: readonly string[]; tables?: (name: string) => boolean } = {}): Promise<void> {
  const leaveEmpty = options.leaveEmpty ?? [];
  const lite = new SQLite(sqlitePath, { readonly: true });
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    const tables = (lite.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name`).pluck().all() as string[]).filter(options.tables ?? (() => true));
    const columnsOf = new Map<string, string[]>();
    for (const table of tables) {
      const liteCols = (lite.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[]).sort();
      const pgCols = (await client.query<{ column_name: string }>(`select column_name from information_schema.columns where table_schema = current_schema() and table_name = $1`, [table])).rows.map((r) => r.column_name).sort();
      if (liteCols.join(',') !== pgCols.join(',')) throw new Error(`copy to PostgreSQL: table ${table} differs (SQLite: ${liteCols.join(', ')}; PostgreSQL: ${pgCols.join(', ') || 'missing'}); migrate both first`);
      columnsOf.set(table, liteCols);
    }
    await client.query('begin');
    // Loading order does not matter with the foreign-key triggers off (superuser; benchmark databases only).
    await client.query('set local session_replication_role = replica');
    await client.query(`truncate ${tables.map((t) => `"${t}"`).join(', ')}`);
    const indexes = (
      await client.query<{ indexname: string; indexdef: string }>(
        `select i.indexname, i.indexdef from pg_indexes i
          where i.schemaname = current_schema() and i.tablename = any($1)
            and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
        [tables],
      )
    ).rows;
    for (const { indexname } of indexes) await client.query(`drop index "${indexname}"`);
    for (const table of tables.filter((t) => !leaveEmpty.includes(t))) {
      const columns = columnsOf.get(table) ?? [];
      const t0 = performance.now();
      const stream = client.query(copyFrom(`copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`));
      await pipeline(Readable.from(copyLines(lite, table, columns)), stream);
      if (stream.rowCount > 10_000) log(`  copied ${stream.rowCount.toLocaleString('en')} rows of ${table} to PostgreSQL in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    const t0 = performance.now();
    await client.query('set local maintenance_work_mem = \'512MB\'');
    for (const { indexdef } of indexes) await client.query(indexdef);
    log(`  rebuilt ${indexes.length} PostgreSQL indexes in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
    lite.close();
  }
}
