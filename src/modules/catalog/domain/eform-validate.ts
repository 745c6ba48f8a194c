/**
 * Validates an applicant's e-form data against the procedure's schema and explains every
 * problem per field in Vietnamese and English. It implements the JSON Schema subset that
 * `checkEFormSchema` admits, so no schema keyword is silently ignored.
 */
import { isIsoDate, isRecord, pointer } from './issues.js';
import type { Bilingual, JsonPrimitive, JsonSchema, JsonSchemaType } from './types.js';

/** One problem with one field; `field` is a JSON pointer into the data (`/spouse/fullName`). */
export interface FormFieldError {
  field: string;
  /** The schema keyword that failed: `required`, `type`, `pattern`, `format`, `minimum`, … */
  reason: string;
  message: Bilingual;
}

/** Result of checking e-form data. */
export type FormValidationResult = { ok: true } | { ok: false; errors: FormFieldError[] };

interface Label {
  vi: string;
  en: string;
}

const typeNames: Record<JsonSchemaType, Label> = {
  string: { vi: 'chuỗi ký tự', en: 'text' },
  number: { vi: 'một số', en: 'a number' },
  integer: { vi: 'một số nguyên', en: 'a whole number' },
  boolean: { vi: 'giá trị có/không', en: 'yes or no' },
  object: { vi: 'một nhóm thông tin', en: 'a group of fields' },
  array: { vi: 'một danh sách', en: 'a list' },
  null: { vi: 'để trống', en: 'empty' },
};

const formatNames: Record<string, Label> = {
  date: { vi: 'một ngày hợp lệ (YYYY-MM-DD)', en: 'a valid date (YYYY-MM-DD)' },
  'date-time': { vi: 'một thời điểm hợp lệ (YYYY-MM-DDTHH:MM:SS+07:00)', en: 'a valid date and time (YYYY-MM-DDTHH:MM:SS+07:00)' },
  time: { vi: 'một giờ hợp lệ (HH:MM)', en: 'a valid time (HH:MM)' },
  email: { vi: 'một địa chỉ thư điện tử hợp lệ', en: 'a valid e-mail address' },
};

/**
 * Checks e-form data against a procedure's e-form schema (JSON Schema 2020-12 subset).
 * One deliberate difference from the standard: a required text field holding only spaces
 * counts as missing, because that is what an empty input box means to a citizen.
 *
 * @example validateFormData(procedure.eForm, { fullName: '' })
 *   // → { ok: false, errors: [{ field: '/fullName', reason: 'required', … }] }
 */
export function validateFormData(schema: JsonSchema, data: unknown): FormValidationResult {
  const errors: FormFieldError[] = [];
  validateValue(schema, data, '', { vi: 'Biểu mẫu', en: 'The form' }, errors);
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

function labelOf(schema: JsonSchema, fallback: string): Label {
  const vi = schema.title ?? fallback;
  return { vi, en: schema['x-title-en'] ?? vi };
}

function fail(errors: FormFieldError[], field: string, reason: string, vi: string, en: string): void {
  errors.push({ field, reason, message: { vi, en } });
}

function matchesType(type: JsonSchemaType, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return isRecord(value);
    case 'array':
      return Array.isArray(value);
    case 'null':
      return value === null;
  }
}

function validateValue(schema: JsonSchema, value: unknown, path: string, label: Label, errors: FormFieldError[]): void {
  if (schema.type !== undefined && !matchesType(schema.type, value)) {
    const t = typeNames[schema.type];
    fail(errors, path, 'type', `"${label.vi}" phải là ${t.vi}.`, `"${label.en}" must be ${t.en}.`);
    return; // further keywords would only repeat the same complaint
  }
  validateChoices(schema, value, path, label, errors);
  if (typeof value === 'string') validateString(schema, value, path, label, errors);
  if (typeof value === 'number') validateNumber(schema, value, path, label, errors);
  if (Array.isArray(value)) validateArray(schema, value, path, label, errors);
  if (isRecord(value)) validateObject(schema, value, path, errors);
}

function validateChoices(schema: JsonSchema, value: unknown, path: string, label: Label, errors: FormFieldError[]): void {
  const choices: { value: JsonPrimitive; vi: string; en: string }[] = [];
  if (schema.oneOf) {
    for (const branch of schema.oneOf) {
      if (branch.const === undefined) continue;
      const vi = branch.title ?? String(branch.const);
      choices.push({ value: branch.const, vi, en: branch['x-title-en'] ?? vi });
    }
  } else if (schema.enum) {
    for (const v of schema.enum) choices.push({ value: v, vi: String(v), en: String(v) });
  }
  if (choices.length > 0 && !choices.some((c) => c.value === value)) {
    fail(
      errors,
      path,
      'enum',
      `"${label.vi}" phải là một trong các lựa chọn: ${choices.map((c) => c.vi).join('; ')}.`,
      `"${label.en}" must be one of: ${choices.map((c) => c.en).join('; ')}.`,
    );
  }
  if (schema.const !== undefined && value !== schema.const) {
    fail(errors, path, 'const', `"${label.vi}" phải là ${String(schema.const)}.`, `"${label.en}" must be ${String(schema.const)}.`);
  }
}

