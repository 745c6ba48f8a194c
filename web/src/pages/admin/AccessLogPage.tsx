import { Button, Grid, Group, Paper, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ScrollRegion } from '../../components/ScrollRegion';
import { ErrorAlert, Loading } from '../../components/Status';
import { formatDateTime } from '../../lib/format';
import { AdminTitle } from './AdminShell';

function AccessLog({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const log = useQuery({ queryKey: ['admin', 'access-log', id], queryFn: () => unwrap(api.GET('/api/v1/registry/{kind}/{id}/access-log', { params: { path: { kind: 'citizens', id } } })) });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="access-log-title">
      <Title order={2} size="h3" id="access-log-title" mb="sm">
        {t('admin.accessLog.logOf', { name })}
      </Title>
      {log.isPending && <Loading />}
      {log.isError && <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />}
      {log.data && log.data.items.length === 0 && <Text>{t('admin.accessLog.none')}</Text>}
      {log.data && log.data.items.length > 0 && (
        <ScrollRegion labelledBy="access-log-title">
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.accessLog.at')}</Table.Th>
                <Table.Th scope="col">{t('admin.accessLog.who')}</Table.Th>
                <Table.Th scope="col">{t('admin.accessLog.fields')}</Table.Th>
                <Table.Th scope="col">{t('admin.accessLog.purpose')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.items.map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                  <Table.Td>{e.actorLabel}</Table.Td>
                  <Table.Td>{e.fields.join(', ')}</Table.Td>
                  <Table.Td>{t(`admin.accessLog.purposes.${e.purpose}`, { defaultValue: e.purpose })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </Paper>
  );
}

/**
 * Who read a citizen's personal data, when and for what (Personal Data Protection Law, in
 * force 01/01/2026: access to personal data is logged and reviewable).
 */
export function AccessLogPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const search = params.get('q') ?? '';
  const selected = params.get('id') ?? '';
  const selectedName = params.get('ten') ?? '';
  const found = useQuery({ queryKey: ['admin', 'citizens', search], enabled: search.length >= 2, queryFn: () => unwrap(api.GET('/api/v1/registry/citizens', { params: { query: { q: search, limit: 20 } } })) });
  return (
    <>
      <AdminTitle title={t('admin.accessLog.title')} intro={t('admin.accessLog.intro')} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="citizen-search-title">
            <Title order={2} size="h3" id="citizen-search-title" mb="sm">
              {t('admin.accessLog.search')}
            </Title>
            <form onSubmit={(e) => { e.preventDefault(); if (q.trim().length >= 2) setParams({ q: q.trim() }); }}>
              <Group align="flex-end" mb="sm">
                <TextInput label={t('admin.accessLog.query')} description={t('admin.accessLog.queryHelp')} value={q} onChange={(e) => setQ(e.currentTarget.value)} style={{ flex: 1 }} />
                <Button type="submit">{t('admin.common.search')}</Button>
              </Group>
            </form>
            {found.isFetching && <Loading />}
            {found.isError && <ErrorAlert error={found.error} onRetry={() => void found.refetch()} />}
            {found.data && found.data.items.length === 0 && <Text>{t('admin.common.noResults')}</Text>}
            <Stack gap={4}>
              {found.data?.items.map((c) => (
                <UnstyledButton key={c.id} className="pick-row" aria-current={c.id === selected ? 'true' : undefined} onClick={() => setParams({ q: search, id: c.id, ten: c.fullName })}>
                  <Text size="sm" fw={600}>
                    {c.fullName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {c.idNumberMasked} · {t('admin.accessLog.born', { year: c.birthYear })}
                  </Text>
                </UnstyledButton>
              ))}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>{selected ? <AccessLog key={selected} id={selected} name={selectedName} /> : <Text>{t('admin.accessLog.pick')}</Text>}</Grid.Col>
      </Grid>
    </>
  );
}
