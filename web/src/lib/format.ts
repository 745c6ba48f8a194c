import type { Lang } from '../i18n';

/** Business dates and times are shown in Vietnam time, whatever the browser's zone. */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const moneyFormat = new Intl.NumberFormat('vi-VN');

/** `YYYY-MM-DD` → `dd/MM/yyyy` without passing through a time zone. */
export function formatIsoDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

/** An instant (ISO-8601 with offset) → `dd/MM/yyyy` in Vietnam time. */
export function formatDate(instant: string): string {
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? instant : dateFormat.format(d);
}

/** An instant → `dd/MM/yyyy HH:mm` in Vietnam time. */
export function formatDateTime(instant: string): string {
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? instant : `${dateFormat.format(d)} ${timeFormat.format(d)}`;
}

/** An instant → `HH:mm` in Vietnam time. */
export function formatTime(instant: string): string {
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? instant : timeFormat.format(d);
}

/** The weekday name of an instant in Vietnam time, in the given language. */
export function formatWeekday(instant: string, lang: Lang): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: TIME_ZONE, weekday: 'long' }).format(d);
}

/** Integer VND → `1.250.000 đ` (grouping of vi-VN in either language: it is a Vietnamese amount). */
export function formatMoney(vnd: number): string {
  return `${moneyFormat.format(vnd)} đ`;
}

/** Today's date in Vietnam time as `YYYY-MM-DD`, for form defaults. */
export function todayIso(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return parts;
}
