import { Button, Paper, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ScrollRegion } from '../../components/ScrollRegion';
import { ErrorAlert, Loading } from '../../components/Status';
import { TableHead } from '../../components/TableHead';
import { formatDateTime } from '../../lib/format';
import { AdminTitle } from './AdminShell';

/** Notifications and webhook deliveries that ran out of attempts, each with a retry button. */
export function DeadLettersPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['admin', 'dead-letters'], queryFn: () => unwrap(api.GET('/api/v1/outbox/dead-letters')) });
  const retry = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/outbox/dead-letters/{id}/retry', { params: { path: { id } } })),
    onSuccess: async (r) => {
      notifications.show({ color: 'green', closeButtonProps: { 'aria-label': t('common.close') }, message: t('admin.deadLetters.retried', { event: r.event }) });
      await client.invalidateQueries({ queryKey: ['admin', 'dead-letters'] });
    },
  });
  return (
    <>
      <AdminTitle title={t('admin.deadLetters.title')} intro={t('admin.deadLetters.intro')} />
      <Paper withBorder p="md" component="section" aria-labelledby="dead-letters-title">
        <Text id="dead-letters-title" fw={700} mb="sm">
          {t('admin.deadLetters.list')}
        </Text>
        {list.isPending && <Loading />}
        {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        {retry.isError && <ErrorAlert error={retry.error} />}
        {list.data && list.data.items.length === 0 && <Text data-testid="no-dead-letters">{t('admin.deadLetters.none')}</Text>}
        {list.data && list.data.items.length > 0 && (
          <ScrollRegion labelledBy="dead-letters-title">
            <Table withTableBorder striped miw={800}>
              <TableHead
                columns={[
                  { label: t('admin.deadLetters.created') },
                  { label: t('admin.deadLetters.event') },
                  { label: t('admin.deadLetters.channel') },
                  { label: t('admin.deadLetters.attempts') },
                  { label: t('admin.deadLetters.lastError') },
                  { label: t('admin.common.actions') },
                ]}
              />
              <Table.Tbody>
                {list.data.items.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(d.createdAt)}</Table.Td>
                    <Table.Td>{d.event}</Table.Td>
                    <Table.Td>
                      {t(`admin.deadLetters.kinds.${d.kind}`)} · {d.channel}
                      <Text size="xs" c="dimmed">
                        {d.address}
                      </Text>
                    </Table.Td>
                    <Table.Td>{d.attempts}</Table.Td>
                    <Table.Td>
                      <Text size="xs" style={{ wordBreak: 'break-word' }}>
                        {d.lastError ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Button size="compact-sm" loading={retry.isPending && retry.variables === d.id} onClick={() => retry.mutate(d.id)} aria-label={t('admin.deadLetters.retryLabel', { event: d.event })}>
                        {t('admin.deadLetters.retry')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </Paper>
    </>
  );
}
