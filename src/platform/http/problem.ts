import { Type, type Static } from '@sinclair/typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorCatalog, type Bilingual, type ErrorCode, type FieldError } from '../errors.js';

const BilingualSchema = Type.Object({ vi: Type.String(), en: Type.String() });

/** RFC 9457 problem details, as every error response of the API is shaped. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'Stable identifier of the problem kind, e.g. /api/problems/stale-version' }),
    title: Type.String({ description: 'Short summary in the language negotiated (Vietnamese by default)' }),
    status: Type.Integer(),
    detail: Type.String({ description: 'What happened this time, in the language negotiated' }),
    instance: Type.String({ description: 'The request path' }),
    code: Type.String({ description: 'Error code from the catalogue, e.g. STALE_VERSION' }),
    requestId: Type.String(),
    messages: Type.Object({
      vi: Type.Object({ title: Type.String(), detail: Type.String() }),
      en: Type.Object({ title: Type.String(), detail: Type.String() }),
    }),
    errors: Type.Optional(
      Type.Array(
        Type.Object({ field: Type.String(), reason: Type.String(), message: BilingualSchema }),
        { description: 'Field-level problems of a validation failure' },
      ),
    ),
  },
  { $id: 'Problem', additionalProperties: true, description: 'RFC 9457 problem details' },
);
export type Problem = Static<typeof ProblemSchema>;

/** `{ 400: Problem, 404: Problem, … }` for a route's `response` schema. */
export function problemResponses(...statuses: number[]): Record<number, unknown> {
  const out: Record<number, unknown> = {};
  for (const s of statuses) out[s] = Type.Ref('Problem');
  return out;
}

/** The stable `type` URI of an error code: `STALE_VERSION` → `/api/problems/stale-version`. */
export function problemType(code: ErrorCode): string {
  return `/api/problems/${code.toLowerCase().replace(/_/g, '-')}`;
}

/** Builds the problem body for an error code. */
export function buildProblem(
  code: ErrorCode,
  request: FastifyRequest,
  detail?: Bilingual,
  errors?: FieldError[],
  extra?: Record<string, unknown>,
): { status: number; body: Problem } {
  const spec = errorCatalog[code];
  const d = detail ?? spec.title;
  const lang = prefersEnglish(request) ? 'en' : 'vi';
  const body: Problem = {
    ...extra,
    type: problemType(code),
    title: spec.title[lang],
    status: spec.status,
    detail: d[lang],
    instance: request.url.split('?')[0] ?? request.url,
    code,
    requestId: String(request.id),
    messages: { vi: { title: spec.title.vi, detail: d.vi }, en: { title: spec.title.en, detail: d.en } },
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
  return { status: spec.status, body };
}

function prefersEnglish(request: FastifyRequest): boolean {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return false;
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en');
}

/** Sends a problem+json reply. */
export function sendProblem(reply: FastifyReply, problem: { status: number; body: Problem }): FastifyReply {
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem.body);
}

interface AjvIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Turns Fastify/Ajv validation output into field errors with Vietnamese and English messages. */
export function fieldErrorsFromValidation(issues: readonly AjvIssue[], context: string | undefined): FieldError[] {
  const prefix = `/${context ?? 'body'}`;
  return issues.map((issue) => {
    const p = issue.params;
    const missing = typeof p.missingProperty === 'string' ? p.missingProperty : undefined;
    const extraProp = typeof p.additionalProperty === 'string' ? p.additionalProperty : undefined;
    const field = `${prefix}${issue.instancePath}${missing ? `/${missing}` : ''}${extraProp ? `/${extraProp}` : ''}`;
    return { field, reason: issue.keyword, message: describeIssue(issue) };
  });
}

