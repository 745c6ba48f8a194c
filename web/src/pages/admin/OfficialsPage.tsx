import { Badge, Button, Grid, Group, Paper, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ScrollRegion } from '../../components/ScrollRegion';
import { ErrorAlert, Loading } from '../../components/Status';
import { currentLang } from '../../i18n';
import { AdminTitle } from './AdminShell';
import type { Grant } from './admin-api';
import { GrantRows, NewOfficialForm, ResetPassword } from './OfficialForms';

function OfficialDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const client = useQueryClient();
  const detail = useQuery({ queryKey: ['admin', 'officials', id], queryFn: () => unwrap(api.GET('/api/v1/registry/officials/{id}', { params: { path: { id } } })) });
  const [grants, setGrants] = useState<Grant[]>([]);
  useEffect(() => {
    if (detail.data) setGrants(detail.data.grants);
  }, [detail.data]);
  const save = useMutation({
    mutationFn: () => unwrap(api.PUT('/api/v1/registry/officials/{id}/grants', { params: { path: { id } }, body: { grants } })),
    onSuccess: async () => {
      notifications.show({ color: 'green', closeButtonProps: { 'aria-label': t('common.close') }, message: t('admin.officials.grantsSaved') });
      await client.invalidateQueries({ queryKey: ['admin', 'officials', id] });
    },
  });
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const o = detail.data.official;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="official-title">
      <Title order={2} size="h3" id="official-title">
        {o.fullName}
      </Title>
      <Text size="sm" mb="sm">
        {o.username} · {o.position[lang]} · {o.agencyCode} · {t(`admin.officials.status.${o.status}`, { defaultValue: o.status })}
      </Text>
      <Title order={3} size="h4" mb="xs">
        {t('admin.officials.grants')}
      </Title>
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <Stack gap="xs">
          {save.isError && <ErrorAlert error={save.error} />}
          <GrantRows grants={grants} onChange={setGrants} idPrefix="edit-grant" />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('admin.officials.saveGrants')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Title order={3} size="h4" mt="lg" mb="xs">
        {t('admin.officials.resetPassword')}
      </Title>
      <ResetPassword id={id} />
    </Paper>
  );
}

/** Officials (cán bộ), their roles and scopes: list, create, edit grants, reset a password. */
export function OfficialsPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const [params, setParams] = useSearchParams();
  const selected = params.get('id') ?? '';
  const creating = params.get('moi') === '1';
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const list = useInfiniteQuery({
    queryKey: ['admin', 'officials', 'list', search],
    initialPageParam: '',
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/registry/officials', { params: { query: { limit: 50, ...(search ? { q: search } : {}), ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <AdminTitle title={t('admin.officials.title')} intro={t('admin.officials.intro')} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="officials-list-title">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h3" id="officials-list-title">
                {t('admin.officials.list')}
              </Title>
              <Button size="xs" onClick={() => setParams({ moi: '1' })}>
                {t('admin.officials.new')}
              </Button>
            </Group>
            <form onSubmit={(e) => { e.preventDefault(); setSearch(q.trim()); }}>
              <Group align="flex-end" mb="sm">
                <TextInput label={t('admin.officials.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} style={{ flex: 1 }} />
                <Button type="submit">{t('admin.common.search')}</Button>
              </Group>
            </form>
            {list.isPending && <Loading />}
            {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
            {list.data && rows.length === 0 && <Text>{t('admin.common.noResults')}</Text>}
            {rows.length > 0 && (
              <ScrollRegion labelledBy="officials-list-title">
                <Table withTableBorder striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('admin.officials.fullName')}</Table.Th>
                      <Table.Th scope="col">{t('admin.officials.username')}</Table.Th>
                      <Table.Th scope="col">{t('admin.officials.agencyCode')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((o) => (
                      <Table.Tr key={o.id}>
                        <Table.Td>
                          <UnstyledButton className="link-button" aria-current={o.id === selected ? 'true' : undefined} onClick={() => setParams({ id: o.id })}>
                            {o.fullName}
                          </UnstyledButton>
                          <Text size="xs" c="dimmed">
                            {o.position[lang]}
                          </Text>
                        </Table.Td>
                        <Table.Td>{o.username}</Table.Td>
                        <Table.Td>
                          {o.agencyCode}
                          {o.status !== 'active' && (
                            <Badge ml="xs" size="sm" variant="outline" color="gray.8">
                              {t(`admin.officials.status.${o.status}`, { defaultValue: o.status })}
                            </Badge>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollRegion>
            )}
            {list.hasNextPage && (
              <Button mt="sm" variant="outline" size="xs" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {t('admin.common.more')}
              </Button>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack>
            {creating && <NewOfficialForm onCreated={(id) => setParams({ id })} />}
            {!creating && selected && <OfficialDetail key={selected} id={selected} />}
            {!creating && !selected && <Text>{t('admin.officials.pick')}</Text>}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
