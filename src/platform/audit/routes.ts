import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { authorize } from '../auth/plugin.js';
import { decodeCursor, encodeCursor, PageQuery } from '../db/paging.js';
import { problemResponses } from '../http/problem.js';
import { verifyAuditChain } from './audit.js';

const AuditRowSchema = Type.Object({
  chainIndex: Type.Integer(),
  at: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorLabel: Type.String(),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Type.String(),
  summary: Type.Unknown(),
  requestId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  hash: Type.String(),
});

/** The audit log viewer and chain verification for system administrators. */
export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['audit'];
  app.get(
    '/audit',
    {
      schema: {
        tags,
        summary: 'The audit log, newest first, filterable by target, actor and action prefix (system administrators)',
        querystring: Type.Object({
          targetType: Type.Optional(Type.String({ maxLength: 40 })),
          targetId: Type.Optional(Type.String({ maxLength: 80 })),
          actor: Type.Optional(Type.String({ maxLength: 100 })),
          action: Type.Optional(Type.String({ maxLength: 80, description: 'prefix, e.g. dossier. or registry.official' })),
          ...PageQuery,
        }),
        response: { 200: Type.Object({ items: Type.Array(AuditRowSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      authorize(request, 'audit.read', { global: true });
      const q = request.query as { targetType?: string; targetId?: string; actor?: string; action?: string; cursor?: string; limit?: number };
      const limit = q.limit ?? 50;
      let query = app.services.db.selectFrom('audit_log').selectAll();
      if (q.targetType) query = query.where('target_type', '=', q.targetType);
      if (q.targetId) query = query.where('target_id', '=', q.targetId);
      if (q.actor) query = query.where('actor_label', '=', q.actor);
      if (q.action) query = query.where('action', 'like', `${q.action.replace(/[%_\\]/g, '')}%`);
      const after = decodeCursor(q.cursor, 1);
      if (after) query = query.where('chain_index', '<', Number(after[0]));
      const rows = await query.orderBy('chain_index', 'desc').limit(limit + 1).execute();
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map((r) => ({
          chainIndex: Number(r.chain_index),
          at: r.at,
          actorId: r.actor_id,
          actorLabel: r.actor_label,
          action: r.action,
          targetType: r.target_type,
          targetId: r.target_id,
          summary: JSON.parse(r.summary) as unknown,
          requestId: r.request_id,
          ip: r.ip,
          hash: r.hash,
        })),
        nextCursor: rows.length > limit && last ? encodeCursor([Number(last.chain_index)]) : null,
      };
    },
  );

  app.post(
    '/audit/verify',
    {
      schema: {
        tags,
        summary: 'Recompute the hash chain and report the first broken row (system administrators)',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            rows: Type.Integer(),
            headHash: Type.Optional(Type.String()),
            brokenAt: Type.Optional(Type.Integer()),
            rowId: Type.Optional(Type.String()),
            reason: Type.Optional(Type.String()),
          }),
          ...problemResponses(401, 403),
        },
      },
    },
    async (request) => {
      authorize(request, 'audit.read', { global: true });
      return verifyAuditChain(app.services.db);
    },
  );
}
