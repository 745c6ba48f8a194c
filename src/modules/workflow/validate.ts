import { DEFAULT_HOURS_PER_WORKING_DAY, longestPath, toWorkingHours } from './allotted.js';
import { checkReferences } from './validate-references.js';
import { edgesOf, indexDefinition, reachableFrom, stepsThatCanEnd } from './graph.js';
import type { Edge } from './graph.js';
import type { DeadlineRule, DefinitionInput, Issue } from './types.js';

export type { Issue, IssueCode } from './types.js';
import { KNOWN_ROLES } from './types.js';

export interface ValidationReport {
  readonly errors: Issue[];
  readonly warnings: Issue[];
}

export interface ValidateOptions {
  /** Roles that exist in the system; default `KNOWN_ROLES`. */
  readonly knownRoles?: readonly string[];
  /** Roles that act on dossiers; a step with another known role gets a warning. */
  readonly actingRoles?: readonly string[];
  /** The procedure's legal deadline from the catalogue; overrides the definition's own. */
  readonly legalDeadline?: DeadlineRule;
  readonly hoursPerWorkingDay?: number;
}

const ACTING_ROLES = ['receptionOfficer', 'specialist', 'leader', 'clerk'];

function days(hours: number, perDay: number): string {
  return String(Math.round((hours / perDay) * 100) / 100);
}

/**
 * Checks a process definition before it is saved: references resolve, roles exist, every
 * step is reachable from the start, no step is a dead end, send-backs go to earlier steps,
 * and (as warnings) the allotted times along the longest path fit the legal deadline.
 * Decree 118/2025/NĐ-CP requires each procedure's internal workflow to set the steps, who
 * acts and the time of each step within the procedure's published deadline.
 */
