import { Type } from '@sinclair/typebox';
import type { Procedure } from './domain/types.js';
import { procedureFields } from './domain/reference-data.js';
import type { StoredProcedure } from './store.js';

/** TypeBox schemas shared by the catalogue's routes. */

export const Bilingual = Type.Object({ vi: Type.String(), en: Type.String() });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Loose = (description: string) => Type.Object({}, { additionalProperties: true, description });
const Status = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('retired')]);
export const Level = Type.Union([Type.Literal('province'), Type.Literal('commune')]);
export const OnlineLevel = Type.Union([Type.Literal('full'), Type.Literal('partial')]);

/** A procedure as JSON; checked by `validateProcedure`, whose issues come back as a 400 with pointers into the body. */
export const ProcedureJson = Loose(
  'A procedure of the catalogue: code, version, name {vi,en}, fieldCode, level, competentAgencyType, receivingAgencies, documents, fees, deadline, conditionalDeadlines, onlineLevel, result, legalBasis, eForm (JSON Schema), workflowKey, supplementRestartsClock',
);

export const CodeParams = Type.Object({ code: Type.String({ pattern: '^[0-9]\\.[0-9]{6}$', description: 'National procedure code, e.g. 1.001193' }) });
export const VersionParams = Type.Object({ code: CodeParams.properties.code, version: Type.Integer({ minimum: 1 }) });

export const StoredSchema = Type.Object({
  code: Type.String(),
  version: Type.Integer(),
  status: Status,
  name: Bilingual,
  createdAt: Type.String(),
  createdBy: Nullable(Type.String()),
  updatedAt: Type.String(),
  publishedAt: Nullable(Type.String()),
  publishedBy: Nullable(Type.String()),
  retiredAt: Nullable(Type.String()),
  procedure: ProcedureJson,
});

/** The admin view of a stored version. */
export function storedView(s: StoredProcedure) {
  const p = s.procedure;
  return {
    code: p.code,
    version: p.version,
    status: p.status,
    name: p.name,
    createdAt: s.createdAt,
    createdBy: s.createdBy,
    updatedAt: s.updatedAt,
    publishedAt: s.publishedAt,
    publishedBy: s.publishedBy,
    retiredAt: s.retiredAt,
    procedure: p,
  };
}

export const SaveSchema = Type.Object({
  outcome: Type.Union(['created', 'editedDraft', 'newVersion', 'unchanged'].map((o) => Type.Literal(o))),
  procedure: StoredSchema,
  changes: Type.Array(Type.Object({ path: Type.String(), before: Type.Optional(Type.Unknown()), after: Type.Optional(Type.Unknown()) }), { description: 'What differs from the version it was based on' }),
});

const FieldSchema = Type.Object({ code: Type.String(), name: Bilingual });

/** The field (lĩnh vực) of a procedure with its name, when known. */
export function fieldOf(code: string): { code: string; name: { vi: string; en: string } } {
  const f = procedureFields.find((x) => x.code === code);
  return { code, name: f ? { vi: f.name.vi, en: f.name.en } : { vi: code, en: code } };
}

export const PublicListItemSchema = Type.Object({
  code: Type.String(),
  version: Type.Integer(),
  name: Bilingual,
  field: FieldSchema,
  level: Level,
  onlineLevel: OnlineLevel,
  deadline: Loose('The legal time limit: { unit: workingDays | workingHours | calendarDays, value } or { unit: sameDay, cutoffTime? }'),
  publishedAt: Nullable(Type.String()),
});

/** The public list view of a published procedure. */
export function publicListItem(s: StoredProcedure) {
  const p = s.procedure;
  return { code: p.code, version: p.version, name: p.name, field: fieldOf(p.fieldCode), level: p.level, onlineLevel: p.onlineLevel, deadline: p.deadline, publishedAt: s.publishedAt };
}

export const PublicProcedureSchema = Type.Object({
  code: Type.String(),
  version: Type.Integer(),
  name: Bilingual,
  field: FieldSchema,
  level: Level,
  onlineLevel: OnlineLevel,
  competentAgencyType: Type.String(),
  receivingAgencies: Type.Array(Type.String()),
  documents: Type.Array(Loose('A required document (thành phần hồ sơ): id, name, originals, copies, mandatory, acceptedMimeTypes, maxSizeBytes, templateFile?, note?')),
  fees: Type.Array(Loose('A fee (phí) or charge (lệ phí) and how it is computed')),
  deadline: Loose('The legal time limit (thời hạn giải quyết)'),
  conditionalDeadlines: Type.Optional(Type.Array(Loose('A longer or shorter limit in a stated case'))),
  result: Type.Object({ name: Bilingual }),
  legalBasis: Type.Array(Loose('A legal document (căn cứ pháp lý): number, title, issuedOn?, articles?')),
  eForm: Loose('The e-form as JSON Schema 2020-12 (subset)'),
  supplementRestartsClock: Type.Boolean(),
  publishedAt: Nullable(Type.String()),
});

/** The public detail view of a published procedure (no internal workflow key). */
export function publicProcedure(s: StoredProcedure) {
  const p: Procedure = s.procedure;
  return {
    code: p.code,
    version: p.version,
    name: p.name,
    field: fieldOf(p.fieldCode),
    level: p.level,
    onlineLevel: p.onlineLevel,
    competentAgencyType: p.competentAgencyType,
    receivingAgencies: p.receivingAgencies,
    documents: p.documents,
    fees: p.fees,
    deadline: p.deadline,
    ...(p.conditionalDeadlines ? { conditionalDeadlines: p.conditionalDeadlines } : {}),
    result: p.result,
    legalBasis: p.legalBasis,
    eForm: p.eForm,
    supplementRestartsClock: p.supplementRestartsClock,
    publishedAt: s.publishedAt,
  };
}

export const FeeQuoteSchema = Type.Object({
  code: Type.String(),
  version: Type.Integer(),
  total: Type.Integer({ description: 'Integer VND' }),
  currency: Type.Literal('VND'),
  lines: Type.Array(
    Type.Object({
      feeId: Type.String(),
      category: Type.Union([Type.Literal('fee'), Type.Literal('charge')]),
      name: Bilingual,
      itemIndex: Type.Optional(Type.Integer()),
      baseAmount: Type.Integer(),
      quantity: Type.Integer(),
      amount: Type.Integer(),
      exemption: Type.Optional(Type.Object({ id: Type.String(), reason: Bilingual })),
    }),
  ),
});

const RowErrorSchema = Type.Object({
  sheet: Type.Union([Type.Literal('procedures'), Type.Literal('documents'), Type.Literal('fees')]),
  row: Type.Integer(),
  column: Type.Optional(Type.String()),
  path: Type.Optional(Type.String()),
  message: Bilingual,
});

export const ImportReportSchema = Type.Object({
  dryRun: Type.Boolean(),
  applied: Type.Boolean(),
  procedures: Type.Integer(),
  created: Type.Integer(),
  newVersions: Type.Integer(),
  editedDrafts: Type.Integer(),
  unchanged: Type.Integer(),
  published: Type.Integer(),
  errors: Type.Array(RowErrorSchema),
});
