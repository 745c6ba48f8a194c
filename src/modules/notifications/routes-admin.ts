import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth/authorize.js';
import { auditRequest, authorize, authorizeList } from '../../platform/auth/plugin.js';
import { scopeCondition } from '../../platform/auth/scope-sql.js';
import { decodeCursor, PageQuery, pageSchema, toPage } from '../../platform/db/paging.js';
import { AppError } from '../../platform/errors.js';
import { problemResponses } from '../../platform/http/problem.js';
import { agencyScope } from '../registry/index.js';
import { listDeadLetters, retryDeadLetter } from './dead-letters.js';
import { notificationDb, type NotificationTables } from './tables.js';
import { newWebhookSecret, presentSubscription } from './webhooks.js';

const tags = ['notifications'];
const SubscriptionSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  url: Type.String(),
  events: Type.Array(Type.String()),
  agencyCode: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
const AttemptSchema = Type.Object({
  attempt: Type.Integer(),
  at: Type.String(),
  ok: Type.Boolean(),
  statusCode: Type.Union([Type.Integer(), Type.Null()]),
  detail: Type.Union([Type.String(), Type.Null()]),
  durationMs: Type.Integer(),
});
const DeliverySchema = Type.Object({
  id: Type.String(),
  deliveryKey: Type.String({ description: 'Sent as X-Egov-Delivery; the same on every retry' }),
  event: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  sentAt: Type.Union([Type.String(), Type.Null()]),
  log: Type.Array(AttemptSchema),
});
const DeadLetterSchema = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('outbox'), Type.Literal('delivery')]),
  event: Type.String(),
  channel: Type.String(),
  address: Type.String({ description: 'Masked for e-mail and phone' }),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });

const notFound = () => new AppError('NOT_FOUND', { detail: { vi: 'Không có đăng ký webhook này.', en: 'No such webhook subscription.' } });

function isSystemAdmin(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'systemAdmin' && g.scopeKind === 'system');
}

/** A subscription the actor may manage: 401/403 as usual, 404 when unknown or outside scope. */
async function manageable(app: FastifyInstance, request: FastifyRequest, id: string): Promise<NotificationTables['webhook_subscriptions']> {
  const row = await notificationDb(app.services.db).selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  // A system-wide subscription sits at no agency: only system scopes cover it.
  authorize(request, 'notify.webhook.manage', { agencyPath: row?.agency_path ?? null });
  if (!row) throw notFound();
  return row;
}

/**
 * Webhook subscriptions with their delivery log (agency admins for their agencies, system
 * admins for all and for system-wide ones), and the dead letters of all deliveries
 * (system admins).
 */
