/**
 * A server in its own process, as the HTTP measures need it: spawned, timed until
 * `/readyz` answers 200, its resident memory read from /proc, stopped with SIGTERM.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { isStale } from '../../scripts/build-if-stale.js';
import { CACHE_DIR, ROOT_DIR } from './cache.js';

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/**
 * The compiled server to start: `dist/` when it is current, otherwise a fresh compilation
 * into `bench/.cache/dist/` (so a benchmark never rewrites `dist/` under other users, and
 * never times a compilation as part of a start).
 */
export function compiledServer(log: (line: string) => void): string {
  if (!isStale()) return join(ROOT_DIR, 'dist');
  const out = join(CACHE_DIR, 'dist');
  const stamp = join(out, '.build-stamp');
  if (existsSync(stamp) && statSync(stamp).mtimeMs > newestMtime(join(ROOT_DIR, 'src'))) return out;
  log('dist/ is older than src/: compiling the server into bench/.cache/dist…');
  const tsc = join(ROOT_DIR, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT_DIR, 'tsconfig.build.json'), '--outDir', out], { cwd: ROOT_DIR, encoding: 'utf8' });
  // tsc still emits when other folders have type errors mid-edit; only a missing entry point is fatal.
  if (!existsSync(join(out, 'cli', 'main.js'))) throw new Error(`compilation failed:\n${r.stdout}${r.stderr}`);
  if (r.status !== 0) log(`  (tsc reported errors, emitted anyway: ${r.stdout.split('\n')[0] ?? ''})`);
  writeFileSync(stamp, new Date().toISOString());
  return out;
}

export interface StartedServer {
  pid: number;
  /** Seconds from spawn to the first 200 from /readyz. */
  readySeconds: number;
  /** Resident memory now, in MB. */
  rssMb(): number;
  stop(): Promise<void>;
}

/** Resident set size of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) / 1024;
}

async function readyOnce(url: string): Promise<boolean> {
  try {
    const r = await fetch(url);
    await r.arrayBuffer();
    return r.status === 200;
  } catch {
    return false;
  }
}

/**
 * Spawns `node <args>` with `env` and waits until `http://127.0.0.1:<port>/readyz` answers
 * 200 (polling every 5 ms), or fails after `timeoutMs` with the process's output.
 */
export async function startServerProcess(args: readonly string[], env: Record<string, string>, port: number, timeoutMs = 60_000): Promise<StartedServer> {
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT_DIR, env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) => child.once('exit', (code) => ((exited = code), resolve())));
  const url = `http://127.0.0.1:${port}/readyz`;
  while (!(await readyOnce(url))) {
    if (exited !== undefined || performance.now() - t0 > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`server ${args.join(' ')} not ready (exit ${String(exited)}):\n${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const readySeconds = (performance.now() - t0) / 1000;
  const pid = child.pid ?? 0;
  return {
    pid,
    readySeconds,
    rssMb: () => rssMb(pid),
    stop: async () => {
      if (exited === undefined) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(timer);
    },
  };
}