function describeIssue(issue: AjvIssue): Bilingual {
  const p = issue.params;
  const s = (v: unknown) => (Array.isArray(v) ? v.map(String).join(', ') : String(v));
  switch (issue.keyword) {
    case 'required':
      return { vi: `Thiếu trường bắt buộc "${s(p.missingProperty)}"`, en: `Required field "${s(p.missingProperty)}" is missing` };
    case 'type':
      return { vi: `Phải có kiểu ${vietnameseType(s(p.type))}`, en: `Must be of type ${s(p.type)}` };
    case 'format':
      return { vi: `Không đúng định dạng ${s(p.format)}`, en: `Does not match the format ${s(p.format)}` };
    case 'minLength':
      return { vi: `Phải có ít nhất ${s(p.limit)} ký tự`, en: `Must have at least ${s(p.limit)} characters` };
    case 'maxLength':
      return { vi: `Không được dài quá ${s(p.limit)} ký tự`, en: `Must have at most ${s(p.limit)} characters` };
    case 'minimum':
      return { vi: `Phải lớn hơn hoặc bằng ${s(p.limit)}`, en: `Must be at least ${s(p.limit)}` };
    case 'maximum':
      return { vi: `Phải nhỏ hơn hoặc bằng ${s(p.limit)}`, en: `Must be at most ${s(p.limit)}` };
    case 'exclusiveMinimum':
      return { vi: `Phải lớn hơn ${s(p.limit)}`, en: `Must be greater than ${s(p.limit)}` };
    case 'exclusiveMaximum':
      return { vi: `Phải nhỏ hơn ${s(p.limit)}`, en: `Must be less than ${s(p.limit)}` };
    case 'pattern':
      return { vi: 'Không đúng định dạng yêu cầu', en: `Does not match the pattern ${s(p.pattern)}` };
    case 'enum':
      return { vi: `Phải là một trong các giá trị: ${s(p.allowedValues)}`, en: `Must be one of: ${s(p.allowedValues)}` };
    case 'const':
      return { vi: `Phải bằng ${s(p.allowedValue)}`, en: `Must equal ${s(p.allowedValue)}` };
    case 'additionalProperties':
      return { vi: `Trường "${s(p.additionalProperty)}" không được phép`, en: `Field "${s(p.additionalProperty)}" is not allowed` };
    case 'minItems':
      return { vi: `Phải có ít nhất ${s(p.limit)} phần tử`, en: `Must have at least ${s(p.limit)} items` };
    case 'maxItems':
      return { vi: `Không được quá ${s(p.limit)} phần tử`, en: `Must have at most ${s(p.limit)} items` };
    case 'uniqueItems':
      return { vi: 'Các phần tử không được trùng nhau', en: 'Items must be unique' };
    default:
      return { vi: 'Giá trị không hợp lệ', en: issue.message ?? 'Invalid value' };
  }
}

function vietnameseType(type: string): string {
  const names: Record<string, string> = {
    string: 'chuỗi ký tự',
    integer: 'số nguyên',
    number: 'số',
    boolean: 'đúng/sai',
    object: 'đối tượng',
    array: 'danh sách',
    null: 'rỗng',
  };
  return type
    .split(',')
    .map((t) => names[t.trim()] ?? t)
    .join(' hoặc ');
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * Maps any thrown value to a problem. `AppError`s keep their code and messages; Fastify's
 * own client errors (bad JSON, wrong content type, body too large) keep their status; every
 * other error becomes a 500 whose body says nothing about its cause.
 */
export function problemFromError(error: unknown, request: FastifyRequest): { status: number; body: Problem; internal: boolean } {
  if (error instanceof AppError) {
    return { ...buildProblem(error.code, request, error.detail, error.errors, error.extra), internal: false };
  }
  const fe = error as Partial<FastifyError> & { validation?: AjvIssue[]; validationContext?: string };
  if (Array.isArray(fe.validation)) {
    const errors = fieldErrorsFromValidation(fe.validation, fe.validationContext);
    const detail = {
      vi: `Dữ liệu gửi lên có ${errors.length} lỗi; xem danh sách "errors".`,
      en: `The request has ${errors.length} invalid field(s); see "errors".`,
    };
    return { ...buildProblem('VALIDATION_FAILED', request, detail, errors), internal: false };
  }
  const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
  const code = STATUS_CODES[status];
  if (status >= 400 && status < 500 && code) {
    return { ...buildProblem(code, request, fastifyClientDetail(fe)), internal: false };
  }
  return { ...buildProblem('INTERNAL', request, internalDetail(request)), internal: true };
}

function fastifyClientDetail(fe: Partial<FastifyError>): Bilingual | undefined {
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { vi: 'Nội dung gửi lên không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { vi: 'Nội dung gửi lên vượt quá giới hạn cho phép.', en: 'The request body exceeds the allowed size.' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { vi: 'Định dạng nội dung (Content-Type) không được hỗ trợ.', en: 'The Content-Type is not supported.' };
    default:
      return undefined;
  }
}

function internalDetail(request: FastifyRequest): Bilingual {
  return {
    vi: `Đã xảy ra lỗi hệ thống. Vui lòng thử lại; nếu vẫn lỗi, báo mã yêu cầu ${String(request.id)} cho bộ phận kỹ thuật.`,
    en: `An internal error occurred. Please retry; if it persists, report request id ${String(request.id)} to support.`,
  };
}
