/**
 * Baseline of P2 on SQLite: the rows one online submission writes (dossier, agency link,
 * history row, attachment, idempotency key, workflow pin, audit row, outbox message,
 * statistics fact and daily counters), copied from a dossier the system really submitted,
 * written again with better-sqlite3 directly: one transaction per dossier, prepared
 * statements, keys made unique by a suffix. No HTTP, no validation, no catalogue or
 * registry reads, no code, no deadline computation, no audit hash chain.
 */
import SQLite from 'better-sqlite3';

type Row = Record<string, unknown>;

/** Tables written per dossier, with the column that ties a row to the dossier. */
const PER_DOSSIER: readonly [table: string, column: string][] = [
  ['dossiers', 'id'],
  ['dossier_agencies', 'dossier_id'],
  ['dossier_events', 'dossier_id'],
  ['dossier_documents', 'dossier_id'],
  ['idempotency_keys', 'dossier_id'],
  ['workflow_pins', 'dossier_id'],
  ['audit_log', 'target_id'],
  ['outbox', 'aggregate_id'],
  ['stats_dossier_facts', 'dossier_id'],
];
/** Daily counters the submission adds to (upserts), found by the dossier's desk and procedure. */
const COUNTERS = ['stats_daily', 'stats_daily_processing'];

/** The rows one submission wrote, read from the system's database (`dossierId` a submitted dossier). */
export interface SubmissionRows {
  tables: { table: string; rows: Row[]; upsert: boolean; unique: Set<string> }[];
  files: Row[];
}

function uniqueColumns(db: SQLite.Database, table: string): Set<string> {
  const out = new Set<string>();
  for (const c of db.prepare(`pragma table_info("${table}")`).all() as { name: string; pk: number }[]) if (c.pk > 0) out.add(c.name);
  for (const ix of db.prepare(`pragma index_list("${table}")`).all() as { name: string; unique: number }[]) {
    if (ix.unique) for (const c of db.prepare(`pragma index_info("${ix.name}")`).all() as { name: string }[]) out.add(c.name);
  }
  return out;
}

/** Reads the rows of a dossier the system submitted, from its (open, WAL) database file. */
export function submissionRows(systemFile: string, dossierId: string): SubmissionRows {
  const db = new SQLite(systemFile, { readonly: true, timeout: 5_000 });
  try {
    const exists = (t: string) => !!db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(t);
    const dossier = db.prepare('select * from dossiers where id = ?').get(dossierId) as Row | undefined;
    if (!dossier) throw new Error(`P2 baseline: no dossier ${dossierId}`);
    const tables: SubmissionRows['tables'] = [];
    for (const [table, column] of PER_DOSSIER) {
      if (!exists(table)) continue;
      const rows = db.prepare(`select * from "${table}" where "${column}" = ?`).all(dossierId) as Row[];
      if (rows.length) tables.push({ table, rows, upsert: false, unique: uniqueColumns(db, table) });
    }
    for (const table of COUNTERS.filter(exists)) {
      const rows = db.prepare(`select * from "${table}" where desk_code = ? and procedure_code = ? order by day desc limit 1`).all(dossier.desk_code, dossier.procedure_code) as Row[];
      if (rows.length) tables.push({ table, rows, upsert: true, unique: new Set() });
    }
    const docs = db.prepare('select file_sha256 from dossier_documents where dossier_id = ?').pluck().all(dossierId) as string[];
    const files = docs.map((sha) => db.prepare('select * from files where sha256 = ?').get(sha) as Row);
    return { tables, files };
  } finally {
    db.close();
  }
}

/** Foreign keys to the dossier: changed with it, so the copies stay consistent. */
const DOSSIER_REFS = new Set(['dossier_id', 'target_id', 'aggregate_id']);

/**
 * Writes copies of `rows` into `dbPath` (a fresh copy of the seeded database), one
 * transaction per copy, for `seconds`; returns copies written per second.
 */
export function baselineSubmissions(dbPath: string, rows: SubmissionRows, seconds: number, offset: number): number {
  const db = new SQLite(dbPath, { timeout: 5_000 });
  try {
    // The same connection settings as the system's (src/platform/db/database.ts).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    for (const f of rows.files) {
      const cols = Object.keys(f);
      db.prepare(`insert or ignore into files (${cols.map((c) => `"${c}"`).join(',')}) values (${cols.map(() => '?').join(',')})`).run(...cols.map((c) => f[c]));
    }
    const statements = rows.tables.map((t) => {
      const cols = Object.keys(t.rows[0] ?? {});
      const stmt = db.prepare(`insert ${t.upsert ? 'or replace ' : ''}into "${t.table}" (${cols.map((c) => `"${c}"`).join(',')}) values (${cols.map(() => '?').join(',')})`);
      return { t, cols, stmt };
    });
    const write = db.transaction((n: number) => {
      for (const { t, cols, stmt } of statements) {
        for (const r of t.rows) {
          stmt.run(
            ...cols.map((c) => {
              const v = r[c];
              if (!t.unique.has(c) && !DOSSIER_REFS.has(c) && !(t.table === 'dossiers' && c === 'id')) return v;
              if (typeof v === 'string') return `${v}~${n}`;
              if (typeof v === 'number' || typeof v === 'bigint') return Number(v) + 1_000_000_000 + n;
              return v;
            }),
          );
        }
      }
    });
    const t0 = performance.now();
    let n = 0;
    while (performance.now() - t0 < seconds * 1000) write(offset + n++);
    return n / ((performance.now() - t0) / 1000);
  } finally {
    db.close();
  }
}
