/**
 * The statistics projection of one dossier (its "fact") and what it contributes to the daily
 * aggregates. Pure: no I/O, no clock. The daily table is, by construction, the sum of
 * `contributions(fact)` over every dossier's fact, so recording a change is "subtract the old
 * contributions, add the new ones", which makes it idempotent and exact.
 */

/** Vietnam's fixed offset (no daylight saving since 1975). */
const VN_OFFSET_MS = 7 * 3_600_000;

/** The local (Asia/Ho_Chi_Minh) calendar day `YYYY-MM-DD` of an instant: the day an event counts on. */
export function localDay(at: Date | string): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The counters kept per (day, agency, desk, procedure); each is a sum of contributions. */
export const DAILY_COUNTERS = [
  'received',
  'received_online',
  'received_full_level',
  'received_online_full',
  'resolved_early',
  'resolved_on_time',
  'resolved_late',
  'late_apologized',
  'processing_centi',
  'digitized',
  'returned',
  'rejected',
  'withdrawn',
  'stopped',
  'closed',
  'apologies',
  'apologized',
  'transferred',
  'paid',
  'paid_online',
  'rated',
  'rating_sum',
  'rating_1',
  'rating_2',
  'rating_3',
  'rating_4',
  'rating_5',
] as const;
export type DailyCounter = (typeof DAILY_COUNTERS)[number];

/** What the statistics keep about one dossier (one row of `stats_dossier_facts`). */
export interface DossierFact {
  dossier_id: string;
  code: string | null;
  status: string;
  agency_code: string;
  desk_code: string;
  procedure_code: string;
  field_code: string;
  /** The procedure's online service level (Decree 42/2022/NĐ-CP): full or partial. */
  online_level: 'full' | 'partial';
  channel: 'online' | 'counter' | 'post';
  received_at: string | null;
  received_day: string | null;
  /** The appointment before any apology: what "overdue" and "late" are judged against. */
  original_due_at: string | null;
  paused_at: string | null;
  /** Office time (ms) the dossier spent waiting for the applicant after reception. */
  paused_ms: number;
  resolved_day: string | null;
  timeliness: 'early' | 'onTime' | 'late' | null;
  /** Processing time in hundredths of a working day, paused time excluded. */
  processing_centi: number | null;
  digitized: number;
  finished_day: string | null;
  end_status: 'returned' | 'rejected' | 'withdrawn' | 'stopped' | null;
  /** The day a received dossier left "in progress" (resolved, withdrawn or stopped). */
  closed_day: string | null;
  /** 1 while received and not closed: the open dossiers the "now" figures come from. */
  is_open: number;
  apologies: number;
  /** JSON array of the local days of the apology letters, in order. */
  apology_days: string;
  first_apology_day: string | null;
  transferred_day: string | null;
  paid_day: string | null;
  paid_online: number;
  rated_day: string | null;
  rating: number | null;
  updated_at: string;
}

/** One unit added to (or, negated, removed from) a daily counter or the processing histogram. */
export interface Contribution {
  day: string;
  counter: DailyCounter | `bucket:${number}`;
  amount: number;
}

/**
 * The histogram bucket of a processing time: tenths of a working day, rounded up (a dossier
 * resolved in 2.31 days falls in bucket 24, "at most 2.4 days"); capped at 5000 (500 days).
 */
export function processingBucket(centi: number): number {
  return Math.min(5000, Math.max(0, Math.ceil(centi / 10)));
}

/**
 * Everything a fact adds to the daily aggregates. The same predicates are used by the
 * drill-down lists (`drilldown.ts`), so a list always has exactly as many rows as its number.
 */
export function contributions(f: DossierFact): Contribution[] {
  const out: Contribution[] = [];
  const add = (day: string | null, counter: Contribution['counter'], amount = 1) => {
    if (day !== null && amount !== 0) out.push({ day, counter, amount });
  };
  add(f.received_day, 'received');
  if (f.channel === 'online') add(f.received_day, 'received_online');
  if (f.online_level === 'full') add(f.received_day, 'received_full_level');
  if (f.channel === 'online' && f.online_level === 'full') add(f.received_day, 'received_online_full');
  if (f.resolved_day !== null) {
    add(f.resolved_day, f.timeliness === 'early' ? 'resolved_early' : f.timeliness === 'late' ? 'resolved_late' : 'resolved_on_time');
    add(f.resolved_day, 'processing_centi', f.processing_centi ?? 0);
    add(f.resolved_day, `bucket:${processingBucket(f.processing_centi ?? 0)}`);
    if (f.digitized) add(f.resolved_day, 'digitized');
    // Late dossiers that had an apology letter (sent before the due time, Decree 118/2025/NĐ-CP).
    if (f.timeliness === 'late' && f.apologies > 0) add(f.resolved_day, 'late_apologized');
  }
  if (f.end_status) add(f.finished_day, f.end_status);
  add(f.closed_day, 'closed');
  for (const day of JSON.parse(f.apology_days) as string[]) add(day, 'apologies');
  add(f.first_apology_day, 'apologized');
  add(f.transferred_day, 'transferred');
  add(f.paid_day, 'paid');
  if (f.paid_online) add(f.paid_day, 'paid_online');
  if (f.rating !== null) {
    add(f.rated_day, 'rated');
    add(f.rated_day, 'rating_sum', f.rating);
    add(f.rated_day, `rating_${f.rating}` as DailyCounter);
  }
  return out;
}

/** `after − before` per (day, counter), without zero entries, in a stable order (no deadlocks between writers). */
export function contributionDelta(before: readonly Contribution[], after: readonly Contribution[]): Contribution[] {
  const sums = new Map<string, Contribution>();
  const put = (c: Contribution, sign: number) => {
    const key = `${c.day}|${c.counter}`;
    const prev = sums.get(key);
    if (prev) prev.amount += sign * c.amount;
    else sums.set(key, { day: c.day, counter: c.counter, amount: sign * c.amount });
  };
  for (const c of before) put(c, -1);
  for (const c of after) put(c, 1);
  return [...sums.values()].filter((c) => c.amount !== 0).sort((a, b) => (a.day === b.day ? (a.counter < b.counter ? -1 : 1) : a.day < b.day ? -1 : 1));
}
