import type { Kysely } from 'kysely';
import type { AnyDb } from '../../platform/db/database.js';
import type { PlatformTables } from '../../platform/db/tables.js';
import type { OutboxTable } from '../../platform/jobs/outbox.js';

/** Row types of the dossier module's tables. */
export type DossierTables = {
  dossiers: {
    id: string;
    code: string | null;
    lookup_secret: string;
    status: string;
    channel: 'online' | 'counter' | 'post';
    procedure_code: string;
    procedure_version: number;
    procedure_name: string;
    workflow_key: string;
    workflow_version: number;
    owner_kind: 'citizen' | 'organization';
    owner_id: string;
    owner_name: string;
    owner_number_hash: string;
    search_text: string;
    submitter_name: string | null;
    applicant_account_ids: string;
    created_by: string;
    receiving_agency_code: string;
    receiving_agency_path: string;
    desk_code: string | null;
    current_agency_code: string | null;
    current_agency_path: string | null;
    current_step: string | null;
    current_role: string | null;
    assignee_id: string | null;
    form_data: string;
    delivery: string;
    workflow_state: string | null;
    deadline_rule: string | null;
    submitted_at: string | null;
    received_at: string | null;
    due_at: string | null;
    original_due_at: string | null;
    step_due_at: string | null;
    paused_at: string | null;
    resolved_at: string | null;
    finished_at: string | null;
    timeliness: 'early' | 'onTime' | 'late' | null;
    fee_total: number;
    result: string | null;
    apologies: number;
    transferred: number;
    version: number;
    created_at: string;
    updated_at: string;
  };
  dossier_agencies: { dossier_id: string; agency_code: string; agency_path: string };
  dossier_events: {
    id: string;
    dossier_id: string;
    seq: number;
    at: string;
    action: string;
    label_vi: string;
    label_en: string;
    actor_id: string | null;
    actor_name: string;
    from_step: string | null;
    to_step: string | null;
    from_agency: string | null;
    to_agency: string | null;
    to_assignee: string | null;
    step_due_at: string | null;
    previous_step_due_at: string | null;
    on_time: number | null;
    status_after: string;
    note: string | null;
  };
  dossier_documents: {
    id: string;
    dossier_id: string;
    requirement_id: string | null;
    kind: 'submission' | 'supplement' | 'result' | 'scan';
    file_sha256: string;
    file_name: string;
    mime: string;
    size: number;
    uploaded_by: string;
    uploaded_at: string;
  };
  dossier_requests: {
    id: string;
    dossier_id: string;
    kind: 'supplement' | 'payment' | 'apology' | 'refusal' | 'stop' | 'withdrawal' | 'return';
    at: string;
    by_name: string;
    details: string;
    closed_at: string | null;
  };
  dossier_code_counters: { agency_code: string; day: string; last_seq: number };
  idempotency_keys: { account_id: string; key: string; request_hash: string; dossier_id: string; created_at: string };
  dossier_payments: { id: string; dossier_id: string; method: string; reference: string; amount: number; status: string; recorded_by: string; recorded_at: string };
  dossier_ratings: { dossier_id: string; score: number; comment: string | null; account_id: string; rated_at: string };
};

export type DossierDb = Kysely<PlatformTables & OutboxTable & DossierTables>;
export type DossierRow = DossierTables['dossiers'];

/** The dossier module's view of the database. */
export function dossierDb(db: AnyDb): DossierDb {
  return db as DossierDb;
}
