import { ActionIcon, Badge, Button, Grid, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ErrorAlert, Loading } from '../../components/Status';
import { currentLang } from '../../i18n';
import { formatIsoDate } from '../../lib/format';
import { AdminTitle } from './AdminShell';
import type { DeskHours } from './admin-api';
import { intervalsToText, textsToWeek, textToIntervals, WEEKDAYS, weekToTexts, type Weekday } from './hours-text';

function useSaved() {
  const { t } = useTranslation();
  return (message: string) => notifications.show({ color: 'green', closeButtonProps: { 'aria-label': t('common.close') }, message });
}

function HoursEditor({ deskCode, current }: { deskCode: string; current: DeskHours }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const saved = useSaved();
  const [texts, setTexts] = useState(() => weekToTexts(current.hours));
  const [bad, setBad] = useState<Weekday | null>(null);
  useEffect(() => setTexts(weekToTexts(current.hours)), [current]);
  const save = useMutation({
    mutationFn: (hours: DeskHours['hours']) => unwrap(api.PUT('/api/v1/calendar/desks/{deskCode}/hours', { params: { path: { deskCode } }, body: { hours } })),
    onSuccess: async () => {
      saved(t('admin.desks.hoursSaved'));
      await client.invalidateQueries({ queryKey: ['admin', 'desk', deskCode] });
    },
  });
  const reset = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/calendar/desks/{deskCode}/hours', { params: { path: { deskCode } } })),
    onSuccess: async () => {
      saved(t('admin.desks.hoursReset'));
      await client.invalidateQueries({ queryKey: ['admin', 'desk', deskCode] });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const week = textsToWeek(texts);
    if (!week.ok) {
      setBad(week.day);
      document.getElementById(`hours-${week.day}`)?.focus();
      return;
    }
    setBad(null);
    save.mutate(week.hours);
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="hours-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3" id="hours-title">
          {t('admin.desks.hours')}
        </Title>
        <Badge variant="outline" color="gray.8">
          {t(`admin.desks.source.${current.source}`)}
        </Badge>
      </Group>
      <Text size="sm" mb="sm">
        {t('admin.desks.hoursHelp')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          {save.isError && <ErrorAlert error={save.error} />}
          {reset.isError && <ErrorAlert error={reset.error} />}
          {WEEKDAYS.map((d) => (
            <TextInput
              key={d}
              id={`hours-${d}`}
              label={t(`admin.weekdays.${d}`)}
              value={texts[d]}
              placeholder={t('admin.desks.closed')}
              error={bad === d ? t('admin.desks.badHours') : undefined}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setTexts((x) => ({ ...x, [d]: v }));
              }}
            />
          ))}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('admin.desks.saveHours')}
            </Button>
            {current.source === 'desk' && (
              <Button variant="outline" loading={reset.isPending} onClick={() => reset.mutate()}>
                {t('admin.desks.useAgencyHours')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function Exceptions({ deskCode }: { deskCode: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const client = useQueryClient();
  const saved = useSaved();
  const list = useQuery({ queryKey: ['admin', 'desk', deskCode, 'exceptions'], queryFn: () => unwrap(api.GET('/api/v1/calendar/desks/{deskCode}/exceptions', { params: { path: { deskCode } } })) });
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<'open' | 'closed'>('open');
  const [hours, setHours] = useState('07:30-11:30');
  const [nameVi, setNameVi] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (body: { date: string; kind: 'open' | 'closed'; intervals?: { start: string; end: string }[]; name?: { vi: string; en: string } }) =>
      unwrap(api.POST('/api/v1/calendar/desks/{deskCode}/exceptions', { params: { path: { deskCode } }, body })),
    onSuccess: async (x) => {
      saved(t('admin.desks.exceptionAdded', { date: formatIsoDate(x.date) }));
      await client.invalidateQueries({ queryKey: ['admin', 'desk', deskCode] });
    },
  });
  const remove = useMutation({
    mutationFn: (d: string) => unwrap(api.DELETE('/api/v1/calendar/desks/{deskCode}/exceptions/{date}', { params: { path: { deskCode, date: d } } })),
    onSuccess: async () => client.invalidateQueries({ queryKey: ['admin', 'desk', deskCode] }),
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setFormError(t('admin.desks.dateRequired'));
    const intervals = kind === 'open' ? textToIntervals(hours) : [];
    if (kind === 'open' && (!intervals || intervals.length === 0)) return setFormError(t('admin.desks.badHours'));
    setFormError(null);
    const name = nameVi.trim() && nameEn.trim() ? { name: { vi: nameVi.trim(), en: nameEn.trim() } } : {};
    add.mutate(kind === 'open' ? { date, kind, intervals: intervals ?? [], ...name } : { date, kind, ...name });
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="exceptions-title">
      <Title order={2} size="h3" id="exceptions-title" mb="sm">
        {t('admin.desks.exceptions')}
      </Title>
      {list.isPending && <Loading />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {remove.isError && <ErrorAlert error={remove.error} />}
      {list.data && list.data.items.length === 0 && <Text mb="sm">{t('admin.desks.noExceptions')}</Text>}
      {list.data && list.data.items.length > 0 && (
        <Table withTableBorder mb="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.desks.date')}</Table.Th>
              <Table.Th scope="col">{t('admin.desks.kind')}</Table.Th>
              <Table.Th scope="col">{t('admin.desks.hoursCol')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('admin.common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((x) => (
              <Table.Tr key={x.date}>
                <Table.Td>{formatIsoDate(x.date)}</Table.Td>
                <Table.Td>
                  {t(`admin.desks.kinds.${x.kind}`)}
                  {x.name ? ` — ${x.name[lang]}` : ''}
                </Table.Td>
                <Table.Td>{intervalsToText(x.intervals) || '—'}</Table.Td>
                <Table.Td ta="right">
                  <ActionIcon variant="subtle" color="brand.7" aria-label={t('admin.desks.removeException', { date: formatIsoDate(x.date) })} loading={remove.isPending && remove.variables === x.date} onClick={() => remove.mutate(x.date)}>
                    ×
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form onSubmit={submit} noValidate aria-labelledby="exception-add-title">
        <Title order={3} size="h4" id="exception-add-title" mb="xs">
          {t('admin.desks.addException')}
        </Title>
        <Stack gap="xs">
          {formError && (
            <Text c="brand.7" size="sm" role="alert">
              {formError}
            </Text>
          )}
          {add.isError && <ErrorAlert error={add.error} />}
          <Group grow align="flex-start">
            <TextInput type="date" label={t('admin.desks.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} required />
            <NativeSelect label={t('admin.desks.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value === 'closed' ? 'closed' : 'open')} data={[{ value: 'open', label: t('admin.desks.kinds.open') }, { value: 'closed', label: t('admin.desks.kinds.closed') }]} />
            {kind === 'open' && <TextInput label={t('admin.desks.hoursCol')} value={hours} onChange={(e) => setHours(e.currentTarget.value)} />}
          </Group>
          <Group grow>
            <TextInput label={t('admin.desks.reasonVi')} value={nameVi} onChange={(e) => setNameVi(e.currentTarget.value)} />
            <TextInput label={t('admin.desks.reasonEn')} value={nameEn} onChange={(e) => setNameEn(e.currentTarget.value)} />
          </Group>
          <Group>
            <Button type="submit" loading={add.isPending}>
              {t('admin.desks.addException')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function DeskDetail({ deskCode }: { deskCode: string }) {
  const hours = useQuery({ queryKey: ['admin', 'desk', deskCode, 'hours'], queryFn: () => unwrap(api.GET('/api/v1/calendar/desks/{deskCode}/hours', { params: { path: { deskCode } } })) });
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 5 }}>
        {hours.isPending && <Loading />}
        {hours.isError && <ErrorAlert error={hours.error} onRetry={() => void hours.refetch()} />}
        {hours.data && <HoursEditor deskCode={deskCode} current={hours.data} />}
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Exceptions deskCode={deskCode} />
      </Grid.Col>
    </Grid>
  );
}

/** Reception desks (bộ phận một cửa) of an agency, their weekly office hours and dated exceptions. */
export function DesksPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const [params, setParams] = useSearchParams();
  const agencyCode = params.get('agency') ?? '';
  const deskCode = params.get('desk') ?? '';
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const agencies = useQuery({ queryKey: ['admin', 'agencies', 'search', search], queryFn: () => unwrap(api.GET('/api/v1/registry/agencies', { params: { query: { limit: 8, ...(search ? { q: search } : {}) } } })) });
  const detail = useQuery({ queryKey: ['admin', 'agency', agencyCode], enabled: agencyCode !== '', queryFn: () => unwrap(api.GET('/api/v1/registry/agencies/{code}', { params: { path: { code: agencyCode } } })) });

  return (
    <>
      <AdminTitle title={t('admin.desks.title')} intro={t('admin.desks.intro')} />
      <Grid gap="md" mb="md">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="agency-pick-title">
            <Title order={2} size="h3" id="agency-pick-title" mb="sm">
              {t('admin.desks.pickAgency')}
            </Title>
            <form onSubmit={(e) => { e.preventDefault(); setSearch(q.trim()); }}>
              <Group align="flex-end" mb="sm">
                <TextInput label={t('admin.desks.searchAgency')} value={q} onChange={(e) => setQ(e.currentTarget.value)} style={{ flex: 1 }} />
                <Button type="submit">{t('admin.common.search')}</Button>
              </Group>
            </form>
            {agencies.isPending && <Loading />}
            {agencies.isError && <ErrorAlert error={agencies.error} onRetry={() => void agencies.refetch()} />}
            <Stack gap={4}>
              {agencies.data?.items.map((a) => (
                <UnstyledButton key={a.id} className="pick-row" aria-current={a.code === agencyCode ? 'true' : undefined} onClick={() => setParams({ agency: a.code })}>
                  <Text size="sm" fw={600}>
                    {a.name[lang]}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {a.code}
                  </Text>
                </UnstyledButton>
              ))}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          {agencyCode === '' && <Text>{t('admin.desks.pickAgencyFirst')}</Text>}
          {detail.isPending && agencyCode !== '' && <Loading />}
          {detail.isError && <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />}
          {detail.data && (
            <Paper withBorder p="md" component="section" aria-labelledby="desk-list-title">
              <Title order={2} size="h3" id="desk-list-title" mb="sm">
                {t('admin.desks.desksOf', { name: detail.data.agency.name[lang] })}
              </Title>
              {detail.data.desks.length === 0 && <Text>{t('admin.desks.noDesks')}</Text>}
              <Stack gap={4}>
                {detail.data.desks.map((d) => (
                  <UnstyledButton key={d.id} className="pick-row" aria-current={d.code === deskCode ? 'true' : undefined} onClick={() => setParams({ agency: agencyCode, desk: d.code })}>
                    <Text size="sm" fw={600}>
                      {d.name[lang]}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {d.code}
                    </Text>
                  </UnstyledButton>
                ))}
              </Stack>
            </Paper>
          )}
        </Grid.Col>
      </Grid>
      {deskCode && <DeskDetail key={deskCode} deskCode={deskCode} />}
    </>
  );
}
