/**
 * HTTP load with autocannon against a server running in its own process (see
 * `server-process.ts`), for the dossier measures P1–P4: a warm-up, then the median of
 * `runs` timed runs with their spread.
 */
import autocannon from 'autocannon';
import { figure } from './stats.js';
import type { Figure } from '../measures/types.js';

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  runs: number;
}

export interface LoadResult {
  requestsPerSecond: Figure;
  latencyP99Ms: Figure;
}

/** Runs the load; any error, timeout or non-2xx answer fails the measure (a fast wrong answer is no result). */
export async function httpLoad(o: LoadOptions): Promise<LoadResult> {
  const base = { url: o.url, method: o.method ?? 'GET', headers: o.headers ?? {}, connections: o.connections, ...(o.body ? { body: o.body } : {}) };
  await autocannon({ ...base, duration: o.warmupSeconds });
  const rps: number[] = [];
  const p99: number[] = [];
  for (let i = 0; i < o.runs; i++) {
    const r = await autocannon({ ...base, duration: o.seconds });
    if (r.errors + r.timeouts + r.non2xx > 0) throw new Error(`${o.url}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx answers`);
    rps.push(r.requests.average);
    p99.push(r.latency.p99);
  }
  return { requestsPerSecond: figure(rps), latencyP99Ms: figure(p99) };
}
