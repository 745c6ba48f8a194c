import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { auditContext, authorize, requireActor } from '../../platform/auth/plugin.js';
import { asPlatformDb } from '../../platform/db/database.js';
import { PageQuery, pageSchema, toPage } from '../../platform/db/paging.js';
import { AppError } from '../../platform/errors.js';
import { problemResponses } from '../../platform/http/problem.js';
import { getProcedure, validateFormData } from '../catalog/index.js';
import { availableActions, type WorkflowState } from '../workflow/index.js';
import { visibleDossier } from './access.js';
import { createDossier, type CreateDossierInput } from './create-dossier.js';
import { engineActor, loadWorld, pinnedDefinition } from './engine-context.js';
import { performAction, type ActionInput } from './perform-action.js';
import { DossierSchema, presentDossier } from './present.js';
import { applicantDossiers, officialQueue, queueCounts, type QueueQuery } from './queue.js';
import { ActionSchema, AvailableActionSchema, CreateDossierSchema, EventSchema } from './schema.js';
import { claimDossier, issueApology, rateDossier, submitDraft } from './side-actions.js';
import { dossierDb } from './tables.js';
import { editDraft, type DraftChanges } from './edit-draft.js';
import { applicantsOfAccount } from '../registry/index.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });
const RequestSchema = Type.Object({
  kind: Type.String(),
  at: Type.String(),
  byName: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
  closedAt: Type.Union([Type.String(), Type.Null()]),
});
const Versioned = Type.Object({ version: Type.Integer({ minimum: 1 }) });

