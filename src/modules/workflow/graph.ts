import type { Action, DefinitionInput, Leg, StepOf } from './types.js';

/** One edge of the step graph; `to === null` means the action ends the dossier. */
export interface Edge {
  readonly from: string;
  readonly to: string | null;
  readonly action: Action;
  /** For transfers: the leg opened (its allotted time replaces its steps' times in sums). */
  readonly leg?: Leg;
}

/** Fast lookups over a definition. */
export interface DefinitionIndex {
  readonly steps: ReadonlyMap<string, StepOf<string>>;
  readonly legs: ReadonlyMap<string, Leg>;
  readonly actionsFrom: ReadonlyMap<string, readonly Action[]>;
  readonly actions: ReadonlyMap<string, Action>;
}

/** Indexes a definition's steps, legs and actions by id (first occurrence wins on duplicates). */
export function indexDefinition(def: DefinitionInput): DefinitionIndex {
  const steps = new Map<string, StepOf<string>>();
  for (const s of def.steps) if (!steps.has(s.id)) steps.set(s.id, s);
  const legs = new Map<string, Leg>();
  for (const l of def.legs ?? []) if (!legs.has(l.id)) legs.set(l.id, l);
  const actions = new Map<string, Action>();
  const actionsFrom = new Map<string, Action[]>();
  for (const a of def.actions) {
    if (!actions.has(a.id)) actions.set(a.id, a);
    const list = actionsFrom.get(a.from) ?? [];
    list.push(a);
    actionsFrom.set(a.from, list);
  }
  return { steps, legs, actions, actionsFrom };
}

/**
 * The edges an action contributes to the step graph: moves go to their target, transfers to
 * the leg's first step, `completeTransfer` back to the leg's return step, waits loop on their
 * own step, and `refuse` / `returnResult` end. References that do not resolve yield no edge
 * (validation reports them).
 */
export function edgeOf(action: Action, index: DefinitionIndex): Edge | undefined {
  switch (action.type) {
    case 'forward':
    case 'sendBack':
    case 'approve':
    case 'issueResult':
      return { from: action.from, to: action.to, action };
    case 'transfer': {
      const leg = index.legs.get(action.leg);
      return leg === undefined ? undefined : { from: action.from, to: leg.startStepId, action, leg };
    }
    case 'completeTransfer': {
      const legId = index.steps.get(action.from)?.leg;
      const leg = legId === undefined ? undefined : index.legs.get(legId);
      return leg === undefined || leg.returnTo === null ? undefined : { from: action.from, to: leg.returnTo, action };
    }
    case 'requestSupplement':
    case 'requestPayment':
      return { from: action.from, to: action.from, action };
    case 'refuse':
    case 'returnResult':
      return { from: action.from, to: null, action };
  }
}

/** All edges of the definition's step graph. */
export function edgesOf(def: DefinitionInput, index: DefinitionIndex = indexDefinition(def)): Edge[] {
  const edges: Edge[] = [];
  for (const a of def.actions) {
    const e = edgeOf(a, index);
    if (e !== undefined) edges.push(e);
  }
  return edges;
}

/** Steps reachable from `start` along the given edges (including `start`). */
export function reachableFrom(start: string, edges: readonly Edge[]): Set<string> {
  const out = new Map<string, string[]>();
  for (const e of edges) if (e.to !== null) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const to of out.get(next) ?? []) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}

/** Steps from which some sequence of edges reaches an ending edge accepted by `isEnd`. */
export function stepsThatCanEnd(edges: readonly Edge[], isEnd: (e: Edge) => boolean): Set<string> {
  const canEnd = new Set<string>();
  for (const e of edges) if (e.to === null && isEnd(e)) canEnd.add(e.from);
  // Backward fixpoint: a step can end when one of its edges leads to a step that can.
  let changed = true;
  while (changed) {
    changed = false;
    for (const e of edges) {
      if (e.to !== null && !canEnd.has(e.from) && canEnd.has(e.to)) {
        canEnd.add(e.from);
        changed = true;
      }
    }
  }
  return canEnd;
}
