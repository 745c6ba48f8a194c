/**
 * Flat spreadsheet rows for the catalogue: one sheet of procedures, one of documents, one
 * of fees, joined by procedure code and version. The lead adds the XLSX file I/O; this
 * file only maps. Structured parts a spreadsheet cannot hold flat (e-form schema, legal
 * basis, conditional deadlines, conditions, exemptions) travel as JSON text in one cell;
 * fee tiers and brackets use a short text form that admins can edit by hand.
 */
import type { Bilingual, FeeBracket, FeeItem, FeeTier, Procedure, RequiredDocument } from './types.js';

/** What a spreadsheet cell may hold. */
export type Cell = string | number | boolean | null;

/** One spreadsheet row, keyed by column key. */
export type Row = Record<string, Cell>;

/** The three sheets of a catalogue workbook. */
export interface CatalogSheets {
  procedures: Row[];
  documents: Row[];
  fees: Row[];
}

/** A column: the key used in `Row` and the header shown in the workbook. */
export interface ColumnSpec {
  key: string;
  header: Bilingual;
}

function col(key: string, vi: string, en: string): ColumnSpec {
  return { key, header: { vi, en } };
}

/** Columns of the procedures sheet, in display order. */
export const procedureColumns: readonly ColumnSpec[] = [
  col('code', 'Mã thủ tục', 'Procedure code'),
  col('version', 'Phiên bản', 'Version'),
  col('status', 'Trạng thái', 'Status'),
  col('nameVi', 'Tên thủ tục', 'Name (Vietnamese)'),
  col('nameEn', 'Tên tiếng Anh', 'Name (English)'),
  col('fieldCode', 'Lĩnh vực', 'Field'),
  col('level', 'Cấp thực hiện', 'Level'),
  col('competentAgencyType', 'Cơ quan có thẩm quyền', 'Competent agency type'),
  col('receivingAgencies', 'Cơ quan tiếp nhận (cách nhau bởi ;)', 'Receiving agencies (separated by ;)'),
  col('deadlineUnit', 'Đơn vị thời hạn', 'Deadline unit'),
  col('deadlineValue', 'Thời hạn', 'Deadline value'),
  col('deadlineCutoffTime', 'Giờ tiếp nhận muộn nhất trong ngày', 'Same-day cut-off time'),
  col('conditionalDeadlines', 'Thời hạn theo điều kiện (JSON)', 'Conditional deadlines (JSON)'),
  col('onlineLevel', 'Mức độ dịch vụ công trực tuyến', 'Online service level'),
  col('resultVi', 'Kết quả thực hiện', 'Result (Vietnamese)'),
  col('resultEn', 'Kết quả (tiếng Anh)', 'Result (English)'),
  col('legalBasis', 'Căn cứ pháp lý (JSON)', 'Legal basis (JSON)'),
  col('workflowKey', 'Quy trình nội bộ', 'Workflow key'),
  col('supplementRestartsClock', 'Bổ sung hồ sơ tính lại thời hạn', 'Supplement restarts clock'),
  col('eForm', 'Biểu mẫu điện tử (JSON Schema)', 'E-form (JSON Schema)'),
];

/** Columns of the documents sheet. */
export const documentColumns: readonly ColumnSpec[] = [
  col('procedureCode', 'Mã thủ tục', 'Procedure code'),
  col('procedureVersion', 'Phiên bản', 'Version'),
  col('id', 'Mã giấy tờ', 'Document id'),
  col('nameVi', 'Tên giấy tờ', 'Name (Vietnamese)'),
  col('nameEn', 'Tên tiếng Anh', 'Name (English)'),
  col('originals', 'Số bản chính', 'Originals'),
  col('copies', 'Số bản sao', 'Copies'),
  col('mandatory', 'Bắt buộc', 'Mandatory'),
  col('acceptedMimeTypes', 'Kiểu tệp (cách nhau bởi ;)', 'MIME types (separated by ;)'),
  col('maxSizeBytes', 'Dung lượng tối đa (byte)', 'Max size (bytes)'),
  col('templateFile', 'Tệp mẫu', 'Template file'),
  col('noteVi', 'Ghi chú', 'Note (Vietnamese)'),
  col('noteEn', 'Ghi chú tiếng Anh', 'Note (English)'),
];

