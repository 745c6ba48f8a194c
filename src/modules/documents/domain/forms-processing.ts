/**
 * Forms issued while a dossier is processed (Circular 03/2025/TT-VPCP, forms 04–06;
 * Decree 118/2025/NĐ-CP): the apology with a new appointment, the notice of stopping, and
 * the control sheet with every hand-over. Pure builders of document models.
 */
import { timeliness, STATUS_NAMES, type DossierEventRow } from '../../dossiers/index.js';
import { agencyHeader, agencyName, deskHeader, formFileName, latestRequest, notApplicable, numberLine, ownerLabel } from './common.js';
import { formatDate, formatDateTime, formatShortDateTime, maybe, placeAndDate } from './format.js';
import { FORM_TITLES, type Block, type DossierFormInput, type FormResult } from './model.js';

const HEAD_SIGNATURE = { title: 'THỦ TRƯỞNG CƠ QUAN', note: '(Ký, ghi rõ họ tên và đóng dấu)' };

/**
 * Form 04, the apology and new appointment (Phiếu xin lỗi và hẹn lại ngày trả kết quả): sent
 * before the appointment passes when the result will be late. Built from the latest apology.
 */
export function buildApology(input: DossierFormInput): FormResult {
  const { data, agencies } = input;
  const d = data.dossier;
  const req = latestRequest<{ reason?: string; previousDueAt?: string | null; newDueAt?: string }>(data, 'apology');
  if (!req) return notApplicable({ vi: 'Hồ sơ chưa có thư xin lỗi, hẹn lại.', en: 'The dossier has no apology letter.' });
  const agency = agencyName(agencies, d.receiving_agency_code);
  const owner = ownerLabel(data);
  return {
    ok: true,
    model: {
      form: '04',
      orientation: 'portrait',
      agencyLines: agencyHeader(agencies, d.receiving_agency_code),
      number: numberLine(data),
      placeDate: placeAndDate(input.place, new Date(req.row.at)),
      title: FORM_TITLES['04'].vi,
      body: [
        { kind: 'paragraph', text: `Ngày ${maybe(d.received_at, formatDate, '…')}, ${agency} tiếp nhận giải quyết hồ sơ của ${owner}: ${d.owner_name}.` },
        { kind: 'paragraph', label: 'Nội dung yêu cầu giải quyết: ', text: `${d.procedure_name} (mã thủ tục ${d.procedure_code}).` },
        { kind: 'paragraph', label: 'Mã hồ sơ: ', text: d.code ?? d.id },
        { kind: 'paragraph', label: 'Thời gian hẹn trả kết quả giải quyết hồ sơ: ', text: `${maybe(req.details.previousDueAt, formatDateTime, '…')}.` },
        { kind: 'paragraph', text: `Tuy nhiên, ${agency} không thể trả kết quả giải quyết hồ sơ đúng thời gian đã hẹn.` },
        { kind: 'paragraph', label: 'Lý do: ', text: req.details.reason ?? '' },
        {
          kind: 'paragraph',
          text: `Sự chậm trễ này đã gây phiền hà cho ${owner}. ${agency} xin lỗi ${owner} và hẹn lại thời gian trả kết quả vào ${maybe(req.details.newDueAt, formatDateTime, '…')}.`,
        },
        { kind: 'paragraph', text: `Mong nhận được sự thông cảm của ${owner}./.` },
      ],
      signatures: [HEAD_SIGNATURE],
      recipients: [`${owner} ${d.owner_name};`, 'Bộ phận Tiếp nhận và Trả kết quả;', `Lưu: VT, hồ sơ. (Người lập: ${req.row.by_name})`],
      meta: { title: `${FORM_TITLES['04'].vi} – ${d.code ?? d.id}`, subject: d.procedure_name },
      fileName: formFileName('04', data),
    },
  };
}

/**
 * Form 05, the notice of stopping (dừng giải quyết hồ sơ): the agency stops processing and
 * tells the applicant why (Decree 118/2025/NĐ-CP).
 */
