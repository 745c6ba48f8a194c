/**
 * Versions of a catalogue entry. A published version is frozen: dossiers received under it
 * keep its documents, fees and deadline, so any change becomes a new draft version.
 */
import { isRecord } from './issues.js';
import type { Bilingual, Procedure } from './types.js';

/** One difference between two versions; `path` is a JSON pointer. Absent values are `undefined`. */
export interface ProcedureChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** Fields that describe the version itself rather than the procedure. */
const bookkeepingFields = new Set(['version', 'status']);

/**
 * Lists what differs between two versions of a procedure, leaf by leaf, ignoring
 * `version` and `status`. Arrays are compared by position.
 */
export function diffProcedures(before: Procedure, after: Procedure): ProcedureChange[] {
  const changes: ProcedureChange[] = [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of [...keys].sort()) {
    if (bookkeepingFields.has(key)) continue;
    diffValues((before as unknown as Record<string, unknown>)[key], (after as unknown as Record<string, unknown>)[key], `/${escape(key)}`, changes);
  }
  return changes;
}

function escape(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function diffValues(a: unknown, b: unknown, path: string, changes: ProcedureChange[]): void {
  if (Object.is(a, b)) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) diffValues(a[i], b[i], `${path}/${i}`, changes);
    return;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of [...keys].sort()) diffValues(a[key], b[key], `${path}/${escape(key)}`, changes);
    return;
  }
  changes.push({ path, before: a, after: b });
}

/** What saving an edit does. */
export type NextVersionResult =
  | { ok: true; outcome: 'unchanged'; procedure: Procedure; changes: [] }
  | { ok: true; outcome: 'editedDraft' | 'newVersion'; procedure: Procedure; changes: ProcedureChange[] }
  | { ok: false; error: VersionError };

/** Why a version operation was refused. */
export interface VersionError {
  code: 'PROCEDURE_CODE_MISMATCH' | 'STALE_VERSION' | 'NOT_A_DRAFT';
  message: Bilingual;
}

const codeMismatch: VersionError = {
  code: 'PROCEDURE_CODE_MISMATCH',
  message: { vi: 'Không được thay đổi mã thủ tục; hãy tạo thủ tục mới.', en: 'The procedure code cannot change; create a new procedure instead.' },
};

/**
 * Decides how an edit is saved. A draft is edited in place (same version number);
 * a published or retired version is never changed: the edit becomes a new draft with
 * the next version number. An edit that changes nothing is reported as `unchanged`.
 * `edited.version` must be the version it was loaded from (else `STALE_VERSION`), its
 * `status` is ignored, and the code cannot change (a different code is a different
 * procedure on the national portal).
 *
 * @param current the latest stored version of the procedure
 * @param edited the admin's edited copy of it
 */
export function nextVersion(current: Procedure, edited: Procedure): NextVersionResult {
  if (current.code !== edited.code) return { ok: false, error: codeMismatch };
  if (edited.version !== current.version) {
    return {
      ok: false,
      error: {
        code: 'STALE_VERSION',
        message: {
          vi: `Bản chỉnh sửa dựa trên phiên bản ${edited.version}, nhưng phiên bản mới nhất là phiên bản ${current.version}.`,
          en: `The edit is based on version ${edited.version}, but the latest is version ${current.version}.`,
        },
      },
    };
  }
  const changes = diffProcedures(current, edited);
  if (changes.length === 0) return { ok: true, outcome: 'unchanged', procedure: current, changes: [] };
  if (current.status === 'draft') {
    return { ok: true, outcome: 'editedDraft', procedure: { ...edited, version: current.version, status: 'draft' }, changes };
  }
  return { ok: true, outcome: 'newVersion', procedure: { ...edited, version: current.version + 1, status: 'draft' }, changes };
}

/**
 * Publishes a draft: it becomes the version new dossiers use, and the previously published
 * version (if any) is retired but kept for the dossiers that started under it.
 */
export function publishVersion(
  draft: Procedure,
  previous?: Procedure,
): { ok: true; published: Procedure; retired?: Procedure } | { ok: false; error: VersionError } {
  if (draft.status !== 'draft') {
    return { ok: false, error: { code: 'NOT_A_DRAFT', message: { vi: 'Chỉ bản nháp mới được công bố.', en: 'Only a draft can be published.' } } };
  }
  if (previous !== undefined && previous.code !== draft.code) return { ok: false, error: codeMismatch };
  const published: Procedure = { ...draft, status: 'published' };
  if (previous === undefined || previous.status !== 'published') return { ok: true, published };
  return { ok: true, published, retired: { ...previous, status: 'retired' } };
}
