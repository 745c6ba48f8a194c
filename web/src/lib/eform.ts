/**
 * The e-form of a procedure (tờ khai điện tử) is published as a JSON Schema subset: strings
 * (with `format: date|email`, `pattern` + `x-pattern-message`, labelled enums as `oneOf` of
 * `const` + `title`), numbers, integers, booleans and arrays of objects; `title` is the
 * Vietnamese label and `x-title-en` the English one. This file reads that schema into field
 * descriptions, checks values before sending (the server checks again), and converts between
 * the form's text values and the JSON sent to the API. Pure: no React, no I/O.
 */
import type { Lang } from '../i18n';

export interface Bilingual {
  vi: string;
  en: string;
}
type Loose = Record<string, unknown>;

const isRecord = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

interface BaseField {
  name: string;
  title: Bilingual;
  required: boolean;
}
export interface TextField extends BaseField {
  kind: 'text';
  format?: 'date' | 'email';
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  patternMessage?: Bilingual;
  options?: { value: string; label: Bilingual }[];
  defaultValue?: string;
}
export interface NumberField extends BaseField {
  kind: 'number';
  integer: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
}
export interface BooleanField extends BaseField {
  kind: 'boolean';
}
export interface ArrayField extends BaseField {
  kind: 'array';
  itemTitle: Bilingual;
  fields: Field[];
  minItems: number;
  maxItems?: number;
}
export type Field = TextField | NumberField | BooleanField | ArrayField;

/** What the inputs hold: text for strings and numbers, a flag for booleans, rows for arrays. */
export type FieldValue = string | boolean | FormValues[];
export type FormValues = { [name: string]: FieldValue };

function titleOf(schema: Loose, fallback: string): Bilingual {
  const vi = typeof schema.title === 'string' ? schema.title : fallback;
  const en = typeof schema['x-title-en'] === 'string' ? schema['x-title-en'] : vi;
  return { vi, en };
}

function readField(name: string, schema: Loose, required: boolean): Field | undefined {
  const title = titleOf(schema, name);
  const base = { name, title, required };
  switch (schema.type) {
    case 'string': {
      const options = Array.isArray(schema.oneOf)
        ? schema.oneOf.filter(isRecord).flatMap((o) => (typeof o.const === 'string' ? [{ value: o.const, label: titleOf(o, o.const) }] : []))
        : Array.isArray(schema.enum)
          ? schema.enum.filter((e): e is string => typeof e === 'string').map((e) => ({ value: e, label: { vi: e, en: e } }))
          : undefined;
      const pm = schema['x-pattern-message'];
      const field: TextField = { kind: 'text', ...base };
      if (schema.format === 'date' || schema.format === 'email') field.format = schema.format;
      if (num(schema.minLength) !== undefined) field.minLength = num(schema.minLength);
      if (num(schema.maxLength) !== undefined) field.maxLength = num(schema.maxLength);
      if (typeof schema.pattern === 'string') field.pattern = schema.pattern;
      if (isRecord(pm) && typeof pm.vi === 'string' && typeof pm.en === 'string') field.patternMessage = { vi: pm.vi, en: pm.en };
      if (options && options.length) field.options = options;
      if (typeof schema.default === 'string') field.defaultValue = schema.default;
      return field;
    }
    case 'number':
    case 'integer': {
      const field: NumberField = { kind: 'number', ...base, integer: schema.type === 'integer' };
      if (num(schema.minimum) !== undefined) field.minimum = num(schema.minimum);
      if (num(schema.maximum) !== undefined) field.maximum = num(schema.maximum);
      if (num(schema.exclusiveMinimum) !== undefined) field.exclusiveMinimum = num(schema.exclusiveMinimum);
      return field;
    }
    case 'boolean':
      return { kind: 'boolean', ...base };
    case 'array': {
      const items = isRecord(schema.items) ? schema.items : undefined;
      if (!items || items.type !== 'object') return undefined;
      return { kind: 'array', ...base, itemTitle: titleOf(items, name), fields: readFields(items), minItems: num(schema.minItems) ?? 0, ...(num(schema.maxItems) !== undefined ? { maxItems: num(schema.maxItems) } : {}) };
    }
    default:
      return undefined;
  }
}

