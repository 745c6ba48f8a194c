import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDefinition, getPublishedDefinition, pinDefinition, workflowModule, type ProcessDefinition } from '../../src/modules/workflow/index.js';
import { isAppError } from '../../src/platform/errors.js';
import { addAccount, login, type Session } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDialect } from '../support/db.js';

/** A small valid process: reception → decision → return, all at the receiving agency. */
function tinyProcess(key: string): ProcessDefinition {
  const here = { kind: 'receiving' } as const;
  return {
    key,
    version: 1,
    name: { vi: 'Quy trình thử nghiệm', en: 'Test process' },
    startStepId: 'reception',
    steps: [
      { id: 'reception', name: { vi: 'Tiếp nhận', en: 'Reception' }, kind: 'reception', role: 'receptionOfficer', agency: here, allotted: { unit: 'workingHours', value: 4 } },
      { id: 'decide', name: { vi: 'Giải quyết', en: 'Decision' }, kind: 'result', role: 'specialist', agency: here, allotted: { unit: 'workingDays', value: 2 } },
      { id: 'handOver', name: { vi: 'Trả kết quả', en: 'Hand over' }, kind: 'return', role: 'receptionOfficer', agency: here, allotted: { unit: 'sameDay' } },
    ],
    actions: [
      { id: 'receive', type: 'forward', from: 'reception', to: 'decide' },
      { id: 'issue', type: 'issueResult', from: 'decide', to: 'handOver' },
      { id: 'hand', type: 'returnResult', from: 'handOver' },
    ],
  };
}

