import { Anchor, Box, Button, Container, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ScrollRegion } from '../../components/ScrollRegion';
import { useAgencies, useFields } from '../../components/stats/StatsFilters';
import { ErrorAlert, Loading } from '../../components/Status';
import { TableHead } from '../../components/TableHead';
import { currentLang } from '../../i18n';
import { formatDateTime, formatIsoDate } from '../../lib/format';
import { formatCount, formatDecimal, isIndicator, parsePeriodText, periodLabel, type StatsParams } from '../../lib/stats';
import { useSummary } from './StatsDashboardPage';

const PAGE = 50;

/**
 * The dossiers behind one figure of the dashboard (drill-down): its total is the figure, and
 * the list pages through all of them. Codes, timings and ratings only; no personal data.
 */
export function StatsDossiersPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const indicatorParam = params.get('indicator');
  const indicator = isIndicator(indicatorParam) ? indicatorParam : 'received';
  const procedureCode = params.get('procedureCode') ?? '';
  const fieldCode = params.get('fieldCode') ?? '';
  const sp: StatsParams = { scope: params.get('scope') ?? 'city', period: params.get('period') ?? '', ...(procedureCode ? { procedureCode } : {}), ...(fieldCode ? { fieldCode } : {}) };
  const period = parsePeriodText(sp.period);
  const summary = useSummary(sp);
  const agencies = useAgencies();
  const fields = useFields();
  const fieldName = fields.data?.find((f) => f.code === fieldCode)?.name[lang] ?? fieldCode;
  const procedures = useQuery({ queryKey: ['stats', 'ranking', 'procedure', sp], queryFn: () => unwrap(api.GET('/api/v1/stats/ranking', { params: { query: { ...sp, by: 'procedure' } } })) });
  const list = useInfiniteQuery({
    queryKey: ['stats', 'dossiers', indicator, sp],
    initialPageParam: '',
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/stats/dossiers', { params: { query: { ...sp, indicator, limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const agencyName = (code: string) => agencies.data?.find((a) => a.code === code)?.name[lang] ?? code;
  const procedureName = (code: string) => procedures.data?.items.find((p) => p.code === code)?.name[lang];
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;
  // Back to the dashboard as it was when the figure was clicked; a shared link goes to its start.
  const back = () => (location.key === 'default' ? void navigate('/can-bo/thong-ke') : void navigate(-1));
  const isNow = indicator.endsWith('Now');

  // The list is wide (twelve columns): use the whole width of the screen.
  return (
    <Container fluid px={{ base: 'md', md: 'xl' }}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={1} size="h2">
              {t(`stats.indicator.${indicator}`)}
            </Title>
            <Text c="dimmed">
              {summary.data ? `${summary.data.scope.name[lang]} · ` : ''}
              {isNow ? t('stats.drill.now') : period ? periodLabel(period, lang) : sp.period}
              {fieldCode ? ` · ${t('stats.fieldFilter', { name: fieldName })}` : ''}
              {procedureCode ? ` · ${t('stats.procedureFilter', { code: procedureCode })}` : ''}
            </Text>
          </div>
          <Button variant="outline" onClick={back}>
            {t('stats.drill.back')}
          </Button>
        </Group>
        {list.isPending && <Loading />}
        {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && (
          <>
            <Text fw={600} size="lg" data-testid="drill-total" aria-live="polite">
              {t('stats.drill.total', { n: formatCount(total ?? 0, lang) })}
            </Text>
            {items.length === 0 ? (
              <Text>{t('stats.drill.empty')}</Text>
            ) : (
              <>
                {/* Phones: one block per dossier with the essentials; the full table from 'sm' up. */}
                <Stack gap={0} hiddenFrom="sm" component="ol" className="stats-rank-list" aria-label={t('stats.drill.caption', { shown: formatCount(items.length, lang), total: formatCount(total ?? 0, lang) })}>
                  {items.map((d) => (
                    <Box component="li" key={d.dossierId} py={8} className="stats-rank-item">
                      <Text size="sm" fw={600}>
                        {d.code ?? t('dossier.noCode')}
                      </Text>
                      <Text size="sm">{procedureName(d.procedureCode) ?? d.procedureCode}</Text>
                      <Text size="xs" c="dimmed">
                        {agencyName(d.agencyCode)} · {t(`channel.${d.channel}`, { defaultValue: d.channel })}
                      </Text>
                      <Text size="xs">
                        {t('stats.drill.col.received')}: {d.receivedDay ? formatIsoDate(d.receivedDay) : '—'}
                        {d.resolvedDay ? ` · ${t('stats.drill.col.resolved')}: ${formatIsoDate(d.resolvedDay)}` : ''}
                        {d.timeliness ? ` · ${t(`timeliness.${d.timeliness}`, { defaultValue: d.timeliness })}` : ''}
                        {` · ${t(`status.${d.status}`, { defaultValue: d.status })}`}
                      </Text>
                    </Box>
                  ))}
                </Stack>
                <ScrollRegion labelledBy="drill-caption" visibleFrom="sm">
                  <Table withTableBorder striped verticalSpacing={6} miw={1200} bg="white" captionSide="top" className="stats-table">
                    <Table.Caption id="drill-caption">{t('stats.drill.caption', { shown: formatCount(items.length, lang), total: formatCount(total ?? 0, lang) })}</Table.Caption>
                    <TableHead
                      columns={[
                        { label: t('stats.drill.col.code') },
                        { label: t('stats.col.procedure') },
                        { label: t('stats.col.agency') },
                        { label: t('stats.drill.col.channel') },
                        { label: t('stats.drill.col.received') },
                        { label: t('stats.drill.col.due') },
                        { label: t('stats.drill.col.resolved') },
                        { label: t('stats.drill.col.timeliness') },
                        { label: t('stats.drill.col.days'), align: 'right' },
                        { label: t('stats.drill.col.apologies'), align: 'right' },
                        { label: t('stats.drill.col.rating'), align: 'right' },
                        { label: t('stats.drill.col.status') },
                      ]}
                    />
                    <Table.Tbody>
                      {items.map((d) => (
                        <Table.Tr key={d.dossierId}>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.code ?? t('dossier.noCode')}</Table.Td>
                          <Table.Td miw={180} maw={260}>
                            <Text size="sm" lineClamp={2}>
                              {procedureName(d.procedureCode) ?? d.procedureCode}
                            </Text>
                          </Table.Td>
                          <Table.Td miw={150} maw={200}>
                            <Text size="sm">{agencyName(d.agencyCode)}</Text>
                          </Table.Td>
                          <Table.Td miw={90}>{t(`channel.${d.channel}`, { defaultValue: d.channel })}</Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.receivedDay ? formatIsoDate(d.receivedDay) : '—'}</Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.originalDueAt ? formatDateTime(d.originalDueAt) : '—'}</Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.resolvedDay ? formatIsoDate(d.resolvedDay) : '—'}</Table.Td>
                          <Table.Td>{d.timeliness ? t(`timeliness.${d.timeliness}`, { defaultValue: d.timeliness }) : '—'}</Table.Td>
                          <Table.Td ta="right">{formatDecimal(d.processingDays, lang)}</Table.Td>
                          <Table.Td ta="right">{d.apologies}</Table.Td>
                          <Table.Td ta="right">{d.rating ?? '—'}</Table.Td>
                          <Table.Td miw={110}>{t(`status.${d.status}`, { defaultValue: d.status })}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollRegion>
              </>
            )}
            {list.hasNextPage && (
              <Group>
                <Button variant="outline" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                  {t('stats.drill.more', { n: Math.min(PAGE, (total ?? 0) - items.length) })}
                </Button>
              </Group>
            )}
            <Text size="xs" c="dimmed">
              {t('stats.drill.privacy')}{' '}
              <Anchor component={Link} to="/can-bo/thong-ke" size="xs">
                {t('stats.drill.dashboard')}
              </Anchor>
            </Text>
          </>
        )}
      </Stack>
    </Container>
  );
}
