/**
 * Rendering a form on demand: load the dossier (or the desk's dossiers of a period) through
 * the dossier module's read functions, agency names through the registry, step names through
 * the workflow; build the model; lay it out. Authorization is the caller's (routes, CLI).
 */
import type { PlatformServices } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { listDeskDossiers, loadDossierForDocuments } from '../dossiers/index.js';
import { agencyTree, deskScope } from '../registry/index.js';
import { getDefinition } from '../workflow/index.js';
import { buildDossierForm, lookupAddress } from './domain/build.js';
import { periodBounds } from './domain/format.js';
import type { AgencyName, DossierFormCode } from './domain/model.js';
import { buildTrackingBook, type TrackingBookInput } from './domain/tracking-book.js';
import { renderPdf } from './pdf/render.js';
import { trackingBookWorkbook } from './xlsx.js';

/** The city in the place-and-date line of every form. */
export const PLACE = 'Đà Nẵng';

export const PDF_TYPE = 'application/pdf';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A generated file. */
export interface RenderedFile {
  fileName: string;
  mime: string;
  data: Buffer;
}

async function agencyNames(services: PlatformServices): Promise<Map<string, AgencyName>> {
  const tree = await agencyTree(services.db);
  return new Map(tree.map((a) => [a.code, { name: a.name, parentCode: a.parentCode }]));
}

/**
 * Renders form `form` (01–06) of a dossier as PDF. Throws NOT_FOUND when the dossier does not
 * exist or the form does not apply to it yet (e.g. a receipt before reception).
 */
export async function renderDossierForm(services: PlatformServices, dossierId: string, form: DossierFormCode): Promise<RenderedFile> {
  const data = await loadDossierForDocuments(services.db, dossierId);
  if (!data) throw new AppError('NOT_FOUND');
  const now = services.clock.now();
  const [agencies, definition] = await Promise.all([agencyNames(services), getDefinition(services.db, data.dossier.workflow_key, data.dossier.workflow_version)]);
  const stepNames = new Map((definition?.steps ?? []).map((s) => [s.id, s.name.vi]));
  const lookupUrl = lookupAddress(services.config.publicUrl, data.dossier.code ?? data.dossier.id, data.dossier.lookup_secret);
  const result = buildDossierForm(form, { data, agencies, stepNames, lookupUrl, now, place: PLACE });
  if (!result.ok) throw new AppError('NOT_FOUND', { detail: result.error.message });
  return { fileName: result.model.fileName, mime: PDF_TYPE, data: await renderPdf(result.model, now) };
}

/**
 * Loads what the tracking book of a desk for the local dates `from`–`to` (both included) is
 * built from. Throws NOT_FOUND for an unknown desk, VALIDATION_FAILED for a bad period.
 */
export async function trackingBookInput(services: PlatformServices, deskCode: string, from: string, to: string): Promise<TrackingBookInput> {
  const period = periodBounds(from, to);
  if (!period.ok) {
    throw new AppError('VALIDATION_FAILED', { detail: period.message, errors: [{ field: `/querystring/${period.field}`, reason: 'format', message: period.message }] });
  }
  const desk = await deskScope(services.db, deskCode);
  if (!desk) throw new AppError('NOT_FOUND');
  const [dossiers, agencies] = await Promise.all([listDeskDossiers(services.db, desk.deskCode, period.fromIso, period.toIso), agencyNames(services)]);
  return { deskCode: desk.deskCode, agencyCode: desk.agencyCode, from, to, dossiers, agencies, now: services.clock.now(), place: PLACE };
}

/** Renders the tracking book (form 07) as PDF or XLSX. */
export async function renderTrackingBook(input: TrackingBookInput, format: 'pdf' | 'xlsx'): Promise<RenderedFile> {
  if (format === 'xlsx') {
    return { fileName: `07-so-theo-doi-${input.deskCode}-${input.from}-${input.to}.xlsx`, mime: XLSX_TYPE, data: await trackingBookWorkbook(input) };
  }
  const model = buildTrackingBook(input);
  return { fileName: model.fileName, mime: PDF_TYPE, data: await renderPdf(model, input.now) };
}
