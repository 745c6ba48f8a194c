/**
 * Carries out the demonstration plans through the real use cases (`createDossier`,
 * `performAction`, `issueApology`, `rateDossier`), in time order across all dossiers, on a
 * manual clock moved from step to step: codes, appointments, control sheets, audit rows and
 * timeliness are what the system itself computes.
 */
import type { Actor } from '../../platform/auth/authorize.js';
import type { ManualClock } from '../../platform/clock.js';
import type { PlatformServices } from '../../platform/context.js';
import { addOfficeTime, computeDue, nextOfficeMoment, officeTimeBetween, type WorkingCalendar } from '../calendar/index.js';
import type { Procedure } from '../catalog/index.js';
import type { ProcessDefinition } from '../workflow/index.js';
import { createDossier, type CreateDossierInput } from './create-dossier.js';
import { performAction, type ActionInput } from './perform-action.js';
import type { presentDossier } from './present.js';
import { isResolving, type DossierPlan } from './seed-plan.js';
import type { Rng } from './seed-prng.js';
import { issueApology, rateDossier } from './side-actions.js';

type Presented = ReturnType<typeof presentDossier>;

/** An applicant of the demonstration: a citizen or organization, and its account when it has one. */
export interface SeedOwner {
  number: string;
  name: string;
  actor?: Actor;
}

/** Everything the runner needs besides the plans. */
export interface RunContext {
  services: PlatformServices;
  clock: ManualClock;
  /** Nothing happens at or after this instant. */
  end: Date;
  rng: Rng;
  calendarOf: (deskCode: string) => WorkingCalendar;
  /** Officials by `<agency code>|<role>`. */
  officials: Map<string, Actor>;
  deskAgency: Map<string, string>;
  citizens: readonly SeedOwner[];
  organizations: readonly SeedOwner[];
  procedures: Map<string, Procedure>;
  definitions: Map<string, ProcessDefinition>;
  /** E-form data per plan (same index). */
  forms: readonly Record<string, unknown>[];
  /** The demo file attached online for every mandatory document. */
  demoFile?: { sha256: string };
}

interface Live {
  plan: DossierPlan;
  index: number;
  /** When the next step happens (ms since epoch). */
  next: number;
  /** -1: not yet filed; otherwise the index of the next script entry. */
  step: number;
  dossier?: Presented;
  /** When the result is meant to be issued (pace-driven dossiers). */
  target?: number;
  /** Office time left to the target when the dossier started waiting for the applicant. */
  budgetLeft?: number;
  done: boolean;
}

const MIN = 60_000;
const HOUR = 3_600_000;
const AUDIT = (actor: Actor) => ({ actor: { id: actor.accountId, label: actor.username }, origin: {} });

/** Runs every plan in time order; returns how many use-case calls were made. */
export async function runPlans(ctx: RunContext, plans: readonly DossierPlan[]): Promise<number> {
  const live: Live[] = plans.map((plan, index) => ({ plan, index, next: plan.submitAt.getTime(), step: -1, done: false }));
  let calls = 0;
  for (;;) {
    let best: Live | undefined;
    for (const l of live) if (!l.done && (!best || l.next < best.next)) best = l;
    if (!best) break;
    if (best.next >= ctx.end.getTime()) {
      best.done = true;
      continue;
    }
    ctx.clock.set(best.next);
    await advance(ctx, best);
    calls++;
  }
  return calls;
}

function ownerOf(ctx: RunContext, plan: DossierPlan): SeedOwner {
  const pool = plan.owner.kind === 'citizen' ? ctx.citizens : ctx.organizations;
  const owner = pool[plan.owner.index];
  if (!owner) throw new Error(`dossier demo: no ${plan.owner.kind} #${plan.owner.index}`);
  return owner;
}

function official(ctx: RunContext, agencyCode: string | undefined, role: string | null | undefined): Actor | undefined {
  return agencyCode && role ? ctx.officials.get(`${agencyCode}|${role}`) : undefined;
}

