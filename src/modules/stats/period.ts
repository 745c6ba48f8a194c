/**
 * Reporting periods (kỳ báo cáo): a day, month, quarter, year or custom range of local
 * (Asia/Ho_Chi_Minh) calendar days. Pure.
 */
import type { Bilingual } from '../../platform/errors.js';

/** A closed range of local days `YYYY-MM-DD`, with its kind and a label for reports. */
export interface Period {
  kind: 'day' | 'month' | 'quarter' | 'year' | 'custom';
  from: string;
  to: string;
  label: Bilingual;
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; error: { code: 'INVALID_PERIOD'; message: Bilingual } };

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1900 && y <= 2199 && mo >= 1 && mo <= 12 && d >= 1 && d <= lastDayOfMonth(y, mo);
}

const vnDate = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/**
 * Parses a period: `2026` (year), `2026-Q1` (quarter), `2026-03` (month), `2026-03-02` (day)
 * or `2026-03-01..2026-03-15` (custom, both days included).
 *
 * @example parsePeriod('2026-Q2') // { ok: true, period: { kind: 'quarter', from: '2026-04-01', to: '2026-06-30', … } }
 */
export function parsePeriod(text: string): PeriodResult {
  const bad = (): PeriodResult => ({
    ok: false,
    error: { code: 'INVALID_PERIOD', message: { vi: `Kỳ báo cáo "${text}" không hợp lệ (ví dụ: 2026, 2026-Q1, 2026-03, 2026-03-02, 2026-03-01..2026-03-15).`, en: `Invalid period "${text}" (e.g. 2026, 2026-Q1, 2026-03, 2026-03-02, 2026-03-01..2026-03-15).` } },
  });
  const s = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(s))) {
    const y = Number(m[1]);
    if (y < 1900 || y > 2199) return bad();
    return { ok: true, period: { kind: 'year', from: `${y}-01-01`, to: `${y}-12-31`, label: { vi: `Năm ${y}`, en: `Year ${y}` } } };
  }
  if ((m = /^(\d{4})-Q([1-4])$/i.exec(s))) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    if (y < 1900 || y > 2199) return bad();
    const endMonth = q * 3;
    return { ok: true, period: { kind: 'quarter', from: `${y}-${pad(endMonth - 2)}-01`, to: `${y}-${pad(endMonth)}-${pad(lastDayOfMonth(y, endMonth))}`, label: { vi: `Quý ${q} năm ${y}`, en: `Q${q} ${y}` } } };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(s))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (!validDay(`${s}-01`)) return bad();
    return { ok: true, period: { kind: 'month', from: `${s}-01`, to: `${s}-${pad(lastDayOfMonth(y, mo))}`, label: { vi: `Tháng ${mo}/${y}`, en: `${y}-${pad(mo)}` } } };
  }
  if (validDay(s)) return { ok: true, period: { kind: 'day', from: s, to: s, label: { vi: `Ngày ${vnDate(s)}`, en: s } } };
  if ((m = /^(\S+)\.\.(\S+)$/.exec(s))) {
    const [from, to] = [m[1] ?? '', m[2] ?? ''];
    if (!validDay(from) || !validDay(to) || from > to) return bad();
    return { ok: true, period: { kind: 'custom', from, to, label: { vi: `Từ ngày ${vnDate(from)} đến ngày ${vnDate(to)}`, en: `${from} to ${to}` } } };
  }
  return bad();
}

/** The day before a local day `YYYY-MM-DD`. */
export function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** The months `YYYY-MM` a period touches, in order (for trends). */
export function monthsOf(period: Pick<Period, 'from' | 'to'>): string[] {
  const out: string[] = [];
  let [y, m] = [Number(period.from.slice(0, 4)), Number(period.from.slice(5, 7))];
  const end = period.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${pad(m)}`;
    out.push(key);
    if (key >= end) return out;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}
