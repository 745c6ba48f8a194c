import { describe, expect, it } from 'vitest';
import { standardOneStop as def } from './demo-definitions.js';
import { applyAction } from './engine.js';
import { applicant, at, ctx, officer, ok, run, start } from './test-support/fixtures.js';
import type { ProcessDefinition } from './types.js';

// Everything happens at ward Thạch Thang in the two-tier tree.
const W = 'thach-thang';
const desk = officer('receptionOfficer', W);
const specialist = officer('specialist', W);
const leader = officer('leader', W);
const clerk = officer('clerk', W);
const fresh = () => start(def, { receivingAgencyId: W });

describe('a standard one-stop dossier', () => {
  it('starts submitted at the reception desk with a 4-hour reception deadline', () => {
    const s = fresh();
    expect(s.status).toBe('submitted');
    expect(s.current).toEqual({ stepId: 'reception', agencyId: W, enteredAt: '2026-02-13T01:00:00.000Z' });
    expect(s.definition).toEqual({ key: 'demo.one-stop', version: 1 });
    expect(s.clock).toBe('notStarted');
  });

  it('receiving it issues the receipt, starts the 5-day clock and hands it to the specialist', () => {
    const r = ok(applyAction(def, fresh(), { actionId: 'receive' }, desk, at('10:00'), ctx()));
    expect(r.state.status).toBe('received');
    expect(r.state.clock).toBe('running');
    expect(r.state.current).toEqual({ stepId: 'examine', agencyId: W, enteredAt: '2026-02-13T03:00:00.000Z' });
    expect(r.effects).toEqual([
      { type: 'statusChanged', from: 'submitted', to: 'received' },
      { type: 'startClock', allotted: { unit: 'workingDays', value: 5 } },
      { type: 'notify', event: 'received', to: { kind: 'applicant' } },
      { type: 'handover', actionId: 'receive', fromStep: 'reception', toStep: 'examine', fromAgency: W, toAgency: W },
      { type: 'setStepDeadline', stepId: 'examine', agencyId: W, allotted: { unit: 'workingDays', value: 3 } },
      { type: 'notify', event: 'assigned', to: { kind: 'role', role: 'specialist', agencyId: W } },
    ]);
  });

  it('goes through specialist, leader and clerk to "resolved", then "returned" at the desk', () => {
    let s = run(def, fresh(), [
      [desk, 'receive'],
      [specialist, 'submitToLeader'],
    ]);
    expect(s.status).toBe('processing');
    const approved = ok(applyAction(def, s, { actionId: 'leaderApprove' }, leader, at(), ctx()));
    expect(approved.effects.filter((e) => e.type === 'handover')).toEqual([
      { type: 'handover', actionId: 'leaderApprove', fromStep: 'approve', toStep: 'issue', fromAgency: W, toAgency: W },
    ]);
    const issued = ok(applyAction(def, approved.state, { actionId: 'issueResult' }, clerk, at(), ctx()));
    expect(issued.state.status).toBe('resolved');
    expect(issued.state.current?.stepId).toBe('return');
    expect(issued.effects.slice(0, 3)).toEqual([
      { type: 'statusChanged', from: 'processing', to: 'resolved' },
      { type: 'resolve' },
      { type: 'notify', event: 'resultReady', to: { kind: 'applicant' } },
    ]);
    s = issued.state;
    const returned = ok(applyAction(def, s, { actionId: 'returnResult' }, desk, at(), ctx()));
    expect(returned.state.status).toBe('returned');
    expect(returned.state.current).toBeNull();
    expect(returned.state.clock).toBe('stopped');
    expect(returned.effects).toEqual([
      { type: 'statusChanged', from: 'resolved', to: 'returned' },
      { type: 'end', outcome: 'returned' },
      { type: 'notify', event: 'returned', to: { kind: 'applicant' } },
    ]);
  });

  it('a leader sending it back puts it on the specialist’s desk again with a fresh 3-day step', () => {
    const s = run(def, fresh(), [
      [desk, 'receive'],
      [specialist, 'submitToLeader'],
    ]);
    const r = ok(applyAction(def, s, { actionId: 'leaderSendBack' }, leader, at(), ctx()));
    expect(r.state.current?.stepId).toBe('examine');
    expect(r.state.status).toBe('processing');
    expect(r.effects).toContainEqual({ type: 'setStepDeadline', stepId: 'examine', agencyId: W, allotted: { unit: 'workingDays', value: 3 } });
  });

  it('a supplement request during processing pauses the clock; the supplement resumes it without restarting', () => {
    const s = run(def, fresh(), [[desk, 'receive']]);
    const paused = ok(applyAction(def, s, { actionId: 'examineSupplement' }, specialist, at('14:00'), ctx()));
    expect(paused.state.status).toBe('awaitingSupplement');
    expect(paused.state.clock).toBe('paused');
    expect(paused.effects).toEqual([
      { type: 'statusChanged', from: 'received', to: 'awaitingSupplement' },
      { type: 'pauseClock', reason: 'supplement' },
      { type: 'notify', event: 'supplementRequested', to: { kind: 'applicant' } },
    ]);
    // While waiting, the specialist cannot push it on.
    const blocked = applyAction(def, paused.state, { actionId: 'submitToLeader' }, specialist, at(), ctx());
    expect(blocked.ok ? null : blocked.error.code).toBe('DOSSIER_WAITING');
    const resumed = ok(applyAction(def, paused.state, { actionId: 'supplementReceived' }, applicant, at('16:00', '2026-02-16'), ctx()));
    expect(resumed.state.status).toBe('received');
    expect(resumed.state.clock).toBe('running');
    expect(resumed.state.current?.stepId).toBe('examine');
    expect(resumed.effects).toEqual([
      { type: 'statusChanged', from: 'awaitingSupplement', to: 'received' },
      { type: 'resumeClock', restart: false, pausedSince: '2026-02-13T07:00:00.000Z' },
    ]);
  });

  it('a procedure that restarts the count after a supplement says so when the clock resumes', () => {
    const restarting: ProcessDefinition = { ...def, key: 'demo.restart', supplementRestartsClock: true };
    const s = run(restarting, start(restarting, { receivingAgencyId: W }), [
      [desk, 'receive'],
      [specialist, 'examineSupplement'],
    ]);
    const r = ok(applyAction(restarting, s, { actionId: 'supplementReceived' }, desk, at(), ctx()));
    expect(r.effects).toContainEqual({ type: 'resumeClock', restart: true, pausedSince: '2026-02-13T03:00:00.000Z' });
  });

  it('a supplement asked for at the counter does not touch the clock, which has not started', () => {
    const r = ok(applyAction(def, fresh(), { actionId: 'receptionSupplement' }, desk, at(), ctx()));
    expect(r.state.status).toBe('awaitingSupplement');
    expect(r.effects.some((e) => e.type === 'pauseClock')).toBe(false);
    const back = ok(applyAction(def, r.state, { actionId: 'supplementReceived' }, applicant, at(), ctx()));
    expect(back.state.status).toBe('submitted');
    expect(back.effects.some((e) => e.type === 'resumeClock')).toBe(false);
  });

  it('waiting for payment pauses the clock until the desk confirms it; the applicant cannot confirm it', () => {
    const s = run(def, fresh(), [
      [desk, 'receive'],
      [specialist, 'examinePayment'],
    ]);
    expect(s.status).toBe('awaitingPayment');
    expect(s.clock).toBe('paused');
    const self = applyAction(def, s, { actionId: 'paymentReceived' }, applicant, at(), ctx());
    expect(self.ok ? null : self.error.code).toBe('WRONG_ROLE');
    const paid = run(def, s, [[desk, 'paymentReceived']]);
    expect(paid.status).toBe('received');
    expect(paid.clock).toBe('running');
  });

  it('refusal at the counter is "rejected"; refusal by the leader later is "stopped"', () => {
    const atCounter = ok(applyAction(def, fresh(), { actionId: 'receptionRefuse' }, desk, at(), ctx()));
    expect(atCounter.state.status).toBe('rejected');
    expect(atCounter.effects).toContainEqual({ type: 'end', outcome: 'rejected' });
    const s = run(def, fresh(), [
      [desk, 'receive'],
      [specialist, 'submitToLeader'],
      [leader, 'leaderRefuse'],
    ]);
    expect(s.status).toBe('stopped');
    expect(s.current).toBeNull();
  });

  it('a dossier still waiting for a supplement at the counter can be refused as "rejected"', () => {
    const s = run(def, fresh(), [
      [desk, 'receptionSupplement'],
      [desk, 'receptionRefuse'],
    ]);
    expect(s.status).toBe('rejected');
  });

  it('the applicant may withdraw while it is processed, but not once the result is issued', () => {
    const s = run(def, fresh(), [[desk, 'receive']]);
    const w = ok(applyAction(def, s, { actionId: 'withdraw' }, applicant, at(), ctx()));
    expect(w.state.status).toBe('withdrawn');
    expect(w.effects).toContainEqual({ type: 'end', outcome: 'withdrawn' });
    const stranger = applyAction(def, s, { actionId: 'withdraw' }, { userId: 'someone-else', roles: [], agencyId: null }, at(), ctx());
    expect(stranger.ok ? null : stranger.error.code).toBe('NOT_APPLICANT');
    const resolved = run(def, s, [
      [specialist, 'submitToLeader'],
      [leader, 'leaderApprove'],
      [clerk, 'issueResult'],
    ]);
    const late = applyAction(def, resolved, { actionId: 'withdraw' }, applicant, at(), ctx());
    expect(late.ok ? null : late.error.code).toBe('ACTION_NOT_AVAILABLE');
  });
});

