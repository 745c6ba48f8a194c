import { DEFAULT_ACTION_LABELS } from './messages.js';
import { edgeOf, indexDefinition } from './graph.js';
import type { ActionType, Bilingual, DeadlineRule, DefinitionInput, StepKind } from './types.js';

/** A node of the diagram: a step, or the start / end markers. */
export interface DiagramNode {
  readonly id: string;
  readonly kind: StepKind | 'start' | 'end';
  readonly label: Bilingual;
  readonly role?: string;
  readonly allotted?: DeadlineRule;
  /** The transfer leg the step belongs to (drawn as a box). */
  readonly leg?: string;
}

/** An edge of the diagram: one action. */
export interface DiagramEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly type: ActionType;
  readonly label: Bilingual;
  readonly conditional: boolean;
}

export interface Diagram {
  readonly nodes: DiagramNode[];
  readonly edges: DiagramEdge[];
}

const START = '__start';
const END = '__end';

/** Describes a definition as nodes and edges, for the admin UI's process editor. */
export function toDiagram(def: DefinitionInput): Diagram {
  const index = indexDefinition(def);
  const nodes: DiagramNode[] = [{ id: START, kind: 'start', label: { vi: 'Bắt đầu', en: 'Start' } }];
  for (const s of def.steps) {
    nodes.push({ id: s.id, kind: s.kind, label: s.name, role: s.role, allotted: s.allotted, ...(s.leg === undefined ? {} : { leg: s.leg }) });
  }
  nodes.push({ id: END, kind: 'end', label: { vi: 'Kết thúc', en: 'End' } });
  const edges: DiagramEdge[] = [
    { id: START, from: START, to: def.startStepId, type: 'forward', label: { vi: 'Nộp hồ sơ', en: 'Submit' }, conditional: false },
  ];
  for (const a of def.actions) {
    const e = edgeOf(a, index);
    if (e === undefined) continue;
    edges.push({ id: a.id, from: a.from, to: e.to ?? END, type: a.type, label: a.label ?? DEFAULT_ACTION_LABELS[a.type], conditional: a.when !== undefined });
  }
  return { nodes, edges };
}

function allottedText(rule: DeadlineRule | undefined): string {
  if (rule === undefined) return '';
  switch (rule.unit) {
    case 'sameDay':
      return 'trong ngày';
    case 'workingDays':
      return `${rule.value} ngày làm việc`;
    case 'workingHours':
      return `${rule.value} giờ làm việc`;
    case 'calendarDays':
      return `${rule.value} ngày`;
  }
}

/** Mermaid ids allow letters, digits and underscores only. */
function mid(id: string): string {
  return id.replace(/[^A-Za-z0-9_]/g, '_');
}

/** Mermaid labels are quoted; quotes inside become the HTML entity Mermaid understands. */
function text(s: string): string {
  return s.replace(/"/g, '#quot;');
}

/**
 * Renders a definition as a Mermaid flowchart (Vietnamese labels), with each transfer leg in
 * its own subgraph and conditional actions drawn dotted.
 */
export function toMermaid(def: DefinitionInput): string {
  const { nodes, edges } = toDiagram(def);
  const lines = ['flowchart TD'];
  const box = (n: DiagramNode): string => {
    if (n.kind === 'start' || n.kind === 'end') return `  ${mid(n.id)}(("${text(n.label.vi)}"))`;
    return `  ${mid(n.id)}["${text(n.label.vi)}<br/>${n.role ?? ''} · ${allottedText(n.allotted)}"]`;
  };
  for (const n of nodes.filter((x) => x.leg === undefined)) lines.push(box(n));
  for (const leg of def.legs ?? []) {
    lines.push(`  subgraph ${mid(`leg_${leg.id}`)}["${text(leg.name.vi)} (${allottedText(leg.allotted)})"]`);
    for (const n of nodes.filter((x) => x.leg === leg.id)) lines.push(`  ${box(n)}`);
    lines.push('  end');
  }
  for (const e of edges) {
    const arrow = e.conditional ? '-.->' : '-->';
    lines.push(`  ${mid(e.from)} ${arrow}|"${text(e.label.vi)}"| ${mid(e.to)}`);
  }
  return lines.join('\n') + '\n';
}
