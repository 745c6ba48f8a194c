/**
 * Fee computation (phí, lệ phí) from a procedure's fee rules and the applicant's e-form data.
 * Amounts are integer VND (Law on Fees and Charges 2015: fees are set in đồng).
 */
import { fieldLabel, readField, scopeSchema } from './field-paths.js';
import { isNonNegativeInteger } from './issues.js';
import type { Bilingual, FeeCondition, FeeExemption, FeeItem, FeeRule, Procedure, SubmissionChannel } from './types.js';

/** One line of the fee notice. */
export interface FeeLine {
  feeId: string;
  category: FeeItem['category'];
  name: Bilingual;
  /** Position in the `forEachItemOf` array, when the item is computed per element. */
  itemIndex?: number;
  /** Amount of one unit by the rule, before exemption. */
  baseAmount: number;
  quantity: number;
  /** What is owed for the line: exempted base × quantity. */
  amount: number;
  exemption?: { id: string; reason: Bilingual };
}

/** Why a fee could not be computed. */
export interface FeeError {
  code: 'FEE_INPUT_MISSING' | 'FEE_INPUT_INVALID' | 'FEE_NO_BRACKET';
  /** Dotted path of the e-form field at fault. */
  field: string;
  message: Bilingual;
}

/** Result of `computeFee`. */
export type FeeResult = { ok: true; total: number; lines: FeeLine[] } | { ok: false; error: FeeError };

/** Facts about the submission that exemptions may depend on. */
export interface FeeOptions {
  channel?: SubmissionChannel;
}

type Step<T> = { ok: true; value: T } | { ok: false; error: FeeError };

/**
 * Computes the fees and charges a dossier owes, line by line, in integer VND.
 *
 * Rule and quantity fields are read from the e-form data, relative to the array element
 * when the item has `forEachItemOf`; conditions (`appliesWhen`, exemptions) always read the
 * whole form. For `perUnit` and `tiered` rules, `min`/`max` bound the amount per unit of
 * quantity (e.g. per copy), and a zero count costs nothing. The first matching exemption
 * applies to that amount before it is multiplied by the quantity.
 *
 * @example Certified copy of a 5-page original (Circular 226/2016/TT-BTC):
 *   2 pages × 2,000 + 3 pages × 1,000 = 7,000 đ per copy.
 */
export function computeFee(procedure: Procedure, formData: unknown, options: FeeOptions = {}): FeeResult {
  const lines: FeeLine[] = [];
  for (const item of procedure.fees) {
    if (item.appliesWhen && !conditionHolds(item.appliesWhen, formData, options)) continue;
    const scopes: { scope: unknown; index?: number }[] = [];
    if (item.forEachItemOf === undefined) {
      scopes.push({ scope: formData });
    } else {
      const list = readField(formData, item.forEachItemOf);
      if (!Array.isArray(list)) {
        return { ok: false, error: inputError(procedure, item, item.forEachItemOf, list === undefined ? 'FEE_INPUT_MISSING' : 'FEE_INPUT_INVALID') };
      }
      list.forEach((element, index) => scopes.push({ scope: element, index }));
    }
    for (const { scope, index } of scopes) {
      const line = computeLine(procedure, item, scope, formData, options, index);
      if (!line.ok) return line;
      lines.push(line.value);
    }
  }
  return { ok: true, total: lines.reduce((sum, l) => sum + l.amount, 0), lines };
}

function computeLine(procedure: Procedure, item: FeeItem, scope: unknown, formData: unknown, options: FeeOptions, index: number | undefined): Step<FeeLine> {
  const base = ruleAmount(procedure, item, scope);
  if (!base.ok) return base;
  let quantity = 1;
  if (item.quantityField !== undefined) {
    const q = readCount(procedure, item, scope, item.quantityField);
    if (!q.ok) return q;
    quantity = q.value;
  }
  const exemption = (item.exemptions ?? []).find((e) => conditionHolds(e.when, formData, options));
  const unitAmount = exemption ? applyExemption(exemption, base.value) : base.value;
  const line: FeeLine = {
    feeId: item.id,
    category: item.category,
    name: item.name,
    baseAmount: base.value,
    quantity,
    amount: unitAmount * quantity,
  };
  if (index !== undefined) line.itemIndex = index;
  if (exemption) line.exemption = { id: exemption.id, reason: exemption.reason };
  return { ok: true, value: line };
}

