import { Anchor, Button, Container, Group, NativeSelect, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { DueText, StatusBadge } from '../../components/DossierBits';
import { ScrollRegion } from '../../components/ScrollRegion';
import { ErrorAlert, Loading } from '../../components/Status';
import { TableHead } from '../../components/TableHead';
import { dossierKeys, LATENESS_COLOR, useDossierList, type QueueQuery } from '../../lib/dossier';

const STATUSES = ['submitted', 'received', 'processing', 'awaitingSupplement', 'awaitingPayment', 'resolved', 'returned', 'rejected', 'withdrawn', 'stopped'] as const;
type Due = NonNullable<QueueQuery['due']>;
type View = NonNullable<QueueQuery['view']>;

function CountCard({ label, value, color, active, onClick }: { label: string; value: number | undefined; color: string; active: boolean; onClick?: () => void }) {
  return (
    <Paper withBorder p="sm" component={onClick ? 'button' : 'div'} type={onClick ? 'button' : undefined} onClick={onClick} aria-pressed={onClick ? active : undefined} className="count-card" style={{ borderLeft: `6px solid ${color}`, textAlign: 'left', cursor: onClick ? 'pointer' : undefined, background: active ? '#fff7e6' : undefined }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" c={color}>
        {value ?? '…'}
      </Text>
    </Paper>
  );
}

/** Officials' queues: my tasks and my unit's, with counts by lateness, filters and search. */
export function QueuePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const view = (params.get('view') as View | null) ?? 'mine';
  const due = (params.get('due') as Due | null) ?? undefined;
  const status = params.get('status') ?? '';
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const query: QueueQuery = { view, limit: 100, ...(due ? { due } : {}), ...(status ? { status } : {}), ...(q ? { q } : {}) };
  const list = useDossierList(query);
  const counts = useQuery({ queryKey: dossierKeys.counts, queryFn: () => unwrap(api.GET('/api/v1/dossiers/counts')) });
  const now = new Date();
  const isReception = me?.grants.some((g) => g.role === 'receptionOfficer') ?? false;

  function set(patch: Record<string, string | undefined>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  }
  function submitSearch(e: FormEvent) {
    e.preventDefault();
    set({ q: search.trim() || undefined });
  }

  return (
    <Container size="xl">
      <Group justify="space-between" mb="md">
        <Title order={1} size="h2">
          {t('queue.title')}
        </Title>
        {isReception && (
          <Button component={Link} to="/can-bo/tiep-nhan">
            {t('nav.counter')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} mb="md" spacing="sm">
        <CountCard label={t('queue.counts.overdue')} value={counts.data?.overdue} color={LATENESS_COLOR.overdue} active={due === 'overdue'} onClick={() => set({ due: due === 'overdue' ? undefined : 'overdue' })} />
        <CountCard label={t('queue.counts.today')} value={counts.data?.dueToday} color={LATENESS_COLOR.today} active={due === 'today'} onClick={() => set({ due: due === 'today' ? undefined : 'today' })} />
        <CountCard label={t('queue.counts.soon')} value={counts.data?.dueSoon} color={LATENESS_COLOR.soon} active={due === 'soon'} onClick={() => set({ due: due === 'soon' ? undefined : 'soon' })} />
        <CountCard label={t('queue.counts.open')} value={counts.data?.open} color="#1f2937" active={false} />
      </SimpleGrid>
      {counts.isError && <ErrorAlert error={counts.error} />}
      <Paper withBorder p="sm" mb="md">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <div>
            <Text size="sm" fw={500} mb={4} id="queue-view-label">
              {t('queue.view')}
            </Text>
            <SegmentedControl
              aria-labelledby="queue-view-label"
              value={view}
              onChange={(v) => set({ view: v })}
              data={[
                { value: 'mine', label: t('queue.views.mine') },
                { value: 'unit', label: t('queue.views.unit') },
                { value: 'all', label: t('queue.views.all') },
              ]}
            />
          </div>
          <NativeSelect id="queue-status" label={t('queue.status')} value={status} onChange={(e) => set({ status: e.currentTarget.value || undefined })} data={[{ value: '', label: t('queue.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]} />
          <NativeSelect
            id="queue-due"
            label={t('queue.due')}
            value={due ?? ''}
            onChange={(e) => set({ due: e.currentTarget.value || undefined })}
            data={[{ value: '', label: t('queue.anyDue') }, ...(['overdue', 'today', 'soon'] as const).map((v) => ({ value: v, label: t(`queue.counts.${v}`) }))]}
          />
          <form onSubmit={submitSearch} style={{ display: 'flex', gap: 8, alignItems: 'flex-end', flex: '1 1 260px' }} role="search">
            <TextInput id="queue-q" label={t('queue.search')} placeholder={t('queue.searchHint')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} style={{ flex: 1 }} />
            <Button type="submit" variant="outline">
              {t('home.searchButton')}
            </Button>
          </form>
        </Group>
      </Paper>
      {list.isPending && <Loading />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && list.data.items.length === 0 && <Text>{t('queue.empty')}</Text>}
      {list.isSuccess && list.data.items.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" id="queue-table-title">
            {t('queue.count', { count: list.data.items.length })}
          </Text>
          <ScrollRegion labelledBy="queue-table-title">
            <Table withTableBorder highlightOnHover verticalSpacing="xs" miw={960} bg="white">
              <TableHead
                columns={[
                  { label: t('queue.col.code') },
                  { label: t('queue.col.procedure') },
                  { label: t('queue.col.applicant') },
                  { label: t('queue.col.status') },
                  { label: t('queue.col.step') },
                  { label: t('queue.col.stepDue') },
                  { label: t('queue.col.due') },
                ]}
              />
              <Table.Tbody>
                {list.data.items.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor component={Link} to={`/ho-so/${d.id}`} fw={600}>
                        {d.code ?? t('dossier.noCode')}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{d.procedure.name}</Text>
                    </Table.Td>
                    <Table.Td>{d.owner.name}</Table.Td>
                    <Table.Td>
                      <StatusBadge dossier={d} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{d.currentStep ? t(`steps.${d.currentStep}`, { defaultValue: d.currentStep }) : '—'}</Text>
                      {!d.assigneeId && d.currentStep && (
                        <Text size="xs" c="dimmed">
                          {t('queue.unassigned')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <DueText dueAt={d.stepDueAt} now={now} paused={!!d.pausedAt} />
                    </Table.Td>
                    <Table.Td>
                      <DueText dueAt={d.dueAt} now={now} paused={!!d.pausedAt} done={!!d.resolvedAt || !!d.finishedAt} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        </Stack>
      )}
    </Container>
  );
}
