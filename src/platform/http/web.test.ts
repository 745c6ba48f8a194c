import Fastify, { type FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webApp } from './web.js';

const INDEX = '<!doctype html><title>Cổng dịch vụ công</title><div id="root"></div>';

/** A bare app with a stand-in API route and the same 404 shape as buildApp's. */
async function appServing(root: string): Promise<FastifyInstance> {
  const app = Fastify();
  app.get('/api/v1/ping', async () => ({ ok: true }));
  app.setNotFoundHandler((request, reply) => reply.code(404).type('application/problem+json').send({ code: 'ROUTE_NOT_FOUND', instance: request.url }));
  await app.register(webApp, { root });
  await app.ready();
  return app;
}

describe('the web app served by the API server', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'egov-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dir, '.build-stamp'), 'x');
    app = await appServing(dir);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a citizen opening the portal address gets the app page', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toBe(INDEX);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('a shared link to the lookup page or a procedure (code with a dot) loads the app too', async () => {
    for (const url of ['/tra-cuu', '/thu-tuc/1.009994', '/quan-tri/lich-lam-viec?year=2026']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(INDEX);
    }
  });

  it('hashed assets are served with a year-long immutable cache', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('a file at the top (the icon) is served but revalidated', async () => {
    const res = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=0');
  });

  it('a missing asset is a 404, not the app page', async () => {
    for (const url of ['/assets/index-old999.js', '/logo.png']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    }
  });

  it('an unknown API address keeps the problem+json 404 and real API routes still answer', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await app.inject({ method: 'GET', url: '/api' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/ping' })).json()).toEqual({ ok: true });
  });

  it('files outside the build and hidden files are never served', async () => {
    for (const url of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/.build-stamp', '/assets/%00x.js']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.body, url).not.toContain('root:');
      expect(res.body, url).not.toBe('x');
    }
  });

  it('without a built app, pages answer with the 404 problem instead of an empty page', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'egov-web-empty-'));
    const bare = await appServing(empty);
    try {
      const res = await bare.inject({ method: 'GET', url: '/' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
