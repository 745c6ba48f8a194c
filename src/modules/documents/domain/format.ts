/**
 * How dates, times and deadlines are written on Vietnamese administrative documents. Pure:
 * every instant is an argument, read in Asia/Ho_Chi_Minh (UTC+7, no daylight saving).
 */
import type { DeadlineRule } from '../../calendar/index.js';

const VN_OFFSET_MS = 7 * 3_600_000;

/** The local (Asia/Ho_Chi_Minh) calendar fields of an instant. */
export function localParts(at: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const l = new Date(at.getTime() + VN_OFFSET_MS);
  return { year: l.getUTCFullYear(), month: l.getUTCMonth() + 1, day: l.getUTCDate(), hour: l.getUTCHours(), minute: l.getUTCMinutes() };
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * The place-and-date line under the national motto (Decree 30/2020/NĐ-CP, Appendix I, on
 * the presentation of administrative documents): days below 10 and the months 1 and 2 get a
 * leading zero, other months do not.
 *
 * @example placeAndDate('Đà Nẵng', new Date('2026-03-02T02:30:00Z')) // 'Đà Nẵng, ngày 02 tháng 3 năm 2026'
 */
export function placeAndDate(place: string, at: Date): string {
  const p = localParts(at);
  const month = p.month <= 2 ? two(p.month) : String(p.month);
  return `${place}, ngày ${two(p.day)} tháng ${month} năm ${p.year}`;
}

/** A local date as `dd/MM/yyyy` (e.g. `05/03/2026`). */
export function formatDate(at: Date): string {
  const p = localParts(at);
  return `${two(p.day)}/${two(p.month)}/${p.year}`;
}

/** A local moment as the forms write it: `09 giờ 30 phút, ngày 05/03/2026`. */
export function formatDateTime(at: Date): string {
  const p = localParts(at);
  return `${two(p.hour)} giờ ${two(p.minute)} phút, ngày ${formatDate(at)}`;
}

/** A local moment in table cells: `05/03/2026 09:30`. */
export function formatShortDateTime(at: Date): string {
  const p = localParts(at);
  return `${formatDate(at)} ${two(p.hour)}:${two(p.minute)}`;
}

/** Formats an optional ISO instant with `format`, or `fallback` when absent. */
export function maybe(iso: string | null | undefined, format: (d: Date) => string, fallback = ''): string {
  return iso ? format(new Date(iso)) : fallback;
}

/**
 * A procedure's deadline as printed on the receipt ("Thời gian giải quyết hồ sơ theo quy
 * định"), from the deadline rule the dossier was received with.
 *
 * @example deadlineText({ unit: 'workingDays', value: 3 }) // { vi: '03 ngày làm việc', en: '3 working days' }
 */
export function deadlineText(rule: DeadlineRule | null): { vi: string; en: string } {
  if (!rule) return { vi: 'Theo quy định của thủ tục', en: 'As the procedure provides' };
  const n = (v: number) => (Number.isInteger(v) && v < 10 ? two(v) : String(v).replace('.', ','));
  switch (rule.unit) {
    case 'workingDays':
      return { vi: `${n(rule.value)} ngày làm việc`, en: `${rule.value} working days` };
    case 'workingHours':
      return { vi: `${n(rule.value)} giờ làm việc`, en: `${rule.value} working hours` };
    case 'calendarDays':
      return { vi: `${n(rule.value)} ngày`, en: `${rule.value} days` };
    case 'sameDay':
      return { vi: 'Trong ngày làm việc', en: 'The same working day' };
  }
}

/** A local date `YYYY-MM-DD` as the ISO instant of its local midnight (Asia/Ho_Chi_Minh). */
export function localMidnightIso(date: string): string {
  return new Date(`${date}T00:00:00+07:00`).toISOString();
}

/**
 * The instants `[from, to)` that a period of local dates `from`–`to` (both included) covers,
 * or an error when a date is not a real date or the period runs backwards or exceeds a year.
 */
export function periodBounds(from: string, to: string): { ok: true; fromIso: string; toIso: string } | { ok: false; field: 'from' | 'to'; message: { vi: string; en: string } } {
  const valid = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  if (!valid(from)) return { ok: false, field: 'from', message: { vi: 'Ngày bắt đầu không hợp lệ (YYYY-MM-DD).', en: 'The start date is not a valid YYYY-MM-DD date.' } };
  if (!valid(to)) return { ok: false, field: 'to', message: { vi: 'Ngày kết thúc không hợp lệ (YYYY-MM-DD).', en: 'The end date is not a valid YYYY-MM-DD date.' } };
  if (to < from) return { ok: false, field: 'to', message: { vi: 'Ngày kết thúc phải không trước ngày bắt đầu.', en: 'The end date must not be before the start date.' } };
  const fromIso = localMidnightIso(from);
  const toIso = new Date(Date.parse(localMidnightIso(to)) + 86_400_000).toISOString();
  if (Date.parse(toIso) - Date.parse(fromIso) > 366 * 86_400_000) {
    return { ok: false, field: 'to', message: { vi: 'Mỗi lần in sổ tối đa một năm.', en: 'A tracking book covers at most one year.' } };
  }
  return { ok: true, fromIso, toIso };
}

/** Vietnamese upper case for agency names in headers (`Ủy ban` → `ỦY BAN`). */
export function upperVi(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('vi');
}
