/**
 * P3: an official's scoped queue over HTTP (`GET /api/v1/dossiers?view=unit…` as the Hải
 * Châu ward leader: the scope filter, a filter or none, sorted by the step's due time,
 * the first page of 50) on 1,000,000 generated dossiers (10,000,000 with --full), on SQLite
 * and on PostgreSQL. Goal (issue 10): p95 under 50 ms, i.e. the time one official waits;
 * requests are therefore sent one after the other, rotating through the filters below.
 */
import { dossiersPostgres, dossiersSqlite, postgresAvailable } from '../generators/dossiers.js';
import { freshWorkDir } from '../support/cache.js';
import { apiToken, startEgov } from '../support/egov-http.js';
import { percentile, sequentialLatencies } from '../support/http-load.js';
import { load1, row } from '../support/stats.js';
import type { BenchContext, BySize, Measure, ResultRow } from './types.js';

const DOSSIERS: BySize<number> = { smoke: 2_000, default: 1_000_000, full: 10_000_000 };
const REQUESTS: BySize<number> = { smoke: 24, default: 300, full: 300 };
/** Time budget of one run (fewer requests when they are slow; a whole round of filters at least). */
const RUN_SECONDS: BySize<number> = { smoke: 5, default: 20, full: 30 };
const LEADER = 'haichau.lanhdao';

/** The queue as the web app asks for it: unfiltered, then with each filter of the toolbar. */
const VARIANTS: readonly [name: string, query: string][] = [
  ['unit', 'view=unit'],
  ['overdue', 'view=unit&due=overdue'],
  ['processing', 'view=unit&status=processing'],
  ['procedure', 'view=unit&procedureCode=1.009994'],
  ['search', 'view=unit&q=nguyen'],
  ['mine', 'view=mine'],
];

async function measure(ctx: BenchContext, dialect: string, databaseUrl: string, dir: string, count: number): Promise<ResultRow[]> {
  const server = await startEgov(databaseUrl, dir, ctx.log);
  try {
    const token = await apiToken(server.origin, LEADER);
    const headers = { authorization: `Bearer ${token}` };
    const paths = VARIANTS.map(([, q]) => `/api/v1/dossiers?${q}`);
    const first = (await (await fetch(`${server.origin}${paths[0] ?? ''}`, { headers })).json()) as { items?: unknown[] };
    if (!Array.isArray(first.items) || (ctx.mode !== 'smoke' && first.items.length === 0)) throw new Error(`P3 ${dialect}: the queue is empty: ${JSON.stringify(first).slice(0, 300)}`);
    ctx.log(`P3 queue on ${dialect}, ${count.toLocaleString('en')} dossiers, ${ctx.runs} × ${REQUESTS[ctx.mode]} requests one at a time (load ${load1()})`);
    // Warm-up: JIT, statement caches and the page cache.
    await sequentialLatencies(server.origin, paths, headers, paths.length * 2, RUN_SECONDS[ctx.mode]);
    const before = load1();
    const p95s: number[] = [];
    const all: { path: string; ms: number }[] = [];
    for (let i = 0; i < ctx.runs; i++) {
      const samples = await sequentialLatencies(server.origin, paths, headers, REQUESTS[ctx.mode], RUN_SECONDS[ctx.mode]);
      all.push(...samples);
      p95s.push(percentile(samples.map((s) => s.ms), 95));
      ctx.log(`  ${dialect} p95 ${(p95s.at(-1) ?? 0).toFixed(1)} ms over ${samples.length} requests (load ${load1()})`);
    }
    const byVariant = VARIANTS.map(([name], k) => `${name} ${percentile(all.filter((s) => s.path === paths[k]).map((s) => s.ms), 95).toFixed(1)}`).join(', ');
    return [
      row(
        { measure: 'P3', what: `official's queue, first page, ${dialect}, ${count.toLocaleString('en')} dossiers: latency p95`, unit: 'ms', better: 'lower', goal: '< 50 ms', note: `p95 by filter (ms): ${byVariant}; ${all.length} requests; ${first.items.length} on the first page` },
        p95s,
        null,
        ctx.mode === 'smoke' ? null : (v) => v < 50,
        { before, after: load1() },
      ),
    ];
  } finally {
    await server.stop();
  }
}

export const p3: Measure = {
  id: 'P3',
  title: "official's scoped queue (SQLite and PostgreSQL)",
  async run(ctx: BenchContext): Promise<ResultRow[]> {
    const count = DOSSIERS[ctx.mode];
    // Read-only apart from the leader's login and token: the cached databases are used as they are.
    const file = await dossiersSqlite(count, ctx.log);
    const rows = await measure(ctx, 'SQLite', `sqlite:${file}`, freshWorkDir('p3-sqlite'), count);
    if (!(await postgresAvailable())) {
      rows.push({ measure: 'P3', what: `official's queue, PostgreSQL, ${count.toLocaleString('en')} dossiers`, unit: 'ms', better: 'lower', value: null, baseline: null, ratio: null, goal: '< 50 ms', met: null, note: 'not run: no PostgreSQL server at BENCH_PG_URL' });
      return rows;
    }
    const url = await dossiersPostgres(count, ctx.log);
    rows.push(...(await measure(ctx, 'PostgreSQL', url, freshWorkDir('p3-pg'), count)));
    return rows;
  },
};
