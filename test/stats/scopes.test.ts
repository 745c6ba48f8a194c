import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../support/dossiers.js';
import { testDialect } from '../support/db.js';
import { statsWorld } from './world.js';

const WARD = '000.05.50.H17';
const SXD = '000.00.06.H17';
const CITY_COMMITTEE = '000.00.00.H17';

type Choice = { scope: string; kind: string; code: string | null; name: { vi: string; en: string }; parent: string | null };

/**
 * The scopes a reader may pick on the dashboard (`GET /stats/scopes`): exactly those the
 * figures routes let them read. Demo registry on 02/03/2026 (two-tier since 01/07/2025): the
 * city unit 48 and its 94 commune-level units; 108 agencies in force (the city committee, 13
 * city bodies — 16 less the three merged away on 01/03/2025 —, the city police and 93 ward and
 * commune committees, none in the Hoàng Sa special zone); 94 desks (the city centre's and one
 * per committee). Grants: thongke — statistics, unit 48; haichau.lanhdao — leader of the ward
 * committee and statistics for its area 20242; sxd.lanhdao — leader of the Department of
 * Construction, which has no desk.
 */
describe(`the scopes a statistics reader may pick, on ${testDialect}`, () => {
  let w: World;
  beforeAll(async () => {
    w = await statsWorld('2026-03-02 08:00');
  }, 120_000);
  afterAll(async () => {
    await w?.t.close();
  });
  const scopes = async (who: string): Promise<Choice[]> => {
    const r = await w.get(who, '/api/v1/stats/scopes');
    expect(r.statusCode, r.body).toBe(200);
    return r.json().items;
  };

  it('a ward leader is offered the ward area, its committee and its one-stop desk, and nothing else', async () => {
    expect(await scopes('haichau.lanhdao')).toEqual([
      { scope: 'unit:20242', kind: 'unit', code: '20242', name: { vi: 'Phường Hải Châu', en: 'Hai Chau Ward' }, parent: null },
      { scope: `agency:${WARD}`, kind: 'agency', code: WARD, name: { vi: 'Ủy ban nhân dân phường Hải Châu', en: "People's Committee of Hai Chau Ward" }, parent: 'unit:20242' },
      { scope: 'desk:MC-20242', kind: 'desk', code: 'MC-20242', name: { vi: 'Trung tâm Phục vụ hành chính công phường Hải Châu', en: 'Public Administration Service Centre of Hai Chau Ward' }, parent: `agency:${WARD}` },
    ]);
  });

  it('a department leader is offered the department alone', async () => {
    expect(await scopes('sxd.lanhdao')).toEqual([{ scope: `agency:${SXD}`, kind: 'agency', code: SXD, name: { vi: 'Sở Xây dựng', en: 'Department of Construction' }, parent: null }]);
  });

  it('the city statistics officer and the system administrator are offered the city and everything in force in it, parents first', async () => {
    const list = await scopes('thongke');
    expect(await scopes('admin')).toEqual(list);
    // 1 city + 95 units + 108 agencies + 94 desks
    expect(list).toHaveLength(298);
    expect(list.filter((c) => c.kind === 'unit')).toHaveLength(95);
    expect(list.filter((c) => c.kind === 'agency')).toHaveLength(108);
    expect(list.filter((c) => c.kind === 'desk')).toHaveLength(94);
    expect(list[0]).toEqual({ scope: 'city', kind: 'city', code: null, name: { vi: 'Toàn thành phố', en: 'Whole city' }, parent: null });
    const at = new Map(list.map((c, i) => [c.scope, { ...c, index: i }]));
    // The tree: city → unit 48 → its committee → the city's departments; unit 48 → the ward → its committee → its desk.
    expect(at.get('unit:48')).toMatchObject({ name: { vi: 'Thành phố Đà Nẵng' }, parent: 'city' });
    expect(at.get(`agency:${CITY_COMMITTEE}`)).toMatchObject({ parent: 'unit:48' });
    expect(at.get(`agency:${SXD}`)).toMatchObject({ parent: `agency:${CITY_COMMITTEE}` });
    expect(at.get('unit:20242')).toMatchObject({ parent: 'unit:48' });
    expect(at.get(`agency:${WARD}`)).toMatchObject({ parent: 'unit:20242' });
    expect(at.get('desk:MC-20242')).toMatchObject({ parent: `agency:${WARD}` });
    expect(at.get('desk:MC-TTPVHCC')).toMatchObject({ parent: 'agency:000.00.20.H17' });
    // Every scope comes after its parent; agencies merged away (Planning and Investment, 000.00.05.H17) and former districts are not offered.
    for (const c of list) if (c.parent) expect((at.get(c.parent)?.index ?? Infinity) < (at.get(c.scope)?.index ?? -1), c.scope).toBe(true);
    expect(at.has('agency:000.00.05.H17')).toBe(false);
    expect(at.has('agency:000.00.41.H17')).toBe(false);
  });

  it('every scope offered opens on the summary, and the ones next to a ward leader\'s are not found', async () => {
    for (const who of ['haichau.lanhdao', 'sxd.lanhdao', 'thongke']) {
      for (const c of await scopes(who)) {
        const r = await w.get(who, `/api/v1/stats/summary?scope=${encodeURIComponent(c.scope)}&period=2026-03`);
        expect(r.statusCode, `${who} ${c.scope}`).toBe(200);
        expect(r.json().scope).toMatchObject({ kind: c.kind, code: c.code });
      }
    }
    for (const scope of ['city', 'unit:48', `agency:${CITY_COMMITTEE}`, 'unit:20263', 'desk:MC-20263']) {
      expect((await w.get('haichau.lanhdao', `/api/v1/stats/summary?scope=${scope}&period=2026-03`)).statusCode, scope).toBe(404);
    }
  });

  it('without a statistics role 403, without login 401', async () => {
    expect((await w.get('haichau.chuyenvien', '/api/v1/stats/scopes')).statusCode).toBe(403);
    expect((await w.get('048090000001', '/api/v1/stats/scopes')).statusCode).toBe(403);
    expect((await w.get(null, '/api/v1/stats/scopes')).statusCode).toBe(401);
  });
});
