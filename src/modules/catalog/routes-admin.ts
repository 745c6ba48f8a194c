/**
 * The catalogue's admin API under `/api/v1/catalog`: city-wide records kept by holders of
 * `catalog.write` (resource `{ global: true }`). Every change writes its audit row in the
 * same transaction.
 */
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditRequest, authorize } from '../../platform/auth/plugin.js';
import { decodeCursor, PageQuery, pageSchema, toPage } from '../../platform/db/paging.js';
import { problemResponses } from '../../platform/http/problem.js';
import { CodeParams, Level, OnlineLevel, ProcedureJson, SaveSchema, StoredSchema, VersionParams, storedView } from './routes-schemas.js';
import {
  createProcedure,
  findVersion,
  listVersions,
  procedureFromInput,
  procedureNotFound,
  publishProcedure,
  retireProcedure,
  saveProcedure,
  searchProcedures,
  type SaveOutcome,
} from './store.js';

/** On request, before the body is parsed: 401 for anonymous callers, 403 without the role. */
export async function requireCatalogWrite(request: FastifyRequest): Promise<void> {
  authorize(request, 'catalog.write', { global: true });
}

function saved(r: SaveOutcome) {
  return { outcome: r.outcome, procedure: storedView(r.stored), changes: r.changes };
}

/** Admin routes: list, read, create, edit, publish and retire procedures. */
export async function catalogAdminRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['catalog'];
  const onRequest = requireCatalogWrite;
  const stampOf = (request: FastifyRequest) => ({ actorId: request.actor?.accountId ?? null, at: app.services.clock.now(), newId: app.services.newId });

  app.get(
    '/catalog/procedures',
    {
      onRequest,
      schema: {
        tags,
        summary: 'The latest version of every procedure, drafts included (admin list)',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200 })),
          status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('retired')])),
          field: Type.Optional(Type.String({ maxLength: 50 })),
          level: Type.Optional(Level),
          onlineLevel: Type.Optional(OnlineLevel),
          ...PageQuery,
        }),
        response: { 200: pageSchema(StoredSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const qs = request.query;
      const limit = qs.limit ?? 50;
      const rows = await searchProcedures(app.services.db, {
        q: qs.q,
        status: qs.status,
        fieldCode: qs.field,
        level: qs.level,
        onlineLevel: qs.onlineLevel,
        latestOnly: true,
        after: decodeCursor(qs.cursor, 2),
        limit,
      });
      return toPage(rows, limit, (r) => [r.nameSearch, r.id], storedView);
    },
  );

  app.post(
    '/catalog/procedures',
    { onRequest, schema: { tags, summary: 'Add a procedure to the catalogue (saved as draft version 1)', body: ProcedureJson, response: { 201: SaveSchema, ...problemResponses(400, 401, 403, 409) } } },
    async (request, reply) => {
      const input = procedureFromInput(request.body);
      const r = await app.services.db.transaction().execute(async (trx) => {
        const out = await createProcedure(trx, input, stampOf(request));
        await auditRequest(trx, request, { action: 'catalog.procedure.create', target: { type: 'procedure', id: `${out.stored.procedure.code}@1` }, summary: { after: { status: 'draft' } } });
        return out;
      });
      return reply.code(201).send(saved(r));
    },
  );

  app.get(
    '/catalog/procedures/:code',
    { onRequest, schema: { tags, summary: 'Every version of a procedure, oldest first', params: CodeParams, response: { 200: Type.Object({ code: Type.String(), versions: Type.Array(StoredSchema) }), ...problemResponses(400, 401, 403, 404) } } },
    async (request) => {
      const versions = await listVersions(app.services.db, request.params.code);
      if (versions.length === 0) throw procedureNotFound(request.params.code);
      return { code: request.params.code, versions: versions.map(storedView) };
    },
  );

  app.put(
    '/catalog/procedures/:code',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Save an edit ("version" = the latest version it was loaded from): a draft changes in place; a published version stays and the edit becomes the next version, as a draft',
        params: CodeParams,
        body: ProcedureJson,
        response: { 200: SaveSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const input = procedureFromInput(request.body);
      const r = await app.services.db.transaction().execute(async (trx) => {
        const out = await saveProcedure(trx, request.params.code, input, stampOf(request));
        if (out.outcome !== 'unchanged') {
          await auditRequest(trx, request, {
            action: 'catalog.procedure.save',
            target: { type: 'procedure', id: `${out.stored.procedure.code}@${out.stored.procedure.version}` },
            summary: { outcome: out.outcome, changed: out.changes.map((c) => c.path) },
          });
        }
        return out;
      });
      return saved(r);
    },
  );

  app.get(
    '/catalog/procedures/:code/versions/:version',
    { onRequest, schema: { tags, summary: 'One version of a procedure, whatever its status', params: VersionParams, response: { 200: StoredSchema, ...problemResponses(400, 401, 403, 404) } } },
    async (request) => {
      const stored = await findVersion(app.services.db, request.params.code, request.params.version);
      if (!stored) throw procedureNotFound(request.params.code, request.params.version);
      return storedView(stored);
    },
  );

  app.post(
    '/catalog/procedures/:code/versions/:version/publish',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Publish a draft; the version published before is retired (dossiers filed under it keep it)',
        params: VersionParams,
        response: { 200: Type.Object({ procedure: StoredSchema, retiredVersion: Type.Union([Type.Integer(), Type.Null()]) }), ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { code, version } = request.params;
      const r = await app.services.db.transaction().execute(async (trx) => {
        const out = await publishProcedure(trx, code, version, stampOf(request));
        await auditRequest(trx, request, { action: 'catalog.procedure.publish', target: { type: 'procedure', id: `${code}@${version}` }, summary: { retiredVersion: out.retiredVersion } });
        return out;
      });
      return { procedure: storedView(r.published), retiredVersion: r.retiredVersion };
    },
  );

  app.post(
    '/catalog/procedures/:code/versions/:version/retire',
    {
      onRequest,
      schema: { tags, summary: 'Retire (abolish) a published procedure; it stays readable for the dossiers filed under it', params: VersionParams, response: { 200: StoredSchema, ...problemResponses(400, 401, 403, 404, 409) } },
    },
    async (request) => {
      const { code, version } = request.params;
      const r = await app.services.db.transaction().execute(async (trx) => {
        const out = await retireProcedure(trx, code, version, stampOf(request));
        await auditRequest(trx, request, { action: 'catalog.procedure.retire', target: { type: 'procedure', id: `${code}@${version}` }, summary: { before: { status: 'published' }, after: { status: 'retired' } } });
        return out;
      });
      return storedView(r);
    },
  );
}
