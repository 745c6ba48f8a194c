/**
 * The plan of the dossier demonstration: which dossiers are filed where, by whom, when, and
 * which actions each one goes through (its script), so that at the end of the simulated
 * period every status is represented, some dossiers are overdue, some were transferred and
 * some got an apology. Pure: the runner (`seed-run.ts`) carries the plans out through the
 * real use cases.
 */
import { computeDue, type DeadlineRule, type WorkingCalendar } from '../calendar/index.js';
import type { Rng } from './seed-prng.js';

/** The statuses a dossier is meant to have when the simulation ends. */
export type TargetStatus = 'submitted' | 'received' | 'processing' | 'awaitingSupplement' | 'awaitingPayment' | 'resolved' | 'returned' | 'rejected' | 'withdrawn' | 'stopped';

/** A reception desk as the plan sees it. */
export interface PlanDesk {
  deskCode: string;
  /** `ward`: a full team handles dossiers; `centre`: reception only (the city centre). */
  kind: 'ward' | 'centre';
  /** Relative share of the dossiers filed here. */
  weight: number;
}

/** A procedure as the plan sees it. */
export interface PlanProcedure {
  code: string;
  workflowKey: string;
  level: 'commune' | 'province';
  rule: DeadlineRule;
  /** The procedure charges a fee at the counter (a payment request makes sense). */
  charged: boolean;
  /** The applicant is an organization (the e-form asks for a tax code). */
  byOrganization: boolean;
  /** Relative frequency among the procedures of its level. */
  weight: number;
}

/** One dossier to simulate. */
export interface DossierPlan {
  deskCode: string;
  procedureCode: string;
  workflowKey: string;
  channel: 'online' | 'counter';
  /** Index into the citizen pool (online: one with an account) or the organization pool. */
  owner: { kind: 'citizen' | 'organization'; index: number };
  delivery: 'counter' | 'post' | 'online';
  target: TargetStatus;
  submitAt: Date;
  /** Action ids after submission, in order; `@apology` and `@rate` are the side actions. */
  script: string[];
  /**
   * Share of the legal time limit the dossier takes to reach its result (below 1: on time;
   * above 1: late). `quick`: a few office hours per step, for dossiers meant to be caught
   * in progress.
   */
  pace: number | 'quick';
  /** For construction permits: the floor area that decides the route. */
  totalFloorArea?: number;
  /** For returned dossiers whose applicant has an account: the rating (1–5). */
  rating?: number;
  overdue: boolean;
}

