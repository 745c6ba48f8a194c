import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, recordAudit, verifyAuditChain } from '../../src/platform/audit/audit.js';
import { ManualClock } from '../../src/platform/clock.js';
import { createIdGenerator } from '../../src/platform/ids.js';
import { createMigratedTestDatabase, testDialect, type TestDatabase } from '../support/db.js';
import { runEgov } from '../support/cli.js';

const clock = new ManualClock('2026-03-02T02:00:00Z');
const newId = createIdGenerator(clock);

async function append(database: TestDatabase, n: number, parallel = false) {
  const one = (i: number) =>
    database.db.transaction().execute((trx) =>
      recordAudit(trx, { actor: { id: 'acc-1', label: 'lan.nguyen' }, action: 'registry.agency.update', target: { type: 'agency', id: `A${i}` }, summary: { before: { name: 'Cũ' }, after: { name: `Mới ${i}` } }, origin: { requestId: `r${i}`, ip: '127.0.0.1' } }, clock.now(), newId),
    );
  if (parallel) await Promise.all(Array.from({ length: n }, (_, i) => one(i)));
  else for (let i = 0; i < n; i++) await one(i);
}

describe(`audit hash chain on ${testDialect}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createMigratedTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('canonical JSON sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });

  it('stays one chain under 30 concurrent writers', async () => {
    await append(database, 30, true);
    const verdict = await verifyAuditChain(database.db);
    expect(verdict).toMatchObject({ ok: true, rows: 30 });
    const idx = await database.db.selectFrom('audit_log').select('chain_index').orderBy('chain_index').execute();
    expect(idx.map((r) => Number(r.chain_index))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('detects an edited row', async () => {
    await sql`update audit_log set summary = ${'{"after":{"name":"Giả mạo"}}'} where chain_index = 7`.execute(database.db);
    const verdict = await verifyAuditChain(database.db, 4);
    expect(verdict).toMatchObject({ ok: false, brokenAt: 7, reason: 'edited', rows: 6 });
  });

  it('the command reports the broken row and exits 1', async () => {
    if (testDialect !== 'sqlite') return; // the CLI opens the file directly; the PostgreSQL path is the same code
    const res = await runEgov(['audit', 'verify'], { DATABASE_URL: `sqlite:${(database.target as { file: string }).file}` });
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('audit chain BROKEN at row 7');
  });
});

describe(`audit chain tampering on ${testDialect}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createMigratedTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('detects a deleted row and an inserted row', async () => {
    await append(database, 10);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    // Deleting row 4 breaks the chain at row 5 (index gap).
    const row4 = await database.db.selectFrom('audit_log').selectAll().where('chain_index', '=', 4).executeTakeFirstOrThrow();
    await database.db.deleteFrom('audit_log').where('chain_index', '=', 4).execute();
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, brokenAt: 5, reason: 'indexGap' });
    // Putting a forged row in its place (same index, own content, a hash computed the honest
    // way but over a different previous hash) is caught as a broken link.
    await database.db.insertInto('audit_log').values({ ...row4, id: 'forged', action: 'registry.agency.delete', prev_hash: 'f'.repeat(64) }).execute();
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, brokenAt: 4, reason: 'linkBroken' });
  });
});

describe(`audit log API on ${testDialect}`, () => {
  it('system administrators page through the log and verify the chain; others get 403, anonymous 401', async () => {
    const { createTestApp } = await import('../support/app.js');
    const { addAccount, login } = await import('../support/accounts.js');
    const t = await createTestApp();
    try {
      await addAccount(t, 'sys.admin', [{ role: 'systemAdmin', scopeKind: 'system', scopeCode: '*' }]);
      await addAccount(t, 'ward.officer', [{ role: 'receptionOfficer', scopeKind: 'system', scopeCode: '*' }]);
      const admin = await login(t, 'sys.admin');
      const officer = await login(t, 'ward.officer');
      const page1 = await t.app.inject({ method: 'GET', url: '/api/v1/audit?limit=1', headers: admin.headers });
      expect(page1.statusCode).toBe(200);
      // Two logins so far: the newest (the officer's) comes first.
      expect(page1.json().items[0]).toMatchObject({ action: 'auth.login', actorLabel: 'ward.officer' });
      const page2 = await t.app.inject({ method: 'GET', url: `/api/v1/audit?limit=1&cursor=${page1.json().nextCursor}`, headers: admin.headers });
      expect(page2.json().items[0]).toMatchObject({ action: 'auth.login', actorLabel: 'sys.admin' });
      const verify = await t.app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers: admin.headers });
      expect(verify.json()).toMatchObject({ ok: true });
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: officer.headers })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(401);
    } finally {
      await t.close();
    }
  });
});
