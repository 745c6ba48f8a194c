/**
 * Local time of Asia/Ho_Chi_Minh as plain integer arithmetic.
 *
 * The whole of Vietnam has kept UTC+7 with no daylight saving since 1975, so a fixed +07:00
 * offset is exact for every date this system handles (dossiers, holidays from 2000 on) and is
 * much faster than going through Intl time-zone data. Dates are
 * handled as "day numbers": whole days since 1970-01-01 in local time.
 */
import type { CalendarError, IsoDate, ParseResult } from './types.js';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
/** +07:00 in milliseconds. */
export const OFFSET_MS = 7 * 3_600_000;

/** Local day number (days since 1970-01-01 in UTC+7) of a UTC instant in ms. */
export function dayOf(utcMs: number): number {
  return Math.floor((utcMs + OFFSET_MS) / MS_PER_DAY);
}

/** Milliseconds since local midnight of a UTC instant in ms. */
export function timeOfDay(utcMs: number): number {
  const local = utcMs + OFFSET_MS;
  return local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY;
}

/** UTC ms of a local day number plus milliseconds since local midnight. */
export function instantOf(day: number, msOfDay: number): number {
  return day * MS_PER_DAY + msOfDay - OFFSET_MS;
}

/** Day of the week of a local day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  const w = (day + 4) % 7;
  return w < 0 ? w + 7 : w;
}

/** Day number of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month (1–12) and day of a day number (H. Hinnant's civil_from_days). */
export function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Year of a day number, without allocating (used on hot paths). */
export function yearOfDay(dayNumber: number): number {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  // Days 306+ of the March-based year are January and February of the next civil year.
  return yoe + era * 400 + (doy >= 306 ? 1 : 0);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(dayNumber: number): IsoDate {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

function invalid(code: CalendarError['code'], vi: string, en: string): { ok: false; error: CalendarError } {
  return { ok: false, error: { code, message: { vi, en } } };
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses a strict `YYYY-MM-DD` date into a local day number; rejects impossible dates such as
 * 2025-02-29.
 */
export function parseIsoDate(s: string): ParseResult<number> {
  const m = DATE_RE.exec(s);
  if (m === null) return invalid('INVALID_DATE', `Ngày không hợp lệ: "${s}" (cần dạng YYYY-MM-DD)`, `Invalid date "${s}" (expected YYYY-MM-DD)`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return invalid('INVALID_DATE', `Ngày không tồn tại: ${s}`, `No such date: ${s}`);
  }
  return { ok: true, value: daysFromCivil(year, month, day) };
}

/**
 * Formats an instant as ISO-8601 in Asia/Ho_Chi_Minh with an explicit `+07:00` offset, e.g.
 * `2026-02-25T10:00:00+07:00`; milliseconds are written only when not zero.
 */
export function formatIsoLocal(d: Date): string {
  const t = d.getTime();
  if (Number.isNaN(t)) throw new RangeError('formatIsoLocal: invalid Date');
  const day = dayOf(t);
  const tod = timeOfDay(t);
  const h = Math.floor(tod / 3_600_000);
  const mi = Math.floor((tod % 3_600_000) / MS_PER_MINUTE);
  const s = Math.floor((tod % MS_PER_MINUTE) / 1000);
  const ms = tod % 1000;
  const frac = ms === 0 ? '' : `.${pad(ms, 3)}`;
  return `${formatDay(day)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${frac}+07:00`;
}

const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Parses an ISO-8601 / RFC 3339 date-time that carries an explicit offset (`Z` or `±HH:MM`).
 * A string without an offset is rejected with `MISSING_OFFSET`: guessing the zone of a
 * deadline is how dossiers end up seven hours late.
 */
export function parseIsoWithOffset(s: string): ParseResult<Date> {
  const m = DATETIME_RE.exec(s);
  const bad = (): { ok: false; error: CalendarError } =>
    invalid('INVALID_DATETIME', `Thời điểm không hợp lệ: "${s}"`, `Invalid date-time "${s}"`);
  if (m === null) return bad();
  const [, ys, mos, ds, hs, mis, ss, fs, zone] = m;
  if (zone === undefined) {
    return invalid(
      'MISSING_OFFSET',
      `Thời điểm "${s}" thiếu múi giờ (ví dụ +07:00)`,
      `Date-time "${s}" has no offset (e.g. +07:00)`,
    );
  }
  const date = parseIsoDate(`${ys}-${mos}-${ds}`);
  if (!date.ok) return bad();
  const h = Number(hs);
  const mi = Number(mis);
  const sec = ss === undefined ? 0 : Number(ss);
  if (h > 23 || mi > 59 || sec > 59) return bad();
  let offsetMin = 0;
  if (zone !== 'Z') {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return bad();
    offsetMin = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  // Sub-millisecond digits cannot be represented by Date and are truncated.
  const ms = fs === undefined ? 0 : Number(fs.slice(0, 3).padEnd(3, '0'));
  const utc = date.value * MS_PER_DAY + ((h * 60 + mi - offsetMin) * 60 + sec) * 1000 + ms;
  return { ok: true, value: new Date(utc) };
}

/** Minutes since midnight of `HH:MM` (e.g. `parseHm('07:30') === 450`), or undefined if malformed. */
export function parseHm(s: string): number | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(s);
  if (m === null) return undefined;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  if (mi > 59 || h > 24 || (h === 24 && mi !== 0)) return undefined;
  return h * 60 + mi;
}

/** `HH:MM` of minutes since midnight (e.g. `formatHm(450) === '07:30'`). */
export function formatHm(minutes: number): string {
  return `${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}`;
}
