import { Button, Checkbox, Fieldset, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../i18n';
import { displayValue, emptyValues, type Field, type FieldValue, type FormValues } from '../lib/eform';

/** The id of the input of a field path (`papers/0/pages` → `ef-papers-0-pages`). */
export function fieldId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/\//g, '-')}`;
}

interface Props {
  fields: Field[];
  values: FormValues;
  onChange: (values: FormValues) => void;
  errors: Record<string, string>;
  idPrefix: string;
  pathPrefix?: string;
}

function FieldInput({ field, value, set, errors, idPrefix, path }: { field: Field; value: FieldValue | undefined; set: (v: FieldValue) => void; errors: Record<string, string>; idPrefix: string; path: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const id = fieldId(idPrefix, path);
  const label = field.title[lang];
  const error = errors[path];
  const text = typeof value === 'string' ? value : '';
  if (field.kind === 'boolean') {
    return <Checkbox id={id} label={label} checked={value === true} onChange={(e) => set(e.currentTarget.checked)} error={error} />;
  }
  if (field.kind === 'array') {
    const rows = Array.isArray(value) ? value : [];
    const canAdd = field.maxItems === undefined || rows.length < field.maxItems;
    return (
      <Fieldset legend={`${label}${field.required ? ' *' : ''}`} id={id} aria-describedby={error ? `${id}-error` : undefined}>
        <Stack gap="sm">
          {rows.map((row, i) => (
            <Paper key={i} withBorder p="sm">
              <Group justify="space-between" mb="xs">
                <Text fw={600} size="sm">
                  {field.itemTitle[lang]} {i + 1}
                </Text>
                {rows.length > Math.max(field.minItems, 1) && (
                  <Button size="compact-sm" variant="subtle" color="brand.7" onClick={() => set(rows.filter((_, j) => j !== i))} aria-label={t('eform.removeRow', { item: field.itemTitle[lang], n: i + 1 })}>
                    {t('eform.remove')}
                  </Button>
                )}
              </Group>
              <EFormFields fields={field.fields} values={row} onChange={(next) => set(rows.map((r, j) => (j === i ? next : r)))} errors={errors} idPrefix={idPrefix} pathPrefix={`${path}/${i}/`} />
            </Paper>
          ))}
          {error && (
            <Text id={`${id}-error`} c="var(--mantine-color-error)" size="sm">
              {error}
            </Text>
          )}
          {canAdd && (
            <Group>
              <Button size="xs" variant="outline" onClick={() => set([...rows, emptyValues(field.fields)])}>
                {t('eform.addRow', { item: field.itemTitle[lang] })}
              </Button>
            </Group>
          )}
        </Stack>
      </Fieldset>
    );
  }
  if (field.kind === 'text' && field.options) {
    return (
      <NativeSelect
        id={id}
        label={label}
        required={field.required}
        value={text}
        onChange={(e) => set(e.currentTarget.value)}
        error={error}
        data={[{ value: '', label: t('eform.choose') }, ...field.options.map((o) => ({ value: o.value, label: o.label[lang] }))]}
      />
    );
  }
  const type = field.kind === 'text' && field.format === 'date' ? 'date' : field.kind === 'text' && field.format === 'email' ? 'email' : 'text';
  return (
    <TextInput
      id={id}
      label={label}
      required={field.required}
      type={type}
      value={text}
      onChange={(e) => set(e.currentTarget.value)}
      error={error}
      inputMode={field.kind === 'number' ? (field.integer ? 'numeric' : 'decimal') : undefined}
      maxLength={field.kind === 'text' ? field.maxLength : undefined}
      autoComplete="off"
    />
  );
}

/** The inputs of an e-form, laid out in two columns on wide screens and one on phones. */
export function EFormFields({ fields, values, onChange, errors, idPrefix, pathPrefix = '' }: Props) {
  const simple = fields.filter((f) => f.kind !== 'array');
  const arrays = fields.filter((f) => f.kind === 'array');
  const input = (f: Field) => (
    <FieldInput key={f.name} field={f} value={values[f.name]} set={(v) => onChange({ ...values, [f.name]: v })} errors={errors} idPrefix={idPrefix} path={`${pathPrefix}${f.name}`} />
  );
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        {simple.map(input)}
      </SimpleGrid>
      {arrays.map(input)}
    </Stack>
  );
}

/** The e-form's data as a definition list (review page, dossier page). */
export function EFormView({ fields, data }: { fields: Field[]; data: Record<string, unknown> }) {
  const lang = currentLang();
  const known = new Set(fields.map((f) => f.name));
  const extra = Object.keys(data).filter((k) => !known.has(k));
  return (
    <Stack gap={6} component="dl" m={0}>
      {fields.map((f) => {
        const v = data[f.name];
        if (f.kind === 'array') {
          const rows = Array.isArray(v) ? v : [];
          return (
            <div key={f.name}>
              <Text component="dt" size="sm" c="dimmed">
                {f.title[lang]}
              </Text>
              <Text component="dd" m={0}>
                {rows.length === 0
                  ? '—'
                  : rows.map((row, i) => (
                      <Text key={i} size="sm">
                        {i + 1}. {f.fields.map((sf) => `${sf.title[lang]}: ${displayValue(sf, typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[sf.name] : undefined, lang)}`).join(' · ')}
                      </Text>
                    ))}
              </Text>
            </div>
          );
        }
        return (
          <div key={f.name}>
            <Text component="dt" size="sm" c="dimmed">
              {f.title[lang]}
            </Text>
            <Text component="dd" m={0} fw={500} style={{ wordBreak: 'break-word' }}>
              {displayValue(f, v, lang)}
            </Text>
          </div>
        );
      })}
      {extra.map((k) => (
        <div key={k}>
          <Text component="dt" size="sm" c="dimmed">
            {k}
          </Text>
          <Text component="dd" m={0}>
            {JSON.stringify(data[k])}
          </Text>
        </div>
      ))}
    </Stack>
  );
}
