import { Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../i18n';

export interface SupplementItem {
  name: string;
  note: string;
}

/**
 * The note that goes with a supplement request, listing every missing item: the applicant
 * must be told all of them at once (Decree 118/2025, form 02), and the history shows it.
 */
export function supplementNote(items: SupplementItem[], lang: Lang): string {
  const head = lang === 'vi' ? 'Giấy tờ cần bổ sung:' : 'Items to supplement:';
  return [head, ...items.map((i, n) => `${n + 1}. ${i.name.trim()}${i.note.trim() ? ` (${i.note.trim()})` : ''}`)].join('\n');
}

/** Rows of missing items (name and note), with one-click additions from the document list. */
export function SupplementItemsInput({ items, onChange, suggestions, error, idPrefix }: { items: SupplementItem[]; onChange: (items: SupplementItem[]) => void; suggestions: string[]; error?: string; idPrefix: string }) {
  const { t } = useTranslation();
  const unused = suggestions.filter((s) => !items.some((i) => i.name.trim() === s));
  const add = (name: string) => onChange([...items.filter((i) => i.name.trim() || i.note.trim()), { name, note: '' }]);
  return (
    <Fieldset legend={`${t('supplement.items')} *`} aria-describedby={error ? `${idPrefix}-error` : undefined}>
      <Stack gap="xs">
        {items.map((item, i) => (
          <Group key={i} align="flex-end" gap="xs" wrap="wrap">
            <TextInput
              id={`${idPrefix}-${i}-name`}
              label={t('supplement.itemName', { n: i + 1 })}
              value={item.name}
              onChange={(e) => onChange(items.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)))}
              style={{ flex: '2 1 220px' }}
            />
            <TextInput
              id={`${idPrefix}-${i}-note`}
              label={t('supplement.itemNote', { n: i + 1 })}
              value={item.note}
              onChange={(e) => onChange(items.map((x, j) => (j === i ? { ...x, note: e.currentTarget.value } : x)))}
              style={{ flex: '1 1 160px' }}
            />
            {items.length > 1 && (
              <Button variant="subtle" color="brand.7" onClick={() => onChange(items.filter((_, j) => j !== i))} aria-label={t('supplement.removeItem', { n: i + 1 })}>
                {t('eform.remove')}
              </Button>
            )}
          </Group>
        ))}
        {error && (
          <Text id={`${idPrefix}-error`} size="sm" c="var(--mantine-color-error)">
            {error}
          </Text>
        )}
        <Group gap="xs">
          <Button size="xs" variant="outline" onClick={() => onChange([...items, { name: '', note: '' }])}>
            {t('supplement.addItem')}
          </Button>
          {unused.map((s) => (
            <Button key={s} size="xs" variant="light" onClick={() => add(s)}>
              + {s}
            </Button>
          ))}
        </Group>
      </Stack>
    </Fieldset>
  );
}
