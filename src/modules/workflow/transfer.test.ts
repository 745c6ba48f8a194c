import { describe, expect, it } from 'vitest';
import { availableActions } from './available.js';
import { constructionPermit, interLevelTransfer as def } from './demo-definitions.js';
import { applyAction } from './engine.js';
import { applicant, at, ctx, officer, ok, run, start, threeTier, twoTier } from './test-support/fixtures.js';
import type { ProcessDefinition } from './types.js';
import { validateDefinition } from './validate.js';

const code = (r: ReturnType<typeof applyAction>) => (r.ok ? 'OK' : r.error.code);

describe('an inter-level dossier in the two-tier structure (city → ward)', () => {
  const W = 'thach-thang';
  const context = ctx(twoTier);
  const atWard = () =>
    run(def, start(def, { receivingAgencyId: W }, context), [[officer('receptionOfficer', W), 'receive']], context);

  it('the ward specialist’s transfer goes one level up, to the city, with the leg’s own 5 days', () => {
    const r = ok(applyAction(def, atWard(), { actionId: 'transferUp' }, officer('specialist', W), at(), context));
    expect(r.state.current).toEqual({ stepId: 'deptExamine', agencyId: 'dn', enteredAt: '2026-02-13T03:00:00.000Z' });
    expect(r.state.legs).toEqual([
      { id: 'cityReview#1', legKey: 'cityReview', fromStepId: 'wardExamine', fromAgencyId: W, toAgencyId: 'dn', openedAt: '2026-02-13T03:00:00.000Z' },
    ]);
    expect(r.effects).toEqual([
      { type: 'statusChanged', from: 'received', to: 'processing' },
      {
        type: 'createTransfer',
        legId: 'cityReview#1',
        legKey: 'cityReview',
        fromAgency: W,
        toAgency: 'dn',
        toAgencySelector: { kind: 'parent' },
        allotted: { unit: 'workingDays', value: 5 },
      },
      { type: 'handover', actionId: 'transferUp', fromStep: 'wardExamine', toStep: 'deptExamine', fromAgency: W, toAgency: 'dn' },
      { type: 'setStepDeadline', stepId: 'deptExamine', agencyId: 'dn', allotted: { unit: 'workingDays', value: 3 } },
      { type: 'notify', event: 'assigned', to: { kind: 'role', role: 'specialist', agencyId: 'dn' } },
      { type: 'notify', event: 'transferred', to: { kind: 'applicant' } },
    ]);
  });

  it('while the city holds it, the ward’s specialist cannot act and sees no buttons', () => {
    const s = run(def, atWard(), [[officer('specialist', W), 'transferUp']], context);
    expect(code(applyAction(def, s, { actionId: 'deptSubmit' }, officer('specialist', W), at(), context))).toBe('WRONG_AGENCY');
    expect(availableActions(def, s, officer('specialist', W), context)).toEqual([]);
    expect(availableActions(def, s, officer('specialist', 'dn'), context).map((a) => a.id)).toEqual(['deptSubmit', 'deptSupplement']);
  });

  it('the city’s sign-off sends it back to the ward leader, closing the leg, and it ends returned at the ward', () => {
    const s = run(
      def,
      atWard(),
      [
        [officer('specialist', W), 'transferUp'],
        [officer('specialist', 'dn'), 'deptSubmit'],
      ],
      context,
    );
    const back = ok(applyAction(def, s, { actionId: 'deptReturn' }, officer('leader', 'dn'), at(), context));
    expect(back.state.legs).toEqual([]);
    expect(back.state.current?.stepId).toBe('wardApprove');
    expect(back.state.current?.agencyId).toBe(W);
    expect(back.effects).toEqual([
      { type: 'completeTransfer', legId: 'cityReview#1', fromAgency: 'dn', toAgency: W },
      { type: 'handover', actionId: 'deptReturn', fromStep: 'deptApprove', toStep: 'wardApprove', fromAgency: 'dn', toAgency: W },
      { type: 'setStepDeadline', stepId: 'wardApprove', agencyId: W, allotted: { unit: 'workingDays', value: 1 } },
      { type: 'notify', event: 'assigned', to: { kind: 'role', role: 'leader', agencyId: W } },
      { type: 'notify', event: 'transferReturned', to: { kind: 'applicant' } },
    ]);
    const done = run(
      def,
      back.state,
      [
        [officer('leader', W), 'wardLeaderApprove'],
        [officer('clerk', W), 'issueResult'],
        [officer('receptionOfficer', W), 'returnResult'],
      ],
      context,
    );
    expect(done.status).toBe('returned');
  });

  it('a second transfer of the same dossier gets a new leg id', () => {
    const s = run(
      def,
      atWard(),
      [
        [officer('specialist', W), 'transferUp'],
        [officer('specialist', 'dn'), 'deptSubmit'],
        [officer('leader', 'dn'), 'deptReturn'],
        [officer('leader', W), 'wardLeaderSendBack'],
        [officer('specialist', W), 'transferUp'],
      ],
      context,
    );
    expect(s.legs.map((l) => l.id)).toEqual(['cityReview#2']);
  });
});

