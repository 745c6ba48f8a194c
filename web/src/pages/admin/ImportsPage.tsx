import { Anchor, Button, Group, NativeSelect, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type Problem } from '../../api/client';
import { ScrollRegion } from '../../components/ScrollRegion';
import { ErrorAlert } from '../../components/Status';
import i18n, { currentLang } from '../../i18n';
import { AdminTitle } from './AdminShell';
import type { ImportRun } from './admin-api';

const KINDS = ['citizens', 'organizations', 'units', 'agencies', 'officials'] as const;
type Kind = (typeof KINDS)[number];

function csrfToken(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === 'egov_csrf') return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/**
 * Uploads with XMLHttpRequest, the one browser API that reports upload progress (fetch does
 * not). Same CSRF double-submit and language headers as the typed client.
 */
function uploadImport(kind: Kind, file: File, onProgress: (fraction: number) => void): Promise<ImportRun> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/registry/imports/${kind}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept-Language', i18n.language === 'en' ? 'en' : 'vi');
    const csrf = csrfToken();
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, undefined));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as ImportRun);
      else reject(new ApiError(xhr.status, typeof body === 'object' && body !== null && 'code' in body ? (body as Problem) : undefined));
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs">{label}</Text>
      <Text fw={700} size="xl" data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

function Result({ run }: { run: ImportRun }) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-result-title">
      <Title order={2} size="h3" id="import-result-title" mb="sm">
        {t('admin.imports.result', { file: run.fileName })}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 5 }} mb="md">
        <Count label={t('admin.imports.total')} value={run.totalRows} testId="import-total" />
        <Count label={t('admin.imports.inserted')} value={run.inserted} testId="import-inserted" />
        <Count label={t('admin.imports.updated')} value={run.updated} testId="import-updated" />
        <Count label={t('admin.imports.unchanged')} value={run.unchanged} testId="import-unchanged" />
        <Count label={t('admin.imports.failed')} value={run.failed} testId="import-failed" />
      </SimpleGrid>
      {(run.reportXlsx || run.reportCsv) && (
        <Group mb="sm">
          <Text fw={600}>{t('admin.imports.report')}</Text>
          {run.reportXlsx && (
            <Anchor href={run.reportXlsx} download>
              {t('admin.imports.reportXlsx')}
            </Anchor>
          )}
          {run.reportCsv && (
            <Anchor href={run.reportCsv} download>
              {t('admin.imports.reportCsv')}
            </Anchor>
          )}
        </Group>
      )}
      {run.errors && run.errors.length > 0 && (
        <ScrollRegion labelledBy="import-errors-title">
          <Title order={3} size="h4" id="import-errors-title" mb="xs">
            {t('admin.imports.errors')}
          </Title>
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.imports.row')}</Table.Th>
                <Table.Th scope="col">{t('admin.imports.column')}</Table.Th>
                <Table.Th scope="col">{t('admin.imports.value')}</Table.Th>
                <Table.Th scope="col">{t('admin.imports.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {run.errors.slice(0, 50).map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{e.row}</Table.Td>
                  <Table.Td>{e.column}</Table.Td>
                  <Table.Td>{e.value}</Table.Td>
                  <Table.Td>{e.reason[lang]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </Paper>
  );
}

/** Bulk import of registry data from CSV or XLSX: upload with progress, counts, error report. */
export function ImportsPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('citizens');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [run, setRun] = useState<ImportRun | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) {
      setMissing(true);
      document.getElementById('import-file')?.focus();
      return;
    }
    setMissing(false);
    setError(null);
    setRun(null);
    setProgress(0);
    try {
      setRun(await uploadImport(kind, file, setProgress));
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
    }
  }

  return (
    <>
      <AdminTitle title={t('admin.imports.title')} intro={t('admin.imports.intro')} />
      <Stack gap="md">
        <Paper withBorder p="md" component="section" aria-labelledby="import-form-title">
          <Title order={2} size="h3" id="import-form-title" mb="sm">
            {t('admin.imports.upload')}
          </Title>
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Stack gap="sm">
              <Group align="flex-end">
                <NativeSelect id="import-kind" label={t('admin.imports.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)} data={KINDS.map((k) => ({ value: k, label: t(`admin.imports.kinds.${k}`) }))} w={240} />
                <div>
                  <label htmlFor="import-file" className="file-label">
                    {t('admin.imports.file')}
                  </label>
                  <input id="import-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-invalid={missing || undefined} aria-describedby="import-file-help" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
                </div>
                <Button type="submit" loading={progress !== null}>
                  {t('admin.imports.start')}
                </Button>
              </Group>
              <Text size="sm" id="import-file-help">
                {t('admin.imports.fileHelp')}
              </Text>
              {missing && (
                <Text c="brand.7" size="sm" role="alert">
                  {t('admin.imports.fileRequired')}
                </Text>
              )}
              {progress !== null && (
                <div>
                  <Text size="sm" role="status">
                    {progress < 1 ? t('admin.imports.uploading', { percent: Math.round(progress * 100) }) : t('admin.imports.processing')}
                  </Text>
                  <Progress value={progress * 100} aria-label={t('admin.imports.progress')} mt={4} />
                </div>
              )}
            </Stack>
          </form>
        </Paper>
        {error !== null && <ErrorAlert error={error} />}
        {run && <Result run={run} />}
      </Stack>
    </>
  );
}
