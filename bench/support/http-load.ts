/**
 * HTTP load with autocannon against servers running in their own processes (see
 * `server-process.ts`), for the dossier measures P1–P3: a warm-up, then timed runs that the
 * measure interleaves with its baseline's. Also a sequential latency sampler for queries
 * whose goal is the latency one user sees (P3's p95).
 */
import autocannon from 'autocannon';

export interface LoadOptions {
  /** Server address, `http://127.0.0.1:<port>`. */
  origin: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  seconds: number;
  /**
   * The path (and extra headers) of each request, called once per request so that the
   * inputs rotate (codes to look up, idempotency keys).
   */
  next: () => { path: string; headers?: Record<string, string> };
}

/** One timed run. */
export interface LoadRun {
  requestsPerSecond: number;
  latencyP99Ms: number;
  latencyP50Ms: number;
  requests: number;
}

/**
 * One run of `o.seconds`; any error, timeout or unexpected answer fails the measure (a fast
 * wrong answer is no result).
 */
export async function loadRun(o: LoadOptions, expectStatus: readonly number[] = [200]): Promise<LoadRun> {
  const first = o.next();
  const r = await autocannon({
    url: `${o.origin}${first.path}`,
    connections: o.connections,
    duration: o.seconds,
    requests: [
      {
        method: o.method ?? 'GET',
        ...(o.body ? { body: o.body } : {}),
        setupRequest: (req) => {
          const n = o.next();
          return { ...req, path: n.path, headers: { ...(o.headers ?? {}), ...(n.headers ?? {}) } };
        },
      },
    ],
  });
  const wrong = Object.entries(r.statusCodeStats ?? {}).filter(([code]) => !expectStatus.includes(Number(code)));
  if (r.errors + r.timeouts > 0 || wrong.length > 0) {
    throw new Error(`${o.origin}${first.path}: ${r.errors} errors, ${r.timeouts} timeouts, answers ${JSON.stringify(r.statusCodeStats)}`);
  }
  return { requestsPerSecond: r.requests.average, latencyP99Ms: r.latency.p99, latencyP50Ms: r.latency.p50, requests: r.requests.total };
}

/** Percentile `p` (0–100) of a list, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/**
 * Sends up to `count` GET requests one after the other over one kept-alive connection,
 * rotating through `paths`, and returns each one's time in milliseconds (status ≠ 200
 * fails). Stops early after `maxSeconds` (but not before one round of `paths`), so a slow
 * query cannot stretch the run past the time budget of `npm run bench`.
 */
export async function sequentialLatencies(origin: string, paths: readonly string[], headers: Record<string, string>, count: number, maxSeconds = Infinity): Promise<{ path: string; ms: number }[]> {
  const out: { path: string; ms: number }[] = [];
  const t0 = performance.now();
  for (let i = 0; i < count && (i < paths.length || performance.now() - t0 < maxSeconds * 1000); i++) {
    const path = paths[i % paths.length] ?? '/';
    const t0 = performance.now();
    const r = await fetch(`${origin}${path}`, { headers });
    const body = await r.arrayBuffer();
    const ms = performance.now() - t0;
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${Buffer.from(body).toString().slice(0, 300)}`);
    out.push({ path, ms });
  }
  return out;
}
