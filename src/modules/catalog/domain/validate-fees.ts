/**
 * Checks of a procedure's fee items: integer VND amounts, well-formed tiers and brackets,
 * and fields that exist in the e-form with the right type, so `computeFee` never meets a
 * rule it cannot evaluate on data that passed the e-form.
 */
import { schemaAt, scopeSchema } from './field-paths.js';
import { isNonNegativeInteger, isRecord, issue, pointer } from './issues.js';
import type { CatalogIssue, FeeCondition, FeeExemption, FeeItem, JsonPrimitive, JsonSchema } from './types.js';

const slugPattern = /^[a-z0-9][a-z0-9-]*$/;

/** Lists the problems of a procedure's fee items; `basePath` is `/fees`. */
export function checkFees(fees: unknown, eForm: JsonSchema, basePath = '/fees'): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  if (!Array.isArray(fees)) {
    return [issue(basePath, 'FEES_NOT_LIST', 'Danh sách phí, lệ phí không hợp lệ.', 'The fee list is not a list.')];
  }
  const seen = new Set<string>();
  fees.forEach((raw: unknown, index) => {
    const path = pointer(basePath, index);
    if (!isRecord(raw)) {
      issues.push(issue(path, 'FEE_NOT_OBJECT', 'Khoản phí không hợp lệ.', 'The fee item is not an object.'));
      return;
    }
    const item = raw as unknown as FeeItem;
    if (typeof item.id !== 'string' || !slugPattern.test(item.id)) {
      issues.push(issue(pointer(path, 'id'), 'FEE_BAD_ID', 'Mã khoản phí phải là chữ thường, số và dấu "-".', 'A fee id must use lower-case letters, digits and "-".'));
    } else if (seen.has(item.id)) {
      issues.push(issue(pointer(path, 'id'), 'DUPLICATE_FEE_ID', `Mã khoản phí "${item.id}" bị trùng.`, `Fee id "${item.id}" is used twice.`));
    } else {
      seen.add(item.id);
    }
    if (item.category !== 'fee' && item.category !== 'charge') {
      issues.push(issue(pointer(path, 'category'), 'FEE_BAD_CATEGORY', 'Loại khoản thu phải là "fee" (phí) hoặc "charge" (lệ phí).', 'The category must be "fee" or "charge".'));
    }
    if (!isRecord(item.name) || !nonEmpty(item.name.vi) || !nonEmpty(item.name.en)) {
      issues.push(issue(pointer(path, 'name'), 'MISSING_NAME', 'Tên khoản phí cần cả tiếng Việt và tiếng Anh.', 'The fee name needs Vietnamese and English.'));
    }
    issues.push(...checkItemFields(item, eForm, path));
  });
  return issues;
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

function amountIssue(path: string): CatalogIssue {
  return issue(path, 'FEE_BAD_AMOUNT', 'Số tiền phải là số nguyên không âm (đồng).', 'An amount must be a non-negative integer number of đồng.');
}

