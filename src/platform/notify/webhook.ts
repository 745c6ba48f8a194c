import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock.js';
import { postOnce, type SendOutcome, type WebhookRequest } from './channels.js';

/**
 * Header names of a webhook delivery (documented in README "Webhooks"): receivers check the
 * signature, refuse old timestamps (replays) and drop repeated delivery ids.
 */
export const WEBHOOK_HEADERS = {
  /** The event type, e.g. `dossier.received`. */
  event: 'x-egov-event',
  /** The delivery's de-duplication key: the same on every retry of one delivery. */
  delivery: 'x-egov-delivery',
  /** Unix time in seconds when this attempt was signed. */
  timestamp: 'x-egov-timestamp',
  /** `sha256=` and the lower-case hex HMAC-SHA256 of `<timestamp>.<body>` under the subscription's secret. */
  signature: 'x-egov-signature',
} as const;

/**
 * Signs a webhook body: HMAC-SHA256 with the subscription's secret over the timestamp, a
 * dot and the exact body bytes (the scheme Stripe and GitHub receivers know).
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Checks a received webhook (what a receiving agency's system does): signature matches and
 * the timestamp is within `toleranceSeconds` of `now`.
 */
export function verifyWebhookSignature(secret: string, headers: { timestamp: string; signature: string }, body: string, now: Date, toleranceSeconds = 300): boolean {
  const ts = Number(headers.timestamp);
  if (!Number.isInteger(ts) || Math.abs(now.getTime() / 1000 - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, ts, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Sends one signed webhook POST; each attempt is signed with its own timestamp. */
export function createWebhookSender(clock: Clock): (request: WebhookRequest) => Promise<SendOutcome> {
  return async (request) => {
    const timestamp = Math.floor(clock.now().getTime() / 1000);
    return postOnce(request.url, request.body, {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'egov-danang-webhooks/1',
      [WEBHOOK_HEADERS.event]: request.event,
      [WEBHOOK_HEADERS.delivery]: request.dedupKey,
      'idempotency-key': request.dedupKey,
      [WEBHOOK_HEADERS.timestamp]: String(timestamp),
      [WEBHOOK_HEADERS.signature]: signWebhook(request.secret, timestamp, request.body),
    });
  };
}
