/**
 * P2: online submission end to end over HTTP (`POST /api/v1/dossiers` by a citizen with an
 * API token and an Idempotency-Key: validation of the e-form and the attachment, workflow
 * start, deadlines, history, audit, outbox, statistics; one small PDF uploaded once and
 * referenced by every submission), into a database with the demo data. Goals (issue 10):
 * on SQLite at least 25% of the rate at which better-sqlite3 writes the same rows directly
 * in the same run (`bench/baselines/p2-sqlite-rows.ts`); on PostgreSQL at least 1,000/s;
 * p99 under 50 ms.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { baselineSubmissions, submissionRows } from '../baselines/p2-sqlite-rows.js';
import { seededDatabase } from '../generators/databases.js';
import { HAI_CHAU_DESK, pgWorkCopy, postgresAvailable, seededPostgres } from '../generators/dossiers.js';
import { freshWorkDir } from '../support/cache.js';
import { apiToken, startEgov, type HttpServer } from '../support/egov-http.js';
import { loadRun, type LoadOptions, type LoadRun } from '../support/http-load.js';
import { interleaved, load1, row } from '../support/stats.js';
import type { BenchContext, BySize, Measure, ResultRow } from './types.js';

const SECONDS: BySize<number> = { smoke: 1, default: 10, full: 20 };
/** Concurrent submissions: a busy portal, and few enough that p99 measures the work, not queueing. */
const CONNECTIONS = 10;
const CITIZEN = '048090000001';

/** A one-page PDF (the type is sniffed from the content). */
const PDF = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

