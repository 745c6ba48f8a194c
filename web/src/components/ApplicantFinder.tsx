import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { currentLang } from '../i18n';
import { ErrorAlert, Loading } from './Status';

export type Citizen = paths['/api/v1/registry/citizens/{id}']['get']['responses'][200]['content']['application/json'];
type NewCitizen = paths['/api/v1/registry/citizens']['post']['requestBody']['content']['application/json'];

function RegisterForm({ unitCode, initialName, onDone, onCancel }: { unitCode: string; initialName: string; onDone: (c: Citizen) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [v, setV] = useState({ fullName: initialName, idNumber: /^\d+$/.test(initialName) ? initialName : '', dateOfBirth: '', sex: 'male' as 'male' | 'female', street: '', unitCode, phone: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const register = useMutation({
    mutationFn: (body: NewCitizen) => unwrap(api.POST('/api/v1/registry/citizens', { body })),
    onSuccess: onDone,
  });
  const apiField = (f: string) => (register.error instanceof ApiError ? register.error.fieldMessage(`/body/${f}`, lang) : undefined);
  function submit(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (v.fullName.trim().length < 2) found.fullName = t('action.fieldRequired');
    if (!/^\d{12}$/.test(v.idNumber.trim())) found.idNumber = t('lookup.idNumberInvalid');
    if (!v.dateOfBirth) found.dateOfBirth = t('action.fieldRequired');
    if (!v.street.trim()) found.street = t('action.fieldRequired');
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) return void document.getElementById(`reg-${first}`)?.focus();
    register.mutate({ fullName: v.fullName.trim(), idNumber: v.idNumber.trim(), dateOfBirth: v.dateOfBirth, sex: v.sex, address: { unitCode: v.unitCode, street: v.street.trim() }, ...(v.phone.trim() ? { phone: v.phone.trim() } : {}) });
  }
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="reg-title">
      <Title order={3} size="h5" id="reg-title" mb="sm">
        {t('counter.register')}
      </Title>
      <Stack gap="sm">
        {register.isError && <ErrorAlert error={register.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput id="reg-fullName" label={t('counter.fullName')} required value={v.fullName} onChange={(e) => setV({ ...v, fullName: e.currentTarget.value })} error={errors.fullName ?? apiField('fullName')} autoFocus />
          <TextInput id="reg-idNumber" label={t('lookup.idNumber')} required inputMode="numeric" value={v.idNumber} onChange={(e) => setV({ ...v, idNumber: e.currentTarget.value })} error={errors.idNumber ?? apiField('idNumber')} />
          <TextInput id="reg-dateOfBirth" type="date" label={t('counter.dateOfBirth')} required value={v.dateOfBirth} onChange={(e) => setV({ ...v, dateOfBirth: e.currentTarget.value })} error={errors.dateOfBirth ?? apiField('dateOfBirth')} />
          <NativeSelect id="reg-sex" label={t('counter.sex')} value={v.sex} onChange={(e) => setV({ ...v, sex: e.currentTarget.value === 'female' ? 'female' : 'male' })} data={[{ value: 'male', label: t('counter.male') }, { value: 'female', label: t('counter.female') }]} />
          <TextInput id="reg-street" label={t('counter.street')} required value={v.street} onChange={(e) => setV({ ...v, street: e.currentTarget.value })} error={errors.street ?? apiField('address/street')} />
          <TextInput id="reg-phone" label={t('counter.phone')} value={v.phone} onChange={(e) => setV({ ...v, phone: e.currentTarget.value })} error={apiField('phone')} />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={register.isPending}>
            {t('counter.registerSubmit')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * Finds the applicant in the citizen registry by name (diacritics optional) or ID number,
 * reading the full record for reception (the read is logged), or registers a new citizen.
 */
export function ApplicantFinder({ unitCode, onPick }: { unitCode: string; onPick: (c: Citizen) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [registering, setRegistering] = useState(false);
  const results = useQuery({
    queryKey: ['registry', 'citizens', q],
    enabled: q.length >= 2,
    queryFn: () => unwrap(api.GET('/api/v1/registry/citizens', { params: { query: { q, limit: 10 } } })),
  });
  const pick = useMutation({
    mutationFn: (id: string) => unwrap(api.GET('/api/v1/registry/citizens/{id}', { params: { path: { id }, query: { purpose: 'dossierReception' } } })),
    onSuccess: onPick,
  });
  if (registering) return <RegisterForm unitCode={unitCode} initialName={q} onDone={onPick} onCancel={() => setRegistering(false)} />;
  return (
    <Stack gap="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setQ(text.trim());
        }}
        role="search"
        style={{ display: 'flex', gap: 8, alignItems: 'flex-end', flexWrap: 'wrap' }}
      >
        <TextInput id="counter-search" label={t('counter.search')} description={t('counter.searchHint')} value={text} onChange={(e) => setText(e.currentTarget.value)} autoFocus style={{ flex: '1 1 280px' }} autoComplete="off" />
        <Button type="submit">{t('home.searchButton')}</Button>
        <Button variant="outline" onClick={() => setRegistering(true)}>
          {t('counter.register')}
        </Button>
      </form>
      {q.length > 0 && q.length < 2 && <Text size="sm">{t('counter.searchShort')}</Text>}
      {results.isFetching && <Loading />}
      {results.isError && <ErrorAlert error={results.error} />}
      {pick.isError && <ErrorAlert error={pick.error} />}
      {results.isSuccess && (
        <div aria-live="polite">
          {results.data.items.length === 0 ? (
            <Text size="sm">{t('counter.noMatch')}</Text>
          ) : (
            <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {results.data.items.map((c, i) => (
                <li key={c.id}>
                  <UnstyledButton className="result-row" onClick={() => pick.mutate(c.id)} data-autofocus={i === 0 ? true : undefined} id={i === 0 ? 'counter-first-result' : undefined}>
                    <Text fw={600} span>
                      {c.fullName}
                    </Text>{' '}
                    <Text span size="sm">
                      · {c.idNumberMasked} · {t('counter.born', { year: c.birthYear })} · {t(`counter.${c.sex}`, { defaultValue: c.sex })}
                    </Text>
                  </UnstyledButton>
                </li>
              ))}
            </Stack>
          )}
        </div>
      )}
    </Stack>
  );
}
