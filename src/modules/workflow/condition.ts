import type { Condition, FormData, Scalar } from './types.js';

/**
 * Reads a dotted path (`construction.floorArea`) from e-form data. Only own properties of
 * plain objects are followed, so `__proto__` or `constructor` can never reach the prototype.
 */
export function readField(data: FormData, path: string): unknown {
  let value: unknown = data;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    if (!Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function compareOrdered(actual: unknown, expected: unknown, test: (a: number, b: number) => boolean): boolean {
  // Ordering is defined for two numbers or two strings only: "300" is not greater than 250,
  // so a mistyped e-form field never silently satisfies a threshold.
  if (typeof actual === 'number' && typeof expected === 'number') return test(actual, expected);
  if (typeof actual === 'string' && typeof expected === 'string') return test(actual.localeCompare(expected), 0);
  return false;
}

/**
 * Evaluates a condition over the dossier's e-form data. A missing field makes every
 * comparison false except `ne` and `exists` (false); `all` of nothing holds, `any` of nothing does not.
 * @example evaluateCondition({ field: 'floorArea', op: 'gt', value: 250 }, { floorArea: 300 }) === true
 */
export function evaluateCondition(condition: Condition, data: FormData): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, data));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, data));
  if ('not' in condition) return !evaluateCondition(condition.not, data);
  const actual = readField(data, condition.field);
  const expected = condition.value;
  switch (condition.op) {
    case 'exists':
      return actual !== undefined && actual !== null && actual !== '';
    case 'eq':
      return isScalar(actual) && actual === expected;
    case 'ne':
      return !(isScalar(actual) && actual === expected);
    case 'gt':
      return compareOrdered(actual, expected, (a, b) => a > b);
    case 'gte':
      return compareOrdered(actual, expected, (a, b) => a >= b);
    case 'lt':
      return compareOrdered(actual, expected, (a, b) => a < b);
    case 'lte':
      return compareOrdered(actual, expected, (a, b) => a <= b);
    case 'in':
      return Array.isArray(expected) && isScalar(actual) && expected.includes(actual);
  }
}
