/** Shared test data: agency trees in two and three tiers, actors, and a step-runner. */
import { directoryFromTree } from '../agencies.js';
import { applyAction, startDossier } from '../engine.js';
import type { StartInput } from '../engine.js';
import type { ActionRequest, Actor, ApplyResult, EngineContext, FormData, ProcessDefinition, WorkflowState } from '../types.js';

/** Two tiers (since 01/07/2025): Da Nang city → wards; the Department of Construction under the city. */
export const twoTier = directoryFromTree([
  { id: 'dn', code: 'DN', parentId: null },
  { id: 'dn-sxd', code: 'DN.SXD', parentId: 'dn' },
  { id: 'thach-thang', code: 'DN.TT', parentId: 'dn' },
  { id: 'hai-chau', code: 'DN.HC', parentId: 'dn' },
]);

/** Three tiers (before 2025): city → district Hải Châu → ward Thuận Phước. */
export const threeTier = directoryFromTree([
  { id: 'dn', code: 'DN', parentId: null },
  { id: 'dn-sxd', code: 'DN.SXD', parentId: 'dn' },
  { id: 'q-hai-chau', code: 'DN.QHC', parentId: 'dn' },
  { id: 'thuan-phuoc', code: 'DN.QHC.TP', parentId: 'q-hai-chau' },
]);

/** An official with one role at one agency. */
export const officer = (role: string, agencyId: string, userId = `${role}@${agencyId}`): Actor => ({
  userId,
  roles: [role],
  agencyId,
});

/** The applicant who submitted the test dossiers online. */
export const applicant: Actor = { userId: 'citizen-1', roles: [], agencyId: null };

/** Friday 13/02/2026 10:00 in Da Nang; the engine only records it, it does no arithmetic. */
export const at = (hhmm = '10:00', day = '2026-02-13'): Date => new Date(`${day}T${hhmm}:00+07:00`);

/** Engine inputs: an agency tree and the dossier's e-form data. */
export const ctx = (agencies = twoTier, formData: FormData = {}): EngineContext => ({ agencies, formData });

/** Starts a dossier and fails the test loudly if the engine refuses. */
export function start(def: ProcessDefinition, input: StartInput, context: EngineContext = ctx()): WorkflowState {
  return ok(startDossier(def, { applicantId: applicant.userId, ...input }, at('08:00'), context)).state;
}

/** Unwraps a successful result. */
export function ok(result: ApplyResult): Extract<ApplyResult, { ok: true }> {
  if (!result.ok) throw new Error(`engine refused: ${result.error.code} ${result.error.message.en}`);
  return result;
}

/** Applies a sequence of (actor, action) pairs, returning the final state. */
export function run(
  def: ProcessDefinition,
  state: WorkflowState,
  steps: readonly (readonly [Actor, string | ActionRequest])[],
  context: EngineContext = ctx(),
): WorkflowState {
  let s = state;
  for (const [actor, action] of steps) {
    const request = typeof action === 'string' ? { actionId: action } : action;
    s = ok(applyAction(def, s, request, actor, at(), context)).state;
  }
  return s;
}
