import { describe, expect, it } from 'vitest';
import { validateFormData } from './eform-validate.js';
import { sampleProcedure } from './test-fixtures.js';

const schema = sampleProcedure().eForm;
const valid = {
  fullName: 'Nguyễn Văn An',
  idNumber: '048095000123',
  birthDate: '1995-03-08',
  sex: 'male',
  papers: [{ paperName: 'Bằng tốt nghiệp', pages: 2, copies: 1 }],
};

describe('validateFormData', () => {
  it('accepts a complete, well-formed form', () => {
    expect(validateFormData(schema, valid)).toEqual({ ok: true });
  });

  it('says in both languages which required field is missing', () => {
    const { fullName: _omitted, ...rest } = valid;
    expect(validateFormData(schema, rest)).toEqual({
      ok: false,
      errors: [
        {
          field: '/fullName',
          reason: 'required',
          message: { vi: '"Họ, chữ đệm và tên" là thông tin bắt buộc.', en: '"Full name" is required.' },
        },
      ],
    });
  });

  it('treats a name of only spaces as not filled in', () => {
    const result = validateFormData(schema, { ...valid, fullName: '   ' });
    expect(result.ok ? [] : result.errors.map((e) => [e.field, e.reason])).toEqual([['/fullName', 'required']]);
  });

  it('explains an 11-digit ID number with the form’s own message, once', () => {
    expect(validateFormData(schema, { ...valid, idNumber: '04809500012' })).toEqual({
      ok: false,
      errors: [
        {
          field: '/idNumber',
          reason: 'pattern',
          message: { vi: '"Số định danh cá nhân" phải gồm đúng 12 chữ số.', en: '"Personal identification number" must be exactly 12 digits.' },
        },
      ],
    });
  });

  it('refuses 29 February in a year that is not a leap year', () => {
    expect(validateFormData(schema, { ...valid, birthDate: '2025-02-29' })).toEqual({
      ok: false,
      errors: [
        {
          field: '/birthDate',
          reason: 'format',
          message: { vi: '"Ngày sinh" phải là một ngày hợp lệ (YYYY-MM-DD).', en: '"Date of birth" must be a valid date (YYYY-MM-DD).' },
        },
      ],
    });
    expect(validateFormData(schema, { ...valid, birthDate: '2024-02-29' })).toEqual({ ok: true });
  });

  it('lists the choices by their labels when the value is not one of them', () => {
    expect(validateFormData(schema, { ...valid, sex: 'x' })).toEqual({
      ok: false,
      errors: [
        {
          field: '/sex',
          reason: 'enum',
          message: { vi: '"Giới tính" phải là một trong các lựa chọn: Nam; Nữ.', en: '"Sex" must be one of: Male; Female.' },
        },
      ],
    });
  });

  it('points at the exact paper and field inside the list', () => {
    const result = validateFormData(schema, {
      ...valid,
      papers: [
        { paperName: 'Bằng', pages: 2, copies: 1 },
        { paperName: 'Học bạ', pages: '3', copies: 0 },
      ],
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: '/papers/1/pages', reason: 'type', message: { vi: '"Số trang" phải là một số nguyên.', en: '"Pages" must be a whole number.' } },
        { field: '/papers/1/copies', reason: 'minimum', message: { vi: '"Số bản sao" phải lớn hơn hoặc bằng 1.', en: '"Copies" must be at least 1.' } },
      ],
    });
  });

  it('requires at least one paper', () => {
    const result = validateFormData(schema, { ...valid, papers: [] });
    expect(result.ok ? undefined : result.errors[0]?.message).toEqual({ vi: '"Giấy tờ" phải có ít nhất 1 mục.', en: '"Papers" must have at least 1 item.' });
  });

  it('rejects fields the form does not have', () => {
    const result = validateFormData(schema, { ...valid, nickname: 'An' });
    expect(result.ok ? [] : result.errors.map((e) => [e.field, e.reason])).toEqual([['/nickname', 'additionalProperties']]);
  });

  it('checks e-mail addresses and counts Vietnamese letters as single characters', () => {
    const result = validateFormData(schema, { ...valid, email: 'an@@example' });
    expect(result.ok ? [] : result.errors.map((e) => e.reason)).toEqual(['format']);
    const short = validateFormData({ type: 'object', properties: { city: { type: 'string', title: 'Thành phố', maxLength: 7 } } }, { city: 'Đà Nẵng' });
    expect(short).toEqual({ ok: true }); // "Đà Nẵng" is 7 characters even though it takes more bytes
  });

  it('refuses data that is not an object at all', () => {
    const result = validateFormData(schema, 'hello');
    expect(result.ok ? [] : result.errors.map((e) => [e.field, e.reason])).toEqual([['', 'type']]);
  });
});
