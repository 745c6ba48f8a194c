/**
 * The government's published holiday schedules for civil servants, as override rows (seed
 * data for the override table; admins add later years through the API). Weekend days inside
 * an announced break are listed too: they are off for everyone anyway, but a desk that
 * normally opens on Saturday mornings must stay closed on them (e.g. mùng 4 Tết 2025 was a
 * Saturday).
 *
 * Rules with `replaces` supersede the computed placement of that holiday group for the year,
 * compensation included (see `CalendarOverride`).
 */
import type { Bilingual, CalendarOverride } from './types.js';

const TET_2025: Bilingual = { vi: 'Tết Nguyên Đán Ất Tỵ', en: 'Lunar New Year (Tết) 2025' };
const TET_2026: Bilingual = { vi: 'Tết Nguyên Đán Bính Ngọ', en: 'Lunar New Year (Tết) 2026' };
const HUNG_KINGS: Bilingual = { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration Day" };
const VICTORY: Bilingual = { vi: 'Ngày Chiến thắng', en: 'Reunification Day' };
const LABOUR: Bilingual = { vi: 'Ngày Quốc tế Lao động', en: 'International Labour Day' };
const NATIONAL: Bilingual = { vi: 'Quốc khánh', en: 'National Day' };
const BREAK_30_4: Bilingual = { vi: 'Kỳ nghỉ 30/4 – 1/5', en: '30 April – 1 May break' };

/**
 * 2025. Tết: break Saturday 25/01 – Sunday 02/02 (26 Chạp Giáp Thìn – mùng 5 Ất Tỵ), i.e.
 * Monday 27/01 – Friday 31/01 off; the compensation for mùng 4 (Saturday 01/02) is taken
 * before the break, not after. Hùng Kings Monday 07/04. 30/04 (Wed), 01/05 (Thu) and Friday
 * 02/05 off, Saturday 26/04 worked in exchange (break 30/04–04/05). National Day Monday
 * 01/09 and Tuesday 02/09 (break 30/08–02/09).
 */
export const OVERRIDES_2025: readonly CalendarOverride[] = [
  { date: '2025-01-25', kind: 'off', name: TET_2025, replaces: 'tet' },
  { date: '2025-01-26', kind: 'off', name: TET_2025, replaces: 'tet' },
  { date: '2025-01-27', kind: 'off', name: TET_2025, replaces: 'tet' },
  { date: '2025-01-28', kind: 'off', name: TET_2025, replaces: 'tet' },
  { date: '2025-01-29', kind: 'off', name: TET_2025, replaces: 'tet' },
  { date: '2025-01-30', kind: 'off', name: TET_2025, replaces: 'tet' },
  { date: '2025-01-31', kind: 'off', name: TET_2025, replaces: 'tet' },
  { date: '2025-02-01', kind: 'off', name: TET_2025, replaces: 'tet' },
  { date: '2025-02-02', kind: 'off', name: TET_2025, replaces: 'tet' },
  { date: '2025-04-07', kind: 'off', name: HUNG_KINGS, replaces: 'hungKings' },
  {
    date: '2025-04-26',
    kind: 'work',
    name: { vi: 'Làm bù cho ngày nghỉ thứ Sáu 02/05/2025', en: 'Make-up working day for Friday 02/05/2025' },
  },
  { date: '2025-04-30', kind: 'off', name: VICTORY, replaces: 'victoryDay' },
  { date: '2025-05-01', kind: 'off', name: LABOUR, replaces: 'labourDay' },
  {
    date: '2025-05-02',
    kind: 'off',
    name: { vi: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)', en: 'Swapped day off (worked on Saturday 26/04/2025)' },
  },
  { date: '2025-05-03', kind: 'off', name: BREAK_30_4 },
  { date: '2025-05-04', kind: 'off', name: BREAK_30_4 },
  { date: '2025-08-30', kind: 'off', name: NATIONAL, replaces: 'nationalDay' },
  { date: '2025-08-31', kind: 'off', name: NATIONAL, replaces: 'nationalDay' },
  { date: '2025-09-01', kind: 'off', name: NATIONAL, replaces: 'nationalDay' },
  { date: '2025-09-02', kind: 'off', name: NATIONAL, replaces: 'nationalDay' },
];

/**
 * 2026. Tết: break Saturday 14/02 – Sunday 22/02 (27 Chạp Ất Tỵ – mùng 6 Bính Ngọ), i.e.
 * Monday 16/02 – Friday 20/02 off. Other 2026 holidays use the computed defaults until their
 * schedules are entered.
 */
export const OVERRIDES_2026: readonly CalendarOverride[] = [
  { date: '2026-02-14', kind: 'off', name: TET_2026, replaces: 'tet' },
  { date: '2026-02-15', kind: 'off', name: TET_2026, replaces: 'tet' },
  { date: '2026-02-16', kind: 'off', name: TET_2026, replaces: 'tet' },
  { date: '2026-02-17', kind: 'off', name: TET_2026, replaces: 'tet' },
  { date: '2026-02-18', kind: 'off', name: TET_2026, replaces: 'tet' },
  { date: '2026-02-19', kind: 'off', name: TET_2026, replaces: 'tet' },
  { date: '2026-02-20', kind: 'off', name: TET_2026, replaces: 'tet' },
  { date: '2026-02-21', kind: 'off', name: TET_2026, replaces: 'tet' },
  { date: '2026-02-22', kind: 'off', name: TET_2026, replaces: 'tet' },
];

/** Every published schedule shipped with the system, oldest first (the seed of the override table). */
export const PUBLISHED_OVERRIDES: readonly CalendarOverride[] = [...OVERRIDES_2025, ...OVERRIDES_2026];
