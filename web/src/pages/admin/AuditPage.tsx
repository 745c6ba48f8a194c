import { Alert, Button, Code, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ScrollRegion } from '../../components/ScrollRegion';
import { ErrorAlert, Loading } from '../../components/Status';
import { formatDateTime } from '../../lib/format';
import { AdminTitle } from './AdminShell';

interface Filters {
  action: string;
  actor: string;
  targetType: string;
  targetId: string;
}
const EMPTY: Filters = { action: '', actor: '', targetType: '', targetId: '' };

function VerifyChain() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/audit/verify')) });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="verify-title">
      <Title order={2} size="h3" id="verify-title" mb="xs">
        {t('admin.audit.verifyTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('admin.audit.verifyHelp')}
      </Text>
      <Button onClick={() => verify.mutate()} loading={verify.isPending}>
        {t('admin.audit.verify')}
      </Button>
      <div aria-live="polite">
        {verify.isError && <ErrorAlert error={verify.error} />}
        {verify.data && (
          <Alert mt="sm" variant="outline" color={verify.data.ok ? '#1b5e20' : 'brand.7'} title={verify.data.ok ? t('admin.audit.intact') : t('admin.audit.broken')} data-testid="verify-result">
            <Text size="sm">{t('admin.audit.rows', { count: verify.data.rows })}</Text>
            {verify.data.headHash && (
              <Text size="sm">
                {t('admin.audit.head')} <Code>{verify.data.headHash.slice(0, 16)}…</Code>
              </Text>
            )}
            {!verify.data.ok && <Text size="sm">{t('admin.audit.brokenAt', { index: verify.data.brokenAt ?? '?', reason: verify.data.reason ?? '' })}</Text>}
          </Alert>
        )}
      </div>
    </Paper>
  );
}

/** The audit log, newest first, with filters and page-by-page navigation, and the chain check. */
export function AuditPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  // Cursors of the pages seen so far, so "previous" can go back without the API paging backwards.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()])) as Partial<Filters>;
  const page = useQuery({
    queryKey: ['admin', 'audit', query, cursor ?? ''],
    queryFn: () => unwrap(api.GET('/api/v1/audit', { params: { query: { ...query, limit: 25, ...(cursor ? { cursor } : {}) } } })),
  });
  const field = (k: keyof Filters) => ({ value: draft[k], onChange: (e: React.ChangeEvent<HTMLInputElement>) => { const v = e.currentTarget.value; setDraft((d) => ({ ...d, [k]: v })); } });
  function apply(e: FormEvent) {
    e.preventDefault();
    setCursors([]);
    setFilters(draft);
  }
  return (
    <>
      <AdminTitle title={t('admin.audit.title')} intro={t('admin.audit.intro')} />
      <Stack gap="md">
        <VerifyChain />
        <Paper withBorder p="md" component="section" aria-labelledby="audit-list-title">
          <Title order={2} size="h3" id="audit-list-title" mb="sm">
            {t('admin.audit.list')}
          </Title>
          <form onSubmit={apply}>
            <Group align="flex-end" mb="md">
              <TextInput label={t('admin.audit.action')} description={t('admin.audit.actionHelp')} {...field('action')} />
              <TextInput label={t('admin.audit.actor')} description={t('admin.audit.actorHelp')} {...field('actor')} />
              <TextInput label={t('admin.audit.targetType')} description="dossier, official…" {...field('targetType')} />
              <TextInput label={t('admin.audit.targetId')} description={t('admin.audit.targetIdHelp')} {...field('targetId')} />
              <Button type="submit">{t('admin.common.filter')}</Button>
              <Button variant="subtle" onClick={() => { setDraft(EMPTY); setFilters(EMPTY); setCursors([]); }}>
                {t('admin.common.clear')}
              </Button>
            </Group>
          </form>
          {page.isPending && <Loading />}
          {page.isError && <ErrorAlert error={page.error} onRetry={() => void page.refetch()} />}
          {page.data && page.data.items.length === 0 && <Text>{t('admin.common.noResults')}</Text>}
          {page.data && page.data.items.length > 0 && (
            <ScrollRegion labelledBy="audit-list-title">
              <Table withTableBorder striped miw={900}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">#</Table.Th>
                    <Table.Th scope="col">{t('admin.audit.at')}</Table.Th>
                    <Table.Th scope="col">{t('admin.audit.actor')}</Table.Th>
                    <Table.Th scope="col">{t('admin.audit.action')}</Table.Th>
                    <Table.Th scope="col">{t('admin.audit.target')}</Table.Th>
                    <Table.Th scope="col">{t('admin.audit.summary')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.data.items.map((r) => (
                    <Table.Tr key={r.chainIndex}>
                      <Table.Td>{r.chainIndex}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.at)}</Table.Td>
                      <Table.Td>{r.actorLabel}</Table.Td>
                      <Table.Td>
                        <Code>{r.action}</Code>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{r.targetType}</Text>
                        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                          {r.targetId}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" style={{ wordBreak: 'break-word', maxWidth: 360 }}>
                          {JSON.stringify(r.summary)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          )}
          <Group mt="sm">
            <Button variant="outline" size="xs" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
              {t('admin.common.previous')}
            </Button>
            <Text size="sm">{t('admin.common.page', { n: cursors.length + 1 })}</Text>
            <Button variant="outline" size="xs" disabled={!page.data?.nextCursor} onClick={() => { const next = page.data?.nextCursor; if (next) setCursors((c) => [...c, next]); }}>
              {t('admin.common.next')}
            </Button>
          </Group>
        </Paper>
      </Stack>
    </>
  );
}
