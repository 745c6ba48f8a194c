/**
 * P1: the public dossier lookup (tra cứu hồ sơ: code + owner's ID number) over HTTP on a
 * SQLite database of 1,000,000 generated dossiers, autocannon with 50 connections, rate
 * limiting off. Goals (issue 10): at least half the requests per second of a minimal
 * Fastify + better-sqlite3 server doing the same indexed lookup on the same file, started
 * in the same run (`bench/baselines/p1-minimal-lookup.js`); p99 under 20 ms.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { dossiersSqlite, LOOKUP_CODES_SQL, lookupIdNumber } from '../generators/dossiers.js';
import { freshWorkDir } from '../support/cache.js';
import { startBaseline, startEgov, type HttpServer } from '../support/egov-http.js';
import { loadRun, type LoadOptions, type LoadRun } from '../support/http-load.js';
import { mulberry32 } from '../support/prng.js';
import { interleaved, load1, row } from '../support/stats.js';
import type { BenchContext, BySize, Measure, ResultRow } from './types.js';

const DOSSIERS: BySize<number> = { smoke: 2_000, default: 1_000_000, full: 1_000_000 };
const SECONDS: BySize<number> = { smoke: 1, default: 10, full: 20 };
const CONNECTIONS = 50;
/** Distinct dossiers looked up, in a fixed shuffled order (the page cache sees a spread). */
const PATHS = 20_000;

/** The lookup paths: codes with their owner numbers, shuffled the same way on every run. */
function lookupPaths(file: string): string[] {
  const db = new SQLite(file, { readonly: true });
  try {
    const codes = (db.prepare(LOOKUP_CODES_SQL).pluck().all() as string[]).sort();
    const rnd = mulberry32(20260302);
    for (let i = codes.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [codes[i], codes[j]] = [codes[j] ?? '', codes[i] ?? ''];
    }
    return codes.slice(0, PATHS).map((c) => `/api/v1/public/dossiers/${encodeURIComponent(c)}?idNumber=${lookupIdNumber(c)}`);
  } finally {
    db.close();
  }
}

/** Checks a server answers the lookup correctly before it is timed (and a wrong number with 404). */
async function check(server: HttpServer, path: string): Promise<void> {
  const ok = await fetch(`${server.origin}${path}`);
  const body = (await ok.json()) as { code?: string; history?: unknown[] };
  if (ok.status !== 200 || !body.code || !Array.isArray(body.history) || body.history.length === 0) throw new Error(`P1 lookup ${path}: ${ok.status} ${JSON.stringify(body).slice(0, 300)}`);
  const wrong = await fetch(`${server.origin}${path.replace(/idNumber=\d+/, 'idNumber=048000000000')}`);
  await wrong.arrayBuffer();
  if (wrong.status !== 404) throw new Error(`P1 lookup with a wrong number answered ${wrong.status}`);
}

export const p1: Measure = {
  id: 'P1',
  title: 'public dossier lookup over HTTP (SQLite)',
  async run(ctx: BenchContext): Promise<ResultRow[]> {
    const count = DOSSIERS[ctx.mode];
    const cached = await dossiersSqlite(count, ctx.log);
    const dir = freshWorkDir('p1');
    const file = join(dir, 'egov.sqlite');
    copyFileSync(cached, file);
    const paths = lookupPaths(file);
    if (paths.length === 0) throw new Error('P1: no dossiers to look up');
    const url = `sqlite:${file}`;
    const system = await startEgov(url, dir, ctx.log);
    let baseline: HttpServer | undefined;
    try {
      baseline = await startBaseline('p1-minimal-lookup.js', url);
      await check(system, paths[0] ?? '');
      await check(baseline, paths[0] ?? '');
      const options = (server: HttpServer, seconds: number): LoadOptions => {
        let i = 0;
        return { origin: server.origin, connections: CONNECTIONS, seconds, next: () => ({ path: paths[i++ % paths.length] ?? '' }) };
      };
      ctx.log(`P1 public lookup, ${count.toLocaleString('en')} dossiers, ${paths.length.toLocaleString('en')} codes, ${CONNECTIONS} connections, ${ctx.runs} × ${SECONDS[ctx.mode]} s (load ${load1()})`);
      // Warm-up: JIT, connection pools and the page cache of both servers.
      const warm = Math.max(1, Math.round(SECONDS[ctx.mode] / 3));
      await loadRun(options(system, warm));
      await loadRun(options(baseline, warm));
      const before = load1();
      const sys: LoadRun[] = [];
      const base: LoadRun[] = [];
      const b = baseline;
      await interleaved(
        ctx.runs,
        async () => {
          const r = await loadRun(options(system, SECONDS[ctx.mode]));
          sys.push(r);
          ctx.log(`  system ${Math.round(r.requestsPerSecond)}/s, p99 ${r.latencyP99Ms} ms (load ${load1()})`);
          return r.requestsPerSecond;
        },
        async () => {
          const r = await loadRun(options(b, SECONDS[ctx.mode]));
          base.push(r);
          ctx.log(`  baseline ${Math.round(r.requestsPerSecond)}/s, p99 ${r.latencyP99Ms} ms (load ${load1()})`);
          return r.requestsPerSecond;
        },
      );
      const load = { before, after: load1() };
      const name = 'minimal Fastify + better-sqlite3, same file';
      const judged = ctx.mode !== 'smoke';
      const what = `public lookup, ${count.toLocaleString('en')} dossiers, ${CONNECTIONS} connections`;
      return [
        row({ measure: 'P1', what: `${what}: requests/s`, unit: '/s', better: 'higher', goal: '≥ 50% of baseline' }, sys.map((r) => r.requestsPerSecond), { name, runs: base.map((r) => r.requestsPerSecond) }, judged ? (_v, ratio) => (ratio ?? 0) >= 0.5 : null, load),
        row({ measure: 'P1', what: `${what}: latency p99`, unit: 'ms', better: 'lower', goal: '< 20 ms' }, sys.map((r) => r.latencyP99Ms), { name, runs: base.map((r) => r.latencyP99Ms) }, judged ? (v) => v < 20 : null, load),
      ];
    } finally {
      await system.stop();
      await baseline?.stop();
    }
  },
};
