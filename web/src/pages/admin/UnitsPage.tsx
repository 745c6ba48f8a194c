import { Anchor, Badge, Box, Button, Grid, Group, Paper, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ErrorAlert, Loading } from '../../components/Status';
import { currentLang } from '../../i18n';
import { formatIsoDate, todayIso } from '../../lib/format';
import { AdminTitle } from './AdminShell';
import type { Agency, Unit } from './admin-api';

/** Every child of a unit on a day (the API pages at 200; no unit has more children than that). */
function useChildren(date: string, parentCode: string | undefined) {
  return useQuery({
    queryKey: ['admin', 'units', date, parentCode ?? '(root)'],
    queryFn: () => unwrap(api.GET('/api/v1/registry/units', { params: { query: parentCode ? { date, parentCode, limit: 200 } : { date, level: 'province', limit: 200 } } })),
  });
}

function validity(u: { validFrom: string; validTo: string | null }, t: (k: string, o?: Record<string, string>) => string): string {
  return u.validTo ? t('admin.units.validRange', { from: formatIsoDate(u.validFrom), to: formatIsoDate(u.validTo) }) : t('admin.units.validSince', { from: formatIsoDate(u.validFrom) });
}

function UnitNode({ unit, date, selected, onSelect, defaultOpen }: { unit: Unit; date: string; selected: string | undefined; onSelect: (u: Unit) => void; defaultOpen: boolean }) {
  const { t } = useTranslation();
  const lang = currentLang();
  // The tree's depth is data (three tiers before 07/2025, two since): only communes are leaves.
  const leaf = unit.level === 'commune';
  const [open, setOpen] = useState(defaultOpen);
  const childId = `unit-children-${unit.code}`;
  return (
    <li>
      <Group gap={6} wrap="nowrap" className="unit-row" data-selected={selected === unit.code || undefined}>
        {leaf ? (
          <Box w={28} aria-hidden />
        ) : (
          <UnstyledButton className="tree-toggle" aria-expanded={open} aria-controls={childId} aria-label={t(open ? 'admin.units.collapse' : 'admin.units.expand', { name: unit.name[lang] })} onClick={() => setOpen((o) => !o)}>
            {open ? '−' : '+'}
          </UnstyledButton>
        )}
        <UnstyledButton onClick={() => onSelect(unit)} aria-current={selected === unit.code ? 'true' : undefined} className="unit-name">
          <Text span fw={leaf ? 400 : 600}>
            {unit.name[lang]}
          </Text>{' '}
          <Text span size="sm" c="dimmed">
            ({unit.code})
          </Text>
        </UnstyledButton>
        {unit.validTo && (
          <Badge size="sm" variant="outline" color="gray.8">
            {t('admin.units.until', { date: formatIsoDate(unit.validTo) })}
          </Badge>
        )}
      </Group>
      {open && !leaf && (
        <Box id={childId} pl={28}>
          <UnitChildren date={date} parentCode={unit.code} selected={selected} onSelect={onSelect} />
        </Box>
      )}
    </li>
  );
}

function UnitChildren({ date, parentCode, selected, onSelect }: { date: string; parentCode: string | undefined; selected: string | undefined; onSelect: (u: Unit) => void }) {
  const { t } = useTranslation();
  const list = useChildren(date, parentCode);
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.items.length === 0) return <Text size="sm">{t('admin.units.noChildren')}</Text>;
  return (
    <ul className="unit-tree">
      {list.data.items.map((u) => (
        <UnitNode key={u.id} unit={u} date={date} selected={selected} onSelect={onSelect} defaultOpen={parentCode === undefined} />
      ))}
    </ul>
  );
}

