/**
 * The admin API of process definitions under `/api/v1/workflows`: city-wide records, read
 * with `workflow.read` and changed with `workflow.write` (resource `{ global: true }`).
 * Bodies are process definitions as JSON; they are checked by `parseDefinition` (shape,
 * then `validateDefinition`), whose errors come back as a 400 problem with JSON pointers
 * into the body, and whose warnings come back in the 200/201 body.
 */
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditRequest, authorize } from '../../platform/auth/plugin.js';
import type { Permission } from '../../platform/auth/authorize.js';
import { AppError } from '../../platform/errors.js';
import { problemResponses } from '../../platform/http/problem.js';
import { toDiagram, toMermaid } from './diagram.js';
import { parseDefinition } from './schema.js';
import {
  createDefinition,
  findVersion,
  listSummaries,
  pinCounts,
  publishDefinition,
  saveDefinition,
  type DefinitionSummary,
  type StoredDefinition,
} from './store.js';

const Bilingual = Type.Object({ vi: Type.String(), en: Type.String() });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Status = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('retired')]);
const IssueSchema = Type.Object({ code: Type.String(), path: Type.String({ description: 'JSON pointer into the definition' }), message: Bilingual });
const summaryFields = {
  key: Type.String(),
  version: Type.Integer(),
  status: Status,
  name: Bilingual,
  createdAt: Type.String(),
  createdBy: Nullable(Type.String()),
  updatedAt: Type.String(),
  publishedAt: Nullable(Type.String()),
  publishedBy: Nullable(Type.String()),
};
const SummarySchema = Type.Object(summaryFields);
const DefinitionJson = Type.Object({}, { additionalProperties: true, description: 'A process definition (ProcessDefinition JSON: key, version, name, startStepId, steps, actions, legs)' });
const StoredSchema = Type.Object({ ...summaryFields, definition: DefinitionJson });
const SaveSchema = Type.Object({
  outcome: Type.Union(['created', 'editedDraft', 'newVersion', 'unchanged'].map((o) => Type.Literal(o))),
  definition: StoredSchema,
  warnings: Type.Array(IssueSchema),
});
const KeyParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 100 }) });
const VersionParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 100 }), version: Type.Integer({ minimum: 1 }) });

function guard(permission: Permission) {
  // On request, before body validation: anonymous callers get 401 and others 403 whatever they send.
  return async (request: FastifyRequest) => {
    authorize(request, permission, { global: true });
  };
}

function notFound(key: string, version?: number): AppError {
  return new AppError('NOT_FOUND', {
    detail:
      version === undefined
        ? { vi: `Không có quy trình "${key}".`, en: `There is no process "${key}".` }
        : { vi: `Không có quy trình "${key}" phiên bản ${version}.`, en: `There is no process "${key}" version ${version}.` },
  });
}

async function loadVersion(app: FastifyInstance, key: string, version: number): Promise<StoredDefinition> {
  const stored = await findVersion(app.services.db, key, version);
  if (!stored) throw notFound(key, version);
  return stored;
}

