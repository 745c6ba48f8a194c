import { NativeSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { currentLang } from '../i18n';
import { ErrorAlert, Loading } from './Status';

/**
 * Whether an agency is of a receiving type such as `peoplesCommittee:commune`: the part before
 * the colon is the registry's agency type; `commune`/`province` tell the level by the length of
 * the administrative unit code (5 digits for a ward or commune, 2 for the city).
 */
function matchesType(agency: { type: string; unitCode: string }, receiving: string): boolean {
  const [type, level] = receiving.split(':');
  if (agency.type !== type) return false;
  if (level === 'commune') return agency.unitCode.length === 5;
  if (level === 'province') return agency.unitCode.length <= 2;
  return true;
}

/** Picks the receiving agency (among the procedure's agency types) and then its one-stop desk. */
export function DeskPicker({ receivingTypes, agencyCode, deskCode, onChange, error }: { receivingTypes: string[]; agencyCode: string; deskCode: string; onChange: (agencyCode: string, deskCode: string) => void; error?: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const types = [...new Set(receivingTypes.map((r) => r.split(':')[0] ?? r))];
  const agencies = useQuery({
    queryKey: ['registry', 'agencies', types],
    queryFn: async () => {
      const pages = await Promise.all(types.map((type) => unwrap(api.GET('/api/v1/registry/agencies', { params: { query: { type, limit: 200 } } }))));
      return pages
        .flatMap((p) => p.items)
        .filter((a) => receivingTypes.some((r) => matchesType(a, r)) && a.validTo === null)
        .sort((a, b) => a.name[lang].localeCompare(b.name[lang], lang));
    },
    staleTime: 5 * 60_000,
  });
  const desks = useQuery({
    queryKey: ['registry', 'agency', agencyCode],
    enabled: !!agencyCode,
    queryFn: () => unwrap(api.GET('/api/v1/registry/agencies/{code}', { params: { path: { code: agencyCode } } })),
  });
  const deskList = desks.data?.desks ?? [];
  useEffect(() => {
    const first = deskList[0];
    if (first && !deskList.some((d) => d.code === deskCode)) onChange(agencyCode, first.code);
  }, [deskList, deskCode, agencyCode, onChange]);

  if (agencies.isPending) return <Loading />;
  if (agencies.isError) return <ErrorAlert error={agencies.error} onRetry={() => void agencies.refetch()} />;
  return (
    <Stack gap="sm">
      <NativeSelect
        id="desk-agency"
        label={t('submit.agency')}
        description={t('submit.agencyHint')}
        required
        value={agencyCode}
        onChange={(e) => onChange(e.currentTarget.value, '')}
        error={error}
        data={[{ value: '', label: t('eform.choose') }, ...agencies.data.map((a) => ({ value: a.code, label: a.name[lang] }))]}
      />
      {agencyCode && desks.isPending && <Loading />}
      {desks.isError && <ErrorAlert error={desks.error} />}
      {deskList.length > 1 && (
        <NativeSelect id="desk-desk" label={t('submit.desk')} value={deskCode} onChange={(e) => onChange(agencyCode, e.currentTarget.value)} data={deskList.map((d) => ({ value: d.code, label: d.name[lang] }))} />
      )}
      {deskList.length === 1 && deskList[0] && (
        <Text size="sm">
          {t('submit.desk')}: <strong>{deskList[0].name[lang]}</strong>
        </Text>
      )}
      {agencyCode && desks.isSuccess && deskList.length === 0 && <Text size="sm">{t('submit.noDesk')}</Text>}
    </Stack>
  );
}