describe('the same definition in the three-tier structure (city → district → ward)', () => {
  const W = 'thuan-phuoc';
  const context = ctx(threeTier);

  it('"one level up" from the ward is the district, and the dossier comes back to the ward', () => {
    const s = run(
      def,
      start(def, { receivingAgencyId: W }, context),
      [
        [officer('receptionOfficer', W), 'receive'],
        [officer('specialist', W), 'transferUp'],
      ],
      context,
    );
    expect(s.current?.agencyId).toBe('q-hai-chau');
    expect(s.legs[0]?.toAgencyId).toBe('q-hai-chau');
    const back = run(
      def,
      s,
      [
        [officer('specialist', 'q-hai-chau'), 'deptSubmit'],
        [officer('leader', 'q-hai-chau'), 'deptReturn'],
      ],
      context,
    );
    expect(back.current).toEqual({ stepId: 'wardApprove', agencyId: W, enteredAt: '2026-02-13T03:00:00.000Z' });
  });

  it('the city itself has no level above, so a transfer up from it cannot be made', () => {
    const s = run(def, start(def, { receivingAgencyId: 'dn' }, context), [[officer('receptionOfficer', 'dn'), 'receive']], context);
    const r = applyAction(def, s, { actionId: 'transferUp' }, officer('specialist', 'dn'), at(), context);
    expect(code(r)).toBe('AGENCY_NOT_RESOLVED');
  });
});

describe('a construction permit routed by the floor area on the e-form', () => {
  const W = 'hai-chau';
  const received = (floorArea: number) => {
    const context = ctx(twoTier, { totalFloorArea: floorArea });
    return { context, state: run(constructionPermit, start(constructionPermit, { receivingAgencyId: W }, context), [[officer('receptionOfficer', W), 'receive']], context) };
  };

  it('a 300 m² house must go to the Department of Construction for appraisal first', () => {
    const { context, state } = received(300);
    const ids = availableActions(constructionPermit, state, officer('specialist', W), context).map((a) => a.id);
    expect(ids).toEqual(['sendForAppraisal', 'examineSupplement']);
    expect(code(applyAction(constructionPermit, state, { actionId: 'submitToLeader' }, officer('specialist', W), at(), context))).toBe('CONDITION_NOT_MET');
    const sent = ok(applyAction(constructionPermit, state, { actionId: 'sendForAppraisal' }, officer('specialist', W), at(), context));
    expect(sent.state.current?.agencyId).toBe('dn-sxd');
  });

  it('a 250 m² house (not above the threshold) goes straight to the leader', () => {
    const { context, state } = received(250);
    const ids = availableActions(constructionPermit, state, officer('specialist', W), context).map((a) => a.id);
    expect(ids).toEqual(['submitToLeader', 'examineSupplement']);
  });

  it('an e-form without a floor area offers neither route', () => {
    const context = ctx(twoTier, {});
    const state = run(constructionPermit, start(constructionPermit, { receivingAgencyId: W }, context), [[officer('receptionOfficer', W), 'receive']], context);
    expect(availableActions(constructionPermit, state, officer('specialist', W), context).map((a) => a.id)).toEqual(['examineSupplement']);
  });
});

