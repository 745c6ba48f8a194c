/**
 * Statistics and public transparency (Thống kê, công khai): received, resolved early / on time
 * / late, in progress and overdue, online, payments, digitization, transfers and satisfaction
 * per scope, procedure, field and period, grouped as Decision 766/QĐ-TTg groups them. Kept as
 * daily aggregates written in the same transaction as each dossier change. The only file
 * other modules import from this module.
 */
import type { FastifyInstance } from 'fastify';
import type { AppModule } from '../../platform/context.js';
import { statsMigrations } from './migrations.js';
import { statsRoutes } from './routes.js';
import { publicStatsRoutes } from './routes-public.js';

export { recordDossierChange, type RecordedDossier } from './record.js';
export type { ChangeHints } from './fact-transition.js';
export { parsePeriod, type Period } from './period.js';
export { parseScope, resolveScope, type ResolvedScope } from './scope.js';
export { summary, trend, ranking, transparency, loadWeights, type Summary, type RankingRow, type TrendPoint } from './service.js';
export { DEFAULT_WEIGHTS, INDEX_GROUPS, type Indicators, type IndexWeights } from './indicators.js';

/** The statistics module as the composition root mounts it (after the dossier module). */
export const statsModule: AppModule = {
  name: 'stats',
  migrations: statsMigrations,
  routes: async (app: FastifyInstance) => {
    await app.register(statsRoutes);
    await app.register(publicStatsRoutes);
  },
};
export { rebuildStats, rebuiltFact, type RebuildFeed, type RebuildFeedItem, type RebuildOptions, type RebuildResult } from './rebuild.js';
