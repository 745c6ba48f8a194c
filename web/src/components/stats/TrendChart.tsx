import { Box, Group, Table, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { paths } from '../../api/schema';
import { ScrollRegion } from '../ScrollRegion';
import { currentLang } from '../../i18n';
import { drilldownHref, formatCount, formatDecimal, formatRate, monthWithin, shortMonth, type StatsParams } from '../../lib/stats';
import { CountLink } from './StatsBits';

/** The monthly trend as the API returns it. */
export type Trend = paths['/api/v1/stats/trend']['get']['responses'][200]['content']['application/json'];

const RECEIVED = '#1c4e80';
const RESOLVED = '#b91c1c';

/**
 * Received and resolved dossiers month by month as columns (plain CSS: no charting library
 * is installed). Every column is a link to the dossiers it counts; the on-time rate is
 * written under each month.
 */
export function TrendChart({ trend, params }: { trend: Trend; params: StatsParams }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const chart = useRef<HTMLDivElement>(null);
  // On a narrow screen the latest months matter most: start the scrolled chart at its end.
  useEffect(() => {
    const box = chart.current?.parentElement;
    if (box) box.scrollLeft = box.scrollWidth;
  }, [trend]);
  const max = Math.max(1, ...trend.months.map((m) => Math.max(m.indicators.volume.received, m.indicators.volume.resolved)));
  const monthParams = (month: string): StatsParams => ({ ...params, period: monthWithin(month, trend.period) });
  const bar = (month: string, value: number, kind: 'received' | 'resolved', color: string) => (
    <Link
      to={drilldownHref(monthParams(month), kind)}
      className="stats-column"
      aria-label={t('stats.trend.barLabel', { month: shortMonth(month, lang), value: formatCount(value, lang), what: t(`stats.indicator.${kind}`) })}
      style={{ height: `${Math.max(2, (value / max) * 100)}%`, background: color }}
    >
      <span className="stats-column-value" aria-hidden>
        {formatCount(value, lang)}
      </span>
    </Link>
  );
  return (
    <Box>
      <Group gap="md" mb="xs" aria-hidden>
        <Group gap={6}>
          <span className="stats-swatch" style={{ background: RECEIVED }} />
          <Text size="sm">{t('stats.indicator.received')}</Text>
        </Group>
        <Group gap={6}>
          <span className="stats-swatch" style={{ background: RESOLVED }} />
          <Text size="sm">{t('stats.indicator.resolved')}</Text>
        </Group>
      </Group>
      <ScrollRegion labelledBy="stats-trend">
        <div ref={chart} className="stats-chart" style={{ minWidth: trend.months.length * 64 }}>
          {trend.months.map((m) => (
            <div key={m.month} className="stats-chart-month">
              <div className="stats-chart-bars">
                {bar(m.month, m.indicators.volume.received, 'received', RECEIVED)}
                {bar(m.month, m.indicators.volume.resolved, 'resolved', RESOLVED)}
              </div>
              <Text size="xs" ta="center" fw={600}>
                {shortMonth(m.month, lang)}
              </Text>
              <Text size="xs" ta="center" c="dimmed">
                {formatRate(m.indicators.progress.onTimeRate, lang)}
              </Text>
            </div>
          ))}
        </div>
      </ScrollRegion>
      <Text size="xs" c="dimmed" mt={4}>
        {t('stats.trend.rateNote')}
      </Text>
    </Box>
  );
}

/** The same trend as a table (counts link to their dossiers). */
export function TrendTable({ trend, params }: { trend: Trend; params: StatsParams }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const cols = ['received', 'receivedOnline', 'resolved', 'resolvedEarly', 'resolvedOnTime', 'resolvedLate'] as const;
  return (
    <ScrollRegion labelledBy="stats-trend-table">
      <Table withTableBorder striped verticalSpacing={6} miw={820} bg="white" captionSide="top" className="stats-table">
        <Table.Caption id="stats-trend-table">{t('stats.trend.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('stats.col.month')}</Table.Th>
            {cols.map((c) => (
              <Table.Th key={c} scope="col" ta="right">
                {t(`stats.indicator.${c}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right">
              {t('stats.col.onTimeRate')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('stats.col.averageDays')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {trend.months.map((m) => {
            const p: StatsParams = { ...params, period: monthWithin(m.month, trend.period) };
            return (
              <Table.Tr key={m.month}>
                <Table.Th scope="row" fw={500}>
                  {shortMonth(m.month, lang)}
                </Table.Th>
                {cols.map((c) => (
                  <Table.Td key={c} ta="right">
                    <CountLink value={m.indicators.volume[c]} to={drilldownHref(p, c)} label={`${shortMonth(m.month, lang)}, ${t(`stats.indicator.${c}`)}: ${m.indicators.volume[c]}`} />
                  </Table.Td>
                ))}
                <Table.Td ta="right">{formatRate(m.indicators.progress.onTimeRate, lang)}</Table.Td>
                <Table.Td ta="right">{formatDecimal(m.indicators.progress.averageDays, lang)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
