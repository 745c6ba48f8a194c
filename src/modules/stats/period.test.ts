import { describe, expect, it } from 'vitest';
import { dayBefore, monthsOf, parsePeriod } from './period.js';

describe('reporting periods', () => {
  it('a quarter runs from the first day of its first month to the last day of its third', () => {
    expect(parsePeriod('2026-Q1')).toMatchObject({ ok: true, period: { kind: 'quarter', from: '2026-01-01', to: '2026-03-31', label: { vi: 'Quý 1 năm 2026' } } });
    expect(parsePeriod('2026-Q4')).toMatchObject({ ok: true, period: { from: '2026-10-01', to: '2026-12-31' } });
  });

  it('February has 29 days in a leap year (2028) and 28 otherwise', () => {
    expect(parsePeriod('2028-02')).toMatchObject({ ok: true, period: { from: '2028-02-01', to: '2028-02-29', label: { vi: 'Tháng 2/2028' } } });
    expect(parsePeriod('2026-02')).toMatchObject({ ok: true, period: { to: '2026-02-28' } });
  });

  it('years, single days and custom ranges', () => {
    expect(parsePeriod('2026')).toMatchObject({ ok: true, period: { kind: 'year', from: '2026-01-01', to: '2026-12-31', label: { vi: 'Năm 2026' } } });
    expect(parsePeriod('2026-03-02')).toMatchObject({ ok: true, period: { kind: 'day', from: '2026-03-02', to: '2026-03-02', label: { vi: 'Ngày 02/03/2026' } } });
    expect(parsePeriod('2026-03-01..2026-03-15')).toMatchObject({ ok: true, period: { kind: 'custom', label: { vi: 'Từ ngày 01/03/2026 đến ngày 15/03/2026' } } });
  });

  it('impossible dates and reversed ranges are refused', () => {
    for (const bad of ['2026-13', '2026-02-30', '2026-Q5', '2026-03-15..2026-03-01', 'last month', '']) expect(parsePeriod(bad).ok, bad).toBe(false);
  });

  it('the day before the first of March 2028 is the 29th of February', () => {
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
  });

  it('a period from November to February touches four months across the new year', () => {
    expect(monthsOf({ from: '2025-11-20', to: '2026-02-03' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
