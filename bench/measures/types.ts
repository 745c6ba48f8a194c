/**
 * What a measure is and what it reports. A measure times the system and, in the same run,
 * a baseline doing the same work without the system's features; the ratio of the two
 * stays meaningful on a noisy shared machine even when the absolute figures do not.
 */

/** `smoke`: tiny sizes, seconds, speed not judged; `default`: under 15 minutes; `full`: large sizes. */
export type Mode = 'smoke' | 'default' | 'full';

export interface BenchContext {
  mode: Mode;
  /** Timed runs per figure (the median is reported, with the spread). */
  runs: number;
  /** Progress line on standard error. */
  log(line: string): void;
}

/** A figure measured `runs.length` times; `median` is what the table shows. */
export interface Figure {
  median: number;
  runs: number[];
}

/** One line of the results table. */
export interface ResultRow {
  /** `P5`, `P8`… */
  measure: string;
  /** What was measured, with its size. */
  what: string;
  /** Unit of value and baseline: `/s`, `s`, `MB`. */
  unit: string;
  /** Whether a larger value is better (rates) or a smaller one (times, memory). */
  better: 'higher' | 'lower';
  value: Figure | null;
  baseline: (Figure & { name: string }) | null;
  /** value ÷ baseline (medians). */
  ratio: number | null;
  goal: string;
  /** null when not judged: smoke runs, and measures that cannot run yet. */
  met: boolean | null;
  /** Load average (1 min) before and after, since the machine is shared. */
  load?: { before: number; after: number };
  note?: string;
}

/** A benchmark: P1…P8 of issue 10. */
export interface Measure {
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<ResultRow[]>;
}

/** Sizes of a measure by mode. */
export type BySize<T> = Record<Mode, T>;
