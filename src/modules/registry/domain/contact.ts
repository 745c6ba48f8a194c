/**
 * Contact details of applicants: Vietnamese mobile numbers and e-mail addresses.
 */
import type { Bilingual } from '../../../platform/errors.js';

export type MobileNetwork =
  | 'Viettel'
  | 'MobiFone'
  | 'VinaPhone'
  | 'Vietnamobile'
  | 'Gmobile'
  | 'Itelecom'
  | 'Wintel';

/**
 * Mobile prefixes (first three digits of the 10-digit national number) and the network
 * that was allocated each, after the 2018 conversion of 11-digit numbers to 10 digits
 * (Ministry of Information and Communications, Decision 798/QĐ-BTTTT). Since number
 * portability (2018–2019) a subscriber may have moved, so the network is only the
 * original allocation.
 */
export const MOBILE_PREFIXES: Readonly<Record<string, MobileNetwork>> = {
  '032': 'Viettel', '033': 'Viettel', '034': 'Viettel', '035': 'Viettel', '036': 'Viettel',
  '037': 'Viettel', '038': 'Viettel', '039': 'Viettel', '086': 'Viettel', '096': 'Viettel',
  '097': 'Viettel', '098': 'Viettel',
  '070': 'MobiFone', '076': 'MobiFone', '077': 'MobiFone', '078': 'MobiFone', '079': 'MobiFone',
  '089': 'MobiFone', '090': 'MobiFone', '093': 'MobiFone',
  '081': 'VinaPhone', '082': 'VinaPhone', '083': 'VinaPhone', '084': 'VinaPhone', '085': 'VinaPhone',
  '088': 'VinaPhone', '091': 'VinaPhone', '094': 'VinaPhone',
  '052': 'Vietnamobile', '056': 'Vietnamobile', '058': 'Vietnamobile', '092': 'Vietnamobile',
  '059': 'Gmobile', '099': 'Gmobile',
  '087': 'Itelecom',
  '055': 'Wintel',
};

export type PhoneErrorReason = 'empty' | 'characters' | 'length' | 'landline' | 'unknownPrefix';

export interface ContactError<R extends string> {
  reason: R;
  message: Bilingual;
}

export type PhoneResult =
  | {
      ok: true;
      /** National form: 10 digits starting with 0, e.g. `0905123456`. */
      national: string;
      /** E.164 form, e.g. `+84905123456`. */
      e164: string;
      network: MobileNetwork;
    }
  | { ok: false; errors: ContactError<PhoneErrorReason>[] };

function phoneError(reason: PhoneErrorReason, vi: string, en: string): PhoneResult {
  return { ok: false, errors: [{ reason, message: { vi, en } }] };
}

/**
 * Validates a Vietnamese mobile number written nationally (`0905 123 456`) or
 * internationally (`+84 905 123 456`, `0084…`, `84…`), allowing spaces, dots, dashes and
 * parentheses as separators; returns the national and E.164 forms.
 *
 * @example validatePhone('+84 905.123.456') // { ok: true, national: '0905123456', … }
 */
export function validatePhone(input: string): PhoneResult {
  const trimmed = input.trim();
  if (trimmed === '') return phoneError('empty', 'Chưa nhập số điện thoại.', 'No phone number given.');
  if (!/^\+?[\d\s.\-()]+$/.test(trimmed)) {
    return phoneError(
      'characters',
      'Số điện thoại chỉ gồm chữ số, có thể bắt đầu bằng "+84".',
      'A phone number contains only digits and may start with "+84".',
    );
  }
  let digits = trimmed.replace(/[^\d]/g, '');
  if (trimmed.startsWith('+')) {
    if (!digits.startsWith('84')) {
      return phoneError('unknownPrefix', 'Chỉ chấp nhận số di động Việt Nam (+84).', 'Only Vietnamese (+84) mobile numbers are accepted.');
    }
    digits = `0${digits.slice(2)}`;
  } else if (digits.startsWith('0084')) {
    digits = `0${digits.slice(4)}`;
  } else if (digits.startsWith('84') && digits.length === 11) {
    digits = `0${digits.slice(2)}`;
  }
  if (digits.startsWith('02')) {
    return phoneError(
      'landline',
      'Đây là số điện thoại cố định; vui lòng nhập số di động.',
      'This is a landline number; please give a mobile number.',
    );
  }
  if (digits.length !== 10 || !digits.startsWith('0')) {
    return phoneError(
      'length',
      'Số di động phải có 10 chữ số, bắt đầu bằng 0 (ví dụ 0905 123 456).',
      'A mobile number has 10 digits starting with 0 (e.g. 0905 123 456).',
    );
  }
  const network = MOBILE_PREFIXES[digits.slice(0, 3)];
  if (!network) {
    return phoneError(
      'unknownPrefix',
      `Đầu số "${digits.slice(0, 3)}" không phải đầu số di động đang dùng tại Việt Nam.`,
      `"${digits.slice(0, 3)}" is not a Vietnamese mobile prefix in use.`,
    );
  }
  return { ok: true, national: digits, e164: `+84${digits.slice(1)}`, network };
}

export type EmailErrorReason = 'empty' | 'format' | 'tooLong';

export type EmailResult =
  | { ok: true; /** Trimmed, with the domain lower-cased. */ email: string }
  | { ok: false; errors: ContactError<EmailErrorReason>[] };

const LOCAL_RE = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * Basic e-mail address check: one `@`, a dot-atom local part of at most 64 characters, a
 * domain of at least two labels ending in an alphabetic top-level domain, at most 254
 * characters in all (RFC 5321 limits). Deliverability is proved only by sending a code.
 *
 * @example validateEmail(' An.Nguyen@Example.COM ') // { ok: true, email: 'An.Nguyen@example.com' }
 */
export function validateEmail(input: string): EmailResult {
  const email = input.trim();
  const fail = (reason: EmailErrorReason, vi: string, en: string): EmailResult => ({
    ok: false,
    errors: [{ reason, message: { vi, en } }],
  });
  if (email === '') return fail('empty', 'Chưa nhập địa chỉ thư điện tử.', 'No e-mail address given.');
  if (email.length > 254) {
    return fail('tooLong', 'Địa chỉ thư điện tử quá dài (tối đa 254 ký tự).', 'The e-mail address is too long (254 characters at most).');
  }
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1).toLowerCase();
  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  const valid =
    at > 0 &&
    local.length <= 64 &&
    LOCAL_RE.test(local) &&
    labels.length >= 2 &&
    labels.every((l) => LABEL_RE.test(l)) &&
    /^[a-z]{2,63}$/.test(tld);
  if (!valid) {
    return fail(
      'format',
      'Địa chỉ thư điện tử không đúng định dạng (ví dụ: ten@example.com), không dùng dấu tiếng Việt.',
      'The e-mail address is not well formed (e.g. name@example.com); no accented letters.',
    );
  }
  return { ok: true, email: `${local}@${domain}` };
}
