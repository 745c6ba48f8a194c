import { randomBytes } from 'node:crypto';
import type { NotificationDb, NotificationTables } from './tables.js';

type SubscriptionRow = NotificationTables['webhook_subscriptions'];

/** A webhook subscription as the API shows it (never with its secret). */
export interface WebhookSubscription {
  id: string;
  name: string;
  url: string;
  events: string[];
  agencyCode: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The API view of a stored subscription. */
export function presentSubscription(row: SubscriptionRow): WebhookSubscription {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    events: JSON.parse(row.events) as string[],
    agencyCode: row.agency_code,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A new signing secret: 32 random bytes, shown to the subscriber once. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * True when a subscription covers an event: its list names the event, `*`, or a prefix
 * wildcard such as `dossier.*`.
 */
export function eventMatches(patterns: readonly string[], event: string): boolean {
  return patterns.some((p) => p === '*' || p === event || (p.endsWith('.*') && event.startsWith(p.slice(0, -1))));
}

/**
 * The active subscriptions that should receive `event` about a record held by agencies at
 * `agencyPaths`: system-wide ones, and those whose agency is one of them or above them.
 */
export async function matchingSubscriptions(db: NotificationDb, event: string, agencyPaths: readonly string[]): Promise<SubscriptionRow[]> {
  const rows = await db.selectFrom('webhook_subscriptions').selectAll().where('active', '=', 1).orderBy('id').execute();
  return rows.filter((r) => {
    if (!eventMatches(JSON.parse(r.events) as string[], event)) return false;
    const scope = r.agency_path;
    return scope === null || agencyPaths.some((p) => p.startsWith(scope));
  });
}
