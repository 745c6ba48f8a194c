/**
 * Reads the catalogue back from spreadsheet rows (the inverse of `toRows`), reporting every
 * malformed cell with its sheet, row number and column in Vietnamese and English. It checks
 * shapes only; run `validateProcedure` on the result for the catalogue rules.
 */
import { isRecord } from './issues.js';
import type { CatalogSheets, Cell, Row } from './rows.js';
import type {
  Bilingual,
  ConditionalDeadline,
  Deadline,
  FeeBracket,
  FeeCondition,
  FeeExemption,
  FeeItem,
  FeeRule,
  FeeTier,
  JsonSchema,
  LegalDocument,
  Procedure,
  RequiredDocument,
} from './types.js';

/** A problem in one cell or row; `row` is the spreadsheet row number with the header on row 1. */
export interface RowError {
  sheet: keyof CatalogSheets;
  row: number;
  column?: string;
  message: Bilingual;
}

/** Result of `fromRows`. */
export type FromRowsResult = { ok: true; procedures: Procedure[] } | { ok: false; errors: RowError[] };

type Reader = ReturnType<typeof reader>;

function reader(sheet: keyof CatalogSheets, index: number, row: Row, errors: RowError[]) {
  const rowNumber = index + 2;
  const fail = (column: string, vi: string, en: string): undefined => {
    errors.push({ sheet, row: rowNumber, column, message: { vi, en } });
    return undefined;
  };
  const raw = (key: string): Exclude<Cell, null> | undefined => {
    const value = row[key];
    return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;
  };
  const missing = (key: string) => fail(key, `Thiếu giá trị ở cột "${key}".`, `Column "${key}" is empty.`);
  const text = (key: string, required = true): string | undefined => {
    const value = raw(key);
    if (value === undefined) return required ? missing(key) : undefined;
    // Spreadsheets turn 2.000720 into the number 2.00072; national codes have six decimals.
    if (typeof value === 'number' && (key === 'code' || key === 'procedureCode')) return value.toFixed(6);
    return String(value).trim();
  };
  return {
    fail,
    text,
    number(key: string, required = true, integer = true): number | undefined {
      const value = raw(key);
      if (value === undefined) return required ? missing(key) : undefined;
      const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
      if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) {
        return fail(key, `Cột "${key}" phải là ${integer ? 'số nguyên' : 'số'}.`, `Column "${key}" must be ${integer ? 'an integer' : 'a number'}.`);
      }
      return n;
    },
    bool(key: string): boolean | undefined {
      const value = raw(key);
      if (value === undefined) return missing(key);
      if (typeof value === 'boolean') return value;
      const text = typeof value === 'string' ? value.trim().toLowerCase() : String(value);
      if (['true', 'có', '1', 'x'].includes(text)) return true;
      if (['false', 'không', '0'].includes(text)) return false;
      return fail(key, `Cột "${key}" phải là có/không (true/false).`, `Column "${key}" must be true or false.`);
    },
    list(key: string): string[] {
      const value = raw(key);
      return value === undefined ? [] : String(value).split(';').map((s) => s.trim()).filter((s) => s !== '');
    },
    oneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
      const value = text(key);
      if (value === undefined) return undefined;
      if ((allowed as readonly string[]).includes(value)) return value as T;
      return fail(key, `Cột "${key}" phải là một trong: ${allowed.join(', ')}.`, `Column "${key}" must be one of: ${allowed.join(', ')}.`);
    },
    json(key: string, shape: 'object' | 'array', required = false): unknown {
      const value = raw(key);
      if (value === undefined) return required ? missing(key) : undefined;
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(value));
      } catch {
        return fail(key, `Cột "${key}" không phải JSON hợp lệ.`, `Column "${key}" is not valid JSON.`);
      }
      const ok = shape === 'array' ? Array.isArray(parsed) : isRecord(parsed);
      if (!ok) return fail(key, `Cột "${key}" phải là ${shape === 'array' ? 'một mảng' : 'một đối tượng'} JSON.`, `Column "${key}" must be a JSON ${shape}.`);
      return parsed;
    },
  };
}

function key(code: string | undefined, version: number | undefined): string {
  return `${code ?? '?'}@${version ?? '?'}`;
}

/**
 * Rebuilds procedures from the three sheets. Document and fee rows attach to the procedure
 * with the same code and version, in row order.
 */
