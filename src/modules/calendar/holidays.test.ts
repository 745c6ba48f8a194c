import { describe, expect, it } from 'vitest';
import { buildCalendar, isWorkingDay, listYearDifferences } from './calendar.js';
import { hungKingsDay, lunarNewYear } from './holidays.js';
import type { CalendarOverride, DayDifference } from './types.js';

/** `YYYY-MM-DD kind vi-name` lines, the way the CLI prints them, to compare whole years at once. */
function lines(list: DayDifference[]): string[] {
  return list.map((d) => `${d.date} ${d.kind} ${d.name.vi}`);
}

const computedOnly = buildCalendar({ overrides: [] });

describe('lunar holidays come from the Vietnamese lunar calendar (UTC+7)', () => {
  it('places Tết day 1 on the published dates for 2025–2029', () => {
    expect(lunarNewYear(2025)).toBe('2025-01-29');
    expect(lunarNewYear(2026)).toBe('2026-02-17');
    expect(lunarNewYear(2027)).toBe('2027-02-06');
    expect(lunarNewYear(2028)).toBe('2028-01-26');
    expect(lunarNewYear(2029)).toBe('2029-02-13');
  });

  it('places Tết 2030 on 2 February, one day before the Chinese New Year', () => {
    // The brief listed 2030-02-03, which is the Chinese date. The new moon of that month
    // falls on 2030-02-02 at about 16:07 UTC (Meeus, ch. 49): 23:07 on 2 February in
    // Vietnam (UTC+7) but 00:07 on 3 February in China (UTC+8). The Vietnamese calendar
    // therefore starts the year on 2 February, like 2007 (17/02 in Vietnam, 18/02 in China).
    expect(lunarNewYear(2030)).toBe('2030-02-02');
    expect(lunarNewYear(2007)).toBe('2007-02-17');
  });

  it("places Hùng Kings' day (10/3 lunar) on the published dates for 2025–2030", () => {
    expect(hungKingsDay(2025)).toBe('2025-04-07');
    expect(hungKingsDay(2026)).toBe('2026-04-26');
    expect(hungKingsDay(2027)).toBe('2027-04-16');
    expect(hungKingsDay(2028)).toBe('2028-04-04');
    expect(hungKingsDay(2029)).toBe('2029-04-23');
    expect(hungKingsDay(2030)).toBe('2030-04-12');
  });
});

describe('computed holidays and weekend compensation (no published schedule)', () => {
  it('2028: New Year on a Saturday, Tết over a Saturday, 30/4 on a Sunday chaining past 1/5, 2/9 on a Saturday', () => {
    // 01/01 Sat → bù Mon 03/01. Tết Wed 26/01: Tue 25 (last day of the year) – Sat 29/01
    // (mùng 4) → bù Mon 31/01. Hùng Kings Tue 04/04. 30/04 Sun → Mon 01/05 is itself a
    // holiday → bù Tue 02/05. 02/09 Sat → adjacent day Fri 01/09; 02/09 → bù Mon 04/09.
    expect(lines(listYearDifferences(computedOnly, 2028))).toEqual([
      '2028-01-01 off Tết Dương lịch',
      '2028-01-03 off Nghỉ bù Tết Dương lịch',
      '2028-01-25 off Tết Nguyên Đán',
      '2028-01-26 off Tết Nguyên Đán',
      '2028-01-27 off Tết Nguyên Đán',
      '2028-01-28 off Tết Nguyên Đán',
      '2028-01-29 off Tết Nguyên Đán',
      '2028-01-31 off Nghỉ bù Tết Nguyên Đán',
      '2028-04-04 off Giỗ Tổ Hùng Vương',
      '2028-04-30 off Ngày Chiến thắng',
      '2028-05-01 off Ngày Quốc tế Lao động',
      '2028-05-02 off Nghỉ bù Ngày Chiến thắng',
      '2028-09-01 off Quốc khánh',
      '2028-09-02 off Quốc khánh',
      '2028-09-04 off Nghỉ bù Quốc khánh',
    ]);
  });

  it('2027: Tết on a Saturday gives two compensatory days after the break; 1/5 on a Saturday gives Monday 3/5', () => {
    // Tết Sat 06/02: Fri 05/02 – Tue 09/02; Sat 06 → Wed 10, Sun 07 → Thu 11.
    // 02/09 Thu → Fri 03/09 joins the weekend.
    expect(lines(listYearDifferences(computedOnly, 2027))).toEqual([
      '2027-01-01 off Tết Dương lịch',
      '2027-02-05 off Tết Nguyên Đán',
      '2027-02-06 off Tết Nguyên Đán',
      '2027-02-07 off Tết Nguyên Đán',
      '2027-02-08 off Tết Nguyên Đán',
      '2027-02-09 off Tết Nguyên Đán',
      '2027-02-10 off Nghỉ bù Tết Nguyên Đán',
      '2027-02-11 off Nghỉ bù Tết Nguyên Đán',
      '2027-04-16 off Giỗ Tổ Hùng Vương',
      '2027-04-30 off Ngày Chiến thắng',
      '2027-05-01 off Ngày Quốc tế Lao động',
      '2027-05-03 off Nghỉ bù Ngày Quốc tế Lao động',
      '2027-09-02 off Quốc khánh',
      '2027-09-03 off Quốc khánh',
    ]);
  });

  it('2029: National Day on a Sunday takes Monday 3/9 and is compensated on Tuesday 4/9', () => {
    const sept = listYearDifferences(computedOnly, 2029).filter((d) => d.date.startsWith('2029-09'));
    expect(lines(sept)).toEqual([
      '2029-09-02 off Quốc khánh',
      '2029-09-03 off Quốc khánh',
      '2029-09-04 off Nghỉ bù Quốc khánh',
    ]);
  });

  it('2029: Tết on a Tuesday is five weekdays, Monday 12 to Friday 16 February', () => {
    const feb = listYearDifferences(computedOnly, 2029).filter((d) => d.date.startsWith('2029-02'));
    expect(feb.map((d) => d.date)).toEqual(['2029-02-12', '2029-02-13', '2029-02-14', '2029-02-15', '2029-02-16']);
  });

  it('2030: Tết on Saturday 2 February runs Friday 1 to Tuesday 5, compensated Wednesday 6 and Thursday 7', () => {
    const tet = listYearDifferences(computedOnly, 2030).filter((d) => d.date.startsWith('2030-02'));
    expect(tet.map((d) => `${d.date} ${d.kind}`)).toEqual([
      '2030-02-01 off',
      '2030-02-02 off',
      '2030-02-03 off',
      '2030-02-04 off',
      '2030-02-05 off',
      '2030-02-06 off',
      '2030-02-07 off',
    ]);
  });

  it("2026: Hùng Kings' day on Sunday 26/04 is compensated on Monday 27/04", () => {
    expect(isWorkingDay(computedOnly, '2026-04-27')).toBe(false);
    expect(isWorkingDay(computedOnly, '2026-04-28')).toBe(true);
  });
});

