import { Type } from '@sinclair/typebox';
import { STATUS_NAMES } from './domain.js';
import type { AgencyInfo } from './engine-context.js';
import type { DossierRow } from './tables.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Bilingual = Type.Object({ vi: Type.String(), en: Type.String() });
const AgencyRef = Type.Object({ code: Type.String(), name: Bilingual });

/** A dossier as officials and its applicant see it. */
export const DossierSchema = Type.Object({
  id: Type.String(),
  code: Nullable(Type.String()),
  status: Type.String(),
  statusName: Bilingual,
  version: Type.Integer(),
  channel: Type.String(),
  procedure: Type.Object({ code: Type.String(), version: Type.Integer(), name: Type.String() }),
  owner: Type.Object({ kind: Type.String(), id: Type.String(), name: Type.String() }),
  submitterName: Nullable(Type.String()),
  receivingAgency: AgencyRef,
  deskCode: Nullable(Type.String()),
  currentAgency: Type.Union([AgencyRef, Type.Null()]),
  currentStep: Nullable(Type.String()),
  currentRole: Nullable(Type.String()),
  assigneeId: Nullable(Type.String()),
  submittedAt: Nullable(Type.String()),
  receivedAt: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  originalDueAt: Nullable(Type.String()),
  stepDueAt: Nullable(Type.String()),
  pausedAt: Nullable(Type.String()),
  resolvedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
  timeliness: Nullable(Type.String()),
  overdue: Type.Boolean(),
  feeTotal: Type.Integer(),
  apologies: Type.Integer(),
  transferred: Type.Boolean(),
  result: Type.Union([Type.Object({ number: Type.String(), date: Type.String(), signer: Type.String(), summary: Type.String() }), Type.Null()]),
  delivery: Type.Object({ method: Type.String(), address: Type.Optional(Type.String()) }),
  formData: Type.Record(Type.String(), Type.Unknown()),
});

function agencyRef(agencies: Map<string, AgencyInfo>, code: string) {
  return { code, name: agencies.get(code)?.name ?? { vi: code, en: code } };
}

/** Shapes a dossier row for the API. `now` decides whether an open dossier is overdue. */
export function presentDossier(row: DossierRow, agencies: Map<string, AgencyInfo>, now?: Date) {
  const open = !row.finished_at && !row.resolved_at && row.status !== 'draft' && row.status !== 'submitted';
  const overdue = open && !!row.due_at && !row.paused_at && !!now && now.getTime() > Date.parse(row.due_at);
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    statusName: STATUS_NAMES[row.status] ?? { vi: row.status, en: row.status },
    version: row.version,
    channel: row.channel,
    procedure: { code: row.procedure_code, version: row.procedure_version, name: row.procedure_name },
    owner: { kind: row.owner_kind, id: row.owner_id, name: row.owner_name },
    submitterName: row.submitter_name,
    receivingAgency: agencyRef(agencies, row.receiving_agency_code),
    deskCode: row.desk_code,
    currentAgency: row.current_agency_code ? agencyRef(agencies, row.current_agency_code) : null,
    currentStep: row.current_step,
    currentRole: row.current_role,
    assigneeId: row.assignee_id,
    submittedAt: row.submitted_at,
    receivedAt: row.received_at,
    dueAt: row.due_at,
    originalDueAt: row.original_due_at,
    stepDueAt: row.step_due_at,
    pausedAt: row.paused_at,
    resolvedAt: row.resolved_at,
    finishedAt: row.finished_at,
    timeliness: row.timeliness,
    overdue,
    feeTotal: Number(row.fee_total),
    apologies: row.apologies,
    transferred: row.transferred === 1,
    result: row.result ? (JSON.parse(row.result) as { number: string; date: string; signer: string; summary: string }) : null,
    delivery: JSON.parse(row.delivery) as { method: string; address?: string },
    formData: JSON.parse(row.form_data) as Record<string, unknown>,
  };
}
