import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.js';
import { dossierDb, type DossierRow } from './tables.js';

/** What a notification about a dossier needs to know about it, and nothing more. */
export interface DossierNotice {
  id: string;
  code: string | null;
  procedureName: string;
  status: string;
  /** Accounts of the applicant (owner and representatives) who see the dossier online. */
  applicantAccountIds: string[];
  assigneeId: string | null;
  currentAgencyCode: string | null;
  currentRole: string | null;
  receivingAgencyCode: string;
  /** Every agency the dossier has been with, as scope paths (for webhook subscriptions). */
  agencyPaths: string[];
  dueAt: string | null;
  stepDueAt: string | null;
}

function notice(row: Pick<DossierRow, 'id' | 'code' | 'procedure_name' | 'status' | 'applicant_account_ids' | 'assignee_id' | 'current_agency_code' | 'current_role' | 'receiving_agency_code' | 'receiving_agency_path' | 'due_at' | 'step_due_at'>, paths: string[]): DossierNotice {
  return {
    id: row.id,
    code: row.code,
    procedureName: row.procedure_name,
    status: row.status,
    applicantAccountIds: JSON.parse(row.applicant_account_ids) as string[],
    assigneeId: row.assignee_id,
    currentAgencyCode: row.current_agency_code,
    currentRole: row.current_role,
    receivingAgencyCode: row.receiving_agency_code,
    agencyPaths: paths.length > 0 ? paths : [row.receiving_agency_path],
    dueAt: row.due_at,
    stepDueAt: row.step_due_at,
  };
}

const NOTICE_COLUMNS = ['id', 'code', 'procedure_name', 'status', 'applicant_account_ids', 'assignee_id', 'current_agency_code', 'current_role', 'receiving_agency_code', 'receiving_agency_path', 'due_at', 'step_due_at'] as const;

/** A dossier as notifications see it (for recipients and templates), or undefined. */
export async function dossierNotice(db: Kysely<PlatformTables>, dossierId: string): Promise<DossierNotice | undefined> {
  const ddb = dossierDb(db);
  const row = await ddb.selectFrom('dossiers').select(NOTICE_COLUMNS).where('id', '=', dossierId).executeTakeFirst();
  if (!row) return undefined;
  const agencies = await ddb.selectFrom('dossier_agencies').select('agency_path').where('dossier_id', '=', dossierId).orderBy('agency_path').execute();
  return notice(row, agencies.map((a) => a.agency_path));
}

/**
 * Dossiers still being worked on (received, not resolved or finished, clock running) whose
 * appointment is before `until`: the daily reminder's list of those due soon and overdue.
 */
export async function openDossiersDueBefore(db: Kysely<PlatformTables>, until: string, limit = 5_000): Promise<DossierNotice[]> {
  const rows = await dossierDb(db)
    .selectFrom('dossiers')
    .select(NOTICE_COLUMNS)
    .where('due_at', '<', until)
    .where('resolved_at', 'is', null)
    .where('finished_at', 'is', null)
    .where('paused_at', 'is', null)
    .orderBy('due_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => notice(r, []));
}