describe('the engine refuses what the rules forbid', () => {
  const received = () => run(def, fresh(), [[desk, 'receive']]);
  const code = (r: ReturnType<typeof applyAction>) => (r.ok ? 'OK' : r.error.code);

  it('an action of another step is not available', () => {
    expect(code(applyAction(def, received(), { actionId: 'leaderApprove' }, leader, at(), ctx()))).toBe('ACTION_NOT_AVAILABLE');
  });
  it('an unknown action id is not found', () => {
    expect(code(applyAction(def, received(), { actionId: 'teleport' }, specialist, at(), ctx()))).toBe('ACTION_NOT_FOUND');
  });
  it('a leader cannot do the specialist’s step', () => {
    expect(code(applyAction(def, received(), { actionId: 'submitToLeader' }, leader, at(), ctx()))).toBe('WRONG_ROLE');
  });
  it('a specialist of another ward cannot touch it', () => {
    expect(code(applyAction(def, received(), { actionId: 'submitToLeader' }, officer('specialist', 'hai-chau'), at(), ctx()))).toBe('WRONG_AGENCY');
  });
  it('nothing more happens to a dossier refused at the counter', () => {
    const s = run(def, fresh(), [[desk, 'receptionRefuse']]);
    expect(code(applyAction(def, s, { actionId: 'receive' }, desk, at(), ctx()))).toBe('DOSSIER_CLOSED');
    expect(code(applyAction(def, s, { actionId: 'withdraw' }, applicant, at(), ctx()))).toBe('DOSSIER_CLOSED');
  });
  it('a result cannot be returned before it is issued', () => {
    const early: ProcessDefinition = {
      ...def,
      key: 'demo.early-return',
      actions: [...def.actions, { id: 'returnNow', type: 'returnResult', from: 'examine' }],
    };
    const s = run(early, start(early, { receivingAgencyId: W }), [[desk, 'receive']]);
    expect(code(applyAction(early, s, { actionId: 'returnNow' }, specialist, at(), ctx()))).toBe('RESULT_NOT_ISSUED');
  });
  it('a dossier pinned to another version is refused', () => {
    expect(code(applyAction({ ...def, version: 2 }, received(), { actionId: 'submitToLeader' }, specialist, at(), ctx()))).toBe(
      'DEFINITION_VERSION_MISMATCH',
    );
  });
});
