/**
 * Structural check of an e-form schema. E-forms use a subset of JSON Schema draft 2020-12;
 * this check admits exactly the subset that `validateFormData` implements, so a schema that
 * passes here is enforced in full when citizens submit data.
 */
import { isNonNegativeInteger, isRecord, issue, pointer } from './issues.js';
import type { CatalogIssue, JsonSchemaType } from './types.js';

/** The meta-schema URI of draft 2020-12, the only draft e-forms may declare. */
export const draft2020Uri = 'https://json-schema.org/draft/2020-12/schema';

/** Formats the e-form validator checks. */
export const supportedFormats = ['date', 'date-time', 'time', 'email'] as const;

const schemaTypes: readonly JsonSchemaType[] = ['object', 'array', 'string', 'number', 'integer', 'boolean', 'null'];

const annotationKeywords = ['$schema', '$id', '$comment', 'title', 'x-title-en', 'description', 'default', 'examples'];

/** Keywords that only make sense for one kind of value. */
const keywordTypes: Record<string, readonly JsonSchemaType[]> = {
  properties: ['object'],
  required: ['object'],
  additionalProperties: ['object'],
  items: ['array'],
  minItems: ['array'],
  maxItems: ['array'],
  minLength: ['string'],
  maxLength: ['string'],
  pattern: ['string'],
  format: ['string'],
  minimum: ['number', 'integer'],
  maximum: ['number', 'integer'],
  exclusiveMinimum: ['number', 'integer'],
  exclusiveMaximum: ['number', 'integer'],
};

const supportedKeywords = new Set([...annotationKeywords, ...Object.keys(keywordTypes), 'type', 'enum', 'const', 'oneOf']);

/** Property names must be usable in dotted fee paths and as form-field ids. */
const propertyNamePattern = /^[A-Za-z][A-Za-z0-9_]*$/;

function isPrimitive(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/**
 * Lists what is wrong with an e-form schema: the root must be an object schema with
 * properties; every property needs a Vietnamese `title` and a `type` (or an enumeration);
 * only the supported keywords (and `x-` annotations) may appear.
 */
export function checkEFormSchema(schema: unknown, basePath = '/eForm'): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  if (!isRecord(schema)) {
    return [issue(basePath, 'SCHEMA_NOT_OBJECT', 'Biểu mẫu điện tử phải là một đối tượng JSON Schema.', 'The e-form must be a JSON Schema object.')];
  }
  if (schema.type !== 'object' || !isRecord(schema.properties)) {
    issues.push(
      issue(basePath, 'SCHEMA_ROOT_NOT_OBJECT', 'Biểu mẫu điện tử phải có "type": "object" và "properties".', 'The e-form root must have "type": "object" and "properties".'),
    );
  }
  checkNode(schema, basePath, false, issues);
  return issues;
}

function checkNode(node: Record<string, unknown>, path: string, isProperty: boolean, issues: CatalogIssue[]): void {
  for (const key of Object.keys(node)) {
    if (!supportedKeywords.has(key) && !key.startsWith('x-')) {
      issues.push(
        issue(pointer(path, key), 'SCHEMA_UNSUPPORTED_KEYWORD', `Từ khóa "${key}" không được hỗ trợ trong biểu mẫu.`, `Keyword "${key}" is not supported in e-forms.`),
      );
    }
  }
  checkAnnotations(node, path, issues);

  const type = node.type;
  if (type !== undefined && !schemaTypes.includes(type as JsonSchemaType)) {
    issues.push(issue(pointer(path, 'type'), 'SCHEMA_BAD_TYPE', `Kiểu "${String(type)}" không hợp lệ.`, `Type "${String(type)}" is not valid.`));
  }
  const isEnumeration = node.enum !== undefined || node.const !== undefined || node.oneOf !== undefined;
  if (isProperty) {
    if (typeof node.title !== 'string' || node.title.trim() === '') {
      issues.push(issue(path, 'SCHEMA_MISSING_TITLE', 'Trường nhập liệu phải có tiêu đề tiếng Việt ("title").', 'A form field needs a Vietnamese "title".'));
    }
    if (type === undefined && !isEnumeration) {
      issues.push(issue(path, 'SCHEMA_MISSING_TYPE', 'Trường nhập liệu phải có "type" hoặc danh sách giá trị.', 'A form field needs a "type" or a list of values.'));
    }
  }
  if (typeof type === 'string') {
    for (const [keyword, types] of Object.entries(keywordTypes)) {
      if (node[keyword] !== undefined && !types.includes(type as JsonSchemaType)) {
        issues.push(
          issue(pointer(path, keyword), 'SCHEMA_KEYWORD_TYPE_MISMATCH', `Từ khóa "${keyword}" không dùng được với kiểu "${type}".`, `Keyword "${keyword}" does not apply to type "${type}".`),
        );
      }
    }
  }
  checkObjectKeywords(node, path, issues);
  checkLimits(node, path, issues);
  checkEnumerations(node, path, issues);
  if (node.items !== undefined) {
    if (isRecord(node.items)) checkNode(node.items, pointer(path, 'items'), false, issues);
    else issues.push(issue(pointer(path, 'items'), 'SCHEMA_NOT_OBJECT', '"items" phải là một lược đồ.', '"items" must be a schema.'));
  }
}

