import { resolveAgency } from './agencies.js';
import { findStep, guardAction, guardBuiltIn, isTerminal } from './guards.js';
import { engineError } from './messages.js';
import type {
  Action,
  ActionRequest,
  Actor,
  ApplyResult,
  BuiltInActionId,
  DossierStatus,
  Effect,
  EngineContext,
  EngineError,
  Outcome,
  ProcessDefinition,
  StepPosition,
  WaitReason,
  WorkflowState,
} from './types.js';
import { BUILT_IN_ACTIONS } from './types.js';

/** What the caller knows when a dossier is submitted. */
export interface StartInput {
  readonly receivingAgencyId: string;
  readonly competentAgencyId?: string | null;
  readonly applicantId?: string | null;
}

type Entered = { readonly ok: true; readonly position: StepPosition; readonly effects: Effect[] } | { readonly ok: false; readonly error: EngineError };

/** Moves into a step: resolves its agency and emits the control-sheet row and its deadline. */
function enter(
  def: ProcessDefinition,
  state: WorkflowState,
  stepId: string,
  baseAgencyId: string,
  actionId: string,
  request: ActionRequest | undefined,
  context: EngineContext,
  now: Date,
): Entered {
  const step = findStep(def, stepId);
  if (step === undefined) return { ok: false, error: engineError('DEFINITION_BROKEN') };
  const agency = resolveAgency(step.agency, baseAgencyId, state, context.agencies, request?.toAgencyId);
  if (!agency.ok) return agency;
  const from = state.current;
  return {
    ok: true,
    position: { stepId, agencyId: agency.agencyId, enteredAt: now.toISOString() },
    effects: [
      { type: 'handover', actionId, fromStep: from?.stepId ?? null, toStep: stepId, fromAgency: from?.agencyId ?? null, toAgency: agency.agencyId },
      { type: 'setStepDeadline', stepId, agencyId: agency.agencyId, allotted: step.allotted },
      { type: 'notify', event: 'assigned', to: { kind: 'role', role: step.role, agencyId: agency.agencyId } },
    ],
  };
}

/**
 * The status after work moves on: reception of a `submitted` dossier makes it `received`
 * (receipt, form 01, starts the clock); the next hand-over makes it `processing`.
 */
function progress(def: ProcessDefinition, state: WorkflowState): { status: DossierStatus; clock: WorkflowState['clock']; effects: Effect[] } {
  if (state.status === 'submitted') {
    return {
      status: 'received',
      clock: 'running',
      effects: [
        { type: 'statusChanged', from: 'submitted', to: 'received' },
        { type: 'startClock', allotted: def.legalDeadline ?? null },
        { type: 'notify', event: 'received', to: { kind: 'applicant' } },
      ],
    };
  }
  if (state.status === 'received') {
    return { status: 'processing', clock: state.clock, effects: [{ type: 'statusChanged', from: 'received', to: 'processing' }] };
  }
  return { status: state.status, clock: state.clock, effects: [] };
}

/** Ends the dossier: closes open legs so every transfer row gets its closing entry. */
function end(state: WorkflowState, status: DossierStatus, outcome: Outcome, event: 'refused' | 'returned' | 'withdrawn'): ApplyResult {
  const effects: Effect[] = [{ type: 'statusChanged', from: state.status, to: status }];
  for (const leg of [...state.legs].reverse()) {
    effects.push({ type: 'completeTransfer', legId: leg.id, fromAgency: leg.toAgencyId, toAgency: leg.fromAgencyId });
  }
  effects.push({ type: 'end', outcome }, { type: 'notify', event, to: { kind: 'applicant' } });
  return { ok: true, state: { ...state, status, current: null, legs: [], wait: null, clock: 'stopped' }, effects };
}

function startWait(state: WorkflowState, reason: WaitReason, now: Date): ApplyResult {
  const status: DossierStatus = reason === 'supplement' ? 'awaitingSupplement' : 'awaitingPayment';
  const running = state.clock === 'running';
  const effects: Effect[] = [{ type: 'statusChanged', from: state.status, to: status }];
  if (running) effects.push({ type: 'pauseClock', reason });
  effects.push({ type: 'notify', event: reason === 'supplement' ? 'supplementRequested' : 'paymentRequested', to: { kind: 'applicant' } });
  return {
    ok: true,
    state: {
      ...state,
      status,
      clock: running ? 'paused' : state.clock,
      wait: { reason, since: now.toISOString(), resumeStatus: state.status, clockWasRunning: running },
    },
    effects,
  };
}