function checkItemFields(item: FeeItem, eForm: JsonSchema, path: string): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  const forEach = typeof item.forEachItemOf === 'string' ? item.forEachItemOf : undefined;
  // Rule and quantity fields are read inside each element when the item runs per element.
  const scope = scopeSchema(eForm, forEach) ?? {};
  if (item.forEachItemOf !== undefined && scopeSchema(eForm, forEach) === undefined) {
    issues.push(
      issue(pointer(path, 'forEachItemOf'), 'FEE_FIELD_NOT_LIST', `"${String(item.forEachItemOf)}" phải là danh sách trong biểu mẫu.`, `"${String(item.forEachItemOf)}" must be a list of groups in the e-form.`),
    );
  }
  issues.push(...checkRule(item, scope, pointer(path, 'rule')));
  if (item.quantityField !== undefined) {
    issues.push(...checkNumericField(scope, item.quantityField, ['integer'], pointer(path, 'quantityField')));
  }
  if (item.appliesWhen !== undefined) issues.push(...checkCondition(item.appliesWhen, eForm, pointer(path, 'appliesWhen')));
  const exemptions: unknown = item.exemptions ?? [];
  if (!Array.isArray(exemptions)) {
    issues.push(issue(pointer(path, 'exemptions'), 'FEE_BAD_EXEMPTION', 'Danh sách miễn, giảm không hợp lệ.', 'The exemptions are not a list.'));
    return issues;
  }
  const seen = new Set<string>();
  exemptions.forEach((raw: unknown, index) => {
    const ePath = pointer(pointer(path, 'exemptions'), index);
    if (!isRecord(raw)) {
      issues.push(issue(ePath, 'FEE_BAD_EXEMPTION', 'Mục miễn, giảm không hợp lệ.', 'The exemption is not an object.'));
      return;
    }
    const exemption = raw as unknown as FeeExemption;
    if (typeof exemption.id !== 'string' || !slugPattern.test(exemption.id) || seen.has(exemption.id)) {
      issues.push(issue(pointer(ePath, 'id'), 'FEE_BAD_EXEMPTION', 'Mã miễn, giảm bị thiếu, sai dạng hoặc trùng.', 'The exemption id is missing, malformed or repeated.'));
    } else {
      seen.add(exemption.id);
    }
    if (!isRecord(exemption.reason) || !nonEmpty(exemption.reason.vi) || !nonEmpty(exemption.reason.en)) {
      issues.push(issue(pointer(ePath, 'reason'), 'MISSING_NAME', 'Lý do miễn, giảm cần cả tiếng Việt và tiếng Anh.', 'The exemption reason needs Vietnamese and English.'));
    }
    const effect = exemption.effect;
    const validEffect =
      isRecord(effect) &&
      ((effect.kind === 'percent' && isNonNegativeInteger(effect.payPercent) && effect.payPercent <= 100) ||
        (effect.kind === 'amount' && isNonNegativeInteger(effect.amount)));
    if (!validEffect) {
      issues.push(
        issue(pointer(ePath, 'effect'), 'FEE_BAD_EXEMPTION', 'Mức miễn, giảm phải là tỷ lệ phải nộp 0–100% hoặc một số tiền nguyên.', 'The effect must be a payable percentage 0–100 or an integer amount.'),
      );
    }
    issues.push(...checkCondition(exemption.when, eForm, pointer(ePath, 'when')));
  });
  return issues;
}

function checkRule(item: FeeItem, scope: JsonSchema, path: string): CatalogIssue[] {
  const rule = item.rule;
  const issues: CatalogIssue[] = [];
  if (!isRecord(rule)) return [issue(path, 'FEE_BAD_RULE', 'Cách tính phí không hợp lệ.', 'The fee rule is not valid.')];
  switch (rule.kind) {
    case 'fixed':
      if (!isNonNegativeInteger(rule.amount)) issues.push(amountIssue(pointer(path, 'amount')));
      break;
    case 'perUnit':
    case 'tiered': {
      issues.push(...checkNumericField(scope, rule.field, ['integer'], pointer(path, 'field')));
      if (rule.kind === 'perUnit' && !isNonNegativeInteger(rule.unitAmount)) issues.push(amountIssue(pointer(path, 'unitAmount')));
      if (rule.kind === 'tiered') issues.push(...checkTiers(rule.tiers, pointer(path, 'tiers')));
      for (const key of ['min', 'max'] as const) {
        if (rule[key] !== undefined && !isNonNegativeInteger(rule[key])) issues.push(amountIssue(pointer(path, key)));
      }
      if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
        issues.push(issue(pointer(path, 'min'), 'FEE_BAD_RANGE', 'Mức tối thiểu lớn hơn mức tối đa.', 'The minimum exceeds the maximum.'));
      }
      break;
    }
    case 'table':
      issues.push(...checkNumericField(scope, rule.field, ['integer', 'number'], pointer(path, 'field')));
      issues.push(...checkBrackets(rule.brackets, pointer(path, 'brackets')));
      break;
    default:
      issues.push(issue(pointer(path, 'kind'), 'FEE_BAD_RULE', 'Loại cách tính phí không được hỗ trợ.', 'The fee rule kind is not supported.'));
  }
  return issues;
}

function checkTiers(tiers: unknown, path: string): CatalogIssue[] {
  const bad = issue(path, 'FEE_BAD_TIERS', 'Các bậc phải tăng dần, chỉ bậc cuối được để trống giới hạn, đơn giá là số nguyên không âm.', 'Tiers must ascend, only the last may be open-ended, unit amounts must be non-negative integers.');
  if (!Array.isArray(tiers) || tiers.length === 0) return [bad];
  let previous = 0;
  for (const [index, tier] of tiers.entries()) {
    if (!isRecord(tier) || !isNonNegativeInteger(tier.unitAmount)) return [bad];
    const last = index === tiers.length - 1;
    if (tier.upTo === null) {
      if (!last) return [bad];
    } else if (!isNonNegativeInteger(tier.upTo) || tier.upTo <= previous) {
      return [bad];
    } else {
      previous = tier.upTo;
    }
  }
  return [];
}