function applyExemption(exemption: FeeExemption, base: number): number {
  const effect = exemption.effect;
  // Percentages of integer amounts can leave half đồng; round to whole đồng.
  return effect.kind === 'percent' ? Math.round((base * effect.payPercent) / 100) : effect.amount;
}

function ruleAmount(procedure: Procedure, item: FeeItem, scope: unknown): Step<number> {
  const rule: FeeRule = item.rule;
  switch (rule.kind) {
    case 'fixed':
      return { ok: true, value: rule.amount };
    case 'perUnit': {
      const count = readCount(procedure, item, scope, rule.field);
      if (!count.ok) return count;
      return { ok: true, value: bound(count.value, count.value * rule.unitAmount, rule.min, rule.max) };
    }
    case 'tiered': {
      const count = readCount(procedure, item, scope, rule.field);
      if (!count.ok) return count;
      let sum = 0;
      let previous = 0;
      for (const tier of rule.tiers) {
        const ceiling = tier.upTo ?? Number.POSITIVE_INFINITY;
        sum += Math.max(0, Math.min(count.value, ceiling) - previous) * tier.unitAmount;
        if (count.value <= ceiling) break;
        previous = ceiling;
      }
      return { ok: true, value: bound(count.value, sum, rule.min, rule.max) };
    }
    case 'table': {
      const value = readField(scope, rule.field);
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        return { ok: false, error: inputError(procedure, item, rule.field, value === undefined ? 'FEE_INPUT_MISSING' : 'FEE_INPUT_INVALID') };
      }
      const bracket = rule.brackets.find((b) => value >= b.from && (b.to === null || value < b.to));
      if (!bracket) {
        const label = fieldLabel(scopeSchema(procedure.eForm, item.forEachItemOf) ?? procedure.eForm, rule.field);
        return {
          ok: false,
          error: {
            code: 'FEE_NO_BRACKET',
            field: rule.field,
            message: {
              vi: `Không có mức phí "${item.name.vi}" cho "${label.vi}" = ${value}.`,
              en: `No "${item.name.en}" bracket covers "${label.en}" = ${value}.`,
            },
          },
        };
      }
      return { ok: true, value: bracket.amount };
    }
  }
}

/** Applies a rule's floor and ceiling, except that nothing is charged for zero units. */
function bound(count: number, amount: number, min: number | undefined, max: number | undefined): number {
  if (count === 0) return 0;
  let result = amount;
  if (min !== undefined) result = Math.max(result, min);
  if (max !== undefined) result = Math.min(result, max);
  return result;
}

function readCount(procedure: Procedure, item: FeeItem, scope: unknown, field: string): Step<number> {
  const value = readField(scope, field);
  if (isNonNegativeInteger(value)) return { ok: true, value };
  return { ok: false, error: inputError(procedure, item, field, value === undefined ? 'FEE_INPUT_MISSING' : 'FEE_INPUT_INVALID') };
}

function inputError(procedure: Procedure, item: FeeItem, field: string, code: 'FEE_INPUT_MISSING' | 'FEE_INPUT_INVALID'): FeeError {
  const inElement = item.forEachItemOf !== undefined && field !== item.forEachItemOf;
  const label = fieldLabel((inElement ? scopeSchema(procedure.eForm, item.forEachItemOf) : undefined) ?? procedure.eForm, field);
  if (code === 'FEE_INPUT_MISSING') {
    return {
      code,
      field,
      message: { vi: `Thiếu "${label.vi}" để tính "${item.name.vi}".`, en: `"${label.en}" is needed to compute "${item.name.en}".` },
    };
  }
  return {
    code,
    field,
    message: {
      vi: `"${label.vi}" không hợp lệ để tính "${item.name.vi}".`,
      en: `"${label.en}" is not a valid input for "${item.name.en}".`,
    },
  };
}

/** Evaluates a fee condition against the whole form and the submission channel. */
export function conditionHolds(condition: FeeCondition, formData: unknown, options: FeeOptions): boolean {
  switch (condition.kind) {
    case 'channel':
      return options.channel !== undefined && condition.channels.includes(options.channel);
    case 'fieldEquals':
      return readField(formData, condition.field) === condition.value;
    case 'fieldIn': {
      const value = readField(formData, condition.field);
      return (typeof value === 'string' || typeof value === 'number') && condition.values.includes(value);
    }
  }
}
