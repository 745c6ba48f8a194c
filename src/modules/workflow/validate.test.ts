import { describe, expect, it } from 'vitest';
import { DEMO_DEFINITIONS, interLevelTransfer, standardOneStop } from './demo-definitions.js';
import { parseDefinition } from './schema.js';
import type { Action, DefinitionInput, StepOf } from './types.js';
import { validateDefinition } from './validate.js';

const receiving = { kind: 'receiving' } as const;
const step = (id: string, role: string, days: number, extra: Partial<StepOf<string>> = {}): StepOf<string> => ({
  id,
  name: { vi: id, en: id },
  kind: 'processing',
  role,
  agency: receiving,
  allotted: { unit: 'workingDays', value: days },
  ...extra,
});

/** reception → examine → issue → return, 1 + 2 + 1 + 0 days. */
const base: DefinitionInput = {
  key: 'test.base',
  version: 1,
  name: { vi: 'Thử', en: 'Test' },
  legalDeadline: { unit: 'workingDays', value: 4 },
  startStepId: 'reception',
  steps: [step('reception', 'receptionOfficer', 1), step('examine', 'specialist', 2), step('issue', 'clerk', 1), { ...step('return', 'receptionOfficer', 0), allotted: { unit: 'sameDay' } }],
  actions: [
    { id: 'receive', type: 'forward', from: 'reception', to: 'examine' },
    { id: 'submit', type: 'forward', from: 'examine', to: 'issue' },
    { id: 'issueIt', type: 'issueResult', from: 'issue', to: 'return' },
    { id: 'hand', type: 'returnResult', from: 'return' },
  ],
};
const withActions = (actions: readonly Action[]): DefinitionInput => ({ ...base, actions });
const codes = (def: DefinitionInput) => {
  const r = validateDefinition(def);
  return { errors: r.errors.map((e) => `${e.code} ${e.path}`), warnings: r.warnings.map((w) => `${w.code} ${w.path}`) };
};

