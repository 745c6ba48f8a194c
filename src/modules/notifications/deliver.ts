import type { PlatformServices } from '../../platform/context.js';
import { isPostgres } from '../../platform/db/migrator.js';
import { DEFAULT_RETRY, retryAfterFailure, type RetryPolicy } from '../../platform/jobs/retry.js';
import { DeliveryFailure, type Channels, type SendOutcome } from '../../platform/notify/index.js';
import { notificationDb, type DeliveryRow, type NotificationDb } from './tables.js';

export interface DeliverOptions {
  /** How many deliveries one round claims. */
  batch?: number;
  /** How long a claim holds; a worker that dies mid-send lets it lapse and another retries. */
  leaseMs?: number;
  policy?: RetryPolicy;
}

/** A claimed delivery and the token that proves the claim is still ours. */
interface Claimed {
  row: DeliveryRow;
  token: string;
}

/**
 * Claims due deliveries for this worker: pending, due, and not held by a live lease.
 * On PostgreSQL the rows are locked with `FOR UPDATE SKIP LOCKED` while the lease is
 * written, so two workers never claim the same row; SQLite has one writer at a time.
 */
export async function claimDeliveries(db: NotificationDb, now: Date, token: string, batch: number, leaseMs: number): Promise<Claimed[]> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    let query = trx
      .selectFrom('deliveries')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', at)]))
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(batch);
    if (isPostgres(trx)) query = query.forUpdate().skipLocked();
    const rows = await query.execute();
    if (rows.length === 0) return [];
    const until = new Date(now.getTime() + leaseMs).toISOString();
    await trx
      .updateTable('deliveries')
      .set((eb) => ({ claimed_until: until, claim_token: token, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', rows.map((r) => r.id))
      .execute();
    return rows.map((r) => ({ row: { ...r, attempts: r.attempts + 1, claimed_until: until, claim_token: token }, token }));
  });
}

async function send(channels: Channels, row: DeliveryRow, secretOf: (id: string) => Promise<string | undefined>): Promise<SendOutcome> {
  switch (row.channel) {
    case 'email':
      return channels.email({ dedupKey: row.dedup_key, to: row.address, subject: row.subject, text: row.body });
    case 'sms':
      return channels.sms({ dedupKey: row.dedup_key, to: row.address, text: row.body });
    case 'webhook': {
      const secret = await secretOf(row.recipient_id);
      if (!secret) throw new DeliveryFailure('the webhook subscription was deleted or deactivated');
      return channels.webhook({ dedupKey: row.dedup_key, url: row.address, event: row.event, body: row.body, secret });
    }
  }
}

/**
 * Delivers one round: claims due deliveries, sends each through its channel, then records
 * the outcome (sent; or a retry with exponential back-off; or dead after the last attempt)
 * and a delivery-log row. The outcome is written only while the claim is still ours, so a
 * worker that wakes up after its lease lapsed cannot overwrite a later attempt.
 */
export async function deliverDue(services: PlatformServices, channels: Channels, options: DeliverOptions = {}): Promise<number> {
  const db = notificationDb(services.db);
  const now = services.clock.now();
  const token = services.newId();
  const claimed = await claimDeliveries(db, now, token, options.batch ?? 20, options.leaseMs ?? 5 * 60_000);
  const secretOf = async (id: string) =>
    (await db.selectFrom('webhook_subscriptions').select('secret').where('id', '=', id).where('active', '=', 1).executeTakeFirst())?.secret;
  await Promise.all(
    claimed.map(async ({ row }) => {
      const started = performance.now();
      let outcome: { ok: true; result: SendOutcome } | { ok: false; error: unknown };
      try {
        outcome = { ok: true, result: await send(channels, row, secretOf) };
      } catch (error) {
        outcome = { ok: false, error };
      }
      const durationMs = Math.round(performance.now() - started);
      await record(services, db, row, token, outcome, durationMs, options.policy ?? DEFAULT_RETRY);
    }),
  );
  return claimed.length;
}

async function record(
  services: PlatformServices,
  db: NotificationDb,
  row: DeliveryRow,
  token: string,
  outcome: { ok: true; result: SendOutcome } | { ok: false; error: unknown },
  durationMs: number,
  policy: RetryPolicy,
): Promise<void> {
  const now = services.clock.now();
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const base = trx.updateTable('deliveries').where('id', '=', row.id).where('claim_token', '=', token).where('status', '=', 'pending');
    let updated;
    if (outcome.ok) {
      updated = await base.set({ status: 'sent', sent_at: at, claimed_until: null, last_error: null }).executeTakeFirst();
    } else {
      const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      const decision = retryAfterFailure(row.attempts, now, policy);
      updated = await base
        .set({
          claimed_until: null,
          last_error: message.slice(0, 2000),
          ...(decision.kind === 'dead' ? { status: 'dead' as const } : { next_attempt_at: decision.at.toISOString() }),
        })
        .executeTakeFirst();
      if (decision.kind === 'dead') services.log.warn({ deliveryId: row.id, channel: row.channel, event: row.event }, 'delivery is a dead letter after its last attempt');
    }
    const error = outcome.ok ? undefined : outcome.error;
    await trx
      .insertInto('delivery_attempts')
      .values({
        id: services.newId(),
        delivery_id: row.id,
        attempt: row.attempts,
        at,
        ok: outcome.ok ? 1 : 0,
        status_code: outcome.ok ? (outcome.result.statusCode ?? null) : error instanceof DeliveryFailure ? (error.statusCode ?? null) : null,
        detail: (outcome.ok ? (outcome.result.note ?? null) : error instanceof Error ? error.message : String(error))?.slice(0, 500) ?? null,
        duration_ms: durationMs,
      })
      .execute();
    if (Number(updated.numUpdatedRows) === 0) services.log.warn({ deliveryId: row.id }, 'delivery outcome arrived after the claim lapsed; the later attempt stands');
  });
}
