import { describe, expect, it } from 'vitest';
import { taxCheckDigit, validateTaxCode } from './tax-code.js';

// Weights 31 29 23 19 17 13 7 5 3; check = 10 − (sum mod 11).

describe('check digit of real, published tax codes', () => {
  it('Vinamilk 0300588569', () => {
    // 0·31 + 3·29 + 0·23 + 0·19 + 5·17 + 8·13 + 8·7 + 5·5 + 6·3
    // = 0 + 87 + 0 + 0 + 85 + 104 + 56 + 25 + 18 = 375; 375 = 34·11 + 1; 10 − 1 = 9.
    expect(taxCheckDigit('030058856')).toBe(9);
    expect(validateTaxCode('0300588569')).toEqual({
      ok: true,
      code: '0300588569',
      enterpriseCode: '0300588569',
      kind: 'enterprise',
    });
  });

  it('FPT 0101248141', () => {
    // 0 + 29 + 0 + 19 + 2·17 + 4·13 + 8·7 + 1·5 + 4·3 = 29 + 19 + 34 + 52 + 56 + 5 + 12 = 207;
    // 207 = 18·11 + 9; 10 − 9 = 1.
    expect(taxCheckDigit('010124814')).toBe(1);
    expect(validateTaxCode('0101248141').ok).toBe(true);
  });

  it('Viettel 0100109106', () => {
    // 1·29 + 1·17 + 9·7 + 1·5 = 29 + 17 + 63 + 5 = 114; 114 = 10·11 + 4; 10 − 4 = 6.
    expect(taxCheckDigit('010010910')).toBe(6);
    expect(validateTaxCode('0100109106').ok).toBe(true);
  });

  it('the demo companies 0401234566 and 0407654327', () => {
    // 040123456: 4·29 + 1·19 + 2·17 + 3·13 + 4·7 + 5·5 + 6·3 = 116+19+34+39+28+25+18 = 279;
    // 279 = 25·11 + 4 → 6.
    expect(taxCheckDigit('040123456')).toBe(6);
    // 040765432: 116 + 7·19 + 6·17 + 5·13 + 4·7 + 3·5 + 2·3 = 116+133+102+65+28+15+6 = 465;
    // 465 = 42·11 + 3 → 7.
    expect(taxCheckDigit('040765432')).toBe(7);
  });

  it('a sum leaving remainder 10 gives check digit 0', () => {
    // 040000005: 4·29 + 5·3 = 131 = 11·11 + 10 → 10 − 10 = 0.
    expect(taxCheckDigit('040000005')).toBe(0);
    expect(validateTaxCode('0400000050').ok).toBe(true);
  });
});

describe('what a business typing a wrong tax code is told', () => {
  it('a mistyped last digit of Vinamilk is a wrong check digit', () => {
    const r = validateTaxCode('0300588568');
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          reason: 'checkDigit',
          message: {
            vi: 'Chữ số kiểm tra của mã số thuế "0300588568" sai (là 8, đúng phải là 9).',
            en: 'The check digit of tax code "0300588568" is wrong (it is 8, it should be 9).',
          },
        },
      ],
    });
  });

  it('a prefix whose check value would be 10 is never issued', () => {
    // 040000009: 4·29 + 9·3 = 116 + 27 = 143 = 13·11 → remainder 0 → 10: not issued.
    expect(taxCheckDigit('040000009')).toBeUndefined();
    for (const last of '0123456789') {
      const r = validateTaxCode(`040000009${last}`);
      expect(r.ok ? [] : r.errors.map((e) => e.reason)).toEqual(['unissuablePrefix']);
    }
  });

  it('9 digits, letters or a 2-digit suffix are format errors', () => {
    for (const bad of ['010010910', '01001091O6', '0100109106-01', '0100109106-0011', '0100109106 001', '']) {
      const r = validateTaxCode(bad);
      expect(r.ok ? [] : r.errors.map((e) => e.reason)).toEqual(['format']);
    }
  });
});

describe('branch (dependent unit) codes', () => {
  it('Viettel branch 001 is the parent code, a dash and 001', () => {
    expect(validateTaxCode('0100109106-001')).toEqual({
      ok: true,
      code: '0100109106-001',
      enterpriseCode: '0100109106',
      branchSuffix: '001',
      kind: 'branch',
    });
  });

  it('the 13 digits without the dash are accepted and written with it', () => {
    expect(validateTaxCode('0100109106001')).toMatchObject({ ok: true, code: '0100109106-001' });
  });

  it('suffix 000 is not a branch', () => {
    const r = validateTaxCode('0100109106-000');
    expect(r.ok ? [] : r.errors.map((e) => e.reason)).toEqual(['branchSuffix']);
  });

  it('a branch of a parent with a wrong check digit is rejected for the parent part', () => {
    const r = validateTaxCode('0100109107-001');
    expect(r.ok ? [] : r.errors.map((e) => e.reason)).toEqual(['checkDigit']);
  });
});

it('taxCheckDigit refuses anything but nine digits', () => {
  expect(() => taxCheckDigit('12345678')).toThrow(RangeError);
});