describe('saving a process definition', () => {
  it('accepts every demonstration definition with neither errors nor warnings', () => {
    for (const def of DEMO_DEFINITIONS) expect({ key: def.key, ...validateDefinition(def) }).toEqual({ key: def.key, errors: [], warnings: [] });
  });

  it('accepts the base test definition (4 days of steps within a 4-day deadline)', () => {
    expect(codes(base)).toEqual({ errors: [], warnings: [] });
  });

  it('reports a step nobody can reach from the start', () => {
    const def = { ...base, steps: [...base.steps, step('orphan', 'leader', 1)], actions: [...base.actions, { id: 'o', type: 'forward', from: 'orphan', to: 'issue' } as const] };
    expect(codes(def).errors).toEqual(['UNREACHABLE_STEP /steps/4']);
  });

  it('reports a dead end: a step whose only action loops back can never finish', () => {
    // examine → issue → (sendBack) examine: neither step leads to an end any more.
    const def = withActions([
      base.actions[0] as Action,
      base.actions[1] as Action,
      { id: 'back', type: 'sendBack', from: 'issue', to: 'examine' },
      base.actions[3] as Action,
    ]);
    // "return" is now unreachable too, and nothing issues the result it would return.
    expect(codes(def).errors).toEqual([
      'DEAD_END /steps/0',
      'DEAD_END /steps/1',
      'DEAD_END /steps/2',
      'UNREACHABLE_STEP /steps/3',
      'RETURN_WITHOUT_RESULT /actions',
    ]);
  });

  it('reports a step with no action at all as a dead end', () => {
    // Without "hand", the return step has nowhere to go, and so nothing before it can finish.
    expect(codes(withActions(base.actions.slice(0, 3))).errors).toEqual([
      'DEAD_END /steps/0',
      'DEAD_END /steps/1',
      'DEAD_END /steps/2',
      'DEAD_END /steps/3',
    ]);
  });

  it('reports an unknown role with a bilingual message pointing at the field', () => {
    const def = { ...base, steps: base.steps.map((s) => (s.id === 'examine' ? { ...s, role: 'wizard' } : s)) };
    const r = validateDefinition(def);
    expect(r.errors).toEqual([
      {
        code: 'UNKNOWN_ROLE',
        path: '/steps/1/role',
        message: { vi: 'Bước "examine": vai trò "wizard" không tồn tại trong hệ thống.', en: 'Step "examine": the role "wizard" does not exist.' },
      },
    ]);
  });

  it('warns when a known role that does not process dossiers is put on a step', () => {
    const def = { ...base, steps: base.steps.map((s) => (s.id === 'examine' ? { ...s, role: 'statsViewer' } : s)) };
    expect(codes(def)).toEqual({ errors: [], warnings: ['NON_ACTING_ROLE /steps/1/role'] });
  });

  it('reports an action that targets a step that does not exist, and skips the graph checks', () => {
    const def = withActions([...base.actions.slice(0, 1), { id: 'submit', type: 'forward', from: 'examine', to: 'isue' }, ...base.actions.slice(2)]);
    const r = validateDefinition(def);
    expect(r.errors).toEqual([{ code: 'UNKNOWN_STEP', path: '/actions/1/to', message: { vi: 'Không có bước nào có mã "isue".', en: 'No step has the id "isue".' } }]);
  });

  it('reports duplicate ids, reserved action ids and a missing start step', () => {
    const def = {
      ...base,
      startStepId: 'nope',
      steps: [...base.steps, step('examine', 'specialist', 1)],
      actions: [...base.actions, { id: 'withdraw', type: 'refuse', from: 'examine' } as const, { id: 'hand', type: 'refuse', from: 'issue' } as const],
    };
    expect(codes(def).errors).toEqual([
      'DUPLICATE_ID /steps/4/id',
      'DUPLICATE_ID /actions/5/id',
      'UNKNOWN_STEP /startStepId',
      'RESERVED_ACTION_ID /actions/4/id',
    ]);
  });

  it('refuses a send-back to a later step', () => {
    const def = withActions([...base.actions, { id: 'ahead', type: 'sendBack', from: 'examine', to: 'issue' }]);
    expect(codes(def).errors).toEqual(['SEND_BACK_NOT_EARLIER /actions/4/to']);
  });

  it('refuses malformed conditions and non-positive allotted times', () => {
    const def = {
      ...withActions([...base.actions, { id: 'c', type: 'refuse', from: 'examine', when: { any: [{ field: 'area', op: 'in', value: 3 }] } } as const]),
      steps: base.steps.map((s) => (s.id === 'issue' ? { ...s, allotted: { unit: 'workingDays', value: 0 } as const } : s)),
    };
    expect(codes(def).errors).toEqual(['INVALID_ALLOTTED /steps/2/allotted/value', 'INVALID_CONDITION /actions/4/when/any/0']);
  });

  it('warns (does not block) when the longest path exceeds the legal deadline', () => {
    // 1 + 2 + 1 + 0 = 4 working days; a 3-day legal deadline is exceeded by one day.
    const r = validateDefinition({ ...base, legalDeadline: { unit: 'workingDays', value: 3 } });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      {
        code: 'DEADLINE_EXCEEDS_LEGAL',
        path: '/steps',
        message: {
          vi: 'Tổng thời gian các bước trên đường dài nhất (reception → examine → issue → return) là 4 ngày làm việc, vượt thời hạn giải quyết 3 ngày làm việc.',
          en: 'The longest path (reception → examine → issue → return) is allotted 4 working days, more than the legal deadline of 3 working days.',
        },
      },
    ]);
  });

  it('takes the longer of two branches and counts a transfer by its leg’s time', () => {
    // Inter-level demo: 4h + 1d + leg 5d + 1d + 4h + 0 = 8 working days; against 7 it warns.
    const r = validateDefinition(interLevelTransfer, { legalDeadline: { unit: 'workingDays', value: 7 } });
    expect(r.warnings.map((w) => w.message.en)).toEqual([
      'The longest path (reception → wardExamine → leg:cityReview → wardApprove → wardIssue → return) is allotted 8 working days, more than the legal deadline of 7 working days.',
    ]);
  });

  it('warns when a leg’s steps add up to more than the leg’s own time', () => {
    // deptExamine 3 + deptApprove 1 = 4 days in a 3-day leg.
    const legs = interLevelTransfer.legs.map((l) => ({ ...l, allotted: { unit: 'workingDays', value: 3 } as const }));
    expect(codes({ ...interLevelTransfer, legs }).warnings).toEqual(['LEG_STEPS_EXCEED_LEG /legs/0/allotted']);
  });

  it('refuses a move from a leg’s step straight into the main track', () => {
    const actions = interLevelTransfer.actions.map((a) => (a.id === 'deptReturn' ? ({ id: 'jump', type: 'forward', from: 'deptApprove', to: 'wardApprove' } as const) : a));
    expect(codes({ ...interLevelTransfer, actions }).errors).toEqual(['CROSS_TRACK_TARGET /actions/7/to']);
  });

  it('warns when a reachable step can only ever end in refusal', () => {
    const def = withActions([...base.actions, { id: 'side', type: 'forward', from: 'examine', to: 'review' }, { id: 'no', type: 'refuse', from: 'review' }]);
    const steps = [...base.steps, step('review', 'leader', 1)];
    expect(codes({ ...def, steps }).warnings).toEqual(['NO_RESULT_PATH /steps/4']);
  });

  it('the standard demo is within its 5-day deadline exactly (4h + 3d + 1d + 4h + same day = 5d)', () => {
    expect(validateDefinition(standardOneStop, { legalDeadline: { unit: 'workingDays', value: 5 } }).warnings).toEqual([]);
    expect(validateDefinition(standardOneStop, { legalDeadline: { unit: 'workingHours', value: 39 } }).warnings.map((w) => w.code)).toEqual(['DEADLINE_EXCEEDS_LEGAL']);
  });
});

describe('loading a definition from JSON', () => {
  it('round-trips a demo definition through JSON', () => {
    const r = parseDefinition(JSON.parse(JSON.stringify(interLevelTransfer)));
    expect(r.ok && r.definition).toEqual(interLevelTransfer);
  });

  it('reports shape problems with a JSON pointer in both languages', () => {
    const json = { ...JSON.parse(JSON.stringify(base)), version: 0, extra: true };
    const r = parseDefinition(json);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => `${e.code} ${e.path}`)).toEqual(['INVALID_SHAPE /extra', 'INVALID_SHAPE /version']);
    expect(r.errors[1]?.message.vi).toBe('Giá trị tại "/version" quá nhỏ.');
  });

  it('reports a well-formed definition with an unknown role as a validation error, not a shape error', () => {
    const json = JSON.parse(JSON.stringify(base)) as { steps: { role: string }[] };
    (json.steps[0] as { role: string }).role = 'wizard';
    const r = parseDefinition(json);
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['UNKNOWN_ROLE']);
  });

  it('a key containing "@" is refused so key@version stays unambiguous', () => {
    const r = parseDefinition({ ...JSON.parse(JSON.stringify(base)), key: 'a@b' });
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['/key']);
  });
});
