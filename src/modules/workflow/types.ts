/**
 * The data model of process definitions (quy trình nội bộ) and of a running dossier's
 * workflow state. Everything here is JSON-serializable: definitions are stored as JSON and
 * states are stored beside the dossier row.
 *
 * Legal frame: Decree 118/2025/NĐ-CP (one-stop and inter-level one-stop mechanism, "một cửa,
 * một cửa liên thông"): each procedure has an internal workflow with steps, a role that acts,
 * and an allotted time per step; inter-level transfers each have their own allotted time.
 */

/** A text in both languages the system speaks. */
export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

/** Roles known to the system (see DOMAIN.md "People and places"). */
export const KNOWN_ROLES = [
  'receptionOfficer',
  'specialist',
  'leader',
  'clerk',
  'agencyAdmin',
  'systemAdmin',
  'statsViewer',
] as const;
export type Role = (typeof KNOWN_ROLES)[number];

/**
 * An allotted time. `sameDay` means "within the working day it starts" (a dossier received
 * after 15:00 is due the next working day; the calendar module applies that rule).
 */
export type DeadlineRule =
  | { readonly unit: 'workingDays' | 'workingHours' | 'calendarDays'; readonly value: number }
  | { readonly unit: 'sameDay' };

/**
 * How the agency that acts on a step (or receives a transfer) is chosen.
 * - `receiving`: the agency whose desk received the dossier;
 * - `competent`: the procedure's competent agency (cơ quan có thẩm quyền), given at start;
 * - `current`: the agency holding the dossier now (the usual choice inside a transfer leg);
 * - `named`: a fixed agency by its code;
 * - `parent` / `child`: one level up / down from the current agency in the agency tree.
 *   `child` needs the acting officer to name the child agency (`toAgencyId`).
 */
export type AgencySelector =
  | { readonly kind: 'receiving' }
  | { readonly kind: 'competent' }
  | { readonly kind: 'current' }
  | { readonly kind: 'named'; readonly code: string }
  | { readonly kind: 'parent' }
  | { readonly kind: 'child' };

/** A JSON value an e-form field may hold and a condition may compare with. */
export type Scalar = string | number | boolean | null;

/** Comparison operators of the condition language. `in` takes an array; `exists` no value. */
export type ComparisonOp = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'exists';

/**
 * A condition over the dossier's e-form data, as data (never evaluated with `eval`).
 * `field` is a dotted path into the form data, e.g. `construction.floorArea`.
 * @example { all: [{ field: 'floorArea', op: 'gt', value: 250 }, { field: 'zone', op: 'eq', value: 'urban' }] }
 */
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | { readonly field: string; readonly op: ComparisonOp; readonly value?: Scalar | readonly Scalar[] };

/** What a step is for; used for status changes, diagrams and reports. */
export type StepKind = 'reception' | 'processing' | 'appraisal' | 'approval' | 'result' | 'return';

/** One step of a process: who acts, where, and how long they have. */
export interface StepOf<R extends string> {
  readonly id: string;
  readonly name: Bilingual;
  readonly kind: StepKind;
  /** The role that acts on this step. */
  readonly role: R;
  readonly agency: AgencySelector;
  readonly allotted: DeadlineRule;
  /** The transfer leg this step belongs to; absent for the main track. */
  readonly leg?: string;
}

/** Fields every action has. */
interface ActionBase {
  /** Unique within the definition; the UI sends it back to apply the action. */
  readonly id: string;
  /** The step the action is taken from. */
  readonly from: string;
  /** Button text; a default per action type is used when absent. */
  readonly label?: Bilingual;
  /** The action is offered only when this condition on the e-form data holds. */
  readonly when?: Condition;
}

/** Actions that move the dossier to another step of the same track. */
export interface MoveAction extends ActionBase {
  /**
   * `forward`: on to the next step; `sendBack`: back to an earlier step; `approve`: the leader
   * approves and passes on; `issueResult`: the result is issued (dossier becomes `resolved`).
   */
  readonly type: 'forward' | 'sendBack' | 'approve' | 'issueResult';
  readonly to: string;
}

/** Transfer (liên thông) to another agency or level: opens a leg. */
export interface TransferAction extends ActionBase {
  readonly type: 'transfer';
  /** The id of the leg definition to open. */
  readonly leg: string;
}

/** Actions that do not name a target step. */
export interface PlainAction extends ActionBase {
  /**
   * `completeTransfer`: the leg's last step sends the dossier back to the sender;
   * `requestSupplement` / `requestPayment`: wait for the applicant (the dossier clock pauses);
   * `refuse`: end without a result (rejected at reception, stopped later);
   * `returnResult`: hand the result to the applicant (ends).
   */
  readonly type: 'completeTransfer' | 'requestSupplement' | 'requestPayment' | 'refuse' | 'returnResult';
}

export type Action = MoveAction | TransferAction | PlainAction;
export type ActionType = Action['type'];