/** Columns of the fees sheet. */
export const feeColumns: readonly ColumnSpec[] = [
  col('procedureCode', 'Mã thủ tục', 'Procedure code'),
  col('procedureVersion', 'Phiên bản', 'Version'),
  col('id', 'Mã khoản thu', 'Fee id'),
  col('category', 'Loại (fee = phí, charge = lệ phí)', 'Category (fee, charge)'),
  col('nameVi', 'Tên khoản thu', 'Name (Vietnamese)'),
  col('nameEn', 'Tên tiếng Anh', 'Name (English)'),
  col('ruleKind', 'Cách tính (fixed, perUnit, tiered, table)', 'Rule (fixed, perUnit, tiered, table)'),
  col('field', 'Trường dữ liệu tính phí', 'E-form field'),
  col('amount', 'Mức thu cố định (đồng)', 'Fixed amount (VND)'),
  col('unitAmount', 'Đơn giá (đồng)', 'Unit amount (VND)'),
  col('min', 'Mức tối thiểu (đồng)', 'Minimum (VND)'),
  col('max', 'Mức tối đa (đồng)', 'Maximum (VND)'),
  col('tiers', 'Bậc (đến:đơn giá; *:đơn giá)', 'Tiers (upTo:unit; *:unit)'),
  col('brackets', 'Khung (từ-đến:mức thu; từ-*:mức thu)', 'Brackets (from-to:amount; from-*:amount)'),
  col('appliesWhen', 'Áp dụng khi (JSON)', 'Applies when (JSON)'),
  col('quantityField', 'Trường số lượng', 'Quantity field'),
  col('forEachItemOf', 'Tính cho từng mục của', 'For each item of'),
  col('exemptions', 'Miễn, giảm (JSON)', 'Exemptions (JSON)'),
  col('legalBasis', 'Căn cứ thu', 'Legal basis'),
];

/** Formats tiers as `2:2000; *:1000` (units up to 2 at 2,000 đ, the rest at 1,000 đ). */
export function formatTiers(tiers: readonly FeeTier[]): string {
  return tiers.map((t) => `${t.upTo ?? '*'}:${t.unitAmount}`).join('; ');
}

/** Formats brackets as `0-200:700000; 200-*:1000000` (from inclusive, to exclusive). */
export function formatBrackets(brackets: readonly FeeBracket[]): string {
  return brackets.map((b) => `${b.from}-${b.to ?? '*'}:${b.amount}`).join('; ');
}

function json(value: unknown): Cell {
  return value === undefined ? null : JSON.stringify(value);
}

/**
 * Flattens procedures into the three sheets. Rows keep the order of `procedures` and, inside
 * each procedure, the order of its documents and fees, which `fromRows` restores.
 */
export function toRows(procedures: readonly Procedure[]): CatalogSheets {
  const sheets: CatalogSheets = { procedures: [], documents: [], fees: [] };
  for (const p of procedures) {
    sheets.procedures.push({
      code: p.code,
      version: p.version,
      status: p.status,
      nameVi: p.name.vi,
      nameEn: p.name.en,
      fieldCode: p.fieldCode,
      level: p.level,
      competentAgencyType: p.competentAgencyType,
      receivingAgencies: p.receivingAgencies.join('; '),
      deadlineUnit: p.deadline.unit,
      deadlineValue: p.deadline.unit === 'sameDay' ? null : p.deadline.value,
      deadlineCutoffTime: p.deadline.unit === 'sameDay' ? (p.deadline.cutoffTime ?? null) : null,
      conditionalDeadlines: json(p.conditionalDeadlines),
      onlineLevel: p.onlineLevel,
      resultVi: p.result.name.vi,
      resultEn: p.result.name.en,
      legalBasis: json(p.legalBasis),
      workflowKey: p.workflowKey,
      supplementRestartsClock: p.supplementRestartsClock,
      eForm: json(p.eForm),
    });
    for (const d of p.documents) sheets.documents.push(documentRow(p, d));
    for (const f of p.fees) sheets.fees.push(feeRow(p, f));
  }
  return sheets;
}

function documentRow(p: Procedure, d: RequiredDocument): Row {
  return {
    procedureCode: p.code,
    procedureVersion: p.version,
    id: d.id,
    nameVi: d.name.vi,
    nameEn: d.name.en,
    originals: d.originals,
    copies: d.copies,
    mandatory: d.mandatory,
    acceptedMimeTypes: d.acceptedMimeTypes.join('; '),
    maxSizeBytes: d.maxSizeBytes,
    templateFile: d.templateFile ?? null,
    noteVi: d.note?.vi ?? null,
    noteEn: d.note?.en ?? null,
  };
}

function feeRow(p: Procedure, f: FeeItem): Row {
  const rule = f.rule;
  return {
    procedureCode: p.code,
    procedureVersion: p.version,
    id: f.id,
    category: f.category,
    nameVi: f.name.vi,
    nameEn: f.name.en,
    ruleKind: rule.kind,
    field: rule.kind === 'fixed' ? null : rule.field,
    amount: rule.kind === 'fixed' ? rule.amount : null,
    unitAmount: rule.kind === 'perUnit' ? rule.unitAmount : null,
    min: rule.kind === 'perUnit' || rule.kind === 'tiered' ? (rule.min ?? null) : null,
    max: rule.kind === 'perUnit' || rule.kind === 'tiered' ? (rule.max ?? null) : null,
    tiers: rule.kind === 'tiered' ? formatTiers(rule.tiers) : null,
    brackets: rule.kind === 'table' ? formatBrackets(rule.brackets) : null,
    appliesWhen: json(f.appliesWhen),
    quantityField: f.quantityField ?? null,
    forEachItemOf: f.forEachItemOf ?? null,
    exemptions: json(f.exemptions),
    legalBasis: f.legalBasis ?? null,
  };
}