function validateString(schema: JsonSchema, value: string, path: string, label: Label, errors: FormFieldError[]): void {
  const custom = schema['x-pattern-message'];
  const patternFails = schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value);
  if (patternFails && custom) {
    // The form's own explanation ("exactly 12 digits") already covers the length limits.
    fail(errors, path, 'pattern', `"${label.vi}" ${custom.vi}`, `"${label.en}" ${custom.en}`);
    return;
  }
  // Length counts characters (code points), as JSON Schema requires, so "Đà Nẵng" is 7.
  const length = [...value].length;
  if (schema.minLength !== undefined && length < schema.minLength) {
    fail(errors, path, 'minLength', `"${label.vi}" phải có ít nhất ${schema.minLength} ký tự.`, `"${label.en}" must be at least ${schema.minLength} characters long.`);
  }
  if (schema.maxLength !== undefined && length > schema.maxLength) {
    fail(errors, path, 'maxLength', `"${label.vi}" không được dài quá ${schema.maxLength} ký tự.`, `"${label.en}" must be at most ${schema.maxLength} characters long.`);
  }
  if (patternFails) fail(errors, path, 'pattern', `"${label.vi}" không đúng định dạng.`, `"${label.en}" has the wrong format.`);
  if (schema.format !== undefined && !matchesFormat(schema.format, value)) {
    const f = formatNames[schema.format] ?? { vi: schema.format, en: schema.format };
    fail(errors, path, 'format', `"${label.vi}" phải là ${f.vi}.`, `"${label.en}" must be ${f.en}.`);
  }
}

/** Checks the formats e-forms support; `date` rejects impossible days like 2025-02-29. */
function matchesFormat(format: string, value: string): boolean {
  switch (format) {
    case 'date':
      return isIsoDate(value);
    case 'date-time': {
      const match = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.exec(value);
      return match !== null && isIsoDate(match[1] ?? '') && Number(match[2]) < 24 && Number(match[3]) < 60 && Number(match[4]) < 60;
    }
    case 'time':
      return /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?$/.test(value);
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
    default:
      return true; // unknown formats are annotations in 2020-12; checkEFormSchema rejects them anyway
  }
}

function validateNumber(schema: JsonSchema, value: number, path: string, label: Label, errors: FormFieldError[]): void {
  if (schema.minimum !== undefined && value < schema.minimum) {
    fail(errors, path, 'minimum', `"${label.vi}" phải lớn hơn hoặc bằng ${schema.minimum}.`, `"${label.en}" must be at least ${schema.minimum}.`);
  }
  if (schema.maximum !== undefined && value > schema.maximum) {
    fail(errors, path, 'maximum', `"${label.vi}" phải nhỏ hơn hoặc bằng ${schema.maximum}.`, `"${label.en}" must be at most ${schema.maximum}.`);
  }
  if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) {
    fail(errors, path, 'exclusiveMinimum', `"${label.vi}" phải lớn hơn ${schema.exclusiveMinimum}.`, `"${label.en}" must be greater than ${schema.exclusiveMinimum}.`);
  }
  if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) {
    fail(errors, path, 'exclusiveMaximum', `"${label.vi}" phải nhỏ hơn ${schema.exclusiveMaximum}.`, `"${label.en}" must be less than ${schema.exclusiveMaximum}.`);
  }
}

function validateArray(schema: JsonSchema, value: unknown[], path: string, label: Label, errors: FormFieldError[]): void {
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    fail(errors, path, 'minItems', `"${label.vi}" phải có ít nhất ${schema.minItems} mục.`, `"${label.en}" must have at least ${schema.minItems} ${schema.minItems === 1 ? 'item' : 'items'}.`);
  }
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    fail(errors, path, 'maxItems', `"${label.vi}" không được quá ${schema.maxItems} mục.`, `"${label.en}" must have at most ${schema.maxItems} ${schema.maxItems === 1 ? 'item' : 'items'}.`);
  }
  if (!schema.items) return;
  const items = schema.items;
  value.forEach((item, index) => {
    const itemLabel = { vi: `${label.vi} (mục ${index + 1})`, en: `${label.en} (item ${index + 1})` };
    validateValue(items, item, pointer(path, index), itemLabel, errors);
  });
}

function validateObject(schema: JsonSchema, value: Record<string, unknown>, path: string, errors: FormFieldError[]): void {
  const properties = schema.properties ?? {};
  for (const name of schema.required ?? []) {
    const present = value[name];
    const propertySchema = properties[name] ?? {};
    if (present === undefined || (typeof present === 'string' && present.trim() === '')) {
      const l = labelOf(propertySchema, name);
      fail(errors, pointer(path, name), 'required', `"${l.vi}" là thông tin bắt buộc.`, `"${l.en}" is required.`);
    }
  }
  for (const [name, fieldValue] of Object.entries(value)) {
    const propertySchema = properties[name];
    if (propertySchema === undefined) {
      if (schema.additionalProperties === false) {
        fail(errors, pointer(path, name), 'additionalProperties', `Trường "${name}" không có trong biểu mẫu.`, `Field "${name}" is not part of the form.`);
      }
      continue;
    }
    // A required field left blank was reported above; do not add a second message for it.
    const blankRequired = typeof fieldValue === 'string' && fieldValue.trim() === '' && (schema.required ?? []).includes(name);
    if (fieldValue === undefined || blankRequired) continue;
    validateValue(propertySchema, fieldValue, pointer(path, name), labelOf(propertySchema, name), errors);
  }
}
