/**
 * The slips of the one-stop desk at reception (Circular 03/2025/TT-VPCP, forms 01–03;
 * Decree 118/2025/NĐ-CP on receiving dossiers): the receipt with the appointment, the
 * request to supplement a dossier, the refusal. Pure builders of document models.
 */
import type { DeadlineRule } from '../../calendar/index.js';
import { agencyName, deliveryText, deskHeader, formFileName, latestRequest, notApplicable, numberLine, ownerLabel, receiverName } from './common.js';
import { deadlineText, formatDateTime, maybe, placeAndDate } from './format.js';
import { FORM_TITLES, type DossierFormInput, type FormResult } from './model.js';

/**
 * Form 01, the receipt and appointment (Giấy tiếp nhận hồ sơ và hẹn trả kết quả): issued once
 * a complete dossier is received; carries the dossier code and a QR code that opens the public
 * lookup page without typing the owner's ID number.
 */
export function buildReceipt(input: DossierFormInput): FormResult {
  const { data, agencies } = input;
  const d = data.dossier;
  if (!d.received_at || !d.code) return notApplicable({ vi: 'Hồ sơ chưa được tiếp nhận nên chưa có giấy tiếp nhận.', en: 'The dossier has not been received: there is no receipt yet.' });
  const agency = agencyName(agencies, d.receiving_agency_code);
  const rule = d.deadline_rule ? (JSON.parse(d.deadline_rule) as DeadlineRule) : null;
  const submitted = data.documents.filter((doc) => doc.kind === 'submission').map((doc) => doc.file_name);
  const owner = ownerLabel(data);
  return {
    ok: true,
    model: {
      form: '01',
      orientation: 'portrait',
      agencyLines: deskHeader(agencies, d.receiving_agency_code),
      number: numberLine(data),
      placeDate: placeAndDate(input.place, new Date(d.received_at)),
      title: FORM_TITLES['01'].vi,
      body: [
        { kind: 'paragraph', text: `Bộ phận Tiếp nhận và Trả kết quả – ${agency} tiếp nhận hồ sơ của:` },
        { kind: 'paragraph', label: `${owner}: `, text: d.owner_name },
        { kind: 'paragraph', label: 'Người nộp hồ sơ: ', text: d.submitter_name ?? d.owner_name },
        { kind: 'paragraph', label: 'Nội dung yêu cầu giải quyết: ', text: `${d.procedure_name} (mã thủ tục ${d.procedure_code})` },
        { kind: 'paragraph', label: '1. Thành phần hồ sơ nộp gồm:', text: submitted.length ? '' : ' theo danh mục thành phần hồ sơ của thủ tục, đã được kiểm tra đầy đủ.' },
        ...(submitted.length ? [{ kind: 'list' as const, items: submitted.map((name, i) => `${i + 1}) ${name}`) }] : []),
        { kind: 'paragraph', label: '2. Số lượng hồ sơ: ', text: '01 bộ.' },
        { kind: 'paragraph', label: '3. Thời gian giải quyết hồ sơ theo quy định: ', text: `${deadlineText(rule).vi}.` },
        { kind: 'paragraph', label: '4. Thời gian nhận hồ sơ: ', text: `${formatDateTime(new Date(d.received_at))}.` },
        { kind: 'paragraph', label: '5. Thời gian trả kết quả giải quyết hồ sơ: ', text: `${maybe(d.due_at, formatDateTime, 'theo thông báo của cơ quan giải quyết')}.` },
        { kind: 'paragraph', label: '6. Đăng ký nhận kết quả tại: ', text: `${deliveryText(data, agency)}.` },
        {
          kind: 'qr',
          url: input.lookupUrl,
          lines: [
            'Tra cứu tình trạng hồ sơ: quét mã QR, hoặc nhập mã hồ sơ tại trang tra cứu của Cổng dịch vụ công.',
            `Mã hồ sơ: ${d.code}`,
            input.lookupUrl,
          ],
        },
      ],
      signatures: [
        { title: 'NGƯỜI NỘP HỒ SƠ', note: '(Ký và ghi rõ họ tên)', name: d.submitter_name ?? d.owner_name },
        { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: '(Ký và ghi rõ họ tên)', ...nameOf(receiverName(data)) },
      ],
      meta: { title: `${FORM_TITLES['01'].vi} – ${d.code}`, subject: d.procedure_name },
      fileName: formFileName('01', data),
    },
  };
}

function nameOf(name: string | undefined): { name?: string } {
  return name ? { name } : {};
}

/**
 * Form 02, the request to supplement (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ): lists at once
 * everything missing (Decree 118/2025/NĐ-CP: the applicant is told once, in full). Built from
 * the latest supplement request.
 */
