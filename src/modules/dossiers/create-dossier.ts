import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../platform/auth/authorize.js';
import { recordAudit, canonicalJson, type AuditActor, type RequestOrigin } from '../../platform/audit/audit.js';
import type { PlatformServices } from '../../platform/context.js';
import { asPlatformDb } from '../../platform/db/database.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { enqueue } from '../../platform/jobs/outbox.js';
import { loadDeskCalendar, type DeadlineRule } from '../calendar/index.js';
import { computeFee, getPublishedProcedure, validateFormData, type Procedure } from '../catalog/index.js';
import { applicantByNumber, applicantsOfAccount, deskScope, normalizeForSearch } from '../registry/index.js';
import { recordDossierChange } from '../stats/index.js';
import { getPublishedDefinition, pinDefinition, startDossier } from '../workflow/index.js';
import { ownerNumberHash } from './domain.js';
import { applyEffects } from './effects.js';
import { engineActor, loadWorld } from './engine-context.js';
import { appendEvents } from './perform-action.js';
import { presentDossier } from './present.js';
import { dossierDb, type DossierDb, type DossierRow } from './tables.js';

export interface CreateDossierInput {
  procedureCode: string;
  /** The reception desk (bộ phận một cửa) the dossier is filed with. */
  deskCode: string;
  /** The applicant (chủ hồ sơ) by identification or tax number. */
  owner: { kind: 'citizen' | 'organization'; number: string };
  /** Who handed it in, when not the owner (an authorized representative). */
  submitterName?: string;
  formData: Record<string, unknown>;
  delivery: { method: 'counter' | 'post' | 'online'; address?: string };
  /** Files already uploaded to the file store, matched to the procedure's document list. */
  documents?: { requirementId: string; sha256: string; fileName: string }[];
  /** Save without submitting (citizens finish it later). */
  draft?: boolean;
}

/** The procedure's deadline in the calendar's terms (`cutoffTime` HH:MM → minutes). */
export function deadlineRuleOf(procedure: Procedure): DeadlineRule {
  const d = procedure.deadline;
  if (d.unit !== 'sameDay') return { unit: d.unit, value: d.value };
  if (!d.cutoffTime) return { unit: 'sameDay' };
  const [h, m] = d.cutoffTime.split(':').map(Number);
  return { unit: 'sameDay', cutoffMinutes: (h ?? 15) * 60 + (m ?? 0) };
}

function invalid(errors: FieldError[]): never {
  throw new AppError('VALIDATION_FAILED', {
    detail: { vi: `Hồ sơ có ${errors.length} lỗi; xem danh sách "errors".`, en: `The dossier has ${errors.length} problem(s); see "errors".` },
    errors,
  });
}

/** Hash of what was asked, so that an Idempotency-Key replay can be told from a new request. */
export function requestHash(input: unknown): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex');
}

/**
 * Creates a dossier: online by a citizen (for themselves or whom they represent) or at the
 * counter by a reception officer of the desk's agency. Validates the e-form against the
 * procedure's schema and, for online submission, that every mandatory document is attached.
 * With an Idempotency-Key a retry returns the same dossier; the same key with a different
 * body is refused (422). Everything is written in one transaction.
 */
