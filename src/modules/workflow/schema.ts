import { Type } from '@sinclair/typebox';
import type { Static, TSchema } from '@sinclair/typebox';
import { ValueErrorType } from '@sinclair/typebox/errors';
import type { ValueError } from '@sinclair/typebox/errors';
import { Value } from '@sinclair/typebox/value';
import type { DefinitionInput, ProcessDefinition } from './types.js';
import { validateDefinition } from './validate.js';
import type { Issue, ValidateOptions } from './validate.js';

const closed = { additionalProperties: false } as const;
const Id = Type.String({ minLength: 1, maxLength: 100 });
const Literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const BilingualSchema = Type.Object({ vi: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) }, closed);

export const DeadlineRuleSchema = Type.Union([
  Type.Object({ unit: Literals(['workingDays', 'workingHours', 'calendarDays'] as const), value: Type.Number() }, closed),
  Type.Object({ unit: Type.Literal('sameDay') }, closed),
]);

export const AgencySelectorSchema = Type.Union([
  Type.Object({ kind: Literals(['receiving', 'competent', 'current', 'parent', 'child'] as const) }, closed),
  Type.Object({ kind: Type.Literal('named'), code: Type.String({ minLength: 1 }) }, closed),
]);

const ScalarSchema = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);

export const ConditionSchema = Type.Recursive(
  (This) =>
    Type.Union([
      Type.Object({ all: Type.Array(This) }, closed),
      Type.Object({ any: Type.Array(This) }, closed),
      Type.Object({ not: This }, closed),
      Type.Object(
        {
          field: Type.String({ minLength: 1 }),
          op: Literals(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'exists'] as const),
          value: Type.Optional(Type.Union([ScalarSchema, Type.Array(ScalarSchema)])),
        },
        closed,
      ),
    ]),
  { $id: 'WorkflowCondition' },
);

export const StepSchema = Type.Object(
  {
    id: Id,
    name: BilingualSchema,
    kind: Literals(['reception', 'processing', 'appraisal', 'approval', 'result', 'return'] as const),
    // Any string here: unknown roles get a clear message from validateDefinition.
    role: Type.String({ minLength: 1 }),
    agency: AgencySelectorSchema,
    allotted: DeadlineRuleSchema,
    leg: Type.Optional(Id),
  },
  closed,
);

const actionBase = { id: Id, from: Id, label: Type.Optional(BilingualSchema), when: Type.Optional(ConditionSchema) };

export const ActionSchema = Type.Union([
  Type.Object({ ...actionBase, type: Literals(['forward', 'sendBack', 'approve', 'issueResult'] as const), to: Id }, closed),
  Type.Object({ ...actionBase, type: Type.Literal('transfer'), leg: Id }, closed),
  Type.Object(
    { ...actionBase, type: Literals(['completeTransfer', 'requestSupplement', 'requestPayment', 'refuse', 'returnResult'] as const) },
    closed,
  ),
]);

export const LegSchema = Type.Object(
  { id: Id, name: BilingualSchema, agency: AgencySelectorSchema, allotted: DeadlineRuleSchema, startStepId: Id, returnTo: Type.Union([Id, Type.Null()]) },
  closed,
);

/** The JSON shape of a process definition, for the HTTP layer and for loading stored JSON. */
export const ProcessDefinitionSchema = Type.Object(
  {
    // No "@" in keys, so `key@version` references stay unambiguous.
    key: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._-]+$' }),
    version: Type.Integer({ minimum: 1 }),
    name: BilingualSchema,
    legalDeadline: Type.Optional(DeadlineRuleSchema),
    supplementRestartsClock: Type.Optional(Type.Boolean()),
    allowWithdrawal: Type.Optional(Type.Boolean()),
    startStepId: Id,
    steps: Type.Array(StepSchema, { minItems: 1 }),
    actions: Type.Array(ActionSchema),
    legs: Type.Optional(Type.Array(LegSchema)),
  },
  closed,
);

// Compile-time guard: whatever the schema accepts must fit the hand-written types.
type Assignable<T extends U, U> = T;
export type ProcessDefinitionJson = Assignable<Static<typeof ProcessDefinitionSchema>, DefinitionInput>;

const VI_REASONS: Partial<Record<ValueErrorType, string>> = {
  [ValueErrorType.ObjectRequiredProperty]: 'thiếu trường bắt buộc',
  [ValueErrorType.ObjectAdditionalProperties]: 'có trường không được phép',
  [ValueErrorType.String]: 'phải là chuỗi ký tự',
  [ValueErrorType.StringMinLength]: 'không được để trống',
  [ValueErrorType.StringMaxLength]: 'quá dài',
  [ValueErrorType.StringPattern]: 'chứa ký tự không hợp lệ',
  [ValueErrorType.Number]: 'phải là số',
  [ValueErrorType.Integer]: 'phải là số nguyên',
  [ValueErrorType.IntegerMinimum]: 'quá nhỏ',
  [ValueErrorType.Boolean]: 'phải là đúng/sai',
  [ValueErrorType.Array]: 'phải là danh sách',
  [ValueErrorType.ArrayMinItems]: 'cần ít nhất một phần tử',
  [ValueErrorType.Object]: 'phải là một đối tượng',
  [ValueErrorType.Union]: 'không khớp với dạng nào được phép',
  [ValueErrorType.Literal]: 'không phải giá trị được phép',
};

function shapeIssue(e: ValueError): Issue {
  const path = e.path === '' ? '/' : e.path;
  const reason = VI_REASONS[e.type] ?? 'không hợp lệ';
  return {
    code: 'INVALID_SHAPE',
    path,
    message: { vi: `Giá trị tại "${path}" ${reason}.`, en: `The value at "${path}" is invalid: ${e.message}.` },
  };
}

/** Structural problems of a JSON value against a schema, at most `limit` of them. */
export function shapeIssues(schema: TSchema, value: unknown, limit = 20): Issue[] {
  const issues: Issue[] = [];
  for (const e of Value.Errors(schema, value)) {
    issues.push(shapeIssue(e));
    if (issues.length >= limit) break;
  }
  return issues;
}

/** The outcome of loading a definition from JSON. */
export type ParseResult =
  | { readonly ok: true; readonly definition: ProcessDefinition; readonly warnings: Issue[] }
  | { readonly ok: false; readonly errors: Issue[]; readonly warnings: Issue[] };

/**
 * Loads a process definition from JSON (API body or stored row): checks its shape, then runs
 * `validateDefinition`. Only a definition with no errors comes back typed.
 */
export function parseDefinition(json: unknown, options: ValidateOptions = {}): ParseResult {
  if (!Value.Check(ProcessDefinitionSchema, json)) return { ok: false, errors: shapeIssues(ProcessDefinitionSchema, json), warnings: [] };
  const report = validateDefinition(json, options);
  if (report.errors.length > 0) return { ok: false, ...report };
  // validateDefinition has checked every role against the known roles, so the input is a ProcessDefinition.
  return { ok: true, definition: json as ProcessDefinition, warnings: report.warnings };
}