describe('a leg that ends at a lower level (the ward resolves the dossier itself)', () => {
  const delegate: ProcessDefinition = {
    key: 'test.delegate-down',
    version: 1,
    name: { vi: 'Chuyển cấp xã giải quyết', en: 'Delegated to a ward' },
    startStepId: 'reception',
    steps: [
      { id: 'reception', name: { vi: 'Tiếp nhận', en: 'Reception' }, kind: 'reception', role: 'receptionOfficer', agency: { kind: 'receiving' }, allotted: { unit: 'workingHours', value: 4 } },
      { id: 'route', name: { vi: 'Phân công', en: 'Routing' }, kind: 'processing', role: 'specialist', agency: { kind: 'receiving' }, allotted: { unit: 'workingDays', value: 1 } },
      { id: 'wardWork', name: { vi: 'Xã giải quyết', en: 'Ward resolves' }, kind: 'processing', role: 'specialist', agency: { kind: 'current' }, allotted: { unit: 'workingDays', value: 2 }, leg: 'down' },
      { id: 'wardReturn', name: { vi: 'Xã trả kết quả', en: 'Ward returns' }, kind: 'return', role: 'receptionOfficer', agency: { kind: 'current' }, allotted: { unit: 'sameDay' }, leg: 'down' },
    ],
    legs: [{ id: 'down', name: { vi: 'Chuyển xã', en: 'To the ward' }, agency: { kind: 'child' }, allotted: { unit: 'workingDays', value: 3 }, startStepId: 'wardWork', returnTo: null }],
    actions: [
      { id: 'receive', type: 'forward', from: 'reception', to: 'route' },
      { id: 'delegate', type: 'transfer', from: 'route', leg: 'down' },
      { id: 'resolve', type: 'issueResult', from: 'wardWork', to: 'wardReturn' },
      { id: 'hand', type: 'returnResult', from: 'wardReturn' },
    ],
  };
  const context = ctx(twoTier);
  const routed = () => run(delegate, start(delegate, { receivingAgencyId: 'dn' }, context), [[officer('receptionOfficer', 'dn'), 'receive']], context);

  it('is a valid definition', () => {
    expect(validateDefinition(delegate).errors).toEqual([]);
  });

  it('the city officer must pick a ward directly below the city', () => {
    const cityOfficer = officer('specialist', 'dn');
    expect(availableActions(delegate, routed(), cityOfficer, context).find((a) => a.id === 'delegate')?.needsTargetAgency).toBe(true);
    expect(code(applyAction(delegate, routed(), { actionId: 'delegate' }, cityOfficer, at(), context))).toBe('AGENCY_NOT_RESOLVED');
    expect(code(applyAction(delegate, routed(), { actionId: 'delegate', toAgencyId: 'nowhere' }, cityOfficer, at(), context))).toBe('AGENCY_NOT_RESOLVED');
    const s = ok(applyAction(delegate, routed(), { actionId: 'delegate', toAgencyId: 'hai-chau' }, cityOfficer, at(), context)).state;
    expect(s.current?.agencyId).toBe('hai-chau');
  });

  it('the ward returns the result and the leg closes with the dossier', () => {
    const s = run(
      delegate,
      routed(),
      [
        [officer('specialist', 'dn'), { actionId: 'delegate', toAgencyId: 'hai-chau' }],
        [officer('specialist', 'hai-chau'), 'resolve'],
      ],
      context,
    );
    const r = ok(applyAction(delegate, s, { actionId: 'hand' }, officer('receptionOfficer', 'hai-chau'), at(), context));
    expect(r.state.status).toBe('returned');
    expect(r.effects).toEqual([
      { type: 'statusChanged', from: 'resolved', to: 'returned' },
      { type: 'completeTransfer', legId: 'down#1', fromAgency: 'hai-chau', toAgency: 'dn' },
      { type: 'end', outcome: 'returned' },
      { type: 'notify', event: 'returned', to: { kind: 'applicant' } },
    ]);
    // The applicant may not withdraw a dossier that has ended.
    expect(code(applyAction(delegate, r.state, { actionId: 'withdraw' }, applicant, at(), context))).toBe('DOSSIER_CLOSED');
  });
});