export async function createDossier(
  services: PlatformServices,
  actor: Actor,
  input: CreateDossierInput,
  audit: { actor: AuditActor; origin: RequestOrigin },
  idempotencyKey?: string,
): Promise<{ created: boolean; dossier: ReturnType<typeof presentDossier> }> {
  const db = dossierDb(services.db);
  const now = services.clock.now();
  const world = await loadWorld(db);
  const hash = requestHash(input);
  if (idempotencyKey) {
    const replay = await findReplay(db, actor.accountId, idempotencyKey, hash);
    if (replay) return { created: false, dossier: presentDossier(replay, world.agencies, now) };
  }

  const procedure = await getPublishedProcedure(asPlatformDb(db), input.procedureCode);
  if (!procedure) invalid([{ field: '/body/procedureCode', reason: 'unknown', message: { vi: 'Thủ tục không tồn tại hoặc chưa công bố', en: 'Unknown or unpublished procedure' } }]);
  const desk = await deskScope(asPlatformDb(db), input.deskCode);
  if (!desk) invalid([{ field: '/body/deskCode', reason: 'unknown', message: { vi: 'Không có bộ phận một cửa này', en: 'Unknown reception desk' } }]);
  const definition = await getPublishedDefinition(asPlatformDb(db), procedure.workflowKey);
  if (!definition) throw new AppError('INTERNAL', { detail: { vi: `Thủ tục chưa có quy trình ${procedure.workflowKey}.`, en: `Workflow ${procedure.workflowKey} is not published.` } });

  const who = await engineActor(db, actor);
  let channel: DossierRow['channel'];
  if (actor.kind === 'official') {
    if (!who.roles.includes('receptionOfficer') || who.agencyId !== desk.agencyCode) throw new AppError('FORBIDDEN', { detail: { vi: 'Chỉ cán bộ tiếp nhận của bộ phận một cửa này được tạo hồ sơ tại quầy.', en: 'Only reception officers of this desk may file dossiers at its counter.' } });
    channel = 'counter';
  } else channel = 'online';

  const owner = await applicantByNumber(asPlatformDb(db), input.owner.kind, input.owner.number.trim());
  if (!owner) invalid([{ field: '/body/owner/number', reason: 'unknown', message: { vi: 'Chưa có người nộp này trong cơ sở dữ liệu; hãy đăng ký công dân/tổ chức trước', en: 'No such applicant in the registry; register them first' } }]);
  if (channel === 'online') {
    const mine = await applicantsOfAccount(asPlatformDb(db), actor.accountId);
    // Not one's own record and not one represented: as if it did not exist.
    if (!mine.some((m) => m.kind === input.owner.kind && m.id === owner.id)) throw new AppError('NOT_FOUND', { detail: { vi: 'Không tìm thấy người nộp này trong hồ sơ của bạn.', en: 'This applicant is not among your records.' } });
  }

  const errors: FieldError[] = [];
  if (!input.draft) {
    const form = validateFormData(procedure.eForm, input.formData);
    if (!form.ok) errors.push(...form.errors.map((e) => ({ ...e, field: `/body/formData${e.field}` })));
    if (input.delivery.method === 'post' && !input.delivery.address?.trim()) errors.push({ field: '/body/delivery/address', reason: 'required', message: { vi: 'Nhận kết quả qua bưu chính cần địa chỉ', en: 'Delivery by post needs an address' } });
  }
  const attached = await checkDocuments(db, procedure, input.documents ?? [], channel === 'online' && !input.draft, errors);
  if (errors.length) invalid(errors);
  const fee = computeFee(procedure, input.formData, { channel: channel === 'online' ? 'online' : 'counter' });
  const cal = await loadDeskCalendar(services.db, desk.deskCode);

  const id = services.newId();
  const row: DossierRow = {
    id,
    code: null,
    lookup_secret: randomBytes(12).toString('base64url'),
    status: input.draft ? 'draft' : 'submitted',
    channel,
    procedure_code: procedure.code,
    procedure_version: procedure.version,
    procedure_name: procedure.name.vi,
    workflow_key: definition.key,
    workflow_version: definition.version,
    owner_kind: input.owner.kind,
    owner_id: owner.id,
    owner_name: owner.name,
    owner_number_hash: ownerNumberHash(owner.number),
    search_text: normalizeForSearch(`${owner.name} ${input.submitterName ?? ''} ${procedure.name.vi}`),
    submitter_name: input.submitterName ?? null,
    applicant_account_ids: JSON.stringify([...new Set([...owner.accountIds, ...(channel === 'online' ? [actor.accountId] : [])])]),
    created_by: actor.accountId,
    receiving_agency_code: desk.agencyCode,
    receiving_agency_path: desk.agencyPath,
    desk_code: desk.deskCode,
    current_agency_code: null,
    current_agency_path: null,
    current_step: null,
    current_role: null,
    assignee_id: null,
    form_data: JSON.stringify(input.formData),
    delivery: JSON.stringify(input.delivery),
    workflow_state: null,
    deadline_rule: JSON.stringify(deadlineRuleOf(procedure)),
    submitted_at: input.draft ? null : now.toISOString(),
    received_at: null,
    due_at: null,
    original_due_at: null,
    step_due_at: null,
    paused_at: null,
    resolved_at: null,
    finished_at: null,
    timeliness: null,
    fee_total: fee.ok ? fee.total : 0,
    result: null,
    apologies: 0,
    transferred: 0,
    version: 1,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };

  try {
    const saved = await db.transaction().execute(async (trx) => {
      let full = row;
      if (!input.draft) full = await startWorkflow(trx, services, full, definition, world, cal, now, who.name, actor.accountId);
      else await trx.insertInto('dossiers').values(full).execute();
      await trx.insertInto('dossier_agencies').values({ dossier_id: id, agency_code: desk.agencyCode, agency_path: desk.agencyPath }).execute();
      for (const d of attached) await trx.insertInto('dossier_documents').values({ id: services.newId(), dossier_id: id, requirement_id: d.requirementId, kind: 'submission', file_sha256: d.sha256, file_name: d.fileName, mime: d.mime, size: d.size, uploaded_by: actor.accountId, uploaded_at: now.toISOString() }).execute();
      if (idempotencyKey) await trx.insertInto('idempotency_keys').values({ account_id: actor.accountId, key: idempotencyKey, request_hash: hash, dossier_id: id, created_at: now.toISOString() }).execute();
      await recordAudit(asPlatformDb(trx), { ...audit, action: input.draft ? 'dossier.draft' : 'dossier.submit', target: { type: 'dossier', id }, summary: { after: { procedure: procedure.code, channel, desk: desk.deskCode, status: full.status } } }, now, services.newId);
      return full;
    });
    return { created: true, dossier: presentDossier(saved, world.agencies, now) };
  } catch (error) {
    // Two retries racing with the same key: the loser returns the winner's dossier.
    if (idempotencyKey) {
      const replay = await findReplay(db, actor.accountId, idempotencyKey, hash).catch(() => undefined);
      if (replay) return { created: false, dossier: presentDossier(replay, world.agencies, now) };
    }
    throw error;
  }
}

