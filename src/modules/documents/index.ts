/**
 * Statutory documents (Circular 03/2025/TT-VPCP, forms 01–07) generated on demand as PDF
 * (and the tracking book as XLSX): receipts with the public-lookup QR code, supplement
 * requests, refusals, apologies, notices of stopping, control sheets and tracking books.
 * The only file other modules and the CLI import from this module.
 */
import type { AppModule } from '../../platform/context.js';
import { documentsRoutes } from './routes.js';

export { renderDossierForm, renderTrackingBook, trackingBookInput, PDF_TYPE, XLSX_TYPE, type RenderedFile } from './service.js';
export { buildDossierForm, lookupAddress } from './domain/build.js';
export { buildTrackingBook } from './domain/tracking-book.js';
export { renderPdf } from './pdf/render.js';
export { DOSSIER_FORM_CODES, FORM_CODES, FORM_TITLES, isDossierForm, type DocumentModel, type DossierFormCode, type FormCode } from './domain/model.js';

/** The documents module as the composition root mounts it (routes only: it owns no tables). */
export const documentsModule: AppModule = {
  name: 'documents',
  routes: documentsRoutes,
};
