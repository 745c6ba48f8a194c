import { Alert, Container, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { ApiError, getUntyped } from '../api/client';
import { LookupForm, type LookupInput } from '../components/LookupForm';
import { ScrollRegion } from '../components/ScrollRegion';
import { ErrorAlert, Loading } from '../components/Status';
import { currentLang } from '../i18n';
import { formatDateTime } from '../lib/format';

function isLookupInput(v: unknown): v is LookupInput {
  return typeof v === 'object' && v !== null && typeof (v as LookupInput).code === 'string' && typeof (v as LookupInput).idNumber === 'string';
}

type Loose = Record<string, unknown>;
const isRecord = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, lang: 'vi' | 'en'): string | undefined =>
  typeof v === 'string' ? v : isRecord(v) && typeof v[lang] === 'string' ? (v[lang] as string) : undefined;

/**
 * What the lookup shows. The API (`GET /api/v1/public/dossiers/{code}`) is still being built,
 * so its answer is read defensively: status, dates, procedure and history when present.
 */
function LookupResult({ data }: { data: unknown }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const d = isRecord(data) ? data : {};
  const status = text(d.statusName, lang) ?? text(d.status, lang);
  const procedure = isRecord(d.procedure) ? text(d.procedure.name, lang) : text(d.procedureName, lang);
  const when = (v: unknown) => (typeof v === 'string' ? formatDateTime(v) : undefined);
  const facts: [string, string | undefined][] = [
    [t('lookup.code'), text(d.code, lang)],
    [t('lookup.procedure'), procedure],
    [t('lookup.status'), status],
    [t('lookup.receivedAt'), when(d.receivedAt)],
    [t('lookup.dueAt'), when(d.dueAt)],
  ];
  const history = Array.isArray(d.history) ? d.history.filter(isRecord) : [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="lookup-result-title">
      <Title order={2} size="h3" id="lookup-result-title" mb="sm">
        {t('lookup.result')}
      </Title>
      <Stack gap={6} component="dl" m={0}>
        {facts
          .filter((f): f is [string, string] => f[1] !== undefined)
          .map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="sm" c="dimmed">
                {label}
              </Text>
              <Text component="dd" m={0} fw={500}>
                {value}
              </Text>
            </div>
          ))}
      </Stack>
      {history.length > 0 && (
        <>
          <Title order={3} size="h4" mt="md" mb="xs" id="lookup-history-title">
            {t('lookup.history')}
          </Title>
          <ScrollRegion labelledBy="lookup-history-title">
            <Table withTableBorder>
              <Table.Tbody>
                {history.map((h, i) => (
                  <Table.Tr key={i}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(h.at) ?? ''}</Table.Td>
                    <Table.Td>{text(h.label, lang) ?? text(h.action, lang) ?? text(h.statusName, lang) ?? text(h.status, lang) ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        </>
      )}
    </Paper>
  );
}

/** Public dossier lookup by dossier code and the owner's ID number (no login). */
export function LookupPage() {
  const { t } = useTranslation();
  const location = useLocation();
  // The receipt's QR code opens /tra-cuu/<code>?secret=<lookup secret>: no ID number to type.
  const params = useParams();
  const [search] = useSearchParams();
  const secret = params.code ? search.get('secret') : null;
  const [input, setInput] = useState<LookupInput | undefined>(isLookupInput(location.state) ? location.state : undefined);
  const byQr = secret && !input ? { code: params.code ?? '', secret } : undefined;
  const query = useQuery({
    queryKey: ['public', 'dossier', input?.code ?? byQr?.code, input?.idNumber ?? byQr?.secret],
    enabled: input !== undefined || byQr !== undefined,
    queryFn: () =>
      getUntyped(
        byQr
          ? `/api/v1/public/dossiers/${encodeURIComponent(byQr.code)}?secret=${encodeURIComponent(byQr.secret)}`
          : `/api/v1/public/dossiers/${encodeURIComponent(input?.code ?? '')}?idNumber=${encodeURIComponent(input?.idNumber ?? '')}`,
      ),
    retry: false,
    gcTime: 0, // personal data: do not keep answers around after leaving the page
  });
  const notFound = query.error instanceof ApiError && query.error.status === 404;

  return (
    <Container size="sm">
      <Title order={1} size="h2" mb="xs">
        {t('lookup.title')}
      </Title>
      <Text mb="md">{t('home.lookupIntro')}</Text>
      <Stack gap="lg">
        <Paper withBorder p="md">
          <LookupForm idPrefix="lookup" initial={input} busy={query.isFetching} onSubmit={setInput} />
        </Paper>
        <div aria-live="polite">
          {(input || byQr) && query.isPending && <Loading />}
          {notFound && (
            <Alert color="gray.8" variant="outline" role="alert" title={t('lookup.result')}>
              {t('lookup.notFound')}
            </Alert>
          )}
          {query.isError && !notFound && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
          {query.isSuccess && <LookupResult data={query.data} />}
        </div>
      </Stack>
    </Container>
  );
}