/** Starts the pinned workflow for a dossier being submitted and writes it (insert or update). */
export async function startWorkflow(
  trx: DossierDb,
  services: PlatformServices,
  row: DossierRow,
  definition: NonNullable<Awaited<ReturnType<typeof getPublishedDefinition>>>,
  world: Awaited<ReturnType<typeof loadWorld>>,
  cal: Awaited<ReturnType<typeof loadDeskCalendar>>,
  now: Date,
  actorName: string,
  actorId: string,
): Promise<DossierRow> {
  // The applicant who may withdraw or supplement online: whoever filed it online, otherwise
  // the owner's own account (a walk-in applicant who also has an account).
  const applicantId = row.channel === 'online' ? row.created_by : ((JSON.parse(row.applicant_account_ids) as string[])[0] ?? null);
  const started = startDossier(definition, { receivingAgencyId: row.receiving_agency_code, applicantId }, now, world.context(JSON.parse(row.form_data) as Record<string, unknown>));
  if (!started.ok) throw new AppError('INTERNAL', { detail: started.error.message });
  const outcome = await applyEffects(row, started.effects, now, cal, async () => 0, world.agencies);
  const step = definition.steps.find((s) => s.id === started.state.current?.stepId);
  const full: DossierRow = { ...row, ...outcome.patch, status: 'submitted', submitted_at: now.toISOString(), current_role: step?.role ?? null, workflow_state: JSON.stringify(started.state) };
  const existing = await trx.selectFrom('dossiers').select('id').where('id', '=', row.id).executeTakeFirst();
  if (existing) await trx.updateTable('dossiers').set(full).where('id', '=', row.id).execute();
  else await trx.insertInto('dossiers').values(full).execute();
  await recordDossierChange(trx, full, now);
  await pinDefinition(asPlatformDb(trx), row.id, definition.key, definition.version, now);
  await appendEvents(trx, services.newId, row.id, [
    { at: now.toISOString(), action: 'submit', label_vi: 'Nộp hồ sơ', label_en: 'Submitted', actor_id: actorId, actor_name: actorName, from_step: null, to_step: full.current_step, from_agency: null, to_agency: full.current_agency_code, to_assignee: null, step_due_at: full.step_due_at, previous_step_due_at: null, on_time: null, status_after: 'submitted', note: null },
  ]);
  await enqueue(trx, [{ event: 'dossier.submitted', aggregate: { type: 'dossier', id: row.id }, payload: { dossierId: row.id, procedure: row.procedure_name, channel: row.channel, to: { kind: 'role', role: 'receptionOfficer', agencyId: row.receiving_agency_code } }, dedupKey: `dossier:${row.id}:submitted` }], now, services.newId);
  return full;
}

