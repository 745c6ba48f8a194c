import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ping } from '../db/database.js';
import { pendingMigrations, type NamedMigration } from '../db/migrator.js';
import { buildProblem, problemResponses, sendProblem } from './problem.js';

/** `/healthz` says the process is up; `/readyz` says it can serve (database reachable, schema current). */
export function registerHealthRoutes(app: FastifyInstance, migrations: readonly NamedMigration[]): void {
  // Once the schema has been seen current it stays current for this process (migrations are
  // never undone under a running server), so later probes only ping the database.
  let schemaCurrent = false;
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Liveness: the process is up',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Readiness: database reachable and migrations applied',
        response: { 200: Type.Object({ status: Type.Literal('ready') }), ...problemResponses(503) },
      },
    },
    async (request, reply) => {
      const { db } = app.services;
      if (!(await ping(db))) {
        return sendProblem(
          reply,
          buildProblem('SERVICE_UNAVAILABLE', request, { vi: 'Không kết nối được cơ sở dữ liệu.', en: 'The database is not reachable.' }),
        );
      }
      const pending = schemaCurrent ? [] : await pendingMigrations(db, migrations).catch(() => ['(migration table unreadable)']);
      if (pending.length === 0) schemaCurrent = true;
      if (pending.length > 0) {
        return sendProblem(
          reply,
          buildProblem('SERVICE_UNAVAILABLE', request, {
            vi: `Cơ sở dữ liệu chưa được cập nhật: còn ${pending.length} bước chuyển đổi (migration).`,
            en: `The database schema is not current: ${pending.length} migration(s) pending.`,
          }),
        );
      }
      return { status: 'ready' as const };
    },
  );
}
