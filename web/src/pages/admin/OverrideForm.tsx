import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import { ErrorAlert } from '../../components/Status';
import { currentLang } from '../../i18n';
import { formatIsoDate } from '../../lib/format';

type NewOverride = NonNullable<paths['/api/v1/calendar/overrides']['post']['requestBody']>['content']['application/json'];
type Kind = NewOverride['kind'];
type HolidayGroup = NonNullable<NewOverride['replaces']>;

const KINDS: Kind[] = ['off', 'work', 'holiday'];
const GROUPS: HolidayGroup[] = ['newYear', 'tet', 'hungKings', 'victoryDay', 'labourDay', 'nationalDay'];

/** Adds a row to the national override table (`POST /api/v1/calendar/overrides`). */
export function OverrideForm({ defaultDate }: { defaultDate: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const client = useQueryClient();
  const [date, setDate] = useState(defaultDate);
  const [kind, setKind] = useState<Kind>('off');
  const [replaces, setReplaces] = useState<HolidayGroup | ''>('');
  const [nameVi, setNameVi] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [errors, setErrors] = useState<{ date?: string; nameVi?: string; nameEn?: string }>({});

  const add = useMutation({
    mutationFn: (body: NewOverride) => unwrap(api.POST('/api/v1/calendar/overrides', { body })),
    onSuccess: async (saved) => {
      notifications.show({ color: 'green', closeButtonProps: { 'aria-label': t('common.close') }, message: t('calendar.added', { date: formatIsoDate(saved.date) }) });
      setNameVi('');
      setNameEn('');
      // Everything calendar-derived (the list, the due-date answers) is now stale.
      await client.invalidateQueries({ queryKey: ['calendar'] });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      ...(/^\d{4}-\d{2}-\d{2}$/.test(date) ? {} : { date: t('calendar.dateRequired') }),
      ...(nameVi.trim() ? {} : { nameVi: t('calendar.nameRequired') }),
      ...(nameEn.trim() ? {} : { nameEn: t('calendar.nameRequired') }),
    };
    setErrors(found);
    const firstBad = Object.keys(found)[0];
    if (firstBad) {
      document.getElementById(`override-${firstBad}`)?.focus();
      return;
    }
    add.mutate({ date, kind, name: { vi: nameVi.trim(), en: nameEn.trim() }, ...(replaces ? { replaces } : {}) });
  }

  const serverField = (field: string) => (add.error instanceof ApiError ? add.error.fieldMessage(field, lang) : undefined);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="override-add-title">
      <Title order={2} size="h3" id="override-add-title" mb="sm">
        {t('calendar.addTitle')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {add.isError && <ErrorAlert error={add.error} />}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput id="override-date" type="date" label={t('calendar.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} error={errors.date ?? serverField('/body/date')} required />
            <NativeSelect
              id="override-kind"
              label={t('calendar.kind')}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as Kind)}
              data={KINDS.map((k) => ({ value: k, label: t(`calendar.kinds.${k}`) }))}
            />
            <NativeSelect
              id="override-replaces"
              label={t('calendar.replaces')}
              value={replaces}
              onChange={(e) => setReplaces(e.currentTarget.value as HolidayGroup | '')}
              data={[{ value: '', label: t('calendar.none') }, ...GROUPS.map((g) => ({ value: g, label: t(`calendar.holidayGroups.${g}`) }))]}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              id="override-nameVi"
              label={t('calendar.nameVi')}
              placeholder={t('calendar.nameViPlaceholder')}
              value={nameVi}
              onChange={(e) => setNameVi(e.currentTarget.value)}
              error={errors.nameVi ?? serverField('/body/name/vi')}
              lang="vi"
              required
            />
            <TextInput
              id="override-nameEn"
              label={t('calendar.nameEn')}
              placeholder={t('calendar.nameEnPlaceholder')}
              value={nameEn}
              onChange={(e) => setNameEn(e.currentTarget.value)}
              error={errors.nameEn ?? serverField('/body/name/en')}
              lang="en"
              required
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={add.isPending}>
              {t('calendar.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
