import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { auditContext, authorize } from '../../platform/auth/plugin.js';
import { grantsFor } from '../../platform/auth/authorize.js';
import { AppError } from '../../platform/errors.js';
import { problemResponses } from '../../platform/http/problem.js';
import { IMPORT_KINDS, type ImportKind } from './import/kinds.js';
import { runImport } from './import/run-import.js';
import { registryDb } from './tables.js';

const RowErrorSchema = Type.Object({ row: Type.Integer(), column: Type.String(), value: Type.String(), reason: Type.Object({ vi: Type.String(), en: Type.String() }) });
const ImportRunSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  fileName: Type.String(),
  status: Type.String(),
  totalRows: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  failed: Type.Integer(),
  errors: Type.Optional(Type.Array(RowErrorSchema)),
  reportXlsx: Type.Union([Type.String(), Type.Null()]),
  reportCsv: Type.Union([Type.String(), Type.Null()]),
});

const MAX_IMPORT_BYTES = 500 * 1024 * 1024;

/** Bulk import of registry data from CSV/XLSX, with a downloadable error report. */
export async function importRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['registry'];
  const reportUrl = (id: string, ext: 'xlsx' | 'csv') => `/api/v1/registry/imports/${id}/errors.${ext}`;

  /** Imports are city-wide: only holders of a system-scoped import grant may run them. */
  function authorizeImport(request: Parameters<typeof authorize>[0]) {
    const actor = authorize(request, 'registry.import', { global: true });
    if (!grantsFor(actor, 'registry.import').some((g) => g.scopeKind === 'system')) throw new AppError('FORBIDDEN');
  }

  app.post(
    '/registry/imports/:kind',
    {
      schema: {
        tags,
        summary: 'Import citizens, organizations, units, agencies or officials from a CSV or XLSX file (multipart field "file")',
        consumes: ['multipart/form-data'],
        params: Type.Object({ kind: Type.Union(IMPORT_KINDS.map((k) => Type.Literal(k))) }),
        response: { 201: ImportRunSchema, ...problemResponses(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      authorizeImport(request);
      const { kind } = request.params as { kind: ImportKind };
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: { vi: 'Hãy gửi tệp dạng multipart/form-data, trường "file".', en: 'Send the file as multipart/form-data, field "file".' } });
      // Multipart parsing is registered once, at the root, by the platform's filesPlugin.
      const file = await request.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
      if (!file) throw new AppError('BAD_REQUEST', { detail: { vi: 'Không có tệp nào được gửi lên.', en: 'No file was uploaded.' } });
      const dir = join(app.services.config.dataDir, 'uploads');
      mkdirSync(dir, { recursive: true });
      const path = join(dir, `import-${app.services.newId()}`);
      try {
        await pipeline(file.file, createWriteStream(path));
        if (file.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE');
        const result = await runImport(app.services, { kind, path, fileName: file.filename, actor: auditContext(request).actor });
        return reply.code(201).send({
          id: result.id,
          kind,
          fileName: file.filename,
          status: 'done',
          totalRows: result.totalRows,
          inserted: result.inserted,
          updated: result.updated,
          unchanged: result.unchanged,
          failed: result.failed,
          errors: result.errors,
          reportXlsx: result.report ? reportUrl(result.id, 'xlsx') : null,
          reportCsv: result.report ? reportUrl(result.id, 'csv') : null,
        });
      } finally {
        rmSync(path, { force: true });
      }
    },
  );

  app.get(
    '/registry/imports/:id',
    { schema: { tags, summary: 'An import run and its counts', params: Type.Object({ id: Type.String() }), response: { 200: ImportRunSchema, ...problemResponses(401, 403, 404) } } },
    async (request) => {
      authorizeImport(request);
      const { id } = request.params as { id: string };
      const run = await registryDb(app.services.db).selectFrom('import_runs').selectAll().where('id', '=', id).executeTakeFirst();
      if (!run) throw new AppError('NOT_FOUND');
      const hasReport = existsSync(join(app.services.config.dataDir, 'imports', id, 'errors.xlsx'));
      return {
        id: run.id,
        kind: run.kind,
        fileName: run.file_name,
        status: run.status,
        totalRows: run.total_rows,
        inserted: run.inserted,
        updated: run.updated,
        unchanged: run.unchanged,
        failed: run.failed,
        reportXlsx: hasReport ? reportUrl(id, 'xlsx') : null,
        reportCsv: hasReport ? reportUrl(id, 'csv') : null,
      };
    },
  );

  app.get(
    '/registry/imports/:id/errors.:ext',
    {
      schema: {
        tags,
        summary: 'Download the row-by-row error report of an import',
        params: Type.Object({ id: Type.String({ pattern: '^[0-9A-Z]{26}$' }), ext: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')]) }),
        response: { 200: Type.String({ format: 'binary' }), ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      authorizeImport(request);
      const { id, ext } = request.params as { id: string; ext: 'xlsx' | 'csv' };
      const path = join(app.services.config.dataDir, 'imports', id, `errors.${ext}`);
      if (!existsSync(path)) throw new AppError('NOT_FOUND');
      reply.header('content-disposition', `attachment; filename="import-${id}-errors.${ext}"`);
      reply.type(ext === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8');
      return reply.send(createReadStream(path));
    },
  );
}
