/**
 * Calendar-date helpers for `YYYY-MM-DD` strings. Registry dates (birth dates, validity of
 * administrative units) are civil dates without a time or zone, so they are kept as ISO
 * strings, which also compare correctly as plain strings.
 */

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month of the Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * True when `value` is a real calendar date written `YYYY-MM-DD`.
 *
 * @example isIsoDate('2024-02-29') // true; isIsoDate('2025-02-29') // false
 */
export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/**
 * The date `days` days after (or before, when negative) an ISO date.
 *
 * @example addDays('2025-06-30', 1) // '2025-07-01'
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  // Date.UTC with explicit fields is pure arithmetic: no clock, no local time zone.
  const t = Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days);
  return new Date(t).toISOString().slice(0, 10);
}
