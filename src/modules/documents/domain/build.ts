/**
 * Which builder makes which per-dossier form, and the public lookup address the receipt's QR
 * code opens. Pure.
 */
import { buildReceipt, buildRefusal, buildSupplementRequest } from './forms-reception.js';
import { buildApology, buildControlSheet, buildStopNotice } from './forms-processing.js';
import type { DossierFormCode, DossierFormInput, FormResult } from './model.js';

const BUILDERS: Record<DossierFormCode, (input: DossierFormInput) => FormResult> = {
  '01': buildReceipt,
  '02': buildSupplementRequest,
  '03': buildRefusal,
  '04': buildApology,
  '05': buildStopNotice,
  '06': buildControlSheet,
};

/**
 * Builds form `form` (Circular 03/2025/TT-VPCP, 01–06) for a dossier, or says why it does not
 * apply yet (01 and 06 before reception, 02 without a supplement request, 03 without a
 * refusal, 04 without an apology, 05 without a stop).
 */
export function buildDossierForm(form: DossierFormCode, input: DossierFormInput): FormResult {
  return BUILDERS[form](input);
}

/**
 * The web app's public lookup page for a dossier, with the receipt's lookup secret so that
 * scanning the QR code shows the dossier without typing the owner's ID number.
 *
 * @example lookupAddress('https://dichvucong.danang.gov.vn', '000.05.50.H17-260302-0001', 's3cr3t')
 * // 'https://dichvucong.danang.gov.vn/tra-cuu/000.05.50.H17-260302-0001?secret=s3cr3t'
 */
export function lookupAddress(publicUrl: string, code: string, secret: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/tra-cuu/${encodeURIComponent(code)}?secret=${encodeURIComponent(secret)}`;
}