export function buildStopNotice(input: DossierFormInput): FormResult {
  const { data, agencies } = input;
  const d = data.dossier;
  const req = latestRequest<{ reason?: string }>(data, 'stop');
  if (!req) return notApplicable({ vi: 'Hồ sơ không bị dừng giải quyết.', en: 'The processing of the dossier has not been stopped.' });
  const agency = agencyName(agencies, d.receiving_agency_code);
  const owner = ownerLabel(data);
  return {
    ok: true,
    model: {
      form: '05',
      orientation: 'portrait',
      agencyLines: agencyHeader(agencies, d.receiving_agency_code),
      number: numberLine(data),
      placeDate: placeAndDate(input.place, new Date(req.row.at)),
      title: FORM_TITLES['05'].vi,
      body: [
        { kind: 'paragraph', text: `Ngày ${maybe(d.received_at, formatDate, '…')}, ${agency} tiếp nhận hồ sơ của ${owner}: ${d.owner_name}.` },
        { kind: 'paragraph', label: 'Nội dung yêu cầu giải quyết: ', text: `${d.procedure_name} (mã thủ tục ${d.procedure_code}).` },
        { kind: 'paragraph', label: 'Mã hồ sơ: ', text: d.code ?? d.id },
        { kind: 'paragraph', text: `${agency} thông báo dừng giải quyết hồ sơ nêu trên kể từ ${formatDateTime(new Date(req.row.at))}.` },
        { kind: 'paragraph', label: 'Lý do: ', text: req.details.reason ?? '' },
        { kind: 'paragraph', text: `Xin thông báo để ${owner} được biết./.` },
      ],
      signatures: [HEAD_SIGNATURE],
      recipients: [`${owner} ${d.owner_name};`, 'Bộ phận Tiếp nhận và Trả kết quả;', `Lưu: VT, hồ sơ. (Người lập: ${req.row.by_name})`],
      meta: { title: `${FORM_TITLES['05'].vi} – ${d.code ?? d.id}`, subject: d.procedure_name },
      fileName: formFileName('05', data),
    },
  };
}

const VERDICT = { early: 'Trước hạn', onTime: 'Đúng hạn', late: 'Quá hạn' } as const;

/** A row that moved the dossier to another step or agency (not a pause, resumption or apology). */
function isHandover(e: DossierEventRow): boolean {
  return e.from_step !== e.to_step || e.from_agency !== e.to_agency;
}

/** The row that ends the step a hand-over started: the next hand-over leaving it, else any later row on it. */
function leaving(events: readonly DossierEventRow[], index: number): DossierEventRow | undefined {
  const e = events[index];
  if (!e?.to_step) return undefined;
  const later = events.slice(index + 1).filter((n) => n.from_step === e.to_step);
  return later.find(isHandover) ?? later[0];
}

/**
 * How the step a hand-over started was finished: the row that leaves that step, judged
 * against the step's due time with the same day rule as the dossier's verdict.
 */
function stepVerdict(events: readonly DossierEventRow[], index: number): string {
  const e = events[index];
  if (!e?.to_step || !e.step_due_at || !isHandover(e)) return '';
  const next = events.slice(index + 1).find((n) => n.from_step === e.to_step && isHandover(n));
  if (!next) return 'Đang xử lý';
  return VERDICT[timeliness(new Date(next.at), new Date(e.step_due_at))];
}

/** Who received a hand-over: the step (and agency) it went to, and who acted on that step. */
function receiverOf(input: DossierFormInput, events: readonly DossierEventRow[], index: number): string {
  const e = events[index];
  if (!e) return '';
  if (!e.to_step) return STATUS_NAMES[e.status_after]?.vi ?? e.status_after;
  if (!isHandover(e)) return '—';
  const step = input.stepNames.get(e.to_step) ?? e.to_step;
  const next = leaving(events, index);
  const where = e.from_agency && e.to_agency && e.to_agency !== e.from_agency ? ` – ${agencyName(input.agencies, e.to_agency)}` : '';
  return `${next ? `${next.actor_name} (${step})` : step}${where}`;
}

/** Built-in actions without a label in the definition are stored under their type; name them. */
const ACTION_NAMES: Record<string, string> = {
  forward: 'Chuyển xử lý',
  approve: 'Phê duyệt',
  sendBack: 'Trả lại bước trước',
  refuse: 'Từ chối',
  transfer: 'Chuyển liên thông',
  completeTransfer: 'Trả kết quả liên thông',
  requestSupplement: 'Yêu cầu bổ sung hồ sơ',
  requestPayment: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  issueResult: 'Ban hành kết quả',
  returnResult: 'Trả kết quả',
  submit: 'Nộp hồ sơ',
};

