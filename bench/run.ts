/**
 * `npm run bench`: runs the benchmarks of issue 10 and compares each with a baseline
 * measured in the same run, so the figures stay meaningful on a noisy shared machine.
 *
 *   npm run bench                   default sizes (under 15 minutes on 2 cores)
 *   npm run bench -- --full         large sizes
 *   npm run bench -- --smoke        tiny sizes, seconds; checks the benchmarks work, judges no speed
 *   npm run bench -- --only P5,P8   a subset
 *   npm run bench -- --runs 5       timed runs per figure (default 3; 1 in smoke runs)
 *
 * Prints the table (measure, value, baseline, ratio, goal, met) and writes
 * `bench/results/<date>[-mode][-subset].json`. Exits 1 when a measure fails to run (a goal
 * not met is a result, not a failure).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { p1 } from './measures/p1-lookup.js';
import { p2 } from './measures/p2-submission.js';
import { p3 } from './measures/p3-queue.js';
import { p4 } from './measures/p4-dashboard.js';
import { p5 } from './measures/p5-due-dates.js';
import { p6 } from './measures/p6-workflow.js';
import { p7 } from './measures/p7-start.js';
import { p8 } from './measures/p8-import.js';
import { plannedMeasures } from './measures/planned.js';
import type { BenchContext, Measure, Mode, ResultRow } from './measures/types.js';
import { BENCH_DIR, ROOT_DIR } from './support/cache.js';
import { formatTable, machine } from './support/report.js';

const MEASURES: readonly Measure[] = [p1, p2, p3, p4, ...plannedMeasures.filter((m) => m.id !== 'P4'), p5, p6, p7, p8];

function usage(): string {
  return `usage: npm run bench -- [--smoke | --full] [--only P5,P8] [--runs N]\nmeasures: ${MEASURES.map((m) => `${m.id} ${m.title}`).join('; ')}\n`;
}

function commit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { full: { type: 'boolean' }, smoke: { type: 'boolean' }, only: { type: 'string' }, runs: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(usage());
    return 0;
  }
  if (values.full && values.smoke) throw new Error('--full and --smoke exclude each other');
  const mode: Mode = values.smoke ? 'smoke' : values.full ? 'full' : 'default';
  const only = values.only?.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
  const unknown = only?.filter((id) => !MEASURES.some((m) => m.id === id)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown measure ${unknown.join(', ')}\n${usage()}`);
  const runs = values.runs ? Number(values.runs) : mode === 'smoke' ? 1 : 3;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number ≥ 1');
  const selected = MEASURES.filter((m) => !only || only.includes(m.id));

  const started = new Date();
  const t0 = performance.now();
  const log = (line: string) => process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
  const ctx: BenchContext = { mode, runs, log };
  log(`mode ${mode}, ${runs} run(s) per figure, load ${machine().load.join(' ')}`);
  const rows: ResultRow[] = [];
  const failures: string[] = [];
  for (const m of selected) {
    try {
      rows.push(...(await m.run(ctx)));
    } catch (error) {
      failures.push(`${m.id}: ${(error as Error).stack ?? String(error)}`);
      rows.push({ measure: m.id, what: m.title, unit: '', better: 'higher', value: null, baseline: null, ratio: null, goal: '', met: null, note: `FAILED: ${(error as Error).message.split('\n')[0] ?? ''}` });
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const env = machine();
  process.stdout.write(`\n${formatTable(rows)}\n\n${started.toISOString().slice(0, 10)}, ${env.cpu} (${env.cores} cores, ${env.memoryGb} GB), Node ${env.node}, load now ${env.load.join(' ')}; ${seconds.toFixed(0)} s in all.\n`);

  const date = started.toISOString().slice(0, 10);
  const name = [date, mode === 'default' ? '' : mode, only ? only.join('-') : ''].filter(Boolean).join('-');
  const dir = join(BENCH_DIR, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ date: started.toISOString(), mode, runs, commit: commit(), machine: env, seconds: Math.round(seconds), rows, failures }, null, 2)}\n`);
  process.stdout.write(`results: ${file}\n`);
  for (const f of failures) process.stderr.write(`\nmeasure failed: ${f}\n`);
  return failures.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error).message}\n`);
    process.exit(2);
  },
);
