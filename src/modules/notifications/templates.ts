import type { Bilingual } from '../../platform/errors.js';

/**
 * Message templates per event, in Vietnamese and English (Decree 118/2025/NĐ-CP, art. on
 * informing applicants: the applicant is told when the dossier is received, when a
 * supplement is needed, when the result is ready, and given an apology with a new
 * appointment when late). Pure: facts in, text out.
 */

/** What a template may mention. */
export interface NoticeFacts {
  /** Event name without the `dossier.` prefix, e.g. `received`. */
  event: string;
  code: string | null;
  procedure: string;
  status: string;
  statusName: Bilingual;
  /** The appointment (or the step's due time for officials), ISO instant. */
  dueAt?: string | null;
  /** A new appointment (apology letter). */
  newDueAt?: string | null;
  reason?: string | null;
  /** Where to look the dossier up. */
  link: string;
}

export interface RenderedNotice {
  title: Bilingual;
  /** Full text: facts and next step. */
  body: Bilingual;
  /** A short Vietnamese text for SMS. */
  sms: string;
}

interface Template {
  title: (ref: Bilingual) => Bilingual;
  next: Bilingual;
  /** Which due time to show, if any. */
  due?: 'dueAt' | 'newDueAt';
}

const TEMPLATES = {
  submitted: {
    title: (r) => ({ vi: `Hồ sơ mới nộp chờ tiếp nhận ${r.vi}`, en: `New dossier waiting for reception ${r.en}` }),
    next: { vi: 'Kiểm tra thành phần hồ sơ và tiếp nhận, yêu cầu bổ sung hoặc từ chối.', en: 'Check the documents, then receive, request a supplement or refuse.' },
  },
  received: {
    title: (r) => ({ vi: `Hồ sơ ${r.vi} đã được tiếp nhận`, en: `Dossier ${r.en} has been received` }),
    next: { vi: 'Hồ sơ đang được giải quyết; chờ thông báo kết quả.', en: 'The dossier is being processed; wait for the result notice.' },
    due: 'dueAt',
  },
  assigned: {
    title: (r) => ({ vi: `Hồ sơ ${r.vi} được chuyển đến để xử lý`, en: `Dossier ${r.en} handed over for processing` }),
    next: { vi: 'Xử lý hồ sơ trong thời hạn của bước.', en: 'Process the dossier within the step’s time.' },
    due: 'dueAt',
  },
  supplementRequested: {
    title: (r) => ({ vi: `Hồ sơ ${r.vi} cần bổ sung`, en: `Dossier ${r.en} needs a supplement` }),
    next: {
      vi: 'Bổ sung giấy tờ theo phiếu yêu cầu; thời hạn giải quyết tạm dừng cho đến khi nhận đủ.',
      en: 'Provide the documents listed in the request; the deadline is paused until they arrive.',
    },
  },
  paymentRequested: {
    title: (r) => ({ vi: `Hồ sơ ${r.vi} chờ thực hiện nghĩa vụ tài chính`, en: `Dossier ${r.en} is waiting for payment` }),
    next: { vi: 'Nộp phí, lệ phí trực tuyến hoặc tại Bộ phận Một cửa.', en: 'Pay the fees online or at the one-stop counter.' },
  },
  refused: {
    title: (r) => ({ vi: `Hồ sơ ${r.vi} bị từ chối tiếp nhận`, en: `Dossier ${r.en} was refused` }),
    next: { vi: 'Xem lý do từ chối trong phiếu từ chối.', en: 'See the reason in the refusal notice.' },
  },
  resultReady: {
    title: (r) => ({ vi: `Hồ sơ ${r.vi} đã có kết quả`, en: `The result of dossier ${r.en} is ready` }),
    next: { vi: 'Nhận kết quả theo hình thức đã đăng ký.', en: 'Collect the result the way you chose.' },
  },
  returned: {
    title: (r) => ({ vi: `Hồ sơ ${r.vi} đã trả kết quả`, en: `The result of dossier ${r.en} was returned` }),
    next: { vi: 'Đánh giá mức độ hài lòng về việc giải quyết hồ sơ.', en: 'Rate your satisfaction with the service.' },
  },
  withdrawn: {
    title: (r) => ({ vi: `Hồ sơ ${r.vi} đã được rút`, en: `Dossier ${r.en} was withdrawn` }),
    next: { vi: 'Không cần làm gì thêm.', en: 'Nothing more to do.' },
  },
  transferred: {
    title: (r) => ({ vi: `Hồ sơ ${r.vi} được chuyển liên thông`, en: `Dossier ${r.en} was transferred to another agency` }),
    next: { vi: 'Không cần làm gì; theo dõi tiến độ trên Cổng dịch vụ công.', en: 'Nothing to do; follow its progress on the portal.' },
  },
  transferReturned: {
    title: (r) => ({ vi: `Hồ sơ ${r.vi} đã xong bước liên thông`, en: `Dossier ${r.en} is back from the other agency` }),
    next: { vi: 'Hồ sơ tiếp tục được giải quyết.', en: 'Processing continues.' },
  },
  apology: {
    title: (r) => ({ vi: `Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${r.vi}`, en: `Apology and new appointment for dossier ${r.en}` }),
    next: { vi: 'Nhận kết quả vào ngày hẹn mới.', en: 'Collect the result on the new appointment date.' },
    due: 'newDueAt',
  },
  dueSoon: {
    title: (r) => ({ vi: `Hồ sơ ${r.vi} sắp đến hạn giải quyết`, en: `Dossier ${r.en} is due soon` }),
    next: { vi: 'Hoàn thành xử lý trước hạn, hoặc gửi thư xin lỗi và hẹn lại nếu không kịp.', en: 'Finish before the due time, or send an apology with a new appointment.' },
    due: 'dueAt',
  },
  overdue: {
    title: (r) => ({ vi: `Hồ sơ ${r.vi} đã quá hạn giải quyết`, en: `Dossier ${r.en} is overdue` }),
    next: { vi: 'Xử lý ngay và gửi thư xin lỗi, hẹn lại ngày trả kết quả cho người nộp.', en: 'Process it now and send the applicant an apology with a new appointment.' },
    due: 'dueAt',
  },
} as const satisfies Record<string, Template>;