/**
 * Form 06, the control sheet (Phiếu kiểm soát quá trình giải quyết hồ sơ): one row per row of
 * the dossier's history: who handed it to whom and when, the receiving step's due time, and
 * whether that step finished early, on time or late (Decree 118/2025/NĐ-CP).
 */
export function buildControlSheet(input: DossierFormInput): FormResult {
  const { data, agencies } = input;
  const d = data.dossier;
  if (!d.received_at || !d.code) return notApplicable({ vi: 'Hồ sơ chưa được tiếp nhận nên chưa có phiếu kiểm soát.', en: 'The dossier has not been received: there is no control sheet yet.' });
  const events = data.events;
  const rows = events.map((e, i) => {
    const from = e.from_step ? `${e.actor_name} (${input.stepNames.get(e.from_step) ?? e.from_step})` : e.actor_name;
    const note = [ACTION_NAMES[e.label_vi] ?? e.label_vi, e.note].filter(Boolean).join(': ');
    return [String(i + 1), formatShortDateTime(new Date(e.at)), from, receiverOf(input, events, i), note, maybe(e.step_due_at, formatShortDateTime), stepVerdict(events, i)];
  });
  const involved = [...new Set(events.flatMap((e) => [e.from_agency, e.to_agency]).filter((c): c is string => !!c))];
  const partners = involved.filter((c) => c !== d.receiving_agency_code).map((c) => agencyName(agencies, c));
  const body: Block[] = [
    { kind: 'paragraph', label: 'Cơ quan (bộ phận) giải quyết hồ sơ: ', text: agencyName(agencies, d.receiving_agency_code) },
    { kind: 'paragraph', label: 'Cơ quan phối hợp giải quyết hồ sơ: ', text: partners.length ? partners.join('; ') : 'Không' },
    { kind: 'paragraph', label: `${ownerLabel(data)}: `, text: `${d.owner_name}. ` + `Thủ tục: ${d.procedure_name} (${d.procedure_code}).` },
    {
      kind: 'paragraph',
      label: 'Nhận hồ sơ: ',
      text: `${formatShortDateTime(new Date(d.received_at))}. Hẹn trả kết quả: ${maybe(d.due_at, formatShortDateTime, '—')}${d.original_due_at && d.due_at !== d.original_due_at ? ` (hẹn ban đầu ${formatShortDateTime(new Date(d.original_due_at))})` : ''}.`,
    },
    {
      kind: 'table',
      columns: [
        { title: 'STT', weight: 4, align: 'center' },
        { title: 'Thời gian giao, nhận', weight: 11, align: 'center' },
        { title: 'Bên giao', weight: 17 },
        { title: 'Bên nhận', weight: 19 },
        { title: 'Nội dung', weight: 20 },
        { title: 'Hạn xử lý', weight: 11, align: 'center' },
        { title: 'Kết quả (trước hạn/ đúng hạn/ quá hạn)', weight: 11, align: 'center' },
      ],
      rows,
    },
    {
      kind: 'paragraph',
      label: 'Kết quả giải quyết hồ sơ: ',
      text: d.resolved_at ? `${formatShortDateTime(new Date(d.resolved_at))}, ${d.timeliness ? VERDICT[d.timeliness].toLowerCase() : ''}. Trạng thái: ${STATUS_NAMES[d.status]?.vi ?? d.status}.` : `chưa có. Trạng thái: ${STATUS_NAMES[d.status]?.vi ?? d.status}.`,
    },
    { kind: 'paragraph', italic: true, text: 'Phiếu được lập từ nhật ký xử lý hồ sơ trên Hệ thống một cửa điện tử; mỗi lần giao, nhận đã được xác nhận bằng tài khoản của cán bộ.' },
  ];
  return {
    ok: true,
    model: {
      form: '06',
      orientation: 'landscape',
      agencyLines: deskHeader(agencies, d.receiving_agency_code),
      number: numberLine(data),
      placeDate: placeAndDate(input.place, input.now),
      title: FORM_TITLES['06'].vi,
      subtitle: `(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả, mã hồ sơ ${d.code})`,
      body,
      signatures: [{ title: 'BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ', note: '(Ký và ghi rõ họ tên)' }],
      meta: { title: `${FORM_TITLES['06'].vi} – ${d.code}`, subject: d.procedure_name },
      fileName: formFileName('06', data),
    },
  };
}
