/**
 * Retry rules shared by every delivery the worker makes (outbox fan-out, e-mail, SMS,
 * webhooks): exponential back-off with a ceiling, then a dead-letter state an administrator
 * looks at (ARCHITECTURE.md "Jobs, notifications, integration").
 */
export interface RetryPolicy {
  /** Attempts in all (the first one included) before a message is dead. */
  maxAttempts: number;
  /** Wait after the first failure; doubled after each further failure. */
  baseDelayMs: number;
  /** The longest wait between two attempts. */
  maxDelayMs: number;
}

/** 8 attempts: waits of 30 s, 1, 2, 4, 8, 16 and 32 min, about an hour in all. */
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 30_000, maxDelayMs: 6 * 3_600_000 };

/** What to do after attempt number `attempts` (1-based) failed. */
export type RetryDecision = { kind: 'retry'; at: Date } | { kind: 'dead' };

/**
 * After a failed attempt: retry after `baseDelayMs · 2^(attempts-1)` (at most `maxDelayMs`),
 * or give up when `attempts` reached `maxAttempts`.
 *
 * @example retryAfterFailure(2, now) // → retry at now + 60 s with the default policy
 */
export function retryAfterFailure(attempts: number, now: Date, policy: RetryPolicy = DEFAULT_RETRY): RetryDecision {
  if (attempts >= policy.maxAttempts) return { kind: 'dead' };
  const exponent = Math.max(0, attempts - 1);
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return { kind: 'retry', at: new Date(now.getTime() + delay) };
}
