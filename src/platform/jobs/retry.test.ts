import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, retryAfterFailure } from './retry.js';

const now = new Date('2026-03-02T02:00:00.000Z');

describe('retries with exponential back-off', () => {
  it('a first failure is retried 30 seconds later', () => {
    expect(retryAfterFailure(1, now)).toEqual({ kind: 'retry', at: new Date('2026-03-02T02:00:30.000Z') });
  });

  it('each further failure doubles the wait: the fourth waits 4 minutes', () => {
    // 30 s · 2^3 = 240 s
    expect(retryAfterFailure(4, now)).toEqual({ kind: 'retry', at: new Date('2026-03-02T02:04:00.000Z') });
  });

  it('the wait never exceeds the ceiling', () => {
    const policy = { maxAttempts: 100, baseDelayMs: 30_000, maxDelayMs: 3_600_000 };
    // 30 s · 2^19 is far above one hour
    expect(retryAfterFailure(20, now, policy)).toEqual({ kind: 'retry', at: new Date('2026-03-02T03:00:00.000Z') });
  });

  it('the eighth failed attempt makes the message a dead letter', () => {
    expect(DEFAULT_RETRY.maxAttempts).toBe(8);
    expect(retryAfterFailure(7, now).kind).toBe('retry');
    expect(retryAfterFailure(8, now)).toEqual({ kind: 'dead' });
  });
});
