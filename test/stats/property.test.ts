import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeskCalendar, officeTimeBetween } from '../../src/modules/calendar/index.js';
import { HAI_CHAU_DESK, type Reply, type World } from '../support/dossiers.js';
import { testDialect } from '../support/db.js';
import { statsWorld } from './world.js';

const FORM = { fullName: 'Trần Thị Bích', dateOfBirth: '1985-11-20', idNumber: '048185000002', maritalStatus: 'divorced', purpose: 'Mua bán nhà', phone: '0935000002' };
const ONLINE_FORM = { fullName: 'Nguyễn Văn An', dateOfBirth: '1990-05-15', idNumber: '048090000001', maritalStatus: 'single', purpose: 'Đăng ký kết hôn', phone: '0905000001' };
const RESULT = { number: '9/GXN', date: '2026-03-04', signer: 'Lê Văn Hùng', summary: 'Xác nhận' };
const VN = 7 * 3_600_000;
const day = (iso: string) => new Date(Date.parse(iso) + VN).toISOString().slice(0, 10);

/** mulberry32: a small seeded PRNG, so a failing sequence can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Row = Record<string, unknown>;

/**
 * The property behind every figure: after any sequence of actions, the daily aggregates equal
 * what a direct recomputation from the dossiers, their history, requests, payments, ratings
 * and documents gives, counter by counter and day by day (processing time included).
 */
