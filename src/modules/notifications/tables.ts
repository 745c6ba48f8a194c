import type { Kysely } from 'kysely';
import type { AnyDb } from '../../platform/db/database.js';
import type { PlatformTables } from '../../platform/db/tables.js';
import type { OutboxTable } from '../../platform/jobs/outbox.js';

export type Channel = 'email' | 'sms' | 'webhook';
export type DeliveryStatus = 'pending' | 'sent' | 'dead';

/** Row types of the notification module's tables. */
export type NotificationTables = {
  /** One outbox message for one recipient on one channel; `dedup_key` makes the fan-out idempotent. */
  deliveries: {
    id: string;
    dedup_key: string;
    outbox_id: string;
    event: string;
    channel: Channel;
    /** Account id, or webhook subscription id. */
    recipient_id: string;
    /** E-mail address, phone number or URL, as it was when the message was made. */
    address: string;
    subject: string;
    /** Message text (e-mail, SMS) or the JSON body (webhook). */
    body: string;
    status: DeliveryStatus;
    attempts: number;
    next_attempt_at: string;
    /** Lease of the worker that claimed it; a worker that died lets it lapse. */
    claimed_until: string | null;
    claim_token: string | null;
    last_error: string | null;
    created_at: string;
    sent_at: string | null;
  };
  /** The delivery log: one row per attempt. */
  delivery_attempts: {
    id: string;
    delivery_id: string;
    attempt: number;
    at: string;
    ok: number;
    status_code: number | null;
    detail: string | null;
    duration_ms: number;
  };
  /** In-app notifications (the bell in the web app). */
  notifications: {
    id: string;
    dedup_key: string;
    account_id: string;
    event: string;
    title_vi: string;
    title_en: string;
    body_vi: string;
    body_en: string;
    dossier_id: string | null;
    created_at: string;
    read_at: string | null;
  };
  notification_preferences: {
    account_id: string;
    email: number;
    sms: number;
    in_app: number;
    updated_at: string;
  };
  webhook_subscriptions: {
    id: string;
    name: string;
    url: string;
    secret: string;
    /** JSON array of event types; `["*"]` for all. */
    events: string;
    /** The agency whose dossiers (and those below it) are covered; null: the whole system. */
    agency_code: string | null;
    agency_path: string | null;
    active: number;
    created_by: string;
    created_at: string;
    updated_at: string;
  };
  /** When each scheduled job last ran (the daily reminder). */
  job_runs: {
    name: string;
    last_day: string;
    last_run_at: string;
  };
};

export type NotificationDb = Kysely<PlatformTables & OutboxTable & NotificationTables>;
export type DeliveryRow = NotificationTables['deliveries'];

/** The notification module's view of the database. */
export function notificationDb(db: AnyDb): NotificationDb {
  return db as NotificationDb;
}
