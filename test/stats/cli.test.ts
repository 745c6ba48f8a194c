import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../src/cli/commands/stats.js';
import { computeIndicators, DEFAULT_WEIGHTS, zeroSums } from '../../src/modules/stats/indicators.js';

describe('egov stats prints a period summary for a scope', () => {
  it('one line per group, shares as percentages, the index out of the total points', () => {
    // 8 received (2 online), 4 resolved: 1 early, 2 on time, 1 late → 75 % on time.
    const sums = { ...zeroSums(), received: 8, received_online: 2, received_full_level: 8, received_online_full: 2, resolved_early: 1, resolved_on_time: 2, resolved_late: 1, closed: 4, processing_centi: 1000 };
    const indicators = computeIndicators(sums, 0, new Map([[25, 4]]), DEFAULT_WEIGHTS);
    const lines = formatSummary(
      { name: { vi: 'Ủy ban nhân dân phường Hải Châu', en: 'Hai Chau' } },
      { period: { kind: 'month', from: '2026-03-01', to: '2026-03-31', label: { vi: 'Tháng 3/2026', en: '2026-03' } }, generatedAt: '2026-03-13T05:00:00.000Z', indicators, current: { asOf: '', inProgress: 4, overdue: 1, notYetDue: 3, paused: 0, overdueWithApology: 0 } },
    );
    expect(lines[0]).toBe('Ủy ban nhân dân phường Hải Châu — Tháng 3/2026 (2026-03-01 → 2026-03-31)');
    expect(lines[2]).toBe('  Đã giải quyết / resolved: 4 — trước hạn / early 1, đúng hạn / on time 2, quá hạn / late 1');
    // 1000 hundredths over 4 dossiers = 2.5 days; all four in bucket 2.5.
    expect(lines[6]).toBe('  Tiến độ / progress: đúng hạn / on time 75.00 %; TB / average 2.5 ngày; P90 2.5 ngày');
    // Transparency 0 (the late one had no apology) × 18, progress 0.75 × 20 = 15, online 0.25 × 22 = 5.5,
    // digitization 0 × 22; no ratings, so satisfaction's 18 points are left out: 20.5 / 82 × 100 = 25.
    expect(lines.at(-1)).toBe('  Chỉ số / index (QĐ 766/QĐ-TTg): 25 / 100');
  });
});
