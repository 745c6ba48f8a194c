import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../platform/auth/authorize.js';
import { requireActor } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors.js';
import { contentDisposition } from '../../platform/files/download.js';
import { problemResponses } from '../../platform/http/problem.js';
import { visibleDossierRow } from '../dossiers/index.js';
import { deskScope } from '../registry/index.js';
import { DOSSIER_FORM_CODES, type DossierFormCode } from './domain/model.js';
import { renderDossierForm, renderTrackingBook, trackingBookInput, type RenderedFile } from './service.js';

const Binary = (description: string) => Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description });
const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Local date YYYY-MM-DD (Asia/Ho_Chi_Minh)' });

/** Sends a generated file; `no-store` because the forms carry personal data and a lookup secret. */
function send(reply: FastifyReply, file: RenderedFile, inline: boolean): FastifyReply {
  return reply
    .type(file.mime)
    .header('content-length', String(file.data.length))
    .header('content-disposition', contentDisposition(file.fileName, inline))
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.data);
}

/**
 * The tracking book is for officials of the desk's agency or an agency above it: a holder of
 * an official role that reads dossiers, whose scope covers the desk's agency. Applicants'
 * own-dossier grants do not count (403), other agencies' officials get 404.
 */
async function authorizeDesk(request: FastifyRequest, deskCode: string): Promise<void> {
  const actor = requireActor(request);
  const officials = { ...actor, grants: actor.grants.filter((g) => g.role !== 'citizen') };
  const desk = await deskScope(request.server.services.db, deskCode);
  const decision = can(officials, 'dossier.read', { agencyPath: desk?.agencyPath ?? '/nowhere/' });
  if (decision === 'forbidden') throw new AppError('FORBIDDEN');
  if (decision !== 'allow' || !desk) throw new AppError('NOT_FOUND');
}

/** Printable forms of Circular 03/2025/TT-VPCP, generated on demand. */
export async function documentsRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['documents'];

  app.get(
    '/dossiers/:id/forms/:form.pdf',
    {
      schema: {
        tags,
        summary: 'A form of a dossier as PDF: 01 receipt and appointment (with the lookup QR code), 02 supplement request, 03 refusal, 04 apology and new appointment, 05 notice of stopping, 06 control sheet. 404 when the form does not apply yet.',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }), form: Type.Union(DOSSIER_FORM_CODES.map((c) => Type.Literal(c))) }),
        querystring: Type.Object({ download: Type.Optional(Type.Boolean({ description: 'Save instead of opening in the browser' })) }),
        response: { 200: Binary('The form as PDF (A4)'), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id, form } = request.params as { id: string; form: DossierFormCode };
      const row = await visibleDossierRow(request, app.services.db, id);
      const file = await renderDossierForm(app.services, row.id, form);
      return send(reply, file, (request.query as { download?: boolean }).download !== true);
    },
  );

  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(
      `/desks/:deskCode/tracking-book.${format}`,
      {
        schema: {
          tags,
          summary: `The tracking book (form 07, Sổ theo dõi hồ sơ) of a reception desk for a period, as ${format.toUpperCase()}: the dossiers received there, one line each`,
          params: Type.Object({ deskCode: Type.String({ minLength: 1, maxLength: 40 }) }),
          querystring: Type.Object({ from: LocalDate, to: LocalDate }),
          response: { 200: Binary(`The tracking book as ${format.toUpperCase()}`), ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const { deskCode } = request.params as { deskCode: string };
        const { from, to } = request.query as { from: string; to: string };
        await authorizeDesk(request, deskCode);
        const file = await renderTrackingBook(await trackingBookInput(app.services, deskCode, from, to), format);
        return send(reply, file, format === 'pdf');
      },
    );
  }
}