/** The fields of an object schema, in the order the procedure lists them. */
export function readFields(schema: unknown): Field[] {
  if (!isRecord(schema) || !isRecord(schema.properties)) return [];
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []);
  return Object.entries(schema.properties).flatMap(([name, s]) => (isRecord(s) ? (readField(name, s, required.has(name)) ?? []) : []));
}

/** Empty values for a new form (enum defaults and `default`s filled in). */
export function emptyValues(fields: Field[]): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    if (f.kind === 'boolean') out[f.name] = false;
    else if (f.kind === 'array') out[f.name] = Array.from({ length: Math.max(f.minItems, 1) }, () => emptyValues(f.fields));
    else if (f.kind === 'text') out[f.name] = f.defaultValue ?? '';
    else out[f.name] = '';
  }
  return out;
}

/** Form values from saved e-form data (a draft, a dossier), for editing or showing. */
export function valuesFromData(fields: Field[], data: Loose): FormValues {
  const out = emptyValues(fields);
  for (const f of fields) {
    const v = data[f.name];
    if (f.kind === 'array' && Array.isArray(v)) out[f.name] = v.filter(isRecord).map((row) => valuesFromData(f.fields, row));
    else if (f.kind === 'boolean' && typeof v === 'boolean') out[f.name] = v;
    else if (typeof v === 'string' || typeof v === 'number') out[f.name] = String(v);
  }
  return out;
}

/** Parses a number typed the Vietnamese way too (`1.250,5` or `1250.5`). */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().replace(/\s/g, '');
  if (!t) return undefined;
  const normalized = /,\d+$/.test(t) ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  const n = Number(normalized);
  return Number.isFinite(n) ? n : undefined;
}

/** The JSON the API expects: numbers as numbers, empty optional fields left out. */
export function toFormData(fields: Field[], values: FormValues): Loose {
  const out: Loose = {};
  for (const f of fields) {
    const v = values[f.name];
    if (f.kind === 'boolean') out[f.name] = v === true;
    else if (f.kind === 'array') out[f.name] = (Array.isArray(v) ? v : []).map((row) => toFormData(f.fields, row));
    else if (typeof v === 'string' && v.trim() !== '') {
      out[f.name] = f.kind === 'number' ? (parseNumber(v) ?? v) : v.trim();
    }
  }
  return out;
}

const MSG = {
  required: { vi: 'vui lòng nhập.', en: 'is required.' },
  choose: { vi: 'vui lòng chọn.', en: 'please choose one.' },
  minLength: { vi: 'cần ít nhất {n} ký tự.', en: 'needs at least {n} characters.' },
  maxLength: { vi: 'không quá {n} ký tự.', en: 'at most {n} characters.' },
  pattern: { vi: 'không đúng định dạng.', en: 'is not in the expected format.' },
  date: { vi: 'phải là ngày hợp lệ (ngày/tháng/năm).', en: 'must be a valid date.' },
  email: { vi: 'phải là địa chỉ thư điện tử hợp lệ.', en: 'must be a valid email address.' },
  number: { vi: 'phải là một số.', en: 'must be a number.' },
  integer: { vi: 'phải là số nguyên.', en: 'must be a whole number.' },
  minimum: { vi: 'không được nhỏ hơn {n}.', en: 'must be at least {n}.' },
  maximum: { vi: 'không được lớn hơn {n}.', en: 'must be at most {n}.' },
  positive: { vi: 'phải lớn hơn {n}.', en: 'must be greater than {n}.' },
  minItems: { vi: 'cần ít nhất {n} dòng.', en: 'needs at least {n} rows.' },
} satisfies Record<string, Bilingual>;

function say(field: Field, key: keyof typeof MSG, lang: Lang, n?: number): string {
  return `${field.title[lang]}: ${MSG[key][lang].replace('{n}', String(n ?? ''))}`;
}

function checkText(f: TextField, v: string, lang: Lang): string | undefined {
  const t = v.trim();
  if (!t) return f.required ? say(f, f.options ? 'choose' : 'required', lang) : undefined;
  if (f.options && !f.options.some((o) => o.value === t)) return say(f, 'choose', lang);
  if (f.minLength !== undefined && [...t].length < f.minLength) return say(f, 'minLength', lang, f.minLength);
  if (f.maxLength !== undefined && [...t].length > f.maxLength) return say(f, 'maxLength', lang, f.maxLength);
  if (f.format === 'date' && (!/^\d{4}-\d{2}-\d{2}$/.test(t) || Number.isNaN(Date.parse(`${t}T00:00:00Z`)))) return say(f, 'date', lang);
  if (f.format === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t)) return say(f, 'email', lang);
  if (f.pattern && !new RegExp(f.pattern, 'u').test(t)) return f.patternMessage ? `${f.title[lang]} ${f.patternMessage[lang]}` : say(f, 'pattern', lang);
  return undefined;
}