/** A transfer leg: its own agency, allotted time and sub-process of steps. */
export interface Leg {
  readonly id: string;
  readonly name: Bilingual;
  /** Where the leg goes, resolved from the agency that transfers. */
  readonly agency: AgencySelector;
  /** The leg's own allotted time, counted from the transfer. */
  readonly allotted: DeadlineRule;
  /** The leg's first step (a step whose `leg` is this leg's id). */
  readonly startStepId: string;
  /** The sender's step that resumes when the leg completes; `null`: the dossier ends in the leg. */
  readonly returnTo: string | null;
}

/** A process definition, generic over the role type so unvalidated input can be typed too. */
export interface ProcessDefinitionOf<R extends string> {
  readonly key: string;
  readonly version: number;
  readonly name: Bilingual;
  /** The procedure's legal deadline; the sum of allotted times is checked against it. */
  readonly legalDeadline?: DeadlineRule;
  /** Some procedures restart the count after a supplement instead of resuming it. */
  readonly supplementRestartsClock?: boolean;
  /** The applicant may withdraw before the result is issued (default true). */
  readonly allowWithdrawal?: boolean;
  readonly startStepId: string;
  readonly steps: readonly StepOf<R>[];
  readonly actions: readonly Action[];
  readonly legs?: readonly Leg[];
}

/** A validated process definition (roles are known roles). */
export type ProcessDefinition = ProcessDefinitionOf<Role>;
export type Step = StepOf<Role>;
/** A definition as it arrives from the API, before validation: any role string. */
export type DefinitionInput = ProcessDefinitionOf<string>;

/** The exact published version a dossier runs on (`key@version`). */
export interface DefinitionRef {
  readonly key: string;
  readonly version: number;
}