async function findReplay(db: DossierDb, accountId: string, key: string, hash: string): Promise<DossierRow | undefined> {
  const prior = await db.selectFrom('idempotency_keys').selectAll().where('account_id', '=', accountId).where('key', '=', key).executeTakeFirst();
  if (!prior) return undefined;
  if (prior.request_hash !== hash) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED', {
      detail: { vi: 'Khóa Idempotency-Key này đã được dùng cho một hồ sơ có nội dung khác.', en: 'This Idempotency-Key was already used for a different dossier.' },
    });
  }
  return db.selectFrom('dossiers').selectAll().where('id', '=', prior.dossier_id).executeTakeFirst();
}

/**
 * Checks attached files against the procedure's document list: each exists in the file store,
 * its sniffed type is accepted, its size within the limit; online, every mandatory one is there.
 */
async function checkDocuments(db: DossierDb, procedure: Procedure, docs: NonNullable<CreateDossierInput['documents']>, requireMandatory: boolean, errors: FieldError[]) {
  const out: { requirementId: string; sha256: string; fileName: string; mime: string; size: number }[] = [];
  const files = docs.length ? await db.withTables<{ files: { sha256: string; size: number; mime: string } }>().selectFrom('files').select(['sha256', 'size', 'mime']).where('sha256', 'in', docs.map((d) => d.sha256)).execute() : [];
  const byHash = new Map(files.map((f) => [f.sha256, f]));
  docs.forEach((d, i) => {
    const req = procedure.documents.find((r) => r.id === d.requirementId);
    const file = byHash.get(d.sha256);
    if (!req) return errors.push({ field: `/body/documents/${i}/requirementId`, reason: 'unknown', message: { vi: 'Thủ tục không yêu cầu giấy tờ này', en: 'The procedure does not list this document' } });
    if (!file) return errors.push({ field: `/body/documents/${i}/sha256`, reason: 'unknown', message: { vi: 'Tệp chưa được tải lên', en: 'The file has not been uploaded' } });
    if (req.acceptedMimeTypes.length && !req.acceptedMimeTypes.includes(file.mime)) {
      return errors.push({ field: `/body/documents/${i}`, reason: 'mime', message: { vi: `${req.name.vi}: định dạng ${file.mime} không được chấp nhận (chấp nhận: ${req.acceptedMimeTypes.join(', ')})`, en: `${req.name.en}: type ${file.mime} is not accepted (accepted: ${req.acceptedMimeTypes.join(', ')})` } });
    }
    if (req.maxSizeBytes && Number(file.size) > req.maxSizeBytes) return errors.push({ field: `/body/documents/${i}`, reason: 'size', message: { vi: `${req.name.vi}: tệp quá lớn`, en: `${req.name.en}: file too large` } });
    out.push({ requirementId: d.requirementId, sha256: d.sha256, fileName: d.fileName, mime: file.mime, size: Number(file.size) });
    return undefined;
  });
  if (requireMandatory) {
    for (const req of procedure.documents.filter((r) => r.mandatory)) {
      if (!docs.some((d) => d.requirementId === req.id)) errors.push({ field: '/body/documents', reason: 'required', message: { vi: `Thiếu giấy tờ bắt buộc: ${req.name.vi}`, en: `Missing mandatory document: ${req.name.en}` } });
    }
  }
  return out;
}
