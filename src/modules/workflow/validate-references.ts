import type { DefinitionIndex } from './graph.js';
import type { Condition, DeadlineRule, DefinitionInput, Issue } from './types.js';
import { BUILT_IN_ACTIONS } from './types.js';

function duplicates(ids: readonly string[], path: (i: number) => string, what: { vi: string; en: string }): Issue[] {
  const seen = new Set<string>();
  const out: Issue[] = [];
  ids.forEach((id, i) => {
    if (seen.has(id)) {
      out.push({
        code: 'DUPLICATE_ID',
        path: path(i),
        message: { vi: `Mã ${what.vi} "${id}" bị trùng.`, en: `The ${what.en} id "${id}" is used twice.` },
      });
    }
    seen.add(id);
  });
  return out;
}

function checkAllotted(rule: DeadlineRule, path: string): Issue[] {
  if (rule.unit === 'sameDay' || (Number.isFinite(rule.value) && rule.value > 0)) return [];
  return [
    {
      code: 'INVALID_ALLOTTED',
      path: `${path}/value`,
      message: { vi: 'Thời gian giải quyết phải là số dương.', en: 'An allotted time must be a positive number.' },
    },
  ];
}

/** Finds the first malformed comparison in a condition tree, with its JSON pointer. */
function checkCondition(c: Condition, path: string): Issue[] {
  if ('all' in c) return c.all.flatMap((x, i) => checkCondition(x, `${path}/all/${i}`));
  if ('any' in c) return c.any.flatMap((x, i) => checkCondition(x, `${path}/any/${i}`));
  if ('not' in c) return checkCondition(c.not, `${path}/not`);
  const bad = (vi: string, en: string): Issue[] => [{ code: 'INVALID_CONDITION', path, message: { vi, en } }];
  if (c.field.trim() === '') return bad('Điều kiện thiếu tên trường.', 'A condition names no field.');
  if (c.op === 'exists') return [];
  if (c.op === 'in') {
    return Array.isArray(c.value) ? [] : bad('Toán tử "in" cần một danh sách giá trị.', 'The "in" operator needs a list of values.');
  }
  if (c.value === undefined || Array.isArray(c.value)) {
    return bad(`Toán tử "${c.op}" cần một giá trị đơn.`, `The "${c.op}" operator needs a single value.`);
  }
  if (['gt', 'gte', 'lt', 'lte'].includes(c.op) && typeof c.value !== 'number' && typeof c.value !== 'string') {
    return bad(`Toán tử "${c.op}" chỉ so sánh số hoặc chuỗi.`, `The "${c.op}" operator compares numbers or strings only.`);
  }
  return [];
}

/**
 * Checks that every id is unique and every reference (start step, action source and target,
 * leg, return step) names something that exists on the right track.
 */
