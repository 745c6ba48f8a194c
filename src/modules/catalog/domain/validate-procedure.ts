/**
 * Whole-procedure validation: what an admin must fix before a catalogue entry can be saved
 * or published. Every problem is reported at once, with a JSON-pointer path and a
 * Vietnamese and English message, like a supplement request lists everything missing.
 */
import { checkEFormSchema } from './eform-schema-check.js';
import { isClockTime, isIsoDate, isNonNegativeInteger, isRecord, issue, pointer } from './issues.js';
import { agencyCodePattern, agencyTypePattern, defaultWorkflowKeys, procedureCodePattern, procedureFields } from './reference-data.js';
import type { CatalogIssue, JsonSchema, Procedure } from './types.js';
import { checkFees } from './validate-fees.js';

/** Reference lists to check against; defaults are the built-in ones. */
export interface ValidateProcedureOptions {
  knownFieldCodes?: readonly string[];
  knownWorkflowKeys?: readonly string[];
}

/** Result of `validateProcedure`. */
export type ProcedureValidation = { ok: true } | { ok: false; issues: CatalogIssue[] };

const slugPattern = /^[a-z0-9][a-z0-9-]*$/;
const mimePattern = /^[a-z]+\/[a-z0-9.+-]+$/;
/** A plain file name: no directory part, with an extension. */
const fileNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]*\.[A-Za-z0-9]+$/;

/**
 * Checks a procedure for everything the catalogue requires: a national code, bilingual
 * names, known field and workflow, unique document ids, integer non-negative fees whose
 * fields exist in the e-form, a valid legal deadline and a valid e-form schema.
 * The required contents follow the public-disclosure items of a procedure under
 * Decree 63/2010/NĐ-CP art. 8 (as amended) and Decree 118/2025/NĐ-CP.
 */
export function validateProcedure(p: Procedure, options: ValidateProcedureOptions = {}): ProcedureValidation {
  const issues: CatalogIssue[] = [];
  const knownFields: readonly string[] = options.knownFieldCodes ?? procedureFields.map((f) => f.code);
  const knownWorkflows: readonly string[] = options.knownWorkflowKeys ?? defaultWorkflowKeys;

  if (typeof p.code !== 'string' || !procedureCodePattern.test(p.code)) {
    issues.push(issue('/code', 'BAD_PROCEDURE_CODE', 'Mã thủ tục phải có dạng 1.001193.', 'The procedure code must look like 1.001193.'));
  }
  if (typeof p.version !== 'number' || !Number.isSafeInteger(p.version) || p.version < 1) {
    issues.push(issue('/version', 'BAD_VERSION', 'Phiên bản phải là số nguyên từ 1.', 'The version must be an integer from 1.'));
  }
  if (!['draft', 'published', 'retired'].includes(p.status)) {
    issues.push(issue('/status', 'BAD_STATUS', 'Trạng thái phải là draft, published hoặc retired.', 'The status must be draft, published or retired.'));
  }
  checkBilingual(p.name, '/name', issues);
  if (!knownFields.includes(p.fieldCode)) {
    issues.push(issue('/fieldCode', 'UNKNOWN_FIELD_CODE', `Lĩnh vực "${String(p.fieldCode)}" không có trong danh mục.`, `Field "${String(p.fieldCode)}" is not in the list of fields.`));
  }
  if (p.level !== 'province' && p.level !== 'commune') {
    issues.push(issue('/level', 'BAD_LEVEL', 'Cấp thực hiện phải là province (tỉnh) hoặc commune (xã).', 'The level must be province or commune.'));
  }
  if (typeof p.competentAgencyType !== 'string' || !agencyTypePattern.test(p.competentAgencyType)) {
    issues.push(issue('/competentAgencyType', 'BAD_AGENCY_TYPE', 'Loại cơ quan có thẩm quyền phải có dạng department:construction.', 'The competent agency type must look like department:construction.'));
  }
  checkReceivingAgencies(p.receivingAgencies, issues);
  checkDocuments(p.documents, issues);
  issues.push(...checkFees(p.fees, isRecord(p.eForm) ? p.eForm : {}));
  checkDeadline(p.deadline, '/deadline', issues);
  checkConditionalDeadlines(p.conditionalDeadlines, issues);
  if (p.onlineLevel !== 'full' && p.onlineLevel !== 'partial') {
    issues.push(issue('/onlineLevel', 'BAD_ONLINE_LEVEL', 'Mức độ trực tuyến phải là full (toàn trình) hoặc partial (một phần).', 'The online level must be full or partial.'));
  }
  checkBilingual(isRecord(p.result) ? p.result.name : undefined, '/result/name', issues);
  checkLegalBasis(p.legalBasis, issues);
  issues.push(...checkEFormSchema(p.eForm as JsonSchema | undefined));
  if (typeof p.workflowKey !== 'string' || !knownWorkflows.includes(p.workflowKey)) {
    issues.push(issue('/workflowKey', 'UNKNOWN_WORKFLOW', `Quy trình "${String(p.workflowKey)}" không tồn tại.`, `Workflow "${String(p.workflowKey)}" does not exist.`));
  }
  if (typeof p.supplementRestartsClock !== 'boolean') {
    issues.push(issue('/supplementRestartsClock', 'BAD_FLAG', 'Cần cho biết bổ sung hồ sơ có tính lại thời hạn hay không.', 'State whether a supplement restarts the clock.'));
  }
  return issues.length === 0 ? { ok: true } : { ok: false, issues };
}

