import type { Kysely } from 'kysely';
import type { AnyDb } from '../db/database.js';
import type { PlatformTables } from '../db/tables.js';
import type { AuditActor } from './audit.js';

/** Purposes for reading personal data (Personal Data Protection Law 2025: purpose-bound processing). */
export const PD_PURPOSES = ['dossierReception', 'dossierProcessing', 'registryMaintenance', 'ownRecord', 'dataSubjectRequest', 'inspection'] as const;
export type PdPurpose = (typeof PD_PURPOSES)[number];

export interface PdAccess {
  actor: AuditActor;
  subjectKind: 'citizen' | 'organization' | 'official';
  subjectId: string;
  /** Which personal fields were disclosed, e.g. `['idNumber', 'phone', 'address']`. */
  fields: readonly string[];
  purpose: PdPurpose;
  requestId?: string | null;
}

/**
 * Writes a personal-data access row: who read whose data, which fields, for what purpose
 * (Personal Data Protection Law, in force 01/01/2026). Every read of an identification
 * number, phone or address through the API goes through here.
 */
export async function logPersonalDataAccess(anyDb: AnyDb, access: PdAccess, at: Date, newId: () => string): Promise<void> {
  const db = anyDb as unknown as Kysely<PlatformTables>;
  await db
    .insertInto('pd_access_log')
    .values({
      id: newId(),
      at: at.toISOString(),
      actor_id: access.actor.id ?? 'system',
      actor_label: access.actor.label,
      subject_kind: access.subjectKind,
      subject_id: access.subjectId,
      fields: JSON.stringify(access.fields),
      purpose: access.purpose,
      request_id: access.requestId ?? null,
    })
    .execute();
}

/** Who looked at a data subject's personal data, newest first. */
export async function listPersonalDataAccess(anyDb: AnyDb, subjectKind: string, subjectId: string, limit = 200) {
  const db = anyDb as unknown as Kysely<PlatformTables>;
  const rows = await db
    .selectFrom('pd_access_log')
    .selectAll()
    .where('subject_kind', '=', subjectKind)
    .where('subject_id', '=', subjectId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ at: r.at, actorId: r.actor_id, actorLabel: r.actor_label, fields: JSON.parse(r.fields) as string[], purpose: r.purpose, requestId: r.request_id }));
}
