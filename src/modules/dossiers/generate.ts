/**
 * Bulk dossier generator for benchmarks and statistics (`bench/`): writes dossier rows,
 * the agencies each has been with and minimal control-sheet rows DIRECTLY, in big multi-row
 * inserts inside large transactions, without the use cases (see `generate-rows.ts` for what
 * the rows hold and the working-day approximation of due dates).
 */
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.js';
import { isPostgres } from '../../platform/db/migrator.js';
import { deskScope, normalizeForSearch } from '../registry/index.js';
import { generateDossier, GEN_PROCEDURES, type GenAgency, type GenProcedure, type GenWorld } from './generate-rows.js';
import { createRng } from './seed-prng.js';
import { dossierDb } from './tables.js';

export type { GenAgency, GenProcedure } from './generate-rows.js';

export interface GenerateOptions {
  count: number;
  /** Same seed, same dossiers (ids and codes included, on an empty table). */
  seed: number;
  /** The end of the generated year. */
  now: Date;
  /** Receiving agencies (ward or commune committees with their desks); see `agenciesOfDesks`. */
  agencies: readonly GenAgency[];
  /** Where construction permits above 250 m² are transferred for appraisal (e.g. Sở Xây dựng). */
  appraisalAgency?: { code: string; path: string };
  procedures?: readonly GenProcedure[];
  /** Dossiers per transaction (default 20,000). */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateResult {
  dossiers: number;
  events: number;
  agencyLinks: number;
}

/** Bound parameters per statement: SQLite allows 32,766, PostgreSQL 65,535. */
const MAX_PARAMS = { sqlite: 32_766, postgres: 65_535 } as const;
const MAX_ROWS = 1_000;
const YEAR = 365 * 86_400_000;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(value: number, length: number): string {
  let out = '';
  let v = value;
  for (let i = 0; i < length; i++) {
    out = (CROCKFORD[v % 32] ?? '0') + out;
    v = Math.floor(v / 32);
  }
  return out;
}

/** The receiving agencies of reception desks, by desk code (unknown desks are skipped). */
export async function agenciesOfDesks(db: Kysely<PlatformTables>, deskCodes: readonly string[]): Promise<GenAgency[]> {
  const out: GenAgency[] = [];
  for (const deskCode of deskCodes) {
    const desk = await deskScope(db, deskCode);
    if (desk) out.push({ code: desk.agencyCode, path: desk.agencyPath, deskCode });
  }
  return out;
}

/** Inserts rows with one multi-row statement per chunk, within the dialect's parameter limit. */
async function insertRows(db: Kysely<PlatformTables>, pg: boolean, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const perStatement = Math.min(MAX_ROWS, Math.floor(MAX_PARAMS[pg ? 'postgres' : 'sqlite'] / columns.length));
  // Quoted: some column names are reserved words in PostgreSQL (`current_role`).
  const head = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(',')}) values `;
  // SQLite's placeholders are all `?`: one tuple text serves every row.
  const tuple = `(${columns.map(() => '?').join(',')})`;
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const params: unknown[] = new Array(chunk.length * columns.length);
    let k = 0;
    for (const row of chunk) for (const c of columns) params[k++] = row[c] ?? null;
    const tuples = pg ? chunk.map((_, r) => `(${columns.map((__, i) => `$${r * columns.length + i + 1}`).join(',')})`).join(',') : Array(chunk.length).fill(tuple).join(',');
    await db.executeQuery(CompiledQuery.raw(head + tuples, params));
  }
}

/**
 * Generates `count` dossiers spread over the year before `now` at the given agencies: a
 * realistic mix of procedures, statuses (mostly returned; recent ones open; some overdue),
 * on-time and late results, transfers for appraisal. Codes continue the agencies' daily
 * counters, which are raised to match, so dossiers received later get fresh numbers.
 *
 * @example await generateDossiers(db, { count: 1_000_000, seed: 1, now: new Date(), agencies: await agenciesOfDesks(db, ['MC-20242']) })
 */
export async function generateDossiers(db: Kysely<PlatformTables>, options: GenerateOptions): Promise<GenerateResult> {
  if (options.agencies.length === 0) throw new RangeError('generateDossiers: at least one agency is needed');
  const pg = isPostgres(db);
  const ddb = dossierDb(db);
  const rng = createRng(options.seed);
  const counters = new Map<string, number>();
  const existing = await ddb.selectFrom('dossier_code_counters').select(['agency_code', 'day', 'last_seq']).where('agency_code', 'in', [...new Set(options.agencies.map((a) => a.code))]).execute();
  for (const c of existing) counters.set(`${c.agency_code}|${c.day}`, Number(c.last_seq));
  let idSeq = 0;
  const world: GenWorld = {
    agencies: options.agencies,
    ...(options.appraisalAgency ? { appraisalAgency: options.appraisalAgency } : {}),
    procedures: options.procedures ?? GEN_PROCEDURES,
    now: options.now,
    nextSeq: (agency, day) => {
      const key = `${agency}|${day}`;
      const next = (counters.get(key) ?? 0) + 1;
      counters.set(key, next);
      return next;
    },
    // ULID-shaped: 48-bit time, then a running number (unique by construction), then noise.
    newId: (at) => `${base32(at, 10)}${base32(idSeq++, 8)}${base32(rng.int(2 ** 30), 6)}${base32(rng.int(1024), 2)}`,
    searchText: (owner, procedure) => normalizeForSearch(`${owner} ${procedure}`),
  };
  const texts = new Map<string, string>();
  world.searchText = (owner, procedure) => {
    const key = `${owner}|${procedure}`;
    const known = texts.get(key);
    if (known !== undefined) return known;
    const text = normalizeForSearch(`${owner} ${procedure}`);
    texts.set(key, text);
    return text;
  };
  const result: GenerateResult = { dossiers: 0, events: 0, agencyLinks: 0 };
  const batchSize = options.batchSize ?? 20_000;
  const start = options.now.getTime() - YEAR;
  // A bigger page cache while the indexes grow (SQLite's default is 2 MB; 10M dossiers have
  // ~4 GB of indexes, some filled in random order); restored after.
  const cache = pg ? undefined : await sql<{ cache_size: number }>`pragma cache_size`.execute(db);
  if (!pg) await sql`pragma cache_size = -1048576`.execute(db);
  const run = <T>(work: (trx: Kysely<PlatformTables>) => Promise<T>) => (db.isTransaction ? work(db) : db.transaction().execute(work));
  for (let done = 0; done < options.count; ) {
    const n = Math.min(batchSize, options.count - done);
    // Through the year in time order, with a little jitter (see `generateDossier`).
    const batch = Array.from({ length: n }, (_, i) => generateDossier(world, rng, done + i, start + ((done + i + rng.next()) / options.count) * YEAR));
    await run(async (trx) => {
      await insertRows(trx, pg, 'dossiers', batch.map((b) => b.dossier));
      await insertRows(trx, pg, 'dossier_agencies', batch.flatMap((b) => b.agencies));
      await insertRows(trx, pg, 'dossier_events', batch.flatMap((b) => b.events));
    });
    done += n;
    result.dossiers += n;
    result.events += batch.reduce((s, b) => s + b.events.length, 0);
    result.agencyLinks += batch.reduce((s, b) => s + b.agencies.length, 0);
    options.onProgress?.(done, options.count);
  }
  await raiseCounters(db, pg, counters);
  const previous = cache?.rows[0]?.cache_size;
  if (previous !== undefined) await sql.raw(`pragma cache_size = ${Number(previous)}`).execute(db);
  return result;
}

/** Raises the daily code counters to the generated numbers (never lowers one). */
async function raiseCounters(db: Kysely<PlatformTables>, pg: boolean, counters: Map<string, number>): Promise<void> {
  const rows = [...counters].map(([key, last]) => {
    const [agency, day] = key.split('|');
    return { agency_code: agency ?? '', day: day ?? '', last_seq: last };
  });
  const greatest = pg ? 'greatest' : 'max';
  for (let start = 0; start < rows.length; start += 5_000) {
    await dossierDb(db)
      .insertInto('dossier_code_counters')
      .values(rows.slice(start, start + 5_000))
      .onConflict((oc) => oc.columns(['agency_code', 'day']).doUpdateSet({ last_seq: (eb) => eb.fn(greatest, ['dossier_code_counters.last_seq', 'excluded.last_seq']) }))
      .execute();
  }
}
