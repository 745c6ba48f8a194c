/**
 * Per-process caches of reference data (the agency tree, desks' calendars, published
 * procedures and workflows) that stay correct while other processes change that data.
 *
 * Several processes share one database: the server, the worker, the CLI, more servers on
 * PostgreSQL. Each keeps its own cache, so a cache cannot be told of a change; it asks.
 * Every kind of cached data has a revision counter, a row of `cache_revisions` that every
 * change bumps in the change's own transaction. A cached read first reads the counters it
 * depends on (one primary-key read) and reuses what it loaded before only when they have
 * not moved; otherwise it loads afresh. A change made anywhere therefore counts from the
 * next read in every process, with no time-to-live window. (The calendar module's
 * original counter, generalized.)
 *
 * Ordering makes it safe without locks: the counters are read before the data, so data is
 * at least as new as the revision it is filed under, and a concurrent change costs at most
 * one extra load. Inside a transaction the cache may be read (the counters are then those
 * the transaction sees, its own uncommitted bump included) but is never filled, because
 * what the transaction reads may roll back. A cache with no counters holds data that never
 * changes once cached (a published workflow version).
 */
import type { CompiledQuery } from 'kysely';
import type { AnyDb } from './database.js';
import { asPlatformDb } from './database.js';

/** Counts one change of the data behind revision `name`; call in the change's transaction, after it. */
export async function bumpRevision(db: AnyDb, name: string, nowIso: string): Promise<void> {
  await asPlatformDb(db)
    .insertInto('cache_revisions')
    .values({ name, revision: 1, updated_at: nowIso })
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ revision: eb('cache_revisions.revision', '+', 1), updated_at: nowIso })))
    .execute();
}

/** Compiled counter reads per database and list of names: read on every cached lookup, built once. */
const compiledReads = new WeakMap<object, Map<string, CompiledQuery<{ name: string; revision: number }>>>();

/** The current values of some revision counters, in the order given (0 for one never bumped). */
export async function readRevisions(db: AnyDb, names: readonly string[]): Promise<number[]> {
  const owner = db.getExecutor().adapter;
  let queries = compiledReads.get(owner);
  if (!queries) compiledReads.set(owner, (queries = new Map()));
  const key = names.join('\n');
  let query = queries.get(key);
  if (!query) {
    query = asPlatformDb(db).selectFrom('cache_revisions').select(['name', 'revision']).where('name', 'in', [...names]).compile();
    queries.set(key, query);
  }
  const { rows } = await db.executeQuery(query);
  return names.map((n) => Number(rows.find((r) => r.name === n)?.revision ?? 0));
}

/** How a `RevisionCache` decides what is current, what it keeps and how much. */
export interface RevisionCacheOptions<V> {
  /** Revision counters the cached values depend on; none for values that never change once kept. */
  revisions: readonly string[];
  /** Entries kept per database; the least recently used go first. */
  max: number;
  /** Whether a loaded value may be kept (e.g. not a draft that may still change); default all. */
  keep?: (value: V) => boolean;
  /** Deep-freeze kept values, so that a caller mutating a shared value fails loudly. */
  freeze?: boolean;
}

interface State<V> {
  stamp: readonly number[];
  entries: Map<string, V>;
}

const NO_REVISIONS: readonly number[] = [];

/** -1, 0 or 1 as `a` is older than, equal to or newer than `b` (counters only grow). */
function compare(a: readonly number[], b: readonly number[]): number {
  let sign = 0;
  for (let i = 0; i < a.length; i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d < 0) return -1;
    if (d > 0) sign = 1;
  }
  return sign;
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const v of Object.values(value)) deepFreeze(v);
  return Object.freeze(value);
}

/** A cache read at one reading of its revision counters (for a batch of lookups). */
export interface CacheView<V> {
  /** The value under `key`: the cached one when still current, otherwise `load()`'s. */
  get(key: string, load: () => Promise<V>): Promise<V>;
  /** Keeps a value loaded at this view's revisions under another key (e.g. a version by number, loaded as the published one). */
  set(key: string, value: V): void;
  /** The value under `key` if cached and current, without loading it (callers with a cheaper query for a miss). */
  cached(key: string): { value: V } | undefined;
}

/**
 * A bounded cache of values keyed by string, one per open database (the Kysely adapter,
 * shared by an instance, its `withTables()` views and its transactions, identifies it, and
 * the cache goes away with it), emptied whenever one of its revision counters moves.
 *
 * @example
 * const published = new RevisionCache<Procedure | undefined>({ revisions: ['catalog'], max: 500 });
 * const p = await published.get(db, code, () => findPublished(db, code));
 */
export class RevisionCache<V> {
  readonly #states = new WeakMap<object, State<V>>();
  readonly #options: RevisionCacheOptions<V>;

  constructor(options: RevisionCacheOptions<V>) {
    this.#options = options;
  }

  /** The value under `key`: the cached one when still current, otherwise `load()`'s. */
  async get(db: AnyDb, key: string, load: () => Promise<V>): Promise<V> {
    return (await this.view(db)).get(key, load);
  }

  /** Reads the revision counters once, for several lookups that should agree with each other. */
  async view(db: AnyDb): Promise<CacheView<V>> {
    const { revisions } = this.#options;
    const stamp = revisions.length > 0 ? await readRevisions(db, revisions) : NO_REVISIONS;
    return {
      get: (key, load) => this.#lookup(db, stamp, key, load),
      set: (key, value) => this.#store(db, stamp, key, value),
      cached: (key) => this.#hit(db, stamp, key),
    };
  }

  #hit(db: AnyDb, stamp: readonly number[], key: string): { value: V } | undefined {
    const state = this.#states.get(db.getExecutor().adapter);
    if (!state || compare(stamp, state.stamp) !== 0 || !state.entries.has(key)) return undefined;
    const value = state.entries.get(key) as V;
    // Map order is insertion order: re-inserting marks the entry most recently used.
    state.entries.delete(key);
    state.entries.set(key, value);
    return { value };
  }

  async #lookup(db: AnyDb, stamp: readonly number[], key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.#hit(db, stamp, key);
    if (hit) return hit.value;
    const value = await load();
    this.#store(db, stamp, key, value);
    return value;
  }

  #store(db: AnyDb, stamp: readonly number[], key: string, value: V): void {
    const { keep, freeze, max } = this.#options;
    if (db.isTransaction || (keep && !keep(value))) return;
    const owner = db.getExecutor().adapter;
    // Another lookup may have moved the cache on while this one loaded: never move it back.
    let state = this.#states.get(owner);
    const order = state ? compare(stamp, state.stamp) : 1;
    if (order < 0) return;
    if (!state || order > 0) {
      state = { stamp, entries: new Map() };
      this.#states.set(owner, state);
    }
    state.entries.delete(key);
    state.entries.set(key, freeze ? deepFreeze(value) : value);
    if (state.entries.size > max) {
      const oldest = state.entries.keys().next().value;
      if (oldest !== undefined) state.entries.delete(oldest);
    }
  }
}
