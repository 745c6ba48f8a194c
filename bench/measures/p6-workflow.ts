/**
 * P6: dossiers pushed through a 5-step approval workflow by the pure engine (reception →
 * specialist → leader → clerk → return), engine only: no database, no calendar. Goal: at
 * least 10× bpmn-engine running the equivalent BPMN process in the same run
 * (`bench/baselines/p6-bpmn-engine.ts`).
 */
import { directoryFromTree } from '../../src/modules/workflow/agencies.js';
import { availableActions } from '../../src/modules/workflow/available.js';
import { standardOneStop as def } from '../../src/modules/workflow/demo-definitions.js';
import { applyAction, startDossier } from '../../src/modules/workflow/engine.js';
import type { Actor, ApplyResult, EngineContext, WorkflowState } from '../../src/modules/workflow/types.js';
import { loadApprovalProcess, pushDossiersBpmn } from '../baselines/p6-bpmn-engine.js';
import { interleaved, load1, row } from '../support/stats.js';
import type { BenchContext, BySize, Measure, ResultRow } from './types.js';

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
function pushDossiers(n: number, withUi: boolean): void {
  const now = new Date('2026-02-13T10:00:00+07:00');
  for (let i = 0; i < n; i++) {
    let s = must(startDossier(def, { receivingAgencyId: W, applicantId: `citizen-${i}` }, now, context));
    for (const [who, actionId] of route) {
      if (withUi) availableActions(def, s, who, context);
      s = must(applyAction(def, s, { actionId }, who, now, context));
    }
    if (s.status !== 'returned') throw new Error(`dossier ${i} ended as ${s.status}`);
  }
}

/** Dossiers per run: the engine's and bpmn-engine's (about a thousand times slower). */
const SIZES: BySize<{ engine: number; bpmn: number }> = {
  smoke: { engine: 500, bpmn: 20 },
  default: { engine: 100_000, bpmn: 1_000 },
  full: { engine: 1_000_000, bpmn: 5_000 },
};

async function rate(n: number, work: () => Promise<void> | void): Promise<number> {
  const t0 = performance.now();
  await work();
  return n / ((performance.now() - t0) / 1000);
}

export const p6: Measure = {
  id: 'P6',
  title: 'workflow engine, 5-step approval',
  async run(ctx: BenchContext): Promise<ResultRow[]> {
    const size = SIZES[ctx.mode];
    const model = await loadApprovalProcess();
    // Warm-up of both, so the JIT has compiled the hot paths before timing.
    pushDossiers(Math.min(5_000, size.engine), true);
    await pushDossiersBpmn(model, Math.min(100, size.bpmn));
    const rows: ResultRow[] = [];
    for (const withUi of [false, true]) {
      const label = withUi ? 'apply + availableActions' : 'apply only';
      ctx.log(`P6 ${label}: ${size.engine.toLocaleString('en')} dossiers vs bpmn-engine ${size.bpmn.toLocaleString('en')} × ${ctx.runs} runs`);
      const before = load1();
      const r = await interleaved(
        ctx.runs,
        () => rate(size.engine, () => pushDossiers(size.engine, withUi)),
        () => rate(size.bpmn, () => pushDossiersBpmn(model, size.bpmn)),
      );
      rows.push(
        row(
          { measure: 'P6', what: `dossiers through 5 steps, ${label} (${size.engine.toLocaleString('en')})`, unit: '/s', better: 'higher', goal: '≥ 10× bpmn-engine' },
          r.system,
          { name: `bpmn-engine, 5 user tasks (${size.bpmn.toLocaleString('en')})`, runs: r.baseline },
          ctx.mode === 'smoke' ? null : (_v, ratio) => ratio !== null && ratio >= 10,
          { before, after: load1() },
        ),
      );
    }
    return rows;
  },
};
