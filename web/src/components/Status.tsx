import { Alert, Button, Center, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { currentLang } from '../i18n';

/** The message to show for a failed call: the server's own words when it sent a problem. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) {
      if (error.status === 0) return t('common.networkError');
      return error.localized(currentLang()) ?? t('common.unexpected', { status: error.status });
    }
    return t('common.unexpected', { status: '?' });
  };
}

/** A spinner with a text for screen readers, for any region that is loading. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" color="brand" aria-hidden />
        <Text>{t('common.loading')}</Text>
      </Group>
    </Center>
  );
}

/** An error box with the API's message and, when the action can be repeated, a retry button. */
export function ErrorAlert({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <Alert color="red" variant="outline" title={title ?? t('common.errorTitle')} role="alert">
      <Text size="sm">{message(error)}</Text>
      {onRetry && (
        <Button mt="sm" size="xs" variant="outline" color="red" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
