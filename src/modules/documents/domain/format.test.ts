import { describe, expect, it } from 'vitest';
import { lookupAddress } from './build.js';
import { deadlineText, formatDateTime, periodBounds, placeAndDate, upperVi } from './format.js';

describe('dates on forms, read in Vietnam time', () => {
  it('a receipt printed Monday 02/03/2026 09:30 (02:30 UTC) is dated "ngày 02 tháng 3 năm 2026" (Decree 30/2020: no zero before months 3–12)', () => {
    expect(placeAndDate('Đà Nẵng', new Date('2026-03-02T02:30:00Z'))).toBe('Đà Nẵng, ngày 02 tháng 3 năm 2026');
  });

  it('January and February keep their zero: 05/01/2026 → "tháng 01"', () => {
    expect(placeAndDate('Đà Nẵng', new Date('2026-01-05T03:00:00Z'))).toBe('Đà Nẵng, ngày 05 tháng 01 năm 2026');
  });

  it('an instant at 18:00 UTC on 31/12 is already 01/01 01:00 in Da Nang', () => {
    expect(formatDateTime(new Date('2025-12-31T18:00:00Z'))).toBe('01 giờ 00 phút, ngày 01/01/2026');
  });
});

describe('deadlines as the receipt states them', () => {
  it('3 working days → "03 ngày làm việc"; 0.5 working days keeps its decimal comma; same day', () => {
    expect(deadlineText({ unit: 'workingDays', value: 3 }).vi).toBe('03 ngày làm việc');
    expect(deadlineText({ unit: 'workingDays', value: 0.5 }).vi).toBe('0,5 ngày làm việc');
    expect(deadlineText({ unit: 'calendarDays', value: 15 }).vi).toBe('15 ngày');
    expect(deadlineText({ unit: 'sameDay' }).vi).toBe('Trong ngày làm việc');
  });
});

describe('tracking book periods', () => {
  it('01/03–31/03/2026 covers 28/02 17:00 UTC up to 31/03 17:00 UTC (local midnights)', () => {
    expect(periodBounds('2026-03-01', '2026-03-31')).toEqual({ ok: true, fromIso: '2026-02-28T17:00:00.000Z', toIso: '2026-03-31T17:00:00.000Z' });
  });

  it('30/02 is not a date; a period running backwards names "to"; more than a year is refused', () => {
    expect(periodBounds('2026-02-30', '2026-03-01')).toMatchObject({ ok: false, field: 'from' });
    expect(periodBounds('2026-03-02', '2026-03-01')).toMatchObject({ ok: false, field: 'to' });
    expect(periodBounds('2025-01-01', '2026-03-01')).toMatchObject({ ok: false, field: 'to' });
  });
});

describe('headers and the QR address', () => {
  it('agency names go to Vietnamese capitals with their marks', () => {
    expect(upperVi('Ủy ban nhân dân phường Hải Châu')).toBe('ỦY BAN NHÂN DÂN PHƯỜNG HẢI CHÂU');
  });

  it('the QR opens /tra-cuu/<code>?secret=<secret> on the public address, with no double slash', () => {
    expect(lookupAddress('https://dichvucong.danang.gov.vn/', '000.05.50.H17-260302-0001', 'a_b-C')).toBe('https://dichvucong.danang.gov.vn/tra-cuu/000.05.50.H17-260302-0001?secret=a_b-C');
  });
});
