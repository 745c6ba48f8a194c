/**
 * Where generated benchmark data lives, and how it is reused across runs: every cached file
 * is named after what it depends on (size, generator version, schema version), so a change
 * to the schema or the generator builds a new file instead of reusing a stale one.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appModules } from '../../src/composition.js';
import { allMigrations } from '../../src/platform/http/app.js';

/** The `bench/` folder. */
export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The repository root. */
export const ROOT_DIR = join(BENCH_DIR, '..');
/** Generated data, reused across runs (ignored by git). */
export const CACHE_DIR = join(BENCH_DIR, '.cache');
/** Scratch copies that a run may modify; emptied at the start of each measure that uses it. */
export const WORK_DIR = join(CACHE_DIR, 'scratch');

/** Short hash of every migration name of the running system: the schema version. */
export function schemaVersion(): string {
  const names = allMigrations({ modules: appModules }).map((m) => m.name);
  return createHash('sha1').update(names.join('\n')).digest('hex').slice(0, 10);
}

/**
 * Returns the cached file `name`, building it first when missing. The builder writes to a
 * temporary path that is renamed into place only when complete, so an interrupted build
 * is never mistaken for a finished one.
 */
export async function cachedFile(name: string, build: (tmpPath: string) => Promise<void>, log: (line: string) => void): Promise<string> {
  const path = join(CACHE_DIR, name);
  if (existsSync(path)) return path;
  mkdirSync(dirname(path), { recursive: true });
  pruneOtherVersions(name);
  const tmp = `${path}.building`;
  rmSync(tmp, { force: true });
  const t0 = performance.now();
  log(`generating ${name} (cached for later runs)…`);
  await build(tmp);
  renameSync(tmp, path);
  log(`generated ${name} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return path;
}

/**
 * Deletes cached files of the same kind and size built for another schema or generator
 * version (`citizens-1000000-s<old>-g1.sqlite` when `…-s<new>-g1.sqlite` is wanted): a
 * million-citizen database is hundreds of megabytes, and the schema changes often.
 */
function pruneOtherVersions(name: string): void {
  const kind = (file: string) => file.replace(/-[sg][0-9a-f]+/g, '').replace(/(-wal|-shm|\.building)$/, '');
  if (!existsSync(CACHE_DIR)) return;
  for (const file of readdirSync(CACHE_DIR)) {
    if (file !== name && kind(file) === kind(name)) rmSync(join(CACHE_DIR, file), { force: true });
  }
}

/** A fresh, empty scratch folder under `bench/.cache/scratch/`. */
export function freshWorkDir(name: string): string {
  const dir = join(WORK_DIR, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}