export async function adminRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/webhooks',
    { schema: { tags, summary: 'Webhook subscriptions in my scope', response: { 200: Type.Object({ items: Type.Array(SubscriptionSchema) }), ...problemResponses(401, 403) } } },
    async (request) => {
      const { scope } = authorizeList(request, 'notify.webhook.manage');
      const rows = await notificationDb(app.services.db)
        .selectFrom('webhook_subscriptions')
        .selectAll()
        .where((eb) => scopeCondition(eb, scope, { agencyPath: 'agency_path' }))
        .orderBy('id')
        .execute();
      return { items: rows.map(presentSubscription) };
    },
  );

  app.post(
    '/webhooks',
    {
      schema: {
        tags,
        summary: 'Subscribe a partner system to events (the signing secret is shown only in this reply)',
        description:
          'Each delivery is a POST of JSON {id, event, occurredAt, data} with headers X-Egov-Event, X-Egov-Delivery (same on retries; drop repeats), X-Egov-Timestamp (Unix seconds) and X-Egov-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body)).',
        body: Type.Object({
          name: Type.String({ minLength: 1, maxLength: 200 }),
          url: Type.String({ pattern: '^https?://[^\\s/]+', maxLength: 2000 }),
          events: Type.Array(Type.String({ pattern: '^(\\*|[a-z]+\\.(\\*|[A-Za-z]+))$' }), { minItems: 1, maxItems: 50 }),
          agencyCode: Type.Optional(Type.String({ maxLength: 40, description: 'Only dossiers held by this agency (and those below it); omit for system-wide (system admins)' })),
        }),
        response: { 201: Type.Object({ subscription: SubscriptionSchema, secret: Type.String() }), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const body = request.body as { name: string; url: string; events: string[]; agencyCode?: string };
      let agencyPath: string | null = null;
      if (body.agencyCode) {
        const scope = await agencyScope(app.services.db, body.agencyCode);
        authorize(request, 'notify.webhook.manage', scope ? { agencyPath: scope.agencyPath, unitPath: scope.unitPath } : {});
        if (!scope) throw new AppError('NOT_FOUND', { detail: { vi: `Không có cơ quan mã ${body.agencyCode}.`, en: `There is no agency ${body.agencyCode}.` } });
        agencyPath = scope.agencyPath;
      } else {
        const actor = authorize(request, 'notify.webhook.manage', { global: true });
        if (!isSystemAdmin(actor)) {
          throw new AppError('FORBIDDEN', { detail: { vi: 'Chỉ quản trị hệ thống được đăng ký webhook toàn hệ thống; hãy chọn cơ quan.', en: 'Only system administrators may subscribe system-wide; name an agency.' } });
        }
      }
      const { clock, newId } = app.services;
      const now = clock.now().toISOString();
      const secret = newWebhookSecret();
      const row = {
        id: newId(),
        name: body.name,
        url: body.url,
        secret,
        events: JSON.stringify([...new Set(body.events)]),
        agency_code: body.agencyCode ?? null,
        agency_path: agencyPath,
        active: 1,
        created_by: request.actor?.accountId ?? '',
        created_at: now,
        updated_at: now,
      };
      await app.services.db.transaction().execute(async (trx) => {
        await notificationDb(trx).insertInto('webhook_subscriptions').values(row).execute();
        await auditRequest(trx, request, { action: 'webhook.create', target: { type: 'webhookSubscription', id: row.id }, summary: { after: { url: row.url, events: row.events, agencyCode: row.agency_code } } });
      });
      return reply.code(201).send({ subscription: presentSubscription(row), secret });
    },
  );

  app.get(
    '/webhooks/:id',
    { schema: { tags, summary: 'One webhook subscription', params: IdParams, response: { 200: SubscriptionSchema, ...problemResponses(401, 403, 404) } } },
    async (request) => presentSubscription(await manageable(app, request, (request.params as { id: string }).id)),
  );

  app.delete(
    '/webhooks/:id',
    { schema: { tags, summary: 'Stop a subscription (pending deliveries to it fail and become dead letters)', params: IdParams, response: { 204: Type.Null(), ...problemResponses(401, 403, 404) } } },
    async (request, reply) => {
      const row = await manageable(app, request, (request.params as { id: string }).id);
      const now = app.services.clock.now().toISOString();
      await app.services.db.transaction().execute(async (trx) => {
        await notificationDb(trx).updateTable('webhook_subscriptions').set({ active: 0, updated_at: now }).where('id', '=', row.id).execute();
        await auditRequest(trx, request, { action: 'webhook.deactivate', target: { type: 'webhookSubscription', id: row.id }, summary: { before: { active: row.active === 1 }, after: { active: false } } });
      });
      return reply.code(204).send();
    },
  );

  app.get(
    '/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'Delivery log of a subscription, newest first, with every attempt',
        params: IdParams,
        querystring: Type.Object(PageQuery),
        response: { 200: pageSchema(DeliverySchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const row = await manageable(app, request, (request.params as { id: string }).id);
      const q = request.query as { cursor?: string; limit?: number };
      const limit = q.limit ?? 50;
      const after = decodeCursor(q.cursor, 1);
      const db = notificationDb(app.services.db);
      let query = db.selectFrom('deliveries').selectAll().where('channel', '=', 'webhook').where('recipient_id', '=', row.id);
      if (after) query = query.where('id', '<', String(after[0]));
      const rows = await query.orderBy('id', 'desc').limit(limit + 1).execute();
      const ids = rows.map((r) => r.id);
      const attempts = ids.length ? await db.selectFrom('delivery_attempts').selectAll().where('delivery_id', 'in', ids).orderBy('attempt').execute() : [];
      return toPage(rows, limit, (r) => [r.id], (r) => ({
        id: r.id,
        deliveryKey: r.dedup_key,
        event: r.event,
        status: r.status,
        attempts: r.attempts,
        lastError: r.last_error,
        createdAt: r.created_at,
        sentAt: r.sent_at,
        log: attempts
          .filter((a) => a.delivery_id === r.id)
          .map((a) => ({ attempt: a.attempt, at: a.at, ok: a.ok === 1, statusCode: a.status_code, detail: a.detail, durationMs: a.duration_ms })),
      }));
    },
  );

  app.get(
    '/outbox/dead-letters',
    { schema: { tags, summary: 'Messages that ran out of attempts (dead letters)', response: { 200: Type.Object({ items: Type.Array(DeadLetterSchema) }), ...problemResponses(401, 403) } } },
    async (request) => {
      authorize(request, 'notify.deadLetter.manage', {});
      return { items: await listDeadLetters(app.services.db) };
    },
  );

  app.post(
    '/outbox/dead-letters/:id/retry',
    {
      schema: {
        tags,
        summary: 'Queue a dead letter again, due now, with a fresh count of attempts',
        params: IdParams,
        response: { 200: Type.Object({ id: Type.String(), kind: Type.String(), event: Type.String() }), ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => {
      authorize(request, 'notify.deadLetter.manage', {});
      const { id } = request.params as { id: string };
      const now = app.services.clock.now();
      const retried = await app.services.db.transaction().execute(async (trx) => {
        const r = await retryDeadLetter(trx, id, now);
        if (r) await auditRequest(trx, request, { action: 'outbox.deadLetter.retry', target: { type: r.kind, id }, summary: { event: r.event } });
        return r;
      });
      if (!retried) throw new AppError('NOT_FOUND', { detail: { vi: 'Không có thư chết (dead letter) mã này.', en: 'No dead letter has this id.' } });
      return { id, ...retried };
    },
  );
}
