/**
 * Pieces shared by the form builders: agency names for headers, the dossier's number line,
 * its latest request of a kind, the delivery method as citizens read it. Pure.
 */
import type { DossierForDocuments, DossierRequestRow } from '../../dossiers/index.js';
import { upperVi } from './format.js';
import type { AgencyName, Bilingual, FormResult } from './model.js';

export const RECEPTION_DESK = 'BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ';

/** The Vietnamese name of an agency, or its code when unknown. */
export function agencyName(agencies: ReadonlyMap<string, AgencyName>, code: string | null | undefined): string {
  if (!code) return '';
  return agencies.get(code)?.name.vi ?? code;
}

/** Header lines for a letter of the agency itself: its superior in plain capitals, itself in bold. */
export function agencyHeader(agencies: ReadonlyMap<string, AgencyName>, code: string): { upper?: string; main: string } {
  const parent = agencies.get(code)?.parentCode;
  const main = upperVi(agencyName(agencies, code));
  return parent ? { upper: upperVi(agencyName(agencies, parent)), main } : { main };
}

/** Header lines for slips of the one-stop desk: the agency in plain capitals, the desk in bold. */
export function deskHeader(agencies: ReadonlyMap<string, AgencyName>, code: string): { upper: string; main: string } {
  return { upper: upperVi(agencyName(agencies, code)), main: RECEPTION_DESK };
}

/** The number line: the dossier code, or the internal reference of a dossier that never got one. */
export function numberLine(data: DossierForDocuments): string {
  return data.dossier.code ? `Mã hồ sơ: ${data.dossier.code}` : `Số tham chiếu: ${data.dossier.id}`;
}

/** The applicant as the forms address them. */
export function ownerLabel(data: DossierForDocuments): string {
  return data.dossier.owner_kind === 'organization' ? 'Tổ chức' : 'Ông/Bà';
}

/** The latest request of a kind (supplement, apology, …), with its details parsed. */
export function latestRequest<T>(data: DossierForDocuments, kind: DossierRequestRow['kind']): { row: DossierRequestRow; details: T } | undefined {
  const rows = data.requests.filter((r) => r.kind === kind);
  const row = rows[rows.length - 1];
  return row ? { row, details: JSON.parse(row.details) as T } : undefined;
}

/** Where the applicant asked to receive the result. */
export function deliveryText(data: DossierForDocuments, agency: string): string {
  const d = JSON.parse(data.dossier.delivery) as { method?: string; address?: string };
  switch (d.method) {
    case 'post':
      return `Qua dịch vụ bưu chính công ích${d.address ? `, địa chỉ: ${d.address}` : ''}`;
    case 'online':
      return 'Trực tuyến, trên Cổng dịch vụ công (bản điện tử)';
    default:
      return `Bộ phận Tiếp nhận và Trả kết quả – ${agency}`;
  }
}

/** The official who received the dossier (the actor of the reception row of the control sheet). */
export function receiverName(data: DossierForDocuments): string | undefined {
  const at = data.dossier.received_at;
  if (!at) return undefined;
  const row = data.events.find((e) => Date.parse(e.at) === Date.parse(at) && e.status_after !== 'submitted');
  return row?.actor_name;
}

/** A "not yet" answer for a form that does not apply to the dossier in its state. */
export function notApplicable(message: Bilingual): FormResult {
  return { ok: false, error: { code: 'FORM_NOT_APPLICABLE', message } };
}

/** A file name for a form of a dossier: `01-000.05.50.H17-260302-0001.pdf`. */
export function formFileName(form: string, data: DossierForDocuments): string {
  return `${form}-${data.dossier.code ?? data.dossier.id}.pdf`;
}
