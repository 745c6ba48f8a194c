import { describe, expect, it } from 'vitest';
import { computeFee } from './fees.js';
import { sampleProcedure } from './test-fixtures.js';
import type { Procedure } from './types.js';

/** Certification fee (Circular 226/2016/TT-BTC): 2,000 đ/page for pages 1–2, 1,000 đ/page after, at most 200,000 đ per copy. */
function totalFor(papers: { pages: number; copies: number }[], extra: Record<string, unknown> = {}): number {
  const result = computeFee(sampleProcedure(), { papers: papers.map((p) => ({ paperName: 'Bằng tốt nghiệp', ...p })), ...extra });
  if (!result.ok) throw new Error(result.error.message.en);
  return result.total;
}

describe('computeFee for certified copies', () => {
  it('charges 7,000 đ for one copy of a 5-page original', () => {
    // 2 pages × 2,000 + 3 pages × 1,000 = 4,000 + 3,000 = 7,000
    expect(totalFor([{ pages: 5, copies: 1 }])).toBe(7_000);
  });

  it('charges 2,000 đ per page for the first two pages only', () => {
    expect(totalFor([{ pages: 1, copies: 1 }])).toBe(2_000); // 1 × 2,000
    expect(totalFor([{ pages: 2, copies: 1 }])).toBe(4_000); // 2 × 2,000
    expect(totalFor([{ pages: 3, copies: 1 }])).toBe(5_000); // 2 × 2,000 + 1 × 1,000
  });

  it('caps a long original at 200,000 đ per copy', () => {
    // 300 pages: 2 × 2,000 + 298 × 1,000 = 302,000 > 200,000, so 200,000 per copy; 2 copies = 400,000
    expect(totalFor([{ pages: 300, copies: 2 }])).toBe(400_000);
  });

  it('lists one line per paper, multiplied by its number of copies', () => {
    const result = computeFee(sampleProcedure(), {
      papers: [
        { paperName: 'Giấy khai sinh', pages: 1, copies: 3 }, // 2,000 × 3 = 6,000
        { paperName: 'Học bạ', pages: 5, copies: 2 }, // 7,000 × 2 = 14,000
      ],
    });
    const name = { vi: 'Phí chứng thực bản sao', en: 'Copy certification fee' };
    expect(result).toEqual({
      ok: true,
      total: 20_000,
      lines: [
        { feeId: 'phi-chung-thuc', category: 'fee', name, itemIndex: 0, baseAmount: 2_000, quantity: 3, amount: 6_000 },
        { feeId: 'phi-chung-thuc', category: 'fee', name, itemIndex: 1, baseAmount: 7_000, quantity: 2, amount: 14_000 },
      ],
    });
  });

  it('waives the fee for an exempt applicant and says why', () => {
    const result = computeFee(sampleProcedure(), { category: 'poor', papers: [{ paperName: 'Sổ hộ nghèo', pages: 5, copies: 1 }] });
    expect(result.ok && result.total).toBe(0);
    expect(result.ok && result.lines[0]?.exemption).toEqual({ id: 'ho-ngheo', reason: { vi: 'Hộ nghèo', en: 'Poor household' } });
  });

  it('asks for the missing page count, naming the field as the form labels it', () => {
    const result = computeFee(sampleProcedure(), { papers: [{ paperName: 'Bằng', copies: 1 }] });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'FEE_INPUT_MISSING',
        field: 'pages',
        message: { vi: 'Thiếu "Số trang" để tính "Phí chứng thực bản sao".', en: '"Pages" is needed to compute "Copy certification fee".' },
      },
    });
  });

  it('refuses a page count that is not a whole number', () => {
    const result = computeFee(sampleProcedure(), { papers: [{ paperName: 'Bằng', pages: 2.5, copies: 1 }] });
    expect(result.ok ? undefined : result.error.code).toBe('FEE_INPUT_INVALID');
  });
});

