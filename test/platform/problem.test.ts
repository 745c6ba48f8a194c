import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/platform/errors.js';
import { problemResponses } from '../../src/platform/http/problem.js';
import { createTestApp, type TestApp } from '../support/app.js';

const probeRoutes: FastifyPluginAsync = async (app) => {
  app.post(
    '/probe/echo',
    {
      schema: {
        body: Type.Object({ email: Type.String({ format: 'email' }), age: Type.Integer({ minimum: 18 }), name: Type.String({ minLength: 2 }) }),
        response: { 200: Type.Object({ ok: Type.Boolean() }), ...problemResponses(400) },
      },
    },
    async () => ({ ok: true }),
  );
  app.get('/probe/missing', async () => {
    throw new AppError('NOT_FOUND', { detail: { vi: 'Không tìm thấy hồ sơ.', en: 'No such dossier.' } });
  });
  app.get('/probe/stale', async () => {
    throw new AppError('STALE_VERSION', { extra: { currentVersion: 4 } });
  });
  app.get('/probe/crash', async () => {
    throw new Error('secret connection string postgres://admin:hunter2@db');
  });
};

describe('problem+json errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp([{ name: 'probe', routes: probeRoutes }]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('400: a validation failure lists every bad field with Vietnamese and English messages', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/probe/echo', payload: { email: 'not-an-email', age: 12 } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const body = res.json();
    expect(body).toMatchObject({ type: '/api/problems/validation-failed', status: 400, code: 'VALIDATION_FAILED', title: 'Dữ liệu không hợp lệ' });
    expect(body.messages.en.title).toBe('Invalid input');
    const byField = Object.fromEntries(body.errors.map((e: { field: string; reason: string; message: { vi: string } }) => [e.field, e]));
    expect(Object.keys(byField).sort()).toEqual(['/body/age', '/body/email', '/body/name']);
    expect(byField['/body/name']).toMatchObject({ reason: 'required', message: { vi: 'Thiếu trường bắt buộc "name"', en: 'Required field "name" is missing' } });
    expect(byField['/body/age'].message).toEqual({ vi: 'Phải lớn hơn hoặc bằng 18', en: 'Must be at least 18' });
    expect(byField['/body/email'].reason).toBe('format');
  });

  it('400: malformed JSON is explained, not a crash', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/probe/echo', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'BAD_REQUEST', detail: 'Nội dung gửi lên không phải JSON hợp lệ.' });
  });

  it('404: an AppError keeps its code and bilingual detail; English on request', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/probe/missing', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ type: '/api/problems/not-found', title: 'Not found', detail: 'No such dossier.', messages: { vi: { detail: 'Không tìm thấy hồ sơ.' } } });
  });

  it('404: an unknown route is a problem too', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', instance: '/api/v1/nothing-here' });
  });

  it('409: a stale version carries the current state', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/probe/stale' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ type: '/api/problems/stale-version', code: 'STALE_VERSION', currentVersion: 4 });
  });

  it('500: an unknown error never leaks its message or stack', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/probe/crash', headers: { 'x-request-id': 'trace-123' } });
    expect(res.statusCode).toBe(500);
    expect(res.headers['x-request-id']).toBe('trace-123');
    const text = res.body;
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('secret');
    expect(text).not.toMatch(/at .*\.ts:\d+/);
    expect(res.json()).toMatchObject({ code: 'INTERNAL', status: 500, requestId: 'trace-123' });
    expect(res.json().detail).toContain('trace-123');
  });

  it('every response carries a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9A-Z]{26}$/);
  });
});
