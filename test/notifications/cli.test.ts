import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEgov } from '../support/cli.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/db.js';

/** `egov worker`, `egov outbox …` and `egov reminders run` as an operator types them. */
describe(`egov worker and outbox commands on ${testDialect}`, () => {
  let database: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const url = database.target.dialect === 'sqlite' ? `sqlite:${database.target.file}` : database.target.url;
    env = { DATABASE_URL: url, SEED_DEMO: 'false' };
  });
  afterAll(async () => {
    await database.drop();
  });

  it('worker --once runs one round of every task and says how much each did', async () => {
    const r = await runEgov(['worker', '--once'], env, { timeoutMs: 60_000 });
    expect(r.code).toBe(0);
    // (stderr may hold the one-time "compiling" notice of bin/egov.js)
    expect(r.stderr).not.toMatch(/error/i);
    // An empty database: the reminder may run (its day), but there is nothing to send.
    expect(r.stdout).toMatch(/^reminders: [01], outbox: 0, deliveries: 0\n$/);
  }, 70_000);

  it('dead-letters on a quiet system says there are none', async () => {
    const r = await runEgov(['outbox', 'dead-letters'], env);
    expect(r).toMatchObject({ code: 0, stdout: 'no dead letters\n' });
  }, 20_000);

  it('retry of an id that is no dead letter fails with one line and exit code 1', async () => {
    const r = await runEgov(['outbox', 'retry', '01HNOSUCHID'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('egov: No dead letter has id 01HNOSUCHID. / Không có thư chết (dead letter) mã 01HNOSUCHID.\n');
  }, 20_000);

  it('reminders run reports what it wrote', async () => {
    const r = await runEgov(['reminders', 'run'], env);
    expect(r).toMatchObject({ code: 0, stdout: 'reminders: 0 due soon, 0 overdue\n' });
  }, 20_000);
});