function withFees(fees: Procedure['fees']): Procedure {
  const p = sampleProcedure();
  p.fees = fees;
  p.eForm.properties = { ...p.eForm.properties, area: { type: 'number', title: 'Diện tích', minimum: 0 }, copies: { type: 'integer', title: 'Số bản', minimum: 0 } };
  return p;
}

describe('computeFee rules', () => {
  const table = withFees([
    {
      id: 'tham-dinh',
      category: 'fee',
      name: { vi: 'Thẩm định', en: 'Appraisal' },
      rule: { kind: 'table', field: 'area', brackets: [{ from: 0, to: 200, amount: 700_000 }, { from: 200, to: null, amount: 1_000_000 }] },
    },
  ]);

  it('picks the bracket whose lower bound is included and upper bound excluded', () => {
    // 199.9 < 200 → first bracket; 200 is the start of the second
    expect(computeFee(table, { area: 199.9 })).toMatchObject({ ok: true, total: 700_000 });
    expect(computeFee(table, { area: 200 })).toMatchObject({ ok: true, total: 1_000_000 });
  });

  it('charges a per-unit fee within its floor and ceiling, and nothing for zero units', () => {
    const p = withFees([
      { id: 'trang', category: 'fee', name: { vi: 'Bản', en: 'Copy' }, rule: { kind: 'perUnit', field: 'copies', unitAmount: 8_000, min: 10_000, max: 30_000 } },
    ]);
    expect(computeFee(p, { copies: 0 })).toMatchObject({ total: 0 }); // nothing requested
    expect(computeFee(p, { copies: 1 })).toMatchObject({ total: 10_000 }); // 8,000 raised to the 10,000 floor
    expect(computeFee(p, { copies: 3 })).toMatchObject({ total: 24_000 }); // 3 × 8,000
    expect(computeFee(p, { copies: 5 })).toMatchObject({ total: 30_000 }); // 40,000 capped at 30,000
  });

  it('applies a reduced online amount only to online filings', () => {
    const p = withFees([
      {
        id: 'cu-tru',
        category: 'charge',
        name: { vi: 'Lệ phí', en: 'Charge' },
        rule: { kind: 'fixed', amount: 20_000 },
        exemptions: [{ id: 'online', reason: { vi: 'Trực tuyến', en: 'Online' }, when: { kind: 'channel', channels: ['online'] }, effect: { kind: 'amount', amount: 10_000 } }],
      },
    ]);
    expect(computeFee(p, {}, { channel: 'counter' })).toMatchObject({ total: 20_000 });
    expect(computeFee(p, {}, { channel: 'online' })).toMatchObject({ total: 10_000 });
    expect(computeFee(p, {})).toMatchObject({ total: 20_000 }); // channel unknown: no reduction
  });

  it('skips an item whose condition does not hold', () => {
    const p = withFees([
      { id: 'cap-lai', category: 'charge', name: { vi: 'Cấp lại', en: 'Reissue' }, rule: { kind: 'fixed', amount: 70_000 }, appliesWhen: { kind: 'fieldEquals', field: 'category', value: 'poor' } },
    ]);
    expect(computeFee(p, { category: 'standard' })).toEqual({ ok: true, total: 0, lines: [] });
  });

  it('rounds a percentage reduction to whole đồng', () => {
    const p = withFees([
      {
        id: 'giam',
        category: 'fee',
        name: { vi: 'Phí', en: 'Fee' },
        rule: { kind: 'fixed', amount: 15_001 },
        exemptions: [{ id: 'nua', reason: { vi: 'Giảm 50%', en: 'Half' }, when: { kind: 'fieldEquals', field: 'category', value: 'poor' }, effect: { kind: 'percent', payPercent: 50 } }],
      },
    ]);
    // 15,001 × 50% = 7,500.5 → 7,501 (Math.round rounds halves up)
    expect(computeFee(p, { category: 'poor' })).toMatchObject({ total: 7_501 });
  });
});
