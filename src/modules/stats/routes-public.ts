import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { problemResponses } from '../../platform/http/problem.js';
import { TransparencySchema } from './schema.js';
import { transparency } from './service.js';

/**
 * The public transparency page (công khai kết quả giải quyết), no login: per agency, on-time
 * rates this month and year, dossiers overdue now with apology counts, satisfaction. Counts
 * only, no personal data; rate-limited per client like the public lookup.
 */
export async function publicStatsRoutes(app: FastifyInstance): Promise<void> {
  const limit = app.services.config.publicRateLimit;
  if (limit > 0) await app.register(rateLimit, { global: false });
  app.get(
    '/public/transparency',
    {
      ...(limit > 0 ? { config: { rateLimit: { max: limit, timeWindow: '1 minute' } } } : {}),
      schema: {
        tags: ['public'],
        summary: 'Public transparency: each agency\'s on-time rate this month and year, dossiers overdue now with apologies, satisfaction (no login)',
        response: { 200: TransparencySchema, ...problemResponses(429) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return transparency(app.services.db, app.services.clock.now());
    },
  );
}
