import { describe, expect, it } from 'vitest';
import { evaluateCondition, readField } from './condition.js';

describe('conditions on e-form data', () => {
  const form = { floorArea: 300, zone: 'urban', owner: { kind: 'citizen', age: 40 }, storeys: '3' };

  it('a 300 m² house is "more than 250 m²"; a 250 m² one is not', () => {
    expect(evaluateCondition({ field: 'floorArea', op: 'gt', value: 250 }, form)).toBe(true);
    expect(evaluateCondition({ field: 'floorArea', op: 'gt', value: 250 }, { floorArea: 250 })).toBe(false);
    expect(evaluateCondition({ field: 'floorArea', op: 'gte', value: 250 }, { floorArea: 250 })).toBe(true);
  });

  it('reads nested fields by dotted path', () => {
    expect(evaluateCondition({ field: 'owner.kind', op: 'eq', value: 'citizen' }, form)).toBe(true);
    expect(evaluateCondition({ field: 'owner.age', op: 'lt', value: 18 }, form)).toBe(false);
  });

  it('combines with all / any / not', () => {
    const big = { field: 'floorArea', op: 'gt', value: 250 } as const;
    const rural = { field: 'zone', op: 'eq', value: 'rural' } as const;
    expect(evaluateCondition({ all: [big, rural] }, form)).toBe(false);
    expect(evaluateCondition({ any: [big, rural] }, form)).toBe(true);
    expect(evaluateCondition({ not: rural }, form)).toBe(true);
    expect(evaluateCondition({ all: [] }, form)).toBe(true);
    expect(evaluateCondition({ any: [] }, form)).toBe(false);
  });

  it('a number typed as text ("3") does not satisfy a numeric threshold', () => {
    expect(evaluateCondition({ field: 'storeys', op: 'gte', value: 2 }, form)).toBe(false);
  });

  it('a missing field fails comparisons, passes "ne", and does not "exist"', () => {
    expect(evaluateCondition({ field: 'basement', op: 'gt', value: 0 }, form)).toBe(false);
    expect(evaluateCondition({ field: 'basement', op: 'ne', value: true }, form)).toBe(true);
    expect(evaluateCondition({ field: 'basement', op: 'exists' }, form)).toBe(false);
    expect(evaluateCondition({ field: 'zone', op: 'exists' }, form)).toBe(true);
  });

  it('"in" matches one of a list', () => {
    expect(evaluateCondition({ field: 'zone', op: 'in', value: ['urban', 'suburban'] }, form)).toBe(true);
    expect(evaluateCondition({ field: 'zone', op: 'in', value: ['rural'] }, form)).toBe(false);
  });

  it('never reaches into the object prototype', () => {
    expect(readField(form, '__proto__')).toBeUndefined();
    expect(readField(form, 'owner.constructor')).toBeUndefined();
    expect(evaluateCondition({ field: 'toString', op: 'exists' }, form)).toBe(false);
  });
});
