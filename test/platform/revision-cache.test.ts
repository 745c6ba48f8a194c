import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { bumpRevision, readRevisions, RevisionCache } from '../../src/platform/db/revision-cache.js';
import { createMigratedTestDatabase, testDialect, type TestDatabase } from '../support/db.js';

const AT = '2026-03-02T02:00:00.000Z';

/**
 * The mechanism behind every per-process cache of reference data: a value is reused until
 * the revision counter it depends on moves, whoever moves it. A second database handle
 * plays the other process (its own connection, its own caches).
 */
describe(`revision-checked caches, on ${testDialect}`, () => {
  let here: TestDatabase;
  let there: Database;
  let name = 0;
  /** A counter of its own for each test, so that tests do not disturb each other. */
  const fresh = () => `test-${name++}`;

  beforeAll(async () => {
    here = await createMigratedTestDatabase();
    there = await openDatabase(here.target);
  });
  afterAll(async () => {
    await there?.close();
    await here?.drop();
  });

  it('a counter never bumped reads 0; each bump adds 1, seen by every handle', async () => {
    const [a, b] = [fresh(), fresh()];
    expect(await readRevisions(here.db, [a, b])).toEqual([0, 0]);
    await bumpRevision(there.db, a, AT);
    await bumpRevision(there.db, a, AT);
    await bumpRevision(here.db, b, AT);
    expect(await readRevisions(here.db, [b, a])).toEqual([1, 2]);
    expect(await readRevisions(there.db, [a])).toEqual([2]);
  });

  it('a value is loaded once and reused until another process bumps its counter; then it is loaded again', async () => {
    const rev = fresh();
    const cache = new RevisionCache<string>({ revisions: [rev], max: 10 });
    let loads = 0;
    const load = async () => `value ${++loads}`;
    expect(await cache.get(here.db, 'k', load)).toBe('value 1');
    expect(await cache.get(here.db, 'k', load)).toBe('value 1');
    await bumpRevision(there.db, rev, AT);
    expect(await cache.get(here.db, 'k', load)).toBe('value 2');
    expect(await cache.get(here.db, 'k', load)).toBe('value 2');
    // The other handle has a cache of its own.
    expect(await cache.get(there.db, 'k', load)).toBe('value 3');
  });

  it('a bump of a counter it does not depend on leaves the value cached', async () => {
    const [mine, other] = [fresh(), fresh()];
    const cache = new RevisionCache<number>({ revisions: [mine], max: 10 });
    let loads = 0;
    await cache.get(here.db, 'k', async () => ++loads);
    await bumpRevision(there.db, other, AT);
    expect(await cache.get(here.db, 'k', async () => ++loads)).toBe(1);
  });

  it('inside a transaction the cache is read but never filled, and the transaction\'s own bump counts', async () => {
    const rev = fresh();
    const cache = new RevisionCache<string>({ revisions: [rev], max: 10 });
    expect(await cache.get(here.db, 'k', async () => 'committed')).toBe('committed');
    await here.db.transaction().execute(async (trx) => {
      expect(await cache.get(trx, 'k', async () => 'loaded in trx')).toBe('committed');
      await bumpRevision(trx, rev, AT);
      expect(await cache.get(trx, 'k', async () => 'changed in trx')).toBe('changed in trx');
      expect(await cache.get(trx, 'other', async () => 'not kept')).toBe('not kept');
    });
    expect(await cache.get(here.db, 'k', async () => 'after commit')).toBe('after commit');
    expect(await cache.get(here.db, 'other', async () => 'loaded again')).toBe('loaded again');
  });

  it('a rolled-back bump changes nothing', async () => {
    const rev = fresh();
    const cache = new RevisionCache<string>({ revisions: [rev], max: 10 });
    await cache.get(here.db, 'k', async () => 'first');
    await expect(
      there.db.transaction().execute(async (trx) => {
        await bumpRevision(trx, rev, AT);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await readRevisions(here.db, [rev])).toEqual([0]);
    expect(await cache.get(here.db, 'k', async () => 'second')).toBe('first');
  });

  it('keeps at most `max` values, dropping the least recently used', async () => {
    const cache = new RevisionCache<string>({ revisions: [fresh()], max: 2 });
    const loaded: string[] = [];
    const get = (k: string) => cache.get(here.db, k, async () => (loaded.push(k), k));
    for (const k of ['a', 'b', 'a', 'c', 'a', 'b']) await get(k);
    expect(loaded).toEqual(['a', 'b', 'c', 'b']);
  });

  it('values refused by `keep` are loaded every time; without counters the rest is kept for good', async () => {
    const cache = new RevisionCache<string | undefined>({ revisions: [], max: 10, keep: (v) => v !== undefined });
    let stored: string | undefined;
    let loads = 0;
    const get = () => cache.get(here.db, 'k', async () => (loads++, stored));
    expect(await get()).toBeUndefined();
    stored = 'published';
    expect(await get()).toBe('published');
    stored = 'changed (never, for such data)';
    expect(await get()).toBe('published');
    expect(loads).toBe(2);
  });

  it('a view read before a bump never puts its older values over newer ones', async () => {
    const rev = fresh();
    const cache = new RevisionCache<string>({ revisions: [rev], max: 10 });
    const old = await cache.view(here.db);
    await bumpRevision(there.db, rev, AT);
    expect(await cache.get(here.db, 'k', async () => 'new')).toBe('new');
    old.set('k', 'old');
    expect(await old.get('j', async () => 'old j')).toBe('old j');
    expect(await cache.get(here.db, 'k', async () => 'reloaded')).toBe('new');
    expect(await cache.get(here.db, 'j', async () => 'new j')).toBe('new j');
  });

  it('frozen values fail loudly when a caller changes one', async () => {
    const cache = new RevisionCache<{ name: { vi: string } }>({ revisions: [fresh()], max: 10, freeze: true });
    const value = await cache.get(here.db, 'k', async () => ({ name: { vi: 'Hải Châu' } }));
    expect(() => {
      value.name.vi = 'changed';
    }).toThrow(TypeError);
    expect((await cache.get(here.db, 'k', async () => ({ name: { vi: 'reloaded' } }))).name.vi).toBe('Hải Châu');
  });
});
