import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { runEgov } from '../support/cli.js';

// Each test runs several `egov` processes (seconds each on a busy 2-core machine).
vi.setConfig({ testTimeout: 180_000 });

/** The `egov` administration commands on a throwaway SQLite database. */
describe('egov command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'egov-cli-'));
  const env = { DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'egov.sqlite')}` };

  it('--help lists every command, and each command has its own --help', async () => {
    const top = await runEgov(['--help']);
    expect(top.code).toBe(0);
    for (const c of ['start', 'migrate', 'seed', 'backup', 'user', 'audit', 'import', 'calendar', 'catalog']) expect(top.stdout).toContain(c);
    for (const c of [['start'], ['migrate'], ['seed'], ['backup'], ['user', 'create'], ['audit', 'verify'], ['import']]) {
      const r = await runEgov([...c, '--help']);
      expect(r.code, c.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/^Usage: egov /);
    }
  });

  it('migrate brings a new database up to date, and --status then lists nothing pending', async () => {
    const r = await runEgov(['migrate'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/is up to date \(0 pending\)/);
    const status = await runEgov(['migrate', '--status'], env);
    expect(status.stdout.trim()).toBe('up to date');
  });

  it('seed --demo loads the demonstration data once', async () => {
    const first = await runEgov(['seed', '--demo'], env, { timeoutMs: 60_000 });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^demonstration data loaded: .*administrative units/);
    const second = await runEgov(['seed', '--demo'], env, { timeoutMs: 60_000 });
    expect(second.stdout.trim()).toBe('demonstration data was already loaded; nothing changed');
  }, 120_000);

  it('user create makes an account with its role grant; a weak password or a taken name is refused', async () => {
    const ok = await runEgov(['user', 'create', '--username', 'it.admin', '--name', 'Quản trị CNTT', '--role', 'systemAdmin@system'], { ...env, EGOV_PASSWORD: 'mot-mat-khau-dai-du' });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^account it\.admin created/);
    const weak = await runEgov(['user', 'create', '--username', 'it.admin2', '--name', 'X Y'], { ...env, EGOV_PASSWORD: 'short' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('at least 10 characters');
    const taken = await runEgov(['user', 'create', '--username', 'it.admin', '--name', 'X Y'], { ...env, EGOV_PASSWORD: 'mot-mat-khau-dai-du' });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('is taken');
    const db = new Database(join(dir, 'egov.sqlite'), { readonly: true });
    const grant = db.prepare("select r.role, r.scope_kind from accounts a join account_roles r on r.account_id = a.id where a.username = 'it.admin'").get();
    db.close();
    expect(grant).toEqual({ role: 'systemAdmin', scope_kind: 'system' });
  });

  it('backup writes a consistent copy that opens with every table', async () => {
    const target = join(dir, 'backup.sqlite');
    const r = await runEgov(['backup', target], env);
    expect(r.code).toBe(0);
    expect(existsSync(target)).toBe(true);
    const copy = new Database(target, { readonly: true });
    const accounts = copy.prepare('select count(*) as n from accounts').get() as { n: number };
    const integrity = copy.pragma('integrity_check', { simple: true });
    copy.close();
    expect(integrity).toBe('ok');
    expect(accounts.n).toBeGreaterThan(10);
  });

  it('backup on PostgreSQL prints the pg_dump command without the password', async () => {
    const r = await runEgov(['backup', '/tmp/x.dump'], { DATABASE_URL: 'postgres://egov:secret@db.example:5432/egov' });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe("pg_dump --format=custom --file='/tmp/x.dump' 'postgres://egov@db.example:5432/egov'");
  });

  it('audit verify reports an intact chain with its head hash', async () => {
    const r = await runEgov(['audit', 'verify'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^audit chain intact: \d+ rows; head hash [0-9a-f]{64}/);
  });
});
