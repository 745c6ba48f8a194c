/** The results table printed at the end of a run, and the machine description saved with it. */
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import type { Figure, ResultRow } from '../measures/types.js';
import { spreadPercent } from './stats.js';

/** Where the figures were measured. */
export function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    os: `${platform()} ${release()}`,
    node: process.version,
    load: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/** A number in the unit's usual precision. */
export function formatNumber(value: number, unit: string): string {
  if (unit === 's') return value < 10 ? value.toFixed(2) : value.toFixed(1);
  if (unit === 'MB') return value.toFixed(0);
  if (unit === 'ms') return value < 100 ? value.toFixed(1) : value.toFixed(0);
  return Math.round(value).toLocaleString('en');
}

function formatFigure(f: Figure | null, unit: string): string {
  if (!f) return '—';
  const spread = f.runs.length > 1 ? ` ±${spreadPercent(f).toFixed(0)}%` : '';
  return `${formatNumber(f.median, unit)} ${unit}${spread}`.replace(' /s', '/s');
}

/** The table of issue 10: measure, value, baseline, ratio, goal, met or not. */
export function formatTable(rows: readonly ResultRow[]): string {
  const header = ['measure', 'what', 'value (median ±spread)', 'baseline', 'ratio', 'goal', 'met'];
  const lines = rows.map((r) => [
    r.measure,
    r.what,
    formatFigure(r.value, r.unit),
    r.baseline ? formatFigure(r.baseline, r.unit) : '—',
    r.ratio === null ? '—' : `${r.ratio >= 10 ? r.ratio.toFixed(0) : r.ratio.toFixed(2)}×`,
    r.goal,
    r.met === null ? (r.value ? 'not judged' : 'not run') : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const out = [fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)];
  const notes = rows.filter((r) => r.note || r.baseline).map((r) => `  ${r.measure} ${r.what}: ${[r.baseline ? `baseline = ${r.baseline.name}` : '', r.note ?? '', r.load ? `load ${r.load.before} → ${r.load.after}` : ''].filter(Boolean).join('; ')}`);
  return [...out, '', 'ratio = value ÷ baseline (medians of the same run).', ...notes].join('\n');
}
