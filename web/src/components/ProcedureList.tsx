import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { paths } from '../api/schema';
import { currentLang } from '../i18n';
import { ONLINE_COLOR } from '../theme';
import { describeDeadline } from '../lib/catalog-view';

export type ProcedureItem = paths['/api/v1/public/procedures']['get']['responses'][200]['content']['application/json']['items'][number];

/** A list of procedures as cards: name (link), code, field, level, online level and time limit. */
export function ProcedureList({ items }: { items: ProcedureItem[] }) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((p) => (
        <Card key={p.code} withBorder padding="md" component="li">
          <Anchor component={Link} to={`/thu-tuc/${p.code}`} fw={600} underline="hover" c="brand.8">
            {p.name[lang]}
          </Anchor>
          <Group gap="xs" mt={6}>
            <Text size="sm" c="dimmed">
              {t('procedure.code')}: {p.code}
            </Text>
            <Text size="sm" c="dimmed" aria-hidden>
              ·
            </Text>
            <Text size="sm" c="dimmed">
              {p.field.name[lang]}
            </Text>
          </Group>
          <Group gap="xs" mt="xs">
            <Badge variant="outline" color={ONLINE_COLOR[p.onlineLevel]} radius="sm">
              {t(`procedure.onlineLevels.${p.onlineLevel}`)}
            </Badge>
            <Badge variant="outline" color="gray.8" radius="sm">
              {t(`procedure.levels.${p.level}`)}
            </Badge>
            <Badge variant="outline" color="gray.8" radius="sm">
              {describeDeadline(p.deadline, t)}
            </Badge>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