function checkNumber(f: NumberField, v: string, lang: Lang): string | undefined {
  if (!v.trim()) return f.required ? say(f, 'required', lang) : undefined;
  const n = parseNumber(v);
  if (n === undefined) return say(f, 'number', lang);
  if (f.integer && !Number.isInteger(n)) return say(f, 'integer', lang);
  if (f.exclusiveMinimum !== undefined && n <= f.exclusiveMinimum) return say(f, 'positive', lang, f.exclusiveMinimum);
  if (f.minimum !== undefined && n < f.minimum) return say(f, 'minimum', lang, f.minimum);
  if (f.maximum !== undefined && n > f.maximum) return say(f, 'maximum', lang, f.maximum);
  return undefined;
}

/**
 * Checks the values against the schema; returns messages by field path (`phone`,
 * `papers/0/pages`), the same paths as the API's `/body/formData/...` field errors.
 */
export function validateValues(fields: Field[], values: FormValues, lang: Lang, prefix = ''): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const v = values[f.name];
    const path = `${prefix}${f.name}`;
    let message: string | undefined;
    if (f.kind === 'text') message = checkText(f, typeof v === 'string' ? v : '', lang);
    else if (f.kind === 'number') message = checkNumber(f, typeof v === 'string' ? v : '', lang);
    else if (f.kind === 'boolean') message = f.required && v !== true ? say(f, 'required', lang) : undefined;
    else {
      const rows = Array.isArray(v) ? v : [];
      if (rows.length < f.minItems) message = say(f, 'minItems', lang, f.minItems);
      rows.forEach((row, i) => Object.assign(errors, validateValues(f.fields, row, lang, `${path}/${i}/`)));
    }
    if (message) errors[path] = message;
  }
  return errors;
}

/** Maps the API's field errors (`/body/formData/phone`, `/formData/phone`) to form paths. */
export function formErrorsFromApi(errors: { field: string; message: Bilingual }[] | undefined, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors ?? []) {
    const m = /^(?:\/body)?\/formData\/(.+)$/.exec(e.field);
    if (m?.[1]) out[m[1]] = e.message[lang];
  }
  return out;
}

/** A value as text for review pages and the dossier view (enum labels, dd/MM/yyyy dates). */
export function displayValue(f: Field, v: unknown, lang: Lang): string {
  if (v === undefined || v === null || v === '') return '—';
  if (f.kind === 'boolean') return v === true ? (lang === 'vi' ? 'Có' : 'Yes') : lang === 'vi' ? 'Không' : 'No';
  if (f.kind === 'text' && f.options) return f.options.find((o) => o.value === v)?.label[lang] ?? String(v);
  if (f.kind === 'text' && f.format === 'date' && typeof v === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  }
  if (f.kind === 'number' && typeof v === 'number') return new Intl.NumberFormat('vi-VN').format(v);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v);
}

/** What the portal already knows about the applicant, for filling an e-form in advance. */
export interface KnownPerson {
  fullName?: string;
  idNumber?: string;
  dateOfBirth?: string;
  phone?: string;
  email?: string;
}

/**
 * Fills empty top-level fields about the applicant (by the catalogue's naming: `fullName`,
 * `requesterFullName`, `ownerIdNumber`, `phone`…) so that nobody types their own data twice.
 * Fields about someone else (mother, father, child) are left alone.
 */
export function prefillValues(fields: Field[], values: FormValues, person: KnownPerson): FormValues {
  const out = { ...values };
  const other = /^(mother|father|child|spouse|deceased|husband|wife)/i;
  for (const f of fields) {
    if (f.kind !== 'text' || other.test(f.name) || (typeof out[f.name] === 'string' && out[f.name] !== '')) continue;
    const n = f.name.toLowerCase();
    const v = n.endsWith('fullname') ? person.fullName : n.endsWith('idnumber') ? person.idNumber : n.endsWith('dateofbirth') ? person.dateOfBirth : n === 'phone' ? person.phone : n === 'email' ? person.email : undefined;
    if (v) out[f.name] = v;
  }
  return out;
}