function checkBilingual(value: unknown, path: string, issues: CatalogIssue[]): void {
  const ok = isRecord(value) && typeof value.vi === 'string' && value.vi.trim() !== '' && typeof value.en === 'string' && value.en.trim() !== '';
  if (!ok) issues.push(issue(path, 'MISSING_NAME', 'Cần có cả tên tiếng Việt và tiếng Anh.', 'Both a Vietnamese and an English text are required.'));
}

function checkReceivingAgencies(agencies: unknown, issues: CatalogIssue[]): void {
  if (!Array.isArray(agencies) || agencies.length === 0) {
    issues.push(issue('/receivingAgencies', 'NO_RECEIVING_AGENCY', 'Cần ít nhất một cơ quan tiếp nhận.', 'At least one receiving agency is required.'));
    return;
  }
  const seen = new Set<unknown>();
  agencies.forEach((agency: unknown, index) => {
    const path = pointer('/receivingAgencies', index);
    if (typeof agency !== 'string' || !(agencyTypePattern.test(agency) || agencyCodePattern.test(agency))) {
      issues.push(issue(path, 'BAD_AGENCY_TYPE', 'Cơ quan tiếp nhận phải là loại cơ quan (peoplesCommittee:commune) hoặc mã định danh (000.00.22.H56).', 'A receiving agency must be an agency type (peoplesCommittee:commune) or an agency code (000.00.22.H56).'));
    } else if (seen.has(agency)) {
      issues.push(issue(path, 'DUPLICATE_AGENCY', `Cơ quan tiếp nhận "${agency}" bị lặp.`, `Receiving agency "${agency}" is listed twice.`));
    }
    seen.add(agency);
  });
}

function checkDocuments(documents: unknown, issues: CatalogIssue[]): void {
  if (!Array.isArray(documents)) {
    issues.push(issue('/documents', 'DOCUMENTS_NOT_LIST', 'Thành phần hồ sơ không hợp lệ.', 'The document list is not a list.'));
    return;
  }
  const seen = new Set<string>();
  documents.forEach((doc: unknown, index) => {
    const path = pointer('/documents', index);
    if (!isRecord(doc)) {
      issues.push(issue(path, 'DOCUMENT_NOT_OBJECT', 'Giấy tờ không hợp lệ.', 'The document is not an object.'));
      return;
    }
    const id = doc.id;
    if (typeof id !== 'string' || !slugPattern.test(id)) {
      issues.push(issue(pointer(path, 'id'), 'BAD_DOCUMENT_ID', 'Mã giấy tờ phải là chữ thường, số và dấu "-".', 'A document id must use lower-case letters, digits and "-".'));
    } else if (seen.has(id)) {
      issues.push(issue(pointer(path, 'id'), 'DUPLICATE_DOCUMENT_ID', `Mã giấy tờ "${id}" bị trùng.`, `Document id "${id}" is used twice.`));
    } else {
      seen.add(id);
    }
    checkBilingual(doc.name, pointer(path, 'name'), issues);
    for (const key of ['originals', 'copies'] as const) {
      if (!isNonNegativeInteger(doc[key])) {
        issues.push(issue(pointer(path, key), 'BAD_COUNT', 'Số bản phải là số nguyên không âm.', 'The number of originals or copies must be a non-negative integer.'));
      }
    }
    if (typeof doc.mandatory !== 'boolean') {
      issues.push(issue(pointer(path, 'mandatory'), 'BAD_FLAG', 'Cần cho biết giấy tờ có bắt buộc hay không.', 'State whether the document is mandatory.'));
    }
    const mimes = doc.acceptedMimeTypes;
    if (!Array.isArray(mimes) || mimes.length === 0 || !mimes.every((m) => typeof m === 'string' && mimePattern.test(m))) {
      issues.push(issue(pointer(path, 'acceptedMimeTypes'), 'BAD_MIME_TYPES', 'Cần ít nhất một kiểu tệp MIME hợp lệ (vd. application/pdf).', 'At least one valid MIME type is required (e.g. application/pdf).'));
    }
    if (typeof doc.maxSizeBytes !== 'number' || !Number.isSafeInteger(doc.maxSizeBytes) || doc.maxSizeBytes <= 0) {
      issues.push(issue(pointer(path, 'maxSizeBytes'), 'BAD_MAX_SIZE', 'Dung lượng tối đa phải là số nguyên dương (byte).', 'The maximum size must be a positive integer of bytes.'));
    }
    if (doc.templateFile !== undefined && (typeof doc.templateFile !== 'string' || !fileNamePattern.test(doc.templateFile))) {
      issues.push(issue(pointer(path, 'templateFile'), 'BAD_TEMPLATE_FILE', 'Tên tệp mẫu phải là tên tệp có phần mở rộng, không có thư mục.', 'The template must be a plain file name with an extension.'));
    }
    if (doc.note !== undefined) checkBilingual(doc.note, pointer(path, 'note'), issues);
  });
}