/** Routes of the workflow module. */
export async function workflowRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['workflow'];
  const read = guard('workflow.read');
  const write = guard('workflow.write');

  app.get(
    '/workflows',
    {
      onRequest: read,
      schema: {
        tags,
        summary: 'List process definitions with their versions (quy trình nội bộ)',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ key: Type.String(), name: Bilingual, latestVersion: Type.Integer(), publishedVersion: Type.Union([Type.Integer(), Type.Null()]), versions: Type.Array(SummarySchema) }),
            ),
          }),
          ...problemResponses(401, 403),
        },
      },
    },
    async () => {
      const byKey = new Map<string, DefinitionSummary[]>();
      for (const s of await listSummaries(app.services.db)) byKey.set(s.key, [...(byKey.get(s.key) ?? []), s]);
      return {
        items: [...byKey.entries()].map(([key, versions]) => {
          // Versions are listed in ascending order, so the last is the latest.
          const latest = versions[versions.length - 1] as DefinitionSummary;
          return { key, name: latest.name, latestVersion: latest.version, publishedVersion: versions.find((v) => v.status === 'published')?.version ?? null, versions };
        }),
      };
    },
  );

  app.post(
    '/workflows',
    {
      onRequest: write,
      schema: { tags, summary: 'Create a process definition (saved as draft version 1)', body: DefinitionJson, response: { 201: SaveSchema, ...problemResponses(400, 401, 403, 409) } },
    },
    async (request, reply) => {
      const { db, clock, newId } = app.services;
      const actor = request.actor;
      const saved = await db.transaction().execute(async (trx) => {
        const r = await createDefinition(trx, request.body, { actorId: actor?.accountId ?? null, at: clock.now(), newId });
        await auditRequest(trx, request, { action: 'workflow.definition.create', target: { type: 'workflowDefinition', id: `${r.stored.key}@${r.stored.version}` }, summary: { after: { status: 'draft' } } });
        return r;
      });
      return reply.code(201).send({ outcome: saved.outcome, definition: saved.stored, warnings: saved.warnings });
    },
  );

  app.post(
    '/workflows/validate',
    {
      onRequest: write,
      schema: {
        tags,
        summary: 'Check a process definition without saving it',
        body: DefinitionJson,
        response: { 200: Type.Object({ valid: Type.Boolean(), errors: Type.Array(IssueSchema), warnings: Type.Array(IssueSchema) }), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const parsed = parseDefinition(request.body);
      return parsed.ok ? { valid: true, errors: [], warnings: parsed.warnings } : { valid: false, errors: parsed.errors, warnings: parsed.warnings };
    },
  );

  app.get(
    '/workflows/:key',
    { onRequest: read, schema: { tags, summary: 'The versions of one process definition', params: KeyParams, response: { 200: Type.Object({ key: Type.String(), versions: Type.Array(SummarySchema) }), ...problemResponses(401, 403, 404) } } },
    async (request) => {
      const versions = await listSummaries(app.services.db, request.params.key);
      if (versions.length === 0) throw notFound(request.params.key);
      return { key: request.params.key, versions };
    },
  );

  app.put(
    '/workflows/:key',
    {
      onRequest: write,
      schema: {
        tags,
        summary: 'Save an edit: a draft is changed in place; an edit of a published version becomes the next version, as a draft',
        params: KeyParams,
        body: DefinitionJson,
        response: { 200: SaveSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { db, clock, newId } = app.services;
      const saved = await db.transaction().execute(async (trx) => {
        const r = await saveDefinition(trx, request.params.key, request.body, { actorId: request.actor?.accountId ?? null, at: clock.now(), newId });
        if (r.outcome !== 'unchanged') {
          await auditRequest(trx, request, { action: 'workflow.definition.save', target: { type: 'workflowDefinition', id: `${r.stored.key}@${r.stored.version}` }, summary: { outcome: r.outcome } });
        }
        return r;
      });
      return { outcome: saved.outcome, definition: saved.stored, warnings: saved.warnings };
    },
  );

  app.get(
    '/workflows/:key/versions/:version',
    { onRequest: read, schema: { tags, summary: 'One version of a process definition', params: VersionParams, response: { 200: StoredSchema, ...problemResponses(401, 403, 404) } } },
    async (request) => loadVersion(app, request.params.key, request.params.version),
  );

  app.post(
    '/workflows/:key/versions/:version/publish',
    {
      onRequest: write,
      schema: {
        tags,
        summary: 'Publish a draft; the version published before is retired (dossiers pinned to it keep it)',
        params: VersionParams,
        response: { 200: Type.Object({ definition: StoredSchema, retiredVersion: Type.Union([Type.Integer(), Type.Null()]), warnings: Type.Array(IssueSchema) }), ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { key, version } = request.params;
      const { db, clock } = app.services;
      const r = await db.transaction().execute(async (trx) => {
        const out = await publishDefinition(trx, key, version, { actorId: request.actor?.accountId ?? null, at: clock.now() });
        await auditRequest(trx, request, { action: 'workflow.definition.publish', target: { type: 'workflowDefinition', id: `${key}@${version}` }, summary: { retiredVersion: out.retired } });
        return out;
      });
      return { definition: r.published, retiredVersion: r.retired, warnings: r.warnings };
    },
  );

  app.get(
    '/workflows/:key/versions/:version/diagram',
    {
      onRequest: read,
      schema: {
        tags,
        summary: 'The definition as a diagram: Mermaid flowchart text, or nodes and edges as JSON',
        params: VersionParams,
        querystring: Type.Object({ format: Type.Optional(Type.Union([Type.Literal('mermaid'), Type.Literal('json')], { default: 'mermaid' })) }),
        response: {
          200: Type.Object({
            format: Type.Union([Type.Literal('mermaid'), Type.Literal('json')]),
            mermaid: Type.Optional(Type.String()),
            diagram: Type.Optional(Type.Object({ nodes: Type.Array(Type.Object({}, { additionalProperties: true })), edges: Type.Array(Type.Object({}, { additionalProperties: true })) })),
          }),
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const stored = await loadVersion(app, request.params.key, request.params.version);
      return request.query.format === 'json' ? { format: 'json' as const, diagram: toDiagram(stored.definition) } : { format: 'mermaid' as const, mermaid: toMermaid(stored.definition) };
    },
  );

  app.get(
    '/workflows/:key/usage',
    {
      onRequest: read,
      schema: {
        tags,
        summary: 'Which versions running dossiers are pinned to, with counts',
        params: KeyParams,
        response: {
          200: Type.Object({ key: Type.String(), total: Type.Integer(), versions: Type.Array(Type.Object({ version: Type.Integer(), status: Status, dossiers: Type.Integer() })) }),
          ...problemResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      const { key } = request.params;
      const versions = await listSummaries(app.services.db, key);
      if (versions.length === 0) throw notFound(key);
      const counts = await pinCounts(app.services.db, key);
      const rows = versions.map((v) => ({ version: v.version, status: v.status, dossiers: counts.get(v.version) ?? 0 }));
      return { key, total: rows.reduce((sum, r) => sum + r.dossiers, 0), versions: rows };
    },
  );
}
