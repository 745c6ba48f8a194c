/**
 * P7: time from starting the server process to the first 200 from /readyz, and its
 * resident memory when idle (goals: under 2 s; under 250 MB), on an existing database with
 * the Da Nang demo data and 1,000,000 generated dossiers (`generators/dossiers.ts`). The
 * server is the compiled `egov start`; the baseline is `bench/baselines/p7-minimal-server.js`
 * over the same file.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { dossiersSqlite } from '../generators/dossiers.js';
import { BENCH_DIR, freshWorkDir } from '../support/cache.js';
import { compiledServer, freePort, startServerProcess, type StartedServer } from '../support/server-process.js';
import { interleaved, load1, row } from '../support/stats.js';
import type { BenchContext, BySize, Measure, ResultRow } from './types.js';

const DOSSIERS: BySize<number> = { smoke: 2_000, default: 1_000_000, full: 1_000_000 };
/** How long the server sits idle before its memory is read. */
const IDLE_MS: BySize<number> = { smoke: 300, default: 5_000, full: 5_000 };

interface Sample {
  seconds: number;
  mb: number;
}

async function sample(start: () => Promise<StartedServer>, idleMs: number): Promise<Sample> {
  const server = await start();
  try {
    await new Promise((r) => setTimeout(r, idleMs));
    return { seconds: server.readySeconds, mb: server.rssMb() };
  } finally {
    await server.stop();
  }
}

export const p7: Measure = {
  id: 'P7',
  title: 'server start and idle memory',
  async run(ctx: BenchContext): Promise<ResultRow[]> {
    const dossiers = DOSSIERS[ctx.mode];
    const cached = await dossiersSqlite(dossiers, ctx.log);
    const dist = compiledServer(ctx.log);
    const dir = freshWorkDir('p7');
    const file = join(dir, 'egov.sqlite');
    copyFileSync(cached, file);
    const env = { DATABASE_URL: `sqlite:${file}`, DATA_DIR: dir, LOG_LEVEL: 'warn', LOG_FORMAT: 'json', SEED_DEMO: 'false', NODE_ENV: 'production' };
    const system = async () => startServerProcess([join(BENCH_DIR, 'support', 'egov-start.js'), dist], env, await freePort());
    const baseline = async () => startServerProcess([join(BENCH_DIR, 'baselines', 'p7-minimal-server.js')], env, await freePort());
    ctx.log(`P7 start to /readyz and idle memory, ${dossiers.toLocaleString('en')} dossiers, ${ctx.runs} runs (after one warm-up each)`);
    // Warm-up: the first start reads the code and the database from disk into the page cache.
    await sample(system, 0);
    await sample(baseline, 0);
    const before = load1();
    const systemSamples: Sample[] = [];
    const baselineSamples: Sample[] = [];
    await interleaved(
      ctx.runs,
      async () => {
        const s = await sample(system, IDLE_MS[ctx.mode]);
        systemSamples.push(s);
        ctx.log(`  system ${s.seconds.toFixed(2)} s, ${s.mb.toFixed(0)} MB (load ${load1()})`);
        return s.seconds;
      },
      async () => {
        const s = await sample(baseline, IDLE_MS[ctx.mode]);
        baselineSamples.push(s);
        return s.seconds;
      },
    );
    const load = { before, after: load1() };
    const db = `${dossiers.toLocaleString('en')} dossiers + demo data`;
    return [
      row(
        { measure: 'P7', what: `start to /readyz (${db})`, unit: 's', better: 'lower', goal: '< 2 s' },
        systemSamples.map((s) => s.seconds),
        { name: 'node:http + better-sqlite3, same file', runs: baselineSamples.map((s) => s.seconds) },
        ctx.mode === 'smoke' ? null : (v) => v < 2,
        load,
      ),
      row(
        { measure: 'P7', what: `resident memory when idle ${IDLE_MS[ctx.mode] / 1000} s after ready`, unit: 'MB', better: 'lower', goal: '< 250 MB' },
        systemSamples.map((s) => s.mb),
        { name: 'node:http + better-sqlite3, same file', runs: baselineSamples.map((s) => s.mb) },
        ctx.mode === 'smoke' ? null : (v) => v < 250,
        load,
      ),
    ];
  },
};
