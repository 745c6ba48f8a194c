import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { auditRequest, requireActor } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors.js';
import { problemResponses } from '../../platform/http/problem.js';
import { decodeCursor, PageQuery, pageSchema, toPage } from '../../platform/db/paging.js';
import { preferencesOf, savePreferences } from './preferences.js';
import { notificationDb } from './tables.js';

const tags = ['notifications'];
const BilingualSchema = Type.Object({ vi: Type.String(), en: Type.String() });
const NotificationSchema = Type.Object({
  id: Type.String(),
  event: Type.String(),
  title: BilingualSchema,
  body: BilingualSchema,
  dossierId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  readAt: Type.Union([Type.String(), Type.Null()]),
});
const PreferencesSchema = Type.Object(
  { email: Type.Boolean(), sms: Type.Boolean(), inApp: Type.Boolean() },
  { description: 'Channels the account wants notices on (default: e-mail and in-app on, SMS off)' },
);

/**
 * The signed-in person's own notifications (the bell): list, unread count, mark read, and
 * channel preferences. Everyone signed in has an inbox, so there is no 403 here; another
 * person's notification is 404.
 */
export async function inboxRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications, newest first',
        querystring: Type.Object({ ...PageQuery, unread: Type.Optional(Type.Boolean({ description: 'Only those not yet read' })) }),
        response: { 200: pageSchema(NotificationSchema), ...problemResponses(400, 401) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query as { cursor?: string; limit?: number; unread?: boolean };
      const limit = q.limit ?? 50;
      const after = decodeCursor(q.cursor, 1);
      let query = notificationDb(app.services.db).selectFrom('notifications').selectAll().where('account_id', '=', actor.accountId);
      if (q.unread) query = query.where('read_at', 'is', null);
      if (after) query = query.where('id', '<', String(after[0]));
      const rows = await query.orderBy('id', 'desc').limit(limit + 1).execute();
      return toPage(rows, limit, (r) => [r.id], (r) => ({
        id: r.id,
        event: r.event,
        title: { vi: r.title_vi, en: r.title_en },
        body: { vi: r.body_vi, en: r.body_en },
        dossierId: r.dossier_id,
        createdAt: r.created_at,
        readAt: r.read_at,
      }));
    },
  );

  app.get(
    '/notifications/unread-count',
    { schema: { tags, summary: 'How many of my notifications are unread', response: { 200: Type.Object({ unread: Type.Integer() }), ...problemResponses(401) } } },
    async (request) => {
      const actor = requireActor(request);
      const row = await notificationDb(app.services.db)
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('account_id', '=', actor.accountId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return { unread: Number(row.n) };
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
        response: { 204: Type.Null(), ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { id } = request.params as { id: string };
      const now = app.services.clock.now().toISOString();
      await app.services.db.transaction().execute(async (trx) => {
        const db = notificationDb(trx);
        const row = await db.selectFrom('notifications').select(['id', 'read_at']).where('id', '=', id).where('account_id', '=', actor.accountId).executeTakeFirst();
        if (!row) throw new AppError('NOT_FOUND', { detail: { vi: 'Không có thông báo này.', en: 'No such notification.' } });
        if (row.read_at) return;
        await db.updateTable('notifications').set({ read_at: now }).where('id', '=', id).execute();
        await auditRequest(trx, request, { action: 'notification.read', target: { type: 'notification', id }, summary: {} });
      });
      return reply.code(204).send();
    },
  );

  app.post(
    '/notifications/read-all',
    { schema: { tags, summary: 'Mark all my notifications read', response: { 200: Type.Object({ marked: Type.Integer() }), ...problemResponses(401, 403) } } },
    async (request) => {
      const actor = requireActor(request);
      const now = app.services.clock.now().toISOString();
      const marked = await app.services.db.transaction().execute(async (trx) => {
        const result = await notificationDb(trx).updateTable('notifications').set({ read_at: now }).where('account_id', '=', actor.accountId).where('read_at', 'is', null).executeTakeFirst();
        const n = Number(result.numUpdatedRows);
        if (n > 0) await auditRequest(trx, request, { action: 'notification.readAll', target: { type: 'account', id: actor.accountId }, summary: { marked: n } });
        return n;
      });
      return { marked };
    },
  );

  app.get(
    '/notifications/preferences',
    { schema: { tags, summary: 'My notification channels', response: { 200: PreferencesSchema, ...problemResponses(401) } } },
    async (request) => {
      const actor = requireActor(request);
      const prefs = await preferencesOf(notificationDb(app.services.db), [actor.accountId]);
      return prefs.get(actor.accountId);
    },
  );

  app.put(
    '/notifications/preferences',
    { schema: { tags, summary: 'Choose my notification channels', body: PreferencesSchema, response: { 200: PreferencesSchema, ...problemResponses(400, 401, 403) } } },
    async (request) => {
      const actor = requireActor(request);
      const body = request.body as { email: boolean; sms: boolean; inApp: boolean };
      const now = app.services.clock.now();
      await app.services.db.transaction().execute(async (trx) => {
        await savePreferences(notificationDb(trx), actor.accountId, body, now);
        await auditRequest(trx, request, { action: 'notification.preferences', target: { type: 'account', id: actor.accountId }, summary: { ...body } });
      });
      return { email: body.email, sms: body.sms, inApp: body.inApp };
    },
  );
}
