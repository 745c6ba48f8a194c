import { Box, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { paths } from '../../api/schema';
import { currentLang } from '../../i18n';
import { drilldownHref, formatCount, formatDecimal, formatRate, type Indicator, type StatsParams } from '../../lib/stats';
import { CountLink, FigureCard, MeterBar } from './StatsBits';

/** The summary as the API returns it. */
export type Summary = paths['/api/v1/stats/summary']['get']['responses'][200]['content']['application/json'];

const GREEN = '#1e6b34';
const AMBER = '#7a5c00';
const RED = '#9b1c1c';
const BLUE = '#1c4e80';

/** The headline figures of a period; each opens the list of dossiers it counts. */
export function HeadlineFigures({ summary, params }: { summary: Summary; params: StatsParams }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const v = summary.indicators.volume;
  const c = summary.current;
  const href = (i: Indicator) => drilldownHref(params, i);
  const n = (x: number) => formatCount(x, lang);
  const basis = (key: string, count: number) => t(`stats.basis.${key}`, { count, n: n(count) });
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="sm">
      <FigureCard testId="fig-received" label={t('stats.fig.received')} value={n(v.received)} to={href('received')} color={BLUE} />
      <FigureCard testId="fig-resolved" label={t('stats.fig.resolved')} value={n(v.resolved)} to={href('resolved')} />
      <FigureCard testId="fig-early" label={t('stats.fig.resolvedEarly')} value={n(v.resolvedEarly)} to={href('resolvedEarly')} color={GREEN} />
      <FigureCard testId="fig-ontime" label={t('stats.fig.resolvedOnTime')} value={n(v.resolvedOnTime)} to={href('resolvedOnTime')} color={GREEN} />
      <FigureCard testId="fig-late" label={t('stats.fig.resolvedLate')} value={n(v.resolvedLate)} to={href('resolvedLate')} color={RED} />
      <FigureCard testId="fig-rate" label={t('stats.fig.onTimeRate')} value={formatRate(summary.indicators.progress.onTimeRate, lang)} basis={basis('resolved', v.resolved)} to={href('resolved')} color={GREEN} />
      <FigureCard testId="fig-inprogress" label={t('stats.fig.inProgressNow')} value={n(c.inProgress)} to={href('inProgressNow')} color={BLUE} />
      <FigureCard testId="fig-overdue" label={t('stats.fig.overdueNow')} value={n(c.overdue)} basis={t('stats.basis.overdueApologized', { n: n(c.overdueWithApology) })} to={href('overdueNow')} color={RED} />
      <FigureCard testId="fig-avg" label={t('stats.fig.averageDays')} value={formatDecimal(summary.indicators.progress.averageDays, lang)} basis={basis('resolved', v.resolved)} to={href('resolved')} color={AMBER} />
      <FigureCard testId="fig-p90" label={t('stats.fig.p90Days')} value={formatDecimal(summary.indicators.progress.p90Days, lang)} basis={basis('resolved', v.resolved)} to={href('resolved')} color={AMBER} />
      <FigureCard testId="fig-online" label={t('stats.fig.onlineShare')} value={formatRate(summary.indicators.onlineService.onlineShare, lang)} basis={basis('received', v.received)} to={href('received')} color={BLUE} />
      <FigureCard
        testId="fig-satisfaction"
        label={t('stats.fig.satisfaction')}
        value={summary.indicators.satisfaction.average === null ? '—' : `${formatDecimal(summary.indicators.satisfaction.average, lang)}/5`}
        basis={basis('rated', summary.indicators.satisfaction.ratings)}
        to={href('rated')}
        color={AMBER}
      />
    </SimpleGrid>
  );
}

