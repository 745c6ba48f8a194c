import { Button, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { ErrorAlert, Loading } from '../../components/Status';
import { currentLang } from '../../i18n';
import { formatDate, formatTime, formatWeekday, todayIso } from '../../lib/format';

interface DueInput {
  from: string;
  workingDays: number;
  desk?: string;
}

/**
 * The due date of a time limit under the current calendar (`GET /api/v1/calendar/due`). Its
 * query key starts with `calendar`, so editing an override refreshes the answer by itself.
 */
export function DueCalculator() {
  const { t } = useTranslation();
  const lang = currentLang();
  const [date, setDate] = useState(() => todayIso(new Date()));
  const [time, setTime] = useState('09:00');
  const [days, setDays] = useState<number | string>(3);
  const [desk, setDesk] = useState('');
  const [input, setInput] = useState<DueInput | undefined>();
  const [errors, setErrors] = useState<{ date?: string; days?: string }>({});

  const query = useQuery({
    queryKey: ['calendar', 'due', input],
    enabled: input !== undefined,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/calendar/due', {
          params: { query: { from: input?.from ?? '', workingDays: input?.workingDays ?? 0, ...(input?.desk ? { desk: input.desk } : {}) } },
        }),
      ),
    retry: false,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const n = typeof days === 'number' ? days : Number.NaN;
    const found = { ...(/^\d{4}-\d{2}-\d{2}$/.test(date) ? {} : { date: t('calendar.dateRequired') }), ...(Number.isFinite(n) && n >= 0 ? {} : { days: t('calendar.dueDays') }) };
    setErrors(found);
    if (found.date || found.days) return;
    // The office works in Vietnam time; the API takes the moment with its offset.
    setInput({ from: `${date}T${time || '08:00'}:00+07:00`, workingDays: n, ...(desk.trim() ? { desk: desk.trim() } : {}) });
  }

  const fieldError = (field: string) => (query.error instanceof ApiError ? query.error.fieldMessage(field, lang) : undefined);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="due-title">
      <Title order={2} size="h3" id="due-title" mb={4}>
        {t('calendar.dueTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('calendar.dueIntro')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow align="flex-start" preventGrowOverflow={false} wrap="wrap">
            <TextInput id="due-date" type="date" label={t('calendar.dueFromDate')} value={date} onChange={(e) => setDate(e.currentTarget.value)} error={errors.date ?? fieldError('/querystring/from')} required />
            <TextInput id="due-time" type="time" label={t('calendar.dueFromTime')} value={time} onChange={(e) => setTime(e.currentTarget.value)} />
          </Group>
          <NumberInput id="due-days" label={t('calendar.dueDays')} value={days} onChange={setDays} min={0} max={3650} allowDecimal={false} error={errors.days} required />
          <TextInput id="due-desk" label={t('calendar.dueDesk')} description={t('calendar.dueDeskHint')} value={desk} onChange={(e) => setDesk(e.currentTarget.value)} spellCheck={false} />
          <Group>
            <Button type="submit" loading={query.isFetching}>
              {t('calendar.dueSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <div aria-live="polite">
        {input && query.isPending && <Loading />}
        {query.isError && <ErrorAlert error={query.error} />}
        {query.isSuccess && (
          <Text mt="md" fw={700} size="lg" data-testid="due-result">
            {t('calendar.dueResult', {
              due: t('calendar.dueWeekday', { weekday: formatWeekday(query.data.due, lang), date: formatDate(query.data.due), time: formatTime(query.data.due) }),
            })}
          </Text>
        )}
      </div>
    </Paper>
  );
}
