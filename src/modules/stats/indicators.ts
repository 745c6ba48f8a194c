/**
 * From summed counters to the indicators leaders and the public read, grouped as the national
 * service index groups them (Decision 766/QĐ-TTg of 23/06/2022: transparency, progress,
 * online service, digitization, satisfaction), and the weighted index score. Pure.
 */
import type { DailyCounter } from './facts.js';

export type CounterSums = Record<DailyCounter, number>;

/** The five groups of Decision 766/QĐ-TTg and the points each carries (configuration, not code). */
export const INDEX_GROUPS = ['transparency', 'progress', 'onlineService', 'digitization', 'satisfaction'] as const;
export type IndexGroup = (typeof INDEX_GROUPS)[number];
export type IndexWeights = Record<IndexGroup, number>;

/**
 * Default points per group, as we read Decision 766/QĐ-TTg's provincial index (100 points):
 * transparency 18, progress 20, online service 22, digitization 22, satisfaction 18.
 * Admins change them in the settings; nothing depends on these numbers.
 */
export const DEFAULT_WEIGHTS: IndexWeights = { transparency: 18, progress: 20, onlineService: 22, digitization: 22, satisfaction: 18 };

/** Dossiers open right now in the scope (from the open-dossier index, not the daily table). */
export interface CurrentFigures {
  asOf: string;
  inProgress: number;
  overdue: number;
  notYetDue: number;
  paused: number;
  /** Overdue dossiers that have had at least one apology letter. */
  overdueWithApology: number;
}

export interface Indicators {
  volume: {
    carriedOver: number;
    received: number;
    receivedOnline: number;
    total: number;
    resolved: number;
    resolvedEarly: number;
    resolvedOnTime: number;
    resolvedLate: number;
    returned: number;
    rejected: number;
    withdrawn: number;
    stopped: number;
    inProgressAtEnd: number;
    transferred: number;
    transferredShare: number | null;
  };
  transparency: { apologies: number; apologized: number; lateApologized: number; apologyRate: number | null; score: number | null };
  progress: { onTimeRate: number | null; averageDays: number | null; p90Days: number | null; score: number | null };
  onlineService: {
    onlineShare: number | null;
    onlineFullShare: number | null;
    onlinePartialShare: number | null;
    paid: number;
    paidOnline: number;
    onlinePaymentShare: number | null;
    score: number | null;
  };
  digitization: { digitized: number; digitizedShare: number | null; score: number | null };
  satisfaction: { ratings: number; average: number | null; distribution: Record<'1' | '2' | '3' | '4' | '5', number>; satisfiedShare: number | null; score: number | null };
  index: { score: number | null; points: Record<IndexGroup, number | null>; weights: IndexWeights };
}

/** A ratio rounded to 4 decimals, or null when there is nothing to divide by. */
export function ratio(num: number, den: number): number | null {
  return den > 0 ? Math.round((num / den) * 10_000) / 10_000 : null;
}

/**
 * The 90th percentile of processing time in working days by the nearest-rank method over the
 * histogram (buckets of tenths of a day): the smallest bucket at which 90 % of the resolved
 * dossiers are counted.
 */
export function percentileDays(histogram: ReadonlyMap<number, number>, p = 0.9): number | null {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  const rank = Math.ceil(p * total);
  let seen = 0;
  for (const bucket of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(bucket) ?? 0;
    if (seen >= rank) return bucket / 10;
  }
  return null;
}

function mean(values: (number | null)[]): number | null {
  const v = values.filter((x): x is number => x !== null);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
}

/**
 * The indicators of a scope and period from the counters summed over the period, the
 * dossiers carried over from before it, and the processing histogram. Definitions:
 * on-time rate = (early + on time) / resolved; online share = received online / received,
 * split by the procedures' service level (Decree 42/2022/NĐ-CP); online payment share =
 * dossiers paid online / dossiers paid; digitized share = resolved with a digitized result /
 * resolved; apology rate = dossiers resolved late that had an apology / dossiers resolved late (Decree
 * 118/2025/NĐ-CP requires one before the appointment passes); satisfied share = ratings of
 * 4–5 / ratings. A group without data scores null and the index is rescaled over the rest.
 */
