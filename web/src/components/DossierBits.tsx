import { Anchor, Badge, Group, Image, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../i18n';
import { documentUrl, formatBytes, formUrl, LATENESS_COLOR, lateness, type Dossier, type DossierDocument, type FormNumber, type HistoryEvent } from '../lib/dossier';
import { formatDateTime } from '../lib/format';
import { ScrollRegion } from './ScrollRegion';

const STATUS_COLOR: Record<string, string> = {
  draft: '#495057',
  submitted: '#1c4f8a',
  received: '#1c4f8a',
  processing: '#1c4f8a',
  awaitingSupplement: '#9a3412',
  awaitingPayment: '#9a3412',
  resolved: '#1e6b34',
  returned: '#1e6b34',
  rejected: '#495057',
  withdrawn: '#495057',
  stopped: '#495057',
};

/** The dossier's status in words, with a colour that never carries the meaning alone. */
export function StatusBadge({ dossier }: { dossier: Pick<Dossier, 'status' | 'statusName'> }) {
  const lang = currentLang();
  return (
    <Badge
      variant="outline"
      color={STATUS_COLOR[dossier.status] ?? '#495057'}
      radius="sm"
      data-status={dossier.status}
      styles={{ root: { maxWidth: 'none', height: 'auto', paddingBlock: 2 }, label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' } }}
    >
      {dossier.statusName[lang]}
    </Badge>
  );
}

/** A due time with its lateness in words and colour (overdue, due today, soon). */
export function DueText({ dueAt, now, paused, done }: { dueAt: string | null; now: Date; paused?: boolean; done?: boolean }) {
  const { t } = useTranslation();
  if (!dueAt) return <Text size="sm">—</Text>;
  if (done)
    return (
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(dueAt)}
      </Text>
    );
  const l = lateness(dueAt, now, paused);
  return (
    <Text size="sm" c={LATENESS_COLOR[l]} fw={l === 'overdue' || l === 'today' ? 700 : 500} style={{ whiteSpace: 'nowrap' }} data-lateness={l}>
      {formatDateTime(dueAt)}
      {l !== 'ok' && l !== 'none' ? ` · ${t(`queue.lateness.${l}`)}` : paused ? ` · ${t('queue.lateness.paused')}` : ''}
    </Text>
  );
}

/** A label and value pair inside a `<dl>`. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500} style={{ wordBreak: 'break-word' }}>
        {children}
      </Text>
    </div>
  );
}

/** A titled section with a heading id for landmarks and scroll regions. */
export function Section({ id, title, children, actions }: { id: string; title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-title`}>
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4" id={`${id}-title`}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

/**
 * Names for control-sheet rows whose label the server left as the bare action type (the
 * engine's default labels do not cover every type yet).
 */
const TYPE_LABELS: Record<string, { vi: string; en: string }> = {
  approve: { vi: 'Phê duyệt', en: 'Approved' },
  forward: { vi: 'Chuyển bước tiếp theo', en: 'Passed on' },
  sendBack: { vi: 'Trả lại bước trước', en: 'Sent back' },
  transfer: { vi: 'Chuyển liên thông', en: 'Transferred' },
  completeTransfer: { vi: 'Hoàn thành liên thông', en: 'Transfer completed' },
};

/** The control sheet: who did what when, the step's due time, and whether it was on time. */
export function HistoryTable({ items }: { items: HistoryEvent[] }) {
  const { t } = useTranslation();
  const lang = currentLang();
  if (items.length === 0) return <Text size="sm">{t('dossier.noHistory')}</Text>;
  return (
    <ScrollRegion labelledBy="history-title">
      <Table withTableBorder striped verticalSpacing="xs" miw={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('history.at')}</Table.Th>
            <Table.Th scope="col">{t('history.action')}</Table.Th>
            <Table.Th scope="col">{t('history.actor')}</Table.Th>
            <Table.Th scope="col">{t('history.stepDue')}</Table.Th>
            <Table.Th scope="col">{t('history.timeliness')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.seq}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {(TYPE_LABELS[e.label.en] ?? e.label)[lang]}
                </Text>
                {e.note && (
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                    {e.note}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{e.actorName}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.previousStepDueAt ? formatDateTime(e.previousStepDueAt) : '—'}</Table.Td>
              <Table.Td>
                {e.onTime === null ? (
                  '—'
                ) : (
                  <Text size="sm" fw={600} c={e.onTime ? LATENESS_COLOR.ok : LATENESS_COLOR.overdue}>
                    {e.onTime ? t('history.onTime') : t('history.late')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/** The attachments with download links; images preview inline, PDFs open in a new tab. */
export function DocumentList({ dossierId, items, requirementName }: { dossierId: string; items: DossierDocument[]; requirementName: (id: string | null) => string | undefined }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<string | undefined>();
  if (items.length === 0) return <Text size="sm">{t('dossier.noDocuments')}</Text>;
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((d) => {
        const image = d.mime.startsWith('image/') && d.mime !== 'image/tiff';
        const pdf = d.mime === 'application/pdf';
        return (
          <Paper key={d.id} withBorder p="xs" component="li">
            <Group justify="space-between" gap="xs" wrap="wrap">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} style={{ wordBreak: 'break-all' }}>
                  {d.fileName}
                </Text>
                <Text size="xs" c="dimmed">
                  {[requirementName(d.requirementId), t(`documentKind.${d.kind}`, { defaultValue: d.kind }), formatBytes(d.size), formatDateTime(d.uploadedAt)].filter(Boolean).join(' · ')}
                </Text>
              </div>
              <Group gap="xs">
                {pdf && (
                  <Anchor href={documentUrl(dossierId, d.id, true)} target="_blank" rel="noopener" size="sm">
                    {t('dossier.view')}
                    <span className="visually-hidden"> {d.fileName}</span>
                  </Anchor>
                )}
                {image && (
                  <Anchor component="button" type="button" size="sm" onClick={() => setShown(shown === d.id ? undefined : d.id)} aria-expanded={shown === d.id}>
                    {shown === d.id ? t('dossier.hide') : t('dossier.view')}
                    <span className="visually-hidden"> {d.fileName}</span>
                  </Anchor>
                )}
                <Anchor href={documentUrl(dossierId, d.id)} size="sm" download>
                  {t('dossier.download')}
                  <span className="visually-hidden"> {d.fileName}</span>
                </Anchor>
              </Group>
            </Group>
            {image && shown === d.id && <Image src={documentUrl(dossierId, d.id, true)} alt={d.fileName} mt="xs" mah={600} fit="contain" />}
          </Paper>
        );
      })}
    </Stack>
  );
}

/** Links to the PDF forms of Decree 118/2025 that apply to the dossier so far. */
export function FormLinks({ dossier, official }: { dossier: Dossier; official: boolean }) {
  const { t } = useTranslation();
  const forms: FormNumber[] = [];
  if (dossier.code) forms.push('01');
  if (dossier.status === 'awaitingSupplement' || official) forms.push('02');
  if (dossier.status === 'rejected') forms.push('03');
  if (dossier.apologies > 0) forms.push('04');
  if (dossier.status === 'stopped') forms.push('05');
  if (official && dossier.code) forms.push('06');
  const unique = [...new Set(forms)];
  if (unique.length === 0) return <Text size="sm">{t('forms.none')}</Text>;
  return (
    <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {unique.map((f) => (
        <li key={f}>
          <Anchor href={formUrl(dossier.id, f)} target="_blank" rel="noopener" size="sm">
            {t(`forms.f${f}`)} (PDF)
          </Anchor>
        </li>
      ))}
    </Stack>
  );
}