describe('override rows', () => {
  it('a new holiday on a Saturday (Vietnamese Culture Day 24/11/2029) is compensated on Monday 26/11', () => {
    const culture: CalendarOverride = {
      date: '2029-11-24',
      kind: 'holiday',
      name: { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnamese Culture Day' },
    };
    const cal = buildCalendar({ overrides: [culture] });
    expect(lines(listYearDifferences(cal, 2029).filter((d) => d.date.startsWith('2029-11')))).toEqual([
      '2029-11-24 off Ngày Văn hóa Việt Nam',
      '2029-11-26 off Nghỉ bù Ngày Văn hóa Việt Nam',
    ]);
  });

  it('an `off` row on a weekend is never compensated (it is already a published schedule)', () => {
    const cal = buildCalendar({ overrides: [{ date: '2029-11-24', kind: 'off', name: { vi: 'Nghỉ', en: 'Off' } }] });
    expect(isWorkingDay(cal, '2029-11-26')).toBe(true);
  });

  it('a compensation spills into the next year: a holiday on Sunday 31/12/2028 → Tuesday 2/1/2029 (Monday is New Year)', () => {
    const cal = buildCalendar({
      overrides: [{ date: '2028-12-31', kind: 'holiday', name: { vi: 'Ngày lễ mới', en: 'New holiday' } }],
    });
    const jan = listYearDifferences(cal, 2029).filter((d) => d.date.startsWith('2029-01'));
    expect(lines(jan)).toEqual(['2029-01-01 off Tết Dương lịch', '2029-01-02 off Nghỉ bù Ngày lễ mới']);
  });

  it('published rows for a group replace its computed placement and compensation for that year only', () => {
    // The government moves National Day 2028 to Fri 01/09 + Mon 04/09 itself: the computed
    // placement (01/09, 02/09, bù 04/09) gives way; 2027 keeps its computed days.
    const cal = buildCalendar({
      overrides: [
        { date: '2028-09-01', kind: 'off', name: { vi: 'Quốc khánh', en: 'National Day' }, replaces: 'nationalDay' },
        { date: '2028-09-04', kind: 'off', name: { vi: 'Quốc khánh', en: 'National Day' }, replaces: 'nationalDay' },
      ],
    });
    const sept = listYearDifferences(cal, 2028).filter((d) => d.date.startsWith('2028-09'));
    expect(sept.map((d) => d.date)).toEqual(['2028-09-01', '2028-09-04']);
    expect(isWorkingDay(cal, '2027-09-03')).toBe(false);
  });

  it('a `work` row turns a Saturday into a full working day', () => {
    const cal = buildCalendar({
      overrides: [{ date: '2027-01-09', kind: 'work', name: { vi: 'Làm bù', en: 'Make-up day' } }],
    });
    expect(isWorkingDay(cal, '2027-01-09')).toBe(true);
    expect(lines(listYearDifferences(cal, 2027)).slice(0, 2)).toEqual([
      '2027-01-01 off Tết Dương lịch',
      '2027-01-09 work Làm bù',
    ]);
  });
});
