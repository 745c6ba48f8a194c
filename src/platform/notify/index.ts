import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Channels } from './channels.js';
import { createEmailSender } from './email.js';
import { createSmsSender } from './sms.js';
import { createWebhookSender } from './webhook.js';

export type { Channels, EmailMessage, SendOutcome, SmsMessage, WebhookRequest } from './channels.js';
export { DeliveryFailure } from './channels.js';
export { messageIdFor } from './email.js';
export { renderSmsBody } from './sms.js';
export { signWebhook, verifyWebhookSignature, WEBHOOK_HEADERS } from './webhook.js';

/** The real channels, configured from SMTP_URL, MAIL_FROM and the SMS_GATEWAY_* settings. */
export function createChannels(config: Config, clock: Clock, log: Logger): Channels {
  return {
    email: createEmailSender({ smtpUrl: config.smtpUrl, from: config.mailFrom, publicUrl: config.publicUrl, log }),
    sms: createSmsSender({ url: config.smsGatewayUrl, token: config.smsGatewayToken, template: config.smsBodyTemplate, log }),
    webhook: createWebhookSender(clock),
  };
}
