/**
 * The system under test over HTTP (P1–P3): the compiled `egov start` in its own process
 * with the benchmark's settings, and API tokens for the demo accounts.
 */
import { join } from 'node:path';
import { BENCH_DIR } from './cache.js';
import { compiledServer, freePort, startServerProcess, type StartedServer } from './server-process.js';

/** The demo accounts' password (src/modules/registry/demo). */
export const DEMO_PASSWORD = 'DaNang@2026';

/** A started server and its address. */
export interface HttpServer extends StartedServer {
  origin: string;
}

/**
 * Starts `egov start` over `databaseUrl`: no demo seeding, public rate limit off, warnings
 * only, and no in-process worker (the outbox is still written; deployments may run the
 * worker as `egov worker` in its own process, and its deliveries are not what P1–P3 time).
 */
export async function startEgov(databaseUrl: string, dataDir: string, log: (line: string) => void, extraEnv: Record<string, string> = {}): Promise<HttpServer> {
  const dist = compiledServer(log);
  const port = await freePort();
  const env = { DATABASE_URL: databaseUrl, DATA_DIR: dataDir, LOG_LEVEL: 'warn', LOG_FORMAT: 'json', SEED_DEMO: 'false', NODE_ENV: 'production', PUBLIC_RATE_LIMIT: '0', WORKER: 'false', ...extraEnv };
  const server = await startServerProcess([join(BENCH_DIR, 'support', 'egov-start.js'), dist], env, port);
  return { ...server, origin: `http://127.0.0.1:${port}` };
}

/** Starts a baseline script (`bench/baselines/<file>`) over `databaseUrl`. */
export async function startBaseline(file: string, databaseUrl: string): Promise<HttpServer> {
  const port = await freePort();
  const server = await startServerProcess([join(BENCH_DIR, 'baselines', file)], { DATABASE_URL: databaseUrl }, port);
  return { ...server, origin: `http://127.0.0.1:${port}` };
}

/** Logs in as `username` and creates an API token (Bearer), as an integration would. */
export async function apiToken(origin: string, username: string): Promise<string> {
  const login = await fetch(`${origin}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.getSetCookie().find((c) => c.startsWith('egov_session=')) ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const token = await fetch(`${origin}/api/v1/auth/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify({ name: 'bench' }) });
  if (token.status !== 201) throw new Error(`token for ${username}: ${token.status} ${await token.text()}`);
  return ((await token.json()) as { token: string }).token;
}