export function fromRows(sheets: CatalogSheets): FromRowsResult {
  const errors: RowError[] = [];
  const byKey = new Map<string, Procedure>();
  // Procedures whose own row was already reported: their documents and fees are not
  // reported a second time as orphans.
  const failedKeys = new Set<string>();
  const ordered: Procedure[] = [];
  sheets.procedures.forEach((row, index) => {
    const r = reader('procedures', index, row, errors);
    const read = readProcedure(r);
    if (!read.ok) {
      if (read.key !== undefined) failedKeys.add(read.key);
      return;
    }
    const procedure = read.procedure;
    const k = key(procedure.code, procedure.version);
    if (byKey.has(k)) {
      r.fail('code', `Thủ tục ${procedure.code} phiên bản ${procedure.version} bị lặp.`, `Procedure ${procedure.code} version ${procedure.version} appears twice.`);
      return;
    }
    byKey.set(k, procedure);
    ordered.push(procedure);
  });
  const attach = <T>(sheet: 'documents' | 'fees', rows: Row[], read: (r: Reader) => T | undefined, add: (p: Procedure, item: T) => void) => {
    rows.forEach((row, index) => {
      const r = reader(sheet, index, row, errors);
      const code = r.text('procedureCode');
      const version = r.number('procedureVersion');
      const item = read(r);
      if (code === undefined || version === undefined || item === undefined) return;
      const procedure = byKey.get(key(code, version));
      if (!procedure && failedKeys.has(key(code, version))) return;
      if (!procedure) {
        r.fail('procedureCode', `Không có thủ tục ${code} phiên bản ${version} trong trang thủ tục.`, `No procedure ${code} version ${version} on the procedures sheet.`);
        return;
      }
      add(procedure, item);
    });
  };
  attach('documents', sheets.documents, readDocument, (p, d) => p.documents.push(d));
  attach('fees', sheets.fees, readFee, (p, f) => p.fees.push(f));
  return errors.length === 0 ? { ok: true, procedures: ordered } : { ok: false, errors };
}

function readDeadline(r: Reader): Deadline | undefined {
  const unit = r.oneOf('deadlineUnit', ['sameDay', 'workingDays', 'workingHours', 'calendarDays'] as const);
  if (unit === undefined) return undefined;
  if (unit === 'sameDay') {
    const cutoffTime = r.text('deadlineCutoffTime', false);
    return cutoffTime === undefined ? { unit } : { unit, cutoffTime };
  }
  const value = r.number('deadlineValue', true, false);
  return value === undefined ? undefined : { unit, value };
}

function readProcedure(r: Reader): { ok: true; procedure: Procedure } | { ok: false; key?: string } {
  const fields = {
    code: r.text('code'),
    version: r.number('version'),
    status: r.oneOf('status', ['draft', 'published', 'retired'] as const),
    nameVi: r.text('nameVi'),
    nameEn: r.text('nameEn'),
    fieldCode: r.text('fieldCode'),
    level: r.oneOf('level', ['province', 'commune'] as const),
    competentAgencyType: r.text('competentAgencyType'),
    deadline: readDeadline(r),
    onlineLevel: r.oneOf('onlineLevel', ['full', 'partial'] as const),
    resultVi: r.text('resultVi'),
    resultEn: r.text('resultEn'),
    legalBasis: r.json('legalBasis', 'array', true) as LegalDocument[] | undefined,
    workflowKey: r.text('workflowKey'),
    supplementRestartsClock: r.bool('supplementRestartsClock'),
    eForm: r.json('eForm', 'object', true) as JsonSchema | undefined,
  };
  const conditionalDeadlines = r.json('conditionalDeadlines', 'array') as ConditionalDeadline[] | undefined;
  const receivingAgencies = r.list('receivingAgencies');
  const f = fields;
  if (Object.values(f).some((v) => v === undefined)) {
    return f.code !== undefined && f.version !== undefined ? { ok: false, key: key(f.code, f.version) } : { ok: false };
  }
  // Every member was checked just above; the assertions only restate that for the compiler.
  const procedure: Procedure = {
    code: f.code as string,
    version: f.version as number,
    status: f.status as Procedure['status'],
    name: { vi: f.nameVi as string, en: f.nameEn as string },
    fieldCode: f.fieldCode as string,
    level: f.level as Procedure['level'],
    competentAgencyType: f.competentAgencyType as string,
    receivingAgencies,
    documents: [],
    fees: [],
    deadline: f.deadline as Deadline,
    onlineLevel: f.onlineLevel as Procedure['onlineLevel'],
    result: { name: { vi: f.resultVi as string, en: f.resultEn as string } },
    legalBasis: f.legalBasis as LegalDocument[],
    eForm: f.eForm as JsonSchema,
    workflowKey: f.workflowKey as string,
    supplementRestartsClock: f.supplementRestartsClock as boolean,
  };
  if (conditionalDeadlines !== undefined) procedure.conditionalDeadlines = conditionalDeadlines;
  return { ok: true, procedure };
}

