import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../db/tables.js';
import { isPostgres } from '../db/migrator.js';

/** Who did something, as the audit log and the personal-data access log record it. */
export interface AuditActor {
  /** Account id; null for the system itself (imports from the command line, jobs). */
  id: string | null;
  /** Human label kept with the row, so the log reads without joins (e.g. username). */
  label: string;
}

/** Where a request came from, for the audit row. */
export interface RequestOrigin {
  requestId?: string | null;
  ip?: string | null;
}

export interface AuditEntry {
  actor: AuditActor;
  /** Dotted action name, e.g. `registry.agency.create`, `dossier.receive`. */
  action: string;
  target: { type: string; id: string };
  /** Before/after summary; keep personal data out of it (ids and changed field names suffice). */
  summary: { before?: unknown; after?: unknown; [key: string]: unknown };
  origin?: RequestOrigin;
}

export const GENESIS_HASH = '0'.repeat(64);

/** A constant key for the PostgreSQL advisory lock that serializes chain appends. */
const CHAIN_LOCK_KEY = 720_125_001;

/** JSON with object keys sorted at every depth, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

type AuditRow = PlatformTables['audit_log'];

/** The hash of a row: SHA-256 over the previous hash and the row's canonical content. */
export function auditRowHash(row: Omit<AuditRow, 'hash'>): string {
  const content = canonicalJson({
    id: row.id,
    chainIndex: Number(row.chain_index),
    at: row.at,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    summary: row.summary,
    requestId: row.request_id,
    ip: row.ip,
  });
  return createHash('sha256').update(row.prev_hash).update('\n').update(content).digest('hex');
}

/**
 * Appends an audit row to the hash chain. Call it inside the transaction of the state
 * change it records, so both commit or neither does. Appends are serialized (a PostgreSQL
 * advisory lock; SQLite has a single writer), so concurrent writers never fork the chain.
 */
export async function recordAudit(
  trx: Kysely<PlatformTables>,
  entry: AuditEntry,
  at: Date,
  newId: () => string,
): Promise<{ id: string; chainIndex: number; hash: string }> {
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`.execute(trx);
  const last = await trx
    .selectFrom('audit_log')
    .select(['chain_index', 'hash'])
    .orderBy('chain_index', 'desc')
    .limit(1)
    .executeTakeFirst();
  const row: Omit<AuditRow, 'hash'> = {
    id: newId(),
    chain_index: last ? Number(last.chain_index) + 1 : 1,
    at: at.toISOString(),
    actor_id: entry.actor.id,
    actor_label: entry.actor.label,
    action: entry.action,
    target_type: entry.target.type,
    target_id: entry.target.id,
    summary: canonicalJson(entry.summary),
    request_id: entry.origin?.requestId ?? null,
    ip: entry.origin?.ip ?? null,
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const hash = auditRowHash(row);
  await trx.insertInto('audit_log').values({ ...row, hash }).execute();
  return { id: row.id, chainIndex: row.chain_index, hash };
}

export type ChainVerdict =
  | { ok: true; rows: number; headHash: string }
  | { ok: false; rows: number; brokenAt: number; rowId: string; reason: 'edited' | 'linkBroken' | 'indexGap' };

/**
 * Recomputes the whole chain in order and reports the first broken link: a row whose
 * content no longer matches its hash (edited), whose previous-hash does not match the row
 * before it (a row deleted or inserted before it), or a gap in the chain index (deleted).
 * Deleting rows at the very end is only detectable against a recorded head hash, which is
 * why the verdict reports it.
 */
export async function verifyAuditChain(db: Kysely<PlatformTables>, batchSize = 5_000): Promise<ChainVerdict> {
  let expectedPrev = GENESIS_HASH;
  let expectedIndex = 1;
  let rows = 0;
  let after = 0;
  for (;;) {
    const batch = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('chain_index', '>', after)
      .orderBy('chain_index')
      .limit(batchSize)
      .execute();
    for (const row of batch) {
      const index = Number(row.chain_index);
      if (index !== expectedIndex) return { ok: false, rows, brokenAt: index, rowId: row.id, reason: 'indexGap' };
      if (row.prev_hash !== expectedPrev) return { ok: false, rows, brokenAt: index, rowId: row.id, reason: 'linkBroken' };
      if (auditRowHash(row) !== row.hash) return { ok: false, rows, brokenAt: index, rowId: row.id, reason: 'edited' };
      expectedPrev = row.hash;
      expectedIndex = index + 1;
      rows += 1;
      after = index;
    }
    if (batch.length < batchSize) return { ok: true, rows, headHash: expectedPrev };
  }
}
