import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appModules } from '../../src/composition.js';
import { getPublishedDefinition } from '../../src/modules/workflow/index.js';
import { getPublishedProcedure, publishedCodesReceivableBy } from '../../src/modules/catalog/index.js';
import { DEPARTMENT_OF_CONSTRUCTION_CODE } from '../../src/modules/registry/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDialect } from '../support/db.js';
import { login } from '../support/accounts.js';

describe(`the Da Nang demo with every module on ${testDialect}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(appModules, undefined, {}, { seedDemo: true });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('publishes every demo procedure on a published workflow', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/procedures?limit=50' });
    const items = res.json().items as { code: string }[];
    expect(items).toHaveLength(19);
    for (const { code } of items) {
      const p = await getPublishedProcedure(t.database.db, code);
      expect(p && (await getPublishedDefinition(t.database.db, p.workflowKey))?.key).toBe(p?.workflowKey);
    }
  });

  it('knows which procedures a ward committee receives: birth registration yes, a company registration no', async () => {
    const codes = await publishedCodesReceivableBy(t.database.db, ['peoplesCommittee:commune']);
    expect(codes).toContain('1.001193');
    expect(codes).not.toContain('2.001610');
  });

  it('sends construction permits above the threshold to the seeded Department of Construction', async () => {
    const def = await getPublishedDefinition(t.database.db, 'construction-permit');
    expect(def?.legs?.[0]?.agency).toEqual({ kind: 'named', code: DEPARTMENT_OF_CONSTRUCTION_CODE });
  });

  it('lets the demo system administrator "quantri" manage the catalogue and a ward administrator not', async () => {
    const quantri = await login(t, 'quantri', 'DaNang@2026');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/catalog/procedures', headers: quantri.headers })).statusCode).toBe(200);
    const wardAdmin = await login(t, 'haichau.quantri', 'DaNang@2026');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/catalog/procedures', headers: wardAdmin.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/workflows', headers: wardAdmin.headers })).statusCode).toBe(200);
  });
});