describe(`process definitions on ${testDialect}`, () => {
  let t: TestApp;
  let admin: Session;
  let specialist: Session;
  let citizen: Session;
  beforeAll(async () => {
    t = await createTestApp([workflowModule], undefined, {}, { seedDemo: true });
    await addAccount(t, 'quantri', [{ role: 'systemAdmin', scopeKind: 'system', scopeCode: '*' }]);
    await addAccount(t, 'chuyenvien', [{ role: 'specialist', scopeKind: 'agency', scopeCode: '000.00.06.H17' }]);
    await addAccount(t, 'congdan', [{ role: 'citizen', scopeKind: 'self', scopeCode: 'self' }], 'citizen');
    admin = await login(t, 'quantri');
    specialist = await login(t, 'chuyenvien');
    citizen = await login(t, 'congdan');
  });
  afterAll(async () => {
    await t.close();
  });

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, session?: Session, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, ...(session ? { headers: session.headers } : {}), ...(payload === undefined ? {} : { payload: payload as object }) });

  it('lists the four demo workflows the demo catalogue names, each published at version 1', async () => {
    const res = await call('GET', '/workflows', admin);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { key: string; publishedVersion: number; latestVersion: number }[];
    expect(items.map((i) => [i.key, i.publishedVersion, i.latestVersion])).toEqual([
      ['construction-permit', 1, 1],
      ['same-day-certification', 1, 1],
      ['standard-one-stop', 1, 1],
      ['ward-to-department', 1, 1],
    ]);
  });

  it('refuses to save a process with an unknown role and an unreachable step, listing both with their places', async () => {
    // Step 1 is acted on by a role that does not exist; step 3 ("orphan") has no action leading to it.
    const broken = tinyProcess('broken');
    const body = {
      ...broken,
      steps: [
        ...broken.steps.map((s) => (s.id === 'decide' ? { ...s, role: 'janitor' } : s)),
        { id: 'orphan', name: { vi: 'Bước thừa', en: 'Orphan' }, kind: 'processing', role: 'specialist', agency: { kind: 'receiving' }, allotted: { unit: 'workingDays', value: 1 } },
      ],
      actions: [...broken.actions, { id: 'orphanRefuse', type: 'refuse', from: 'orphan' }],
    };
    const res = await call('POST', '/workflows', admin, body);
    expect(res.statusCode).toBe(400);
    const problem = res.json();
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors.map((e: { field: string; reason: string }) => [e.field, e.reason])).toEqual([
      ['/body/steps/1/role', 'UNKNOWN_ROLE'],
      ['/body/steps/3', 'UNREACHABLE_STEP'],
    ]);
    expect(problem.errors[0].message.vi).toBe('Bước "decide": vai trò "janitor" không tồn tại trong hệ thống.');
    expect(problem.errors[0].message.en).toBe('Step "decide": the role "janitor" does not exist.');
    // The same check without saving reports pointers into the definition itself.
    const check = await call('POST', '/workflows/validate', admin, body);
    expect(check.statusCode).toBe(200);
    expect(check.json().valid).toBe(false);
    expect(check.json().errors.map((e: { path: string }) => e.path)).toEqual(['/steps/1/role', '/steps/3']);
    expect((await call('GET', '/workflows/broken', admin)).statusCode).toBe(404);
  });

  it('reports a shape error (a step without a name) with its pointer', async () => {
    const def = tinyProcess('shapeless');
    const res = await call('POST', '/workflows', admin, { ...def, steps: [{ ...def.steps[0], name: undefined }, ...def.steps.slice(1)] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('/body/steps/0/name');
  });

  it('creates a draft with its warnings, publishes it, and keeps a pinned dossier on its version after a change', async () => {
    // Allotted 4 h + 2 days + same day (counted as 0: done within the day) = 2.5 working days
    // on the only path, more than a 2-day legal deadline: a warning, not an error.
    const v1 = { ...tinyProcess('test.birth'), legalDeadline: { unit: 'workingDays', value: 2 } };
    const created = await call('POST', '/workflows', admin, v1);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ outcome: 'created', definition: { key: 'test.birth', version: 1, status: 'draft' } });
    expect(created.json().warnings.map((w: { code: string }) => w.code)).toEqual(['DEADLINE_EXCEEDS_LEGAL']);
    expect(await getPublishedDefinition(t.database.db, 'test.birth')).toBeUndefined();

    // A draft is edited in place: still version 1.
    const renamed = { ...v1, name: { vi: 'Quy trình khai sinh thử nghiệm', en: 'Test birth process' } };
    const edited = await call('PUT', '/workflows/test.birth', admin, renamed);
    expect(edited.json()).toMatchObject({ outcome: 'editedDraft', definition: { version: 1, status: 'draft', name: { en: 'Test birth process' } } });

    const published = await call('POST', '/workflows/test.birth/versions/1/publish', admin);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ definition: { version: 1, status: 'published' }, retiredVersion: null });
    expect((await call('POST', '/workflows/test.birth/versions/1/publish', admin)).statusCode).toBe(409);

    // A dossier starts on version 1.
    await pinDefinition(t.database.db, 'HS-0001', 'test.birth', 1, t.clock.now());

    // Editing the published version makes version 2 as a draft; version 1 stays published.
    const longer = { ...renamed, steps: renamed.steps.map((s) => (s.id === 'decide' ? { ...s, allotted: { unit: 'workingDays', value: 1 } } : s)) };
    const v2 = await call('PUT', '/workflows/test.birth', admin, longer);
    expect(v2.json()).toMatchObject({ outcome: 'newVersion', definition: { version: 2, status: 'draft' } });
    expect((await getPublishedDefinition(t.database.db, 'test.birth'))?.version).toBe(1);

    // An edit still based on version 1 is stale now.
    const stale = await call('PUT', '/workflows/test.birth', admin, { ...longer, name: { vi: 'Khác', en: 'Other' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');

    const second = await call('POST', '/workflows/test.birth/versions/2/publish', admin);
    expect(second.json()).toMatchObject({ definition: { version: 2, status: 'published' }, retiredVersion: 1 });

    // The pinned dossier still reads version 1 with its 2-day decision step; new dossiers get version 2.
    const pinned = await getDefinition(t.database.db, 'test.birth', 1);
    expect(pinned?.steps.find((s) => s.id === 'decide')?.allotted).toEqual({ unit: 'workingDays', value: 2 });
    expect(pinned?.name.en).toBe('Test birth process');
    expect((await getPublishedDefinition(t.database.db, 'test.birth'))?.steps.find((s) => s.id === 'decide')?.allotted).toEqual({ unit: 'workingDays', value: 1 });
    const retired = await call('GET', '/workflows/test.birth/versions/1', admin);
    expect(retired.json()).toMatchObject({ version: 1, status: 'retired' });

    await pinDefinition(t.database.db, 'HS-0002', 'test.birth', 2, t.clock.now());
    await pinDefinition(t.database.db, 'HS-0003', 'test.birth', 2, t.clock.now());
    const usage = await call('GET', '/workflows/test.birth/usage', admin);
    expect(usage.json()).toEqual({
      key: 'test.birth',
      total: 3,
      versions: [
        { version: 1, status: 'retired', dossiers: 1 },
        { version: 2, status: 'published', dossiers: 2 },
      ],
    });
  });

  it('never moves a pinned dossier to another version and never pins a draft', async () => {
    await pinDefinition(t.database.db, 'HS-0100', 'standard-one-stop', 1, t.clock.now());
    // Pinning the same version again changes nothing.
    await pinDefinition(t.database.db, 'HS-0100', 'standard-one-stop', 1, t.clock.now());
    const draft = await call('PUT', '/workflows/standard-one-stop', admin, {
      ...(await getDefinition(t.database.db, 'standard-one-stop', 1)),
      name: { vi: 'Quy trình một cửa (sửa)', en: 'One-stop (edited)' },
    });
    expect(draft.json()).toMatchObject({ outcome: 'newVersion', definition: { version: 2, status: 'draft' } });
    const moved = await pinDefinition(t.database.db, 'HS-0100', 'standard-one-stop', 2, t.clock.now()).catch((e: unknown) => e);
    expect(isAppError(moved, 'CONFLICT')).toBe(true);
    const onDraft = await pinDefinition(t.database.db, 'HS-0101', 'standard-one-stop', 2, t.clock.now()).catch((e: unknown) => e);
    expect(isAppError(onDraft, 'CONFLICT')).toBe(true);
    expect(await getDefinition(t.database.db, 'standard-one-stop', 2)).toBeUndefined();
  });

  it('draws a definition as a Mermaid flowchart or as nodes and edges', async () => {
    const mermaid = await call('GET', '/workflows/same-day-certification/versions/1/diagram?format=mermaid', specialist);
    expect(mermaid.statusCode).toBe(200);
    expect(mermaid.json().mermaid.split('\n')[0]).toBe('flowchart TD');
    const json = await call('GET', '/workflows/same-day-certification/versions/1/diagram?format=json', specialist);
    // 3 steps plus the start and end markers; 4 actions plus the "submit" edge.
    expect(json.json().diagram.nodes).toHaveLength(5);
    expect(json.json().diagram.edges).toHaveLength(5);
  });

  describe('access to every route', () => {
    const def = tinyProcess('access.test');
    const routes: { method: 'GET' | 'POST' | 'PUT'; url: string; body?: unknown; write: boolean }[] = [
      { method: 'GET', url: '/workflows', write: false },
      { method: 'GET', url: '/workflows/standard-one-stop', write: false },
      { method: 'GET', url: '/workflows/standard-one-stop/versions/1', write: false },
      { method: 'GET', url: '/workflows/standard-one-stop/versions/1/diagram', write: false },
      { method: 'GET', url: '/workflows/standard-one-stop/usage', write: false },
      { method: 'POST', url: '/workflows/validate', body: def, write: true },
      { method: 'POST', url: '/workflows', body: def, write: true },
      { method: 'PUT', url: '/workflows/access.test', body: def, write: true },
      { method: 'POST', url: '/workflows/access.test/versions/1/publish', write: true },
    ];

    it.each(routes)('$method $url: anonymous 401, a citizen 403', async (r) => {
      expect((await call(r.method, r.url, undefined, r.body)).statusCode).toBe(401);
      expect((await call(r.method, r.url, citizen, r.body)).statusCode).toBe(403);
    });

    it.each(routes)('$method $url: a specialist may read but not change (403)', async (r) => {
      const res = await call(r.method, r.url, specialist, r.body);
      expect(res.statusCode).toBe(r.write ? 403 : 200);
    });

    it('a system administrator may use every route, in order', async () => {
      const codes = [];
      for (const r of routes) codes.push((await call(r.method, r.url, admin, r.body)).statusCode);
      expect(codes).toEqual([200, 200, 200, 200, 200, 200, 201, 200, 200]);
    });

    it('an unknown definition or version is 404', async () => {
      expect((await call('GET', '/workflows/nothing-here/versions/1', admin)).statusCode).toBe(404);
      expect((await call('GET', '/workflows/standard-one-stop/versions/99', specialist)).statusCode).toBe(404);
      expect((await call('POST', '/workflows/nothing-here/versions/1/publish', admin)).statusCode).toBe(404);
    });
  });
});
