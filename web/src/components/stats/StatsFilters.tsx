import { Button, Group, NativeSelect, SegmentedControl, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import { currentLang } from '../../i18n';
import { convertPeriod, monthName, parsePeriodText, type PeriodKind, type PickedPeriod } from '../../lib/stats';

/** Every agency of the registry (all pages, former ones too), for names in drill-down lists. */
export function useAgencies() {
  return useQuery({
    queryKey: ['registry', 'agencies', 'all'],
    queryFn: async () => {
      const all: Awaited<ReturnType<typeof fetchPage>>['items'] = [];
      let cursor: string | undefined;
      // The registry pages by 200; a city has a few hundred agencies at most.
      for (let i = 0; i < 20; i++) {
        const page = await fetchPage(cursor);
        all.push(...page.items);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return all;
    },
    staleTime: 10 * 60_000,
  });
}

function fetchPage(cursor: string | undefined) {
  return unwrap(api.GET('/api/v1/registry/agencies', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } }));
}

/** A scope the reader may pick, as `GET /stats/scopes` lists it (parents first). */
export type ScopeChoice = paths['/api/v1/stats/scopes']['get']['responses'][200]['content']['application/json']['items'][number];

/** The scopes the signed-in reader may pick; the first is the widest (their default). */
export function useScopes(enabled = true) {
  return useQuery({
    queryKey: ['stats', 'scopes'],
    enabled,
    queryFn: async () => (await unwrap(api.GET('/api/v1/stats/scopes'))).items,
    staleTime: 10 * 60_000,
  });
}

/** The fields (lĩnh vực) of the catalogue, for the field filter and for naming the filter. */
export function useFields() {
  return useQuery({
    queryKey: ['catalog', 'fields'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/public/procedure-fields'))).items,
    staleTime: 60 * 60_000,
  });
}

const GROUPS = [
  ['unit', 'units'],
  ['agency', 'agencies'],
  ['desk', 'desks'],
] as const;

/**
 * One list of every scope the reader may read (from `GET /stats/scopes`): the city, then
 * areas, agencies and one-stop desks, each group by name. A scope reached by a link that the
 * list does not hold (an agency alone, from the ranking) is shown first under its own name.
 */
export function ScopePicker({ choices, value, valueName, onChange }: { choices: readonly ScopeChoice[]; value: string; valueName?: string; onChange: (scope: string) => void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const byName = (a: ScopeChoice, b: ScopeChoice) => a.name[lang].localeCompare(b.name[lang], lang);
  const option = (c: ScopeChoice) => ({ value: c.scope, label: c.name[lang] });
  const top = choices.filter((c) => c.kind === 'city').map(option);
  const groups = GROUPS.map(([kind, key]) => ({ group: t(`stats.scope.${key}`), items: choices.filter((c) => c.kind === kind).sort(byName).map(option) })).filter((g) => g.items.length > 0);
  const known = choices.some((c) => c.scope === value);
  return (
    <NativeSelect
      id="stats-scope"
      label={t('stats.scope.label')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[...(known ? [] : [{ value, label: valueName ?? value }]), ...top, ...groups]}
      disabled={choices.length < 2 && known}
      maw={420}
    />
  );
}

/** All fields, or one; names sorted in the reader's language. */
export function FieldPicker({ value, onChange }: { value: string; onChange: (fieldCode: string) => void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const fields = useFields();
  const list = [...(fields.data ?? [])].sort((a, b) => a.name[lang].localeCompare(b.name[lang], lang));
  // A field named in the address but unknown to the catalogue still shows, by its code.
  const extra = value && !list.some((f) => f.code === value) ? [{ value, label: value }] : [];
  return (
    <NativeSelect
      id="stats-field"
      label={t('stats.field.label')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[{ value: '', label: t('stats.field.all') }, ...extra, ...list.map((f) => ({ value: f.code, label: f.name[lang] }))]}
      disabled={fields.isPending}
      maw={300}
    />
  );
}

const KINDS: PeriodKind[] = ['month', 'quarter', 'year', 'custom'];

/** Month, quarter, year or a custom range of days; years from 2020 to this year. */
export function PeriodPicker({ value, onChange, today }: { value: PickedPeriod; onChange: (p: PickedPeriod) => void; today: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: Math.max(1, thisYear - 2019) }, (_, i) => String(thisYear - i));
  const y = value.from.slice(0, 4);
  const mo = Number(value.from.slice(5, 7));
  const set = (text: string) => {
    const p = parsePeriodText(text);
    if (p) onChange(p);
  };
  const yearSelect = (id: string, build: (year: string) => string) => (
    <NativeSelect id={id} label={t('stats.period.year')} value={y} onChange={(e) => set(build(e.currentTarget.value))} data={years.includes(y) ? years : [y, ...years]} />
  );
  return (
    <>
      <div>
        <Text size="sm" fw={500} mb={4} id="stats-period-kind">
          {t('stats.period.label')}
        </Text>
        <SegmentedControl aria-labelledby="stats-period-kind" value={value.kind} onChange={(k) => onChange(convertPeriod(value, k as PeriodKind))} data={KINDS.map((k) => ({ value: k, label: t(`stats.period.kinds.${k}`) }))} />
      </div>
      {value.kind === 'month' && (
        <>
          <NativeSelect
            id="stats-month"
            label={t('stats.period.month')}
            value={String(mo)}
            onChange={(e) => set(`${y}-${e.currentTarget.value.padStart(2, '0')}`)}
            data={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: monthName(i + 1, lang) }))}
          />
          {yearSelect('stats-month-year', (year) => `${year}-${String(mo).padStart(2, '0')}`)}
        </>
      )}
      {value.kind === 'quarter' && (
        <>
          <NativeSelect
            id="stats-quarter"
            label={t('stats.period.quarter')}
            value={String(Math.ceil(mo / 3))}
            onChange={(e) => set(`${y}-Q${e.currentTarget.value}`)}
            data={[1, 2, 3, 4].map((q) => ({ value: String(q), label: t('stats.period.quarterN', { n: q }) }))}
          />
          {yearSelect('stats-quarter-year', (year) => `${year}-Q${Math.ceil(mo / 3)}`)}
        </>
      )}
      {value.kind === 'year' && yearSelect('stats-year', (year) => year)}
      {value.kind === 'custom' && <CustomRange value={value} onApply={set} />}
    </>
  );
}

/** Two dates applied together, so that half-typed ranges are never sent. */
function CustomRange({ value, onApply }: { value: PickedPeriod; onApply: (text: string) => void }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(value.from);
  const [to, setTo] = useState(value.to);
  const invalid = !from || !to || from > to;
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!invalid) onApply(`${from}..${to}`);
  }
  return (
    <form onSubmit={submit} style={{ display: 'contents' }}>
      <TextInput id="stats-from" type="date" label={t('stats.period.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
      <TextInput id="stats-to" type="date" label={t('stats.period.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} error={from && to && from > to ? t('stats.period.badRange') : undefined} />
      <Group align="flex-end">
        <Button type="submit" variant="outline" disabled={invalid}>
          {t('stats.period.apply')}
        </Button>
      </Group>
    </form>
  );
}