const FALLBACK: Template = {
  title: (r) => ({ vi: `Cập nhật hồ sơ ${r.vi}`, en: `Update on dossier ${r.en}` }),
  next: { vi: 'Xem chi tiết trên Cổng dịch vụ công.', en: 'See the details on the portal.' },
};

/** Event names that have their own template. */
export const TEMPLATE_EVENTS = Object.keys(TEMPLATES) as (keyof typeof TEMPLATES)[];

/** `dd/mm/yyyy HH:MM` in Vietnam time (UTC+7, no daylight saving), as Vietnamese notices write it. */
export function formatVietnamTime(iso: string): string {
  const local = new Date(new Date(iso).getTime() + 7 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(local.getUTCHours())}:${two(local.getUTCMinutes())} ${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}

/**
 * Renders the notice of an event: a title, a body with the dossier's code, procedure,
 * status, due time and next step, and a short SMS.
 *
 * @example renderNotice({ event: 'received', code: '000.05.50.H17-260302-0001', … }).title.vi
 * // → 'Hồ sơ 000.05.50.H17-260302-0001 đã được tiếp nhận'
 */
export function renderNotice(facts: NoticeFacts): RenderedNotice {
  const template: Template = (TEMPLATES as Record<string, Template>)[facts.event] ?? FALLBACK;
  const ref = facts.code ? { vi: facts.code, en: facts.code } : { vi: `(${facts.procedure})`, en: `(${facts.procedure})` };
  const title = template.title(ref);
  const dueIso = template.due ? facts[template.due] : null;
  const due = dueIso ? formatVietnamTime(dueIso) : null;
  const vi = [
    `${title.vi}.`,
    '',
    `Mã hồ sơ: ${facts.code ?? 'chưa cấp'}`,
    `Thủ tục: ${facts.procedure}`,
    `Trạng thái: ${facts.statusName.vi}`,
    ...(due ? [`${template.due === 'newDueAt' ? 'Ngày hẹn trả kết quả mới' : 'Hạn giải quyết'}: ${due}`] : []),
    ...(facts.reason ? [`Lý do: ${facts.reason}`] : []),
    `Bước tiếp theo: ${template.next.vi}`,
    `Tra cứu: ${facts.link}`,
  ];
  const en = [
    `${title.en}.`,
    '',
    `Dossier code: ${facts.code ?? 'not yet assigned'}`,
    `Procedure: ${facts.procedure}`,
    `Status: ${facts.statusName.en}`,
    ...(due ? [`${template.due === 'newDueAt' ? 'New appointment' : 'Due'}: ${due} (Vietnam time)`] : []),
    ...(facts.reason ? [`Reason: ${facts.reason}`] : []),
    `Next step: ${template.next.en}`,
    `Look it up: ${facts.link}`,
  ];
  const sms = `${title.vi}. ${template.next.vi}${due ? ` Hạn: ${due}.` : ''}`;
  return { title, body: { vi: vi.join('\n'), en: en.join('\n') }, sms };
}

/** The e-mail of a notice: Vietnamese subject; Vietnamese text, then the English translation. */
export function emailOf(notice: RenderedNotice): { subject: string; text: string } {
  return { subject: `[Dịch vụ công] ${notice.title.vi}`, text: `${notice.body.vi}\n\n— English —\n\n${notice.body.en}\n` };
}
