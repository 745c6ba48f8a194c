import type { DefinitionIndex } from './graph.js';
import type { DeadlineRule } from './types.js';

/** Working hours in a standard working day (Labour Code 2019: 8 hours a day), for comparing rules in different units. */
export const DEFAULT_HOURS_PER_WORKING_DAY = 8;

/**
 * Converts an allotted time to working hours for comparison only (the calendar module computes
 * real due moments). A calendar day counts as a working day, an upper bound on the working time
 * it can hold; `sameDay` counts as 0 because the work finishes within the day it starts.
 */
export function toWorkingHours(rule: DeadlineRule, hoursPerDay = DEFAULT_HOURS_PER_WORKING_DAY): number {
  switch (rule.unit) {
    case 'sameDay':
      return 0;
    case 'workingHours':
      return rule.value;
    case 'workingDays':
    case 'calendarDays':
      return rule.value * hoursPerDay;
  }
}

/** The longest chain of steps of one track and the working hours it adds up to. */
export interface LongestPath {
  readonly hours: number;
  /** Step ids in order; a transfer appears as `leg:<legId>`. */
  readonly path: readonly string[];
}

/**
 * The longest path, by allotted time, from `start` through the steps of one track (the main
 * track when `track` is undefined, else one leg). Send-backs and waits are rework, not the
 * planned path, so they are left out; a transfer counts its leg's own allotted time; any other
 * loop is cut where it closes.
 */
export function longestPath(
  index: DefinitionIndex,
  track: string | undefined,
  start: string,
  hoursPerDay = DEFAULT_HOURS_PER_WORKING_DAY,
): LongestPath {
  const memo = new Map<string, LongestPath>();
  const onStack = new Set<string>();

  const visit = (stepId: string): LongestPath => {
    const cached = memo.get(stepId);
    if (cached !== undefined) return cached;
    const step = index.steps.get(stepId);
    if (step === undefined || step.leg !== track || onStack.has(stepId)) return { hours: 0, path: [] };
    onStack.add(stepId);
    let best: LongestPath | undefined;
    for (const action of index.actionsFrom.get(stepId) ?? []) {
      let candidate: LongestPath | undefined;
      if (action.type === 'forward' || action.type === 'approve' || action.type === 'issueResult') {
        candidate = visit(action.to);
      } else if (action.type === 'transfer') {
        const leg = index.legs.get(action.leg);
        if (leg !== undefined) {
          const after = leg.returnTo === null ? { hours: 0, path: [] } : visit(leg.returnTo);
          candidate = { hours: toWorkingHours(leg.allotted, hoursPerDay) + after.hours, path: [`leg:${leg.id}`, ...after.path] };
        }
      }
      // The first candidate counts even at 0 hours, so same-day steps still show in the path.
      if (candidate !== undefined && (best === undefined || candidate.hours > best.hours)) best = candidate;
    }
    onStack.delete(stepId);
    const rest = best ?? { hours: 0, path: [] };
    const result = { hours: toWorkingHours(step.allotted, hoursPerDay) + rest.hours, path: [stepId, ...rest.path] };
    memo.set(stepId, result);
    return result;
  };

  return visit(start);
}
