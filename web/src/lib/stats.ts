/**
 * Helpers of the statistics screens: reporting periods as the API writes them (`2026`,
 * `2026-Q1`, `2026-03`, `a..b`), who may open the statistics, the drill-down indicators,
 * the addresses of lists and exports, and number formats. Pure: "today" is always passed in.
 */
import type { Lang } from '../i18n';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

/** A period picked on screen, with the range of local days it covers. */
export interface PickedPeriod {
  kind: PeriodKind;
  /** The text the API takes as `period`. */
  text: string;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day (28–31) of a month; `month` is 1–12. */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= lastDayOfMonth(y, mo);
}

/**
 * Reads a period text the way the server does (`src/modules/stats/period.ts`); a single day
 * counts as a custom range of one day. Undefined when malformed.
 */
export function parsePeriodText(text: string): PickedPeriod | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(text))) return { kind: 'year', text, from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  if ((m = /^(\d{4})-Q([1-4])$/.exec(text))) {
    const y = Number(m[1]);
    const end = Number(m[2]) * 3;
    return { kind: 'quarter', text, from: `${y}-${pad(end - 2)}-01`, to: `${y}-${pad(end)}-${pad(lastDayOfMonth(y, end))}` };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(text))) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return undefined;
    return { kind: 'month', text, from: `${text}-01`, to: `${text}-${pad(lastDayOfMonth(y, mo))}` };
  }
  if (validDay(text)) return { kind: 'custom', text, from: text, to: text };
  if ((m = /^(\S+)\.\.(\S+)$/.exec(text))) {
    const [from, to] = [m[1] ?? '', m[2] ?? ''];
    if (!validDay(from) || !validDay(to) || from > to) return undefined;
    return { kind: 'custom', text, from, to };
  }
  return undefined;
}

/** Switches a period to another kind around its first day (month → that month's quarter, …). */
export function convertPeriod(p: PickedPeriod, kind: PeriodKind): PickedPeriod {
  const y = p.from.slice(0, 4);
  const mo = Number(p.from.slice(5, 7));
  const text = kind === 'year' ? y : kind === 'quarter' ? `${y}-Q${Math.ceil(mo / 3)}` : kind === 'month' ? p.from.slice(0, 7) : `${p.from}..${p.to}`;
  // The texts built above are always well formed.
  return parsePeriodText(text) ?? p;
}

/** The months `YYYY-MM` a range of days touches, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const end = to.slice(0, 7);
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${y}-${pad(m)}`;
    out.push(key);
    if (key >= end) break;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/**
 * The range the monthly trend covers: the period itself when it spans two months or more,
 * else the twelve months ending with the period's month (a single month has no trend).
 */
export function trendPeriod(p: PickedPeriod): string {
  if (monthsBetween(p.from, p.to).length >= 2) return p.text;
  let [y, m] = [Number(p.to.slice(0, 4)), Number(p.to.slice(5, 7))];
  const last = `${y}-${pad(m)}-${pad(lastDayOfMonth(y, m))}`;
  m -= 11;
  if (m < 1) [y, m] = [y - 1, m + 12];
  return `${y}-${pad(m)}-01..${last}`;
}

/**
 * The period text of one month of a trend, cut to the trend's range, so that the drill-down
 * of a month bar counts exactly the days the bar counts.
 */
export function monthWithin(month: string, range: { from: string; to: string }): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const first = `${month}-01`;
  const last = `${month}-${pad(lastDayOfMonth(y, m))}`;
  const from = range.from > first ? range.from : first;
  const to = range.to < last ? range.to : last;
  return from === first && to === last ? month : `${from}..${to}`;
}

