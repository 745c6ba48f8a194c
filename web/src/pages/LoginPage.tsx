import { Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useLogin, useSession } from '../auth/session';
import { ErrorAlert, Loading } from '../components/Status';

/** Only same-site paths: `next=//evil.example` or `next=https://…` would be an open redirect. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Login with username and password (`POST /api/v1/auth/login`). */
export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const { me, loading } = useSession();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string }>({});

  if (loading) return <Loading />;
  if (me && !login.isSuccess) return <Navigate to={next} replace />;

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = { ...(username.trim() ? {} : { username: t('login.usernameRequired') }), ...(password ? {} : { password: t('login.passwordRequired') }) };
    setErrors(found);
    if (found.username || found.password) {
      document.getElementById(found.username ? 'login-username' : 'login-password')?.focus();
      return;
    }
    login.mutate({ username: username.trim(), password }, { onSuccess: () => void navigate(next, { replace: true }) });
  }

  return (
    <Container size={440}>
      <Paper withBorder p="lg" shadow="xs">
        <Title order={1} size="h2" mb="xs">
          {t('login.title')}
        </Title>
        <Text size="sm" mb="md">
          {t('login.intro')}
        </Text>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {login.isError && <ErrorAlert error={login.error} />}
            <TextInput
              id="login-username"
              label={t('login.username')}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              error={errors.username}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
            />
            <PasswordInput
              id="login-password"
              label={t('login.password')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.password}
              autoComplete="current-password"
              required
            />
            <Button type="submit" loading={login.isPending} fullWidth mt="xs">
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
