/**
 * P5: due-date computations per second with the working calendar (goal: over 1,000,000/s).
 *
 * Inputs are drawn with a seeded PRNG over 2025–2027 (receipts at any minute of any day,
 * nights, weekends and holidays included) with the rule mix of a typical procedure
 * catalogue. The calendar is built once and warmed up so its per-year tables exist, as in
 * a long-running server. Baseline: `bench/baselines/p5-naive-due-dates.ts`.
 */
import { buildCalendar, computeDue, DEFAULT_OFFICE_HOURS, PUBLISHED_OVERRIDES, type DeadlineRule, type WeeklySchedule } from '../../src/modules/calendar/index.js';
import { naiveDue } from '../baselines/p5-naive-due-dates.js';
import { mulberry32 } from '../support/prng.js';
import { interleaved, load1, row } from '../support/stats.js';
import type { BenchContext, BySize, Measure, ResultRow } from './types.js';

const RULES: readonly DeadlineRule[] = [
  { unit: 'workingDays', value: 3 },
  { unit: 'workingDays', value: 5 },
  { unit: 'workingDays', value: 7 },
  { unit: 'workingDays', value: 10 },
  { unit: 'workingDays', value: 15 },
  { unit: 'workingDays', value: 20 },
  { unit: 'workingDays', value: 0.5 },
  { unit: 'workingHours', value: 4 },
  { unit: 'sameDay' },
  { unit: 'calendarDays', value: 30 },
];

const COUNT: BySize<number> = { smoke: 20_000, default: 2_000_000, full: 10_000_000 };
const INPUTS = 65_536;

function inputs(): { instants: Date[]; rules: DeadlineRule[] } {
  const random = mulberry32(20260213);
  const start = Date.parse('2025-01-01T00:00:00+07:00');
  const span = Date.parse('2028-01-01T00:00:00+07:00') - start;
  const instants: Date[] = [];
  const rules: DeadlineRule[] = [];
  for (let i = 0; i < INPUTS; i++) {
    instants.push(new Date(start + Math.floor((random() * span) / 60_000) * 60_000));
    rules.push(RULES[Math.floor(random() * RULES.length)] ?? { unit: 'sameDay' });
  }
  return { instants, rules };
}

/** Due dates per second over `count` computations; the checksum keeps the work from being optimised away. */
function systemRate(officeHours: WeeklySchedule, count: number, data: ReturnType<typeof inputs>): number {
  const cal = buildCalendar({ officeHours, overrides: PUBLISHED_OVERRIDES });
  let checksum = 0;
  for (let i = 0; i < INPUTS; i++) checksum ^= computeDue(cal, data.instants[i] as Date, data.rules[i] as DeadlineRule).getTime() / 60_000;
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const k = i & (INPUTS - 1);
    checksum ^= computeDue(cal, data.instants[k] as Date, data.rules[k] as DeadlineRule).getTime() / 60_000;
  }
  const rate = count / ((performance.now() - t0) / 1000);
  return checksum === 0.5 ? 0 : rate;
}

function baselineRate(count: number, data: ReturnType<typeof inputs>): number {
  const ms = data.instants.map((d) => d.getTime());
  let checksum = 0;
  for (let i = 0; i < INPUTS; i++) checksum ^= naiveDue(ms[i] as number, data.rules[i] as DeadlineRule) / 60_000;
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const k = i & (INPUTS - 1);
    checksum ^= naiveDue(ms[k] as number, data.rules[k] as DeadlineRule) / 60_000;
  }
  const rate = count / ((performance.now() - t0) / 1000);
  return checksum === 0.5 ? 0 : rate;
}

export const p5: Measure = {
  id: 'P5',
  title: 'due-date computations (pure)',
  async run(ctx: BenchContext): Promise<ResultRow[]> {
    const count = COUNT[ctx.mode];
    const data = inputs();
    const rows: ResultRow[] = [];
    const scenarios: [string, WeeklySchedule][] = [
      ['default office hours', DEFAULT_OFFICE_HOURS],
      ['desk open Saturday mornings', { ...DEFAULT_OFFICE_HOURS, sat: [{ start: 450, end: 690 }] }],
    ];
    for (const [label, hours] of scenarios) {
      ctx.log(`P5 ${label}: ${count.toLocaleString('en')} due dates × ${ctx.runs} runs`);
      const before = load1();
      const r = await interleaved(
        ctx.runs,
        async () => systemRate(hours, count, data),
        async () => baselineRate(count, data),
      );
      rows.push(
        row(
          { measure: 'P5', what: `due dates, ${label} (${count.toLocaleString('en')})`, unit: '/s', better: 'higher', goal: '> 1,000,000/s' },
          r.system,
          { name: 'Mon–Fri day count, no holidays or hours', runs: r.baseline },
          ctx.mode === 'smoke' ? null : (v) => v > 1_000_000,
          { before, after: load1() },
        ),
      );
    }
    return rows;
  },
};