async function file(ctx: RunContext, l: Live): Promise<void> {
  const { plan } = l;
  const procedure = ctx.procedures.get(plan.procedureCode);
  const agency = ctx.deskAgency.get(plan.deskCode);
  const owner = ownerOf(ctx, plan);
  const actor = plan.channel === 'online' ? owner.actor : official(ctx, agency, 'receptionOfficer');
  if (!procedure || !actor) throw new Error(`dossier demo: cannot file ${plan.procedureCode} at ${plan.deskCode}`);
  const input: CreateDossierInput = {
    procedureCode: plan.procedureCode,
    deskCode: plan.deskCode,
    owner: { kind: plan.owner.kind, number: owner.number },
    formData: ctx.forms[l.index] ?? {},
    delivery: plan.delivery === 'post' ? { method: 'post', address: `${ctx.rng.between(1, 300)} Lê Duẩn, thành phố Đà Nẵng` } : { method: plan.delivery },
  };
  if (plan.channel === 'online' && ctx.demoFile) {
    const sha256 = ctx.demoFile.sha256;
    input.documents = procedure.documents.filter((d) => d.mandatory).map((d) => ({ requirementId: d.id, sha256, fileName: `${d.id}.pdf` }));
  }
  l.dossier = (await createDossier(ctx.services, actor, input, AUDIT(actor))).dossier;
}

/** The action's type in its workflow (built-in actions are their own type). */
function typeOf(ctx: RunContext, plan: DossierPlan, actionId: string): string {
  return ctx.definitions.get(plan.workflowKey)?.actions.find((a) => a.id === actionId)?.type ?? actionId;
}

function actionInput(ctx: RunContext, l: Live, d: Presented, actionId: string, type: string): ActionInput {
  const { rng } = ctx;
  const input: ActionInput = { actionId, version: d.version };
  const local = new Date(ctx.clock.now().getTime() + 7 * HOUR).toISOString().slice(0, 10);
  switch (type) {
    case 'requestSupplement':
      input.supplementItems = [{ name: rng.pick(['Bản sao giấy chứng nhận quyền sử dụng đất', 'Tờ khai có chữ ký của người yêu cầu', 'Văn bản ủy quyền có chứng thực', 'Bản vẽ mặt bằng có chữ ký của chủ nhà']) }];
      input.note = 'Đề nghị bổ sung trong 10 ngày làm việc';
      break;
    case 'requestPayment':
      input.note = 'Nộp lệ phí tại quầy hoặc trực tuyến';
      break;
    case 'paymentReceived':
      input.payment = { amount: d.feeTotal > 0 ? d.feeTotal : 50_000, reference: `BL-${rng.digits(7)}`, method: rng.pick(['cash', 'transfer', 'card'] as const) };
      break;
    case 'refuse':
    case 'stop':
      input.reason = rng.pick(['Hồ sơ không đủ điều kiện theo quy định', 'Giấy tờ không hợp lệ, người nộp không bổ sung', 'Thủ tục không thuộc thẩm quyền giải quyết của cơ quan']);
      break;
    case 'issueResult':
      input.result = { number: `${rng.between(10, 2999)}/${l.plan.procedureCode.replace(/\./g, '')}`, date: local, signer: official(ctx, d.receivingAgency.code, 'leader')?.displayName ?? 'Lãnh đạo', summary: d.procedure.name };
      break;
    case 'returnResult':
      if (l.plan.delivery === 'counter') input.delivery = { receivedBy: ownerOf(ctx, l.plan).name };
      if (l.plan.delivery === 'post') input.delivery = { trackingNumber: `EB${rng.digits(9)}VN` };
      break;
  }
  if (actionId === 'withdraw') input.note = 'Không còn nhu cầu';
  return input;
}

/** Who takes an action: the holder of the current step, or for built-in ones the applicant, the desk or a leader. */
function actorFor(ctx: RunContext, l: Live, d: Presented, actionId: string): Actor | undefined {
  const desk = official(ctx, d.receivingAgency.code, 'receptionOfficer');
  const applicant = l.plan.channel === 'online' ? ownerOf(ctx, l.plan).actor : undefined;
  switch (actionId) {
    case 'withdraw':
    case 'supplementReceived':
      return applicant ?? desk;
    case 'paymentReceived':
      return desk;
    case 'stop':
      return official(ctx, d.currentAgency?.code, 'leader') ?? official(ctx, d.receivingAgency.code, 'leader');
    default:
      return official(ctx, d.currentAgency?.code, d.currentRole);
  }
}

