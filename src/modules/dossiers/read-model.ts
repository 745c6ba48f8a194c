/**
 * Read-only views of dossiers for other modules (the printed forms of Circular
 * 03/2025/TT-VPCP): a dossier with its control-sheet rows, requests and documents, and the
 * dossiers a reception desk received in a period. Nothing here changes state.
 */
import type { FastifyRequest } from 'fastify';
import type { AnyDb } from '../../platform/db/database.js';
import { visibleDossier } from './access.js';
import { dossierDb, type DossierRow, type DossierTables } from './tables.js';

export type DossierEventRow = DossierTables['dossier_events'];
export type DossierRequestRow = DossierTables['dossier_requests'];
export type DossierDocumentRow = DossierTables['dossier_documents'];

/** A dossier and everything printed about it on forms 01–06. */
export interface DossierForDocuments {
  dossier: DossierRow;
  /** Control-sheet and history rows, in order. */
  events: DossierEventRow[];
  /** Supplement, payment, apology, refusal, stop, withdrawal and return records, oldest first. */
  requests: DossierRequestRow[];
  /** Attachments, oldest first. */
  documents: DossierDocumentRow[];
}

/** Loads a dossier with its events, requests and documents, or undefined when it does not exist. */
export async function loadDossierForDocuments(db: AnyDb, id: string): Promise<DossierForDocuments | undefined> {
  const d = dossierDb(db);
  const dossier = await d.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!dossier) return undefined;
  const [events, requests, documents] = await Promise.all([
    d.selectFrom('dossier_events').selectAll().where('dossier_id', '=', id).orderBy('seq').execute(),
    d.selectFrom('dossier_requests').selectAll().where('dossier_id', '=', id).orderBy('at').orderBy('id').execute(),
    d.selectFrom('dossier_documents').selectAll().where('dossier_id', '=', id).orderBy('uploaded_at').orderBy('id').execute(),
  ]);
  return { dossier, events, requests, documents };
}

/**
 * The dossier row if the request's actor may see it (its applicants; officials of any agency
 * it has been with), else the 401/403/404 problem `visibleDossier` throws.
 */
export function visibleDossierRow(request: FastifyRequest, db: AnyDb, id: string): Promise<DossierRow> {
  return visibleDossier(request, dossierDb(db), id);
}

/** The id of the dossier with this code (`000.05.50.H17-260302-0001`) or id, if any. */
export async function findDossierId(db: AnyDb, codeOrId: string): Promise<string | undefined> {
  const key = codeOrId.trim();
  const row = await dossierDb(db)
    .selectFrom('dossiers')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', key), eb('code', '=', key.toUpperCase())]))
    .executeTakeFirst();
  return row?.id;
}

/**
 * The dossiers a reception desk received in `[fromIso, toIso)` (ISO-8601 UTC instants), in
 * order of reception: the rows of its tracking book (Sổ theo dõi hồ sơ, form 07).
 */
export async function listDeskDossiers(db: AnyDb, deskCode: string, fromIso: string, toIso: string): Promise<DossierRow[]> {
  return dossierDb(db)
    .selectFrom('dossiers')
    .selectAll()
    .where('desk_code', '=', deskCode)
    .where('received_at', '>=', fromIso)
    .where('received_at', '<', toIso)
    .orderBy('received_at')
    .orderBy('code')
    .execute();
}
