/**
 * Benchmark P6: dossiers pushed through a 5-step approval workflow by the pure engine
 * (reception → specialist → leader → clerk → return), engine only: no database, no calendar.
 *
 * Run: npx tsx bench/p6-workflow-engine.ts [dossiers]
 */
import { performance } from 'node:perf_hooks';
import { directoryFromTree } from '../src/modules/workflow/agencies.js';
import { availableActions } from '../src/modules/workflow/available.js';
import { standardOneStop as def } from '../src/modules/workflow/demo-definitions.js';
import { applyAction, startDossier } from '../src/modules/workflow/engine.js';
import type { Actor, ApplyResult, EngineContext, WorkflowState } from '../src/modules/workflow/types.js';

const W = 'thach-thang';
const context: EngineContext = {
  agencies: directoryFromTree([
    { id: 'dn', code: 'DN', parentId: null },
    { id: W, code: 'DN.TT', parentId: 'dn' },
  ]),
  formData: { floorArea: 120 },
};
const actor = (role: string): Actor => ({ userId: `${role}-1`, roles: [role], agencyId: W });
const route: readonly (readonly [Actor, string])[] = [
  [actor('receptionOfficer'), 'receive'],
  [actor('specialist'), 'submitToLeader'],
  [actor('leader'), 'leaderApprove'],
  [actor('clerk'), 'issueResult'],
  [actor('receptionOfficer'), 'returnResult'],
];

function must(r: ApplyResult): WorkflowState {
  if (!r.ok) throw new Error(r.error.code);
  return r.state;
}

/** Pushes n dossiers from submission to return; `withUi` also asks for the buttons before each step. */
function pushDossiers(n: number, withUi: boolean): number {
  const now = new Date('2026-02-13T10:00:00+07:00');
  let effects = 0;
  for (let i = 0; i < n; i++) {
    let s = must(startDossier(def, { receivingAgencyId: W, applicantId: `citizen-${i}` }, now, context));
    for (const [who, actionId] of route) {
      if (withUi) availableActions(def, s, who, context);
      const r = applyAction(def, s, { actionId }, who, now, context);
      s = must(r);
      if (r.ok) effects += r.effects.length;
    }
    if (s.status !== 'returned') throw new Error(`dossier ${i} ended as ${s.status}`);
  }
  return effects;
}

const n = Number(process.argv[2] ?? 100_000);
pushDossiers(5_000, true); // warm-up so the JIT has compiled the hot paths
for (const withUi of [false, true]) {
  const runs: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    pushDossiers(n, withUi);
    runs.push(performance.now() - t0);
  }
  const best = Math.min(...runs);
  const perSecond = Math.round((n / best) * 1000);
  console.log(
    `${withUi ? 'apply + availableActions' : 'apply only             '}: ${n} dossiers × 5 actions, best of 3: ${best.toFixed(0)} ms → ${perSecond.toLocaleString('en')} dossiers/s (${(perSecond * 5).toLocaleString('en')} actions/s)`,
  );
}
