import type { Actor } from '../../platform/auth/authorize.js';
import { recordAudit, type AuditActor, type RequestOrigin } from '../../platform/audit/audit.js';
import type { PlatformServices } from '../../platform/context.js';
import { asPlatformDb } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { enqueue } from '../../platform/jobs/outbox.js';
import { loadDeskCalendar } from '../calendar/index.js';
import { recordDossierChange } from '../stats/index.js';
import { getDefinition } from '../workflow/index.js';
import { startWorkflow } from './create-dossier.js';
import { engineActor, loadWorld } from './engine-context.js';
import { appendEvents, lockDossier } from './perform-action.js';
import { presentDossier } from './present.js';
import { dossierDb, type DossierDb, type DossierRow } from './tables.js';

type Audit = { actor: AuditActor; origin: RequestOrigin };

async function locked(services: PlatformServices, trx: DossierDb, id: string, version: number): Promise<DossierRow> {
  const row = await lockDossier(trx, id, services.dialect);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.version !== version) throw new AppError('STALE_VERSION', { detail: { vi: `Hồ sơ đã được cập nhật (phiên bản ${row.version}); vui lòng tải lại.`, en: `The dossier has changed (version ${row.version}); reload it.` }, extra: { currentVersion: row.version } });
  return row;
}

function notAllowed(vi: string, en: string): AppError {
  return new AppError('DOSSIER_ACTION_NOT_ALLOWED', { detail: { vi, en } });
}

/**
 * Apology with a new appointment (form 04, Decree 118/2025/NĐ-CP): issued by an official of
 * the agency holding the dossier before its due time passes; the appointment moves, the
 * original appointment is kept for statistics.
 */
export async function issueApology(services: PlatformServices, actor: Actor, id: string, input: { version: number; newDueAt: string; reason: string }, audit: Audit) {
  const db = dossierDb(services.db);
  const who = await engineActor(db, actor);
  const now = services.clock.now();
  const world = await loadWorld(db);
  const saved = await db.transaction().execute(async (trx) => {
    const row = await locked(services, trx, id, input.version);
    if (!row.received_at || row.resolved_at || row.finished_at) throw notAllowed('Chỉ hồ sơ đang giải quyết mới có thư xin lỗi, hẹn lại.', 'Only a dossier being processed can get an apology letter.');
    if (!who.agencyId || (who.agencyId !== row.current_agency_code && who.agencyId !== row.receiving_agency_code) || !who.roles.some((r) => ['receptionOfficer', 'specialist', 'leader'].includes(r))) {
      throw new AppError('FORBIDDEN', { detail: { vi: 'Chỉ cán bộ của cơ quan đang giải quyết hồ sơ được hẹn lại.', en: 'Only officials of the agency holding the dossier may issue it.' } });
    }
    if (row.due_at && now.getTime() > Date.parse(row.due_at)) throw notAllowed('Thư xin lỗi phải gửi trước khi hết hạn hẹn trả.', 'The apology must be sent before the appointment passes.');
    if (row.due_at && Date.parse(input.newDueAt) <= Date.parse(row.due_at)) throw new AppError('VALIDATION_FAILED', { detail: { vi: 'Ngày hẹn mới phải sau ngày hẹn hiện tại.', en: 'The new appointment must be after the current one.' }, errors: [{ field: '/body/newDueAt', reason: 'minimum', message: { vi: 'Phải sau ngày hẹn hiện tại', en: 'Must be after the current appointment' } }] });
    const newDue = new Date(input.newDueAt).toISOString();
    const patch = { due_at: newDue, apologies: row.apologies + 1, version: row.version + 1, updated_at: now.toISOString() };
    await trx.updateTable('dossiers').set(patch).where('id', '=', id).execute();
    await recordDossierChange(trx, { ...row, ...patch }, now);
    await trx.insertInto('dossier_requests').values({ id: services.newId(), dossier_id: id, kind: 'apology', at: now.toISOString(), by_name: who.name, details: JSON.stringify({ reason: input.reason, previousDueAt: row.due_at, newDueAt: newDue }), closed_at: null }).execute();
    await appendEvents(trx, services.newId, id, [{ at: now.toISOString(), action: 'apology', label_vi: 'Xin lỗi, hẹn lại ngày trả kết quả', label_en: 'Apology with a new appointment', actor_id: actor.accountId, actor_name: who.name, from_step: row.current_step, to_step: row.current_step, from_agency: row.current_agency_code, to_agency: row.current_agency_code, to_assignee: null, step_due_at: row.step_due_at, previous_step_due_at: null, on_time: null, status_after: row.status, note: input.reason }]);
    await enqueue(trx, [{ event: 'dossier.apology', aggregate: { type: 'dossier', id }, payload: { dossierId: id, code: row.code, newDueAt: newDue, reason: input.reason, to: { kind: 'applicant' } }, dedupKey: `dossier:${id}:v${patch.version}:apology` }], now, services.newId);
    await recordAudit(asPlatformDb(trx), { ...audit, action: 'dossier.apology', target: { type: 'dossier', id }, summary: { before: { dueAt: row.due_at }, after: { dueAt: newDue } } }, now, services.newId);
    return { ...row, ...patch };
  });
  return presentDossier(saved, world.agencies, now);
}

