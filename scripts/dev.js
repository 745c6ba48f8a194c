// `npm run dev`: recompiles on every change (tsc --watch) and restarts the server when the
// compiled code changes (node --watch). The web app is served from its last build; run
// `npx vite --config web/vite.config.ts` beside it for hot reloading of the web app.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './build-if-stale.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
ensureBuilt();
const tsc = spawn(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'], { cwd: root, stdio: 'inherit' });
const server = spawn(process.execPath, ['--watch-path=dist', join(root, 'bin', 'egov-dist.js'), 'start'], { cwd: root, stdio: 'inherit', env: { ...process.env, EGOV_NO_BUILD: '1' } });
const stop = () => {
  tsc.kill('SIGTERM');
  server.kill('SIGTERM');
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
server.on('exit', (code) => {
  tsc.kill('SIGTERM');
  process.exit(code ?? 0);
});
