import { Box, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../i18n';
import { layoutDiagram, NODE_H, NODE_W, type DEdge, type DNode } from './diagram-layout';

const KIND_FILL: Record<string, string> = {
  start: '#2f6f3e',
  end: '#4a4a4a',
  reception: '#e8f1fb',
  processing: '#fdf3e1',
  appraisal: '#f3e8fb',
  approval: '#fde8e8',
  result: '#e6f6ec',
  return: '#eef0f2',
};

/** The allotted time of a step in words ("5 ngày làm việc"). */
function useAllotted(): (n: DNode) => string {
  const { t } = useTranslation();
  return (n) => (n.allotted ? t(`admin.workflows.allotted.${n.allotted.unit}`, { count: n.allotted.value ?? 0 }) : '');
}

/**
 * A workflow drawn as SVG: steps top to bottom, actions as arrows (dashed when conditional,
 * curving up on the right when they go back). A table below says the same for screen readers.
 */
export function WorkflowDiagram({ nodes, edges, title }: { nodes: DNode[]; edges: DEdge[]; title: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const allotted = useAllotted();
  const layout = layoutDiagram(nodes, edges);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return (
    <>
      <Box className="diagram-scroll" role="region" tabIndex={0} aria-label={t('admin.workflows.diagramRegion')}>
        <svg role="img" aria-labelledby="wf-svg-title" width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`} data-testid="workflow-diagram" style={{ fontFamily: 'inherit' }}>
          <title id="wf-svg-title">{title}</title>
          <defs>
            <marker id="wf-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill="#444" />
            </marker>
            <marker id="wf-arrow-back" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill="#9b1c1c" />
            </marker>
          </defs>
          {layout.edges.map((e) => (
            <g key={e.id} data-edge={e.id}>
              <path d={e.path} fill="none" stroke={e.back || e.type === 'refuse' ? '#9b1c1c' : '#444'} strokeWidth={1.5} strokeDasharray={e.conditional ? '6 4' : undefined} markerEnd={e.back || e.type === 'refuse' ? 'url(#wf-arrow-back)' : 'url(#wf-arrow)'} />
              <text x={e.labelX} y={e.labelY} fontSize={11} textAnchor={e.anchor} fill="#222" stroke="#fff" strokeWidth={3} paintOrder="stroke">
                {e.label[lang]}
              </text>
            </g>
          ))}
          {layout.nodes.map((n) => {
            const marker = n.kind === 'start' || n.kind === 'end';
            return (
              <g key={n.id} data-node={n.id}>
                <rect x={n.x} y={n.y} width={NODE_W} height={NODE_H} rx={marker ? NODE_H / 2 : 6} fill={KIND_FILL[n.kind] ?? '#fff'} stroke={n.leg ? '#6b3fa0' : '#555'} strokeWidth={n.leg ? 2 : 1} strokeDasharray={n.leg ? '5 3' : undefined} />
                <text x={n.x + NODE_W / 2} y={n.y + (marker ? NODE_H / 2 + 5 : 22)} textAnchor="middle" fontSize={13} fontWeight={600} fill={marker ? '#fff' : '#1a1a1a'}>
                  {n.label[lang].length > 38 ? `${n.label[lang].slice(0, 37)}…` : n.label[lang]}
                </text>
                {!marker && (
                  <text x={n.x + NODE_W / 2} y={n.y + 42} textAnchor="middle" fontSize={11} fill="#333">
                    {[n.role ? t(`roles.${n.role}`, { defaultValue: n.role }) : '', allotted(n)].filter(Boolean).join(' · ')}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </Box>
      <Text size="sm" mt="xs">
        {t('admin.workflows.legend')}
      </Text>
      <Table withTableBorder striped mt="md" aria-label={t('admin.workflows.actionsTable')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.workflows.from')}</Table.Th>
            <Table.Th scope="col">{t('admin.workflows.action')}</Table.Th>
            <Table.Th scope="col">{t('admin.workflows.to')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {edges.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{byId.get(e.from)?.label[lang] ?? e.from}</Table.Td>
              <Table.Td>
                {e.label[lang]}
                {e.conditional ? ` (${t('admin.workflows.conditional')})` : ''}
              </Table.Td>
              <Table.Td>{byId.get(e.to)?.label[lang] ?? e.to}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
