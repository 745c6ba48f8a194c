import { Button, Group, NativeSelect, SegmentedControl, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { currentLang } from '../../i18n';
import { agenciesWithin, convertPeriod, monthName, parsePeriodText, type PeriodKind, type PickedPeriod } from '../../lib/stats';

/** Every agency of the registry (all pages), for the scope picker and for names in tables. */
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

/** The name of an administrative unit, for a ward-level base scope. */
function useUnitName(code: string | undefined) {
  const lang = currentLang();
  const unit = useQuery({
    queryKey: ['registry', 'unit', code],
    enabled: !!code,
    queryFn: () => unwrap(api.GET('/api/v1/registry/units/{code}', { params: { path: { code: code ?? '' } } })),
    staleTime: 10 * 60_000,
  });
  return unit.data?.unit.name[lang];
}

/** The scope chosen on screen: a base scope from the grants, optionally narrowed to an agency and a desk. */
export interface ScopeChoice {
  base: string;
  agency: string;
  desk: string;
}

/** The scope text the API takes for a choice. */
export function scopeOf(c: ScopeChoice): string {
  if (c.desk) return `desk:${c.desk}`;
  if (c.agency) return `agency:${c.agency}`;
  return c.base;
}

const TYPE_ORDER = ['peoplesCommittee', 'serviceCentre', 'department', 'office', 'police'];

/** Base scope, then agency within it, then its one-stop desk. */
export function ScopePicker({ bases, value, onChange }: { bases: string[]; value: ScopeChoice; onChange: (c: ScopeChoice) => void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const agencies = useAgencies();
  // Grants name at most one ward or commune in practice; its name labels the base scope.
  const unitCode = bases.find((b) => b.startsWith('unit:'))?.slice(5);
  const unitName = useUnitName(unitCode);
  const desks = useQuery({
    queryKey: ['registry', 'agency', value.agency],
    enabled: !!value.agency,
    queryFn: () => unwrap(api.GET('/api/v1/registry/agencies/{code}', { params: { path: { code: value.agency } } })),
  });
  const list = agencies.data ?? [];
  const nameOf = (code: string) => list.find((a) => a.code === code)?.name[lang] ?? code;
  const baseLabel = (b: string) => {
    if (b === 'city') return t('stats.scope.city');
    if (b.startsWith('unit:')) return t('stats.scope.unit', { name: b.slice(5) === unitCode && unitName ? unitName : b.slice(5) });
    return nameOf(b.slice(7));
  };
  // Only agencies in force are offered; a base agency is listed even when it is the only one.
  const within = agenciesWithin(value.base, list).filter((a) => a.validTo === null);
  const groups = TYPE_ORDER.map((type) => ({
    group: t(`stats.agencyTypes.${type}`),
    items: within
      .filter((a) => a.type === type)
      .sort((a, b) => a.name[lang].localeCompare(b.name[lang], lang))
      .map((a) => ({ value: a.code, label: a.name[lang] })),
  })).filter((g) => g.items.length > 0);
  const others = within.filter((a) => !TYPE_ORDER.includes(a.type)).map((a) => ({ value: a.code, label: a.name[lang] }));
  const deskList = desks.data?.desks ?? [];

  return (
    <>
      <NativeSelect
        id="stats-base"
        label={t('stats.scope.label')}
        value={value.base}
        onChange={(e) => onChange({ base: e.currentTarget.value, agency: '', desk: '' })}
        data={bases.map((b) => ({ value: b, label: baseLabel(b) }))}
        disabled={bases.length < 2}
      />
      <NativeSelect
        id="stats-agency"
        label={t('stats.scope.agency')}
        value={value.agency}
        onChange={(e) => onChange({ ...value, agency: e.currentTarget.value, desk: '' })}
        data={[{ value: '', label: t('stats.scope.allAgencies') }, ...groups, ...others]}
        disabled={agencies.isPending}
        maw={360}
      />
      {value.agency && deskList.length > 0 && (
        <NativeSelect
          id="stats-desk"
          label={t('stats.scope.desk')}
          value={value.desk}
          onChange={(e) => onChange({ ...value, desk: e.currentTarget.value })}
          data={[{ value: '', label: t('stats.scope.allDesks') }, ...deskList.map((d) => ({ value: d.code, label: d.name[lang] }))]}
          maw={360}
        />
      )}
    </>
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
