/** Small statistics and timing helpers shared by the measures. */
import { loadavg } from 'node:os';
import type { Figure, ResultRow } from '../measures/types.js';

/** Median of a non-empty list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const hi = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? hi) + hi) / 2;
}

/** The figure of a list of runs. */
export function figure(runs: readonly number[]): Figure {
  return { median: median(runs), runs: [...runs] };
}

/** Spread of a figure as ± half the range, in percent of the median. */
export function spreadPercent(f: Figure): number {
  if (f.runs.length < 2 || f.median === 0) return 0;
  return ((Math.max(...f.runs) - Math.min(...f.runs)) / 2 / Math.abs(f.median)) * 100;
}

/** One-minute load average of the machine. */
export function load1(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}

/**
 * Runs the system and the baseline `runs` times each, alternating which goes first
 * (A B, B A, A B…), so that a burst of load from other users hits both alike.
 */
export async function interleaved(runs: number, system: () => Promise<number>, baseline: () => Promise<number>): Promise<{ system: number[]; baseline: number[] }> {
  const s: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      s.push(await system());
      b.push(await baseline());
    } else {
      b.push(await baseline());
      s.push(await system());
    }
  }
  return { system: s, baseline: b };
}

/**
 * A result row from measured runs: medians, ratio (system ÷ baseline), and whether the
 * goal is met (`judge` gets the row; never judged in smoke runs).
 */
export function row(
  base: Pick<ResultRow, 'measure' | 'what' | 'unit' | 'better' | 'goal' | 'note'>,
  system: readonly number[],
  baseline: { name: string; runs: readonly number[] } | null,
  judge: ((value: number, ratio: number | null) => boolean) | null,
  load: { before: number; after: number },
): ResultRow {
  const value = figure(system);
  const base2 = baseline ? { name: baseline.name, ...figure(baseline.runs) } : null;
  const ratio = base2 && base2.median !== 0 ? value.median / base2.median : null;
  return { ...base, value, baseline: base2, ratio, met: judge ? judge(value.median, ratio) : null, load };
}

/** Milliseconds since `t0` (a `performance.now()` reading) in seconds. */
export function secondsSince(t0: number): number {
  return (performance.now() - t0) / 1000;
}
