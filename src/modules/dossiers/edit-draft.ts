import type { Actor } from '../../platform/auth/authorize.js';
import { recordAudit, type AuditActor, type RequestOrigin } from '../../platform/audit/audit.js';
import type { PlatformServices } from '../../platform/context.js';
import { asPlatformDb } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { loadWorld } from './engine-context.js';
import { lockDossier } from './perform-action.js';
import { presentDossier } from './present.js';
import { dossierDb } from './tables.js';

export interface DraftChanges {
  version: number;
  formData?: Record<string, unknown>;
  delivery?: { method: 'counter' | 'post' | 'online'; address?: string };
}

/** The applicant edits their own saved draft (form data, delivery) before submitting it. */
export async function editDraft(services: PlatformServices, actor: Actor, id: string, changes: DraftChanges, audit: { actor: AuditActor; origin: RequestOrigin }) {
  const db = dossierDb(services.db);
  const now = services.clock.now();
  const world = await loadWorld(db);
  const saved = await db.transaction().execute(async (trx) => {
    const row = await lockDossier(trx, id, services.dialect);
    if (!row || row.created_by !== actor.accountId) throw new AppError('NOT_FOUND');
    if (row.version !== changes.version) throw new AppError('STALE_VERSION', { extra: { currentVersion: row.version } });
    if (row.status !== 'draft') throw new AppError('DOSSIER_ACTION_NOT_ALLOWED', { detail: { vi: 'Chỉ sửa được hồ sơ nháp.', en: 'Only a draft can be edited.' } });
    const patch = {
      ...(changes.formData ? { form_data: JSON.stringify(changes.formData) } : {}),
      ...(changes.delivery ? { delivery: JSON.stringify(changes.delivery) } : {}),
      version: row.version + 1,
      updated_at: now.toISOString(),
    };
    await trx.updateTable('dossiers').set(patch).where('id', '=', id).execute();
    await recordAudit(asPlatformDb(trx), { ...audit, action: 'dossier.draft.edit', target: { type: 'dossier', id }, summary: { after: { fields: Object.keys(changes).filter((k) => k !== 'version') } } }, now, services.newId);
    return { ...row, ...patch };
  });
  return presentDossier(saved, world.agencies, now);
}
