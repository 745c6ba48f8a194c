import { ActionIcon, Alert, Container, Grid, NativeSelect, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { hasRole, useSession } from '../../auth/session';
import { ScrollRegion } from '../../components/ScrollRegion';
import { ErrorAlert, Loading } from '../../components/Status';
import { currentLang } from '../../i18n';
import { formatIsoDate, todayIso } from '../../lib/format';
import { DueCalculator } from './DueCalculator';
import { OverrideForm } from './OverrideForm';

function OverrideTable({ year }: { year: number }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['calendar', 'overrides', year],
    queryFn: () => unwrap(api.GET('/api/v1/calendar/overrides', { params: { query: { year } } })),
  });
  const remove = useMutation({
    mutationFn: (date: string) => unwrap(api.DELETE('/api/v1/calendar/overrides/{date}', { params: { path: { date } } })),
    onSuccess: async (_data, date) => {
      notifications.show({ color: 'green', closeButtonProps: { 'aria-label': t('common.close') }, message: t('calendar.deleted', { date: formatIsoDate(date) }) });
      await client.invalidateQueries({ queryKey: ['calendar'] });
    },
  });

  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.items.length === 0) return <Text>{t('calendar.empty', { year })}</Text>;
  return (
    <Stack gap="sm">
      {remove.isError && <ErrorAlert error={remove.error} />}
      <ScrollRegion labelledBy="overrides-title">
        <Table striped withTableBorder miw={560} >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('calendar.date')}</Table.Th>
              <Table.Th scope="col">{t('calendar.kind')}</Table.Th>
              <Table.Th scope="col">{t('calendar.name')}</Table.Th>
              <Table.Th scope="col">{t('calendar.replaces')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('calendar.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((o) => (
              <Table.Tr key={o.date}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatIsoDate(o.date)}</Table.Td>
                <Table.Td>{t(`calendar.kinds.${o.kind}`)}</Table.Td>
                <Table.Td>{o.name[lang]}</Table.Td>
                <Table.Td>{o.replaces ? t(`calendar.holidayGroups.${o.replaces}`) : t('calendar.none')}</Table.Td>
                <Table.Td ta="right">
                  <ActionIcon
                    variant="subtle"
                    color="brand.7"
                    aria-label={t('calendar.deleteLabel', { date: formatIsoDate(o.date) })}
                    loading={remove.isPending && remove.variables === o.date}
                    onClick={() => remove.mutate(o.date)}
                  >
                    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
                      <path d="M3 6h18M8 6V4h8v2M19 6l-1 14H6L5 6M10 11v6M14 11v6" />
                    </svg>
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Stack>
  );
}

/** System administrators: the yearly override table and a due-date calculator beside it. */
export function CalendarOverridesPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const today = todayIso(new Date());
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);

  if (!hasRole(me, 'systemAdmin')) {
    return (
      <Container size="sm">
        <Alert color="gray.8" variant="outline" role="alert" title={t('calendar.title')}>
          {t('calendar.forbidden')}
        </Alert>
      </Container>
    );
  }

  // Past years stay reachable: a published schedule is sometimes corrected after the fact.
  const years = Array.from({ length: thisYear + 3 - 2020 + 1 }, (_, i) => 2020 + i);
  return (
    <Container size="lg">
      <Title order={1} size="h2" mb="xs">
        {t('calendar.title')}
      </Title>
      <Text mb="lg">{t('calendar.intro')}</Text>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Paper withBorder p="md" component="section" aria-labelledby="overrides-title">
              <Title order={2} size="h3" id="overrides-title" mb="sm">
                {t('calendar.listTitle', { year })}
              </Title>
              <NativeSelect
                id="override-year"
                label={t('calendar.year')}
                value={String(year)}
                onChange={(e) => setYear(Number(e.currentTarget.value))}
                data={years.map(String)}
                w={140}
                mb="md"
              />
              <OverrideTable year={year} />
            </Paper>
            <OverrideForm key={year} defaultDate={year === thisYear ? today : `${year}-01-01`} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <DueCalculator />
        </Grid.Col>
      </Grid>
    </Container>
  );
}
