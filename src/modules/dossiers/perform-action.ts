import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/authorize.js';
import type { AuditActor, RequestOrigin } from '../../platform/audit/audit.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { PlatformServices } from '../../platform/context.js';
import { asPlatformDb } from '../../platform/db/database.js';
import { AppError, type Bilingual } from '../../platform/errors.js';
import { enqueue } from '../../platform/jobs/outbox.js';
import { loadDeskCalendar } from '../calendar/index.js';
import { recordDossierChange } from '../stats/index.js';
import { applyAction, type EngineError, type WorkflowState } from '../workflow/index.js';
import { applyEffects, nextCodeSeq } from './effects.js';
import { engineActor, loadWorld, pinnedDefinition } from './engine-context.js';
import { dossierDb, type DossierDb, type DossierRow, type DossierTables } from './tables.js';

type DossierEventInsert = DossierTables['dossier_events'];
type DossierRequestKind = DossierTables['dossier_requests']['kind'];
import { presentDossier } from './present.js';

/** What an officer or applicant sends with an action; which fields matter depends on its type. */
export interface ActionInput {
  actionId: string;
  /** The dossier version the actor saw; a stale one gets 409 with the current state. */
  version: number;
  note?: string;
  /** For transfers to a lower level chosen by the officer. */
  toAgencyCode?: string;
  /** Hand the next step to this official (account id) at the receiving agency. */
  assigneeId?: string;
  /** requestSupplement: everything missing, listed at once (form 02). */
  supplementItems?: { name: string; note?: string }[];
  /** refuse / stop: the reason, printed on form 03 / 05. */
  reason?: string;
  /** issueResult: the result document (số, ngày, người ký, trích yếu). */
  result?: { number: string; date: string; signer: string; summary: string };
  /** returnResult: who took it at the counter, or the postal tracking number. */
  delivery?: { receivedBy?: string; trackingNumber?: string };
  /** Files uploaded with the action: supplements, result documents, scans. */
  documents?: { requirementId?: string; sha256: string; fileName: string }[];
  /** paymentReceived at the counter. */
  payment?: { amount: number; reference: string; method: 'cash' | 'transfer' | 'card' };
}

const ENGINE_TO_APP: Record<EngineError['code'], 'FORBIDDEN' | 'DOSSIER_ACTION_NOT_ALLOWED' | 'BAD_REQUEST' | 'INTERNAL'> = {
  DEFINITION_VERSION_MISMATCH: 'INTERNAL',
  ACTION_NOT_FOUND: 'BAD_REQUEST',
  ACTION_NOT_AVAILABLE: 'DOSSIER_ACTION_NOT_ALLOWED',
  WRONG_ROLE: 'FORBIDDEN',
  WRONG_AGENCY: 'FORBIDDEN',
  NOT_APPLICANT: 'FORBIDDEN',
  DOSSIER_CLOSED: 'DOSSIER_ACTION_NOT_ALLOWED',
  DOSSIER_WAITING: 'DOSSIER_ACTION_NOT_ALLOWED',
  CONDITION_NOT_MET: 'DOSSIER_ACTION_NOT_ALLOWED',
  RESULT_NOT_ISSUED: 'DOSSIER_ACTION_NOT_ALLOWED',
  AGENCY_NOT_RESOLVED: 'BAD_REQUEST',
  DEFINITION_BROKEN: 'INTERNAL',
};

function missing(field: string, message: Bilingual): never {
  throw new AppError('VALIDATION_FAILED', { detail: message, errors: [{ field: `/body/${field}`, reason: 'required', message }] });
}

/** Loads a dossier row for update: locked on PostgreSQL so concurrent actions queue up. */
export async function lockDossier(trx: DossierDb, id: string, dialect: 'sqlite' | 'postgres'): Promise<DossierRow | undefined> {
  const q = trx.selectFrom('dossiers').selectAll().where('id', '=', id);
  return dialect === 'postgres' ? q.forUpdate().executeTakeFirst() : q.executeTakeFirst();
}

