/**
 * Form 07, the tracking book (Sổ theo dõi hồ sơ, Circular 03/2025/TT-VPCP): the dossiers a
 * reception desk received in a period, one line each, for the PDF and the XLSX. Pure.
 */
import { STATUS_NAMES, type DossierRow } from '../../dossiers/index.js';
import { agencyName, deskHeader } from './common.js';
import { formatDate, formatShortDateTime, maybe, placeAndDate } from './format.js';
import { FORM_TITLES, type AgencyName, type DocumentModel } from './model.js';

/** What the book of one desk for one period is built from. */
export interface TrackingBookInput {
  deskCode: string;
  agencyCode: string;
  /** Local dates `YYYY-MM-DD`, both included. */
  from: string;
  to: string;
  dossiers: readonly DossierRow[];
  agencies: ReadonlyMap<string, AgencyName>;
  now: Date;
  place: string;
}

/** The columns of the book, in order (titles as the form prints them). */
export const TRACKING_COLUMNS = [
  { title: 'STT', weight: 4, align: 'center' },
  { title: 'Mã hồ sơ', weight: 19 },
  { title: 'Tên thủ tục hành chính', weight: 13 },
  { title: 'Số lượng hồ sơ (bộ)', weight: 5, align: 'center' },
  { title: 'Tên cá nhân, tổ chức', weight: 9 },
  { title: 'Cơ quan chủ trì giải quyết', weight: 10 },
  { title: 'Nhận hồ sơ', weight: 8, align: 'center' },
  { title: 'Hẹn trả kết quả', weight: 8, align: 'center' },
  { title: 'Có kết quả', weight: 8, align: 'center' },
  { title: 'Trả kết quả cho cá nhân, tổ chức', weight: 8, align: 'center' },
  { title: 'Ghi chú', weight: 9 },
] as const satisfies readonly { title: string; weight: number; align?: 'center' }[];

const VERDICT = { early: 'trước hạn', onTime: 'đúng hạn', late: 'quá hạn' } as const;

/** The remark of a line: status, verdict, apologies, transfers. */
function remark(d: DossierRow): string {
  const parts = [STATUS_NAMES[d.status]?.vi ?? d.status];
  if (d.timeliness) parts.push(VERDICT[d.timeliness]);
  if (d.apologies > 0) parts.push(`xin lỗi, hẹn lại ${d.apologies} lần`);
  if (d.transferred === 1) parts.push('liên thông');
  return parts.join('; ');
}

/** One line of the book per dossier, as text cells in `TRACKING_COLUMNS` order. */
export function trackingRows(input: TrackingBookInput): string[][] {
  return input.dossiers.map((d, i) => [
    String(i + 1),
    d.code ?? d.id,
    d.procedure_name,
    '01',
    d.owner_name,
    agencyName(input.agencies, d.current_agency_code ?? d.receiving_agency_code),
    maybe(d.received_at, formatShortDateTime),
    maybe(d.due_at, formatShortDateTime),
    maybe(d.resolved_at, formatShortDateTime),
    d.status === 'returned' ? maybe(d.finished_at, formatShortDateTime) : '',
    remark(d),
  ]);
}

/** The period as the book's subtitle writes it: `Từ ngày 02/03/2026 đến ngày 31/03/2026`. */
export function periodText(from: string, to: string): string {
  const local = (date: string) => formatDate(new Date(`${date}T12:00:00+07:00`));
  return `Từ ngày ${local(from)} đến ngày ${local(to)}`;
}

/** The book of a desk for a period as a printable (landscape) document. */
export function buildTrackingBook(input: TrackingBookInput): DocumentModel {
  const rows = trackingRows(input);
  return {
    form: '07',
    orientation: 'landscape',
    agencyLines: deskHeader(input.agencies, input.agencyCode),
    number: `Quầy tiếp nhận: ${input.deskCode}`,
    placeDate: placeAndDate(input.place, input.now),
    title: FORM_TITLES['07'].vi,
    subtitle: periodText(input.from, input.to),
    body: [
      { kind: 'table', columns: TRACKING_COLUMNS.map((c) => ({ ...c })), rows },
      { kind: 'paragraph', label: 'Tổng số hồ sơ: ', text: `${rows.length}.` },
    ],
    signatures: [{ title: 'NGƯỜI LẬP SỔ', note: '(Ký và ghi rõ họ tên)' }],
    meta: { title: `${FORM_TITLES['07'].vi} – ${input.deskCode} – ${periodText(input.from, input.to)}`, subject: agencyName(input.agencies, input.agencyCode) },
    fileName: `07-so-theo-doi-${input.deskCode}-${input.from}-${input.to}.pdf`,
  };
}
