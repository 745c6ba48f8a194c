/**
 * The ways a message leaves the system (ARCHITECTURE.md "Jobs, notifications,
 * integration"): e-mail over SMTP, SMS through an HTTP gateway, signed webhooks. Every
 * message carries its de-duplication key, so a receiver can drop a repeat: delivery is at
 * least once, and a worker that dies between sending and recording sends again.
 */

export interface EmailMessage {
  dedupKey: string;
  to: string;
  subject: string;
  text: string;
}

export interface SmsMessage {
  dedupKey: string;
  /** Phone number as registered (e.g. 0905123456). */
  to: string;
  text: string;
}

export interface WebhookRequest {
  dedupKey: string;
  url: string;
  event: string;
  /** The JSON body, exactly as signed and sent. */
  body: string;
  secret: string;
}

/** What the far end answered, for the delivery log. */
export interface SendOutcome {
  statusCode?: number;
  /** A short note (e.g. "logged, SMTP_URL unset"). */
  note?: string;
}

/** The senders the worker uses; tests replace them to simulate crashes. */
export interface Channels {
  email(message: EmailMessage): Promise<SendOutcome>;
  sms(message: SmsMessage): Promise<SendOutcome>;
  webhook(request: WebhookRequest): Promise<SendOutcome>;
}

/** A send that did not succeed; `statusCode` when the far end answered. */
export class DeliveryFailure extends Error {
  constructor(
    message: string,
    readonly statusCode?: number,
  ) {
    super(message);
    this.name = 'DeliveryFailure';
  }
}

/** How long one HTTP delivery (SMS gateway, webhook) may take. */
export const HTTP_TIMEOUT_MS = 10_000;

/** POSTs a body and fails on anything but 2xx; redirects are not followed (a signed body goes where it was addressed, nowhere else). */
export async function postOnce(url: string, body: string, headers: Record<string, string>, timeoutMs = HTTP_TIMEOUT_MS): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new DeliveryFailure(`POST ${new URL(url).host} failed: ${cause ?? (error as Error).message}`);
  }
  // Drain the body so the connection is freed; its content is not needed.
  await response.arrayBuffer().catch(() => undefined);
  if (response.status < 200 || response.status >= 300) {
    throw new DeliveryFailure(`POST ${new URL(url).host} answered ${response.status}`, response.status);
  }
  return { statusCode: response.status };
}