function applyBuiltIn(def: ProcessDefinition, state: WorkflowState, id: BuiltInActionId): ApplyResult {
  if (id === 'withdraw') return end(state, 'withdrawn', 'withdrawn', 'withdrawn');
  if (id === 'stop') return end(state, 'stopped', 'stopped', 'refused');
  const wait = state.wait;
  if (wait === null) return { ok: false, error: engineError('ACTION_NOT_AVAILABLE') };
  const effects: Effect[] = [{ type: 'statusChanged', from: state.status, to: wait.resumeStatus }];
  if (wait.clockWasRunning) {
    // Time already used still counts after a supplement unless the procedure restarts the count.
    const restart = wait.reason === 'supplement' && def.supplementRestartsClock === true;
    effects.push({ type: 'resumeClock', restart, pausedSince: wait.since });
  }
  return {
    ok: true,
    state: { ...state, status: wait.resumeStatus, clock: wait.clockWasRunning ? 'running' : state.clock, wait: null },
    effects,
  };
}

/**
 * Creates the workflow state of a newly submitted dossier, pinned to this definition version,
 * at the definition's start step (usually reception at the receiving desk).
 */
export function startDossier(def: ProcessDefinition, input: StartInput, now: Date, context: EngineContext): ApplyResult {
  const blank: WorkflowState = {
    definition: { key: def.key, version: def.version },
    status: 'submitted',
    current: null,
    legs: [],
    clock: 'notStarted',
    wait: null,
    receivingAgencyId: input.receivingAgencyId,
    competentAgencyId: input.competentAgencyId ?? null,
    applicantId: input.applicantId ?? null,
    legSeq: 0,
  };
  const entered = enter(def, blank, def.startStepId, input.receivingAgencyId, 'submit', undefined, context, now);
  if (!entered.ok) return entered;
  return { ok: true, state: { ...blank, current: entered.position }, effects: entered.effects };
}

/**
 * Applies one action to a dossier's workflow state. Pure: it returns the next state and the
 * effects the caller must carry out (control-sheet rows, deadlines, clock, notifications),
 * or a typed error. Decree 118/2025/NĐ-CP: every hand-over is recorded on the control sheet
 * (form 06, Circular 03/2025/TT-VPCP), and time waiting for the applicant is not counted.
 */
export function applyAction(
  def: ProcessDefinition,
  state: WorkflowState,
  request: ActionRequest,
  actor: Actor,
  now: Date,
  context: EngineContext,
): ApplyResult {
  if (def.key !== state.definition.key || def.version !== state.definition.version) {
    return { ok: false, error: engineError('DEFINITION_VERSION_MISMATCH') };
  }
  if (isTerminal(state)) return { ok: false, error: engineError('DOSSIER_CLOSED') };
  const builtIn = BUILT_IN_ACTIONS.find((b) => b === request.actionId);
  if (builtIn !== undefined) {
    const refused = guardBuiltIn(def, state, builtIn, actor);
    return refused === null ? applyBuiltIn(def, state, builtIn) : { ok: false, error: refused };
  }
  const action = def.actions.find((a) => a.id === request.actionId);
  if (action === undefined) return { ok: false, error: engineError('ACTION_NOT_FOUND') };
  const refused = guardAction(def, state, action, actor, context);
  if (refused !== null) return { ok: false, error: refused };
  return perform(def, state, action, request, now, context);
}

