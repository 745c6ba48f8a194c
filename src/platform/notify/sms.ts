import type { Logger } from 'pino';
import { postOnce, type SendOutcome, type SmsMessage } from './channels.js';

/**
 * Fills the SMS gateway's body template. A template that starts with `{` is JSON: values are
 * JSON-escaped and the body is sent as application/json; otherwise it is a form body
 * (`to={{to}}&msg={{text}}`) and values are URL-encoded.
 *
 * @example renderSmsBody('{"to":"{{to}}","text":"{{text}}"}', { to: '0905', text: 'Hồ sơ "A"', id: 'k' })
 * // → { body: '{"to":"0905","text":"Hồ sơ \\"A\\""}', contentType: 'application/json' }
 */
export function renderSmsBody(template: string, values: { to: string; text: string; id: string }): { body: string; contentType: string } {
  const json = template.trimStart().startsWith('{');
  const escape = json ? (v: string) => JSON.stringify(v).slice(1, -1) : (v: string) => encodeURIComponent(v);
  const body = template.replace(/\{\{(to|text|id)\}\}/g, (_, name: 'to' | 'text' | 'id') => escape(values[name]));
  return { body, contentType: json ? 'application/json' : 'application/x-www-form-urlencoded' };
}

/**
 * The SMS gateway adapter: one POST per message to `SMS_GATEWAY_URL` with the bearer token
 * and an `Idempotency-Key` header (the delivery's de-duplication key); without a gateway the
 * message is logged instead.
 */
export function createSmsSender(options: { url: string | undefined; token: string | undefined; template: string; log: Logger }): (message: SmsMessage) => Promise<SendOutcome> {
  return async (message) => {
    if (!options.url) {
      options.log.info({ dedupKey: message.dedupKey }, 'SMS not sent (SMS_GATEWAY_URL unset)');
      return { note: 'logged: SMS_GATEWAY_URL unset' };
    }
    const { body, contentType } = renderSmsBody(options.template, { to: message.to, text: message.text, id: message.dedupKey });
    const headers: Record<string, string> = { 'content-type': `${contentType}; charset=utf-8`, 'idempotency-key': message.dedupKey };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    return postOnce(options.url, body, headers);
  };
}