/** Appends control-sheet/history rows after the dossier's last one. */
export async function appendEvents(
  trx: DossierDb,
  newId: () => string,
  dossierId: string,
  rows: Omit<DossierEventInsert, 'id' | 'dossier_id' | 'seq'>[],
): Promise<void> {
  if (rows.length === 0) return;
  const last = await trx.selectFrom('dossier_events').select(sql<number>`max(seq)`.as('m')).where('dossier_id', '=', dossierId).executeTakeFirst();
  let seq = Number(last?.m ?? 0);
  await trx
    .insertInto('dossier_events')
    .values(rows.map((r) => ({ ...r, id: newId(), dossier_id: dossierId, seq: ++seq })))
    .execute();
}

/**
 * Applies a workflow action to a dossier, as the law reads: load → authorize → check state →
 * change in one transaction (dossier row, control-sheet rows, request records, audit row,
 * outbox messages) → return the new state. A stale version gets 409 with the current state.
 */
export async function performAction(
  services: PlatformServices,
  actor: Actor,
  dossierId: string,
  input: ActionInput,
  audit: { actor: AuditActor; origin: RequestOrigin },
) {
  const db = dossierDb(services.db);
  const world = await loadWorld(db);
  const who = await engineActor(db, actor);
  const snapshot = await db.selectFrom('dossiers').select(['desk_code', 'workflow_key', 'workflow_version']).where('id', '=', dossierId).executeTakeFirst();
  if (!snapshot) throw new AppError('NOT_FOUND');
  const cal = await loadDeskCalendar(services.db, snapshot.desk_code ?? undefined);
  const def = await pinnedDefinition(db, snapshot.workflow_key, snapshot.workflow_version);
  const now = services.clock.now();

  const updated = await db.transaction().execute(async (trx) => {
    const row = await lockDossier(trx, dossierId, services.dialect);
    if (!row || !row.workflow_state) throw new AppError('NOT_FOUND');
    if (row.version !== input.version) {
      throw new AppError('STALE_VERSION', {
        detail: { vi: `Hồ sơ đã được cập nhật (phiên bản ${row.version}); vui lòng tải lại.`, en: `The dossier has changed (version ${row.version}); reload it.` },
        extra: { current: presentDossier(row, world.agencies, now) },
      });
    }
    const state = JSON.parse(row.workflow_state) as WorkflowState;
    const formData = JSON.parse(row.form_data) as Record<string, unknown>;
    const actionDef = def.actions.find((a) => a.id === input.actionId);
    const type = actionDef?.type ?? input.actionId;
    if (type === 'requestSupplement' && !input.supplementItems?.length) {
      missing('supplementItems', { vi: 'Phải liệt kê đầy đủ các giấy tờ cần bổ sung (một lần).', en: 'List every missing item (all at once).' });
    }
    if ((type === 'refuse' || type === 'stop') && !input.reason?.trim()) missing('reason', { vi: 'Phải ghi rõ lý do.', en: 'A reason is required.' });
    if (type === 'issueResult' && !input.result) missing('result', { vi: 'Thiếu thông tin kết quả (số, ngày, người ký, trích yếu).', en: 'The result (number, date, signer, summary) is required.' });
    if (type === 'returnResult' && !(input.delivery?.receivedBy || input.delivery?.trackingNumber || delivery(row) === 'online')) {
      missing('delivery', { vi: 'Ghi người nhận kết quả tại quầy hoặc số vận đơn bưu chính.', en: 'Give who collected the result or the postal tracking number.' });
    }
    if (type === 'paymentReceived' && !input.payment) missing('payment', { vi: 'Thiếu thông tin khoản thu (số tiền, số biên lai).', en: 'The payment (amount, receipt number) is required.' });

    const result = applyAction(def, state, { actionId: input.actionId, ...(input.toAgencyCode ? { toAgencyId: input.toAgencyCode } : {}) }, who, now, world.context(formData));
    if (!result.ok) throw new AppError(ENGINE_TO_APP[result.error.code], { detail: result.error.message, extra: { engineCode: result.error.code } });

    const outcome = await applyEffects(row, result.effects, now, cal, (agency, day) => nextCodeSeq(trx, agency, day), world.agencies);
    const step = result.state.current ? def.steps.find((s) => s.id === result.state.current?.stepId) : undefined;
    const patch: Partial<DossierRow> = {
      ...outcome.patch,
      current_role: step?.role ?? null,
      workflow_state: JSON.stringify(result.state),
      version: row.version + 1,
      updated_at: now.toISOString(),
    };
    if (input.assigneeId && result.state.current) patch.assignee_id = input.assigneeId;
    if (type === 'issueResult' && input.result) patch.result = JSON.stringify(input.result);
    await trx.updateTable('dossiers').set(patch).where('id', '=', dossierId).execute();
    await recordDossierChange(trx, { ...row, ...patch }, now, { actorKind: actor.kind, files: input.documents?.length ?? 0, ...(type === 'paymentReceived' && input.payment ? { paymentMethod: input.payment.method } : {}) });

    for (const code of outcome.newAgencies) {
      const a = world.agencies.get(code);
      if (a) await trx.insertInto('dossier_agencies').values({ dossier_id: dossierId, agency_code: code, agency_path: a.path }).onConflict((oc) => oc.doNothing()).execute();
    }
    const label = actionDef?.label ?? labelOf(type);
    const previousDue = row.step_due_at;
    const onTime = previousDue ? (now.getTime() <= Date.parse(previousDue) ? 1 : 0) : null;
    // The hand-over row first: it carries whether the step just finished was on time.
    const ordered = [...outcome.events].sort((a, b) => Number(b.kind === 'handover') - Number(a.kind === 'handover'));
    const events = ordered.map((e, i) => ({
      at: now.toISOString(),
      action: e.kind === 'handover' ? input.actionId : e.action,
      label_vi: e.kind === 'transfer' ? 'Chuyển liên thông' : e.kind === 'transferReturn' ? 'Trả kết quả liên thông' : label.vi,
      label_en: e.kind === 'transfer' ? 'Transferred' : e.kind === 'transferReturn' ? 'Transfer returned' : label.en,
      actor_id: actor.accountId,
      actor_name: who.name,
      from_step: e.fromStep,
      to_step: e.toStep,
      from_agency: e.fromAgency,
      to_agency: e.toAgency,
      to_assignee: e.kind === 'handover' ? (input.assigneeId ?? null) : null,
      step_due_at: e.stepDueAt,
      previous_step_due_at: i === 0 ? previousDue : null,
      on_time: i === 0 ? onTime : null,
      status_after: patch.status ?? row.status,
      note: input.note ?? input.reason ?? null,
    }));
    if (events.length === 0) {
      // Waits, resumptions and endings are history rows too (the step itself did not change).
      events.push({
        at: now.toISOString(), action: input.actionId, label_vi: label.vi, label_en: label.en, actor_id: actor.accountId, actor_name: who.name,
        from_step: row.current_step, to_step: result.state.current?.stepId ?? null, from_agency: row.current_agency_code, to_agency: result.state.current?.agencyId ?? null,
        to_assignee: null, step_due_at: patch.step_due_at ?? row.step_due_at, previous_step_due_at: previousDue, on_time: type === 'returnResult' || type === 'refuse' || type === 'stop' ? onTime : null,
        status_after: patch.status ?? row.status, note: input.note ?? input.reason ?? null,
      });
    }
    await appendEvents(trx, services.newId, dossierId, events);
    await attach(trx, services.newId, dossierId, type, input.documents ?? [], actor.accountId, now);
    await recordRequests(trx, services.newId, dossierId, type, input, now, who.name);
    await enqueue(
      trx,
      outcome.notifications.map((n, i) => ({
        event: `dossier.${n.event}`,
        aggregate: { type: 'dossier', id: dossierId },
        payload: { dossierId, code: patch.code ?? row.code, to: n.to, status: patch.status ?? row.status, procedure: row.procedure_name },
        dedupKey: `dossier:${dossierId}:v${row.version + 1}:${n.event}:${i}`,
      })),
      now,
      services.newId,
    );
    await recordAudit(asPlatformDb(trx), { ...audit, action: `dossier.${type}`, target: { type: 'dossier', id: dossierId }, summary: { before: { status: row.status, step: row.current_step, version: row.version }, after: { status: patch.status ?? row.status, step: patch.current_step ?? row.current_step, code: patch.code ?? row.code } } }, now, services.newId);
    return { ...row, ...patch } as DossierRow;
  });
  return presentDossier(updated, world.agencies, now);
}