/** The applicant rates the service once, after the result is returned (1 = very dissatisfied … 5 = very satisfied). */
export async function rateDossier(services: PlatformServices, actor: Actor, id: string, input: { score: number; comment?: string }, audit: Audit) {
  const db = dossierDb(services.db);
  const now = services.clock.now();
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND');
    if (!(JSON.parse(row.applicant_account_ids) as string[]).includes(actor.accountId)) throw new AppError('FORBIDDEN', { detail: { vi: 'Chỉ người nộp hồ sơ được đánh giá.', en: 'Only the applicant may rate the service.' } });
    if (row.status !== 'returned') throw notAllowed('Chỉ đánh giá được sau khi đã nhận kết quả.', 'Rating is possible once the result is returned.');
    const prior = await trx.selectFrom('dossier_ratings').select('dossier_id').where('dossier_id', '=', id).executeTakeFirst();
    if (prior) throw new AppError('CONFLICT', { detail: { vi: 'Hồ sơ này đã được đánh giá.', en: 'This dossier has already been rated.' } });
    await trx.insertInto('dossier_ratings').values({ dossier_id: id, score: input.score, comment: input.comment ?? null, account_id: actor.accountId, rated_at: now.toISOString() }).execute();
    await recordDossierChange(trx, row, now, { rating: input.score });
    await recordAudit(asPlatformDb(trx), { ...audit, action: 'dossier.rate', target: { type: 'dossier', id }, summary: { after: { score: input.score } } }, now, services.newId);
  });
}

/** An official takes an unassigned task of their agency and role (nhận xử lý). */
export async function claimDossier(services: PlatformServices, actor: Actor, id: string, version: number, audit: Audit) {
  const db = dossierDb(services.db);
  const who = await engineActor(db, actor);
  const now = services.clock.now();
  const world = await loadWorld(db);
  const saved = await db.transaction().execute(async (trx) => {
    const row = await locked(services, trx, id, version);
    if (!row.current_step || row.current_agency_code !== who.agencyId || !row.current_role || !who.roles.includes(row.current_role)) {
      throw new AppError('FORBIDDEN', { detail: { vi: 'Bước hiện tại không thuộc vai trò của bạn.', en: 'The current step is not yours to take.' } });
    }
    if (row.assignee_id && row.assignee_id !== actor.accountId) throw notAllowed('Hồ sơ đã có người nhận xử lý.', 'Someone else has taken this dossier.');
    const patch = { assignee_id: actor.accountId, version: row.version + 1, updated_at: now.toISOString() };
    await trx.updateTable('dossiers').set(patch).where('id', '=', id).execute();
    await recordAudit(asPlatformDb(trx), { ...audit, action: 'dossier.claim', target: { type: 'dossier', id }, summary: { after: { assignee: actor.accountId } } }, now, services.newId);
    return { ...row, ...patch };
  });
  return presentDossier(saved, world.agencies, now);
}

/** Submits a saved draft: the form must now be complete; the pinned workflow starts. */
/**
 * `validate` must not use the database handle of an open transaction: it runs before the
 * transaction starts.
 */
export async function submitDraft(services: PlatformServices, actor: Actor, id: string, version: number, audit: Audit, validate: (row: DossierRow) => Promise<void>) {
  const db = dossierDb(services.db);
  const now = services.clock.now();
  const world = await loadWorld(db);
  const who = await engineActor(db, actor);
  const pre = await db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!pre) throw new AppError('NOT_FOUND');
  const def = await getDefinition(asPlatformDb(db), pre.workflow_key, pre.workflow_version);
  if (!def) throw new AppError('INTERNAL');
  const cal = await loadDeskCalendar(services.db, pre.desk_code ?? undefined);
  if (pre.created_by !== actor.accountId) throw new AppError('NOT_FOUND');
  // Validate outside the transaction (it reads the catalogue); the version check inside
  // guarantees that what was validated is what gets submitted.
  if (pre.status === 'draft') await validate(pre);
  const saved = await db.transaction().execute(async (trx) => {
    const row = await locked(services, trx, id, version);
    if (row.status !== 'draft') throw notAllowed('Hồ sơ đã được nộp.', 'The dossier has already been submitted.');
    const full = await startWorkflow(trx, services, { ...row, version: row.version + 1, updated_at: now.toISOString() }, def, world, cal, now, who.name, actor.accountId);
    await recordAudit(asPlatformDb(trx), { ...audit, action: 'dossier.submit', target: { type: 'dossier', id }, summary: { before: { status: 'draft' }, after: { status: 'submitted' } } }, now, services.newId);
    return full;
  });
  return presentDossier(saved, world.agencies, now);
}