function perform(
  def: ProcessDefinition,
  state: WorkflowState,
  action: Action,
  request: ActionRequest,
  now: Date,
  context: EngineContext,
): ApplyResult {
  // guardAction has checked that the dossier is at a step; this narrows the type.
  const current = state.current;
  if (current === null) return { ok: false, error: engineError('DOSSIER_CLOSED') };
  switch (action.type) {
    case 'requestSupplement':
      return startWait(state, 'supplement', now);
    case 'requestPayment':
      return startWait(state, 'payment', now);
    case 'refuse': {
      // Refused before reception: "từ chối tiếp nhận" (form 03); afterwards: "dừng xử lý" (form 05).
      const before = state.wait?.resumeStatus ?? state.status;
      return before === 'submitted' ? end(state, 'rejected', 'rejected', 'refused') : end(state, 'stopped', 'stopped', 'refused');
    }
    case 'returnResult':
      return end(state, 'returned', 'returned', 'returned');
    case 'forward':
    case 'sendBack':
    case 'approve':
    case 'issueResult': {
      const entered = enter(def, state, action.to, current.agencyId, action.id, request, context, now);
      if (!entered.ok) return entered;
      const moved = progress(def, state);
      let effects: Effect[] = moved.effects;
      let status = moved.status;
      if (action.type === 'issueResult') {
        // One status row for the whole action, even when it also completes reception.
        effects = effects.filter((e) => e.type !== 'statusChanged');
        effects.unshift({ type: 'statusChanged', from: state.status, to: 'resolved' });
        effects.push({ type: 'resolve' }, { type: 'notify', event: 'resultReady', to: { kind: 'applicant' } });
        status = 'resolved';
      }
      effects.push(...entered.effects);
      return { ok: true, state: { ...state, status, clock: moved.clock, current: entered.position }, effects };
    }
    case 'transfer':
      return transfer(def, state, current, action.id, action.leg, request, now, context);
    case 'completeTransfer':
      return completeTransfer(def, state, action.id, now, context);
  }
}

function transfer(
  def: ProcessDefinition,
  state: WorkflowState,
  current: StepPosition,
  actionId: string,
  legKey: string,
  request: ActionRequest,
  now: Date,
  context: EngineContext,
): ApplyResult {
  const leg = def.legs?.find((l) => l.id === legKey);
  if (leg === undefined) return { ok: false, error: engineError('DEFINITION_BROKEN') };
  const target = resolveAgency(leg.agency, current.agencyId, state, context.agencies, request.toAgencyId);
  if (!target.ok) return target;
  const legSeq = state.legSeq + 1;
  const legId = `${leg.id}#${legSeq}`;
  // The leg's steps resolve their agency from the agency the dossier was transferred to.
  const entered = enter(def, state, leg.startStepId, target.agencyId, actionId, undefined, context, now);
  if (!entered.ok) return entered;
  const moved = progress(def, state);
  const effects: Effect[] = [
    ...moved.effects,
    {
      type: 'createTransfer',
      legId,
      legKey: leg.id,
      fromAgency: current.agencyId,
      toAgency: target.agencyId,
      toAgencySelector: leg.agency,
      allotted: leg.allotted,
    },
    ...entered.effects,
    { type: 'notify', event: 'transferred', to: { kind: 'applicant' } },
  ];
  const open = { id: legId, legKey: leg.id, fromStepId: current.stepId, fromAgencyId: current.agencyId, toAgencyId: target.agencyId, openedAt: now.toISOString() };
  return {
    ok: true,
    state: { ...state, status: moved.status, clock: moved.clock, current: entered.position, legs: [...state.legs, open], legSeq },
    effects,
  };
}

function completeTransfer(def: ProcessDefinition, state: WorkflowState, actionId: string, now: Date, context: EngineContext): ApplyResult {
  const open = state.legs.at(-1);
  const leg = open === undefined ? undefined : def.legs?.find((l) => l.id === open.legKey);
  if (open === undefined || leg === undefined || leg.returnTo === null) return { ok: false, error: engineError('DEFINITION_BROKEN') };
  // Back at the sender: its step resolves its agency from the sending agency.
  const entered = enter(def, state, leg.returnTo, open.fromAgencyId, actionId, undefined, context, now);
  if (!entered.ok) return entered;
  const moved = progress(def, state);
  const effects: Effect[] = [
    ...moved.effects,
    { type: 'completeTransfer', legId: open.id, fromAgency: open.toAgencyId, toAgency: open.fromAgencyId },
    ...entered.effects,
    { type: 'notify', event: 'transferReturned', to: { kind: 'applicant' } },
  ];
  return {
    ok: true,
    state: { ...state, status: moved.status, clock: moved.clock, current: entered.position, legs: state.legs.slice(0, -1) },
    effects,
  };
}
