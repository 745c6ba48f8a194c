import type { Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { DeliveryFailure, type EmailMessage, type SendOutcome } from './channels.js';

/** Characters allowed in the left part of a Message-ID (RFC 5322 dot-atom-text). */
const NOT_ATEXT = /[^A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]/g;

/**
 * The Message-ID of a delivery: derived from its de-duplication key, so a message sent twice
 * (a worker died before recording the first send) reaches the mailbox with the same id and
 * mail clients and servers can drop the repeat (RFC 5322 §3.6.4).
 */
export function messageIdFor(dedupKey: string, host: string): string {
  return `<${dedupKey.replace(NOT_ATEXT, '.')}@${host}>`;
}

/**
 * Sends e-mail over SMTP with nodemailer; without `smtpUrl` the message is logged instead
 * (development, demonstrations).
 */
export function createEmailSender(options: { smtpUrl: string | undefined; from: string; publicUrl: string; log: Logger }): (message: EmailMessage) => Promise<SendOutcome> {
  const host = new URL(options.publicUrl).hostname || 'localhost';
  // nodemailer is loaded on the first e-mail, not at start (start-up time, bench P7).
  let transport: Promise<Transporter> | undefined;
  const transportFor = (url: string) =>
    (transport ??= import('nodemailer').then((m) => m.default.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 })));
  return async (message) => {
    const messageId = messageIdFor(message.dedupKey, host);
    if (!options.smtpUrl) {
      options.log.info({ dedupKey: message.dedupKey, subject: message.subject }, 'e-mail not sent (SMTP_URL unset)');
      return { note: 'logged: SMTP_URL unset' };
    }
    try {
      const info = await (await transportFor(options.smtpUrl)).sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId,
        headers: { 'X-Egov-Delivery': message.dedupKey },
      });
      return { note: String(info.response ?? '').slice(0, 200) };
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      throw new DeliveryFailure(`SMTP: ${(error as Error).message}`, code);
    }
  };
}