export function validateDefinition(def: DefinitionInput, options: ValidateOptions = {}): ValidationReport {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const index = indexDefinition(def);
  const knownRoles = options.knownRoles ?? KNOWN_ROLES;
  const actingRoles = options.actingRoles ?? ACTING_ROLES;

  def.steps.forEach((step, i) => {
    if (!knownRoles.includes(step.role)) {
      errors.push({
        code: 'UNKNOWN_ROLE',
        path: `/steps/${i}/role`,
        message: {
          vi: `Bước "${step.id}": vai trò "${step.role}" không tồn tại trong hệ thống.`,
          en: `Step "${step.id}": the role "${step.role}" does not exist.`,
        },
      });
    } else if (!actingRoles.includes(step.role)) {
      warnings.push({
        code: 'NON_ACTING_ROLE',
        path: `/steps/${i}/role`,
        message: {
          vi: `Bước "${step.id}": vai trò "${step.role}" thường không xử lý hồ sơ.`,
          en: `Step "${step.id}": the role "${step.role}" does not usually process dossiers.`,
        },
      });
    }
  });

  errors.push(...checkReferences(def, index));
  // Graph checks on broken references would only repeat the same problem in other words.
  if (errors.some((e) => e.code !== 'UNKNOWN_ROLE' && e.code !== 'INVALID_CONDITION' && e.code !== 'INVALID_ALLOTTED')) {
    return { errors, warnings };
  }

  const edges = edgesOf(def, index);
  const reachable = reachableFrom(def.startStepId, edges);
  const canEnd = stepsThatCanEnd(edges, () => true);
  const canReturn = stepsThatCanEnd(edges, (e) => e.action.type === 'returnResult');
  def.steps.forEach((step, i) => {
    if (!reachable.has(step.id)) {
      errors.push({
        code: 'UNREACHABLE_STEP',
        path: `/steps/${i}`,
        message: {
          vi: `Bước "${step.id}" không thể đến được từ bước bắt đầu "${def.startStepId}".`,
          en: `Step "${step.id}" cannot be reached from the start step "${def.startStepId}".`,
        },
      });
    }
    if (!canEnd.has(step.id)) {
      errors.push({
        code: 'DEAD_END',
        path: `/steps/${i}`,
        message: {
          vi: `Bước "${step.id}" là ngõ cụt: không có thao tác nào dẫn đến kết thúc hồ sơ.`,
          en: `Step "${step.id}" is a dead end: no action leads on to an end of the dossier.`,
        },
      });
    } else if (reachable.has(step.id) && !canReturn.has(step.id)) {
      warnings.push({
        code: 'NO_RESULT_PATH',
        path: `/steps/${i}`,
        message: {
          vi: `Từ bước "${step.id}" hồ sơ chỉ có thể kết thúc bằng từ chối, không thể trả kết quả.`,
          en: `From step "${step.id}" the dossier can only end in refusal, never with a returned result.`,
        },
      });
    }
  });

  checkSendBacks(def, edges, errors);

  if (def.actions.some((a) => a.type === 'returnResult') && !def.actions.some((a) => a.type === 'issueResult')) {
    errors.push({
      code: 'RETURN_WITHOUT_RESULT',
      path: '/actions',
      message: {
        vi: 'Quy trình có thao tác trả kết quả nhưng không có thao tác ban hành kết quả.',
        en: 'The process returns a result but no action ever issues one.',
      },
    });
  }

  const perDay = options.hoursPerWorkingDay ?? DEFAULT_HOURS_PER_WORKING_DAY;
  const legal = options.legalDeadline ?? def.legalDeadline;
  if (legal !== undefined) {
    const main = longestPath(index, undefined, def.startStepId, perDay);
    const limit = toWorkingHours(legal, perDay);
    if (main.hours > limit) {
      warnings.push({
        code: 'DEADLINE_EXCEEDS_LEGAL',
        path: '/steps',
        message: {
          vi: `Tổng thời gian các bước trên đường dài nhất (${main.path.join(' → ')}) là ${days(main.hours, perDay)} ngày làm việc, vượt thời hạn giải quyết ${days(limit, perDay)} ngày làm việc.`,
          en: `The longest path (${main.path.join(' → ')}) is allotted ${days(main.hours, perDay)} working days, more than the legal deadline of ${days(limit, perDay)} working days.`,
        },
      });
    }
  }
  (def.legs ?? []).forEach((leg, i) => {
    const inner = longestPath(index, leg.id, leg.startStepId, perDay);
    const limit = toWorkingHours(leg.allotted, perDay);
    if (inner.hours > limit) {
      warnings.push({
        code: 'LEG_STEPS_EXCEED_LEG',
        path: `/legs/${i}/allotted`,
        message: {
          vi: `Các bước của chặng liên thông "${leg.id}" cộng lại ${days(inner.hours, perDay)} ngày làm việc, vượt thời gian của chặng ${days(limit, perDay)} ngày làm việc.`,
          en: `The steps of transfer leg "${leg.id}" add up to ${days(inner.hours, perDay)} working days, more than the leg's ${days(limit, perDay)} working days.`,
        },
      });
    }
  });

  return { errors, warnings };
}

/** A send-back must target a step from which the sending step can be reached going forward. */
function checkSendBacks(def: DefinitionInput, edges: readonly Edge[], errors: Issue[]): void {
  const forwardEdges = edges.filter((e) => e.action.type !== 'sendBack' && e.to !== e.from);
  def.actions.forEach((action, i) => {
    if (action.type !== 'sendBack') return;
    if (action.to === action.from || !reachableFrom(action.to, forwardEdges).has(action.from)) {
      errors.push({
        code: 'SEND_BACK_NOT_EARLIER',
        path: `/actions/${i}/to`,
        message: {
          vi: `Thao tác trả lại "${action.id}" phải chuyển về một bước trước bước "${action.from}", không phải "${action.to}".`,
          en: `Send-back "${action.id}" must go to a step before "${action.from}", which "${action.to}" is not.`,
        },
      });
    }
  });
}
