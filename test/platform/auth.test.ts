import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { addAccount, login, TEST_PASSWORD } from '../support/accounts.js';
import { testDialect } from '../support/db.js';

describe(`accounts and sessions on ${testDialect}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await addAccount(t, 'lan.nguyen', [{ role: 'systemAdmin', scopeKind: 'system', scopeCode: '*' }]);
    await addAccount(t, 'binh.tran');
    await addAccount(t, 'cuong.le');
    await addAccount(t, 'dung.pham');
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs in with the right password: httpOnly SameSite=Lax cookie, CSRF token, roles', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'Lan.Nguyen', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'egov_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.json().account).toMatchObject({ username: 'lan.nguyen', grants: [{ role: 'systemAdmin', scopeKind: 'system', scopeCode: '*' }] });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `egov_session=${cookie?.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe('lan.nguyen');
  });

  it('gives the same 401 for an unknown user and a wrong password', async () => {
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'whatever-123' } });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'binh.tran', password: 'whatever-123' } });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().detail).toBe(wrong.json().detail);
    // a success resets the failure count
    await login(t, 'binh.tran');
  });

  it('locks an account after 5 consecutive failures, even against the right password, for 15 minutes', async () => {
    for (let i = 1; i <= 4; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'cuong.le', password: `wrong-${i}-xxxxxx` } });
      expect(r.statusCode).toBe(401);
    }
    const fifth = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'cuong.le', password: 'wrong-5-xxxxxx' } });
    expect(fifth.statusCode).toBe(423);
    const locked = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'cuong.le', password: TEST_PASSWORD } });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    t.clock.advance({ minutes: 14, seconds: 59 });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'cuong.le', password: TEST_PASSWORD } })).statusCode).toBe(423);
    t.clock.advance({ seconds: 1 });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'cuong.le', password: TEST_PASSWORD } })).statusCode).toBe(200);
  });

  it('ends a session after 30 idle minutes, and keeps it alive while used', async () => {
    const s = await login(t, 'dung.pham');
    t.clock.advance({ minutes: 29 });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).statusCode).toBe(200);
    t.clock.advance({ minutes: 29 });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).statusCode).toBe(200);
    t.clock.advance({ minutes: 30 });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).statusCode).toBe(401);
  });

  it('ends a session 12 hours after login however active it is', async () => {
    const s = await login(t, 'dung.pham');
    for (let i = 0; i < 24; i++) {
      t.clock.advance({ minutes: 29 });
      const r = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers });
      expect(r.statusCode).toBe(200); // 24 × 29 min = 11 h 36 min
    }
    t.clock.advance({ minutes: 24 }); // 12 h 00 min after login
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).statusCode).toBe(401);
  });

  it('lists own sessions and revokes one; the revoked cookie no longer works', async () => {
    const first = await login(t, 'binh.tran');
    const second = await login(t, 'binh.tran');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: second.headers });
    const items = list.json().items as { id: string; current: boolean }[];
    expect(items.filter((i) => i.current)).toHaveLength(1);
    const other = items.find((i) => !i.current);
    expect(other).toBeDefined();
    const firstMe = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: first.headers });
    expect(firstMe.statusCode).toBe(200);
    // revoke every session but the current one, one by one
    for (const i of items.filter((x) => !x.current)) {
      const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/auth/sessions/${i.id}`, headers: second.headers });
      expect(del.statusCode).toBe(204);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: first.headers })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: second.headers })).statusCode).toBe(200);
    const again = await t.app.inject({ method: 'DELETE', url: `/api/v1/auth/sessions/${other?.id}`, headers: second.headers });
    expect(again.statusCode).toBe(404);
  });

  it('refuses a cookie-authenticated mutation without the CSRF token', async () => {
    const s = await login(t, 'binh.tran');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_FAILED');
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).statusCode).toBe(401);
  });

  it('changing the password signs out the other sessions and requires the current password', async () => {
    const a = await login(t, 'dung.pham');
    const b = await login(t, 'dung.pham');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: a.headers, payload: { currentPassword: 'nope-nope-nope', newPassword: 'mot-mat-khau-moi-dai' } });
    expect(wrong.statusCode).toBe(401);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: a.headers, payload: { currentPassword: TEST_PASSWORD, newPassword: 'mot-mat-khau-moi-dai' } });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: a.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: b.headers })).statusCode).toBe(401);
    await login(t, 'dung.pham', 'mot-mat-khau-moi-dai');
  });

  it('API tokens authenticate with Bearer, are shown once, and stop working when revoked', async () => {
    const s = await login(t, 'lan.nguyen');
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: s.headers, payload: { name: 'Cổng DVC quốc gia' } });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json() as { id: string; token: string };
    expect(token).toMatch(/^egov_/);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe('lan.nguyen');
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/auth/tokens', headers: s.headers });
    expect(JSON.stringify(listed.json())).not.toContain(token);
    // a bearer-authenticated mutation needs no CSRF token
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/auth/tokens/${id}`, headers: { authorization: `Bearer ${token}` } });
    expect(del.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
  });

  it('anonymous requests to own-account routes get 401', async () => {
    for (const [method, url] of [['GET', '/api/v1/auth/me'], ['GET', '/api/v1/auth/sessions'], ['GET', '/api/v1/auth/tokens'], ['POST', '/api/v1/auth/logout']] as const) {
      const res = await t.app.inject({ method, url });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });
});

describe('login rate limit', () => {
  it('answers 429 after LOGIN_RATE_LIMIT attempts from one address within a minute', async () => {
    const t = await createTestApp([], undefined, { LOGIN_RATE_LIMIT: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x-user', password: 'wrong-password' } });
        codes.push(r.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await t.close();
    }
  });
});
