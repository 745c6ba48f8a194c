import { describe, expect, it } from 'vitest';
import { buildCalendar, isWorkingDay, listYearDifferences } from './calendar.js';
import { computeDue } from './deadlines.js';
import { formatIsoLocal } from './local-time.js';
import { PUBLISHED_OVERRIDES } from './published-schedules.js';
import { validateOverrides } from './validate.js';
import type { DayDifference } from './types.js';

function lines(list: DayDifference[]): string[] {
  return list.map((d) => `${d.date} ${d.kind} ${d.name.vi}`);
}

const published = buildCalendar({ overrides: PUBLISHED_OVERRIDES });
const threeDays = { unit: 'workingDays', value: 3 } as const;
const oneDay = { unit: 'workingDays', value: 1 } as const;

describe('the shipped schedules', () => {
  it('are valid override rows', () => {
    expect(validateOverrides(PUBLISHED_OVERRIDES)).toEqual({ ok: true });
  });

  it('2025 lists every day off and the swapped Saturday', () => {
    // New Year Wed 01/01 (computed). Tết break Sat 25/01 – Sun 02/02. Hùng Kings Mon 07/04.
    // Sat 26/04 worked for Fri 02/05; break 30/04 – 04/05. National Day break 30/08 – 02/09.
    const tet = 'Tết Nguyên Đán Ất Tỵ';
    expect(lines(listYearDifferences(published, 2025))).toEqual([
      '2025-01-01 off Tết Dương lịch',
      `2025-01-25 off ${tet}`,
      `2025-01-26 off ${tet}`,
      `2025-01-27 off ${tet}`,
      `2025-01-28 off ${tet}`,
      `2025-01-29 off ${tet}`,
      `2025-01-30 off ${tet}`,
      `2025-01-31 off ${tet}`,
      `2025-02-01 off ${tet}`,
      `2025-02-02 off ${tet}`,
      '2025-04-07 off Giỗ Tổ Hùng Vương',
      '2025-04-26 work Làm bù cho ngày nghỉ thứ Sáu 02/05/2025',
      '2025-04-30 off Ngày Chiến thắng',
      '2025-05-01 off Ngày Quốc tế Lao động',
      '2025-05-02 off Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)',
      '2025-05-03 off Kỳ nghỉ 30/4 – 1/5',
      '2025-05-04 off Kỳ nghỉ 30/4 – 1/5',
      '2025-08-30 off Quốc khánh',
      '2025-08-31 off Quốc khánh',
      '2025-09-01 off Quốc khánh',
      '2025-09-02 off Quốc khánh',
    ]);
  });

  it('2026 has Tết Monday 16/02 – Friday 20/02 and computed days for the rest of the year', () => {
    // Computed: New Year Thu 01/01; Hùng Kings Sun 26/04 → bù Mon 27/04; 30/04 Thu, 01/05
    // Fri; 02/09 Wed → adjacent day Tue 01/09 (tie → the day before).
    const tet = 'Tết Nguyên Đán Bính Ngọ';
    expect(lines(listYearDifferences(published, 2026))).toEqual([
      '2026-01-01 off Tết Dương lịch',
      `2026-02-14 off ${tet}`,
      `2026-02-15 off ${tet}`,
      `2026-02-16 off ${tet}`,
      `2026-02-17 off ${tet}`,
      `2026-02-18 off ${tet}`,
      `2026-02-19 off ${tet}`,
      `2026-02-20 off ${tet}`,
      `2026-02-21 off ${tet}`,
      `2026-02-22 off ${tet}`,
      '2026-04-26 off Giỗ Tổ Hùng Vương',
      '2026-04-27 off Nghỉ bù Giỗ Tổ Hùng Vương',
      '2026-04-30 off Ngày Chiến thắng',
      '2026-05-01 off Ngày Quốc tế Lao động',
      '2026-09-01 off Quốc khánh',
      '2026-09-02 off Quốc khánh',
    ]);
  });

  it('a dossier received Friday 13/02/2026 10:00 with 3 working days is due Wednesday 25/02 10:00, after Tết', () => {
    // Tết 16–20/02 off, weekend 21–22; Mon 23 (1), Tue 24 (2), Wed 25 (3).
    const due = computeDue(published, new Date('2026-02-13T10:00:00+07:00'), threeDays);
    expect(formatIsoLocal(due)).toBe('2026-02-25T10:00:00+07:00');
  });

  it('on Saturday 26/04/2025, the swapped working day, the office counts as open', () => {
    // Fri 25/04 10:00 + 1 working day → Sat 26/04 10:00 (worked, Monday hours).
    expect(isWorkingDay(published, '2025-04-26')).toBe(true);
    const due = computeDue(published, new Date('2025-04-25T10:00:00+07:00'), oneDay);
    expect(formatIsoLocal(due)).toBe('2025-04-26T10:00:00+07:00');
    // Tue 29/04 10:00 + 1 → 30/04–04/05 off → Mon 05/05 10:00.
    expect(formatIsoLocal(computeDue(published, new Date('2025-04-29T10:00:00+07:00'), oneDay))).toBe(
      '2025-05-05T10:00:00+07:00',
    );
  });
});

describe('overrides change results at once', () => {
  it('the 2025 Tết schedule replaces the computed one (28/01–01/02 with Monday 03/02 as compensation)', () => {
    const computed = buildCalendar({ overrides: [] });
    // Computed: Tue 28/01 (last day of Giáp Thìn) – Sat 01/02 (mùng 4) → bù Mon 03/02.
    expect(isWorkingDay(computed, '2025-01-27')).toBe(true);
    expect(isWorkingDay(computed, '2025-02-03')).toBe(false);
    // Published: Mon 27/01 – Fri 31/01; Monday 03/02 is a working day.
    expect(isWorkingDay(published, '2025-01-27')).toBe(false);
    expect(isWorkingDay(published, '2025-02-03')).toBe(true);
    const friday = new Date('2025-01-24T10:00:00+07:00');
    expect(formatIsoLocal(computeDue(computed, friday, oneDay))).toBe('2025-01-27T10:00:00+07:00');
    expect(formatIsoLocal(computeDue(published, friday, oneDay))).toBe('2025-02-03T10:00:00+07:00');
  });

  it('adding one day off moves a due date by one working day', () => {
    // Mon 09/03/2026 10:00 + 3 → Thu 12/03 10:00; with Wed 11/03 off → Fri 13/03 10:00.
    const from = new Date('2026-03-09T10:00:00+07:00');
    expect(formatIsoLocal(computeDue(published, from, threeDays))).toBe('2026-03-12T10:00:00+07:00');
    const withDayOff = buildCalendar({
      overrides: [...PUBLISHED_OVERRIDES, { date: '2026-03-11', kind: 'off', name: { vi: 'Nghỉ đột xuất', en: 'Unplanned day off' } }],
    });
    expect(formatIsoLocal(computeDue(withDayOff, from, threeDays))).toBe('2026-03-13T10:00:00+07:00');
  });
});