/** Every count of the period in one table (the summary's "volume" lines and the open dossiers now). */
export function VolumeTable({ summary, params }: { summary: Summary; params: StatsParams }) {
  const { t } = useTranslation();
  const v = summary.indicators.volume;
  const c = summary.current;
  const rows: [Indicator, number][] = [
    ['carriedOver', v.carriedOver],
    ['received', v.received],
    ['receivedOnline', v.receivedOnline],
    ['resolved', v.resolved],
    ['returned', v.returned],
    ['rejected', v.rejected],
    ['withdrawn', v.withdrawn],
    ['stopped', v.stopped],
    ['transferred', v.transferred],
    ['inProgressAtEnd', v.inProgressAtEnd],
    ['inProgressNow', c.inProgress],
    ['notYetDueNow', c.notYetDue],
    ['overdueNow', c.overdue],
    ['pausedNow', c.paused],
  ];
  return (
    <Table withTableBorder verticalSpacing={6} bg="white" aria-labelledby="stats-volume">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('stats.col.indicator')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('stats.col.dossiers')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([indicator, value]) => (
          <Table.Tr key={indicator}>
            <Table.Th scope="row" fw={400}>
              {t(`stats.indicator.${indicator}`)}
            </Table.Th>
            <Table.Td ta="right">
              <CountLink value={value} to={drilldownHref(params, indicator)} label={`${t(`stats.indicator.${indicator}`)}: ${value}`} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

type GroupKey = 'transparency' | 'progress' | 'onlineService' | 'digitization' | 'satisfaction';
const GROUPS: GroupKey[] = ['transparency', 'progress', 'onlineService', 'digitization', 'satisfaction'];

/**
 * The five groups of Decision 766/QĐ-TTg with each group's score, its points out of the
 * configured weight and the counts behind it (each opens its dossiers, composite ones too:
 * early or on time, rated 4–5), and the index score over 100.
 */
export function IndexGroups({ summary, params }: { summary: Summary; params: StatsParams }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const i = summary.indicators;
  const href = (x: Indicator) => drilldownHref(params, x);
  const total = GROUPS.reduce((a, g) => a + i.index.weights[g], 0);
  const of = (num: number, numInd: Indicator, den: number, denInd: Indicator, key: string) => (
    <Text size="sm" key={key}>
      <CountLink value={num} to={href(numInd)} label={`${t(`stats.indicator.${numInd}`)}: ${num}`} />
      {' / '}
      <CountLink value={den} to={href(denInd)} label={`${t(`stats.indicator.${denInd}`)}: ${den}`} /> {t(`stats.groupBasis.${key}`)}
    </Text>
  );
  const details: Record<GroupKey, React.ReactNode[]> = {
    transparency: [of(i.transparency.lateApologized, 'resolvedLateApologized', i.volume.resolvedLate, 'resolvedLate', 'apology')],
    progress: [of(i.volume.resolvedEarly + i.volume.resolvedOnTime, 'resolvedInTime', i.volume.resolved, 'resolved', 'onTime')],
    onlineService: [of(i.volume.receivedOnline, 'receivedOnline', i.volume.received, 'received', 'online'), of(i.onlineService.paidOnline, 'paidOnline', i.onlineService.paid, 'paid', 'payment')],
    digitization: [of(i.digitization.digitized, 'digitized', i.volume.resolved, 'resolved', 'digitized')],
    satisfaction: [of((i.satisfaction.distribution['4'] ?? 0) + (i.satisfaction.distribution['5'] ?? 0), 'ratedSatisfied', i.satisfaction.ratings, 'rated', 'satisfied')],
  };
  return (
    <Stack gap="sm">
      <Group gap="md" align="baseline">
        <Text fw={700} fz={32} c="brand.7" data-testid="index-score">
          {formatDecimal(i.index.score, lang)}
        </Text>
        <Text>{t('stats.index.outOf', { total: formatDecimal(total, lang) })}</Text>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {GROUPS.map((g) => {
          const score = i[g].score;
          return (
            <Box key={g} className="stats-group">
              <Text fw={600}>{t(`stats.groups.${g}`)}</Text>
              <Group gap="xs" wrap="nowrap" my={4}>
                <MeterBar value={score} width="60%" />
                <Text size="sm" fw={600}>
                  {formatRate(score, lang)}
                </Text>
              </Group>
              <Text size="sm">{i.index.points[g] === null ? t('stats.index.noData') : t('stats.index.points', { points: formatDecimal(i.index.points[g], lang), weight: formatDecimal(i.index.weights[g], lang) })}</Text>
              {details[g]}
            </Box>
          );
        })}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('stats.index.note')}
      </Text>
    </Stack>
  );
}
