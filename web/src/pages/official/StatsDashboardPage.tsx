import { Alert, Badge, CloseButton, Container, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { HeadlineFigures, IndexGroups, VolumeTable } from '../../components/stats/Headline';
import { RankingTable } from '../../components/stats/RankingTable';
import { PeriodPicker, ScopePicker, scopeOf, useAgencies, type ScopeChoice } from '../../components/stats/StatsFilters';
import { ExcelButton, Section } from '../../components/stats/StatsBits';
import { TrendChart, TrendTable } from '../../components/stats/TrendChart';
import { ErrorAlert, Loading } from '../../components/Status';
import { currentLang } from '../../i18n';
import { todayIso } from '../../lib/format';
import { baseScopes, canReadStats, parsePeriodText, periodLabel, trendPeriod, type PickedPeriod, type StatsParams } from '../../lib/stats';

/** The statistics queries of the dashboard, shared with the drill-down page (same cache keys). */
export function useSummary(p: StatsParams, enabled = true) {
  return useQuery({
    queryKey: ['stats', 'summary', p],
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/stats/summary', { params: { query: p } })),
  });
}

/** Leaders' dashboard: scope and period, headline figures, Decision 766 groups, trend, rankings, Excel. */
export function StatsDashboardPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const today = todayIso(new Date());
  const bases = baseScopes(me?.grants ?? []);
  const allowed = canReadStats(me?.grants ?? []) && bases.length > 0;
  const requestedBase = params.get('base') ?? '';
  const choice: ScopeChoice = { base: bases.includes(requestedBase) ? requestedBase : (bases[0] ?? 'city'), agency: params.get('agency') ?? '', desk: params.get('desk') ?? '' };
  // Unknown or malformed periods in the address fall back to this month.
  const period: PickedPeriod = parsePeriodText(params.get('period') ?? '') ?? (parsePeriodText(today.slice(0, 7)) as PickedPeriod);
  const procedureCode = params.get('procedureCode') ?? '';
  const sp: StatsParams = { scope: scopeOf(choice), period: period.text, ...(procedureCode ? { procedureCode } : {}) };
  const trendSp: StatsParams = { ...sp, period: trendPeriod(period) };

  const summary = useSummary(sp, allowed);
  const trend = useQuery({ queryKey: ['stats', 'trend', trendSp], enabled: allowed, queryFn: () => unwrap(api.GET('/api/v1/stats/trend', { params: { query: trendSp } })) });
  const byAgency = useQuery({ queryKey: ['stats', 'ranking', 'agency', sp], enabled: allowed, queryFn: () => unwrap(api.GET('/api/v1/stats/ranking', { params: { query: { ...sp, by: 'agency' } } })) });
  const byProcedure = useQuery({ queryKey: ['stats', 'ranking', 'procedure', sp], enabled: allowed, queryFn: () => unwrap(api.GET('/api/v1/stats/ranking', { params: { query: { ...sp, by: 'procedure' } } })) });
  const agencies = useAgencies();
  const hasChildren = (code: string) => (agencies.data ?? []).some((a) => a.parentCode === code);

  function update(patch: Record<string, string>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  }

  if (!allowed) {
    return (
      <Container size="md">
        <Title order={1} size="h2" mb="md">
          {t('stats.title')}
        </Title>
        <Alert color="gray" variant="outline" title={t('stats.noAccessTitle')}>
          {t('stats.noAccess')}
        </Alert>
      </Container>
    );
  }

  const scopeName = summary.data?.scope.name[lang];
  return (
    <Container size="xl">
      <Stack gap="md">
        <div>
          <Title order={1} size="h2">
            {t('stats.title')}
          </Title>
          <Text c="dimmed" aria-live="polite">
            {scopeName ? `${scopeName} · ` : ''}
            {periodLabel(period, lang)}
          </Text>
        </div>
        <Paper withBorder p="sm" component="form" role="search" aria-label={t('stats.filters')} onSubmit={(e) => e.preventDefault()}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <ScopePicker bases={bases} value={choice} onChange={(c) => update({ base: c.base === bases[0] ? '' : c.base, agency: c.agency, desk: c.desk })} />
            <PeriodPicker key={period.kind} value={period} today={today} onChange={(p) => update({ period: p.text })} />
          </Group>
          {procedureCode && (
            <Group gap="xs" mt="sm">
              <Badge variant="light" color="gray" size="lg" rightSection={<CloseButton size="xs" aria-label={t('stats.clearProcedure')} onClick={() => update({ procedureCode: '' })} />}>
                {t('stats.procedureFilter', { code: procedureCode })}
              </Badge>
            </Group>
          )}
        </Paper>

        {summary.isPending && <Loading />}
        {summary.isError && <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />}
        {summary.isSuccess && (
          <>
            <Section id="stats-headline" title={t('stats.sections.headline')} hint={t('stats.sections.headlineHint')} action={<ExcelButton params={sp} table="summary" label={t('stats.sections.headline')} />}>
              <HeadlineFigures summary={summary.data} params={sp} />
            </Section>
            <Section id="stats-index" title={t('stats.sections.index')} hint={t('stats.sections.indexHint')}>
              <IndexGroups summary={summary.data} params={sp} />
            </Section>
          </>
        )}

        <Section id="stats-trend" title={t('stats.sections.trend')} hint={trend.data ? periodLabel(parsePeriodText(trendSp.period) ?? period, lang) : undefined} action={<ExcelButton params={trendSp} table="trend" label={t('stats.sections.trend')} />}>
          {trend.isPending && <Loading />}
          {trend.isError && <ErrorAlert error={trend.error} onRetry={() => void trend.refetch()} />}
          {trend.isSuccess && (
            <Stack gap="md">
              <TrendChart trend={trend.data} params={sp} />
              <TrendTable trend={trend.data} params={sp} />
            </Stack>
          )}
        </Section>

        <Section id="stats-rank-agency" title={t('stats.sections.rankingAgency')} action={<ExcelButton params={sp} table="ranking-agency" label={t('stats.sections.rankingAgency')} />}>
          {byAgency.isPending && <Loading />}
          {byAgency.isError && <ErrorAlert error={byAgency.error} onRetry={() => void byAgency.refetch()} />}
          {byAgency.isSuccess && <RankingTable ranking={byAgency.data} params={sp} captionId="stats-rank-agency" exactAgency={(code) => agencies.isSuccess && !hasChildren(code)} />}
        </Section>

        <Section id="stats-rank-procedure" title={t('stats.sections.rankingProcedure')} action={<ExcelButton params={sp} table="ranking-procedure" label={t('stats.sections.rankingProcedure')} />}>
          {byProcedure.isPending && <Loading />}
          {byProcedure.isError && <ErrorAlert error={byProcedure.error} onRetry={() => void byProcedure.refetch()} />}
          {byProcedure.isSuccess && <RankingTable ranking={byProcedure.data} params={sp} captionId="stats-rank-procedure" exactAgency={() => true} />}
        </Section>

        {summary.isSuccess && (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Section id="stats-volume" title={t('stats.sections.volume')}>
              <VolumeTable summary={summary.data} params={sp} />
            </Section>
          </SimpleGrid>
        )}
      </Stack>
    </Container>
  );
}
