import type { AnyDb } from '../db/database.js';
import { columnTypes, type NamedMigration } from '../db/migrator.js';

/**
 * The transactional outbox (ARCHITECTURE.md "Jobs, notifications, integration"): a state
 * change writes its messages here in its own transaction, so nothing is sent for a change
 * that rolled back and nothing is lost for one that committed. Workers deliver them later.
 */
export const outboxMigrations: NamedMigration[] = [
  {
    name: '20261125_04_platform_outbox',
    async up(db) {
      const t = columnTypes(db);
      await db.schema
        .createTable('outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('aggregate_type', 'text', (c) => c.notNull())
        .addColumn('aggregate_id', 'text', (c) => c.notNull())
        .addColumn('payload', t.json, (c) => c.notNull())
        .addColumn('dedup_key', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', t.timestamp, (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('sent_at', t.timestamp)
        .execute();
      await db.schema.createIndex('outbox_pending').on('outbox').columns(['status', 'next_attempt_at']).execute();
      await db.schema.createIndex('outbox_aggregate').on('outbox').columns(['aggregate_type', 'aggregate_id']).execute();
    },
  },
];

export interface OutboxTable {
  outbox: {
    id: string;
    event: string;
    aggregate_type: string;
    aggregate_id: string;
    payload: string;
    dedup_key: string;
    status: 'pending' | 'sent' | 'dead';
    attempts: number;
    next_attempt_at: string;
    last_error: string | null;
    created_at: string;
    sent_at: string | null;
  };
}

export interface OutboxMessage {
  /** Event name, e.g. `dossier.received`. */
  event: string;
  aggregate: { type: string; id: string };
  payload: Record<string, unknown>;
  /** Unique per message; a retried state change cannot enqueue the same message twice. */
  dedupKey: string;
}

/** Writes messages to the outbox inside the caller's transaction. */
export async function enqueue(trx: AnyDb, messages: readonly OutboxMessage[], now: Date, newId: () => string): Promise<void> {
  if (messages.length === 0) return;
  const at = now.toISOString();
  await trx
    .insertInto('outbox')
    .values(
      messages.map((m) => ({
        id: newId(),
        event: m.event,
        aggregate_type: m.aggregate.type,
        aggregate_id: m.aggregate.id,
        payload: JSON.stringify(m.payload),
        dedup_key: m.dedupKey,
        status: 'pending',
        attempts: 0,
        next_attempt_at: at,
        last_error: null,
        created_at: at,
        sent_at: null,
      })),
    )
    .execute();
}
