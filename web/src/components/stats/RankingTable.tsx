import { Box, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { paths } from '../../api/schema';
import { ScrollRegion } from '../ScrollRegion';
import { TableHead } from '../TableHead';
import { currentLang } from '../../i18n';
import { drilldownHref, formatDecimal, formatRate, type StatsParams } from '../../lib/stats';
import { CountLink, MeterBar } from './StatsBits';

/** A ranking as the API returns it. */
export type Ranking = paths['/api/v1/stats/ranking']['get']['responses'][200]['content']['application/json'];

/**
 * Agencies or procedures ranked by on-time rate, with a bar per line. Counts link to their
 * dossiers: a procedure line keeps the scope and adds the procedure; an agency line narrows
 * the scope to exactly that agency (`agencyOnly:`, without the agencies below it), which is
 * what the line counts (the line's agency is inside the scope, so nothing else narrows it).
 */
export function RankingTable({ ranking, params, captionId }: { ranking: Ranking; params: StatsParams; captionId: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const by = ranking.by === 'procedure' ? 'procedure' : 'agency';
  const lineParams = (code: string): StatsParams => {
    if (by === 'procedure') return { ...params, procedureCode: code };
    // A desk belongs to one agency: its ranking has that agency alone, counted at the desk only.
    if (params.scope.startsWith('desk:')) return params;
    return { ...params, scope: `agencyOnly:${code}` };
  };
  if (ranking.items.length === 0) return <Text>{t('stats.ranking.empty')}</Text>;
  const countOf = (code: string, name: string, value: number, indicator: 'received' | 'resolved' | 'resolvedLate') => (
    <CountLink value={value} to={drilldownHref(lineParams(code), indicator)} label={`${name}, ${t(`stats.indicator.${indicator}`)}: ${value}`} />
  );
  return (
    <>
      {/* Phones: one line per agency or procedure, rate first; the full table from 'sm' up. */}
      <Stack gap={0} hiddenFrom="sm" component="ol" className="stats-rank-list">
        {ranking.items.map((r) => (
          <Box component="li" key={r.code} py={8} className="stats-rank-item">
            <Text size="sm" fw={600}>
              {r.rank}. {r.name[lang]}
            </Text>
            <Group gap="xs" wrap="nowrap" my={2}>
              <MeterBar value={r.onTimeRate} width="50%" color="#1e6b34" />
              <Text size="sm" fw={600}>
                {formatRate(r.onTimeRate, lang)}
              </Text>
            </Group>
            <Text size="xs">
              {t('stats.fig.received')}: {countOf(r.code, r.name[lang], r.received, 'received')} · {t('stats.fig.resolved')}: {countOf(r.code, r.name[lang], r.resolved, 'resolved')} · {t('stats.fig.resolvedLate')}:{' '}
              {countOf(r.code, r.name[lang], r.resolvedLate, 'resolvedLate')}
            </Text>
          </Box>
        ))}
      </Stack>
      <ScrollRegion labelledBy={captionId} visibleFrom="sm">
        <Table withTableBorder striped verticalSpacing={6} miw={860} bg="white">
          <TableHead
            columns={[
              { label: t('stats.col.rank'), align: 'right' },
              { label: by === 'agency' ? t('stats.col.agency') : t('stats.col.procedure') },
              { label: t('stats.indicator.received'), align: 'right' },
              { label: t('stats.indicator.resolved'), align: 'right' },
              { label: t('stats.indicator.resolvedLate'), align: 'right' },
              { label: t('stats.col.onTimeRate') },
              { label: t('stats.col.averageDays'), align: 'right' },
              { label: t('stats.col.onlineShare'), align: 'right' },
              { label: t('stats.col.satisfaction'), align: 'right' },
            ]}
          />
          <Table.Tbody>
            {ranking.items.map((r) => {
              const name = r.name[lang];
              const count = (value: number, indicator: 'received' | 'resolved' | 'resolvedLate') => countOf(r.code, name, value, indicator);
              return (
                <Table.Tr key={r.code}>
                  <Table.Td ta="right">{r.rank}</Table.Td>
                  <Table.Th scope="row" fw={500} miw={260} maw={400}>
                    <Text size="sm" fw={500} lineClamp={2} title={name}>
                      {name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {r.code}
                    </Text>
                  </Table.Th>
                  <Table.Td ta="right">{count(r.received, 'received')}</Table.Td>
                  <Table.Td ta="right">{count(r.resolved, 'resolved')}</Table.Td>
                  <Table.Td ta="right">{count(r.resolvedLate, 'resolvedLate')}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <MeterBar value={r.onTimeRate} width={90} color="#1e6b34" />
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatRate(r.onTimeRate, lang)}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{formatDecimal(r.averageDays, lang)}</Table.Td>
                  <Table.Td ta="right">{formatRate(r.onlineShare, lang)}</Table.Td>
                  <Table.Td ta="right">{formatDecimal(r.satisfactionAverage, lang)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </>
  );
}
