import { monotonicFactory } from 'ulid';
import type { Clock } from './clock.js';

/** Generates time-ordered unique ids (ULIDs): they sort by creation time as text. */
export type IdGenerator = () => string;

/**
 * Creates an id generator that reads time from the given clock. Ids made within the same
 * millisecond still increase (monotonic ULID), so insertion order is preserved.
 */
export function createIdGenerator(clock: Clock): IdGenerator {
  const next = monotonicFactory();
  return () => next(clock.now().getTime());
}
