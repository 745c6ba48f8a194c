/**
 * Benchmark: due-date computations per second with the working calendar (target > 1,000,000/s).
 *
 *   npx tsx bench/p5-due-dates.ts [count]
 *
 * Inputs are drawn with a seeded PRNG over 2025–2027 (receipts at any minute of any day,
 * including nights, weekends and holidays) with the rule mix of a typical procedure
 * catalogue. The calendar is built once, and warmed up so that the per-year tables exist,
 * as they would in a long-running server.
 */
import { performance } from 'node:perf_hooks';
import { buildCalendar, DEFAULT_OFFICE_HOURS } from '../src/modules/calendar/calendar.js';
import { computeDue } from '../src/modules/calendar/deadlines.js';
import { PUBLISHED_OVERRIDES } from '../src/modules/calendar/published-schedules.js';
import type { DeadlineRule } from '../src/modules/calendar/types.js';

/** mulberry32: small, fast, deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

const count = Number(process.argv[2] ?? 2_000_000);
const random = prng(20260213);
const start2025 = Date.parse('2025-01-01T00:00:00+07:00');
const span = Date.parse('2028-01-01T00:00:00+07:00') - start2025;
const INPUTS = 65_536;
const instants: Date[] = [];
const rules: DeadlineRule[] = [];
for (let i = 0; i < INPUTS; i++) {
  instants.push(new Date(start2025 + Math.floor((random() * span) / 60_000) * 60_000));
  rules.push(RULES[Math.floor(random() * RULES.length)] ?? { unit: 'sameDay' });
}

function run(label: string, officeHours = DEFAULT_OFFICE_HOURS): void {
  const cal = buildCalendar({ officeHours, overrides: PUBLISHED_OVERRIDES });
  let checksum = 0;
  // Warm-up: builds the year tables and lets the JIT settle.
  for (let i = 0; i < INPUTS; i++) checksum ^= computeDue(cal, instants[i] as Date, rules[i] as DeadlineRule).getTime() / 60_000;
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const k = i & (INPUTS - 1);
    // Folding every result into a checksum keeps the work from being optimised away.
    checksum ^= computeDue(cal, instants[k] as Date, rules[k] as DeadlineRule).getTime() / 60_000;
  }
  const seconds = (performance.now() - t0) / 1000;
  const perSecond = Math.round(count / seconds);
  process.stdout.write(
    `${label}: ${count.toLocaleString('en')} due dates in ${seconds.toFixed(3)} s = ${perSecond.toLocaleString('en')}/s ` +
      `(${perSecond > 1_000_000 ? 'meets' : 'BELOW'} the 1,000,000/s target; checksum ${checksum})\n`,
  );
}

run('default hours');
run('desk open Saturday mornings', { ...DEFAULT_OFFICE_HOURS, sat: [{ start: 450, end: 690 }] });