/** What the plan needs to know besides the random generator. */
export interface PlanInput {
  count: number;
  /** The end of the simulated period (the seed's "today", local midnight). */
  end: Date;
  /** Days simulated before `end`. */
  days: number;
  desks: readonly PlanDesk[];
  procedures: readonly PlanProcedure[];
  calendarOf: (deskCode: string) => WorkingCalendar;
  /** Sizes of the owner pools: citizens with an account come first in the citizen pool. */
  pools: { citizensWithAccount: number; citizens: number; organizations: number };
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

const TARGETS: readonly (readonly [TargetStatus, number])[] = [
  ['submitted', 6], ['received', 8], ['processing', 14], ['awaitingSupplement', 5], ['awaitingPayment', 3],
  ['resolved', 6], ['returned', 40], ['rejected', 6], ['withdrawn', 5], ['stopped', 4],
];
/** What the city centre's reception-only desk can show. */
const CENTRE_TARGETS: readonly TargetStatus[] = ['submitted', 'received', 'rejected', 'withdrawn'];
/** The action that issues the result, per workflow. */
const RESOLVING: Record<string, string> = { 'same-day-certification': 'certify' };
const OVERDUE_SHARE = 0.12;

function rating(rng: Rng): number {
  return rng.weighted([[5, 50], [4, 30], [3, 10], [2, 6], [1, 4]] as const);
}

/** The main path of a workflow up to its end, for a dossier that has no mishap. */
function mainPath(p: PlanProcedure, area: number | undefined): string[] {
  switch (p.workflowKey) {
    case 'same-day-certification':
      return ['receive', 'certify', 'hand'];
    case 'construction-permit':
      return (area ?? 0) > 250
        ? ['receive', 'sendForAppraisal', 'sxdSubmit', 'sxdReturn', 'leaderApprove', 'issueResult', 'returnResult']
        : ['receive', 'submitToLeader', 'leaderApprove', 'issueResult', 'returnResult'];
    case 'ward-to-department':
      // The level above (the city committee) has no demo officials: dossiers wait there.
      return ['receive', 'transferUp'];
    default:
      return ['receive', 'submitToLeader', 'leaderApprove', 'issueResult', 'returnResult'];
  }
}

/** Which targets a procedure's workflow can reach (at a desk of this kind). */
function reachable(p: PlanProcedure, desk: PlanDesk, target: TargetStatus): boolean {
  if (desk.kind === 'centre') return CENTRE_TARGETS.includes(target);
  if (p.workflowKey === 'ward-to-department') return ['submitted', 'received', 'processing', 'awaitingSupplement', 'rejected', 'withdrawn'].includes(target);
  if (p.workflowKey === 'same-day-certification') return !['processing', 'awaitingSupplement', 'awaitingPayment', 'stopped'].includes(target);
  if (target === 'awaitingPayment') return p.charged && p.workflowKey === 'standard-one-stop';
  return true;
}

/** The script that leaves a dossier in the target status. */
function scriptFor(p: PlanProcedure, target: TargetStatus, area: number | undefined, online: boolean, rng: Rng): string[] {
  const path = mainPath(p, area);
  const upTo = (id: string) => path.slice(0, path.indexOf(id) + 1);
  const standard = p.workflowKey === 'standard-one-stop';
  switch (target) {
    case 'submitted':
      return [];
    case 'received':
      return ['receive'];
    case 'processing':
      if (p.workflowKey === 'construction-permit' && (area ?? 0) > 250) return upTo(rng.pick(['sendForAppraisal', 'sxdSubmit', 'sxdReturn']));
      if (p.workflowKey === 'ward-to-department') return upTo('transferUp');
      return upTo(rng.pick(['submitToLeader', 'leaderApprove']));
    case 'awaitingSupplement':
      return p.workflowKey === 'ward-to-department' || rng.chance(0.3) ? ['receptionSupplement'] : ['receive', 'examineSupplement'];
    case 'awaitingPayment':
      return ['receive', 'examinePayment'];
    case 'resolved':
      return upTo(RESOLVING[p.workflowKey] ?? 'issueResult');
    case 'rejected':
      return [p.workflowKey === 'same-day-certification' ? 'refuse' : 'receptionRefuse'];
    case 'withdrawn':
      return online && rng.chance(0.4) ? ['withdraw'] : ['receive', 'withdraw'];
    case 'stopped':
      return path.includes('submitToLeader') && rng.chance(0.5) ? ['receive', 'submitToLeader', 'leaderRefuse'] : ['receive', 'stop'];
    case 'returned': {
      const script = [...path];
      // Mishaps on the way: a supplement, a payment, a leader sending the draft back.
      if (standard || p.workflowKey === 'construction-permit') {
        if (rng.chance(0.18)) script.splice(1, 0, 'examineSupplement', 'supplementReceived');
        if (standard && p.charged && rng.chance(0.2)) script.splice(1, 0, 'examinePayment', 'paymentReceived');
        const approve = script.indexOf('leaderApprove');
        if (rng.chance(0.08) && script[approve - 1] === 'submitToLeader') script.splice(approve, 0, 'leaderSendBack', 'submitToLeader');
      }
      return script;
    }
  }
}

/** Working-day count of a rule, for spacing (same-day rules count as one). */
function ruleDays(rule: DeadlineRule): number {
  if (rule.unit === 'workingDays' || rule.unit === 'calendarDays') return rule.value;
  return 1;
}

/** An office moment on a day `daysBack` before `end`, between 07:45 and 16:30 local time. */
function counterMoment(end: Date, daysBack: number, rng: Rng): Date {
  const minutes = rng.between(7 * 60 + 45, 16 * 60 + 30);
  // `end` is a local midnight (UTC+7).
  return new Date(end.getTime() - daysBack * DAY + minutes * 60_000);
}

/**
 * Plans the demonstration dossiers: statuses by weight (the city centre only receives),
 * procedures by frequency at their level, about 12% overdue (received long enough ago that
 * their appointment has passed), transfers through the construction permit's appraisal leg
 * and the land certificate's level-above leg, apologies on a few late dossiers.
 */
export function planDossiers(input: PlanInput, rng: Rng): DossierPlan[] {
  const plans: DossierPlan[] = [];
  const deskWeights = input.desks.map((d) => [d, d.weight] as const);
  let overdue = 0;
  let apologies = 0;
  for (let i = 0; i < input.count; i++) {
    const desk = rng.weighted(deskWeights);
    const level = desk.kind === 'centre' ? 'province' : 'commune';
    let target = rng.weighted(TARGETS);
    if (desk.kind === 'centre' && !CENTRE_TARGETS.includes(target)) target = target === 'returned' ? 'received' : rng.pick(CENTRE_TARGETS);
    const wantOverdue = (target === 'received' || target === 'processing') && overdue < input.count * OVERDUE_SHARE && rng.chance(0.75);
    const candidates = input.procedures.filter((p) => p.level === level && reachable(p, desk, target) && (target !== 'submitted' || !p.byOrganization) && (wantOverdue || !['received', 'processing'].includes(target) || ruleDays(p.rule) >= 3));
    const procedure = rng.weighted(candidates.map((p) => [p, p.weight] as const));
    const area = procedure.workflowKey === 'construction-permit' ? (rng.chance(0.5) ? rng.between(260, 480) : rng.between(80, 240)) : undefined;
    const online = target === 'submitted' || (!procedure.byOrganization && input.pools.citizensWithAccount > 0 && rng.chance(0.35));
    const owner = procedure.byOrganization
      ? { kind: 'organization' as const, index: rng.int(input.pools.organizations) }
      : { kind: 'citizen' as const, index: online || rng.chance(0.3) ? rng.int(input.pools.citizensWithAccount) : rng.between(input.pools.citizensWithAccount, input.pools.citizens - 1) };
    const cal = input.calendarOf(desk.deskCode);

    let pace: DossierPlan['pace'] = 'quick';
    let submitAt: Date;
    let isOverdue = false;
    if (target === 'submitted') {
      submitAt = new Date(input.end.getTime() - rng.between(1, 40) * HOUR);
    } else if (wantOverdue) {
      // Received long enough ago that the appointment has passed: step back until it has.
      let back = rng.between(3, 12);
      submitAt = counterMoment(input.end, back, rng);
      while (computeDue(cal, submitAt, procedure.rule).getTime() > input.end.getTime() - 4 * HOUR && back < input.days - 2) submitAt = counterMoment(input.end, ++back, rng);
      isOverdue = true;
      overdue++;
    } else if (['received', 'processing', 'awaitingSupplement', 'awaitingPayment', 'resolved'].includes(target)) {
      submitAt = counterMoment(input.end, rng.between(1, target === 'resolved' ? 4 : 2), rng);
    } else {
      const r = rng.next();
      pace = r < 0.55 ? 0.2 + rng.next() * 0.5 : r < 0.86 ? 0.75 + rng.next() * 0.2 : 1.05 + rng.next() * 0.5;
      // Long enough before the end for the whole script to play out, late dossiers included.
      const needed = Math.ceil(ruleDays(procedure.rule) * 1.5 * Math.max(1, pace)) + 6;
      submitAt = counterMoment(input.end, rng.between(Math.min(needed, input.days - 1), input.days), rng);
    }
    if (online && target !== 'submitted') submitAt = new Date(submitAt.getTime() - rng.between(1, 30) * HOUR);

    const script = scriptFor(procedure, target, area, online, rng);
    const lateWithRoom = typeof pace === 'number' && pace > 1.05 && ruleDays(procedure.rule) >= 3;
    if (target === 'returned' && lateWithRoom && apologies < 8) {
      // The apology comes before the appointment passes (form 04): before the leader signs.
      const at = script.indexOf('leaderApprove');
      script.splice(at > 0 ? at : 1, 0, '@apology');
      apologies++;
    }
    const plan: DossierPlan = {
      deskCode: desk.deskCode,
      procedureCode: procedure.code,
      workflowKey: procedure.workflowKey,
      channel: online ? 'online' : 'counter',
      owner,
      delivery: online ? rng.pick(['online', 'post', 'counter'] as const) : rng.chance(0.15) ? 'post' : 'counter',
      target,
      submitAt,
      script,
      pace,
      overdue: isOverdue,
    };
    if (area !== undefined) plan.totalFloorArea = area;
    if (target === 'returned' && owner.kind === 'citizen' && owner.index < input.pools.citizensWithAccount && rng.chance(0.8)) {
      plan.rating = rating(rng);
      plan.script.push('@rate');
    }
    plans.push(plan);
  }
  return plans;
}

/** Whether an action id issues the result in its workflow (the end of the pace budget). */
export function isResolving(workflowKey: string, actionId: string): boolean {
  return actionId === (RESOLVING[workflowKey] ?? 'issueResult');
}
