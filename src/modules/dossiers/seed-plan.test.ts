import { describe, expect, it } from 'vitest';
import { buildCalendar, computeDue, PUBLISHED_OVERRIDES } from '../calendar/index.js';
import { planDossiers, type PlanInput, type PlanProcedure } from './seed-plan.js';
import { createRng } from './seed-prng.js';

const cal = buildCalendar({ overrides: PUBLISHED_OVERRIDES });
// "Today" starts Wednesday 20/05/2026 00:00 in Vietnam.
const END = new Date('2026-05-20T00:00:00+07:00');
const DAY = 86_400_000;
const procedures: PlanProcedure[] = [
  { code: '2.000908', workflowKey: 'same-day-certification', level: 'commune', rule: { unit: 'sameDay', cutoffMinutes: 900 }, charged: true, byOrganization: false, weight: 20 },
  { code: '1.001193', workflowKey: 'standard-one-stop', level: 'commune', rule: { unit: 'sameDay', cutoffMinutes: 900 }, charged: false, byOrganization: false, weight: 8 },
  { code: '1.004873', workflowKey: 'standard-one-stop', level: 'commune', rule: { unit: 'workingDays', value: 3 }, charged: true, byOrganization: false, weight: 8 },
  { code: '1.009994', workflowKey: 'construction-permit', level: 'commune', rule: { unit: 'workingDays', value: 15 }, charged: true, byOrganization: false, weight: 9 },
  { code: '1.012756', workflowKey: 'ward-to-department', level: 'commune', rule: { unit: 'workingDays', value: 20 }, charged: true, byOrganization: false, weight: 4 },
  { code: '2.000620', workflowKey: 'standard-one-stop', level: 'commune', rule: { unit: 'workingDays', value: 10 }, charged: true, byOrganization: true, weight: 2 },
  { code: '2.000505', workflowKey: 'standard-one-stop', level: 'province', rule: { unit: 'workingDays', value: 10 }, charged: true, byOrganization: false, weight: 5 },
];
const input: PlanInput = {
  count: 300,
  end: END,
  days: 60,
  desks: [
    { deskCode: 'MC-20242', kind: 'ward', weight: 20 },
    { deskCode: 'MC-20200', kind: 'ward', weight: 17 },
    { deskCode: 'MC-TTPVHCC', kind: 'centre', weight: 12 },
  ],
  procedures,
  calendarOf: () => cal,
  pools: { citizensWithAccount: 60, citizens: 400, organizations: 60 },
};
const plans = planDossiers(input, createRng(2026));
const byCode = new Map(procedures.map((p) => [p.code, p]));

describe('the demonstration plan', () => {
  it('aims at every status, over the 60 days before today and never today', () => {
    expect(new Set(plans.map((p) => p.target))).toEqual(new Set(['submitted', 'received', 'processing', 'awaitingSupplement', 'awaitingPayment', 'resolved', 'returned', 'rejected', 'withdrawn', 'stopped']));
    for (const p of plans) {
      expect(p.submitAt.getTime()).toBeLessThan(END.getTime());
      // Online dossiers may be filed up to 30 hours before the counter moment they were planned on.
      expect(p.submitAt.getTime()).toBeGreaterThan(END.getTime() - 62 * DAY);
    }
  });

  it('the city centre only receives (it has no processing team in the demo) and only province procedures', () => {
    const centre = plans.filter((p) => p.deskCode === 'MC-TTPVHCC');
    expect(centre.length).toBeGreaterThan(10);
    for (const p of centre) {
      expect(['submitted', 'received', 'rejected', 'withdrawn']).toContain(p.target);
      expect(byCode.get(p.procedureCode)?.level).toBe('province');
    }
    for (const p of plans.filter((x) => x.deskCode !== 'MC-TTPVHCC')) expect(byCode.get(p.procedureCode)?.level).toBe('commune');
  });

  it('about 12% are planned overdue: received so long ago that the appointment passed before today', () => {
    const overdue = plans.filter((p) => p.overdue);
    // 12% of 300 = 36 at most.
    expect(overdue.length).toBeGreaterThanOrEqual(25);
    expect(overdue.length).toBeLessThanOrEqual(36);
    for (const p of overdue) {
      const rule = byCode.get(p.procedureCode)?.rule ?? { unit: 'sameDay' };
      expect(computeDue(cal, p.submitAt, rule).getTime()).toBeLessThan(END.getTime());
    }
  });

  it('online dossiers come from citizens with an account; businesses file at the counter', () => {
    for (const p of plans.filter((x) => x.channel === 'online')) expect(p.owner).toMatchObject({ kind: 'citizen' });
    for (const p of plans.filter((x) => x.channel === 'online')) expect(p.owner.index).toBeLessThan(60);
    for (const p of plans.filter((x) => byCode.get(x.procedureCode)?.byOrganization)) expect(p).toMatchObject({ channel: 'counter', owner: { kind: 'organization' } });
  });

  it('returned dossiers end with the return (and a rating only from an applicant with an account); large houses go to the department', () => {
    for (const p of plans.filter((x) => x.target === 'returned')) {
      const last = p.script.filter((a) => a !== '@rate').at(-1);
      expect(['returnResult', 'hand']).toContain(last);
      if (p.script.includes('@rate')) expect(p.owner.kind === 'citizen' && p.owner.index < 60 && p.rating !== undefined).toBe(true);
    }
    const permits = plans.filter((p) => p.procedureCode === '1.009994' && p.target === 'returned');
    for (const p of permits) expect(p.script.includes('sendForAppraisal')).toBe((p.totalFloorArea ?? 0) > 250);
    expect(plans.filter((p) => p.script.includes('@apology')).length).toBeGreaterThan(0);
  });

  it('the same seed gives the same plan', () => {
    expect(planDossiers(input, createRng(2026))).toEqual(plans);
  });
});
