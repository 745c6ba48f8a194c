import { describe, expect, it } from 'vitest';
import { standardOneStop } from './demo-definitions.js';
import { applyAction } from './engine.js';
import { at, ctx, officer, ok, run, start } from './test-support/fixtures.js';
import type { ProcessDefinition } from './types.js';
import { validateDefinition } from './validate.js';
import { definitionFor, formatRef, nextVersion, parseRef, pinnedRef } from './versioning.js';

const W = 'thach-thang';
const v1: ProcessDefinition = standardOneStop;

/** An edit of v1: the leader's step now goes straight to the reception desk (no clerk). */
const edited: ProcessDefinition = {
  ...v1,
  steps: v1.steps.filter((s) => s.id !== 'issue'),
  actions: v1.actions
    .filter((a) => a.from !== 'issue')
    .map((a) => (a.id === 'leaderApprove' ? { id: 'leaderIssues', type: 'issueResult', from: 'approve', to: 'return' } : a)),
};

describe('changing a published process', () => {
  it('an edit of version 1 becomes version 2 and version 1 stays as it was', () => {
    const r = nextVersion(v1, edited);
    expect(r.ok && r.changed && r.definition.version).toBe(2);
    expect(v1.version).toBe(1);
    expect(v1.steps.map((s) => s.id)).toEqual(['reception', 'examine', 'approve', 'issue', 'return']);
    if (r.ok) expect(validateDefinition(r.definition).errors).toEqual([]);
  });

  it('an edit with no change publishes nothing', () => {
    const copy = JSON.parse(JSON.stringify(v1)) as ProcessDefinition;
    expect(nextVersion(v1, copy)).toEqual({ ok: true, changed: false, definition: v1 });
  });

  it('an edit based on an older version is refused, as is an edit of another process', () => {
    const r = nextVersion({ ...edited, version: 2 }, { ...edited, version: 1, name: { vi: 'x', en: 'x' } });
    expect(r.ok ? null : r.error.code).toBe('STALE_VERSION');
    const k = nextVersion(v1, { ...edited, key: 'other' });
    expect(k.ok ? null : k.error.code).toBe('KEY_MISMATCH');
  });

  it('a dossier started on version 1 finishes on version 1 while new dossiers use version 2', () => {
    const r = nextVersion(v1, edited);
    if (!r.ok) throw new Error('expected a new version');
    const v2 = r.definition;
    const stored = [v1, v2];
    // Running dossier, at the leader's step, pinned to v1.
    const running = run(v1, start(v1, { receivingAgencyId: W }), [
      [officer('receptionOfficer', W), 'receive'],
      [officer('specialist', W), 'submitToLeader'],
    ]);
    expect(pinnedRef(running)).toBe('demo.one-stop@1');
    // Running it with v2 is refused; the caller loads the pinned version instead.
    const wrong = applyAction(v2, running, { actionId: 'leaderIssues' }, officer('leader', W), at(), ctx());
    expect(wrong.ok ? null : wrong.error.code).toBe('DEFINITION_VERSION_MISMATCH');
    const pinned = definitionFor(running, stored);
    expect(pinned).toBe(v1);
    if (pinned === undefined) return;
    const next = ok(applyAction(pinned, running, { actionId: 'leaderApprove' }, officer('leader', W), at(), ctx()));
    expect(next.state.current?.stepId).toBe('issue');
    // A new dossier starts on v2 and its leader issues the result directly.
    const fresh = run(v2, start(v2, { receivingAgencyId: W }), [
      [officer('receptionOfficer', W), 'receive'],
      [officer('specialist', W), 'submitToLeader'],
      [officer('leader', W), 'leaderIssues'],
    ]);
    expect(fresh.definition).toEqual({ key: 'demo.one-stop', version: 2 });
    expect(fresh.status).toBe('resolved');
  });

  it('formats and parses key@version references', () => {
    expect(formatRef({ key: 'ho-tich.khai-sinh', version: 3 })).toBe('ho-tich.khai-sinh@3');
    expect(parseRef('ho-tich.khai-sinh@3')).toEqual({ key: 'ho-tich.khai-sinh', version: 3 });
    expect(parseRef('nokey')).toBeNull();
    expect(parseRef('@3')).toBeNull();
    expect(parseRef('a@0')).toBeNull();
    expect(parseRef('a@1.5')).toBeNull();
  });
});