function checkDeadline(deadline: unknown, path: string, issues: CatalogIssue[]): void {
  if (!isRecord(deadline)) {
    issues.push(issue(path, 'BAD_DEADLINE', 'Thiếu thời hạn giải quyết.', 'The deadline is missing.'));
    return;
  }
  if (deadline.unit === 'sameDay') {
    const cutoff = deadline.cutoffTime;
    if (cutoff !== undefined && (typeof cutoff !== 'string' || !isClockTime(cutoff))) {
      issues.push(issue(pointer(path, 'cutoffTime'), 'BAD_DEADLINE', 'Giờ tiếp nhận muộn nhất phải có dạng HH:MM.', 'The cut-off time must be HH:MM.'));
    }
    return;
  }
  if (!['workingDays', 'workingHours', 'calendarDays'].includes(String(deadline.unit))) {
    issues.push(issue(pointer(path, 'unit'), 'BAD_DEADLINE', 'Đơn vị thời hạn phải là workingDays, workingHours, calendarDays hoặc sameDay.', 'The unit must be workingDays, workingHours, calendarDays or sameDay.'));
    return;
  }
  const value = deadline.value;
  // Working days may be halves (a half working day is a common limit); other units are whole.
  const step = deadline.unit === 'workingDays' ? 0.5 : 1;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || !Number.isInteger(value / step)) {
    issues.push(issue(pointer(path, 'value'), 'BAD_DEADLINE', 'Thời hạn phải là số dương (ngày làm việc được lẻ nửa ngày).', 'The time limit must be positive (working days may be halves).'));
  }
}

function checkConditionalDeadlines(list: unknown, issues: CatalogIssue[]): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    issues.push(issue('/conditionalDeadlines', 'BAD_DEADLINE', 'Danh sách thời hạn theo điều kiện không hợp lệ.', 'The conditional deadlines are not a list.'));
    return;
  }
  const seen = new Set<unknown>();
  list.forEach((entry: unknown, index) => {
    const path = pointer('/conditionalDeadlines', index);
    if (!isRecord(entry)) {
      issues.push(issue(path, 'BAD_DEADLINE', 'Thời hạn theo điều kiện không hợp lệ.', 'The conditional deadline is not an object.'));
      return;
    }
    if (typeof entry.id !== 'string' || !slugPattern.test(entry.id) || seen.has(entry.id)) {
      issues.push(issue(pointer(path, 'id'), 'BAD_DEADLINE', 'Mã thời hạn bị thiếu, sai dạng hoặc trùng.', 'The deadline id is missing, malformed or repeated.'));
    }
    seen.add(entry.id);
    checkBilingual(entry.condition, pointer(path, 'condition'), issues);
    checkDeadline(entry.deadline, pointer(path, 'deadline'), issues);
  });
}

function checkLegalBasis(list: unknown, issues: CatalogIssue[]): void {
  if (!Array.isArray(list) || list.length === 0) {
    issues.push(issue('/legalBasis', 'NO_LEGAL_BASIS', 'Cần ít nhất một căn cứ pháp lý.', 'At least one legal basis is required.'));
    return;
  }
  list.forEach((doc: unknown, index) => {
    const path = pointer('/legalBasis', index);
    if (!isRecord(doc) || typeof doc.number !== 'string' || doc.number.trim() === '') {
      issues.push(issue(pointer(path, 'number'), 'BAD_LEGAL_BASIS', 'Văn bản pháp lý cần có số hiệu.', 'A legal document needs its number.'));
      return;
    }
    checkBilingual(doc.title, pointer(path, 'title'), issues);
    if (doc.issuedOn !== undefined && (typeof doc.issuedOn !== 'string' || !isIsoDate(doc.issuedOn))) {
      issues.push(issue(pointer(path, 'issuedOn'), 'BAD_LEGAL_BASIS', 'Ngày ban hành phải có dạng YYYY-MM-DD.', 'The date of issue must be YYYY-MM-DD.'));
    }
  });
}
