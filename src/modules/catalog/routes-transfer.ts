/**
 * Spreadsheet import and export of the whole catalogue under `/api/v1/catalog`
 * (`catalog.write`). Imports are all or nothing; see `importCatalogWorkbook`.
 */
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { auditRequest } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors.js';
import { problemResponses } from '../../platform/http/problem.js';
import { requireCatalogWrite } from './routes-admin.js';
import { ImportReportSchema } from './routes-schemas.js';
import { exportCatalogWorkbook, importCatalogWorkbook, SHEETS, type ImportReport } from './xlsx.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** The problem of a failed import: every row error as a field error, and the whole report. */
export function importFailed(report: ImportReport): AppError {
  const sheetName = (key: string) => SHEETS.find((s) => s.key === key)?.name ?? key;
  return new AppError('VALIDATION_FAILED', {
    detail: {
      vi: `Tệp có ${report.errors.length} lỗi; chưa có thủ tục nào được lưu. Sửa các dòng được liệt kê rồi tải lên lại.`,
      en: `The file has ${report.errors.length} error(s); nothing was saved. Fix the rows listed and upload it again.`,
    },
    errors: report.errors.map((e) => ({
      field: `/file/${e.sheet}/${e.row}${e.column ? `/${e.column}` : ''}`,
      reason: 'row',
      message: {
        vi: `Trang "${sheetName(e.sheet)}", dòng ${e.row}${e.column ? `, cột ${e.column}` : ''}: ${e.message.vi}`,
        en: `Sheet "${e.sheet}", row ${e.row}${e.column ? `, column ${e.column}` : ''}: ${e.message.en}`,
      },
    })),
    extra: { report },
  });
}

/** Import (multipart upload) and export (download) of the catalogue workbook. */
export async function catalogTransferRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['catalog'];

  app.get(
    '/catalog/export',
    {
      onRequest: requireCatalogWrite,
      schema: { tags, summary: 'Download the catalogue (latest version of every procedure) as an XLSX workbook', response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The XLSX workbook' }), ...problemResponses(401, 403) } },
    },
    async (_request, reply) => {
      const { data } = await exportCatalogWorkbook(app.services.db);
      return reply.type(XLSX_TYPE).header('content-disposition', 'attachment; filename="danh-muc-thu-tuc.xlsx"').send(data);
    },
  );

  app.post(
    '/catalog/import',
    {
      onRequest: requireCatalogWrite,
      schema: {
        tags,
        summary: 'Import a catalogue workbook (multipart field "file"), all or nothing; ?dryRun=true only checks it',
        consumes: ['multipart/form-data'],
        querystring: Type.Object({ dryRun: Type.Optional(Type.Boolean({ default: false })) }),
        response: { 200: ImportReportSchema, ...problemResponses(400, 401, 403, 413, 415) },
      },
    },
    async (request) => {
      if (!request.isMultipart()) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: { vi: 'Hãy gửi tệp dạng multipart/form-data, trường "file".', en: 'Send the file as multipart/form-data, field "file".' } });
      }
      // Multipart parsing is registered once, at the root, by the platform's filesPlugin.
      const file = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
      if (!file) throw new AppError('BAD_REQUEST', { detail: { vi: 'Không có tệp nào được gửi lên.', en: 'No file was uploaded.' } });
      const data = await file.toBuffer();
      const dryRun = request.query.dryRun ?? false;
      const { db, clock, newId } = app.services;
      const report = await db.transaction().execute(async (trx) => {
        const r = await importCatalogWorkbook(trx, data, { actorId: request.actor?.accountId ?? null, at: clock.now(), newId }, { dryRun });
        if (r.applied) {
          await auditRequest(trx, request, {
            action: 'catalog.import',
            target: { type: 'catalogImport', id: newId() },
            summary: { fileName: file.filename, created: r.created, newVersions: r.newVersions, editedDrafts: r.editedDrafts, published: r.published },
          });
        }
        return r;
      });
      if (!dryRun && report.errors.length > 0) throw importFailed(report);
      return report;
    },
  );
}
