import type { Kysely } from 'kysely';
import type { AnyDb } from '../db/database.js';
import { isPostgres } from '../db/migrator.js';
import type { OutboxTable } from './outbox.js';
import { DEFAULT_RETRY, retryAfterFailure, type RetryPolicy } from './retry.js';

/** An outbox row as a consumer sees it (payload parsed). */
export interface ClaimedOutboxMessage {
  id: string;
  event: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  dedupKey: string;
  attempts: number;
  createdAt: string;
}

/** Turns one outbox message into work inside the claiming transaction (e.g. delivery rows). */
export type OutboxHandler = (trx: AnyDb, message: ClaimedOutboxMessage) => Promise<void>;

type OutboxDb = Kysely<OutboxTable>;

/**
 * Consumes up to `limit` due outbox messages, one transaction each: the row is locked
 * (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so parallel workers take different rows; SQLite
 * has a single writer), handed to `handler`, and marked `sent` in the same transaction, so
 * the handler's writes and the acknowledgement commit together or not at all. A handler
 * that throws leaves the row pending with exponential back-off, then `dead`.
 */
export async function consumeOutbox(db: AnyDb, now: Date, handler: OutboxHandler, options: { limit?: number; policy?: RetryPolicy } = {}): Promise<number> {
  const odb = db as OutboxDb;
  const limit = options.limit ?? 50;
  const pg = isPostgres(odb);
  const at = now.toISOString();
  let handled = 0;
  const skipped: string[] = [];
  while (handled + skipped.length < limit) {
    let claimed: ClaimedOutboxMessage | undefined;
    // Set inside the transaction callback; read when it failed.
    const state: { working?: { id: string; attempts: number } } = {};
    try {
      claimed = await odb.transaction().execute(async (trx) => {
        let query = trx
          .selectFrom('outbox')
          .selectAll()
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', at)
          .orderBy('next_attempt_at')
          .orderBy('id')
          .limit(1);
        if (skipped.length > 0) query = query.where('id', 'not in', skipped);
        if (pg) query = query.forUpdate().skipLocked();
        const row = await query.executeTakeFirst();
        if (!row) return undefined;
        state.working = { id: row.id, attempts: row.attempts };
        const message: ClaimedOutboxMessage = {
          id: row.id,
          event: row.event,
          aggregateType: row.aggregate_type,
          aggregateId: row.aggregate_id,
          payload: JSON.parse(row.payload) as Record<string, unknown>,
          dedupKey: row.dedup_key,
          attempts: row.attempts,
          createdAt: row.created_at,
        };
        await handler(trx, message);
        await trx
          .updateTable('outbox')
          .set({ status: 'sent', sent_at: at, attempts: row.attempts + 1, last_error: null })
          .where('id', '=', row.id)
          .execute();
        return message;
      });
    } catch (error) {
      const working = state.working;
      if (!working) throw error;
      await recordFailure(odb, working, now, error, options.policy ?? DEFAULT_RETRY);
      skipped.push(working.id);
      continue;
    }
    if (!claimed) break;
    handled += 1;
  }
  return handled + skipped.length;
}

/** The handler failed and its transaction rolled back: count the failed attempt. */
async function recordFailure(db: OutboxDb, row: { id: string; attempts: number }, now: Date, error: unknown, policy: RetryPolicy): Promise<void> {
  const attempts = row.attempts + 1;
  const decision = retryAfterFailure(attempts, now, policy);
  await db
    .updateTable('outbox')
    .set({
      attempts,
      last_error: String(error instanceof Error ? error.message : error).slice(0, 2000),
      ...(decision.kind === 'dead' ? { status: 'dead' as const } : { next_attempt_at: decision.at.toISOString() }),
    })
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', row.attempts)
    .execute();
}
