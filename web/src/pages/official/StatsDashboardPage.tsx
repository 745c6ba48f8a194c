import { Alert, Badge, CloseButton, Container, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { hasRole, useSession } from '../../auth/session';
import { HeadlineFigures, IndexGroups, VolumeTable } from '../../components/stats/Headline';
import { RankingTable } from '../../components/stats/RankingTable';
import { FieldPicker, PeriodPicker, ScopePicker, useFields, useScopes } from '../../components/stats/StatsFilters';
import { ExcelButton, Section } from '../../components/stats/StatsBits';
import { TrendChart, TrendTable } from '../../components/stats/TrendChart';
import { WeightsPanel } from '../../components/stats/WeightsPanel';
import { ErrorAlert, Loading } from '../../components/Status';
import { currentLang } from '../../i18n';
import { todayIso } from '../../lib/format';
import { canReadStats, parsePeriodText, periodLabel, trendPeriod, type PickedPeriod, type StatsParams } from '../../lib/stats';

/** The statistics queries of the dashboard, shared with the drill-down page (same cache keys). */
export function useSummary(p: StatsParams, enabled = true) {
  return useQuery({
    queryKey: ['stats', 'summary', p],
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/stats/summary', { params: { query: p } })),
  });
}

/**
 * Leaders' dashboard: scope (only those `GET /stats/scopes` offers the reader), field and
 * period; headline figures, Decision 766 groups and their weights, trend, rankings, Excel.
 */
export function StatsDashboardPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const today = todayIso(new Date());
  const scopes = useScopes(canReadStats(me?.grants ?? []));
  const fields = useFields();
  // A reader whose grants cover nothing in force has no scope to pick.
  const allowed = canReadStats(me?.grants ?? []) && !(scopes.isSuccess && scopes.data.length === 0);
  // The address names the scope; without one, the widest the reader may read (the list's first).
  const scope = params.get('scope') ?? scopes.data?.[0]?.scope ?? '';
  const ready = allowed && scope !== '';
  // Unknown or malformed periods in the address fall back to this month.
  const period: PickedPeriod = parsePeriodText(params.get('period') ?? '') ?? (parsePeriodText(today.slice(0, 7)) as PickedPeriod);
  const procedureCode = params.get('procedureCode') ?? '';
  const fieldCode = params.get('fieldCode') ?? '';
  const sp: StatsParams = { scope, period: period.text, ...(procedureCode ? { procedureCode } : {}), ...(fieldCode ? { fieldCode } : {}) };
  const trendSp: StatsParams = { ...sp, period: trendPeriod(period) };

  const summary = useSummary(sp, ready);
  const trend = useQuery({ queryKey: ['stats', 'trend', trendSp], enabled: ready, queryFn: () => unwrap(api.GET('/api/v1/stats/trend', { params: { query: trendSp } })) });
  const byAgency = useQuery({ queryKey: ['stats', 'ranking', 'agency', sp], enabled: ready, queryFn: () => unwrap(api.GET('/api/v1/stats/ranking', { params: { query: { ...sp, by: 'agency' } } })) });
  const byProcedure = useQuery({ queryKey: ['stats', 'ranking', 'procedure', sp], enabled: ready, queryFn: () => unwrap(api.GET('/api/v1/stats/ranking', { params: { query: { ...sp, by: 'procedure' } } })) });

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
  const fieldName = fieldCode ? (fields.data?.find((f) => f.code === fieldCode)?.name[lang] ?? fieldCode) : '';
  return (
    <Container size="xl">
      <Stack gap="md">
        <div>
          <Title order={1} size="h2">
            {t('stats.title')}
          </Title>
          <Text c="dimmed" aria-live="polite">
            {scopeName ? `${scopeName} · ` : ''}
            {fieldName ? `${t('stats.fieldFilter', { name: fieldName })} · ` : ''}
            {periodLabel(period, lang)}
          </Text>
        </div>
        <Paper withBorder p="sm" component="form" role="search" aria-label={t('stats.filters')} onSubmit={(e) => e.preventDefault()}>
          {scopes.isError && <ErrorAlert error={scopes.error} onRetry={() => void scopes.refetch()} />}
          <Group align="flex-end" gap="sm" wrap="wrap">
            {scopes.isSuccess && <ScopePicker choices={scopes.data} value={scope} valueName={summary.data?.scope.name[lang]} onChange={(s) => update({ scope: s === scopes.data[0]?.scope ? '' : s })} />}
            {/* A procedure belongs to one field: picking a field drops a procedure filter. */}
            <FieldPicker value={fieldCode} onChange={(f) => update({ fieldCode: f, procedureCode: '' })} />
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
          {byAgency.isSuccess && <RankingTable ranking={byAgency.data} params={sp} captionId="stats-rank-agency" />}
        </Section>

        <Section id="stats-rank-procedure" title={t('stats.sections.rankingProcedure')} action={<ExcelButton params={sp} table="ranking-procedure" label={t('stats.sections.rankingProcedure')} />}>
          {byProcedure.isPending && <Loading />}
          {byProcedure.isError && <ErrorAlert error={byProcedure.error} onRetry={() => void byProcedure.refetch()} />}
          {byProcedure.isSuccess && <RankingTable ranking={byProcedure.data} params={sp} captionId="stats-rank-procedure" />}
        </Section>

        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {summary.isSuccess && (
            <Section id="stats-volume" title={t('stats.sections.volume')}>
              <VolumeTable summary={summary.data} params={sp} />
            </Section>
          )}
          <Section id="stats-weights" title={t('stats.sections.weights')} hint={t('stats.sections.weightsHint')}>
            <WeightsPanel canEdit={hasRole(me, 'systemAdmin')} />
          </Section>
        </SimpleGrid>
      </Stack>
    </Container>
  );
}
