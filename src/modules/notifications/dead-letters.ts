import type { AnyDb } from '../../platform/db/database.js';
import { notificationDb } from './tables.js';

/** A message that ran out of attempts: an outbox message whose fan-out kept failing, or a delivery. */
export interface DeadLetter {
  id: string;
  kind: 'outbox' | 'delivery';
  event: string;
  /** Channel of a delivery; `fanOut` for an outbox message. */
  channel: string;
  /** Where it was going (e-mail, phone, URL), empty for an outbox message. */
  address: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

/** Masks most of an address: administrators need to recognise it, not read personal data in full. */
export function maskAddress(channel: string, address: string): string {
  if (channel === 'webhook') return address;
  if (channel === 'email') {
    const [user = '', domain = ''] = address.split('@');
    return `${user.slice(0, 2)}***@${domain}`;
  }
  return address.length > 4 ? `${'*'.repeat(address.length - 3)}${address.slice(-3)}` : '***';
}

/** Every dead letter, newest first (at most `limit`). */
export async function listDeadLetters(db: AnyDb, limit = 200): Promise<DeadLetter[]> {
  const ndb = notificationDb(db);
  const deliveries = await ndb
    .selectFrom('deliveries')
    .select(['id', 'event', 'channel', 'address', 'attempts', 'last_error', 'created_at'])
    .where('status', '=', 'dead')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const outbox = await ndb
    .selectFrom('outbox')
    .select(['id', 'event', 'attempts', 'last_error', 'created_at'])
    .where('status', '=', 'dead')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return [
    ...outbox.map((o) => ({ id: o.id, kind: 'outbox' as const, event: o.event, channel: 'fanOut', address: '', attempts: o.attempts, lastError: o.last_error, createdAt: o.created_at })),
    ...deliveries.map((d) => ({ id: d.id, kind: 'delivery' as const, event: d.event, channel: d.channel, address: maskAddress(d.channel, d.address), attempts: d.attempts, lastError: d.last_error, createdAt: d.created_at })),
  ]
    .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, limit);
}

/**
 * Puts a dead letter back in the queue, due now, with its attempt count reset (an
 * administrator fixed the cause: a mail server, a subscriber's endpoint). Returns what was
 * retried, or undefined when no dead letter has this id.
 */
export async function retryDeadLetter(trx: AnyDb, id: string, now: Date): Promise<{ kind: 'outbox' | 'delivery'; event: string } | undefined> {
  const ndb = notificationDb(trx);
  const at = now.toISOString();
  const delivery = await ndb.selectFrom('deliveries').select(['event']).where('id', '=', id).where('status', '=', 'dead').executeTakeFirst();
  if (delivery) {
    await ndb.updateTable('deliveries').set({ status: 'pending', attempts: 0, next_attempt_at: at, claimed_until: null, claim_token: null }).where('id', '=', id).execute();
    return { kind: 'delivery', event: delivery.event };
  }
  const outbox = await ndb.selectFrom('outbox').select(['event']).where('id', '=', id).where('status', '=', 'dead').executeTakeFirst();
  if (outbox) {
    await ndb.updateTable('outbox').set({ status: 'pending', attempts: 0, next_attempt_at: at }).where('id', '=', id).execute();
    return { kind: 'outbox', event: outbox.event };
  }
  return undefined;
}
