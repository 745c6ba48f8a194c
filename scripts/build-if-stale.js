// Compiles src/ to dist/ with tsc, and the web app to web/dist/ with Vite, when a build is
// missing or stale.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.build-stamp');

function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/ is missing or older than anything it is built from. */
export function isStale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((p) => join(root, p)).filter(existsSync);
  return inputs.some((p) => newestMtime(p) > built);
}

/**
 * Builds dist/ when stale (exits the process with tsc's output if compilation fails), then
 * the web app unless `{ web: false }`.
 */
export function ensureBuilt(options = {}) {
  ensureServerBuilt();
  if (options.web !== false) ensureWebBuilt();
}

function ensureServerBuilt() {
  // EGOV_NO_BUILD=1 runs whatever dist/ holds (development, while sources are mid-edit).
  if (process.env.EGOV_NO_BUILD === '1' && existsSync(stamp)) return;
  if (!isStale()) return;
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!existsSync(tsc)) {
    if (existsSync(stamp)) return; // production install without dev tools: run what is built
    process.stderr.write('egov: the build is missing and TypeScript is not installed; run `npm ci` first.\n');
    process.exit(2);
  }
  process.stderr.write('egov: compiling TypeScript (first start or sources changed)…\n');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) {
    process.stderr.write('egov: compilation failed; see the errors above.\n');
    process.exit(1);
  }
  writeFileSync(stamp, new Date().toISOString());
}

const webDist = join(root, 'web', 'dist');
const webStamp = join(webDist, '.build-stamp');
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');

/** True when web/dist/ is missing or older than the web app's sources. */
export function isWebStale() {
  if (!existsSync(webStamp)) return true;
  const built = statSync(webStamp).mtimeMs;
  const inputs = ['web/src', 'web/index.html', 'web/vite.config.ts', 'web/public', 'package-lock.json'].map((p) => join(root, p)).filter(existsSync);
  return inputs.some((p) => newestMtime(p) > built);
}

/**
 * Builds web/dist/ with Vite when stale. A failed web build is reported but does not stop
 * the command: the API still works (pages answer 404 until the web app is built).
 */
export function ensureWebBuilt() {
  if (process.env.EGOV_NO_BUILD === '1' && existsSync(webStamp)) return;
  if (!existsSync(join(root, 'web', 'index.html')) || !isWebStale()) return;
  if (!existsSync(vite)) return; // production install without dev tools: serve what is built
  process.stderr.write('egov: building the web app (first start or web sources changed)…\n');
  if (!buildWeb()) process.stderr.write('egov: the web app failed to build; the API still runs.\n');
}


/** Builds web/dist/ with Vite now; returns false (after printing Vite's output) on failure. */
export function buildWeb() {
  // Build next to web/dist and swap it in, so that a running server (or a parallel build)
  // never sees a half-written folder for long.
  const out = join(root, 'web', `.dist-${process.pid}`);
  const result = spawnSync(process.execPath, [vite, 'build', '--config', join(root, 'web', 'vite.config.ts'), '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    rmSync(out, { recursive: true, force: true });
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `${result.error.message}\n` : ''}`);
    return false;
  }
  writeFileSync(join(out, '.build-stamp'), new Date().toISOString());
  rmSync(webDist, { recursive: true, force: true });
  try {
    renameSync(out, webDist);
  } catch {
    // A parallel build swapped its own fresh copy in first; ours is not needed.
    rmSync(out, { recursive: true, force: true });
  }
  return true;
}

// `node scripts/build-if-stale.js web` (npm run build:web): build the web app now.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv[2] === 'web') {
  process.exit(buildWeb() ? 0 : 1);
}
