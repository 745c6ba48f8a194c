import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../support/dossiers.js';
import { testDialect } from '../support/db.js';
import { statsWorld } from './world.js';

const WARD = '000.05.50.H17';
const SXD = '000.00.06.H17';

/**
 * Who may read statistics (HOUSE-RULES §9): statistics officers, leaders and system admins in
 * their scope (2xx); a scope outside theirs is "not found" (404); other roles 403; no login 401.
 * Demo grants: thongke — statistics, unit 48 (the city); haichau.lanhdao — leader of the ward
 * and statistics for the ward's area 20242; sxd.lanhdao — leader of the Department of Construction.
 */
describe(`statistics access, on ${testDialect}`, () => {
  let w: World;
  beforeAll(async () => {
    w = await statsWorld('2026-03-02 08:00');
  }, 120_000);
  afterAll(async () => {
    await w?.t.close();
  });
  const status = async (who: string | null, url: string) => (await w.get(who, url)).statusCode;

  it('each route: right role in scope 200, out of scope 404, wrong role 403, anonymous 401', async () => {
    for (const route of ['summary?', 'trend?', 'ranking?by=procedure&', 'dossiers?indicator=received&', 'export?table=summary&']) {
      const url = (scope: string) => `/api/v1/stats/${route}scope=${scope}&period=2026-03`;
      expect(await status('thongke', url('city')), route).toBe(200);
      expect(await status('admin', url('city')), route).toBe(200);
      expect(await status('haichau.lanhdao', url(`agency:${WARD}`)), route).toBe(200);
      expect(await status('haichau.lanhdao', url('unit:20242')), route).toBe(200);
      expect(await status('haichau.lanhdao', url('desk:MC-20242')), route).toBe(200);
      expect(await status('sxd.lanhdao', url(`agency:${SXD}`)), route).toBe(200);
      expect(await status('haichau.lanhdao', url('city')), route).toBe(404);
      expect(await status('haichau.lanhdao', url(`agency:${SXD}`)), route).toBe(404);
      expect(await status('sxd.lanhdao', url(`agency:${WARD}`)), route).toBe(404);
      expect(await status('sxd.lanhdao', url('desk:MC-20242')), route).toBe(404);
      expect(await status('haichau.chuyenvien', url(`agency:${WARD}`)), route).toBe(403);
      expect(await status('048090000001', url('city')), route).toBe(403);
      expect(await status(null, url('city')), route).toBe(401);
    }
  });

  it('an unknown scope is not found, a malformed scope or period is refused with the field', async () => {
    expect(await status('thongke', '/api/v1/stats/summary?scope=agency:000.99.99.X00&period=2026-03')).toBe(404);
    const scope = await w.get('thongke', '/api/v1/stats/summary?scope=province&period=2026-03');
    expect(scope.statusCode).toBe(400);
    expect(scope.json().errors[0].field).toBe('/querystring/scope');
    const period = await w.get('thongke', '/api/v1/stats/summary?scope=city&period=2026-13');
    expect(period.statusCode).toBe(400);
    expect(period.json().errors[0].field).toBe('/querystring/period');
  });

  it('index weights: readers read them, only system administrators change them', async () => {
    expect(await status('thongke', '/api/v1/stats/weights')).toBe(200);
    expect(await status(null, '/api/v1/stats/weights')).toBe(401);
    expect(await status('haichau.chuyenvien', '/api/v1/stats/weights')).toBe(403);
    const put = (who: string | null) => w.t.app.inject({ method: 'PUT', url: '/api/v1/stats/weights', headers: who ? (w.s[who]?.headers ?? {}) : {}, payload: { transparency: 18, progress: 20, onlineService: 22, digitization: 22, satisfaction: 18 } });
    expect((await put(null)).statusCode).toBe(401);
    expect((await put('haichau.lanhdao')).statusCode).toBe(403);
    expect((await put('admin')).statusCode).toBe(200);
  });

  it('the transparency page needs no login', async () => {
    const r = await w.get(null, '/api/v1/public/transparency');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ asOf: '2026-03-02T01:00:00.000Z', month: '2026-03', year: '2026', agencies: [] });
  });
});
