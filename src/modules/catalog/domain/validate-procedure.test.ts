import { describe, expect, it } from 'vitest';
import { sampleProcedure } from './test-fixtures.js';
import type { CatalogIssue, Procedure } from './types.js';
import { validateProcedure } from './validate-procedure.js';

function issuesOf(p: Procedure): CatalogIssue[] {
  const result = validateProcedure(p);
  return result.ok ? [] : result.issues;
}

function codesAt(p: Procedure): [string, string][] {
  return issuesOf(p).map((i) => [i.path, i.code]);
}

describe('validateProcedure', () => {
  it('accepts a complete certification procedure', () => {
    expect(validateProcedure(sampleProcedure())).toEqual({ ok: true });
  });

  it('names a repeated document id so the admin knows which row to fix', () => {
    const p = sampleProcedure();
    p.documents.push({ ...p.documents[0]!, name: { vi: 'Bản chính khác', en: 'Another original' } }); // [0] exists in the fixture
    const issues = issuesOf(p);
    expect(issues).toEqual([
      {
        path: '/documents/2/id',
        code: 'DUPLICATE_DOCUMENT_ID',
        message: { vi: 'Mã giấy tờ "ban-chinh" bị trùng.', en: 'Document id "ban-chinh" is used twice.' },
      },
    ]);
  });

  it('refuses negative and fractional fee amounts, which cannot be paid in đồng', () => {
    const p = sampleProcedure();
    p.fees.push(
      { id: 'am', category: 'charge', name: { vi: 'Âm', en: 'Negative' }, rule: { kind: 'fixed', amount: -5_000 } },
      { id: 'le', category: 'charge', name: { vi: 'Lẻ', en: 'Fraction' }, rule: { kind: 'fixed', amount: 2_500.5 } },
    );
    expect(codesAt(p)).toEqual([
      ['/fees/1/rule/amount', 'FEE_BAD_AMOUNT'],
      ['/fees/2/rule/amount', 'FEE_BAD_AMOUNT'],
    ]);
  });

  it('catches a fee rule reading a field that the e-form does not have', () => {
    const p = sampleProcedure();
    p.fees.push({ id: 'theo-trang', category: 'fee', name: { vi: 'Theo trang', en: 'Per page' }, rule: { kind: 'perUnit', field: 'pageCount', unitAmount: 1_000 } });
    expect(codesAt(p)).toEqual([['/fees/1/rule/field', 'FEE_UNKNOWN_FIELD']]);
  });

  it('catches an exemption that tests a value the form can never send', () => {
    const p = sampleProcedure();
    const exemption = p.fees[0]!.exemptions![0]!; // the fixture has one fee with one exemption
    exemption.when = { kind: 'fieldEquals', field: 'category', value: 'pour' };
    expect(codesAt(p)).toEqual([['/fees/0/exemptions/0/when', 'FEE_UNKNOWN_VALUE']]);
  });

  it('refuses tiers that go backwards and brackets that leave a gap', () => {
    const p = sampleProcedure();
    p.fees[0]!.rule = { kind: 'tiered', field: 'pages', tiers: [{ upTo: 5, unitAmount: 1 }, { upTo: 3, unitAmount: 1 }] }; // fixture fee exists
    p.fees.push({
      id: 'bang',
      category: 'fee',
      name: { vi: 'Bảng', en: 'Table' },
      forEachItemOf: 'papers',
      rule: { kind: 'table', field: 'pages', brackets: [{ from: 0, to: 10, amount: 1 }, { from: 20, to: null, amount: 2 }] },
    });
    const codes = codesAt(p).map(([, code]) => code);
    expect(codes).toContain('FEE_BAD_TIERS');
    expect(codes).toContain('FEE_BAD_BRACKETS');
  });

  it('requires a positive deadline, allowing half working days but not half calendar days', () => {
    const p = sampleProcedure();
    p.deadline = { unit: 'workingDays', value: 0.5 };
    expect(validateProcedure(p)).toEqual({ ok: true });
    p.deadline = { unit: 'calendarDays', value: 1.5 };
    expect(codesAt(p)).toEqual([['/deadline/value', 'BAD_DEADLINE']]);
    p.deadline = { unit: 'workingDays', value: 0 };
    expect(codesAt(p)).toEqual([['/deadline/value', 'BAD_DEADLINE']]);
  });

  it('refuses a same-day cut-off that is not a clock time', () => {
    const p = sampleProcedure();
    p.deadline = { unit: 'sameDay', cutoffTime: '25:00' };
    expect(codesAt(p)).toEqual([['/deadline/cutoffTime', 'BAD_DEADLINE']]);
  });

  it('reports every problem at once, like a supplement request', () => {
    const p = sampleProcedure();
    p.code = '1001193';
    p.name = { vi: 'Chứng thực', en: ' ' };
    p.workflowKey = 'no-such-workflow';
    p.receivingAgencies = [];
    p.legalBasis = [];
    expect(codesAt(p)).toEqual([
      ['/code', 'BAD_PROCEDURE_CODE'],
      ['/name', 'MISSING_NAME'],
      ['/receivingAgencies', 'NO_RECEIVING_AGENCY'],
      ['/legalBasis', 'NO_LEGAL_BASIS'],
      ['/workflowKey', 'UNKNOWN_WORKFLOW'],
    ]);
  });

  it('accepts reference lists loaded from the database instead of the built-in ones', () => {
    const p = sampleProcedure();
    p.workflowKey = 'city-special';
    expect(validateProcedure(p, { knownWorkflowKeys: ['city-special'] })).toEqual({ ok: true });
  });

  it('checks the e-form schema as part of the procedure', () => {
    const p = sampleProcedure();
    p.eForm.required = ['fullName', 'nickname'];
    expect(codesAt(p)).toEqual([['/eForm/required', 'SCHEMA_UNKNOWN_REQUIRED']]);
  });

  it('accepts an electronic agency code as a receiving agency', () => {
    const p = sampleProcedure();
    p.receivingAgencies = ['000.00.22.H56'];
    expect(validateProcedure(p)).toEqual({ ok: true });
  });
});
