// Compiles src/ to dist/ with tsc when the build is missing or stale.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
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

/** Builds dist/ when stale; exits the process with tsc's output if compilation fails. */
export function ensureBuilt() {
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