export function checkReferences(def: DefinitionInput, index: DefinitionIndex): Issue[] {
  const issues: Issue[] = [
    ...duplicates(def.steps.map((s) => s.id), (i) => `/steps/${i}/id`, { vi: 'bước', en: 'step' }),
    ...duplicates(def.actions.map((a) => a.id), (i) => `/actions/${i}/id`, { vi: 'thao tác', en: 'action' }),
    ...duplicates((def.legs ?? []).map((l) => l.id), (i) => `/legs/${i}/id`, { vi: 'chặng liên thông', en: 'leg' }),
  ];
  const unknownStep = (path: string, id: string): Issue => ({
    code: 'UNKNOWN_STEP',
    path,
    message: { vi: `Không có bước nào có mã "${id}".`, en: `No step has the id "${id}".` },
  });
  const crossTrack = (path: string, from: string, to: string): Issue => ({
    code: 'CROSS_TRACK_TARGET',
    path,
    message: {
      vi: `Bước "${to}" không cùng chặng với bước "${from}"; chỉ được sang chặng khác bằng thao tác chuyển liên thông.`,
      en: `Step "${to}" is not on the same track as "${from}"; only a transfer may move to another leg.`,
    },
  });
  const trackOf = (stepId: string): string | undefined => index.steps.get(stepId)?.leg;

  const start = index.steps.get(def.startStepId);
  if (start === undefined) issues.push(unknownStep('/startStepId', def.startStepId));
  else if (start.leg !== undefined) {
    issues.push({
      code: 'CROSS_TRACK_TARGET',
      path: '/startStepId',
      message: { vi: 'Bước bắt đầu phải thuộc luồng chính.', en: 'The start step must be on the main track.' },
    });
  }

  def.steps.forEach((step, i) => {
    issues.push(...checkAllotted(step.allotted, `/steps/${i}/allotted`));
    if (step.leg !== undefined && !index.legs.has(step.leg)) {
      issues.push({
        code: 'UNKNOWN_LEG',
        path: `/steps/${i}/leg`,
        message: { vi: `Không có chặng liên thông "${step.leg}".`, en: `No transfer leg has the id "${step.leg}".` },
      });
    }
  });

  (def.legs ?? []).forEach((leg, i) => {
    issues.push(...checkAllotted(leg.allotted, `/legs/${i}/allotted`));
    const first = index.steps.get(leg.startStepId);
    if (first === undefined) issues.push(unknownStep(`/legs/${i}/startStepId`, leg.startStepId));
    else if (first.leg !== leg.id) {
      issues.push({
        code: 'CROSS_TRACK_TARGET',
        path: `/legs/${i}/startStepId`,
        message: {
          vi: `Bước đầu "${leg.startStepId}" không thuộc chặng "${leg.id}".`,
          en: `The first step "${leg.startStepId}" does not belong to leg "${leg.id}".`,
        },
      });
    }
    if (leg.returnTo !== null && !index.steps.has(leg.returnTo)) issues.push(unknownStep(`/legs/${i}/returnTo`, leg.returnTo));
  });

  def.actions.forEach((action, i) => {
    const at = `/actions/${i}`;
    if ((BUILT_IN_ACTIONS as readonly string[]).includes(action.id)) {
      issues.push({
        code: 'RESERVED_ACTION_ID',
        path: `${at}/id`,
        message: { vi: `Mã thao tác "${action.id}" được hệ thống dành riêng.`, en: `The action id "${action.id}" is reserved.` },
      });
    }
    if (action.when !== undefined) issues.push(...checkCondition(action.when, `${at}/when`));
    if (!index.steps.has(action.from)) {
      issues.push(unknownStep(`${at}/from`, action.from));
      return;
    }
    switch (action.type) {
      case 'forward':
      case 'sendBack':
      case 'approve':
      case 'issueResult':
        if (!index.steps.has(action.to)) issues.push(unknownStep(`${at}/to`, action.to));
        else if (trackOf(action.to) !== trackOf(action.from)) issues.push(crossTrack(`${at}/to`, action.from, action.to));
        return;
      case 'transfer': {
        const leg = index.legs.get(action.leg);
        if (leg === undefined) {
          issues.push({
            code: 'UNKNOWN_LEG',
            path: `${at}/leg`,
            message: { vi: `Không có chặng liên thông "${action.leg}".`, en: `No transfer leg has the id "${action.leg}".` },
          });
        } else if (leg.returnTo !== null && index.steps.has(leg.returnTo) && trackOf(leg.returnTo) !== trackOf(action.from)) {
          issues.push(crossTrack(`${at}/leg`, action.from, leg.returnTo));
        }
        return;
      }
      case 'completeTransfer': {
        const legId = trackOf(action.from);
        const leg = legId === undefined ? undefined : index.legs.get(legId);
        if (legId === undefined) {
          issues.push({
            code: 'NOT_IN_LEG',
            path: `${at}/type`,
            message: {
              vi: `Bước "${action.from}" không thuộc chặng liên thông nào nên không thể hoàn thành liên thông.`,
              en: `Step "${action.from}" is in no transfer leg, so it cannot complete a transfer.`,
            },
          });
        } else if (leg !== undefined && leg.returnTo === null) {
          issues.push({
            code: 'LEG_WITHOUT_RETURN',
            path: `${at}/type`,
            message: {
              vi: `Chặng "${legId}" kết thúc tại cơ quan nhận (không có bước quay về) nên không thể chuyển trả.`,
              en: `Leg "${legId}" ends at the receiving agency (it has no return step), so nothing can be sent back.`,
            },
          });
        }
        return;
      }
      default:
        return;
    }
  });
  return issues;
}
