import { findStep, guardAction, guardBuiltIn } from './guards.js';
import { DEFAULT_ACTION_LABELS } from './messages.js';
import type { Action, ActionType, Actor, Bilingual, BuiltInActionId, EngineContext, ProcessDefinition, WorkflowState } from './types.js';
import { BUILT_IN_ACTIONS } from './types.js';

/** An action the UI may offer as a button. */
export interface AvailableAction {
  readonly id: string;
  readonly type: ActionType | BuiltInActionId;
  readonly label: Bilingual;
  /** The target step, for moves. */
  readonly to?: string;
  /** The officer must pick a lower-level agency (`toAgencyId`) to apply it. */
  readonly needsTargetAgency: boolean;
}

function needsChoice(def: ProcessDefinition, action: Action): boolean {
  switch (action.type) {
    case 'forward':
    case 'sendBack':
    case 'approve':
    case 'issueResult':
      return findStep(def, action.to)?.agency.kind === 'child';
    case 'transfer':
      return def.legs?.find((l) => l.id === action.leg)?.agency.kind === 'child';
    default:
      return false;
  }
}

/**
 * Lists the actions this actor may take on the dossier now, with the same checks as
 * `applyAction` (role, agency, step, conditions on the e-form data), for the UI's buttons.
 */
export function availableActions(
  def: ProcessDefinition,
  state: WorkflowState,
  actor: Actor,
  context: Pick<EngineContext, 'formData'>,
): AvailableAction[] {
  if (def.key !== state.definition.key || def.version !== state.definition.version) return [];
  const out: AvailableAction[] = [];
  for (const action of def.actions) {
    if (guardAction(def, state, action, actor, context) !== null) continue;
    const to = action.type === 'forward' || action.type === 'sendBack' || action.type === 'approve' || action.type === 'issueResult' ? action.to : undefined;
    out.push({
      id: action.id,
      type: action.type,
      label: action.label ?? DEFAULT_ACTION_LABELS[action.type],
      ...(to === undefined ? {} : { to }),
      needsTargetAgency: needsChoice(def, action),
    });
  }
  for (const id of BUILT_IN_ACTIONS) {
    if (guardBuiltIn(def, state, id, actor) === null) {
      out.push({ id, type: id, label: DEFAULT_ACTION_LABELS[id], needsTargetAgency: false });
    }
  }
  return out;
}
