import type { FastifyRequest } from 'fastify';
import { authorize } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors.js';
import type { DossierDb, DossierRow } from './tables.js';

/**
 * Loads a dossier the request's actor may see, or throws: 401 anonymous, 403 without any
 * role that reads dossiers, 404 when the dossier does not exist or is outside the actor's
 * scope (its applicants, and officials of any agency it has been with).
 */
export async function visibleDossier(request: FastifyRequest, db: DossierDb, id: string): Promise<DossierRow> {
  const row = await db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
  const owners = row ? (JSON.parse(row.applicant_account_ids) as string[]) : [];
  const agencies = row ? await db.selectFrom('dossier_agencies').select('agency_path').where('dossier_id', '=', id).execute() : [];
  const paths = agencies.map((a) => a.agency_path);
  // Seen from any agency it has been with: try each path (the first that allows wins).
  let allowed = false;
  let lastError: unknown;
  for (const agencyPath of paths.length ? paths : ['/nowhere/']) {
    try {
      authorize(request, 'dossier.read', { agencyPath, ownerAccountIds: owners });
      allowed = true;
      break;
    } catch (error) {
      lastError = error;
    }
  }
  if (!allowed) throw lastError;
  if (!row) throw new AppError('NOT_FOUND');
  // A draft is the applicant's own until submitted.
  if (row.status === 'draft' && !owners.includes(request.actor?.accountId ?? '')) throw new AppError('NOT_FOUND');
  return row;
}
