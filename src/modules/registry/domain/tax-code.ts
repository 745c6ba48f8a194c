/**
 * Enterprise / organization tax code (mã số thuế, which is also the enterprise code — mã số
 * doanh nghiệp — under the Law on Enterprises 2020 art. 29).
 *
 * Structure (Circular 105/2020/TT-BTC art. 5, continuing Decision 75/1998/QĐ-TTg):
 *   N1N2            range code (historically the province that issued it: 01 Hà Nội,
 *                   03 Hồ Chí Minh, 04 Đà Nẵng, 40 Quảng Nam …)
 *   N3…N9           sequence number
 *   N10             check digit
 *   -N11N12N13      optional: dependent unit (branch, representative office), 001–999
 * The check digit: weights 31, 29, 23, 19, 17, 13, 7, 5, 3 on N1…N9;
 * N10 = 10 − (sum mod 11). When that gives 10 the 9-digit prefix is never issued.
 * Since 01/07/2025 individuals and household businesses use their 12-digit personal
 * identification number as tax code (Circular 86/2024/TT-BTC); that is not handled here —
 * use `validateCitizenId` for it.
 */
import type { Bilingual } from '../../../platform/errors.js';

export const TAX_CHECK_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

export type TaxCodeErrorReason = 'format' | 'checkDigit' | 'unissuablePrefix' | 'branchSuffix';

export interface TaxCodeError {
  reason: TaxCodeErrorReason;
  message: Bilingual;
}

export type TaxCodeResult =
  | {
      ok: true;
      /** Canonical form: 10 digits, or 10 digits + '-' + 3 digits. */
      code: string;
      /** The 10-digit code of the enterprise itself (the parent for a branch). */
      enterpriseCode: string;
      /** Three-digit dependent-unit suffix, when the code is a branch code. */
      branchSuffix?: string;
      kind: 'enterprise' | 'branch';
    }
  | { ok: false; errors: TaxCodeError[] };

/**
 * The check digit N10 for the first nine digits, or undefined when the prefix cannot be
 * issued because the formula gives 10 (Circular 105/2020/TT-BTC art. 5).
 *
 * @example taxCheckDigit('030058856') // 9 (Vinamilk, 0300588569)
 */
export function taxCheckDigit(firstNine: string): number | undefined {
  if (!/^\d{9}$/.test(firstNine)) throw new RangeError(`taxCheckDigit needs 9 digits, got "${firstNine}"`);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (firstNine.charCodeAt(i) - 48) * (TAX_CHECK_WEIGHTS[i] ?? 0);
  const check = 10 - (sum % 11);
  return check === 10 ? undefined : check;
}

/**
 * Validates an enterprise tax code: 10 digits with a correct check digit, or a branch code
 * of 13 digits written with or without the dash before the 3-digit suffix (Circular
 * 105/2020/TT-BTC art. 5). The undashed 13-digit form is accepted because older systems
 * and paper forms with one box per digit record it that way; the result is canonicalised
 * to the dashed form.
 *
 * @example validateTaxCode('0100109106-001') // ok, branch of Viettel
 */
export function validateTaxCode(input: string): TaxCodeResult {
  const raw = input.trim();
  const m = /^(\d{10})(?:-?(\d{3}))?$/.exec(raw);
  if (!m) {
    return {
      ok: false,
      errors: [
        {
          reason: 'format',
          message: {
            vi: 'Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số, dấu "-" và 3 chữ số của đơn vị phụ thuộc.',
            en: 'A tax code has 10 digits, or 10 digits, a "-" and the 3-digit suffix of a dependent unit.',
          },
        },
      ],
    };
  }
  // Group 1 always participates when the regex matches.
  const enterpriseCode = m[1] ?? '';
  const branchSuffix = m[2];
  const errors: TaxCodeError[] = [];

  const expected = taxCheckDigit(enterpriseCode.slice(0, 9));
  const actual = Number(enterpriseCode[9]);
  if (expected === undefined) {
    errors.push({
      reason: 'unissuablePrefix',
      message: {
        vi: `Mã số thuế "${enterpriseCode}" không tồn tại: 9 chữ số đầu cho chữ số kiểm tra bằng 10, dãy số này không được cấp.`,
        en: `Tax code "${enterpriseCode}" cannot exist: its first 9 digits give a check value of 10, so they are never issued.`,
      },
    });
  } else if (expected !== actual) {
    errors.push({
      reason: 'checkDigit',
      message: {
        vi: `Chữ số kiểm tra của mã số thuế "${enterpriseCode}" sai (là ${actual}, đúng phải là ${expected}).`,
        en: `The check digit of tax code "${enterpriseCode}" is wrong (it is ${actual}, it should be ${expected}).`,
      },
    });
  }
  if (branchSuffix === '000') {
    errors.push({
      reason: 'branchSuffix',
      message: {
        vi: 'Ba chữ số của đơn vị phụ thuộc phải từ 001 đến 999.',
        en: 'The dependent-unit suffix must be between 001 and 999.',
      },
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return branchSuffix === undefined
    ? { ok: true, code: enterpriseCode, enterpriseCode, kind: 'enterprise' }
    : { ok: true, code: `${enterpriseCode}-${branchSuffix}`, enterpriseCode, branchSuffix, kind: 'branch' };
}
