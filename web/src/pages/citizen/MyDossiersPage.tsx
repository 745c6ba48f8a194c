import { Anchor, Button, Card, Container, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DueText, StatusBadge } from '../../components/DossierBits';
import { ErrorAlert, Loading } from '../../components/Status';
import { currentLang } from '../../i18n';
import { useDossierList, type Dossier } from '../../lib/dossier';
import { formatDateTime } from '../../lib/format';

/** What the applicant has to do now, in one short sentence (or nothing). */
export function expectedOfApplicant(d: Pick<Dossier, 'status' | 'delivery'>): 'supplement' | 'payment' | 'pickUp' | 'rate' | 'finishDraft' | undefined {
  switch (d.status) {
    case 'awaitingSupplement':
      return 'supplement';
    case 'awaitingPayment':
      return 'payment';
    case 'resolved':
      return d.delivery.method === 'counter' ? 'pickUp' : undefined;
    case 'returned':
      return 'rate';
    case 'draft':
      return 'finishDraft';
    default:
      return undefined;
  }
}

const STATUSES = ['draft', 'submitted', 'received', 'processing', 'awaitingSupplement', 'awaitingPayment', 'resolved', 'returned', 'rejected', 'withdrawn', 'stopped'] as const;

/** "My dossiers" (hồ sơ của tôi): status, appointment and what is expected of the applicant. */
export function MyDossiersPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const [status, setStatus] = useState('');
  const list = useDossierList({ limit: 100, ...(status ? { status } : {}) });
  const now = new Date();
  return (
    <Container size="md">
      <Group justify="space-between" mb="md" align="flex-end">
        <Title order={1} size="h2">
          {t('mine.title')}
        </Title>
        <NativeSelect
          id="mine-status"
          label={t('queue.status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={[{ value: '', label: t('queue.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
        />
      </Group>
      {list.isPending && <Loading />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && list.data.items.length === 0 && (
        <Stack gap="sm">
          <Text>{t('mine.empty')}</Text>
          <Group>
            <Button component={Link} to="/">
              {t('mine.findProcedure')}
            </Button>
          </Group>
        </Stack>
      )}
      {list.isSuccess && list.data.items.length > 0 && (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {list.data.items.map((d) => {
            const todo = expectedOfApplicant(d);
            return (
              <Card key={d.id} withBorder padding="md" component="li">
                <Group justify="space-between" align="flex-start" gap="xs">
                  <Anchor component={Link} to={`/ho-so/${d.id}`} fw={600} c="brand.8" style={{ flex: '1 1 240px' }}>
                    {d.procedure.name}
                  </Anchor>
                  <StatusBadge dossier={d} />
                </Group>
                <Text size="sm" c="dimmed" mt={4}>
                  {d.code ?? t('dossier.noCode')} · {d.receivingAgency.name[lang]}
                </Text>
                <Group gap="lg" mt="xs">
                  {d.submittedAt && (
                    <Text size="sm">
                      {t('dossier.submittedAt')}: {formatDateTime(d.submittedAt)}
                    </Text>
                  )}
                  {d.dueAt && !d.finishedAt && (
                    <Group gap={4}>
                      <Text size="sm">{t('dossier.dueAt')}:</Text>
                      <DueText dueAt={d.dueAt} now={now} paused={!!d.pausedAt} done={!!d.resolvedAt} />
                    </Group>
                  )}
                </Group>
                {todo && (
                  <Text size="sm" fw={700} mt="xs" c="#9a3412" data-testid="expected">
                    {t(`mine.todo.${todo}`)}
                  </Text>
                )}
              </Card>
            );
          })}
        </Stack>
      )}
    </Container>
  );
}
