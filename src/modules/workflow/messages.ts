import type { ActionType, Bilingual, BuiltInActionId, EngineError, EngineErrorCode } from './types.js';

/** Default button texts per action type, used when an action has no `label`. */
export const DEFAULT_ACTION_LABELS: Readonly<Record<ActionType | BuiltInActionId, Bilingual>> = {
  forward: { vi: 'Chuyển bước tiếp theo', en: 'Forward' },
  sendBack: { vi: 'Trả lại bước trước', en: 'Send back' },
  approve: { vi: 'Phê duyệt', en: 'Approve' },
  issueResult: { vi: 'Ban hành kết quả', en: 'Issue the result' },
  transfer: { vi: 'Chuyển liên thông', en: 'Transfer to another agency' },
  completeTransfer: { vi: 'Hoàn thành, chuyển trả liên thông', en: 'Complete the transfer and send back' },
  requestSupplement: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Request a supplement' },
  requestPayment: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Request payment' },
  refuse: { vi: 'Từ chối', en: 'Refuse' },
  returnResult: { vi: 'Trả kết quả', en: 'Return the result' },
  withdraw: { vi: 'Rút hồ sơ', en: 'Withdraw the dossier' },
  supplementReceived: { vi: 'Đã nhận hồ sơ bổ sung', en: 'Supplement received' },
  paymentReceived: { vi: 'Đã thực hiện nghĩa vụ tài chính', en: 'Payment received' },
  stop: { vi: 'Dừng xử lý hồ sơ', en: 'Stop processing' },
};

const MESSAGES: Readonly<Record<EngineErrorCode, Bilingual>> = {
  DEFINITION_VERSION_MISMATCH: {
    vi: 'Hồ sơ đang chạy theo một phiên bản quy trình khác.',
    en: 'The dossier runs on a different version of the process.',
  },
  ACTION_NOT_FOUND: { vi: 'Quy trình không có thao tác này.', en: 'The process has no such action.' },
  ACTION_NOT_AVAILABLE: {
    vi: 'Thao tác này không thực hiện được ở bước hiện tại của hồ sơ.',
    en: 'This action is not available at the dossier’s current step.',
  },
  WRONG_ROLE: {
    vi: 'Bạn không có vai trò được giao xử lý bước này.',
    en: 'You do not have the role that acts on this step.',
  },
  WRONG_AGENCY: {
    vi: 'Hồ sơ đang được xử lý tại cơ quan khác.',
    en: 'The dossier is being handled by another agency.',
  },
  DOSSIER_CLOSED: { vi: 'Hồ sơ đã kết thúc.', en: 'The dossier has ended.' },
  DOSSIER_WAITING: {
    vi: 'Hồ sơ đang chờ người nộp bổ sung hoặc thực hiện nghĩa vụ tài chính.',
    en: 'The dossier is waiting for the applicant (supplement or payment).',
  },
  CONDITION_NOT_MET: {
    vi: 'Dữ liệu tờ khai không thỏa điều kiện của thao tác này.',
    en: 'The e-form data does not meet this action’s condition.',
  },
  RESULT_NOT_ISSUED: {
    vi: 'Chưa có kết quả giải quyết để trả.',
    en: 'No result has been issued yet.',
  },
  NOT_APPLICANT: {
    vi: 'Chỉ người nộp hồ sơ hoặc cán bộ tiếp nhận mới thực hiện được thao tác này.',
    en: 'Only the applicant or a reception officer may do this.',
  },
  AGENCY_NOT_RESOLVED: { vi: 'Không xác định được cơ quan xử lý.', en: 'The acting agency cannot be determined.' },
  DEFINITION_BROKEN: {
    vi: 'Quy trình không hợp lệ; đề nghị quản trị viên kiểm tra lại.',
    en: 'The process definition is broken; ask an administrator to check it.',
  },
};

/** Builds an engine error with its standard bilingual message. */
export function engineError(code: EngineErrorCode): EngineError {
  return { code, message: MESSAGES[code] };
}
