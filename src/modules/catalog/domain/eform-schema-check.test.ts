import { describe, expect, it } from 'vitest';
import { checkEFormSchema } from './eform-schema-check.js';

function codes(schema: unknown): [string, string][] {
  return checkEFormSchema(schema).map((i) => [i.path, i.code]);
}

describe('checkEFormSchema', () => {
  it('accepts a small form with labelled choices', () => {
    expect(
      checkEFormSchema({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: {
          fullName: { type: 'string', title: 'Họ và tên', minLength: 1 },
          sex: { title: 'Giới tính', oneOf: [{ const: 'male', title: 'Nam' }, { const: 'female', title: 'Nữ' }] },
        },
        required: ['fullName'],
      }),
    ).toEqual([]);
  });

  it('refuses a form that is not an object of fields', () => {
    expect(codes([])).toEqual([['/eForm', 'SCHEMA_NOT_OBJECT']]);
    expect(codes({ type: 'string' })).toEqual([['/eForm', 'SCHEMA_ROOT_NOT_OBJECT']]);
  });

  it('refuses keywords the validator would silently ignore, such as $ref', () => {
    expect(codes({ type: 'object', properties: { a: { $ref: '#/x', title: 'A', type: 'string' } } })).toEqual([
      ['/eForm/properties/a/$ref', 'SCHEMA_UNSUPPORTED_KEYWORD'],
    ]);
  });

  it('requires a Vietnamese title on every field, so the rendered form has labels', () => {
    expect(codes({ type: 'object', properties: { a: { type: 'string' } } })).toEqual([['/eForm/properties/a', 'SCHEMA_MISSING_TITLE']]);
  });

  it('refuses a broken regular expression and an unknown format', () => {
    expect(
      codes({ type: 'object', properties: { a: { type: 'string', title: 'A', pattern: '([0-9]', format: 'phone' } } }),
    ).toEqual([
      ['/eForm/properties/a/pattern', 'SCHEMA_BAD_PATTERN'],
      ['/eForm/properties/a/format', 'SCHEMA_UNSUPPORTED_FORMAT'],
    ]);
  });

  it('refuses another draft and a minimum above the maximum', () => {
    expect(
      codes({
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        properties: { n: { type: 'integer', title: 'N', minimum: 5, maximum: 1 } },
      }),
    ).toEqual([
      ['/eForm/$schema', 'SCHEMA_WRONG_DRAFT'],
      ['/eForm/properties/n/minimum', 'SCHEMA_BAD_RANGE'],
    ]);
  });

  it('refuses a string keyword on a number field', () => {
    expect(codes({ type: 'object', properties: { n: { type: 'integer', title: 'N', maxLength: 3 } } })).toEqual([
      ['/eForm/properties/n/maxLength', 'SCHEMA_KEYWORD_TYPE_MISMATCH'],
    ]);
  });

  it('admits oneOf only as a list of labelled constants', () => {
    expect(codes({ type: 'object', properties: { a: { title: 'A', oneOf: [{ type: 'string' }, { type: 'integer' }] } } })).toEqual([
      ['/eForm/properties/a/oneOf', 'SCHEMA_UNSUPPORTED_ONEOF'],
    ]);
  });
});
