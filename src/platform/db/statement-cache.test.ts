import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachingSqliteDatabase, type CachingSqliteDatabase } from './statement-cache.js';

interface Tables {
  t: { id: number; name: string };
}

describe('prepared statements reused by SQL text under Kysely\'s SQLite driver', () => {
  let handle: SQLite.Database;
  let wrapped: CachingSqliteDatabase;
  let db: Kysely<Tables>;
  let prepares: number;

  const open = (max?: number) => {
    handle = new SQLite(':memory:');
    const prepare = handle.prepare.bind(handle);
    prepares = 0;
    handle.prepare = ((source: string) => {
      prepares += 1;
      return prepare(source);
    }) as typeof handle.prepare;
    wrapped = cachingSqliteDatabase(handle, max);
    db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: wrapped }) });
  };
  const names = async () => (await db.selectFrom('t').select('name').orderBy('id').execute()).map((r) => r.name);

  beforeEach(async () => {
    open();
    await db.schema.createTable('t').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('name', 'text', (c) => c.notNull().unique()).execute();
    await db.insertInto('t').values([{ id: 1, name: 'a' }, { id: 2, name: 'b' }, { id: 3, name: 'c' }]).execute();
  });
  afterEach(async () => {
    await db.destroy();
  });

  it('a query run again with other parameters is prepared once', async () => {
    const before = prepares;
    for (const id of [1, 2, 3, 2]) await db.selectFrom('t').select('name').where('id', '=', id).executeTakeFirst();
    expect(prepares - before).toBe(1);
    expect(await db.selectFrom('t').select('name').where('id', '=', 3).executeTakeFirst()).toEqual({ name: 'c' });
  });

  it('reads and writes keep their kind: insert … returning gives rows, update gives the count, each time', async () => {
    for (const [id, name] of [[4, 'd'], [5, 'e']] as const) {
      expect(await db.insertInto('t').values({ id, name }).returning(['id', 'name']).executeTakeFirst()).toEqual({ id, name });
    }
    for (const suffix of ['1', '2']) {
      const r = await db.updateTable('t').set({ name: sql`name || ${suffix}` }).where('id', '>', 3).executeTakeFirst();
      expect(r.numUpdatedRows).toBe(2n);
    }
    expect(await names()).toEqual(['a', 'b', 'c', 'd12', 'e12']);
  });

  it('a stream left early leaves its statement ready for the same query', async () => {
    const first: string[] = [];
    for await (const row of db.selectFrom('t').select('name').orderBy('id').stream()) {
      first.push(row.name);
      break;
    }
    expect(first).toEqual(['a']);
    expect(await names()).toEqual(['a', 'b', 'c']);
    const all: string[] = [];
    for await (const row of db.selectFrom('t').select('name').orderBy('id').stream()) all.push(row.name);
    expect(all).toEqual(['a', 'b', 'c']);
  });

  it('a statement still iterating is not handed out again: the caller gets one of its own', () => {
    // Kysely never overlaps two queries on its connection, but a statement kept busy by an
    // unfinished iteration must not break the next query of the same text.
    const text = 'select name from t order by id';
    const streaming = wrapped.prepare(text).iterate([]);
    expect(streaming.next().value).toEqual({ name: 'a' });
    expect(wrapped.prepare(text).all([])).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
    expect(streaming.next().value).toEqual({ name: 'b' });
    streaming.return?.();
    expect(wrapped.prepare(text).all([])).toHaveLength(3);
  });

  it('transactions and savepoints run from reused statements: what was rolled back stays undone', async () => {
    for (const round of [1, 2]) {
      const trx = await db.startTransaction().execute();
      await trx.insertInto('t').values({ id: 10 * round, name: `kept${round}` }).execute();
      const sp = await trx.savepoint('sp').execute();
      await sp.insertInto('t').values({ id: 10 * round + 1, name: `undone${round}` }).execute();
      const back = await sp.rollbackToSavepoint('sp').execute();
      const sp2 = await back.savepoint('sp').execute();
      await sp2.insertInto('t').values({ id: 10 * round + 2, name: `released${round}` }).execute();
      await (await sp2.releaseSavepoint('sp').execute()).commit().execute();
    }
    const rolledBack = await db.startTransaction().execute();
    await rolledBack.insertInto('t').values({ id: 99, name: 'never' }).execute();
    await rolledBack.rollback().execute();
    expect(await names()).toEqual(['a', 'b', 'c', 'kept1', 'released1', 'kept2', 'released2']);
  });

  it('a statement that failed (a duplicate) runs again', async () => {
    const insert = (id: number, name: string) => db.insertInto('t').values({ id, name }).execute();
    await expect(insert(6, 'a')).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    await insert(6, 'f');
    expect(await names()).toEqual(['a', 'b', 'c', 'f']);
  });

  it('a schema change through Kysely empties the cache: `select *` sees a new column', async () => {
    expect(await db.selectFrom('t').selectAll().where('id', '=', 1).execute()).toEqual([{ id: 1, name: 'a' }]);
    await db.schema.dropTable('t').execute();
    await db.schema.createTable('t').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('name', 'text').addColumn('extra', 'text').execute();
    await sql`insert into t (id, name, extra) values (1, 'z', 'x')`.execute(db);
    expect(await db.selectFrom('t').selectAll().where('id', '=', 1).execute()).toEqual([{ id: 1, name: 'z', extra: 'x' }]);
    expect(wrapped.stats().size).toBeGreaterThan(0);
  });

  it('past its size, the least recently used statement is prepared again', async () => {
    await db.destroy();
    open(2);
    await sql`create table t (id integer primary key, name text)`.execute(db);
    const q = (n: number) => sql`select ${sql.lit(n)} as n`.execute(db);
    const before = prepares;
    await q(1);
    await q(2);
    await q(1); // 1 is now the most recent; 2 the least
    await q(3); // evicts 2
    await q(1);
    expect(prepares - before).toBe(3);
    await q(2);
    expect(prepares - before).toBe(4);
    expect(wrapped.stats().size).toBe(2);
  });
});