function checkAnnotations(node: Record<string, unknown>, path: string, issues: CatalogIssue[]): void {
  for (const key of ['title', 'x-title-en', 'description', '$id', '$comment']) {
    if (node[key] !== undefined && typeof node[key] !== 'string') {
      issues.push(issue(pointer(path, key), 'SCHEMA_BAD_VALUE', `"${key}" phải là chuỗi.`, `"${key}" must be a string.`));
    }
  }
  const patternMessage = node['x-pattern-message'];
  if (patternMessage !== undefined && !(isRecord(patternMessage) && typeof patternMessage.vi === 'string' && typeof patternMessage.en === 'string')) {
    issues.push(
      issue(pointer(path, 'x-pattern-message'), 'SCHEMA_BAD_VALUE', '"x-pattern-message" phải có "vi" và "en".', '"x-pattern-message" must have "vi" and "en".'),
    );
  }
  if (node.$schema !== undefined && node.$schema !== draft2020Uri) {
    issues.push(
      issue(pointer(path, '$schema'), 'SCHEMA_WRONG_DRAFT', `Chỉ hỗ trợ JSON Schema draft 2020-12 (${draft2020Uri}).`, `Only JSON Schema draft 2020-12 is supported (${draft2020Uri}).`),
    );
  }
}

function checkObjectKeywords(node: Record<string, unknown>, path: string, issues: CatalogIssue[]): void {
  const properties = node.properties;
  if (properties !== undefined) {
    if (!isRecord(properties)) {
      issues.push(issue(pointer(path, 'properties'), 'SCHEMA_BAD_VALUE', '"properties" phải là một đối tượng.', '"properties" must be an object.'));
    } else {
      for (const [name, child] of Object.entries(properties)) {
        const childPath = pointer(pointer(path, 'properties'), name);
        if (!propertyNamePattern.test(name)) {
          issues.push(
            issue(childPath, 'SCHEMA_BAD_PROPERTY_NAME', `Tên trường "${name}" chỉ được gồm chữ cái, chữ số và "_".`, `Field name "${name}" may only hold letters, digits and "_".`),
          );
        }
        if (isRecord(child)) checkNode(child, childPath, true, issues);
        else issues.push(issue(childPath, 'SCHEMA_NOT_OBJECT', `Trường "${name}" phải là một lược đồ.`, `Field "${name}" must be a schema.`));
      }
    }
  }
  const required = node.required;
  if (required !== undefined) {
    const requiredPath = pointer(path, 'required');
    if (!Array.isArray(required) || !required.every((r) => typeof r === 'string')) {
      issues.push(issue(requiredPath, 'SCHEMA_BAD_VALUE', '"required" phải là danh sách tên trường.', '"required" must be a list of field names.'));
    } else {
      if (new Set(required).size !== required.length) {
        issues.push(issue(requiredPath, 'SCHEMA_DUPLICATE_VALUE', '"required" có tên trường lặp lại.', '"required" repeats a field name.'));
      }
      for (const name of required) {
        if (!isRecord(properties) || !(name in properties)) {
          issues.push(
            issue(requiredPath, 'SCHEMA_UNKNOWN_REQUIRED', `Trường bắt buộc "${name}" không có trong "properties".`, `Required field "${name}" is not in "properties".`),
          );
        }
      }
    }
  }
  if (node.additionalProperties !== undefined && typeof node.additionalProperties !== 'boolean') {
    issues.push(
      issue(pointer(path, 'additionalProperties'), 'SCHEMA_BAD_VALUE', '"additionalProperties" phải là true hoặc false.', '"additionalProperties" must be true or false.'),
    );
  }
}

