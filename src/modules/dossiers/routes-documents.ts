import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors.js';
import { sendStoredFile } from '../../platform/files/download.js';
import { recordFile } from '../../platform/files/records.js';
import { acceptUpload } from '../../platform/files/upload.js';
import { problemResponses } from '../../platform/http/problem.js';
import { visibleDossier } from './access.js';
import { dossierDb } from './tables.js';

/** What a dossier attachment may be (procedures narrow it further when it is attached). */
export const ATTACHMENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/tiff',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
/** One attachment at most; a dossier's total is bounded by the number of its documents. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

const UploadedSchema = Type.Object({ sha256: Type.String(), size: Type.Integer(), mime: Type.String(), fileName: Type.String() });
const DocumentSchema = Type.Object({
  id: Type.String(),
  requirementId: Type.Union([Type.String(), Type.Null()]),
  kind: Type.String(),
  fileName: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  uploadedAt: Type.String(),
});

/** Uploading attachments (streamed into the content-addressed store) and downloading them. */
export async function documentRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['dossiers'];

  app.post(
    '/dossiers/uploads',
    {
      schema: {
        tags,
        summary: 'Upload one attachment (multipart field "file"); its type is read from the content. Reference the returned sha256 when submitting.',
        consumes: ['multipart/form-data'],
        response: { 201: UploadedSchema, ...problemResponses(400, 401, 413, 415) },
      },
    },
    async (request, reply) => {
      requireActor(request);
      const upload = await acceptUpload(request, { maxBytes: MAX_ATTACHMENT_BYTES, accepted: ATTACHMENT_TYPES });
      await recordFile(app.services.db, upload, app.services.clock.now());
      return reply.code(201).send({ sha256: upload.sha256, size: upload.size, mime: upload.mime, fileName: upload.fileName });
    },
  );

  app.get(
    '/dossiers/:id/documents',
    { schema: { tags, summary: 'The attachments of a dossier', params: Type.Object({ id: Type.String() }), response: { 200: Type.Object({ items: Type.Array(DocumentSchema) }), ...problemResponses(401, 403, 404) } } },
    async (request) => {
      const row = await visibleDossier(request, dossierDb(app.services.db), (request.params as { id: string }).id);
      const docs = await dossierDb(app.services.db).selectFrom('dossier_documents').selectAll().where('dossier_id', '=', row.id).orderBy('uploaded_at').execute();
      return { items: docs.map((d) => ({ id: d.id, requirementId: d.requirement_id, kind: d.kind, fileName: d.file_name, mime: d.mime, size: Number(d.size), uploadedAt: d.uploaded_at })) };
    },
  );

  app.get(
    '/dossiers/:id/documents/:docId',
    {
      schema: {
        tags,
        summary: 'Download an attachment (only for those who may see the dossier)',
        params: Type.Object({ id: Type.String(), docId: Type.String() }),
        querystring: Type.Object({ inline: Type.Optional(Type.Boolean()) }),
        response: { 200: Type.String({ format: 'binary' }), ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id, docId } = request.params as { id: string; docId: string };
      const row = await visibleDossier(request, dossierDb(app.services.db), id);
      const doc = await dossierDb(app.services.db).selectFrom('dossier_documents').selectAll().where('id', '=', docId).where('dossier_id', '=', row.id).executeTakeFirst();
      if (!doc || !(await app.files.exists(doc.file_sha256))) throw new AppError('NOT_FOUND');
      return sendStoredFile(reply, app.files, { sha256: doc.file_sha256, size: Number(doc.size), mime: doc.mime }, { fileName: doc.file_name, inline: (request.query as { inline?: boolean }).inline === true });
    },
  );
}
