import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { messageIdFor } from './email.js';
import { renderSmsBody } from './sms.js';
import { signWebhook, verifyWebhookSignature } from './webhook.js';

describe('webhook signatures', () => {
  it('are HMAC-SHA256 of "<timestamp>.<body>" under the secret, hex, prefixed sha256=', () => {
    // What a receiver computes by itself from the documented scheme.
    const body = '{"event":"dossier.received"}';
    expect(signWebhook('Jefe', 1772418600, body)).toBe(`sha256=${createHmac('sha256', 'Jefe').update(`1772418600.${body}`).digest('hex')}`);
  });

  it('a receiver accepts a fresh, untouched delivery and refuses a changed body, a wrong secret or a replay after 5 minutes', () => {
    const now = new Date('2026-03-02T02:30:00Z');
    const ts = now.getTime() / 1000;
    const body = '{"id":"k1"}';
    const headers = { timestamp: String(ts), signature: signWebhook('s3cret', ts, body) };
    expect(verifyWebhookSignature('s3cret', headers, body, now)).toBe(true);
    expect(verifyWebhookSignature('s3cret', headers, '{"id":"k2"}', now)).toBe(false);
    expect(verifyWebhookSignature('other', headers, body, now)).toBe(false);
    expect(verifyWebhookSignature('s3cret', headers, body, new Date(now.getTime() + 301_000))).toBe(false);
  });
});

describe('SMS gateway bodies', () => {
  it('a JSON template gets JSON-escaped values', () => {
    expect(renderSmsBody('{"to":"{{to}}","text":"{{text}}","id":"{{id}}"}', { to: '0905000001', text: 'Hồ sơ "A"\nxong', id: 'k:1' })).toEqual({
      body: '{"to":"0905000001","text":"Hồ sơ \\"A\\"\\nxong","id":"k:1"}',
      contentType: 'application/json',
    });
  });

  it('a form template gets URL-encoded values', () => {
    expect(renderSmsBody('phone={{to}}&msg={{text}}', { to: '0905000001', text: 'Hồ sơ A&B', id: 'k' })).toEqual({
      body: 'phone=0905000001&msg=H%E1%BB%93%20s%C6%A1%20A%26B',
      contentType: 'application/x-www-form-urlencoded',
    });
  });
});

describe('e-mail Message-IDs', () => {
  it('come from the de-duplication key, with characters not allowed in a Message-ID turned into dots', () => {
    expect(messageIdFor('01JOUTBOX:01JACCOUNT:email', 'dichvucong.danang.gov.vn')).toBe('<01JOUTBOX.01JACCOUNT.email@dichvucong.danang.gov.vn>');
  });
});