/** Dossier statuses (DOMAIN.md, "The dossier and its life"). */
export const DOSSIER_STATUSES = [
  'submitted',
  'received',
  'rejected',
  'processing',
  'awaitingSupplement',
  'awaitingPayment',
  'withdrawn',
  'stopped',
  'resolved',
  'returned',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** Statuses after which nothing more happens to the dossier. */
export const TERMINAL_STATUSES: readonly DossierStatus[] = ['rejected', 'withdrawn', 'stopped', 'returned'];

/** Where the dossier is: a step and the agency acting on it. */
export interface StepPosition {
  readonly stepId: string;
  readonly agencyId: string;
  /** ISO instant the step was entered. */
  readonly enteredAt: string;
}

/** An open transfer leg. Legs nest: the innermost is last. */
export interface OpenLeg {
  /** Instance id, unique within the dossier, e.g. `appraisal#1`. */
  readonly id: string;
  /** The leg definition's id. */
  readonly legKey: string;
  readonly fromStepId: string;
  readonly fromAgencyId: string;
  readonly toAgencyId: string;
  readonly openedAt: string;
}

/** Why the dossier waits for the applicant. */
export type WaitReason = 'supplement' | 'payment';

/** A wait for the applicant, with what to restore afterwards. */
export interface Wait {
  readonly reason: WaitReason;
  readonly since: string;
  readonly resumeStatus: DossierStatus;
  /** Whether the dossier clock was running (it does not run before reception). */
  readonly clockWasRunning: boolean;
}

/**
 * The workflow state of one dossier. History is not kept here: the caller writes control-sheet
 * rows from the effects of each action.
 */
export interface WorkflowState {
  /** Pinned definition version: a running dossier never moves to a newer version. */
  readonly definition: DefinitionRef;
  readonly status: DossierStatus;
  /** The single active step; `null` once the dossier has ended. */
  readonly current: StepPosition | null;
  readonly legs: readonly OpenLeg[];
  /** The dossier clock: starts at reception, pauses while waiting for the applicant. */
  readonly clock: 'notStarted' | 'running' | 'paused' | 'stopped';
  readonly wait: Wait | null;
  readonly receivingAgencyId: string;
  readonly competentAgencyId: string | null;
  /** The applicant's user id (online submissions); lets them withdraw or supplement. */
  readonly applicantId: string | null;
  /** Counter for leg instance ids, so ids are deterministic. */
  readonly legSeq: number;
}

/** Who is acting. Applicants have no roles and no agency. */
export interface Actor {
  readonly userId: string;
  readonly roles: readonly string[];
  readonly agencyId: string | null;
}

/** Built-in actions every definition has; their ids are reserved. */
export const BUILT_IN_ACTIONS = ['withdraw', 'supplementReceived', 'paymentReceived', 'stop'] as const;
export type BuiltInActionId = (typeof BUILT_IN_ACTIONS)[number];

/** What the caller asks the engine to do. */
export interface ActionRequest {
  /** A definition action id, or a built-in one (`withdraw`, `supplementReceived`, `paymentReceived`). */
  readonly actionId: string;
  /** For `child` selectors: the child agency the officer picked. */
  readonly toAgencyId?: string;
}

/** A dossier's e-form data, as submitted. */
export type FormData = Readonly<Record<string, unknown>>;

/** The agency tree as the engine sees it (the registry module provides it). */
export interface AgencyDirectory {
  /** The agency one level up, or null at the top. */
  parentOf(agencyId: string): string | null;
  /** The agency with this code, or null. */
  idByCode(code: string): string | null;
}

/** Inputs the engine reads besides the definition and state. */
export interface EngineContext {
  readonly agencies: AgencyDirectory;
  readonly formData: FormData;
}

/** Who a notification goes to. */
export type Recipient = { readonly kind: 'applicant' } | { readonly kind: 'role'; readonly role: string; readonly agencyId: string };

/** Events the caller may turn into notifications. */
export type NotifyEvent =
  | 'assigned'
  | 'received'
  | 'supplementRequested'
  | 'paymentRequested'
  | 'refused'
  | 'resultReady'
  | 'returned'
  | 'withdrawn'
  | 'transferred'
  | 'transferReturned';

/** How a dossier ended. */
export type Outcome = 'rejected' | 'stopped' | 'withdrawn' | 'returned';

/** Instructions for the caller; the engine itself does no I/O. */
export type Effect =
  /** One control-sheet row (form 06). `fromStep` is null when the dossier enters its first step. */
  | {
      readonly type: 'handover';
      readonly actionId: string;
      readonly fromStep: string | null;
      readonly toStep: string;
      readonly fromAgency: string | null;
      readonly toAgency: string;
    }
  /** The caller computes the due moment with the calendar. */
  | { readonly type: 'setStepDeadline'; readonly stepId: string; readonly agencyId: string; readonly allotted: DeadlineRule }
  | { readonly type: 'statusChanged'; readonly from: DossierStatus; readonly to: DossierStatus }
  /** The dossier is received: the procedure's deadline starts (receipt with appointment date, form 01). */
  | { readonly type: 'startClock'; readonly allotted: DeadlineRule | null }
  | { readonly type: 'pauseClock'; readonly reason: WaitReason }
  /** `restart`: count the procedure's time again from zero; `pausedSince`: for shifting due dates. */
  | { readonly type: 'resumeClock'; readonly restart: boolean; readonly pausedSince: string }
  | {
      readonly type: 'createTransfer';
      readonly legId: string;
      readonly legKey: string;
      readonly fromAgency: string;
      readonly toAgency: string;
      readonly toAgencySelector: AgencySelector;
      readonly allotted: DeadlineRule;
    }
  | { readonly type: 'completeTransfer'; readonly legId: string; readonly fromAgency: string; readonly toAgency: string }
  /** The result is issued: the caller records the resolution time (on time / early / late). */
  | { readonly type: 'resolve' }
  | { readonly type: 'end'; readonly outcome: Outcome }
  | { readonly type: 'notify'; readonly event: NotifyEvent; readonly to: Recipient };

/** Error codes the engine returns. */
export type EngineErrorCode =
  | 'DEFINITION_VERSION_MISMATCH'
  | 'ACTION_NOT_FOUND'
  | 'ACTION_NOT_AVAILABLE'
  | 'WRONG_ROLE'
  | 'WRONG_AGENCY'
  | 'DOSSIER_CLOSED'
  | 'DOSSIER_WAITING'
  | 'CONDITION_NOT_MET'
  | 'RESULT_NOT_ISSUED'
  | 'NOT_APPLICANT'
  | 'AGENCY_NOT_RESOLVED'
  | 'DEFINITION_BROKEN';

export interface EngineError {
  readonly code: EngineErrorCode;
  readonly message: Bilingual;
}

/** The outcome of applying an action. */
export type ApplyResult =
  | { readonly ok: true; readonly state: WorkflowState; readonly effects: readonly Effect[] }
  | { readonly ok: false; readonly error: EngineError };

/** Machine-readable codes of validation findings. */
export type IssueCode =
  | 'INVALID_SHAPE'
  | 'DUPLICATE_ID'
  | 'RESERVED_ACTION_ID'
  | 'UNKNOWN_STEP'
  | 'UNKNOWN_LEG'
  | 'UNKNOWN_ROLE'
  | 'NON_ACTING_ROLE'
  | 'INVALID_ALLOTTED'
  | 'INVALID_CONDITION'
  | 'CROSS_TRACK_TARGET'
  | 'NOT_IN_LEG'
  | 'LEG_WITHOUT_RETURN'
  | 'UNREACHABLE_STEP'
  | 'DEAD_END'
  | 'SEND_BACK_NOT_EARLIER'
  | 'RETURN_WITHOUT_RESULT'
  | 'NO_RESULT_PATH'
  | 'DEADLINE_EXCEEDS_LEGAL'
  | 'LEG_STEPS_EXCEED_LEG';

/** One finding, with a JSON pointer into the definition (e.g. `/steps/2/role`). */
export interface Issue {
  readonly code: IssueCode;
  readonly path: string;
  readonly message: Bilingual;
}

/** Errors block saving; warnings are shown but do not. */
