/**
 * Pure rules of the dossier lifecycle: codes, timeliness, lookup matching. No I/O.
 */
import { createHash } from 'node:crypto';

/** Vietnam's fixed offset (no daylight saving since 1975). */
const VN_OFFSET_MS = 7 * 3_600_000;

/** The local (Asia/Ho_Chi_Minh) calendar day of an instant, as `YYMMDD`. */
export function localDayYYMMDD(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(2, 10).replace(/-/g, '');
}

/**
 * The dossier code `<agency code>-<YYMMDD>-<NNNN>` (DOMAIN.md; Decree 118/2025/NĐ-CP): the
 * receiving agency's electronic identification code, the local reception day, and the
 * agency's daily sequence, zero-padded to four digits (more digits after 9999).
 *
 * @example dossierCode('000.00.22.H56', '250531', 1) // '000.00.22.H56-250531-0001'
 */
export function dossierCode(agencyCode: string, day: string, seq: number): string {
  return `${agencyCode}-${day}-${String(seq).padStart(4, '0')}`;
}

/**
 * Whether a dossier was resolved early, on time or late against its appointment: late after
 * the due moment; early when resolved on a calendar day before the due day; on time
 * otherwise. An apology letter moves the appointment for the citizen but not this verdict,
 * which is judged against the appointment before any apology (Decree 118/2025, art. on
 * late dossiers: the apology does not make a late dossier timely).
 */
export function timeliness(resolvedAt: Date, dueAt: Date): 'early' | 'onTime' | 'late' {
  if (resolvedAt.getTime() > dueAt.getTime()) return 'late';
  const day = (d: Date) => new Date(d.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
  return day(resolvedAt) < day(dueAt) ? 'early' : 'onTime';
}

/**
 * Hash of an owner's identification or tax number, for public lookup without keeping a
 * second copy of the number (personal data) in the dossier table.
 */
export function ownerNumberHash(number: string): string {
  return createHash('sha256').update(`egov-owner:${number.trim().toUpperCase()}`).digest('hex');
}

/** Statuses in which the dossier is still being worked on (counted as "in progress"). */
export const OPEN_STATUSES = ['received', 'processing', 'awaitingSupplement', 'awaitingPayment'] as const;

/** Vietnamese and English names of the statuses (DOMAIN.md). */
export const STATUS_NAMES: Record<string, { vi: string; en: string }> = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  submitted: { vi: 'Mới đăng ký', en: 'Submitted' },
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  rejected: { vi: 'Từ chối tiếp nhận', en: 'Refused at reception' },
  processing: { vi: 'Đang xử lý', en: 'Processing' },
  awaitingSupplement: { vi: 'Chờ bổ sung', en: 'Awaiting supplement' },
  awaitingPayment: { vi: 'Chờ thực hiện nghĩa vụ tài chính', en: 'Awaiting payment' },
  withdrawn: { vi: 'Công dân rút hồ sơ', en: 'Withdrawn by the applicant' },
  stopped: { vi: 'Dừng xử lý', en: 'Stopped' },
  resolved: { vi: 'Đã có kết quả', en: 'Result ready' },
  returned: { vi: 'Đã trả kết quả', en: 'Result returned' },
};
