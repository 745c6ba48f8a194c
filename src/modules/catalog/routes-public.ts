/**
 * The public catalogue under `/api/v1/public/procedures` (and its list of fields): no login,
 * published procedures only, rate-limited per client address (PUBLIC_RATE_LIMIT).
 */
import rateLimit from '@fastify/rate-limit';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { decodeCursor, PageQuery, pageSchema, toPage } from '../../platform/db/paging.js';
import { AppError } from '../../platform/errors.js';
import { problemResponses } from '../../platform/http/problem.js';
import { computeFee } from './domain/fees.js';
import { procedureFields } from './domain/reference-data.js';
import { Bilingual, CodeParams, FeeQuoteSchema, Level, OnlineLevel, PublicListItemSchema, PublicProcedureSchema, publicListItem, publicProcedure } from './routes-schemas.js';
import { findPublished, procedureNotFound, searchProcedures } from './store.js';

/** Public fields, search, detail and fee quote. */
export async function catalogPublicRoutes(fastify: FastifyInstance): Promise<void> {
  const limitPerMinute = fastify.services.config.publicRateLimit;
  if (limitPerMinute > 0) await fastify.register(rateLimit, { global: true, max: limitPerMinute, timeWindow: '1 minute' });
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['catalog', 'public'];

  app.get(
    '/public/procedure-fields',
    {
      schema: {
        tags,
        summary: 'The fields (lĩnh vực) procedures are grouped in, in catalogue order; their codes are what `field` and the statistics\' `fieldCode` take',
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ code: Type.String(), name: Bilingual })) }), ...problemResponses(429) },
      },
    },
    async () => ({ items: procedureFields.map((f) => ({ code: f.code, name: { vi: f.name.vi, en: f.name.en } })) }),
  );

  app.get(
    '/public/procedures',
    {
      schema: {
        tags,
        summary: 'Search the published catalogue; words match the start of words in the code or name, ignoring case and diacritics',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200, description: 'e.g. "cap phep xay dung" finds "Cấp giấy phép xây dựng…"' })),
          field: Type.Optional(Type.String({ maxLength: 50, description: 'Field code (lĩnh vực), e.g. construction' })),
          level: Type.Optional(Level),
          onlineLevel: Type.Optional(OnlineLevel),
          ...PageQuery,
        }),
        response: { 200: pageSchema(PublicListItemSchema), ...problemResponses(400, 429) },
      },
    },
    async (request) => {
      const qs = request.query;
      const limit = qs.limit ?? 50;
      const rows = await searchProcedures(app.services.db, {
        q: qs.q,
        fieldCode: qs.field || undefined,
        level: qs.level,
        onlineLevel: qs.onlineLevel,
        status: 'published',
        after: decodeCursor(qs.cursor, 2),
        limit,
      });
      return toPage(rows, limit, (r) => [r.nameSearch, r.id], publicListItem);
    },
  );

  app.get(
    '/public/procedures/:code',
    {
      schema: {
        tags,
        summary: 'A published procedure: documents, fees, deadline, level, legal basis and e-form',
        params: CodeParams,
        response: { 200: PublicProcedureSchema, ...problemResponses(400, 404, 429) },
      },
    },
    async (request) => {
      const stored = await findPublished(app.services.db, request.params.code);
      if (!stored) throw procedureNotFound(request.params.code);
      return publicProcedure(stored);
    },
  );

  app.post(
    '/public/procedures/:code/fee',
    {
      schema: {
        tags,
        summary: 'Quote the fees and charges for e-form data (integer VND)',
        params: CodeParams,
        body: Type.Object({
          formData: Type.Object({}, { additionalProperties: true, description: 'The e-form data as the applicant would submit it' }),
          channel: Type.Optional(Type.Union([Type.Literal('online'), Type.Literal('counter'), Type.Literal('post')])),
        }),
        response: { 200: FeeQuoteSchema, ...problemResponses(400, 404, 422, 429) },
      },
    },
    async (request) => {
      const stored = await findPublished(app.services.db, request.params.code);
      if (!stored) throw procedureNotFound(request.params.code);
      const { formData, channel } = request.body;
      const result = computeFee(stored.procedure, formData, channel ? { channel } : {});
      if (!result.ok) {
        const e = result.error;
        throw new AppError('UNPROCESSABLE', {
          detail: e.message,
          errors: [{ field: `/body/formData/${e.field.split('.').join('/')}`, reason: e.code, message: e.message }],
        });
      }
      return { code: stored.procedure.code, version: stored.procedure.version, total: result.total, currency: 'VND' as const, lines: result.lines };
    },
  );
}
