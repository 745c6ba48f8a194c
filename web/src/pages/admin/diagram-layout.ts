/** Layout of a workflow diagram (nodes and edges from the API's `?format=json`) for an SVG. */

export interface Bilingual {
  vi: string;
  en: string;
}
export interface DNode {
  id: string;
  kind: string;
  label: Bilingual;
  role?: string;
  allotted?: { unit: string; value?: number };
  leg?: string;
}
export interface DEdge {
  id: string;
  from: string;
  to: string;
  type: string;
  label: Bilingual;
  conditional: boolean;
}
export interface PlacedNode extends DNode {
  x: number;
  y: number;
  rank: number;
}
export interface PlacedEdge extends DEdge {
  path: string;
  labelX: number;
  labelY: number;
  /** SVG text-anchor of the label: beside a curve, or centred on a straight arrow. */
  anchor: 'start' | 'middle';
  back: boolean;
}

export const NODE_W = 270;
export const NODE_H = 58;
const COL_W = 320;
const ROW_H = 120;
const MARGIN = 40;
/** Room beside the boxes for edges that skip rows (left) and go back up (right). */
const SIDE = 190;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isBilingual = (v: unknown): v is Bilingual => isRecord(v) && typeof v.vi === 'string' && typeof v.en === 'string';

/** Narrows the API's loosely typed diagram; entries that lack an id or label are dropped. */
export function parseDiagram(raw: { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] }): { nodes: DNode[]; edges: DEdge[] } {
  const nodes: DNode[] = [];
  for (const n of raw.nodes) {
    if (typeof n.id !== 'string' || typeof n.kind !== 'string' || !isBilingual(n.label)) continue;
    const a = n.allotted;
    nodes.push({
      id: n.id,
      kind: n.kind,
      label: n.label,
      ...(typeof n.role === 'string' ? { role: n.role } : {}),
      ...(isRecord(a) && typeof a.unit === 'string' ? { allotted: { unit: a.unit, ...(typeof a.value === 'number' ? { value: a.value } : {}) } } : {}),
      ...(typeof n.leg === 'string' ? { leg: n.leg } : {}),
    });
  }
  const ids = new Set(nodes.map((n) => n.id));
  const edges: DEdge[] = [];
  for (const e of raw.edges) {
    if (typeof e.id !== 'string' || typeof e.from !== 'string' || typeof e.to !== 'string' || !ids.has(e.from) || !ids.has(e.to) || !isBilingual(e.label)) continue;
    edges.push({ id: e.id, from: e.from, to: e.to, type: typeof e.type === 'string' ? e.type : 'forward', label: e.label, conditional: e.conditional === true });
  }
  return { nodes, edges };
}

/**
 * Ranks nodes top to bottom by the longest path from the start, after setting aside the edges
 * that go back (send back, supplement loops) so that the reading order follows the process.
 */
function rank(nodes: DNode[], edges: DEdge[]): { ranks: Map<string, number>; back: Set<string> } {
  const out = new Map<string, DEdge[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) out.get(e.from)?.push(e);
  const back = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const e of out.get(id) ?? []) {
      const s = state.get(e.to);
      if (s === 'open') back.add(e.id);
      else if (s === undefined) visit(e.to);
    }
    state.set(id, 'done');
  };
  const start = nodes.find((n) => n.kind === 'start') ?? nodes[0];
  if (start) visit(start.id);
  for (const n of nodes) if (!state.has(n.id)) visit(n.id);
  const ranks = new Map<string, number>(nodes.map((n) => [n.id, 0]));
  // Longest path on the remaining acyclic graph: relax |V| times (diagrams are small).
  for (let i = 0; i < nodes.length; i++) {
    for (const e of edges) {
      if (back.has(e.id) || e.from === e.to) continue;
      const r = (ranks.get(e.from) ?? 0) + 1;
      if (r > (ranks.get(e.to) ?? 0)) ranks.set(e.to, r);
    }
  }
  // The end marker always sits alone at the bottom.
  const max = Math.max(0, ...[...ranks.entries()].filter(([id]) => nodes.find((n) => n.id === id)?.kind !== 'end').map(([, r]) => r));
  for (const n of nodes) if (n.kind === 'end') ranks.set(n.id, max + 1);
  return { ranks, back };
}