/** Uploads the declaration once; returns its sha256. */
async function upload(server: HttpServer, token: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'to-khai.pdf');
  const r = await fetch(`${server.origin}/api/v1/dossiers/uploads`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (r.status !== 201) throw new Error(`P2 upload: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { sha256: string }).sha256;
}

/** The submission body of story 1 (procedure 1.004873 at the Hải Châu desk). */
function body(sha256: string): string {
  return JSON.stringify({
    procedureCode: '1.004873',
    deskCode: HAI_CHAU_DESK,
    owner: { kind: 'citizen', number: CITIZEN },
    formData: { fullName: 'Nguyễn Văn An', dateOfBirth: '1990-05-15', idNumber: CITIZEN, maritalStatus: 'single', purpose: 'Đăng ký kết hôn', phone: '0905000001' },
    delivery: { method: 'online' },
    documents: [{ requirementId: 'to-khai', sha256, fileName: 'to-khai.pdf' }],
  });
}

interface Prepared {
  server: HttpServer;
  options: (seconds: number) => LoadOptions;
  /** Submits one dossier outside the timed runs; returns its id. */
  submitOne: () => Promise<string>;
}

async function prepare(server: HttpServer, tag: string): Promise<Prepared> {
  const token = await apiToken(server.origin, CITIZEN);
  const sha = await upload(server, token);
  const payload = body(sha);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  let n = 0;
  const submitOne = async () => {
    const r = await fetch(`${server.origin}/api/v1/dossiers`, { method: 'POST', headers: { ...headers, 'idempotency-key': `bench-${tag}-one-${n++}` }, body: payload });
    const text = await r.text();
    if (r.status !== 201) throw new Error(`P2 submission: ${r.status} ${text.slice(0, 500)}`);
    return (JSON.parse(text) as { id: string }).id;
  };
  return {
    server,
    submitOne,
    options: (seconds) => ({ origin: server.origin, method: 'POST', headers, body: payload, connections: CONNECTIONS, seconds, next: () => ({ path: '/api/v1/dossiers', headers: { 'idempotency-key': `bench-${tag}-${n++}` } }) }),
  };
}

function log(ctx: BenchContext, who: string, r: LoadRun): void {
  ctx.log(`  ${who} ${Math.round(r.requestsPerSecond)}/s, p99 ${r.latencyP99Ms} ms (load ${load1()})`);
}

async function sqliteRows(ctx: BenchContext): Promise<ResultRow[]> {
  const seeded = await seededDatabase(ctx.log);
  const dir = freshWorkDir('p2-sqlite');
  const file = join(dir, 'egov.sqlite');
  copyFileSync(seeded, file);
  const baseDir = freshWorkDir('p2-baseline');
  const baseFile = join(baseDir, 'egov.sqlite');
  copyFileSync(seeded, baseFile);
  const server = await startEgov(`sqlite:${file}`, dir, ctx.log);
  try {
    const p = await prepare(server, 'sqlite');
    const sample = submissionRows(file, await p.submitOne());
    const seconds = SECONDS[ctx.mode];
    ctx.log(`P2 online submission on SQLite, ${CONNECTIONS} connections, ${ctx.runs} × ${seconds} s (load ${load1()}); baseline writes ${sample.tables.map((t) => `${t.table}×${t.rows.length}`).join(' ')}`);
    await loadRun(p.options(Math.max(1, Math.round(seconds / 3))), [201]);
    baselineSubmissions(baseFile, sample, Math.max(1, Math.round(seconds / 3)), 0);
    const before = load1();
    const runs: LoadRun[] = [];
    let offset = 1_000_000;
    const r = await interleaved(
      ctx.runs,
      async () => {
        const x = await loadRun(p.options(seconds), [201]);
        runs.push(x);
        log(ctx, 'system', x);
        return x.requestsPerSecond;
      },
      async () => {
        const rate = baselineSubmissions(baseFile, sample, seconds, (offset += 1_000_000));
        ctx.log(`  baseline ${Math.round(rate)}/s`);
        return rate;
      },
    );
    const load = { before, after: load1() };
    const judged = ctx.mode !== 'smoke';
    return [
      row({ measure: 'P2', what: `online submission, SQLite, ${CONNECTIONS} connections: dossiers/s`, unit: '/s', better: 'higher', goal: '≥ 25% of baseline' }, r.system, { name: 'the same rows, better-sqlite3, 1 transaction per dossier', runs: r.baseline }, judged ? (_v, ratio) => (ratio ?? 0) >= 0.25 : null, load),
      row({ measure: 'P2', what: 'online submission, SQLite: latency p99', unit: 'ms', better: 'lower', goal: '< 50 ms' }, runs.map((x) => x.latencyP99Ms), null, judged ? (v) => v < 50 : null, load),
    ];
  } finally {
    await server.stop();
  }
}

async function postgresRows(ctx: BenchContext): Promise<ResultRow[]> {
  const what = `online submission, PostgreSQL, ${CONNECTIONS} connections`;
  if (!(await postgresAvailable())) {
    return [{ measure: 'P2', what, unit: '/s', better: 'higher', value: null, baseline: null, ratio: null, goal: '≥ 1,000/s', met: null, note: 'not run: no PostgreSQL server at BENCH_PG_URL' }];
  }
  const url = await pgWorkCopy(await seededPostgres(ctx.log), 'egov_bench_p2_work');
  const dir = freshWorkDir('p2-pg');
  const server = await startEgov(url, dir, ctx.log);
  try {
    const p = await prepare(server, 'pg');
    await p.submitOne();
    const seconds = SECONDS[ctx.mode];
    ctx.log(`P2 online submission on PostgreSQL, ${CONNECTIONS} connections, ${ctx.runs} × ${seconds} s (load ${load1()})`);
    await loadRun(p.options(Math.max(1, Math.round(seconds / 3))), [201]);
    const before = load1();
    const runs: LoadRun[] = [];
    for (let i = 0; i < ctx.runs; i++) {
      const x = await loadRun(p.options(seconds), [201]);
      runs.push(x);
      log(ctx, 'system', x);
    }
    const load = { before, after: load1() };
    const judged = ctx.mode !== 'smoke';
    return [
      row({ measure: 'P2', what: `${what}: dossiers/s`, unit: '/s', better: 'higher', goal: '≥ 1,000/s' }, runs.map((x) => x.requestsPerSecond), null, judged ? (v) => v >= 1_000 : null, load),
      row({ measure: 'P2', what: 'online submission, PostgreSQL: latency p99', unit: 'ms', better: 'lower', goal: '< 50 ms' }, runs.map((x) => x.latencyP99Ms), null, judged ? (v) => v < 50 : null, load),
    ];
  } finally {
    await server.stop();
  }
}

export const p2: Measure = {
  id: 'P2',
  title: 'online submission over HTTP (SQLite and PostgreSQL)',
  async run(ctx: BenchContext): Promise<ResultRow[]> {
    return [...(await sqliteRows(ctx)), ...(await postgresRows(ctx))];
  },
};
