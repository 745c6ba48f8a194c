import { Alert, Anchor, Badge, Button, Group, List, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ErrorAlert, Loading } from '../../components/Status';
import { currentLang } from '../../i18n';
import { AdminTitle } from './AdminShell';
import type { Issue } from './admin-api';
import { parseDiagram } from './diagram-layout';
import { WorkflowDiagram } from './WorkflowDiagram';

function Issues({ title, issues, color }: { title: string; issues: Issue[]; color: string }) {
  const lang = currentLang();
  if (issues.length === 0) return null;
  return (
    <Alert color={color} variant="outline" title={title}>
      <List size="sm">
        {issues.map((i, k) => (
          <List.Item key={k}>
            {i.message[lang]} <Text span size="xs" c="dimmed">({i.path || '/'})</Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function VersionView({ wfKey, version, status }: { wfKey: string; version: number; status: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const client = useQueryClient();
  const stored = useQuery({ queryKey: ['admin', 'workflows', wfKey, version], queryFn: () => unwrap(api.GET('/api/v1/workflows/{key}/versions/{version}', { params: { path: { key: wfKey, version } } })) });
  const diagram = useQuery({
    queryKey: ['admin', 'workflows', wfKey, version, 'diagram'],
    queryFn: () => unwrap(api.GET('/api/v1/workflows/{key}/versions/{version}/diagram', { params: { path: { key: wfKey, version }, query: { format: 'json' } } })),
  });
  const validation = useQuery({
    queryKey: ['admin', 'workflows', wfKey, version, 'validate'],
    enabled: stored.data !== undefined,
    queryFn: () => unwrap(api.POST('/api/v1/workflows/validate', { body: stored.data?.definition ?? {} })),
  });
  const publish = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/workflows/{key}/versions/{version}/publish', { params: { path: { key: wfKey, version } } })),
    onSuccess: async () => {
      notifications.show({ color: 'green', closeButtonProps: { 'aria-label': t('common.close') }, message: t('admin.workflows.publishedMsg', { version }) });
      await client.invalidateQueries({ queryKey: ['admin', 'workflows'] });
    },
  });
  const parsed = diagram.data?.diagram ? parseDiagram(diagram.data.diagram) : null;
  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-labelledby="validation-title">
        <Title order={2} size="h3" id="validation-title" mb="sm">
          {t('admin.workflows.validation')}
        </Title>
        {validation.isPending && <Loading />}
        {validation.isError && <ErrorAlert error={validation.error} onRetry={() => void validation.refetch()} />}
        {validation.data && (
          <Stack gap="sm">
            <Text role="status" fw={600} c={validation.data.valid ? '#1b5e20' : 'brand.7'}>
              {validation.data.valid ? t('admin.workflows.valid') : t('admin.workflows.invalid', { count: validation.data.errors.length })}
            </Text>
            <Issues title={t('admin.workflows.errors')} issues={validation.data.errors} color="brand.7" />
            <Issues title={t('admin.workflows.warnings')} issues={validation.data.warnings} color="#8a3a00" />
          </Stack>
        )}
        {status === 'draft' && (
          <Group mt="sm">
            {publish.isError && <ErrorAlert error={publish.error} />}
            <Button loading={publish.isPending} disabled={validation.data?.valid === false} onClick={() => publish.mutate()}>
              {t('admin.workflows.publish', { version })}
            </Button>
          </Group>
        )}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="diagram-title">
        <Title order={2} size="h3" id="diagram-title" mb="sm">
          {t('admin.workflows.diagram')}
        </Title>
        {diagram.isPending && <Loading />}
        {diagram.isError && <ErrorAlert error={diagram.error} onRetry={() => void diagram.refetch()} />}
        {parsed && <WorkflowDiagram nodes={parsed.nodes} edges={parsed.edges} title={t('admin.workflows.diagramOf', { name: stored.data?.name[lang] ?? wfKey, version })} />}
      </Paper>
    </Stack>
  );
}

function WorkflowDetail({ wfKey }: { wfKey: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [params, setParams] = useSearchParams();
  const versions = useQuery({ queryKey: ['admin', 'workflows', wfKey], queryFn: () => unwrap(api.GET('/api/v1/workflows/{key}', { params: { path: { key: wfKey } } })) });
  if (versions.isPending) return <Loading />;
  if (versions.isError) return <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />;
  const all = versions.data.versions;
  const published = all.find((v) => v.status === 'published');
  const fallback = published ?? all[all.length - 1];
  const chosen = all.find((v) => String(v.version) === params.get('v')) ?? fallback;
  if (!chosen) return <Text>{t('admin.common.noResults')}</Text>;
  return (
    <>
      <AdminTitle title={chosen.name[lang]} intro={t('admin.workflows.detailIntro', { key: wfKey })}>
        <Group mt="sm" align="flex-end">
          <NativeSelect
            label={t('admin.workflows.version')}
            value={String(chosen.version)}
            onChange={(e) => setParams({ v: e.currentTarget.value }, { replace: true })}
            data={all.map((v) => ({ value: String(v.version), label: `${v.version} — ${t(`admin.status.${v.status}`)}` }))}
            w={240}
          />
          <Anchor component={Link} to="/quan-tri/quy-trinh" mb={6}>
            {t('admin.workflows.back')}
          </Anchor>
        </Group>
      </AdminTitle>
      <VersionView key={chosen.version} wfKey={wfKey} version={chosen.version} status={chosen.status} />
    </>
  );
}

/** Process definitions (quy trình nội bộ): the list, and one drawn as a diagram with its checks. */
export function WorkflowsPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const { key } = useParams();
  const list = useQuery({ queryKey: ['admin', 'workflows', 'list'], enabled: !key, queryFn: () => unwrap(api.GET('/api/v1/workflows')) });
  if (key) return <WorkflowDetail key={key} wfKey={key} />;
  return (
    <>
      <AdminTitle title={t('admin.workflows.title')} intro={t('admin.workflows.intro')} />
      {list.isPending && <Loading />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <Paper withBorder p="md">
          <Table striped aria-label={t('admin.workflows.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.workflows.name')}</Table.Th>
                <Table.Th scope="col">{t('admin.workflows.key')}</Table.Th>
                <Table.Th scope="col">{t('admin.workflows.versions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((w) => (
                <Table.Tr key={w.key}>
                  <Table.Td>
                    <Anchor component={Link} to={`/quan-tri/quy-trinh/${encodeURIComponent(w.key)}`}>
                      {w.name[lang]}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{w.key}</Table.Td>
                  <Table.Td>
                    {t('admin.workflows.latest', { version: w.latestVersion })}{' '}
                    {w.publishedVersion !== null && (
                      <Badge size="sm" variant="outline" color="#1b5e20">
                        {t('admin.workflows.publishedVersion', { version: w.publishedVersion })}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </>
  );
}