export function computeIndicators(s: CounterSums, carriedOver: number, histogram: ReadonlyMap<number, number>, weights: IndexWeights): Indicators {
  const resolved = s.resolved_early + s.resolved_on_time + s.resolved_late;
  const fullLevel = s.received_full_level;
  const partialLevel = s.received - fullLevel;
  const onlinePartial = s.received_online - s.received_online_full;
  const apologyRate = ratio(s.late_apologized, s.resolved_late);
  const onTimeRate = ratio(s.resolved_early + s.resolved_on_time, resolved);
  const onlineShare = ratio(s.received_online, s.received);
  const onlinePaymentShare = ratio(s.paid_online, s.paid);
  const digitizedShare = ratio(s.digitized, resolved);
  const satisfiedShare = ratio(s.rating_4 + s.rating_5, s.rated);
  const scores: Record<IndexGroup, number | null> = {
    transparency: apologyRate,
    progress: onTimeRate,
    onlineService: mean([onlineShare, onlinePaymentShare]),
    digitization: digitizedShare,
    satisfaction: satisfiedShare,
  };
  const points = {} as Record<IndexGroup, number | null>;
  let earned = 0;
  let possible = 0;
  for (const g of INDEX_GROUPS) {
    const sc = scores[g];
    points[g] = sc === null ? null : Math.round(sc * weights[g] * 100) / 100;
    if (sc !== null) {
      earned += sc * weights[g];
      possible += weights[g];
    }
  }
  const totalWeight = INDEX_GROUPS.reduce((a, g) => a + weights[g], 0);
  const round4 = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);
  return {
    volume: {
      carriedOver,
      received: s.received,
      receivedOnline: s.received_online,
      total: carriedOver + s.received,
      resolved,
      resolvedEarly: s.resolved_early,
      resolvedOnTime: s.resolved_on_time,
      resolvedLate: s.resolved_late,
      returned: s.returned,
      rejected: s.rejected,
      withdrawn: s.withdrawn,
      stopped: s.stopped,
      inProgressAtEnd: carriedOver + s.received - s.closed,
      transferred: s.transferred,
      transferredShare: ratio(s.transferred, s.received),
    },
    transparency: { apologies: s.apologies, apologized: s.apologized, lateApologized: s.late_apologized, apologyRate, score: round4(scores.transparency) },
    progress: {
      onTimeRate,
      averageDays: resolved > 0 ? Math.round(s.processing_centi / resolved) / 100 : null,
      p90Days: percentileDays(histogram),
      score: round4(scores.progress),
    },
    onlineService: {
      onlineShare,
      onlineFullShare: ratio(s.received_online_full, fullLevel),
      onlinePartialShare: ratio(onlinePartial, partialLevel),
      paid: s.paid,
      paidOnline: s.paid_online,
      onlinePaymentShare,
      score: round4(scores.onlineService),
    },
    digitization: { digitized: s.digitized, digitizedShare, score: round4(scores.digitization) },
    satisfaction: {
      ratings: s.rated,
      average: s.rated > 0 ? Math.round((s.rating_sum / s.rated) * 100) / 100 : null,
      distribution: { '1': s.rating_1, '2': s.rating_2, '3': s.rating_3, '4': s.rating_4, '5': s.rating_5 },
      satisfiedShare,
      score: round4(scores.satisfaction),
    },
    index: { score: possible > 0 ? Math.round((earned / possible) * totalWeight * 100) / 100 : null, points, weights },
  };
}

/** Counters all zero, to start sums from. */
export function zeroSums(): CounterSums {
  return {
    received: 0, received_online: 0, received_full_level: 0, received_online_full: 0, resolved_early: 0, resolved_on_time: 0, resolved_late: 0, late_apologized: 0,
    processing_centi: 0, digitized: 0, returned: 0, rejected: 0, withdrawn: 0, stopped: 0, closed: 0, apologies: 0, apologized: 0, transferred: 0,
    paid: 0, paid_online: 0, rated: 0, rating_sum: 0, rating_1: 0, rating_2: 0, rating_3: 0, rating_4: 0, rating_5: 0,
  };
}

/** Validates index weights an admin sends: every group, each 0–100. */
export function validateWeights(input: Record<string, unknown>): { ok: true; weights: IndexWeights } | { ok: false; field: string } {
  const out = {} as IndexWeights;
  for (const g of INDEX_GROUPS) {
    const v = input[g];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 100) return { ok: false, field: g };
    out[g] = v;
  }
  return { ok: true, weights: out };
}