async function act(ctx: RunContext, l: Live, actionId: string): Promise<boolean> {
  const d = l.dossier;
  if (!d) return false;
  if (actionId === '@apology') {
    const leader = official(ctx, d.receivingAgency.code, 'leader');
    if (!leader || !d.dueAt || Date.parse(d.dueAt) <= ctx.clock.now().getTime()) return true; // too late for an apology: skip it
    const newDueAt = computeDue(ctx.calendarOf(l.plan.deskCode), new Date(d.dueAt), { unit: 'workingDays', value: ctx.rng.between(3, 5) }).toISOString();
    l.dossier = await issueApology(ctx.services, leader, d.id, { version: d.version, newDueAt, reason: 'Cần xác minh thêm thông tin tại địa phương' }, AUDIT(leader));
    return true;
  }
  if (actionId === '@rate') {
    const applicant = ownerOf(ctx, l.plan).actor;
    if (!applicant || l.plan.rating === undefined) return true;
    const comment = l.plan.rating >= 4 ? 'Cán bộ hướng dẫn tận tình' : l.plan.rating <= 2 ? 'Phải đi lại nhiều lần' : undefined;
    await rateDossier(ctx.services, applicant, d.id, { score: l.plan.rating, ...(comment ? { comment } : {}) }, AUDIT(applicant));
    return true;
  }
  const actor = actorFor(ctx, l, d, actionId);
  // Nobody holds the step (e.g. the level above a ward has no demo officials): it waits there.
  if (!actor) return false;
  l.dossier = await performAction(ctx.services, actor, d.id, actionInput(ctx, l, d, actionId, typeOf(ctx, l.plan, actionId)), AUDIT(actor));
  return true;
}

const between = (rng: Rng, lo: number, hi: number) => lo + rng.next() * (hi - lo);

/** When the next script entry happens, given what was just done. */
function nextTime(ctx: RunContext, l: Live, done: string | undefined): number {
  const { plan } = l;
  const { rng } = ctx;
  const cal = ctx.calendarOf(plan.deskCode);
  const now = ctx.clock.now();
  const office = (ms: number) => addOfficeTime(cal, now, Math.max(0, ms)).getTime();
  const upcoming = plan.script[l.step] ?? '';
  const d = l.dossier;
  if (done === undefined) return plan.channel === 'online' ? office(between(rng, 0.3, 10) * HOUR) : now.getTime() + between(rng, 2, 15) * MIN;
  const type = typeOf(ctx, plan, done);
  if (type === 'requestSupplement' || type === 'requestPayment') {
    if (l.target !== undefined) l.budgetLeft = Math.max(0, officeTimeBetween(cal, now, new Date(l.target)));
    return nextOfficeMoment(cal, new Date(now.getTime() + between(rng, 1, 5) * 86_400_000)).getTime();
  }
  if ((done === 'supplementReceived' || done === 'paymentReceived') && l.budgetLeft !== undefined) l.target = office(l.budgetLeft);
  if (l.target === undefined && typeof plan.pace === 'number' && d?.receivedAt && d.dueAt) {
    const span = Math.max(30 * MIN, officeTimeBetween(cal, new Date(d.receivedAt), new Date(d.dueAt)));
    l.target = addOfficeTime(cal, new Date(d.receivedAt), span * plan.pace).getTime();
  }
  if (upcoming === '@rate') return now.getTime() + between(rng, 1, 48) * HOUR;
  if (upcoming === '@apology' && d?.dueAt) return office(officeTimeBetween(cal, now, new Date(d.dueAt)) * between(rng, 0.3, 0.7));
  if (isResolving(plan.workflowKey, done)) return office(plan.workflowKey === 'same-day-certification' ? between(rng, 5, 40) * MIN : between(rng, 0.2, 12) * HOUR);
  if (plan.pace === 'quick' || l.target === undefined) return office(between(rng, 15, 180) * MIN);
  const rest = plan.script.slice(l.step);
  const resolving = rest.findIndex((a) => isResolving(plan.workflowKey, a));
  const remaining = Math.max(1, (resolving < 0 ? rest.length : resolving + 1) - rest.filter((a, i) => a.startsWith('@') && (resolving < 0 || i < resolving)).length);
  const left = officeTimeBetween(cal, now, new Date(l.target));
  return office(left > 0 ? Math.max(10 * MIN, (left / remaining) * between(rng, 0.6, 1.4)) : between(rng, 10, 90) * MIN);
}

/** Takes the dossier's next step and schedules the one after. */
async function advance(ctx: RunContext, l: Live): Promise<void> {
  let done: string | undefined;
  if (l.step < 0) {
    await file(ctx, l);
  } else {
    done = l.plan.script[l.step];
    if (done === undefined || !(await act(ctx, l, done))) {
      l.done = true;
      return;
    }
  }
  l.step++;
  if (l.step >= l.plan.script.length) {
    l.done = true;
    return;
  }
  l.next = Math.max(ctx.clock.now().getTime() + 1, nextTime(ctx, l, done));
}
