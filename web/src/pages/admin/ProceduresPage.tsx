import { Anchor, Badge, Button, Grid, Group, NativeSelect, NumberInput, Paper, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ScrollRegion } from '../../components/ScrollRegion';
import { ErrorAlert, Loading } from '../../components/Status';
import { currentLang } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { AdminTitle } from './AdminShell';
import type { StoredProcedure } from './admin-api';

const STATUS_COLOR = { draft: '#8a3a00', published: '#1b5e20', retired: 'gray.8' } as const;

/** The deadline's number when the procedure counts days or hours (same-day ones have none). */
function deadlineValue(p: StoredProcedure['procedure']): number | null {
  const d = p.deadline;
  if (typeof d === 'object' && d !== null && 'value' in d && typeof d.value === 'number') return d.value;
  return null;
}

function StatusBadge({ status }: { status: StoredProcedure['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={STATUS_COLOR[status]}>
      {t(`admin.status.${status}`)}
    </Badge>
  );
}

function EditBasics({ latest }: { latest: StoredProcedure }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [vi, setVi] = useState(latest.name.vi);
  const [en, setEn] = useState(latest.name.en);
  const original = deadlineValue(latest.procedure);
  const [days, setDays] = useState<number | string>(original ?? '');
  useEffect(() => {
    setVi(latest.name.vi);
    setEn(latest.name.en);
    setDays(deadlineValue(latest.procedure) ?? '');
  }, [latest]);
  const save = useMutation({
    mutationFn: () => {
      const p = latest.procedure;
      const deadline = original !== null && typeof days === 'number' && typeof p.deadline === 'object' && p.deadline !== null ? { deadline: { ...p.deadline, value: days } } : {};
      // The whole document goes back with "version" = the version it was loaded from: a published one becomes the next version, as a draft.
      return unwrap(api.PUT('/api/v1/catalog/procedures/{code}', { params: { path: { code: latest.code } }, body: { ...p, version: latest.version, name: { vi: vi.trim(), en: en.trim() }, ...deadline } }));
    },
    onSuccess: async (r) => {
      notifications.show({ color: 'green', closeButtonProps: { 'aria-label': t('common.close') }, message: t(`admin.procedures.outcome.${r.outcome}`, { version: r.procedure.version }) });
      await client.invalidateQueries({ queryKey: ['admin', 'procedures'] });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (vi.trim() && en.trim()) save.mutate();
  }
  return (
    <form onSubmit={submit} aria-labelledby="edit-basics-title">
      <Title order={3} size="h4" id="edit-basics-title" mb="xs">
        {t('admin.procedures.edit')}
      </Title>
      <Text size="sm" mb="xs">
        {t('admin.procedures.editHelp')}
      </Text>
      <Stack gap="xs">
        {save.isError && <ErrorAlert error={save.error} />}
        <TextInput label={t('admin.common.nameVi')} value={vi} onChange={(e) => setVi(e.currentTarget.value)} required />
        <TextInput label={t('admin.common.nameEn')} value={en} onChange={(e) => setEn(e.currentTarget.value)} required />
        {original !== null && <NumberInput label={t('admin.procedures.deadlineValue')} value={days} onChange={setDays} min={1} max={365} w={220} />}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('admin.procedures.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ProcedureDetail({ code }: { code: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const client = useQueryClient();
  const versions = useQuery({ queryKey: ['admin', 'procedures', code], queryFn: () => unwrap(api.GET('/api/v1/catalog/procedures/{code}', { params: { path: { code } } })) });
  const done = async (message: string) => {
    notifications.show({ color: 'green', closeButtonProps: { 'aria-label': t('common.close') }, message });
    await client.invalidateQueries({ queryKey: ['admin', 'procedures'] });
  };
  const publish = useMutation({
    mutationFn: (version: number) => unwrap(api.POST('/api/v1/catalog/procedures/{code}/versions/{version}/publish', { params: { path: { code, version } } })),
    onSuccess: (r) => done(t('admin.procedures.published', { version: r.procedure.version })),
  });
  const retire = useMutation({
    mutationFn: (version: number) => unwrap(api.POST('/api/v1/catalog/procedures/{code}/versions/{version}/retire', { params: { path: { code, version } } })),
    onSuccess: (r) => done(t('admin.procedures.retired', { version: r.version })),
  });
  if (versions.isPending) return <Loading />;
  if (versions.isError) return <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />;
  const all = versions.data.versions;
  const latest = all[all.length - 1];
  if (!latest) return null;
  const workflowKey = typeof latest.procedure.workflowKey === 'string' ? latest.procedure.workflowKey : null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="procedure-title">
      <Title order={2} size="h3" id="procedure-title">
        {latest.name[lang]}
      </Title>
      <Group gap="sm" mb="sm">
        <Text size="sm">{code}</Text>
        {workflowKey && (
          <Anchor component={Link} to={`/quan-tri/quy-trinh/${encodeURIComponent(workflowKey)}`} size="sm">
            {t('admin.procedures.workflow', { key: workflowKey })}
          </Anchor>
        )}
      </Group>
      {publish.isError && <ErrorAlert error={publish.error} />}
      {retire.isError && <ErrorAlert error={retire.error} />}
      <Table withTableBorder mb="md" aria-label={t('admin.procedures.versions')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.procedures.version')}</Table.Th>
            <Table.Th scope="col">{t('admin.procedures.statusCol')}</Table.Th>
            <Table.Th scope="col">{t('admin.procedures.updated')}</Table.Th>
            <Table.Th scope="col">{t('admin.common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...all].reverse().map((v) => (
            <Table.Tr key={v.version}>
              <Table.Td>{v.version}</Table.Td>
              <Table.Td>
                <StatusBadge status={v.status} />
              </Table.Td>
              <Table.Td>{formatDateTime(v.publishedAt ?? v.updatedAt)}</Table.Td>
              <Table.Td>
                {v.status === 'draft' && (
                  <Button size="compact-sm" loading={publish.isPending} onClick={() => publish.mutate(v.version)}>
                    {t('admin.procedures.publish', { version: v.version })}
                  </Button>
                )}
                {v.status === 'published' && (
                  <Button size="compact-sm" variant="outline" loading={retire.isPending} onClick={() => retire.mutate(v.version)}>
                    {t('admin.procedures.retire', { version: v.version })}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {latest.status !== 'retired' && <EditBasics latest={latest} />}
    </Paper>
  );
}

/** The procedure catalogue for its keepers: list, edit basic fields (a new version), publish, retire. */
export function ProceduresPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const [params, setParams] = useSearchParams();
  const selected = params.get('ma') ?? '';
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<'' | StoredProcedure['status']>('');
  const list = useQuery({
    queryKey: ['admin', 'procedures', 'list', search, status],
    queryFn: () => unwrap(api.GET('/api/v1/catalog/procedures', { params: { query: { limit: 200, ...(search ? { q: search } : {}), ...(status ? { status } : {}) } } })),
  });
  return (
    <>
      <AdminTitle title={t('admin.procedures.title')} intro={t('admin.procedures.intro')} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="procedures-list-title">
            <Title order={2} size="h3" id="procedures-list-title" mb="sm">
              {t('admin.procedures.list')}
            </Title>
            <form onSubmit={(e) => { e.preventDefault(); setSearch(q.trim()); }}>
              <Group align="flex-end" mb="sm">
                <TextInput label={t('admin.procedures.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} style={{ flex: 1 }} />
                <NativeSelect
                  label={t('admin.procedures.statusCol')}
                  value={status}
                  onChange={(e) => setStatus(e.currentTarget.value as typeof status)}
                  data={[{ value: '', label: t('admin.common.all') }, ...(['draft', 'published', 'retired'] as const).map((s) => ({ value: s, label: t(`admin.status.${s}`) }))]}
                />
                <Button type="submit">{t('admin.common.search')}</Button>
              </Group>
            </form>
            {list.isPending && <Loading />}
            {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
            {list.data && list.data.items.length === 0 && <Text>{t('admin.common.noResults')}</Text>}
            {list.data && list.data.items.length > 0 && (
              <ScrollRegion labelledBy="procedures-list-title">
                <Table withTableBorder striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('admin.procedures.name')}</Table.Th>
                      <Table.Th scope="col">{t('admin.procedures.version')}</Table.Th>
                      <Table.Th scope="col">{t('admin.procedures.statusCol')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.data.items.map((p) => (
                      <Table.Tr key={`${p.code}@${p.version}`}>
                        <Table.Td>
                          <UnstyledButton className="link-button" aria-current={p.code === selected ? 'true' : undefined} onClick={() => setParams({ ma: p.code })}>
                            {p.name[lang]}
                          </UnstyledButton>
                          <Text size="xs" c="dimmed">
                            {p.code}
                          </Text>
                        </Table.Td>
                        <Table.Td>{p.version}</Table.Td>
                        <Table.Td>
                          <StatusBadge status={p.status} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollRegion>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>{selected ? <ProcedureDetail key={selected} code={selected} /> : <Text>{t('admin.procedures.pick')}</Text>}</Grid.Col>
      </Grid>
    </>
  );
}
