import { computeDue, resumeDue, type DeadlineRule, type WorkingCalendar } from '../calendar/index.js';
import type { Effect } from '../workflow/index.js';
import { localDayYYMMDD, dossierCode, timeliness } from './domain.js';
import type { DossierDb, DossierRow } from './tables.js';
import type { AgencyInfo } from './engine-context.js';

/** What carrying out the engine's effects changes on the dossier row, and the rows to add. */
export interface EffectOutcome {
  patch: Partial<DossierRow>;
  /** Control-sheet rows (without ids and sequence numbers). */
  events: {
    action: string;
    fromStep: string | null;
    toStep: string | null;
    fromAgency: string | null;
    toAgency: string | null;
    stepDueAt: string | null;
    kind: 'handover' | 'transfer' | 'transferReturn' | 'status';
  }[];
  /** Agencies that now hold the dossier (transfers): they may see it from now on. */
  newAgencies: string[];
  notifications: { event: string; to: { kind: 'applicant' } | { kind: 'role'; role: string; agencyId: string } }[];
}

/**
 * Carries out the engine's effects against the calendar: deadlines of steps, the dossier's
 * appointment (started at reception, moved by pauses), the code assigned at reception, the
 * resolution verdict. Pure apart from the code counter, which it takes as a function.
 */
export async function applyEffects(
  row: DossierRow,
  effects: readonly Effect[],
  now: Date,
  cal: WorkingCalendar,
  nextCodeSeq: (agencyCode: string, day: string) => Promise<number>,
  agencies: Map<string, AgencyInfo>,
): Promise<EffectOutcome> {
  const out: EffectOutcome = { patch: {}, events: [], newAgencies: [], notifications: [] };
  const at = now.toISOString();
  const rule = row.deadline_rule ? (JSON.parse(row.deadline_rule) as DeadlineRule) : null;
  const stepDue = new Map<string, string>();
  for (const e of effects) if (e.type === 'setStepDeadline') stepDue.set(e.stepId, computeDue(cal, now, e.allotted).toISOString());
  for (const e of effects) {
    switch (e.type) {
      case 'handover': {
        const due = stepDue.get(e.toStep) ?? null;
        out.events.push({ action: e.actionId, fromStep: e.fromStep, toStep: e.toStep, fromAgency: e.fromAgency, toAgency: e.toAgency, stepDueAt: due, kind: 'handover' });
        const agency = agencies.get(e.toAgency);
        out.patch.current_step = e.toStep;
        out.patch.current_agency_code = e.toAgency;
        out.patch.current_agency_path = agency?.path ?? null;
        out.patch.step_due_at = due;
        out.patch.assignee_id = null;
        break;
      }
      case 'statusChanged':
        out.patch.status = e.to;
        break;
      case 'startClock': {
        const day = localDayYYMMDD(now);
        const seq = await nextCodeSeq(row.receiving_agency_code, day);
        out.patch.code = dossierCode(row.receiving_agency_code, day, seq);
        out.patch.received_at = at;
        const effective = rule ?? e.allotted;
        if (effective) {
          const due = computeDue(cal, now, effective).toISOString();
          out.patch.due_at = due;
          out.patch.original_due_at = due;
        }
        break;
      }
      case 'pauseClock':
        out.patch.paused_at = at;
        break;
      case 'resumeClock': {
        const pausedAt = new Date(row.paused_at ?? e.pausedSince);
        const shift = (iso: string | null) =>
          iso && rule ? resumeDue(cal, { originalDue: new Date(iso), pausedAt, resumedAt: now, rule, restart: e.restart }).toISOString() : iso;
        out.patch.due_at = shift(row.due_at);
        out.patch.original_due_at = shift(row.original_due_at);
        out.patch.paused_at = null;
        break;
      }
      case 'createTransfer':
        out.events.push({ action: 'transfer', fromStep: null, toStep: null, fromAgency: e.fromAgency, toAgency: e.toAgency, stepDueAt: computeDue(cal, now, e.allotted).toISOString(), kind: 'transfer' });
        out.newAgencies.push(e.toAgency);
        out.patch.transferred = 1;
        break;
      case 'completeTransfer':
        out.events.push({ action: 'transferReturn', fromStep: null, toStep: null, fromAgency: e.fromAgency, toAgency: e.toAgency, stepDueAt: null, kind: 'transferReturn' });
        break;
      case 'resolve': {
        out.patch.resolved_at = at;
        const due = out.patch.original_due_at ?? row.original_due_at;
        if (due) out.patch.timeliness = timeliness(now, new Date(due));
        break;
      }
      case 'end':
        out.patch.finished_at = at;
        out.patch.current_step = null;
        out.patch.current_role = null;
        out.patch.assignee_id = null;
        out.patch.step_due_at = null;
        break;
      case 'notify':
        out.notifications.push({ event: e.event, to: e.to });
        break;
      case 'setStepDeadline':
        break;
    }
  }
  return out;
}

/**
 * The next number in an agency's daily sequence, taken inside the receiving transaction: an
 * upsert on the (agency, day) counter row, which PostgreSQL locks for the rest of the
 * transaction and SQLite serializes as its single writer, so concurrent receptions get
 * distinct, gap-free numbers.
 */
export async function nextCodeSeq(trx: DossierDb, agencyCode: string, day: string): Promise<number> {
  const row = await trx
    .insertInto('dossier_code_counters')
    .values({ agency_code: agencyCode, day, last_seq: 1 })
    .onConflict((oc) => oc.columns(['agency_code', 'day']).doUpdateSet((eb) => ({ last_seq: eb('dossier_code_counters.last_seq', '+', 1) })))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}