function delivery(row: DossierRow): string {
  return (JSON.parse(row.delivery) as { method?: string }).method ?? 'counter';
}

async function recordRequests(trx: DossierDb, newId: () => string, dossierId: string, type: string, input: ActionInput, now: Date, byName: string) {
  const at = now.toISOString();
  const open = (kind: DossierRequestKind, details: object) => trx.insertInto('dossier_requests').values({ id: newId(), dossier_id: dossierId, kind, at, by_name: byName, details: JSON.stringify(details), closed_at: null }).execute();
  const close = (kind: DossierRequestKind) => trx.updateTable('dossier_requests').set({ closed_at: at }).where('dossier_id', '=', dossierId).where('kind', '=', kind).where('closed_at', 'is', null).execute();
  switch (type) {
    case 'requestSupplement':
      return open('supplement', { items: input.supplementItems, note: input.note ?? null });
    case 'supplementReceived':
      return close('supplement');
    case 'requestPayment':
      return open('payment', { note: input.note ?? null });
    case 'paymentReceived':
      await close('payment');
      if (input.payment) {
        await trx.insertInto('dossier_payments').values({ id: newId(), dossier_id: dossierId, method: input.payment.method, reference: input.payment.reference, amount: input.payment.amount, status: 'paid', recorded_by: byName, recorded_at: at }).execute();
      }
      return;
    case 'refuse':
      return open('refusal', { reason: input.reason });
    case 'stop':
      return open('stop', { reason: input.reason });
    case 'withdraw':
      return open('withdrawal', { reason: input.reason ?? input.note ?? null });
    case 'returnResult':
      return open('return', { ...input.delivery });
    default:
      return;
  }
}

