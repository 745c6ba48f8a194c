/**
 * The one catalogue of error codes. Domain code throws `AppError` with a code from here;
 * the HTTP layer maps the code to a status and a problem+json body (RFC 9457) with a
 * Vietnamese and an English message. Domain code never deals in HTTP status numbers.
 */

/** A message in both languages the system speaks. */
export interface Bilingual {
  vi: string;
  en: string;
}

export interface ErrorSpec {
  /** HTTP status the code maps to; only the HTTP layer reads it. */
  status: number;
  title: Bilingual;
}

/** One field-level problem in a validation failure. */
export interface FieldError {
  /** JSON pointer or dotted path of the offending field, e.g. `/body/email`. */
  field: string;
  /** Machine-readable reason, e.g. `format`, `required`, `minLength`. */
  reason: string;
  message: Bilingual;
}

export const errorCatalog = {
  // --- platform ---
  VALIDATION_FAILED: { status: 400, title: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid input' } },
  BAD_REQUEST: { status: 400, title: { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' } },
  UNAUTHENTICATED: { status: 401, title: { vi: 'Chưa đăng nhập', en: 'Authentication required' } },
  FORBIDDEN: { status: 403, title: { vi: 'Không có quyền thực hiện', en: 'Not allowed' } },
  NOT_FOUND: { status: 404, title: { vi: 'Không tìm thấy', en: 'Not found' } },
  ROUTE_NOT_FOUND: { status: 404, title: { vi: 'Không tìm thấy địa chỉ', en: 'No such route' } },
  METHOD_NOT_ALLOWED: { status: 405, title: { vi: 'Phương thức không được hỗ trợ', en: 'Method not allowed' } },
  CONFLICT: { status: 409, title: { vi: 'Xung đột dữ liệu', en: 'Conflict' } },
  STALE_VERSION: {
    status: 409,
    title: { vi: 'Dữ liệu đã bị thay đổi bởi người khác', en: 'The record was changed by someone else' },
  },
  PAYLOAD_TOO_LARGE: { status: 413, title: { vi: 'Dữ liệu gửi lên quá lớn', en: 'Payload too large' } },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    title: { vi: 'Định dạng dữ liệu không được hỗ trợ', en: 'Unsupported media type' },
  },
  UNPROCESSABLE: { status: 422, title: { vi: 'Không thể xử lý yêu cầu', en: 'Unprocessable request' } },
  RATE_LIMITED: { status: 429, title: { vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau', en: 'Too many requests' } },
  INVALID_CREDENTIALS: {
    status: 401,
    title: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng', en: 'Wrong username or password' },
  },
  CSRF_FAILED: {
    status: 403,
    title: { vi: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF)', en: 'Missing or wrong CSRF token' },
  },
  ACCOUNT_LOCKED: { status: 423, title: { vi: 'Tài khoản đang tạm khóa', en: 'Account temporarily locked' } },
  ACCOUNT_DISABLED: { status: 403, title: { vi: 'Tài khoản đã bị vô hiệu hóa', en: 'Account disabled' } },
  // --- dossiers ---
  DOSSIER_ACTION_NOT_ALLOWED: {
    status: 409,
    title: { vi: 'Không thực hiện được thao tác ở trạng thái hiện tại của hồ sơ', en: 'The action is not allowed in the dossier’s current state' },
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    title: { vi: 'Khóa chống gửi trùng (Idempotency-Key) đã dùng cho một yêu cầu khác', en: 'The Idempotency-Key was used for a different request' },
  },
  INTERNAL: { status: 500, title: { vi: 'Lỗi hệ thống', en: 'Internal error' } },
  SERVICE_UNAVAILABLE: { status: 503, title: { vi: 'Hệ thống tạm thời không sẵn sàng', en: 'Service unavailable' } },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof errorCatalog;

export interface AppErrorOptions {
  /** A sentence about this occurrence, in both languages. */
  detail?: Bilingual;
  /** Field-level problems (validation). */
  errors?: FieldError[];
  /** Extra members for the problem body (e.g. the current state on a 409). Must hold no secrets. */
  extra?: Record<string, unknown>;
  cause?: unknown;
}

/** An error the system expects and can explain to the user. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: Bilingual | undefined;
  readonly errors: FieldError[] | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.detail?.en ?? errorCatalog[code].title.en, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.detail = options.detail;
    this.errors = options.errors;
    this.extra = options.extra;
  }
}

/** True when `value` is an `AppError` with the given code (or any code when omitted). */
export function isAppError(value: unknown, code?: ErrorCode): value is AppError {
  return value instanceof AppError && (code === undefined || value.code === code);
}
