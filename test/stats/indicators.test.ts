import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../support/dossiers.js';
import { testDialect } from '../support/db.js';
import { buildStory, type Story } from './story.js';
import { statsWorld } from './world.js';

const WARD = '000.05.50.H17';

/**
 * Every indicator of issue 9 over a known set of dossiers (see story.ts), worked out by hand.
 *
 * Received in March (local days): D, A, B, C on Mon 02/03; F, H, I, J on Mon 09/03; G on
 * Tue 10/03; K on Wed 11/03 → 10 (E was refused at reception, never received). Only A online.
 * Both procedures are "full" online services.
 *
 * Resolved: A Wed 04/03 (due Thu 05/03) early; C Fri 06/03 after its original due Thu 05/03
 * 11:00 → late even with its apology; B Tue 10/03 (due moved by the pause to Wed 11/03 08:00)
 * early; J Wed 11/03 (due Thu 12/03 14:00) early → 3 early, 1 late, on-time rate 0.75.
 *
 * Processing time, office hours only, pauses excluded, 7.5 h a day:
 *   A Mon 09:30 → Wed 08:00: 5.5 + 7.5 + 0.5 = 13.5 h = 1.80 days (bucket 1.8)
 *   B Mon 02/03 10:00 → Tue 10/03 11:00 = 46 h, less the pause Tue 03/03 10:00 → Mon 09/03 08:00
 *     = 28 h → 18 h = 2.40 days (bucket 2.4)
 *   C Mon 11:00 → Fri 10:00: 4 + 7.5 × 3 + 2.5 = 29 h = 3.8667 → 3.87 days (bucket 3.9)
 *   J Mon 09/03 11:00 → Wed 11/03 10:00 = 14 h less the 1 h payment wait = 13 h = 1.7333 → 1.73
 *   average (1.80 + 2.40 + 3.87 + 1.73) / 4 = 2.45; p90 by nearest rank: ⌈0.9 × 4⌉ = 4th → 3.9.
 *
 * Open on Fri 13/03 12:00: D (transferred, due Mon 23/03: not yet due), H (due Thu 12/03
 * 10:00: overdue), I (due Thu 12/03 10:30: overdue, had an apology), K (waiting for a supplement).
 */
