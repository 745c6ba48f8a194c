/**
 * The statistics of generated dossiers: the bulk generator writes no statistics, so each
 * generated database gets them from `rebuildStats` (what `egov stats rebuild` runs), timed,
 * so that P4 can report the rebuild's speed without rebuilding.
 */
import type { Kysely } from 'kysely';
import { readDossiersForStats } from '../../src/modules/dossiers/index.js';
import { rebuildStats, type RebuildResult } from '../../src/modules/stats/index.js';
import type { PlatformTables } from '../../src/platform/db/tables.js';

/** How a rebuild went: seconds and what it wrote. */
export interface StatsRebuild {
  seconds: number;
  result: RebuildResult;
}

/** Recomputes all statistics of the database (after the generator has written its dossiers). */
export async function rebuildStatistics(db: Kysely<PlatformTables>, log: (line: string) => void): Promise<StatsRebuild> {
  const t0 = performance.now();
  let next = 0;
  const result = await rebuildStats(db, {
    feed: readDossiersForStats,
    mode: 'all',
    batchSize: 20_000,
    onProgress: (p) => {
      if (p.read >= next) {
        log(`  statistics: ${p.read.toLocaleString('en')} dossiers (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
        next = p.read + Math.max(200_000, Math.round(p.read / 5));
      }
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  log(`  statistics of ${result.recorded.toLocaleString('en')} dossiers rebuilt in ${seconds.toFixed(1)} s (${result.dailyRows.toLocaleString('en')} daily rows written)`);
  return { seconds, result };
}
