/**
 * The procedure catalogue's data model (danh mục thủ tục hành chính).
 *
 * A procedure is typed data: the lead stores it as JSON, the web app renders its e-form,
 * the workflow module runs the workflow it names, and the dossier module checks documents
 * and computes fees from it. Everything here is plain data, so it round-trips through JSON
 * and spreadsheets unchanged.
 */

/** A text in both languages the system speaks. Structurally the same as the platform's. */
export interface Bilingual {
  vi: string;
  en: string;
}

/** The administrative level that decides the procedure (two-tier government since 07/2025). */
export type ProcedureLevel = 'province' | 'commune';

/** Life of a catalogue entry: drafts are edited, published versions are frozen, retired ones stay for old dossiers. */
export type ProcedureStatus = 'draft' | 'published' | 'retired';

/** Decree 42/2022/NĐ-CP: `full` = toàn trình, `partial` = một phần. */
export type OnlineServiceLevel = 'full' | 'partial';

/** How a dossier reaches the agency; fee exemptions may depend on it. */
export type SubmissionChannel = 'online' | 'counter' | 'post';

/**
 * The legal time limit (thời hạn giải quyết).
 * `sameDay` results are returned the day the dossier is received; when `cutoffTime`
 * (HH:MM, Asia/Ho_Chi_Minh) is set, a dossier received after it is due the next working day
 * (e.g. Decree 23/2015/NĐ-CP art. 7 for certification: 15:00).
 */
export type Deadline =
  | { unit: 'workingDays' | 'workingHours' | 'calendarDays'; value: number }
  | { unit: 'sameDay'; cutoffTime?: string };

/** A longer (or shorter) limit the law allows in a stated case, e.g. "5 working days if verification is needed". */
export interface ConditionalDeadline {
  id: string;
  condition: Bilingual;
  deadline: Deadline;
}

/** One paper of the dossier (thành phần hồ sơ). */
export interface RequiredDocument {
  /** Stable slug, unique within the procedure (`to-khai`, `giay-chung-sinh`). */
  id: string;
  name: Bilingual;
  /** Number of originals (bản chính) to submit or present. */
  originals: number;
  /** Number of copies (bản sao) to submit. */
  copies: number;
  mandatory: boolean;
  /** MIME types accepted for the electronic version. */
  acceptedMimeTypes: string[];
  maxSizeBytes: number;
  /** File name of the blank form (mẫu đơn, tờ khai) offered for download. */
  templateFile?: string;
  /** When the document is needed or what replaces it. */
  note?: Bilingual;
}

/** Bracket of a `table` rule: applies when `from <= value < to` (`to: null` = no upper end). */
export interface FeeBracket {
  from: number;
  to: number | null;
  amount: number;
}

/** Tier of a `tiered` rule: units up to `upTo` (cumulative; `null` = all the rest) cost `unitAmount` each. */
export interface FeeTier {
  upTo: number | null;
  unitAmount: number;
}

/**
 * How one fee line's amount is found, in integer VND.
 * Fields are dotted paths into the e-form data (relative to the array item when the fee
 * item has `forEachItemOf`).
 */
export type FeeRule =
  | { kind: 'fixed'; amount: number }
  | { kind: 'perUnit'; field: string; unitAmount: number; min?: number; max?: number }
  | { kind: 'tiered'; field: string; tiers: FeeTier[]; min?: number; max?: number }
  | { kind: 'table'; field: string; brackets: FeeBracket[] };

/** A condition on the submission (channel) or on the e-form data. */
export type FeeCondition =
  | { kind: 'channel'; channels: SubmissionChannel[] }
  | { kind: 'fieldEquals'; field: string; value: string | number | boolean }
  | { kind: 'fieldIn'; field: string; values: (string | number)[] };

/** What an exemption does to the base amount: pay a percentage (0 = free) or a set amount. */
export type FeeEffect = { kind: 'percent'; payPercent: number } | { kind: 'amount'; amount: number };

/** An exemption or reduction (miễn, giảm); the first one that matches applies. */
export interface FeeExemption {
  id: string;
  reason: Bilingual;
  when: FeeCondition;
  effect: FeeEffect;
  legalBasis?: string;
}

/** One fee (phí) or charge (lệ phí) of the procedure. */
export interface FeeItem {
  id: string;
  /** `fee` = phí (pays for a service), `charge` = lệ phí (state charge). */
  category: 'fee' | 'charge';
  name: Bilingual;
  rule: FeeRule;
  /** The item is owed only when this holds (e.g. only for re-issue). */
  appliesWhen?: FeeCondition;
  /** Multiplies the amount, e.g. the number of copies; read after exemptions. */
  quantityField?: string;
  /** An array field of the e-form: the item is computed once per element. */
  forEachItemOf?: string;
  exemptions?: FeeExemption[];
  legalBasis?: string;
}

/** A legal document the procedure rests on (căn cứ pháp lý). */
export interface LegalDocument {
  /** Official number, e.g. `60/2014/QH13`, `123/2015/NĐ-CP`. */
  number: string;
  title: Bilingual;
  /** ISO date of issue, when known. */
  issuedOn?: string;
  /** The articles relied on, e.g. `Điều 16`. */
  articles?: string;
}

/** The JSON types a schema may name. */
export type JsonSchemaType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

/** A JSON primitive, as allowed in `enum` and `const`. */
export type JsonPrimitive = string | number | boolean | null;

/**
 * The subset of JSON Schema draft 2020-12 that e-forms use. `title` is Vietnamese;
 * the `x-title-en` annotation carries the English label used in English error messages.
 */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  title?: string;
  'x-title-en'?: string;
  description?: string;
  type?: JsonSchemaType;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: JsonPrimitive[];
  const?: JsonPrimitive;
  /** Only as a labelled enum: every branch is `{ const, title }`. */
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** Ends the sentence after the field's label when `pattern` fails ("phải gồm đúng 12 chữ số."), instead of a generic "wrong format". */
  'x-pattern-message'?: Bilingual;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
  examples?: unknown[];
}

/** A procedure of the catalogue, one version of it. */
export interface Procedure {
  /** National code on the National Public Service Portal, e.g. `1.001193`. */
  code: string;
  version: number;
  status: ProcedureStatus;
  name: Bilingual;
  /** Code of the field (lĩnh vực), see `procedureFields`. */
  fieldCode: string;
  level: ProcedureLevel;
  /** Agency type that decides, e.g. `peoplesCommittee:commune`, `department:construction`. */
  competentAgencyType: string;
  /** Agency types or electronic agency codes that may receive the dossier. */
  receivingAgencies: string[];
  documents: RequiredDocument[];
  fees: FeeItem[];
  deadline: Deadline;
  conditionalDeadlines?: ConditionalDeadline[];
  onlineLevel: OnlineServiceLevel;
  result: { name: Bilingual };
  legalBasis: LegalDocument[];
  eForm: JsonSchema;
  /** Key of the workflow definition, e.g. `standard-one-stop`. */
  workflowKey: string;
  /** Whether a supplement request restarts the count instead of pausing it. */
  supplementRestartsClock: boolean;
}

/** One problem found in catalogue data, located by a JSON pointer (`/documents/2/id`). */
export interface CatalogIssue {
  path: string;
  code: string;
  message: Bilingual;
}
