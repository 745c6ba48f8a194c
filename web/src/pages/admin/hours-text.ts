import type { WeeklyHours } from './admin-api';

/** Weekdays in the order an office's week is read, Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export interface Interval {
  start: string;
  end: string;
}

/** `[{07:30–11:30}, {13:30–17:00}]` → `07:30-11:30, 13:30-17:00` (empty for a closed day). */
export function intervalsToText(intervals: readonly Interval[] | undefined): string {
  return (intervals ?? []).map((i) => `${i.start}-${i.end}`).join(', ');
}

/**
 * Reads `07:30-11:30, 13:30-17:00` back into intervals; null when a part is not `HH:MM-HH:MM`
 * (the server checks order and overlaps and answers with its own message).
 */
export function textToIntervals(text: string): Interval[] | null {
  const parts = text.split(/[,;]/).map((s) => s.trim()).filter(Boolean);
  const out: Interval[] = [];
  for (const p of parts) {
    const m = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/.exec(p);
    if (!m) return null;
    out.push({ start: `${(m[1] ?? '').padStart(2, '0')}:${m[2] ?? ''}`, end: `${(m[3] ?? '').padStart(2, '0')}:${m[4] ?? ''}` });
  }
  return out;
}

/** The per-day texts of a week, for the editor's fields. */
export function weekToTexts(hours: WeeklyHours): Record<Weekday, string> {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, intervalsToText(hours[d])])) as Record<Weekday, string>;
}

/** The editor's texts back into a week; the first day that does not parse is returned instead. */
export function textsToWeek(texts: Record<Weekday, string>): { ok: true; hours: WeeklyHours } | { ok: false; day: Weekday } {
  const hours: WeeklyHours = {};
  for (const d of WEEKDAYS) {
    const intervals = textToIntervals(texts[d]);
    if (!intervals) return { ok: false, day: d };
    // A day left out is closed (the API's convention), so empty days are simply omitted.
    if (intervals.length) hours[d] = intervals;
  }
  return { ok: true, hours };
}