function checkLimits(node: Record<string, unknown>, path: string, issues: CatalogIssue[]): void {
  for (const key of ['minItems', 'maxItems', 'minLength', 'maxLength']) {
    if (node[key] !== undefined && !isNonNegativeInteger(node[key])) {
      issues.push(issue(pointer(path, key), 'SCHEMA_BAD_VALUE', `"${key}" phải là số nguyên không âm.`, `"${key}" must be a non-negative integer.`));
    }
  }
  for (const key of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']) {
    const value = node[key];
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) {
      issues.push(issue(pointer(path, key), 'SCHEMA_BAD_VALUE', `"${key}" phải là một số.`, `"${key}" must be a number.`));
    }
  }
  for (const [low, high] of [
    ['minItems', 'maxItems'],
    ['minLength', 'maxLength'],
    ['minimum', 'maximum'],
  ] as const) {
    const lowValue = node[low];
    const highValue = node[high];
    if (typeof lowValue === 'number' && typeof highValue === 'number' && lowValue > highValue) {
      issues.push(issue(pointer(path, low), 'SCHEMA_BAD_RANGE', `"${low}" lớn hơn "${high}".`, `"${low}" is greater than "${high}".`));
    }
  }
  const pattern = node.pattern;
  if (pattern !== undefined) {
    let valid = typeof pattern === 'string';
    if (typeof pattern === 'string') {
      try {
        new RegExp(pattern, 'u');
      } catch {
        valid = false;
      }
    }
    if (!valid) {
      issues.push(issue(pointer(path, 'pattern'), 'SCHEMA_BAD_PATTERN', 'Biểu thức chính quy không hợp lệ.', 'The regular expression is not valid.'));
    }
  }
  const format = node.format;
  if (format !== undefined && !(supportedFormats as readonly unknown[]).includes(format)) {
    issues.push(
      issue(pointer(path, 'format'), 'SCHEMA_UNSUPPORTED_FORMAT', `Định dạng "${String(format)}" không được hỗ trợ (${supportedFormats.join(', ')}).`, `Format "${String(format)}" is not supported (${supportedFormats.join(', ')}).`),
    );
  }
}

function checkEnumerations(node: Record<string, unknown>, path: string, issues: CatalogIssue[]): void {
  const values = node.enum;
  if (values !== undefined) {
    if (!Array.isArray(values) || values.length === 0 || !values.every(isPrimitive)) {
      issues.push(issue(pointer(path, 'enum'), 'SCHEMA_BAD_VALUE', '"enum" phải là danh sách giá trị không rỗng.', '"enum" must be a non-empty list of values.'));
    } else if (new Set(values).size !== values.length) {
      issues.push(issue(pointer(path, 'enum'), 'SCHEMA_DUPLICATE_VALUE', '"enum" có giá trị lặp lại.', '"enum" repeats a value.'));
    }
  }
  if (node.const !== undefined && !isPrimitive(node.const)) {
    issues.push(issue(pointer(path, 'const'), 'SCHEMA_BAD_VALUE', '"const" phải là một giá trị đơn.', '"const" must be a single value.'));
  }
  const branches = node.oneOf;
  if (branches === undefined) return;
  // oneOf is admitted only as the 2020-12 idiom for an enumeration with labels.
  const labelled =
    Array.isArray(branches) &&
    branches.length > 0 &&
    branches.every(
      (b) => isRecord(b) && isPrimitive(b.const) && b.const !== undefined && Object.keys(b).every((k) => ['const', 'title', 'x-title-en', 'description'].includes(k)),
    );
  if (!labelled) {
    issues.push(
      issue(pointer(path, 'oneOf'), 'SCHEMA_UNSUPPORTED_ONEOF', '"oneOf" chỉ dùng cho danh sách lựa chọn dạng { const, title }.', '"oneOf" may only list choices of the form { const, title }.'),
    );
  } else {
    const constants = branches.map((b) => (b as Record<string, unknown>).const);
    if (new Set(constants).size !== constants.length) {
      issues.push(issue(pointer(path, 'oneOf'), 'SCHEMA_DUPLICATE_VALUE', '"oneOf" có lựa chọn lặp lại.', '"oneOf" repeats a choice.'));
    }
  }
}
