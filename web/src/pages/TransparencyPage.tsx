import { Box, Container, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { ScrollRegion } from '../components/ScrollRegion';
import { MeterBar } from '../components/stats/StatsBits';
import { TableHead } from '../components/TableHead';
import { ErrorAlert, Loading } from '../components/Status';
import { currentLang, type Lang } from '../i18n';
import { formatDateTime } from '../lib/format';
import { formatCount, formatDecimal, formatRate, parsePeriodText, periodLabel } from '../lib/stats';

type Transparency = paths['/api/v1/public/transparency']['get']['responses'][200]['content']['application/json'];
type Row = Transparency['agencies'][number];

/** Folds Vietnamese diacritics so "hai chau" finds "Hải Châu". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

function Rate({ rate, resolved, lang }: { rate: number | null; resolved: number; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="nowrap">
        <MeterBar value={rate} width={70} color="#1e6b34" />
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {formatRate(rate, lang)}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {t('transparency.resolvedN', { n: formatCount(resolved, lang), count: resolved })}
      </Text>
    </Stack>
  );
}

function satisfaction(r: Row, lang: Lang, t: (k: string, o?: Record<string, unknown>) => string): string {
  return r.satisfaction.average === null ? t('transparency.noRatings') : t('transparency.ratingValue', { avg: formatDecimal(r.satisfaction.average, lang), n: formatCount(r.satisfaction.ratings, lang), count: r.satisfaction.ratings });
}

/** One agency as a card, for phones. */
function AgencyCard({ r, lang }: { r: Row; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" component="article" aria-labelledby={`tp-${r.agencyCode}`}>
      <Text component="h2" fw={650} fz="md" m={0} mb="xs" id={`tp-${r.agencyCode}`}>
        {r.name[lang]}
      </Text>
      <SimpleGrid cols={2} spacing="xs">
        <div>
          <Text size="xs" c="dimmed">
            {t('transparency.col.month')}
          </Text>
          <Rate rate={r.month.onTimeRate} resolved={r.month.resolved} lang={lang} />
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('transparency.col.year')}
          </Text>
          <Rate rate={r.year.onTimeRate} resolved={r.year.resolved} lang={lang} />
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('transparency.col.overdue')}
          </Text>
          <Text size="sm" fw={600}>
            {t('transparency.overdueValue', { n: formatCount(r.overdueNow, lang), a: formatCount(r.overdueWithApology, lang) })}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('transparency.col.satisfaction')}
          </Text>
          <Text size="sm" fw={600}>
            {satisfaction(r, lang, t)}
          </Text>
        </div>
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt={6}>
        {t('transparency.apologiesYear', { n: formatCount(r.apologiesThisYear, lang) })}
      </Text>
    </Paper>
  );
}

/**
 * The public transparency page (công khai kết quả giải quyết thủ tục hành chính, Decree
 * 118/2025/NĐ-CP): each agency's on-time rate this month and this year, dossiers overdue now
 * and how many had an apology letter, and satisfaction. No login, counts only.
 */
export function TransparencyPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const [q, setQ] = useState('');
  const data = useQuery({ queryKey: ['public', 'transparency'], queryFn: () => unwrap(api.GET('/api/v1/public/transparency')), staleTime: 60_000 });
  const rows = (data.data?.agencies ?? [])
    .filter((r) => !q.trim() || fold(`${r.name.vi} ${r.name.en}`).includes(fold(q.trim())))
    .sort((a, b) => a.name[lang].localeCompare(b.name[lang], lang));
  const month = data.data ? parsePeriodText(data.data.month) : undefined;
  const year = data.data ? parsePeriodText(data.data.year) : undefined;
  const totalOverdue = (data.data?.agencies ?? []).reduce((a, r) => a + r.overdueNow, 0);
  const totalApologized = (data.data?.agencies ?? []).reduce((a, r) => a + r.overdueWithApology, 0);

  return (
    <Container size="xl">
      <Stack gap="md">
        <div>
          <Title order={1} size="h2">
            {t('transparency.title')}
          </Title>
          <Text>{t('transparency.intro')}</Text>
        </div>
        {data.isPending && <Loading />}
        {data.isError && <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />}
        {data.isSuccess && (
          <>
            <Text size="sm" c="dimmed">
              {t('transparency.asOf', { time: formatDateTime(data.data.asOf), month: month ? periodLabel(month, lang) : data.data.month, year: year ? periodLabel(year, lang) : data.data.year })}
            </Text>
            <SimpleGrid cols={2} spacing="sm" maw={640}>
              <Paper withBorder p="sm">
                <Text size="sm" c="dimmed">
                  {t('transparency.agencies')}
                </Text>
                <Text fw={700} fz={26}>
                  {formatCount(data.data.agencies.length, lang)}
                </Text>
              </Paper>
              <Paper withBorder p="sm" style={{ borderLeft: '6px solid #9b1c1c' }}>
                <Text size="sm" c="dimmed">
                  {t('transparency.overdueTotal')}
                </Text>
                <Text fw={700} fz={26} c="#9b1c1c">
                  {formatCount(totalOverdue, lang)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('transparency.apologizedTotal', { n: formatCount(totalApologized, lang) })}
                </Text>
              </Paper>
            </SimpleGrid>
            <TextInput id="tp-search" label={t('transparency.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} maw={420} />
            {rows.length === 0 && <Text>{t('transparency.empty')}</Text>}
            {rows.length > 0 && (
              <>
                <Box visibleFrom="md">
                  <ScrollRegion labelledBy="tp-caption">
                    <Table withTableBorder striped verticalSpacing="xs" bg="white" captionSide="top" className="stats-table">
                      <Table.Caption id="tp-caption">{t('transparency.caption')}</Table.Caption>
                      <TableHead
                        columns={[
                          { label: t('transparency.col.agency') },
                          { label: t('transparency.col.month') },
                          { label: t('transparency.col.year') },
                          { label: t('transparency.col.overdue'), align: 'right' },
                          { label: t('transparency.col.overdueApologized'), align: 'right' },
                          { label: t('transparency.col.apologiesYear'), align: 'right' },
                          { label: t('transparency.col.satisfaction') },
                        ]}
                      />
                      <Table.Tbody>
                        {rows.map((r) => (
                          <Table.Tr key={r.agencyCode}>
                            <Table.Th scope="row" fw={500}>
                              {r.name[lang]}
                            </Table.Th>
                            <Table.Td>
                              <Rate rate={r.month.onTimeRate} resolved={r.month.resolved} lang={lang} />
                            </Table.Td>
                            <Table.Td>
                              <Rate rate={r.year.onTimeRate} resolved={r.year.resolved} lang={lang} />
                            </Table.Td>
                            <Table.Td ta="right">{formatCount(r.overdueNow, lang)}</Table.Td>
                            <Table.Td ta="right">{formatCount(r.overdueWithApology, lang)}</Table.Td>
                            <Table.Td ta="right">{formatCount(r.apologiesThisYear, lang)}</Table.Td>
                            <Table.Td>{satisfaction(r, lang, t)}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </ScrollRegion>
                </Box>
                <Stack gap="sm" hiddenFrom="md">
                  {rows.map((r) => (
                    <AgencyCard key={r.agencyCode} r={r} lang={lang} />
                  ))}
                </Stack>
              </>
            )}
            <Text size="xs" c="dimmed">
              {t('transparency.note')}
            </Text>
          </>
        )}
      </Stack>
    </Container>
  );
}
