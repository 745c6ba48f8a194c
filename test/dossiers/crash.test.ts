import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.js';
import { testDialect } from '../support/db.js';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

function startServer(env: Record<string, string>): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'egov.js'), 'start'], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const ready = (async () => {
    for (let i = 0; i < 300; i++) {
      try {
        const r = await fetch(`http://127.0.0.1:${env.PORT}/readyz`);
        if (r.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('server did not become ready');
  })();
  return { child, ready };
}

/**
 * A dossier the API acknowledged (201) survives the server being killed with SIGKILL right
 * after the answer (no graceful shutdown, no chance to flush anything later).
 */
describe(`an acknowledged dossier survives a crash (SQLite file, ${testDialect} run)`, () => {
  it('submit → 201 → kill -9 → restart → the dossier is there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'egov-crash-'));
    const port = await freePort();
    const env = { DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'egov.sqlite')}`, PORT: String(port), SEED_DEMO: 'true', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', WORKER: 'off' };
    const base = `http://127.0.0.1:${port}/api/v1`;
    let server = startServer(env);
    await server.ready;
    const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'haichau.tiepnhan', password: 'DaNang@2026' }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    const created = await fetch(`${base}/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
      body: JSON.stringify({
        procedureCode: '1.004873',
        deskCode: 'MC-20242',
        owner: { kind: 'citizen', number: '048185000002' },
        formData: { fullName: 'Trần Thị Bích', dateOfBirth: '1985-11-20', idNumber: '048185000002', maritalStatus: 'single', purpose: 'Kết hôn', phone: '0935000002' },
        delivery: { method: 'counter' },
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    server.child.kill('SIGKILL');
    await new Promise((r) => server.child.once('exit', r));

    server = startServer(env);
    await server.ready;
    const again = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'haichau.tiepnhan', password: 'DaNang@2026' }) });
    const cookie2 = (again.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const found = await fetch(`${base}/dossiers/${id}`, { headers: { cookie: cookie2 } });
    expect(found.status).toBe(200);
    expect(((await found.json()) as { dossier: { status: string } }).dossier.status).toBe('submitted');
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
  }, 120_000);
});