export function buildSupplementRequest(input: DossierFormInput): FormResult {
  const { data, agencies } = input;
  const d = data.dossier;
  const req = latestRequest<{ items?: { name: string; note?: string }[]; note?: string | null }>(data, 'supplement');
  if (!req) return notApplicable({ vi: 'Hồ sơ chưa có yêu cầu bổ sung.', en: 'The dossier has no supplement request.' });
  const agency = agencyName(agencies, d.receiving_agency_code);
  const owner = ownerLabel(data);
  const items = (req.details.items ?? []).map((item, i) => `${i + 1}. ${item.name}${item.note ? ` (${item.note})` : ''}.`);
  return {
    ok: true,
    model: {
      form: '02',
      orientation: 'portrait',
      agencyLines: deskHeader(agencies, d.receiving_agency_code),
      number: numberLine(data),
      placeDate: placeAndDate(input.place, new Date(req.row.at)),
      title: FORM_TITLES['02'].vi,
      body: [
        { kind: 'paragraph', text: `Bộ phận Tiếp nhận và Trả kết quả – ${agency} tiếp nhận hồ sơ của:` },
        { kind: 'paragraph', label: `${owner}: `, text: d.owner_name },
        { kind: 'paragraph', label: 'Nội dung yêu cầu giải quyết: ', text: `${d.procedure_name} (mã thủ tục ${d.procedure_code})` },
        ...(d.received_at ? [{ kind: 'paragraph' as const, label: 'Thời gian nhận hồ sơ: ', text: `${formatDateTime(new Date(d.received_at))}.` }] : []),
        { kind: 'paragraph', text: `Sau khi xem xét, đề nghị ${owner} bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:` },
        { kind: 'list', items },
        ...(req.details.note ? [{ kind: 'paragraph' as const, label: 'Lý do: ', text: req.details.note }] : []),
        {
          kind: 'paragraph',
          text: `Thời gian giải quyết hồ sơ tạm dừng kể từ ${formatDateTime(new Date(req.row.at))} và được tính tiếp khi ${owner} nộp đủ hồ sơ bổ sung.`,
        },
        { kind: 'paragraph', text: `Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ${owner} liên hệ ${req.row.by_name}, ${agency} để được hướng dẫn.` },
        { kind: 'paragraph', text: 'Xin trân trọng cảm ơn./.' },
      ],
      signatures: [{ title: 'NGƯỜI HƯỚNG DẪN', note: '(Ký và ghi rõ họ tên)', name: req.row.by_name }],
      meta: { title: `${FORM_TITLES['02'].vi} – ${d.code ?? d.id}`, subject: d.procedure_name },
      fileName: formFileName('02', data),
    },
  };
}

/**
 * Form 03, the refusal (Phiếu từ chối tiếp nhận giải quyết hồ sơ): the dossier is out of the
 * agency's competence or not eligible; the reason is stated (Decree 118/2025/NĐ-CP).
 */
export function buildRefusal(input: DossierFormInput): FormResult {
  const { data, agencies } = input;
  const d = data.dossier;
  const req = latestRequest<{ reason?: string }>(data, 'refusal');
  if (!req) return notApplicable({ vi: 'Hồ sơ không bị từ chối.', en: 'The dossier has not been refused.' });
  const agency = agencyName(agencies, d.receiving_agency_code);
  const owner = ownerLabel(data);
  const atReception = !d.received_at;
  return {
    ok: true,
    model: {
      form: '03',
      orientation: 'portrait',
      agencyLines: deskHeader(agencies, d.receiving_agency_code),
      number: numberLine(data),
      placeDate: placeAndDate(input.place, new Date(req.row.at)),
      title: FORM_TITLES['03'].vi,
      body: [
        { kind: 'paragraph', text: `Bộ phận Tiếp nhận và Trả kết quả – ${agency} tiếp nhận hồ sơ của:` },
        { kind: 'paragraph', label: `${owner}: `, text: d.owner_name },
        { kind: 'paragraph', label: 'Nội dung yêu cầu giải quyết: ', text: `${d.procedure_name} (mã thủ tục ${d.procedure_code})` },
        ...(d.submitted_at ? [{ kind: 'paragraph' as const, label: 'Thời gian nộp hồ sơ: ', text: `${formatDateTime(new Date(d.submitted_at))}.` }] : []),
        { kind: 'paragraph', text: `Qua xem xét, ${agency} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:` },
        { kind: 'paragraph', text: req.details.reason ?? '' },
        { kind: 'paragraph', text: `Xin thông báo cho ${owner} được biết và thực hiện./.` },
      ],
      signatures: [
        atReception
          ? { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: '(Ký và ghi rõ họ tên)', name: req.row.by_name }
          : { title: 'THỦ TRƯỞNG CƠ QUAN', note: '(Ký, ghi rõ họ tên và đóng dấu)' },
      ],
      meta: { title: `${FORM_TITLES['03'].vi} – ${d.code ?? d.id}`, subject: d.procedure_name },
      fileName: formFileName('03', data),
    },
  };
}
