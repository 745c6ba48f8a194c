import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../support/accounts.js';
import { DEMO_PASSWORD, type World } from '../support/dossiers.js';
import { testDialect } from '../support/db.js';
import { buildStory, type Story } from './story.js';
import { statsWorld } from './world.js';

const WARD = '000.05.50.H17';
const CITY_COMMITTEE = '000.00.00.H17';

type Item = { dossierId: string };

/**
 * The composite figures of the dashboard open on exactly their dossiers, and a line of the
 * agency ranking opens on exactly the dossiers it counts, also for an agency with agencies
 * below it. The story of story.ts (all at the Hải Châu ward, whose committee sits below the
 * city committee), plus one dossier L received on Friday 13/03 at a desk the city committee
 * opens for the test: so the city committee receives dossiers itself and has the ward below it.
 */
describe(`drill-down of composite figures and of ranking lines, on ${testDialect}`, () => {
  let w: World;
  let s: Story;
  let L = '';
  const get = async (who: string, url: string) => {
    const r = await w.get(who, url);
    expect(r.statusCode, `${url}: ${r.body}`).toBe(200);
    return r.json();
  };
  const letters = (items: Item[]) => {
    const byId = new Map<string, string>([...Object.entries(s).map(([k, d]): [string, string] => [d.id, k]), [L, 'L']]);
    return items.map((i) => byId.get(i.dossierId) ?? '?').sort();
  };
  const list = (query: string) => get('thongke', `/api/v1/stats/dossiers?${query}`);

  beforeAll(async () => {
    w = await statsWorld('2026-03-02 08:00');
    s = await buildStory(w);
    w.at('2026-03-13 14:00');
    const ok = async (r: Promise<{ statusCode: number; body: string; json: () => { id: string; version: number } }>, status: number) => {
      const res = await r;
      expect(res.statusCode, res.body).toBe(status);
      return res.json();
    };
    await ok(w.post('admin', `/api/v1/registry/agencies/${CITY_COMMITTEE}/desks`, { code: 'MC-UBNDTP', name: { vi: 'Bộ phận một cửa Ủy ban nhân dân thành phố', en: 'City committee reception desk' } }), 201);
    await ok(
      w.post('admin', '/api/v1/registry/officials', {
        username: 'ubndtp.tiepnhan', fullName: 'Phan Thị Tiếp', agencyCode: CITY_COMMITTEE, position: { vi: 'Chuyên viên tiếp nhận', en: 'Reception officer' },
        initialPassword: DEMO_PASSWORD, grants: [{ role: 'receptionOfficer', scopeKind: 'agency', scopeCode: CITY_COMMITTEE }],
      }),
      201,
    );
    const session = await login(w.t, 'ubndtp.tiepnhan', DEMO_PASSWORD);
    const token = await w.t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: session.headers, payload: { name: 'test' } });
    w.s['ubndtp.tiepnhan'] = { cookie: '', csrf: '', headers: { authorization: `Bearer ${token.json().token as string}` } };
    const draft = await ok(
      w.post('ubndtp.tiepnhan', '/api/v1/dossiers', {
        procedureCode: '1.004873', deskCode: 'MC-UBNDTP', owner: { kind: 'citizen', number: '048185000002' }, delivery: { method: 'counter' },
        formData: { fullName: 'Trần Thị Bích', dateOfBirth: '1985-11-20', idNumber: '048185000002', maritalStatus: 'divorced', purpose: 'Mua bán nhà', phone: '0935000002' },
      }),
      201,
    );
    L = (await ok(w.act('ubndtp.tiepnhan', draft.id, { actionId: 'receive', version: draft.version }), 200)).id;
  }, 180_000);
  afterAll(async () => {
    await w?.t.close();
  });

  it('"early or on time" and "rated 4–5" open on exactly the dossiers they count', async () => {
    const summary = await get('thongke', '/api/v1/stats/summary?scope=city&period=2026-03');
    const v = summary.indicators.volume;
    // A, B and J were early, none merely on time; of A (5) and C (3), only A rated 4 or 5.
    const inTime = await list('scope=city&period=2026-03&indicator=resolvedInTime');
    expect(inTime.total).toBe(v.resolvedEarly + v.resolvedOnTime);
    expect(letters(inTime.items)).toEqual(['A', 'B', 'J']);
    const satisfied = await list('scope=city&period=2026-03&indicator=ratedSatisfied');
    const d = summary.indicators.satisfaction.distribution;
    expect(satisfied.total).toBe(d['4'] + d['5']);
    expect(letters(satisfied.items)).toEqual(['A']);
    // Their days: A resolved and rated on Wednesday 04/03; C rated 3 on Friday 06/03.
    expect(letters((await list('scope=city&period=2026-03-04&indicator=resolvedInTime')).items)).toEqual(['A']);
    expect(letters((await list('scope=city&period=2026-03-04&indicator=ratedSatisfied')).items)).toEqual(['A']);
    expect(await list('scope=city&period=2026-03-06&indicator=ratedSatisfied')).toEqual({ total: 0, items: [], nextCursor: null });
    expect((await list('scope=city&period=2026-03-06&indicator=rated')).total).toBe(1);
  });

  it('agencyOnly:<code> counts exactly what the agency received, without the agencies below it', async () => {
    const exact = await get('thongke', `/api/v1/stats/summary?scope=agencyOnly:${CITY_COMMITTEE}&period=2026-03`);
    expect(exact.scope).toEqual({ kind: 'agencyOnly', code: CITY_COMMITTEE, name: { vi: 'Ủy ban nhân dân thành phố Đà Nẵng (không gồm đơn vị trực thuộc)', en: "Da Nang City People's Committee (without the agencies below it)" } });
    expect(exact.indicators.volume).toMatchObject({ received: 1, resolved: 0, inProgressAtEnd: 1 });
    expect(exact.current).toMatchObject({ inProgress: 1, overdue: 0 });
    const tree = await get('thongke', `/api/v1/stats/summary?scope=agency:${CITY_COMMITTEE}&period=2026-03`);
    // With the ward below it: 10 + 1.
    expect(tree.indicators.volume).toMatchObject({ received: 11, resolved: 4 });
    // An agency with nothing below it keeps its plain name.
    const ward = await get('thongke', `/api/v1/stats/summary?scope=agencyOnly:${WARD}&period=2026-03`);
    expect(ward.scope.name.vi).toBe('Ủy ban nhân dân phường Hải Châu');
    expect(ward.indicators.volume).toMatchObject({ received: 10, resolved: 4, resolvedLate: 1 });
    expect(letters((await list(`scope=agencyOnly:${CITY_COMMITTEE}&period=2026-03&indicator=received`)).items)).toEqual(['L']);
  });

  it('every line of the agency ranking opens on lists of exactly its counts', async () => {
    const ranking = await get('thongke', '/api/v1/stats/ranking?scope=city&period=2026-03&by=agency');
    expect(ranking.items.map((r: { code: string; received: number; resolved: number; resolvedLate: number }) => [r.code, r.received, r.resolved, r.resolvedLate])).toEqual([
      [WARD, 10, 4, 1],
      [CITY_COMMITTEE, 1, 0, 0],
    ]);
    for (const r of ranking.items as { code: string; received: number; resolved: number; resolvedLate: number }[]) {
      for (const indicator of ['received', 'resolved', 'resolvedLate'] as const) {
        const exact = await list(`scope=agencyOnly:${r.code}&period=2026-03&indicator=${indicator}`);
        expect(exact.total, `${r.code} ${indicator}`).toBe(r[indicator]);
      }
    }
    // The line of the city committee is not what "the committee and everything below it" counts.
    expect((await list(`scope=agency:${CITY_COMMITTEE}&period=2026-03&indicator=received`)).total).toBe(11);
    // Within the ward's own area the ranking has the ward alone, and its line still matches.
    const inWard = await get('haichau.lanhdao', '/api/v1/stats/ranking?scope=unit:20242&period=2026-03&by=agency');
    expect(inWard.items.map((r: { code: string }) => r.code)).toEqual([WARD]);
    expect((await get('haichau.lanhdao', `/api/v1/stats/dossiers?scope=agencyOnly:${WARD}&period=2026-03&indicator=received`)).total).toBe(10);
  });

  it('agencyOnly is authorized like the agency: out of scope not found, a missing code refused', async () => {
    expect((await w.get('haichau.lanhdao', `/api/v1/stats/summary?scope=agencyOnly:${CITY_COMMITTEE}&period=2026-03`)).statusCode).toBe(404);
    expect((await w.get('thongke', '/api/v1/stats/summary?scope=agencyOnly:000.99.99.X00&period=2026-03')).statusCode).toBe(404);
    const empty = await w.get('thongke', '/api/v1/stats/summary?scope=agencyOnly:&period=2026-03');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe('/querystring/scope');
  });

  it('the field filter narrows the lists as it narrows the figures', async () => {
    // Construction: D alone (received Monday 02/03, transferred to the Department of Construction).
    const summary = await get('thongke', '/api/v1/stats/summary?scope=city&period=2026-03&fieldCode=construction');
    const received = await list('scope=city&period=2026-03&fieldCode=construction&indicator=received');
    expect(received.total).toBe(summary.indicators.volume.received);
    expect(letters(received.items)).toEqual(['D']);
    // Civil status: the other nine of the ward and L.
    expect((await list('scope=city&period=2026-03&fieldCode=civilStatus&indicator=received')).total).toBe(10);
  });
});
