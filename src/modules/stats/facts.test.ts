import { describe, expect, it } from 'vitest';
import { contributionDelta, contributions, localDay, processingBucket } from './facts.js';
import { emptyFact, nextFact, type DossierSnapshot, type OfficeTiming } from './fact-transition.js';

const HOUR = 3_600_000;
/** A fake calendar: every hour counts, a working day is 7.5 h (enough to check the arithmetic). */
const timing = (): OfficeTiming => ({ between: (a, b) => b.getTime() - a.getTime(), dayMs: 7.5 * HOUR });
const base: DossierSnapshot = {
  id: 'd1', code: null, status: 'submitted', channel: 'online', procedure_code: '1.004873', receiving_agency_code: 'A', desk_code: 'MC-A',
  received_at: null, original_due_at: null, paused_at: null, resolved_at: null, finished_at: null, timeliness: null, apologies: 0, transferred: 0,
};
const now = (iso: string) => new Date(iso);

describe('what a dossier contributes to the daily statistics', () => {
  it('an event just before midnight in Vietnam counts on that local day, not the UTC one', () => {
    // 16:59Z is 23:59 in Hà Nội time; 17:00Z is already the next day there.
    expect(localDay('2026-03-02T16:59:00Z')).toBe('2026-03-02');
    expect(localDay('2026-03-02T17:00:00Z')).toBe('2026-03-03');
  });

  it('a dossier received online on Monday and resolved late on Friday after a 5-hour pause', () => {
    let f = emptyFact(base, { fieldCode: 'civilStatus', onlineLevel: 'full' }, now('2026-03-02T02:00:00Z'));
    f = nextFact(f, { ...base, status: 'received', received_at: '2026-03-02T02:00:00Z' }, now('2026-03-02T02:00:00Z'), {}, timing);
    f = nextFact(f, { ...base, status: 'awaitingSupplement', received_at: '2026-03-02T02:00:00Z', paused_at: '2026-03-02T04:00:00Z' }, now('2026-03-02T04:00:00Z'), {}, timing);
    f = nextFact(f, { ...base, status: 'received', received_at: '2026-03-02T02:00:00Z' }, now('2026-03-02T09:00:00Z'), {}, timing);
    const resolved = { ...base, status: 'resolved', received_at: '2026-03-02T02:00:00Z', resolved_at: '2026-03-02T17:00:00Z', timeliness: 'late' as const };
    f = nextFact(f, resolved, now('2026-03-02T17:00:00Z'), { files: 1 }, timing);
    // 15 h from reception to result, less the 5 h pause = 10 h = 1.3333 days → 133 hundredths, bucket 1.4.
    expect(f).toMatchObject({ received_day: '2026-03-02', resolved_day: '2026-03-03', paused_ms: 5 * HOUR, processing_centi: 133, timeliness: 'late', digitized: 1, closed_day: '2026-03-03', is_open: 0 });
    expect(contributions(f).map((c) => `${c.day} ${c.counter} ${c.amount}`).sort()).toEqual([
      '2026-03-02 received 1', '2026-03-02 received_full_level 1', '2026-03-02 received_online 1', '2026-03-02 received_online_full 1',
      '2026-03-03 bucket:14 1', '2026-03-03 closed 1', '2026-03-03 digitized 1', '2026-03-03 processing_centi 133', '2026-03-03 resolved_late 1',
    ]);
    // Recording the same state again changes nothing.
    const again = nextFact(f, resolved, now('2026-03-04T01:00:00Z'), { files: 1 }, timing);
    expect(contributionDelta(contributions(f), contributions(again))).toEqual([]);
  });

  it('each apology letter counts on the day it is sent; the dossier counts once as apologized', () => {
    let f = emptyFact(base, { fieldCode: 'x', onlineLevel: 'partial' }, now('2026-03-02T02:00:00Z'));
    f = nextFact(f, { ...base, status: 'received', received_at: '2026-03-02T02:00:00Z', apologies: 1 }, now('2026-03-04T09:00:00Z'), {}, timing);
    f = nextFact(f, { ...base, status: 'received', received_at: '2026-03-02T02:00:00Z', apologies: 2 }, now('2026-03-06T09:00:00Z'), {}, timing);
    const c = contributions(f).filter((x) => x.counter.startsWith('apolog'));
    expect(c).toEqual([
      { day: '2026-03-04', counter: 'apologies', amount: 1 },
      { day: '2026-03-06', counter: 'apologies', amount: 1 },
      { day: '2026-03-04', counter: 'apologized', amount: 1 },
    ]);
  });

  it('a payment counts as online when the applicant or the payment platform records it, not an official at the counter', () => {
    const f0 = emptyFact(base, { fieldCode: 'x', onlineLevel: 'full' }, now('2026-03-02T02:00:00Z'));
    expect(nextFact(f0, base, now('2026-03-02T03:00:00Z'), { paymentMethod: 'cash', actorKind: 'official' }, timing).paid_online).toBe(0);
    expect(nextFact(f0, base, now('2026-03-02T03:00:00Z'), { paymentMethod: 'card', actorKind: 'service' }, timing).paid_online).toBe(1);
    expect(nextFact(f0, base, now('2026-03-02T03:00:00Z'), { paymentMethod: 'online', actorKind: 'official' }, timing).paid_online).toBe(1);
  });

  it('a rating counts once, with its score', () => {
    let f = emptyFact(base, { fieldCode: 'x', onlineLevel: 'full' }, now('2026-03-02T02:00:00Z'));
    f = nextFact(f, base, now('2026-03-05T02:00:00Z'), { rating: 4 }, timing);
    f = nextFact(f, base, now('2026-03-06T02:00:00Z'), { rating: 1 }, timing);
    expect(contributions(f)).toEqual([
      { day: '2026-03-05', counter: 'rated', amount: 1 },
      { day: '2026-03-05', counter: 'rating_sum', amount: 4 },
      { day: '2026-03-05', counter: 'rating_4', amount: 1 },
    ]);
  });

  it('processing time buckets round up to the tenth of a day', () => {
    expect([0, 1, 10, 11, 240, 387].map(processingBucket)).toEqual([0, 1, 1, 2, 24, 39]);
  });
});
