import { Button, Group, NumberInput, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import { currentLang } from '../../i18n';
import { formatDecimal } from '../../lib/stats';
import { ErrorAlert, Loading } from '../Status';

type Weights = paths['/api/v1/stats/weights']['get']['responses'][200]['content']['application/json'];
type Group = keyof Weights;
const GROUPS: Group[] = ['transparency', 'progress', 'onlineService', 'digitization', 'satisfaction'];

/**
 * The points each Decision 766/QĐ-TTg group carries in the index (`/api/v1/stats/weights`):
 * an editor for those allowed to change them (system administrators: `stats.configure`),
 * a read-only table for every other reader.
 */
export function WeightsPanel({ canEdit }: { canEdit: boolean }) {
  const weights = useQuery({ queryKey: ['stats', 'weights'], queryFn: () => unwrap(api.GET('/api/v1/stats/weights')) });
  if (weights.isPending) return <Loading />;
  if (weights.isError) return <ErrorAlert error={weights.error} onRetry={() => void weights.refetch()} />;
  // Keyed by the stored points, so that a save (ours, or another tab's) resets the form to them.
  return canEdit ? <WeightsForm key={JSON.stringify(weights.data)} saved={weights.data} /> : <WeightsTable weights={weights.data} />;
}

const sum = (w: Record<Group, number>) => GROUPS.reduce((a, g) => a + w[g], 0);

function WeightsTable({ weights }: { weights: Weights }) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <Stack gap="xs">
      <Table withTableBorder verticalSpacing={6} bg="white" aria-labelledby="stats-weights">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('stats.weights.group')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('stats.weights.points')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {GROUPS.map((g) => (
            <Table.Tr key={g}>
              <Table.Th scope="row" fw={400}>
                {t(`stats.groups.${g}`)}
              </Table.Th>
              <Table.Td ta="right">{formatDecimal(weights[g], lang)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">{t('stats.weights.total')}</Table.Th>
            <Table.Td ta="right" fw={600}>
              {formatDecimal(sum(weights), lang)}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {t('stats.weights.readOnly')}
      </Text>
    </Stack>
  );
}

function WeightsForm({ saved }: { saved: Weights }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const client = useQueryClient();
  const [values, setValues] = useState<Record<Group, number | string>>(saved);
  const save = useMutation({
    mutationFn: (body: Weights) => unwrap(api.PUT('/api/v1/stats/weights', { body })),
    onSuccess: async () => {
      notifications.show({ color: 'green', closeButtonProps: { 'aria-label': t('common.close') }, message: t('stats.weights.saved') });
      // The index score of every figure on screen depends on the weights.
      await client.invalidateQueries({ queryKey: ['stats'] });
    },
  });
  const valid = (v: number | string) => typeof v === 'number' && v >= 0 && v <= 100;
  const numbers = Object.fromEntries(GROUPS.map((g) => [g, typeof values[g] === 'number' ? values[g] : 0])) as Weights;
  const allValid = GROUPS.every((g) => valid(values[g]));
  const changed = GROUPS.some((g) => values[g] !== saved[g]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (allValid) save.mutate(numbers);
    else document.getElementById(`weight-${GROUPS.find((g) => !valid(values[g])) ?? ''}`)?.focus();
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="stats-weights">
      <Stack gap="sm">
        {save.isError && <ErrorAlert error={save.error} />}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          {GROUPS.map((g) => (
            <NumberInput
              key={g}
              id={`weight-${g}`}
              label={t(`stats.groups.${g}`)}
              value={values[g]}
              onChange={(v) => setValues((prev) => ({ ...prev, [g]: v }))}
              min={0}
              max={100}
              decimalScale={2}
              allowNegative={false}
              error={valid(values[g]) ? undefined : t('stats.weights.invalid')}
            />
          ))}
        </SimpleGrid>
        <Group justify="space-between" align="center">
          <Text size="sm" aria-live="polite">
            {t('stats.weights.totalLine', { total: formatDecimal(sum(numbers), lang) })}
          </Text>
          <Button type="submit" loading={save.isPending} disabled={!changed}>
            {t('stats.weights.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