/** `YYYY-MM-DD` → `dd/MM/yyyy`. */
const vnDate = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** A period in words, as the reports name it (Vietnamese) or in English. */
export function periodLabel(p: PickedPeriod, lang: Lang): string {
  const y = p.from.slice(0, 4);
  const mo = Number(p.from.slice(5, 7));
  switch (p.kind) {
    case 'year':
      return lang === 'vi' ? `Năm ${y}` : `Year ${y}`;
    case 'quarter':
      return lang === 'vi' ? `Quý ${Math.ceil(mo / 3)} năm ${y}` : `Q${Math.ceil(mo / 3)} ${y}`;
    case 'month':
      return lang === 'vi' ? `Tháng ${mo}/${y}` : `${monthName(mo, 'en')} ${y}`;
    case 'custom':
      if (p.from === p.to) return lang === 'vi' ? `Ngày ${vnDate(p.from)}` : vnDate(p.from);
      return lang === 'vi' ? `Từ ngày ${vnDate(p.from)} đến ngày ${vnDate(p.to)}` : `${vnDate(p.from)} to ${vnDate(p.to)}`;
  }
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A month's name: `Tháng 3` or `March`. */
export function monthName(month: number, lang: Lang): string {
  return lang === 'vi' ? `Tháng ${month}` : (EN_MONTHS[month - 1] ?? String(month));
}

/** `YYYY-MM` → `03/2026` (Vietnamese) or `Mar 2026`. */
export function shortMonth(month: string, lang: Lang): string {
  const m = Number(month.slice(5, 7));
  return lang === 'vi' ? `${month.slice(5, 7)}/${month.slice(0, 4)}` : `${(EN_MONTHS[m - 1] ?? '').slice(0, 3)} ${month.slice(0, 4)}`;
}

/** A grant of the account as `/auth/me` lists it. */
export interface GrantLike {
  role: string;
  scopeKind: string;
  scopeCode: string;
}

/** The roles that may read statistics (`stats.read` in `src/platform/auth/authorize.ts`). */
export const STATS_ROLES = ['statsViewer', 'leader', 'systemAdmin'] as const;

/** Whether the account may open the statistics at all. */
export function canReadStats(grants: readonly GrantLike[]): boolean {
  return grants.some((g) => (STATS_ROLES as readonly string[]).includes(g.role));
}

/** The indicators whose dossiers the drill-down lists (`DRILLDOWN_INDICATORS` of the API). */
export const DRILLDOWN_INDICATORS = [
  'received', 'receivedOnline', 'resolved', 'resolvedEarly', 'resolvedOnTime', 'resolvedInTime', 'resolvedLate', 'resolvedLateApologized', 'digitized',
  'returned', 'rejected', 'withdrawn', 'stopped', 'apologized', 'transferred', 'paid', 'paidOnline', 'rated', 'ratedSatisfied',
  'carriedOver', 'inProgressAtEnd', 'inProgressNow', 'overdueNow', 'notYetDueNow', 'pausedNow',
] as const;
export type Indicator = (typeof DRILLDOWN_INDICATORS)[number];

/** Narrows a URL parameter to a drill-down indicator. */
export function isIndicator(value: string | null): value is Indicator {
  return value !== null && (DRILLDOWN_INDICATORS as readonly string[]).includes(value);
}

/** What a statistics request filters on: a scope (`GET /stats/scopes`), a period, optionally a procedure or a field (lĩnh vực). */
export interface StatsParams {
  scope: string;
  period: string;
  procedureCode?: string;
  fieldCode?: string;
}

/** Adds the optional filters of `p` to a query string. */
function addFilters(q: URLSearchParams, p: StatsParams): URLSearchParams {
  if (p.procedureCode) q.set('procedureCode', p.procedureCode);
  if (p.fieldCode) q.set('fieldCode', p.fieldCode);
  return q;
}

/** The address of the drill-down list behind a figure. */
export function drilldownHref(p: StatsParams, indicator: Indicator): string {
  return `/can-bo/thong-ke/ho-so?${addFilters(new URLSearchParams({ indicator, scope: p.scope, period: p.period }), p).toString()}`;
}

export type ExportTable = 'summary' | 'trend' | 'ranking-agency' | 'ranking-procedure';

/** The address of an Excel export (a GET with the session cookie; no CSRF token needed). */
export function exportHref(p: StatsParams, table: ExportTable): string {
  return `/api/v1/stats/export?${addFilters(new URLSearchParams({ table, scope: p.scope, period: p.period }), p).toString()}`;
}

const numberFormats = { vi: new Intl.NumberFormat('vi-VN'), en: new Intl.NumberFormat('en-GB') };
const decimalFormats = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};

/** A count with the language's grouping (`1.250` / `1,250`). */
export function formatCount(n: number, lang: Lang): string {
  return numberFormats[lang].format(n);
}

/** A share 0–1 as a percentage with up to two decimals (`83,85 %` / `83.85%`); a dash when null. */
export function formatRate(r: number | null, lang: Lang): string {
  if (r === null) return '—';
  const value = decimalFormats[lang].format(Math.round(r * 10_000) / 100);
  return lang === 'vi' ? `${value} %` : `${value}%`;
}

/** A decimal (days, points) with up to two decimals; a dash when null. */
export function formatDecimal(x: number | null, lang: Lang): string {
  return x === null ? '—' : decimalFormats[lang].format(x);
}