describe(`aggregates equal a recomputation from the dossiers after random actions, on ${testDialect}`, () => {
  let w: World;
  const SEED = 20261125;
  beforeAll(async () => {
    w = await statsWorld('2026-03-02 08:00');
  }, 120_000);
  afterAll(async () => {
    await w?.t.close();
  });

  const kinds = new Set<string>();
  let clock = Date.parse('2026-03-02T01:00:00Z');

  it.each([SEED, SEED + 1])('holds after a random sequence of submissions, pauses, apologies, refusals, results and ratings (seed %i)', async (seed) => {
    const rnd = prng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const dossiers: { id: string; version: number; online: boolean; step: string | null; status: string }[] = [];
    const track = (d: { version: number; step: string | null; status: string }, r: Reply) => {
      if (r.statusCode !== 200) return;
      d.version = r.json().version;
      d.step = r.json().currentStep;
      d.status = r.json().status;
    };
    const resultFile = await w.file('application/pdf', '%PDF-1.4 ket qua');
    const declaration = await w.file('application/pdf', '%PDF-1.4 to khai');
    for (let step = 0; step < 140; step++) {
      clock += (rnd() < 0.06 ? 40 : Math.floor(rnd() * 6)) * 3_600_000 + 15 * 60_000;
      w.t.clock.set(new Date(clock).toISOString());
      if (dossiers.length < 24 && (dossiers.length < 3 || rnd() < 0.2)) {
        const online = rnd() < 0.3;
        const r = online
          ? await w.post('048090000001', '/api/v1/dossiers', { procedureCode: '1.004873', deskCode: HAI_CHAU_DESK, owner: { kind: 'citizen', number: '048090000001' }, formData: ONLINE_FORM, delivery: { method: 'online' }, documents: [{ requirementId: 'to-khai', sha256: declaration, fileName: 'to-khai.pdf' }] })
          : await w.post('haichau.tiepnhan', '/api/v1/dossiers', { procedureCode: '1.004873', deskCode: HAI_CHAU_DESK, owner: { kind: 'citizen', number: '048185000002' }, formData: FORM, delivery: { method: 'counter' } });
        expect(r.statusCode, r.body).toBe(201);
        dossiers.push({ id: r.json().id, version: r.json().version, online, step: r.json().currentStep, status: r.json().status });
        continue;
      }
      const d = pick(dossiers.filter((x) => x.step !== null).length ? dossiers.filter((x) => x.step !== null || rnd() < 0.1) : dossiers);
      const citizen = d.online ? '048090000001' : '048185000002';
      // Moves that fit where the dossier is (a few that do not fit are kept: they must change nothing).
      const byStep: Record<string, [string, Record<string, unknown>][]> = {
        reception: [['haichau.tiepnhan', { actionId: 'receive' }], ['haichau.tiepnhan', { actionId: 'receive' }], ['haichau.tiepnhan', { actionId: 'receptionRefuse', reason: 'Không đủ điều kiện' }]],
        examine: [
          ['haichau.chuyenvien', { actionId: 'submitToLeader' }],
          ['haichau.chuyenvien', { actionId: 'submitToLeader' }],
          ['haichau.chuyenvien', { actionId: 'examineSupplement', supplementItems: [{ name: 'Bản sao' }] }],
          ['haichau.chuyenvien', { actionId: 'examinePayment' }],
          ['haichau.tiepnhan', { actionId: 'supplementReceived' }],
          ['haichau.tiepnhan', { actionId: 'paymentReceived', payment: { amount: 15000, reference: `BL-${step}`, method: 'cash' } }],
          ['haichau.lanhdao', { actionId: 'stop', reason: 'Dừng' }],
        ],
        approve: [['haichau.lanhdao', { actionId: 'leaderApprove' }], ['haichau.lanhdao', { actionId: 'leaderApprove' }], ['haichau.lanhdao', { actionId: 'leaderSendBack' }], ['haichau.lanhdao', { actionId: 'leaderRefuse' }]],
        issue: [['haichau.vanthu', { actionId: 'issueResult', result: RESULT }], ['haichau.vanthu', { actionId: 'issueResult', result: RESULT, documents: [{ sha256: resultFile, fileName: 'kq.pdf' }] }]],
        return: [['haichau.tiepnhan', { actionId: 'returnResult', delivery: { receivedBy: 'Chủ hồ sơ' } }]],
        awaitingSupplement: [['haichau.tiepnhan', { actionId: 'supplementReceived' }]],
        awaitingPayment: [['haichau.tiepnhan', { actionId: 'paymentReceived', payment: { amount: 15000, reference: `BL-${step}`, method: 'cash' } }]],
      };
      const moves: [string, Record<string, unknown>][] = [...(byStep[d.status] ?? byStep[d.step ?? ''] ?? []), ...(rnd() < 0.12 ? [[citizen, { actionId: 'withdraw' }] as [string, Record<string, unknown>]] : []), ['haichau.lanhdao', { actionId: 'leaderApprove' }]];
      const roll = rnd();
      if (roll < 0.08) {
        const r = await w.post('haichau.chuyenvien', `/api/v1/dossiers/${d.id}/apology`, { version: d.version, newDueAt: new Date(clock + 10 * 86_400_000).toISOString(), reason: 'Hẹn lại' });
        track(d, r);
      } else if (roll < 0.14) {
        await w.post(citizen, `/api/v1/dossiers/${d.id}/rating`, { score: 1 + Math.floor(rnd() * 5) });
      } else {
        const [who, body] = pick(moves);
        track(d, await w.act(who, d.id, { ...body, version: d.version }));
      }
    }

    const db = w.t.database.db.withTables<{
      dossiers: Row & { id: string };
      dossier_events: Row;
      dossier_requests: Row;
      dossier_payments: Row;
      dossier_ratings: Row;
      dossier_documents: Row;
      stats_daily: Row;
      stats_daily_processing: Row;
      stats_monthly_processing: Row;
      stats_monthly_processing_agency: Row;
      stats_monthly_processing_city: Row;
    }>();
    const rows = (await db.selectFrom('dossiers').selectAll().execute()) as Row[];
    const events = (await db.selectFrom('dossier_events').selectAll().orderBy('seq').execute()) as Row[];
    const requests = (await db.selectFrom('dossier_requests').selectAll().execute()) as Row[];
    const payments = (await db.selectFrom('dossier_payments').selectAll().execute()) as Row[];
    const ratings = (await db.selectFrom('dossier_ratings').selectAll().execute()) as Row[];
    const documents = (await db.selectFrom('dossier_documents').selectAll().execute()) as Row[];
    const cal = await loadDeskCalendar(w.t.database.db, HAI_CHAU_DESK);

    const expected = new Map<string, number>();
    const add = (d: string | null | undefined, counter: string, n = 1) => {
      if (!d || n === 0) return;
      const key = `${d}|${counter}`;
      expected.set(key, (expected.get(key) ?? 0) + n);
    };
    const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
    for (const r of rows) {
      const id = r.id as string;
      const receivedAt = s(r.received_at);
      const resolvedAt = s(r.resolved_at);
      const finishedAt = s(r.finished_at);
      if (receivedAt) {
        add(day(receivedAt), 'received');
        add(day(receivedAt), 'received_full_level'); // 1.004873 is a full online service
        if (r.channel === 'online') {
          add(day(receivedAt), 'received_online');
          add(day(receivedAt), 'received_online_full');
        }
        const ends = [resolvedAt, finishedAt].filter((x): x is string => !!x).map((x) => Date.parse(x));
        if (ends.length) add(day(new Date(Math.min(...ends)).toISOString()), 'closed');
      }
      if (resolvedAt) {
        const t = (r.timeliness as string | null) ?? 'onTime';
        add(day(resolvedAt), t === 'early' ? 'resolved_early' : t === 'late' ? 'resolved_late' : 'resolved_on_time');
        if (t === 'late' && Number(r.apologies) > 0) add(day(resolvedAt), 'late_apologized');
        if (documents.some((x) => x.dossier_id === id && x.kind === 'result' && s(x.uploaded_at) === resolvedAt)) add(day(resolvedAt), 'digitized');
        // Office time from reception to result, less the waits (from entering a waiting status to the next event).
        const mine = events.filter((e) => e.dossier_id === id);
        let waited = 0;
        mine.forEach((e, i) => {
          const next = mine[i + 1];
          if (next && (e.status_after === 'awaitingSupplement' || e.status_after === 'awaitingPayment') && receivedAt && s(e.at)! >= receivedAt) {
            waited += officeTimeBetween(cal, new Date(s(e.at) as string), new Date(s(next.at) as string));
          }
        });
        const centi = receivedAt ? Math.round(((officeTimeBetween(cal, new Date(receivedAt), new Date(resolvedAt)) - waited) / (7.5 * 3_600_000)) * 100) : 0;
        add(day(resolvedAt), 'processing_centi', centi);
        add(day(resolvedAt), `bucket:${Math.ceil(centi / 10)}`);
      }
      if (finishedAt && ['returned', 'rejected', 'withdrawn', 'stopped'].includes(r.status as string)) add(day(finishedAt), r.status as string);
      const apologies = requests.filter((q) => q.dossier_id === id && q.kind === 'apology').map((q) => s(q.at) as string).sort();
      for (const a of apologies) add(day(a), 'apologies');
      add(apologies[0] ? day(apologies[0]) : null, 'apologized');
      const paid = payments.filter((p) => p.dossier_id === id).map((p) => s(p.recorded_at) as string).sort();
      add(paid[0] ? day(paid[0]) : null, 'paid');
      const rating = ratings.find((x) => x.dossier_id === id);
      if (rating) {
        const d = day(s(rating.rated_at) as string);
        add(d, 'rated');
        add(d, 'rating_sum', Number(rating.score));
        add(d, `rating_${Number(rating.score)}`);
      }
    }

    const actual = new Map<string, number>();
    for (const r of (await db.selectFrom('stats_daily').selectAll().execute()) as Row[]) {
      for (const [k, v] of Object.entries(r)) {
        if (['day', 'agency_code', 'desk_code', 'procedure_code', 'field_code'].includes(k) || Number(v) === 0) continue;
        const key = `${s(r.day)}|${k}`;
        actual.set(key, (actual.get(key) ?? 0) + Number(v));
      }
    }
    for (const r of (await db.selectFrom('stats_daily_processing').selectAll().execute()) as Row[]) {
      if (Number(r.n) === 0) continue;
      const key = `${s(r.day)}|bucket:${Number(r.bucket)}`;
      actual.set(key, (actual.get(key) ?? 0) + Number(r.n));
    }
    const sorted = (m: Map<string, number>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));
    expect(sorted(actual)).toEqual(sorted(expected));
    for (const k of expected.keys()) kinds.add(k.split('|')[1]?.replace(/^bucket:.*/, 'bucket') ?? '');

    // The histogram roll-ups the wide scopes read are the full monthly histogram grouped by their keys.
    const grouped = (rows: Row[], keys: string[]) => {
      const out = new Map<string, number>();
      for (const r of rows) {
        const k = keys.map((c) => String(r[c])).join('|');
        out.set(k, (out.get(k) ?? 0) + Number(r.n));
      }
      return sorted(new Map([...out].filter(([, n]) => n !== 0)));
    };
    const full = (await db.selectFrom('stats_monthly_processing').selectAll().execute()) as Row[];
    expect(full.length).toBeGreaterThan(0);
    expect(grouped((await db.selectFrom('stats_monthly_processing_agency').selectAll().execute()) as Row[], ['month', 'agency_code', 'bucket'])).toEqual(grouped(full, ['month', 'agency_code', 'bucket']));
    expect(grouped((await db.selectFrom('stats_monthly_processing_city').selectAll().execute()) as Row[], ['month', 'bucket'])).toEqual(grouped(full, ['month', 'bucket']));

    // Live "now" figures agree with the carried-over arithmetic on the aggregates.
    const summary = await w.get('thongke', '/api/v1/stats/summary?scope=city&period=2026');
    expect(summary.json().indicators.volume.inProgressAtEnd).toBe(summary.json().current.inProgress);
  }, 120_000);

  it('the sequences exercised every kind of event (so the property is not vacuous)', () => {
    for (const k of ['received', 'received_online', 'resolved_early', 'resolved_late', 'closed', 'processing_centi', 'bucket', 'digitized', 'returned', 'rejected', 'withdrawn', 'stopped', 'apologies', 'paid', 'rated']) expect(kinds, k).toContain(k);
  });
});
