import { evaluateCondition } from './condition.js';
import { engineError } from './messages.js';
import type {
  Action,
  Actor,
  BuiltInActionId,
  EngineContext,
  EngineError,
  ProcessDefinition,
  Step,
  WorkflowState,
} from './types.js';
import { TERMINAL_STATUSES } from './types.js';

/** True once the dossier has ended (rejected, withdrawn, stopped, returned). */
export function isTerminal(state: WorkflowState): boolean {
  return TERMINAL_STATUSES.includes(state.status);
}

/** The step definition with this id, if any. */
export function findStep(def: ProcessDefinition, stepId: string): Step | undefined {
  return def.steps.find((s) => s.id === stepId);
}

/** True when the actor is the applicant or a reception officer at the receiving desk. */
function isApplicantOrDesk(state: WorkflowState, actor: Actor): boolean {
  const isApplicant = state.applicantId !== null && actor.userId === state.applicantId;
  const isDesk = actor.roles.includes('receptionOfficer') && actor.agencyId === state.receivingAgencyId;
  return isApplicant || isDesk;
}

/** True when the actor holds the current step's role at the agency holding the dossier. */
function actsOnCurrentStep(def: ProcessDefinition, state: WorkflowState, actor: Actor): boolean {
  const step = state.current === null ? undefined : findStep(def, state.current.stepId);
  return step !== undefined && actor.roles.includes(step.role) && actor.agencyId === state.current?.agencyId;
}

/**
 * Checks a built-in action. Withdrawal ("Công dân rút hồ sơ", DOMAIN.md) is open to the applicant
 * until the result is issued; the desk may record a request made on paper at the counter.
 */
export function guardBuiltIn(
  def: ProcessDefinition,
  state: WorkflowState,
  id: BuiltInActionId,
  actor: Actor,
): EngineError | null {
  if (isTerminal(state)) return engineError('DOSSIER_CLOSED');
  switch (id) {
    case 'withdraw':
      if (def.allowWithdrawal === false || state.status === 'resolved') return engineError('ACTION_NOT_AVAILABLE');
      return isApplicantOrDesk(state, actor) ? null : engineError('NOT_APPLICANT');
    case 'supplementReceived':
      if (state.wait?.reason !== 'supplement') return engineError('ACTION_NOT_AVAILABLE');
      return isApplicantOrDesk(state, actor) || actsOnCurrentStep(def, state, actor) ? null : engineError('NOT_APPLICANT');
    case 'stop': {
      // Dừng xử lý (form 05): a leader of the agency holding the dossier, or of the receiving
      // agency, may stop a received dossier that has no result yet (Decree 118/2025).
      if (state.status === 'submitted' || state.status === 'resolved') return engineError('ACTION_NOT_AVAILABLE');
      if (!actor.roles.includes('leader')) return engineError('WRONG_ROLE');
      const atAgency = actor.agencyId === state.current?.agencyId || actor.agencyId === state.receivingAgencyId;
      return atAgency ? null : engineError('WRONG_AGENCY');
    }
    case 'paymentReceived': {
      if (state.wait?.reason !== 'payment') return engineError('ACTION_NOT_AVAILABLE');
      // The applicant cannot confirm their own payment: the desk or the payments module does.
      const isDesk = actor.roles.includes('receptionOfficer') && actor.agencyId === state.receivingAgencyId;
      return isDesk || actsOnCurrentStep(def, state, actor) ? null : engineError('WRONG_ROLE');
    }
  }
}

/**
 * Checks a definition action against the state and the actor, in the order a user would
 * want to be told: dossier ended, wrong step, waiting, wrong role, wrong agency, condition.
 */
export function guardAction(
  def: ProcessDefinition,
  state: WorkflowState,
  action: Action,
  actor: Actor,
  context: Pick<EngineContext, 'formData'>,
): EngineError | null {
  if (isTerminal(state) || state.current === null) return engineError('DOSSIER_CLOSED');
  if (action.from !== state.current.stepId) return engineError('ACTION_NOT_AVAILABLE');
  // While waiting for the applicant only a refusal (e.g. the supplement never came) may happen.
  if (state.wait !== null && action.type !== 'refuse') return engineError('DOSSIER_WAITING');
  const step = findStep(def, action.from);
  if (step === undefined) return engineError('DEFINITION_BROKEN');
  if (!actor.roles.includes(step.role)) return engineError('WRONG_ROLE');
  if (actor.agencyId !== state.current.agencyId) return engineError('WRONG_AGENCY');
  if (action.when !== undefined && !evaluateCondition(action.when, context.formData)) return engineError('CONDITION_NOT_MET');
  if (action.type === 'returnResult' && state.status !== 'resolved') return engineError('RESULT_NOT_ISSUED');
  if (action.type === 'completeTransfer' && state.legs.at(-1)?.legKey !== step.leg) return engineError('ACTION_NOT_AVAILABLE');
  return null;
}