/** The one-stop dossier lifecycle under `/api/v1/dossiers`. */
export async function dossierRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['dossiers'];
  const db = () => dossierDb(app.services.db);

  app.post(
    '/dossiers',
    {
      schema: {
        tags,
        summary: 'Submit a dossier online (citizen) or file one at the counter (reception officer); drafts with draft=true. Idempotency-Key makes retries safe.',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) }),
        body: CreateDossierSchema,
        response: { 201: DossierSchema, 200: DossierSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (actor.kind === 'service') throw new AppError('FORBIDDEN');
      const key = request.headers['idempotency-key'];
      const result = await createDossier(app.services, actor, request.body as CreateDossierInput, auditContext(request), typeof key === 'string' ? key : undefined);
      return reply.code(result.created ? 201 : 200).send(result.dossier);
    },
  );

  app.get(
    '/dossiers',
    {
      schema: {
        tags,
        summary: 'Officials: my tasks / my unit\'s queue / all in scope, sorted by step due time. Applicants: their own dossiers.',
        querystring: Type.Object({
          view: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('unit'), Type.Literal('all')])),
          status: Type.Optional(Type.String({ maxLength: 30 })),
          procedureCode: Type.Optional(Type.String({ maxLength: 40 })),
          due: Type.Optional(Type.Union([Type.Literal('overdue'), Type.Literal('today'), Type.Literal('soon')])),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          ...PageQuery,
        }),
        response: { 200: pageSchema(DossierSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(request, 'dossier.read', { global: true, ownerAccountIds: [actor.accountId] });
      const q = request.query as Omit<QueueQuery, 'limit' | 'view'> & { view?: QueueQuery['view']; limit?: number };
      const limit = q.limit ?? 50;
      const now = app.services.clock.now();
      const world = await loadWorld(db());
      if (actor.kind !== 'official') {
        const rows = await applicantDossiers(db(), actor.accountId, { ...(q.status ? { status: q.status } : {}), ...(q.cursor ? { cursor: q.cursor } : {}), limit });
        return toPage(rows, limit, (r) => [r.created_at, r.id], (r) => presentDossier(r, world.agencies, now));
      }
      const who = await engineActor(db(), actor);
      const rows = await officialQueue(db(), actor, [...who.roles], who.agencyId, { ...q, view: q.view ?? 'mine', limit }, now);
      return toPage(rows, limit, (r) => [r.sort_due, r.id], (r) => presentDossier(r, world.agencies, now));
    },
  );

  app.get(
    '/dossiers/counts',
    {
      schema: {
        tags,
        summary: 'Queue counts in the official\'s scope: overdue, due today, due soon, open',
        response: { 200: Type.Object({ overdue: Type.Integer(), dueToday: Type.Integer(), dueSoon: Type.Integer(), open: Type.Integer() }), ...problemResponses(401, 403) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (actor.kind !== 'official') throw new AppError('FORBIDDEN');
      authorize(request, 'dossier.read', { global: true });
      return queueCounts(db(), actor, app.services.clock.now());
    },
  );

  app.get(
    '/dossiers/:id',
    {
      schema: {
        tags,
        summary: 'A dossier with the actions the caller may take now',
        params: IdParams,
        response: {
          200: Type.Object({
            dossier: DossierSchema,
            actions: Type.Array(AvailableActionSchema),
            requests: Type.Array(RequestSchema, { description: 'Supplement and payment requests, refusal/stop reasons, apologies, withdrawal, return details' }),
            rating: Type.Union([Type.Object({ score: Type.Integer(), comment: Type.Union([Type.String(), Type.Null()]), ratedAt: Type.String() }), Type.Null()]),
          }),
          ...problemResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      const row = await visibleDossier(request, db(), (request.params as { id: string }).id);
      const world = await loadWorld(db());
      const dossier = presentDossier(row, world.agencies, app.services.clock.now());
      const requestRows = await db().selectFrom('dossier_requests').selectAll().where('dossier_id', '=', row.id).orderBy('at').execute();
      const requests = requestRows.map((r) => ({ kind: r.kind, at: r.at, byName: r.by_name, details: JSON.parse(r.details) as Record<string, unknown>, closedAt: r.closed_at }));
      const ratingRow = await db().selectFrom('dossier_ratings').selectAll().where('dossier_id', '=', row.id).executeTakeFirst();
      const rating = ratingRow ? { score: ratingRow.score, comment: ratingRow.comment, ratedAt: ratingRow.rated_at } : null;
      if (!row.workflow_state) return { dossier, actions: [], requests, rating };
      const def = await pinnedDefinition(db(), row.workflow_key, row.workflow_version);
      const who = await engineActor(db(), requireActor(request));
      const actions = availableActions(def, JSON.parse(row.workflow_state) as WorkflowState, who, { formData: JSON.parse(row.form_data) as Record<string, unknown> });
      return { dossier, actions: actions.map((a) => ({ id: a.id, type: a.type, label: a.label, needsTargetAgency: a.needsTargetAgency })), requests, rating };
    },
  );

  app.get(
    '/dossiers/:id/history',
    {
      schema: { tags, summary: 'The control sheet (form 06 data): every hand-over, who, when, the step\'s due time, on time or late', params: IdParams, response: { 200: Type.Object({ items: Type.Array(EventSchema) }), ...problemResponses(401, 403, 404) } },
    },
    async (request) => {
      const row = await visibleDossier(request, db(), (request.params as { id: string }).id);
      const events = await db().selectFrom('dossier_events').selectAll().where('dossier_id', '=', row.id).orderBy('seq').execute();
      return {
        items: events.map((e) => ({
          seq: e.seq,
          at: e.at,
          action: e.action,
          label: { vi: e.label_vi, en: e.label_en },
          actorName: e.actor_name,
          fromStep: e.from_step,
          toStep: e.to_step,
          fromAgency: e.from_agency,
          toAgency: e.to_agency,
          stepDueAt: e.step_due_at,
          previousStepDueAt: e.previous_step_due_at,
          onTime: e.on_time === null ? null : e.on_time === 1,
          statusAfter: e.status_after,
          note: e.note,
        })),
      };
    },
  );

  app.post(
    '/dossiers/:id/actions',
    {
      schema: {
        tags,
        summary: 'Apply a workflow action (receive, request supplement, refuse, forward, send back, transfer, approve, issue result, return result, withdraw, stop, supplement/payment received)',
        params: IdParams,
        body: ActionSchema,
        response: { 200: DossierSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await visibleDossier(request, db(), (request.params as { id: string }).id);
      return performAction(app.services, actor, (request.params as { id: string }).id, request.body as ActionInput, auditContext(request));
    },
  );

  app.post(
    '/dossiers/:id/claim',
    { schema: { tags, summary: 'Take an unassigned task of one\'s agency and role', params: IdParams, body: Versioned, response: { 200: DossierSchema, ...problemResponses(401, 403, 404, 409) } } },
    async (request) => {
      const actor = requireActor(request);
      const { id } = request.params as { id: string };
      await visibleDossier(request, db(), id);
      return claimDossier(app.services, actor, id, (request.body as { version: number }).version, auditContext(request));
    },
  );

  app.post(
    '/dossiers/:id/apology',
    {
      schema: {
        tags,
        summary: 'Apology letter with a new appointment (form 04), before the due time passes',
        params: IdParams,
        body: Type.Object({ version: Type.Integer({ minimum: 1 }), newDueAt: Type.String({ format: 'date-time' }), reason: Type.String({ minLength: 5, maxLength: 2000 }) }),
        response: { 200: DossierSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id } = request.params as { id: string };
      await visibleDossier(request, db(), id);
      return issueApology(app.services, actor, id, request.body as { version: number; newDueAt: string; reason: string }, auditContext(request));
    },
  );

  app.patch(
    '/dossiers/:id',
    {
      schema: {
        tags,
        summary: 'Edit one\'s own draft (e-form data, delivery) before submitting it',
        params: IdParams,
        body: Type.Object({ version: Type.Integer({ minimum: 1 }), formData: Type.Optional(Type.Record(Type.String(), Type.Unknown())), delivery: Type.Optional(CreateDossierSchema.properties.delivery) }),
        response: { 200: DossierSchema, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id } = request.params as { id: string };
      await visibleDossier(request, db(), id);
      return editDraft(app.services, actor, id, request.body as DraftChanges, auditContext(request));
    },
  );

  app.get(
    '/dossiers/applicants',
    {
      schema: {
        tags,
        summary: 'Whom the logged-in citizen may file for: themselves and the people and organizations they represent',
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ kind: Type.String(), id: Type.String(), name: Type.String(), number: Type.String() })) }), ...problemResponses(401) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { items: await applicantsOfAccount(asPlatformDb(db()), actor.accountId) };
    },
  );

  app.post(
    '/dossiers/:id/submit',
    { schema: { tags, summary: 'Submit a saved draft', params: IdParams, body: Versioned, response: { 200: DossierSchema, ...problemResponses(400, 401, 403, 404, 409) } } },
    async (request) => {
      const actor = requireActor(request);
      const { id } = request.params as { id: string };
      await visibleDossier(request, db(), id);
      return submitDraft(app.services, actor, id, (request.body as { version: number }).version, auditContext(request), async (row) => {
        const procedure = await getProcedure(asPlatformDb(db()), row.procedure_code, row.procedure_version);
        if (!procedure) throw new AppError('INTERNAL');
        const form = validateFormData(procedure.eForm, JSON.parse(row.form_data));
        if (!form.ok) throw new AppError('VALIDATION_FAILED', { detail: { vi: 'Biểu mẫu chưa đầy đủ.', en: 'The form is incomplete.' }, errors: form.errors.map((e) => ({ ...e, field: `/formData${e.field}` })) });
      });
    },
  );

  app.post(
    '/dossiers/:id/rating',
    {
      schema: {
        tags,
        summary: 'Rate the service once the result is returned (5 very satisfied … 1 very dissatisfied)',
        params: IdParams,
        body: Type.Object({ score: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ maxLength: 2000 })) }),
        response: { 204: Type.Null(), ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { id } = request.params as { id: string };
      await visibleDossier(request, db(), id);
      await rateDossier(app.services, actor, id, request.body as { score: number; comment?: string }, auditContext(request));
      return reply.code(204).send();
    },
  );
}