const LABELS: Record<string, Bilingual> = {
  forward: { vi: 'Chuyển xử lý', en: 'Forwarded' },
  sendBack: { vi: 'Trả lại bước trước', en: 'Sent back' },
  approve: { vi: 'Phê duyệt', en: 'Approved' },
  transfer: { vi: 'Chuyển liên thông', en: 'Transferred' },
  completeTransfer: { vi: 'Hoàn thành, chuyển trả liên thông', en: 'Transfer completed and returned' },
  withdraw: { vi: 'Công dân rút hồ sơ', en: 'Withdrawn by the applicant' },
  supplementReceived: { vi: 'Đã nhận hồ sơ bổ sung', en: 'Supplement received' },
  paymentReceived: { vi: 'Đã thực hiện nghĩa vụ tài chính', en: 'Payment received' },
  stop: { vi: 'Dừng xử lý hồ sơ', en: 'Processing stopped' },
  requestSupplement: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Supplement requested' },
  requestPayment: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Payment requested' },
  refuse: { vi: 'Từ chối', en: 'Refused' },
  returnResult: { vi: 'Trả kết quả', en: 'Result returned' },
  issueResult: { vi: 'Ban hành kết quả', en: 'Result issued' },
};

function labelOf(type: string): Bilingual {
  return LABELS[type] ?? { vi: type, en: type };
}

/** Links files uploaded with an action to the dossier; every file must be in the store. */
async function attach(trx: DossierDb, newId: () => string, dossierId: string, type: string, docs: NonNullable<ActionInput['documents']>, by: string, now: Date) {
  if (docs.length === 0) return;
  const files = await trx.withTables<{ files: { sha256: string; size: number; mime: string } }>().selectFrom('files').select(['sha256', 'size', 'mime']).where('sha256', 'in', docs.map((d) => d.sha256)).execute();
  const byHash = new Map(files.map((f) => [f.sha256, f]));
  const kind = type === 'supplementReceived' ? 'supplement' : type === 'issueResult' ? 'result' : 'scan';
  for (const [i, d] of docs.entries()) {
    const f = byHash.get(d.sha256);
    if (!f) missing(`documents/${i}/sha256`, { vi: 'Tệp chưa được tải lên', en: 'The file has not been uploaded' });
    await trx.insertInto('dossier_documents').values({ id: newId(), dossier_id: dossierId, requirement_id: d.requirementId ?? null, kind, file_sha256: d.sha256, file_name: d.fileName, mime: f.mime, size: Number(f.size), uploaded_by: by, uploaded_at: now.toISOString() }).execute();
  }
}