/** Places nodes in rows by rank and draws every edge as a path with a label position. */
export function layoutDiagram(nodes: DNode[], edges: DEdge[]): { nodes: PlacedNode[]; edges: PlacedEdge[]; width: number; height: number } {
  const { ranks, back } = rank(nodes, edges);
  const rows = new Map<number, DNode[]>();
  for (const n of nodes) {
    const r = ranks.get(n.id) ?? 0;
    rows.set(r, [...(rows.get(r) ?? []), n]);
  }
  const widest = Math.max(1, ...[...rows.values()].map((r) => r.length));
  const width = SIDE + widest * COL_W + SIDE;
  const placed = new Map<string, PlacedNode>();
  for (const [r, row] of rows) {
    // Steps of a transfer leg (liên thông) go to the right, so the main line stays in one column.
    const ordered = [...row].sort((a, b) => Number(a.leg !== undefined) - Number(b.leg !== undefined));
    const rowWidth = ordered.length * COL_W;
    ordered.forEach((n, i) => {
      const x = SIDE + (widest * COL_W - rowWidth) / 2 + i * COL_W + (COL_W - NODE_W) / 2;
      placed.set(n.id, { ...n, rank: r, x, y: MARGIN + r * ROW_H });
    });
  }
  const height = MARGIN * 2 + (Math.max(0, ...ranks.values()) + 1) * ROW_H - (ROW_H - NODE_H);
  const placedEdges: PlacedEdge[] = [];
  const loops = new Map<string, number>();
  for (const e of edges) {
    const a = placed.get(e.from);
    const b = placed.get(e.to);
    if (!a || !b) continue;
    if (e.from === e.to) {
      // A loop (request a supplement, the dossier stays on the step): an arc on the right side.
      const k = loops.get(a.id) ?? 0;
      loops.set(a.id, k + 1);
      const x = a.x + NODE_W;
      const y = a.y + 14 + k * 12;
      placedEdges.push({ ...e, back: false, path: `M ${x} ${y} C ${x + 50} ${y - 26}, ${x + 50} ${y + 40}, ${x} ${y + 24}`, labelX: x + 40, labelY: y + 8, anchor: 'start' });
      continue;
    }
    const isBack = back.has(e.id) || b.rank <= a.rank;
    if (isBack) {
      // Going back up: leave from the right side and curve outside the boxes.
      const x1 = a.x + NODE_W;
      const y1 = a.y + NODE_H / 2 + 8;
      const x2 = b.x + NODE_W;
      const y2 = b.y + NODE_H / 2 + 8;
      const bulge = Math.min(width - 8, Math.max(x1, x2) + 60 + 14 * Math.abs(a.rank - b.rank));
      placedEdges.push({ ...e, back: true, path: `M ${x1} ${y1} C ${bulge} ${y1}, ${bulge} ${y2}, ${x2 + 6} ${y2}`, labelX: x1 + 8, labelY: y1 + 16, anchor: 'start' });
      continue;
    }
    const x1 = a.x + NODE_W / 2;
    const y1 = a.y + NODE_H;
    const x2 = b.x + NODE_W / 2;
    const y2 = b.y - 6;
    if (b.rank - a.rank === 1) {
      const my = (y1 + y2) / 2;
      placedEdges.push({ ...e, back: false, path: `M ${x1} ${y1} C ${x1} ${my}, ${x2} ${my}, ${x2} ${y2}`, labelX: (x1 + x2) / 2, labelY: my + 4, anchor: 'middle' });
    } else {
      // Skipping rows (e.g. a refusal straight to the end): swing out to the left of the boxes.
      const left = Math.max(8, Math.min(a.x, b.x) - 30 - 12 * (b.rank - a.rank));
      const sx = a.x;
      const sy = a.y + NODE_H / 2;
      placedEdges.push({ ...e, back: false, path: `M ${sx} ${sy} C ${left} ${sy}, ${left} ${y2 - 20}, ${x2} ${y2}`, labelX: left + 4, labelY: (sy + y2) / 2, anchor: 'start' });
    }
  }
  return { nodes: [...placed.values()], edges: placedEdges, width, height };
}
