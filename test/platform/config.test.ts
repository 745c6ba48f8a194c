import { createServer } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/platform/config.js';
import { runEgov } from '../support/cli.js';

const cwd = mkdtempSync(join(tmpdir(), 'egov-config-'));

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, cwd, false);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('defaults to SQLite under ./data and port 3000', () => {
    const config = loadConfig({}, cwd, false);
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ dialect: 'sqlite', file: join(cwd, 'data', 'egov.sqlite') });
    expect(config.logFormat).toBe('json');
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('reads a PostgreSQL address into its parts', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://egov@db.internal:6543/egov' }, cwd, false);
    expect(config.database).toMatchObject({ dialect: 'postgres', host: 'db.internal', port: 6543, database: 'egov' });
  });

  it('names the setting and the fix for each bad value', () => {
    expect(configError({ PORT: 'abc' }).message).toBe('PORT: "abc" is not a whole number from 1 to 65535. Set PORT to a free port number between 1 and 65535.');
    expect(configError({ PORT: '70000' }).setting).toBe('PORT');
    expect(configError({ DATABASE_URL: 'mysql://x@y/z' }).message).toBe(
      'DATABASE_URL: unknown scheme "mysql"; use sqlite:<file> or postgres://user@host:port/database.',
    );
    expect(configError({ DATABASE_URL: 'postgres://host-only' }).setting).toBe('DATABASE_URL');
    expect(configError({ LOG_LEVEL: 'loud' }).setting).toBe('LOG_LEVEL');
    expect(configError({ SEED_DEMO: 'maybe' }).setting).toBe('SEED_DEMO');
    expect(configError({ PUBLIC_URL: 'ftp://x' }).setting).toBe('PUBLIC_URL');
  });

  it('reads an optional JSON config file, with the environment winning', () => {
    const file = join(cwd, 'custom.json');
    writeFileSync(file, JSON.stringify({ PORT: 8081, LOG_LEVEL: 'debug' }));
    const config = loadConfig({ EGOV_CONFIG: file, LOG_LEVEL: 'warn' }, cwd, false);
    expect(config.port).toBe(8081);
    expect(config.logLevel).toBe('warn');
  });

  it('rejects a config file with an unknown setting', () => {
    const file = join(cwd, 'bad.json');
    writeFileSync(file, JSON.stringify({ PROT: 1 }));
    expect(configError({ EGOV_CONFIG: file }).message).toContain('unknown setting "PROT"');
  });
});

/** Starting with a bad setting stops with one clear line, exit code 2 and no stack trace. */
describe('egov start with a bad setting', () => {
  async function expectConfigExit(env: Record<string, string>, setting: string, fragment: string) {
    const result = await runEgov(['start'], { SEED_DEMO: 'false', ...env });
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^egov: configuration error: ${setting}: `));
    expect(lines[0]).toContain(fragment);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }

  it('an unknown database scheme', async () => {
    await expectConfigExit({ DATABASE_URL: 'mongodb://localhost/egov' }, 'DATABASE_URL', 'unknown scheme "mongodb"');
  });

  it('an unreachable PostgreSQL server', async () => {
    await expectConfigExit(
      { DATABASE_URL: 'postgres://egov@127.0.0.1:1/egov' },
      'DATABASE_URL',
      'cannot connect to PostgreSQL at 127.0.0.1:1/egov (ECONNREFUSED); start PostgreSQL or correct DATABASE_URL.',
    );
  });

  it('an unwritable data directory', async () => {
    // A path below a regular file cannot be created, even by root.
    const file = join(cwd, 'not-a-folder');
    writeFileSync(file, 'x');
    await expectConfigExit({ DATA_DIR: join(file, 'data') }, 'DATA_DIR', 'ENOTDIR');
  });

  it('a port already in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expectConfigExit(
        { PORT: String(port), DATA_DIR: mkdtempSync(join(tmpdir(), 'egov-port-')) },
        'PORT',
        `port ${port} on 127.0.0.1 is already in use`,
      );
    } finally {
      blocker.close();
    }
  });

  it('a port that is not a number', async () => {
    await expectConfigExit({ PORT: 'eighty' }, 'PORT', '"eighty" is not a whole number');
  });
});