describe(`statistics over a known set of dossiers, on ${testDialect}`, () => {
  let w: World;
  let s: Story;
  const get = async (who: string | null, url: string) => {
    const r = await w.get(who, url);
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  beforeAll(async () => {
    w = await statsWorld('2026-03-02 08:00');
    s = await buildStory(w);
  }, 120_000);
  afterAll(async () => {
    await w?.t.close();
  });

  it('the March summary of the ward shows every indicator as worked out by hand', async () => {
    const r = await get('thongke', `/api/v1/stats/summary?scope=agency:${WARD}&period=2026-03`);
    expect(r.scope).toMatchObject({ kind: 'agency', code: WARD });
    expect(r.period).toMatchObject({ kind: 'month', from: '2026-03-01', to: '2026-03-31' });
    expect(r.indicators.volume).toEqual({
      carriedOver: 0, received: 10, receivedOnline: 1, total: 10, resolved: 4, resolvedEarly: 3, resolvedOnTime: 0, resolvedLate: 1,
      returned: 2, rejected: 1, withdrawn: 1, stopped: 1,
      // 10 received − 6 closed (A, B, C, J resolved; F withdrawn; G stopped) = D, H, I, K
      inProgressAtEnd: 4, transferred: 1, transferredShare: 0.1,
    });
    // Apologies: C (Wed 04/03) and I (Wed 11/03); of the one late dossier (C), one had an apology.
    expect(r.indicators.transparency).toEqual({ apologies: 2, apologized: 2, lateApologized: 1, apologyRate: 1, score: 1 });
    expect(r.indicators.progress).toEqual({ onTimeRate: 0.75, averageDays: 2.45, p90Days: 3.9, score: 0.75 });
    // Online: 1 of 10 received, all full-level procedures; J paid at the counter in cash.
    expect(r.indicators.onlineService).toEqual({ onlineShare: 0.1, onlineFullShare: 0.1, onlinePartialShare: null, paid: 1, paidOnline: 0, onlinePaymentShare: 0, score: 0.05 });
    // Only A's result was issued with its file: 1 of 4 resolved.
    expect(r.indicators.digitization).toEqual({ digitized: 1, digitizedShare: 0.25, score: 0.25 });
    // A rated 5, C rated 3: average 4, one of two satisfied (4–5).
    expect(r.indicators.satisfaction).toEqual({ ratings: 2, average: 4, distribution: { '1': 0, '2': 0, '3': 1, '4': 0, '5': 1 }, satisfiedShare: 0.5, score: 0.5 });
    // Default points 18/20/22/22/18: 18 × 1 + 20 × 0.75 + 22 × 0.05 + 22 × 0.25 + 18 × 0.5 = 18 + 15 + 1.1 + 5.5 + 9 = 48.6
    expect(r.indicators.index).toEqual({
      score: 48.6,
      points: { transparency: 18, progress: 15, onlineService: 1.1, digitization: 5.5, satisfaction: 9 },
      weights: { transparency: 18, progress: 20, onlineService: 22, digitization: 22, satisfaction: 18 },
    });
    expect(r.current).toEqual({ asOf: '2026-03-13T05:00:00.000Z', inProgress: 4, overdue: 2, notYetDue: 1, paused: 1, overdueWithApology: 1 });
  });

  it('the same figures for the desk, the ward area, the city and the year; nothing in February', async () => {
    const march = await get('thongke', `/api/v1/stats/summary?scope=agency:${WARD}&period=2026-03`);
    for (const url of ['scope=desk:MC-20242&period=2026-03', 'scope=unit:20242&period=2026-03', 'scope=city&period=2026-03', 'period=2026', 'period=2026-Q1']) {
      const r = await get('thongke', `/api/v1/stats/summary?${url}`);
      expect(r.indicators, url).toEqual(march.indicators);
    }
    const feb = await get('thongke', '/api/v1/stats/summary?scope=city&period=2026-02');
    expect(feb.indicators.volume).toMatchObject({ received: 0, resolved: 0, inProgressAtEnd: 0 });
    expect(feb.indicators.progress.onTimeRate).toBeNull();
  });

  it('events count on their local day: Wednesday 04/03 alone', async () => {
    const r = await get('thongke', '/api/v1/stats/summary?scope=city&period=2026-03-04');
    // Received before 04/03: A, B, C, D; none closed before → 4 carried over; A resolved and returned
    // that day; C's apology that day; A rated that day.
    expect(r.indicators.volume).toMatchObject({ carriedOver: 4, received: 0, resolved: 1, resolvedEarly: 1, returned: 1, inProgressAtEnd: 3 });
    expect(r.indicators.transparency).toMatchObject({ apologies: 1, apologized: 1, lateApologized: 0, apologyRate: null });
    expect(r.indicators.satisfaction).toMatchObject({ ratings: 1, average: 5 });
    expect(r.indicators.progress).toMatchObject({ averageDays: 1.8, p90Days: 1.8 });
  });

  it('a custom week: carried over from before, received, closed', async () => {
    const r = await get('thongke', '/api/v1/stats/summary?scope=city&period=2026-03-09..2026-03-13');
    // Before 09/03: 4 received (A, B, C, D), 2 closed (A, C) → B and D carried over.
    // In the week: F, H, I, J, G, K received; B and J resolved; E refused; F withdrawn; G stopped.
    expect(r.indicators.volume).toEqual({
      carriedOver: 2, received: 6, receivedOnline: 0, total: 8, resolved: 2, resolvedEarly: 2, resolvedOnTime: 0, resolvedLate: 0,
      returned: 0, rejected: 1, withdrawn: 1, stopped: 1, inProgressAtEnd: 4, transferred: 0, transferredShare: 0,
    });
    // B 2.40 and J 1.73 → (2.40 + 1.73) / 2 = 2.065 → 2.07 (hundredths: (240 + 173) / 2 = 206.5 → 207)
    expect(r.indicators.progress).toMatchObject({ onTimeRate: 1, averageDays: 2.07, p90Days: 2.4 });
  });

  it('by field: only the construction permit (transferred to the Department of Construction)', async () => {
    const r = await get('thongke', '/api/v1/stats/summary?scope=city&period=2026-03&fieldCode=construction');
    expect(r.indicators.volume).toMatchObject({ received: 1, resolved: 0, transferred: 1, transferredShare: 1, inProgressAtEnd: 1 });
    expect(r.current).toMatchObject({ inProgress: 1, notYetDue: 1, overdue: 0 });
  });

  it('every number opens on exactly the dossiers behind it', async () => {
    const summary = await get('thongke', '/api/v1/stats/summary?scope=city&period=2026-03');
    const v = summary.indicators.volume;
    const expected: Record<string, string[]> = {
      received: ['A', 'B', 'C', 'D', 'F', 'G', 'H', 'I', 'J', 'K'],
      receivedOnline: ['A'],
      resolvedEarly: ['A', 'B', 'J'],
      resolvedLate: ['C'],
      resolvedLateApologized: ['C'],
      returned: ['A', 'C'],
      rejected: ['E'],
      withdrawn: ['F'],
      stopped: ['G'],
      apologized: ['C', 'I'],
      transferred: ['D'],
      digitized: ['A'],
      paid: ['J'],
      paidOnline: [],
      rated: ['A', 'C'],
      inProgressAtEnd: ['D', 'H', 'I', 'K'],
      overdueNow: ['H', 'I'],
      notYetDueNow: ['D'],
      pausedNow: ['K'],
    };
    const figures: Record<string, number> = {
      received: v.received, receivedOnline: v.receivedOnline, resolvedEarly: v.resolvedEarly, resolvedLate: v.resolvedLate, resolvedLateApologized: summary.indicators.transparency.lateApologized,
      returned: v.returned, rejected: v.rejected, withdrawn: v.withdrawn, stopped: v.stopped, apologized: summary.indicators.transparency.apologized, transferred: v.transferred,
      digitized: summary.indicators.digitization.digitized, paid: summary.indicators.onlineService.paid, paidOnline: summary.indicators.onlineService.paidOnline,
      rated: summary.indicators.satisfaction.ratings, inProgressAtEnd: v.inProgressAtEnd, overdueNow: summary.current.overdue, notYetDueNow: summary.current.notYetDue, pausedNow: summary.current.paused,
    };
    const letter = new Map(Object.entries(s).map(([k, d]) => [d.id, k]));
    for (const [indicator, letters] of Object.entries(expected)) {
      const r = await get('thongke', `/api/v1/stats/dossiers?scope=city&period=2026-03&indicator=${indicator}`);
      expect(r.total, indicator).toBe(figures[indicator]);
      expect(r.items.map((i: { dossierId: string }) => letter.get(i.dossierId)).sort(), indicator).toEqual(letters);
    }
    // Paged 3 at a time, the list of the received still adds up to the figure.
    const seen: string[] = [];
    let cursor = '';
    do {
      const r = await get('thongke', `/api/v1/stats/dossiers?scope=city&period=2026-03&indicator=received&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...r.items.map((i: { dossierId: string }) => i.dossierId));
      cursor = r.nextCursor ?? '';
    } while (cursor);
    expect(new Set(seen).size).toBe(10);
    // The week's carried-over dossiers are B and D.
    const carried = await get('thongke', '/api/v1/stats/dossiers?scope=city&period=2026-03-09..2026-03-13&indicator=carriedOver');
    expect(carried.items.map((i: { dossierId: string }) => letter.get(i.dossierId)).sort()).toEqual(['B', 'D']);
    expect(carried.items.find((i: { dossierId: string }) => i.dossierId === s.B.id)).toMatchObject({ code: expect.stringMatching(/^000\.05\.50\.H17-260302-/), processingDays: 2.4, timeliness: 'early' });
  });

  it('the trend carries the open dossiers from month to month', async () => {
    const r = await get('thongke', '/api/v1/stats/trend?scope=city&period=2026-Q1');
    expect(r.months.map((m: { month: string }) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(r.months.map((m: { indicators: { volume: { carriedOver: number; received: number; inProgressAtEnd: number } } }) => [m.indicators.volume.carriedOver, m.indicators.volume.received, m.indicators.volume.inProgressAtEnd])).toEqual([[0, 0, 0], [0, 0, 0], [0, 10, 4]]);
  });

  it('ranks procedures and agencies by on-time rate', async () => {
    const byProcedure = await get('thongke', '/api/v1/stats/ranking?scope=city&period=2026-03&by=procedure');
    expect(byProcedure.items).toEqual([
      { rank: 1, code: '1.004873', name: { vi: 'Cấp Giấy xác nhận tình trạng hôn nhân', en: expect.any(String) }, received: 9, resolved: 4, resolvedLate: 1, onTimeRate: 0.75, averageDays: 2.45, onlineShare: 0.1111, satisfactionAverage: 4 },
      { rank: 2, code: '1.009994', name: expect.any(Object), received: 1, resolved: 0, resolvedLate: 0, onTimeRate: null, averageDays: null, onlineShare: 0, satisfactionAverage: null },
    ]);
    const byAgency = await get('thongke', '/api/v1/stats/ranking?scope=city&period=2026-03&by=agency');
    expect(byAgency.items).toEqual([expect.objectContaining({ rank: 1, code: WARD, name: { vi: 'Ủy ban nhân dân phường Hải Châu', en: expect.any(String) }, received: 10, onTimeRate: 0.75 })]);
  });

  it('exports a table as a workbook an office would file', async () => {
    const r = await w.t.app.inject({ method: 'GET', url: `/api/v1/stats/export?scope=agency:${WARD}&period=2026-03&table=summary`, headers: w.s.thongke?.headers ?? {} });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.getCell('A1').value).toBe('BÁO CÁO TÌNH HÌNH GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(ws?.getCell('A2').value).toBe('Phạm vi: Ủy ban nhân dân phường Hải Châu');
    expect(ws?.getCell('A3').value).toBe('Kỳ báo cáo: Tháng 3/2026');
    expect(ws?.getCell('A4').value).toBe('Thời điểm lập: 12:00 ngày 13/03/2026');
    expect([1, 2, 3, 4].map((c) => ws?.getRow(6).getCell(c).value)).toEqual(['Nhóm chỉ tiêu', 'Chỉ tiêu', 'Giá trị', 'Đơn vị tính']);
    const rows = new Map<string, unknown>();
    ws?.eachRow((row) => rows.set(String(row.getCell(2).value), row.getCell(3).value));
    expect(rows.get('Tiếp nhận trong kỳ')).toBe(10);
    expect(rows.get('Tỷ lệ đúng hạn')).toBe(75);
    expect(rows.get('Thời gian giải quyết (phân vị 90)')).toBe(3.9);

    const trend = await w.t.app.inject({ method: 'GET', url: '/api/v1/stats/export?scope=city&period=2026-Q1&table=trend', headers: w.s.thongke?.headers ?? {} });
    const tb = new ExcelJS.Workbook();
    await tb.xlsx.load(trend.rawPayload as unknown as ArrayBuffer);
    const last = tb.worksheets[0]?.getRow(10);
    // Rows 7–9: January to March; row 10: the totals line.
    expect([1, 2, 3, 4].map((c) => last?.getCell(c).value)).toEqual(['Tổng cộng', 0, 10, 1]);
  });

  it('the public transparency page shows each agency without login and without personal data', async () => {
    const r = await get(null, '/api/v1/public/transparency');
    expect(r).toMatchObject({ asOf: '2026-03-13T05:00:00.000Z', month: '2026-03', year: '2026' });
    expect(r.agencies).toEqual([
      {
        agencyCode: WARD,
        name: { vi: 'Ủy ban nhân dân phường Hải Châu', en: expect.any(String) },
        month: { resolved: 4, onTimeRate: 0.75 },
        year: { resolved: 4, onTimeRate: 0.75 },
        overdueNow: 2,
        overdueWithApology: 1,
        apologiesThisYear: 2,
        satisfaction: { ratings: 2, average: 4 },
      },
    ]);
    expect(JSON.stringify(r)).not.toMatch(/Trần Thị Bích|048185000002|Nguyễn Văn An/);
  });

  it('index weights are settings a system administrator changes, with an audit row', async () => {
    const weights = { transparency: 20, progress: 20, onlineService: 20, digitization: 20, satisfaction: 20 };
    expect((await w.t.app.inject({ method: 'PUT', url: '/api/v1/stats/weights', headers: w.s.thongke?.headers ?? {}, payload: weights })).statusCode).toBe(403);
    const put = await w.t.app.inject({ method: 'PUT', url: '/api/v1/stats/weights', headers: w.s.admin?.headers ?? {}, payload: weights });
    expect(put.statusCode, put.body).toBe(200);
    const r = await get('thongke', `/api/v1/stats/summary?scope=agency:${WARD}&period=2026-03`);
    // 20 × (1 + 0.75 + 0.05 + 0.25 + 0.5) = 51
    expect(r.indicators.index.score).toBe(51);
    const audit = await w.t.database.db.selectFrom('audit_log').select('action').where('action', '=', 'stats.weights').execute();
    expect(audit).toHaveLength(1);
  });
});
