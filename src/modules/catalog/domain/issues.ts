/** Small helpers shared by the catalogue's checks. */
import type { CatalogIssue } from './types.js';

/** Builds a catalogue issue; `path` is a JSON pointer. */
export function issue(path: string, code: string, vi: string, en: string): CatalogIssue {
  return { path, code, message: { vi, en } };
}

/** Appends a JSON-pointer segment, escaping `~` and `/` as RFC 6901 requires. */
export function pointer(base: string, segment: string | number): string {
  const escaped = String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
  return `${base}/${escaped}`;
}

/** True for a plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for an integer VND amount or count: a finite, non-negative integer. */
export function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** True when the string is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC normalizes overflow (31 February → 3 March); a round trip detects it.
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True for a wall-clock time `HH:MM` (00:00–23:59). */
export function isClockTime(value: string): boolean {
  return /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(value);
}