function checkBrackets(brackets: unknown, path: string): CatalogIssue[] {
  const bad = issue(path, 'FEE_BAD_BRACKETS', 'Các khung phải liền nhau, tăng dần, không chồng lấn; mức thu là số nguyên không âm.', 'Brackets must be contiguous, ascending and non-overlapping, with non-negative integer amounts.');
  if (!Array.isArray(brackets) || brackets.length === 0) return [bad];
  let expectedFrom: number | null | undefined;
  for (const [index, bracket] of brackets.entries()) {
    if (!isRecord(bracket) || !isNonNegativeInteger(bracket.amount)) return [bad];
    const { from, to } = bracket;
    if (typeof from !== 'number' || !Number.isFinite(from) || from < 0) return [bad];
    // Gaps would leave values with no fee; each bracket starts where the previous ended.
    if (index > 0 && from !== expectedFrom) return [bad];
    if (to === null) {
      if (index !== brackets.length - 1) return [bad];
    } else if (typeof to !== 'number' || !(to > from)) {
      return [bad];
    }
    expectedFrom = to as number | null;
  }
  return [];
}

function checkNumericField(scope: JsonSchema, path: string, types: readonly string[], issuePath: string): CatalogIssue[] {
  const field = typeof path === 'string' ? schemaAt(scope, path) : undefined;
  if (field === undefined) {
    return [issue(issuePath, 'FEE_UNKNOWN_FIELD', `Trường "${path}" không có trong biểu mẫu.`, `Field "${path}" is not in the e-form.`)];
  }
  if (field.type === undefined || !types.includes(field.type)) {
    return [issue(issuePath, 'FEE_FIELD_NOT_NUMERIC', `Trường "${path}" phải có kiểu ${types.join(' hoặc ')}.`, `Field "${path}" must be of type ${types.join(' or ')}.`)];
  }
  if (field.minimum === undefined || field.minimum < 0) {
    return [issue(issuePath, 'FEE_FIELD_UNBOUNDED', `Trường "${path}" cần "minimum" ≥ 0 để không tính phí trên số âm.`, `Field "${path}" needs "minimum" ≥ 0 so fees never see negative values.`)];
  }
  return [];
}

function allowedValues(field: JsonSchema): JsonPrimitive[] | undefined {
  if (field.oneOf) return field.oneOf.map((b) => b.const ?? null);
  if (field.enum) return field.enum;
  if (field.const !== undefined) return [field.const];
  return undefined;
}

function checkCondition(condition: FeeCondition | undefined, eForm: JsonSchema, path: string): CatalogIssue[] {
  if (!isRecord(condition)) return [issue(path, 'FEE_BAD_CONDITION', 'Điều kiện không hợp lệ.', 'The condition is not valid.')];
  if (condition.kind === 'channel') {
    const ok = Array.isArray(condition.channels) && condition.channels.length > 0 && condition.channels.every((c) => ['online', 'counter', 'post'].includes(c));
    return ok ? [] : [issue(pointer(path, 'channels'), 'FEE_BAD_CONDITION', 'Kênh nộp phải là online, counter hoặc post.', 'Channels must be online, counter or post.')];
  }
  if (condition.kind !== 'fieldEquals' && condition.kind !== 'fieldIn') {
    return [issue(pointer(path, 'kind'), 'FEE_BAD_CONDITION', 'Loại điều kiện không được hỗ trợ.', 'The condition kind is not supported.')];
  }
  const field = typeof condition.field === 'string' ? schemaAt(eForm, condition.field) : undefined;
  if (field === undefined) {
    return [issue(pointer(path, 'field'), 'FEE_UNKNOWN_FIELD', `Trường "${String(condition.field)}" không có trong biểu mẫu.`, `Field "${String(condition.field)}" is not in the e-form.`)];
  }
  const values = condition.kind === 'fieldEquals' ? [condition.value] : condition.values;
  const allowed = allowedValues(field);
  if (!Array.isArray(values) || values.length === 0) {
    return [issue(path, 'FEE_BAD_CONDITION', 'Điều kiện cần ít nhất một giá trị.', 'The condition needs at least one value.')];
  }
  const unknown = allowed ? values.filter((v) => !allowed.includes(v)) : [];
  return unknown.length === 0
    ? []
    : [issue(path, 'FEE_UNKNOWN_VALUE', `Giá trị ${unknown.map(String).join(', ')} không có trong lựa chọn của "${condition.field}".`, `Value ${unknown.map(String).join(', ')} is not a choice of "${condition.field}".`)];
}
