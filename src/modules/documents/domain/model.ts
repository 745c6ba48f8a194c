/**
 * A printed form as data: the parts every Vietnamese administrative document has (agency
 * top left, national title and motto top right, place and date, number, title, body,
 * signature block; Decree 30/2020/NĐ-CP, Appendix I) filled in by the form builders and
 * laid out by the PDF renderer. Pure types; no I/O.
 */
import type { DossierForDocuments } from '../../dossiers/index.js';

export type Bilingual = { vi: string; en: string };

/** The forms of Circular 03/2025/TT-VPCP this module prints. */
export const FORM_CODES = ['01', '02', '03', '04', '05', '06', '07'] as const;
export type FormCode = (typeof FORM_CODES)[number];
/** The forms printed for one dossier (07 is per desk and period). */
export const DOSSIER_FORM_CODES = ['01', '02', '03', '04', '05', '06'] as const;
export type DossierFormCode = (typeof DOSSIER_FORM_CODES)[number];

/** True when `value` is one of the per-dossier form numbers `01`–`06`. */
export function isDossierForm(value: string): value is DossierFormCode {
  return (DOSSIER_FORM_CODES as readonly string[]).includes(value);
}

/** Titles of the forms (Circular 03/2025/TT-VPCP, forms 01–07). */
export const FORM_TITLES: Record<FormCode, Bilingual> = {
  '01': { vi: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', en: 'Receipt and appointment for the result' },
  '02': { vi: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', en: 'Request to supplement the dossier' },
  '03': { vi: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', en: 'Refusal to receive and process the dossier' },
  '04': { vi: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', en: 'Apology and new appointment for the result' },
  '05': { vi: 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ', en: 'Notice of stopping the processing of the dossier' },
  '06': { vi: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', en: 'Control sheet of the processing of the dossier' },
  '07': { vi: 'SỔ THEO DÕI HỒ SƠ', en: 'Dossier tracking book' },
};

/** One part of a form's body, top to bottom. */
export type Block =
  /** A paragraph; `label` is printed bold before the text. */
  | { kind: 'paragraph'; text: string; label?: string; italic?: boolean; align?: 'left' | 'center' | 'justify' }
  /** Numbered or bulleted lines under a paragraph. */
  | { kind: 'list'; items: string[] }
  /** A ruled table; widths are relative weights. */
  | { kind: 'table'; columns: { title: string; weight: number; align?: 'left' | 'center' }[]; rows: string[][] }
  /** The public-lookup QR code with lines of text beside it. */
  | { kind: 'qr'; url: string; lines: string[] };

/** A signature column: title in bold capitals, the instruction in italics, the printed name. */
export interface Signature {
  title: string;
  note: string;
  name?: string;
}

/** A form ready to lay out. */
export interface DocumentModel {
  form: FormCode;
  orientation: 'portrait' | 'landscape';
  /** Top left, centred: the superior agency (plain capitals), then the issuing body (bold capitals). */
  agencyLines: { upper?: string; main: string };
  /** Under the agency: the number or the dossier code. */
  number: string;
  placeDate: string;
  title: string;
  subtitle?: string;
  body: Block[];
  /** Left to right; one signature is placed on the right. */
  signatures: Signature[];
  /** "Nơi nhận" (recipients) bottom left, on letters the agency sends. */
  recipients?: string[];
  /** Document properties (PDF title, subject). */
  meta: { title: string; subject: string };
  fileName: string;
}

/** An agency as forms name it. */
export interface AgencyName {
  name: Bilingual;
  parentCode: string | null;
}

/** Everything a dossier form is built from. */
export interface DossierFormInput {
  data: DossierForDocuments;
  agencies: ReadonlyMap<string, AgencyName>;
  /** Step ids of the dossier's pinned workflow → Vietnamese step names. */
  stepNames: ReadonlyMap<string, string>;
  /** The public lookup address printed in the receipt's QR code. */
  lookupUrl: string;
  /** When the form is printed (forms 06, 07 carry this date). */
  now: Date;
  /** The city in the place-and-date line. */
  place: string;
}

/** Why a form cannot be printed for a dossier yet. */
export type FormResult = { ok: true; model: DocumentModel } | { ok: false; error: { code: 'FORM_NOT_APPLICABLE'; message: Bilingual } };
