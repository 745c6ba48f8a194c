/**
 * Vietnam's public holidays for one year: the statutory list of Labour Code 2019 art. 112(1),
 * the lunar ones computed with the Vietnamese lunar calendar (UTC+7), weekend compensation
 * (art. 111(3)), and the per-year override table published by the government.
 */
import { getLunarDate, getSolarDate } from '@dqcai/vn-lunar';
import { daysFromCivil, formatDay, weekdayOf } from './local-time.js';
import type { Bilingual, CalendarOverride, HolidayGroup, IsoDate } from './types.js';

/** Official names of the statutory holidays (Labour Code 2019, art. 112(1)). */
export const HOLIDAY_NAMES: Readonly<Record<HolidayGroup, Bilingual>> = {
  newYear: { vi: 'Tết Dương lịch', en: "New Year's Day" },
  tet: { vi: 'Tết Nguyên Đán', en: 'Lunar New Year (Tết)' },
  hungKings: { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration Day" },
  victoryDay: { vi: 'Ngày Chiến thắng', en: 'Reunification Day' },
  labourDay: { vi: 'Ngày Quốc tế Lao động', en: 'International Labour Day' },
  nationalDay: { vi: 'Quốc khánh', en: 'National Day' },
};

/** An override row with its date already parsed to a local day number. */
export interface ParsedOverride {
  day: number;
  kind: CalendarOverride['kind'];
  name: Bilingual;
  replaces: HolidayGroup | undefined;
}

/** What the national calendar says about one date that is not a plain weekday/weekend. */
export interface DayNote {
  kind: 'off' | 'work';
  name: Bilingual;
}

/** Day number of a Vietnamese lunar date (non-leap month), converted by `@dqcai/vn-lunar`. */
function lunarToDay(day: number, month: number, lunarYear: number): number {
  const s = getSolarDate(day, month, lunarYear, false);
  const result = daysFromCivil(s.year, s.month, s.day);
  // The library does not validate its input; read the answer back so a wrong conversion
  // fails loudly instead of moving a holiday.
  const back = getLunarDate(s.day, s.month, s.year);
  if (back.day !== day || back.month !== month || back.year !== lunarYear || back.leap) {
    throw new RangeError(`vn-lunar: cannot place lunar ${day}/${month}/${lunarYear}`);
  }
  return result;
}

/** Day number of Tết (1st day of the 1st lunar month) falling in Gregorian `year`. */
export function lunarNewYearDayNumber(year: number): number {
  return lunarToDay(1, 1, year);
}

/** Day number of Hùng Kings' day (10th day of the 3rd lunar month) in Gregorian `year`. */
export function hungKingsDayNumber(year: number): number {
  return lunarToDay(10, 3, year);
}

/**
 * Tết Nguyên Đán of a year, e.g. `lunarNewYear(2026) === '2026-02-17'` (Vietnamese lunar
 * calendar for UTC+7; Labour Code 2019 art. 112(1)(b)).
 */
export function lunarNewYear(year: number): IsoDate {
  return formatDay(lunarNewYearDayNumber(year));
}

/**
 * Giỗ Tổ Hùng Vương (10/3 lunar) of a year, e.g. `hungKingsDay(2025) === '2025-04-07'`
 * (Labour Code 2019 art. 112(1)(e)).
 */
export function hungKingsDay(year: number): IsoDate {
  return formatDay(hungKingsDayNumber(year));
}

/**
 * The day adjacent to 2 September that joins National Day (Labour Code 2019 art. 112(1)(đ):
 * "02/9 and one adjacent day before or after"; the Prime Minister picks it each year).
 *
 * Default: the adjacent day that is a weekday, preferring the one that joins the break to a
 * weekend; when both qualify equally (2/9 on a Wednesday) the day before. This reproduces
 * every decision since the rule began: 2021 (Thu → 3/9), 2022 (Fri → 1/9), 2023 (Sat → 1/9),
 * 2024 (Mon → 3/9), 2025 (Tue → 1/9).
 */
function nationalDayAdjacent(sept2: number): number {
  switch (weekdayOf(sept2)) {
    case 1: // Monday: 1/9 is a Sunday, take Tuesday 3/9.
    case 4: // Thursday: Friday 3/9 makes a long weekend.
    case 0: // Sunday: Monday 3/9 (2/9 itself is then compensated on Tuesday 4/9).
      return sept2 + 1;
    default: // Tue (Monday 1/9), Wed (tie → day before), Fri (Thu 1/9), Sat (Fri 1/9).
      return sept2 - 1;
  }
}

/**
 * The computed placement of every statutory holiday of a year (before compensation).
 *
 * Tết default (used only when the year has no `replaces: 'tet'` rows): the last day of the
 * old lunar year plus the 1st–4th days of the new one, i.e. the five days of art. 112(1)(b)
 * in the "1 day before, 4 days after" shape the labour ministry proposes every year (2022 and
 * 2026 were exactly this); weekend days among them are compensated on the next working days
 * after the break, which is the only placement the law itself states (art. 111(3)). Real
 * schedules sometimes move a compensation day before the break instead (2025: off from 28
 * Chạp); the number of working days lost is the same, and published rows replace the default.
 */
function statutoryHolidays(year: number): Array<{ day: number; group: HolidayGroup }> {
  const tet = lunarNewYearDayNumber(year);
  const sept2 = daysFromCivil(year, 9, 2);
  return [
    { day: daysFromCivil(year, 1, 1), group: 'newYear' },
    { day: tet - 1, group: 'tet' },
    { day: tet, group: 'tet' },
    { day: tet + 1, group: 'tet' },
    { day: tet + 2, group: 'tet' },
    { day: tet + 3, group: 'tet' },
    { day: hungKingsDayNumber(year), group: 'hungKings' },
    { day: daysFromCivil(year, 4, 30), group: 'victoryDay' },
    { day: daysFromCivil(year, 5, 1), group: 'labourDay' },
    { day: sept2, group: 'nationalDay' },
    { day: nationalDayAdjacent(sept2), group: 'nationalDay' },
  ];
}

function isWeekend(day: number): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

function compensationName(name: Bilingual): Bilingual {
  return { vi: `Nghỉ bù ${name.vi}`, en: `Compensatory day off for ${name.en}` };
}

/**
 * The national calendar of one Gregorian year: every date that is a day off or an extra
 * working day, keyed by day number. Weekends without a holiday are not included.
 *
 * Order of rules: computed statutory holidays (groups without published rows for that
 * year) → weekend compensation on the next weekday that is not already off, chaining
 * (Labour Code 2019 art. 111(3)) → override rows of the year, which win over the computed
 * result. The previous year is computed too because a compensation can spill into January.
 * Two holidays on the same date give one day off and at most one compensation day (the law
 * is silent; no such coincidence occurs between the statutory dates in 2000–2199 except by
 * override).
 *
 * @param rowsOfYear override rows whose date lies in the given year
 */
export function nationalYear(year: number, rowsOfYear: (y: number) => readonly ParsedOverride[]): Map<number, DayNote> {
  const off = new Map<number, Bilingual>();
  const compensable = new Map<number, Bilingual>();
  for (const y of [year - 1, year]) {
    const rows = rowsOfYear(y);
    const published = new Set<HolidayGroup>();
    for (const r of rows) if (r.replaces !== undefined) published.add(r.replaces);
    for (const h of statutoryHolidays(y)) {
      if (published.has(h.group) || off.has(h.day)) continue;
      off.set(h.day, HOLIDAY_NAMES[h.group]);
      compensable.set(h.day, HOLIDAY_NAMES[h.group]);
    }
    for (const r of rows) {
      if (r.kind === 'work') continue;
      off.set(r.day, r.name);
      if (r.kind === 'holiday' && r.replaces === undefined && !compensable.has(r.day)) compensable.set(r.day, r.name);
    }
  }
  const compensation = new Map<number, Bilingual>();
  const events = [...compensable.entries()].sort((a, b) => a[0] - b[0]);
  for (const [day, name] of events) {
    if (!isWeekend(day)) continue;
    let d = day + 1;
    while (isWeekend(d) || off.has(d) || compensation.has(d)) d += 1;
    compensation.set(d, compensationName(name));
  }
  const first = daysFromCivil(year, 1, 1);
  const end = daysFromCivil(year + 1, 1, 1);
  const result = new Map<number, DayNote>();
  const inYear = (d: number): boolean => d >= first && d < end;
  for (const [d, name] of off) if (inYear(d)) result.set(d, { kind: 'off', name });
  for (const [d, name] of compensation) if (inYear(d) && !result.has(d)) result.set(d, { kind: 'off', name });
  // Published rows are the last word for their dates; an `off` row beats a `work` row on the
  // same date (validation reports such a conflict; failing safe gives the citizen more time).
  const rows = rowsOfYear(year);
  for (const r of rows) if (r.kind === 'work') result.set(r.day, { kind: 'work', name: r.name });
  for (const r of rows) if (r.kind !== 'work') result.set(r.day, { kind: 'off', name: r.name });
  return result;
}
