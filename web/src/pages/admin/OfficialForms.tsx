import { ActionIcon, Button, Group, NativeSelect, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/Status';
import { ROLES, SCOPE_KINDS, type Grant } from './admin-api';

/** Rows of role + scope; the server checks that each scope exists and is within the caller's own. */
export function GrantRows({ grants, onChange, idPrefix }: { grants: Grant[]; onChange: (g: Grant[]) => void; idPrefix: string }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Grant>) => onChange(grants.map((g, j) => (j === i ? { ...g, ...patch, ...(patch.scopeKind === 'system' ? { scopeCode: '*' } : {}) } : g)));
  return (
    <Stack gap="xs">
      {grants.map((g, i) => (
        <Group key={i} align="flex-end" gap="xs" wrap="nowrap">
          <NativeSelect id={`${idPrefix}-role-${i}`} label={t('admin.officials.role')} value={g.role} onChange={(e) => set(i, { role: e.currentTarget.value as Grant['role'] })} data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          <NativeSelect id={`${idPrefix}-kind-${i}`} label={t('admin.officials.scopeKind')} value={g.scopeKind} onChange={(e) => set(i, { scopeKind: e.currentTarget.value as Grant['scopeKind'] })} data={SCOPE_KINDS.map((k) => ({ value: k, label: t(`admin.officials.scopeKinds.${k}`) }))} />
          <TextInput id={`${idPrefix}-code-${i}`} label={t('admin.officials.scopeCode')} value={g.scopeCode} disabled={g.scopeKind === 'system'} onChange={(e) => set(i, { scopeCode: e.currentTarget.value })} style={{ flex: 1 }} />
          <ActionIcon size="lg" variant="subtle" color="brand.7" aria-label={t('admin.officials.removeGrant', { n: i + 1 })} onClick={() => onChange(grants.filter((_, j) => j !== i))}>
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button size="xs" variant="outline" onClick={() => onChange([...grants, { role: 'specialist', scopeKind: 'agency', scopeCode: grants[0]?.scopeCode ?? '' }])}>
          {t('admin.officials.addGrant')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Creates an official with a login and role grants (`POST /api/v1/registry/officials`). */
export function NewOfficialForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [f, setF] = useState({ username: '', fullName: '', agencyCode: '', positionVi: '', positionEn: '', email: '', password: '' });
  const [grants, setGrants] = useState<Grant[]>([{ role: 'specialist', scopeKind: 'agency', scopeCode: '' }]);
  const [missing, setMissing] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/registry/officials', {
          body: {
            username: f.username.trim(),
            fullName: f.fullName.trim(),
            agencyCode: f.agencyCode.trim(),
            position: { vi: f.positionVi.trim(), en: f.positionEn.trim() },
            ...(f.email.trim() ? { email: f.email.trim() } : {}),
            initialPassword: f.password,
            grants,
          },
        }),
      ),
    onSuccess: async (o) => {
      notifications.show({ color: 'green', closeButtonProps: { 'aria-label': t('common.close') }, message: t('admin.officials.created', { name: o.fullName }) });
      await client.invalidateQueries({ queryKey: ['admin', 'officials'] });
      onCreated(o.id);
    },
  });
  const field = (k: keyof typeof f) => ({ value: f[k], onChange: (e: React.ChangeEvent<HTMLInputElement>) => { const v = e.currentTarget.value; setF((x) => ({ ...x, [k]: v })); } });
  function submit(e: FormEvent) {
    e.preventDefault();
    const incomplete = !f.username.trim() || !f.fullName.trim() || !f.agencyCode.trim() || !f.positionVi.trim() || !f.positionEn.trim() || f.password.length < 10;
    setMissing(incomplete);
    if (!incomplete) create.mutate();
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-official-title">
      <Title order={2} size="h3" id="new-official-title" mb="sm">
        {t('admin.officials.new')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          {missing && (
            <Text c="brand.7" size="sm" role="alert">
              {t('admin.officials.incomplete')}
            </Text>
          )}
          {create.isError && <ErrorAlert error={create.error} />}
          <Group grow>
            <TextInput label={t('admin.officials.username')} required {...field('username')} />
            <TextInput label={t('admin.officials.fullName')} required {...field('fullName')} />
          </Group>
          <Group grow>
            <TextInput label={t('admin.officials.agencyCode')} description="000.05.50.H17" required {...field('agencyCode')} />
            <TextInput label={t('admin.officials.email')} type="email" {...field('email')} />
          </Group>
          <Group grow>
            <TextInput label={t('admin.officials.positionVi')} required {...field('positionVi')} />
            <TextInput label={t('admin.officials.positionEn')} required {...field('positionEn')} />
          </Group>
          <PasswordInput label={t('admin.officials.initialPassword')} description={t('admin.officials.passwordRule')} required {...field('password')} />
          <Text fw={600} size="sm">
            {t('admin.officials.grants')}
          </Text>
          <GrantRows grants={grants} onChange={setGrants} idPrefix="new-grant" />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('admin.officials.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Sets a new password for an official; the server signs them out everywhere. */
export function ResetPassword({ id }: { id: string }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const reset = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/registry/officials/{id}/reset-password', { params: { path: { id } }, body: { newPassword: password } })),
    onSuccess: () => {
      setPassword('');
      notifications.show({ color: 'green', closeButtonProps: { 'aria-label': t('common.close') }, message: t('admin.officials.passwordReset') });
    },
  });
  return (
    <form onSubmit={(e) => { e.preventDefault(); if (password.length >= 10) reset.mutate(); }} noValidate>
      <Stack gap="xs">
        {reset.isError && <ErrorAlert error={reset.error} />}
        <Group align="flex-end">
          <PasswordInput label={t('admin.officials.newPassword')} description={t('admin.officials.passwordRule')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} style={{ flex: 1 }} />
          <Button type="submit" variant="outline" loading={reset.isPending} disabled={password.length < 10}>
            {t('admin.officials.resetPassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
