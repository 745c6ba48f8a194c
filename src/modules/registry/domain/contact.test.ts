import { describe, expect, it } from 'vitest';
import { validateEmail, validatePhone } from './contact.js';

const reason = (r: { ok: boolean; errors?: { reason: string }[] }): string | undefined => r.errors?.[0]?.reason;

describe('validatePhone', () => {
  it('a MobiFone number 0905 123 456 in national form', () => {
    expect(validatePhone('0905 123 456')).toEqual({
      ok: true,
      national: '0905123456',
      e164: '+84905123456',
      network: 'MobiFone',
    });
  });

  it('the international forms +84…, 0084… and 84… give the same national number', () => {
    for (const input of ['+84 905 123 456', '+84905123456', '0084905123456', '84905123456']) {
      expect(validatePhone(input)).toMatchObject({ ok: true, national: '0905123456' });
    }
  });

  it('dots, dashes and parentheses as separators are fine', () => {
    expect(validatePhone('0905.123.456')).toMatchObject({ ok: true, national: '0905123456' });
    expect(validatePhone('(098) 765-4321')).toMatchObject({ ok: true, national: '0987654321', network: 'Viettel' });
  });

  it('a Viettel 03x number (converted from 016x in 2018) is accepted', () => {
    expect(validatePhone('0362 345 678')).toMatchObject({ ok: true, network: 'Viettel' });
  });

  it('a Da Nang landline (area code 0236) is refused with a hint to give a mobile', () => {
    const r = validatePhone('0236 3821 234');
    expect(reason(r)).toBe('landline');
    expect(r.ok ? '' : r.errors[0]?.message.vi).toBe('Đây là số điện thoại cố định; vui lòng nhập số di động.');
  });

  it('the retired prefix 095 and a foreign number are unknown prefixes', () => {
    expect(reason(validatePhone('0951234567'))).toBe('unknownPrefix');
    expect(reason(validatePhone('+1 202 555 0100'))).toBe('unknownPrefix');
  });

  it('nine digits are too few', () => {
    expect(reason(validatePhone('090512345'))).toBe('length');
  });

  it('letters and an empty field are reported', () => {
    expect(reason(validatePhone('0905abc456'))).toBe('characters');
    expect(reason(validatePhone('   '))).toBe('empty');
  });
});

describe('validateEmail', () => {
  it('accepts a plain address and lower-cases only the domain', () => {
    expect(validateEmail(' An.Nguyen@Example.COM ')).toEqual({ ok: true, email: 'An.Nguyen@example.com' });
  });

  it('accepts sub-domains and plus addressing', () => {
    expect(validateEmail('an+hoso@mail.danang.gov.vn')).toEqual({ ok: true, email: 'an+hoso@mail.danang.gov.vn' });
  });

  it('refuses accented letters, missing parts, double dots and numeric top-level domains', () => {
    for (const bad of ['nguyễn@example.com', '@example.com', 'an@', 'an@localhost', 'a..b@example.com', 'an@example.c0m', 'an@-x.com', 'an example@x.com']) {
      expect(reason(validateEmail(bad))).toBe('format');
    }
  });

  it('refuses addresses over 254 characters and empty input', () => {
    expect(reason(validateEmail(`${'a'.repeat(250)}@x.vn`))).toBe('tooLong');
    expect(reason(validateEmail(''))).toBe('empty');
  });
});
