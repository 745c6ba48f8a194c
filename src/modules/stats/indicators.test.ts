import { describe, expect, it } from 'vitest';
import { computeIndicators, DEFAULT_WEIGHTS, percentileDays, validateWeights, zeroSums } from './indicators.js';

describe('indicators from summed counters', () => {
  it('the 90th percentile of ten dossiers is the ninth smallest (nearest rank ⌈0.9 × 10⌉ = 9)', () => {
    // Buckets in tenths of a day: 1.0 ×5, 2.0 ×3, 4.5 ×1, 9.0 ×1 → the 9th value is 4.5.
    expect(percentileDays(new Map([[10, 5], [20, 3], [45, 1], [90, 1]]))).toBe(4.5);
    expect(percentileDays(new Map())).toBeNull();
  });

  it('with nothing resolved or rated, the index is rescaled over the groups that have data', () => {
    const s = { ...zeroSums(), received: 4, received_online: 1, received_full_level: 4, received_online_full: 1 };
    const i = computeIndicators(s, 0, new Map(), DEFAULT_WEIGHTS);
    // Only online service has data: 1/4 online, no payment → score 0.25 → 25 % of the 100 points.
    expect(i.index).toEqual({ score: 25, points: { transparency: null, progress: null, onlineService: 5.5, digitization: null, satisfaction: null }, weights: DEFAULT_WEIGHTS });
    expect(i.volume).toMatchObject({ received: 4, inProgressAtEnd: 4, resolved: 0 });
    expect(i.progress).toEqual({ onTimeRate: null, averageDays: null, p90Days: null, score: null });
  });

  it('carried-over dossiers stay in progress until closed', () => {
    const i = computeIndicators({ ...zeroSums(), received: 3, closed: 4, resolved_on_time: 4 }, 5, new Map(), DEFAULT_WEIGHTS);
    expect(i.volume).toMatchObject({ carriedOver: 5, total: 8, resolved: 4, inProgressAtEnd: 4 });
  });

  it('weights must name every group with 0–100 points', () => {
    expect(validateWeights({ ...DEFAULT_WEIGHTS, progress: 101 })).toEqual({ ok: false, field: 'progress' });
    expect(validateWeights({ transparency: 18 })).toEqual({ ok: false, field: 'progress' });
    expect(validateWeights({ ...DEFAULT_WEIGHTS })).toEqual({ ok: true, weights: DEFAULT_WEIGHTS });
  });
});