function RenameAgency({ agency }: { agency: Agency }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [vi, setVi] = useState(agency.name.vi);
  const [en, setEn] = useState(agency.name.en);
  const save = useMutation({
    mutationFn: () => unwrap(api.PATCH('/api/v1/registry/agencies/{code}', { params: { path: { code: agency.code } }, body: { name: { vi: vi.trim(), en: en.trim() } } })),
    onSuccess: async () => {
      notifications.show({ color: 'green', closeButtonProps: { 'aria-label': t('common.close') }, message: t('admin.units.renamed') });
      await client.invalidateQueries({ queryKey: ['admin', 'agencies'] });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (vi.trim() && en.trim()) save.mutate();
  }
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        {save.isError && <ErrorAlert error={save.error} />}
        <TextInput label={t('admin.common.nameVi')} value={vi} onChange={(e) => setVi(e.currentTarget.value)} required />
        <TextInput label={t('admin.common.nameEn')} value={en} onChange={(e) => setEn(e.currentTarget.value)} required />
        <Group>
          <Button type="submit" size="xs" loading={save.isPending}>
            {t('admin.units.rename')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AgencyPanel({ unit, date }: { unit: Unit; date: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [editing, setEditing] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['admin', 'agencies', unit.code, date],
    queryFn: () => unwrap(api.GET('/api/v1/registry/agencies', { params: { query: { unitCode: unit.code, date, limit: 200 } } })),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="agencies-title">
      <Title order={2} size="h3" id="agencies-title" mb={4}>
        {t('admin.units.agenciesOf', { name: unit.name[lang] })}
      </Title>
      <Text size="sm" mb="sm">
        {t(`admin.units.levels.${unit.level}`)} · {validity(unit, t)}
      </Text>
      {list.isPending && <Loading />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <Text>{t('admin.units.noAgencies')}</Text>}
      {list.data && list.data.items.length > 0 && (
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.units.agency')}</Table.Th>
              <Table.Th scope="col">{t('admin.units.validity')}</Table.Th>
              <Table.Th scope="col">{t('admin.common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {a.name[lang]}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {a.code} · {t(`admin.agencyTypes.${a.type}`, { defaultValue: a.type })}
                  </Text>
                  {editing === a.code && (
                    <Box mt="xs">
                      <RenameAgency agency={a} />
                    </Box>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{validity(a, t)}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Anchor component={Link} to={`/quan-tri/bo-phan-mot-cua?agency=${encodeURIComponent(a.code)}`} size="sm">
                      {t('admin.units.desks')}
                    </Anchor>
                    <Button size="compact-xs" variant="subtle" aria-expanded={editing === a.code} onClick={() => setEditing(editing === a.code ? null : a.code)}>
                      {t('admin.units.edit')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** Administrative units and their agencies as a tree, as the structure stood on a chosen day. */
export function UnitsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const date = params.get('ngay') ?? todayIso(new Date());
  const [draft, setDraft] = useState(date);
  const [selected, setSelected] = useState<Unit | null>(null);

  function applyDate(e: FormEvent) {
    e.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft)) return;
    setSelected(null);
    setParams({ ngay: draft }, { replace: true });
  }

  return (
    <>
      <AdminTitle title={t('admin.units.title')} intro={t('admin.units.intro')} />
      <Paper withBorder p="md" mb="md">
        <form onSubmit={applyDate}>
          <Group align="flex-end">
            <TextInput id="units-date" type="date" label={t('admin.units.date')} value={draft} onChange={(e) => setDraft(e.currentTarget.value)} w={200} />
            <Button type="submit">{t('admin.units.show')}</Button>
            <Button variant="outline" onClick={() => { setDraft('2024-06-01'); setSelected(null); setParams({ ngay: '2024-06-01' }, { replace: true }); }}>
              {t('admin.units.before2025')}
            </Button>
          </Group>
        </form>
        <Text size="sm" mt="xs" role="status">
          {t('admin.units.showing', { date: formatIsoDate(date) })}
        </Text>
      </Paper>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="tree-title">
            <Title order={2} size="h3" id="tree-title" mb="sm">
              {t('admin.units.tree')}
            </Title>
            <UnitChildren key={date} date={date} parentCode={undefined} selected={selected?.code} onSelect={setSelected} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>{selected ? <AgencyPanel unit={selected} date={date} /> : <Text>{t('admin.units.pick')}</Text>}</Grid.Col>
      </Grid>
    </>
  );
}