function readDocument(r: Reader): RequiredDocument | undefined {
  const d = {
    id: r.text('id'),
    nameVi: r.text('nameVi'),
    nameEn: r.text('nameEn'),
    originals: r.number('originals'),
    copies: r.number('copies'),
    mandatory: r.bool('mandatory'),
    maxSizeBytes: r.number('maxSizeBytes'),
  };
  const acceptedMimeTypes = r.list('acceptedMimeTypes');
  const templateFile = r.text('templateFile', false);
  const noteVi = r.text('noteVi', false);
  const noteEn = r.text('noteEn', false);
  if (Object.values(d).some((v) => v === undefined)) return undefined;
  const doc: RequiredDocument = {
    id: d.id as string,
    name: { vi: d.nameVi as string, en: d.nameEn as string },
    originals: d.originals as number,
    copies: d.copies as number,
    mandatory: d.mandatory as boolean,
    acceptedMimeTypes,
    maxSizeBytes: d.maxSizeBytes as number,
  };
  if (templateFile !== undefined) doc.templateFile = templateFile;
  if (noteVi !== undefined || noteEn !== undefined) doc.note = { vi: noteVi ?? '', en: noteEn ?? '' };
  return doc;
}

function parseTiers(r: Reader, text: string): FeeTier[] | undefined {
  const tiers: FeeTier[] = [];
  for (const part of text.split(';').map((s) => s.trim()).filter((s) => s !== '')) {
    const match = /^(\*|\d+)\s*:\s*(\d+)$/.exec(part);
    if (!match) return r.fail('tiers', `Bậc "${part}" phải có dạng đến:đơn giá (vd. 2:2000 hoặc *:1000).`, `Tier "${part}" must be upTo:unit (e.g. 2:2000 or *:1000).`);
    tiers.push({ upTo: match[1] === '*' ? null : Number(match[1]), unitAmount: Number(match[2]) });
  }
  return tiers;
}

function parseBrackets(r: Reader, text: string): FeeBracket[] | undefined {
  const brackets: FeeBracket[] = [];
  for (const part of text.split(';').map((s) => s.trim()).filter((s) => s !== '')) {
    const match = /^(\d+(?:\.\d+)?)\s*-\s*(\*|\d+(?:\.\d+)?)\s*:\s*(\d+)$/.exec(part);
    if (!match) return r.fail('brackets', `Khung "${part}" phải có dạng từ-đến:mức thu (vd. 0-200:700000 hoặc 200-*:1000000).`, `Bracket "${part}" must be from-to:amount (e.g. 0-200:700000 or 200-*:1000000).`);
    brackets.push({ from: Number(match[1]), to: match[2] === '*' ? null : Number(match[2]), amount: Number(match[3]) });
  }
  return brackets;
}

function readRule(r: Reader): FeeRule | undefined {
  const kind = r.oneOf('ruleKind', ['fixed', 'perUnit', 'tiered', 'table'] as const);
  if (kind === undefined) return undefined;
  if (kind === 'fixed') {
    const amount = r.number('amount');
    return amount === undefined ? undefined : { kind, amount };
  }
  const field = r.text('field');
  const min = r.number('min', false);
  const max = r.number('max', false);
  const bounds = { ...(min !== undefined && { min }), ...(max !== undefined && { max }) };
  if (kind === 'perUnit') {
    const unitAmount = r.number('unitAmount');
    return field === undefined || unitAmount === undefined ? undefined : { kind, field, unitAmount, ...bounds };
  }
  if (kind === 'tiered') {
    const text = r.text('tiers');
    const tiers = text === undefined ? undefined : parseTiers(r, text);
    return field === undefined || tiers === undefined ? undefined : { kind, field, tiers, ...bounds };
  }
  const text = r.text('brackets');
  const brackets = text === undefined ? undefined : parseBrackets(r, text);
  return field === undefined || brackets === undefined ? undefined : { kind, field, brackets };
}

function readFee(r: Reader): FeeItem | undefined {
  const id = r.text('id');
  const category = r.oneOf('category', ['fee', 'charge'] as const);
  const nameVi = r.text('nameVi');
  const nameEn = r.text('nameEn');
  const rule = readRule(r);
  const appliesWhen = r.json('appliesWhen', 'object') as FeeCondition | undefined;
  const exemptions = r.json('exemptions', 'array') as FeeExemption[] | undefined;
  const quantityField = r.text('quantityField', false);
  const forEachItemOf = r.text('forEachItemOf', false);
  const legalBasis = r.text('legalBasis', false);
  if (id === undefined || category === undefined || nameVi === undefined || nameEn === undefined || rule === undefined) return undefined;
  const fee: FeeItem = { id, category, name: { vi: nameVi, en: nameEn }, rule };
  if (appliesWhen !== undefined) fee.appliesWhen = appliesWhen;
  if (quantityField !== undefined) fee.quantityField = quantityField;
  if (forEachItemOf !== undefined) fee.forEachItemOf = forEachItemOf;
  if (exemptions !== undefined) fee.exemptions = exemptions;
  if (legalBasis !== undefined) fee.legalBasis = legalBasis;
  return fee;
}
