import { Alert, Anchor, Button, Container, Grid, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import { useSession, type Me } from '../auth/session';
import { ActionPanel } from '../components/ActionPanel';
import { CitizenTasks } from '../components/CitizenTasks';
import { DocumentList, DueText, Fact, FormLinks, HistoryTable, Section, StatusBadge } from '../components/DossierBits';
import { EFormView } from '../components/EForm';
import { ErrorAlert, Loading } from '../components/Status';
import { currentLang } from '../i18n';
import { dossierKeys, OPEN_STATUSES, useDocuments, useDossier, useHistory, type Dossier } from '../lib/dossier';
import { formatDateTime, formatIsoDate, formatMoney } from '../lib/format';
import { useProcedure } from '../lib/procedure';
import { notify } from '../lib/notify';

function isOfficial(me: Me | null): boolean {
  return me?.kind === 'official';
}

/** Claim (nhận xử lý) an unassigned task of one's role and agency. */
function ClaimButton({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const claim = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/dossiers/{id}/claim', { params: { path: { id: dossier.id } }, body: { version: dossier.version } })),
    onSuccess: () => notify(t('dossier.claimed')),
    onSettled: () => client.invalidateQueries({ queryKey: dossierKeys.all }),
  });
  return (
    <Stack gap="xs">
      {claim.isError && <ErrorAlert error={claim.error} />}
      <Group>
        <Button variant="outline" onClick={() => claim.mutate()} loading={claim.isPending}>
          {t('dossier.claim')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Apology letter with a new appointment (form 04), before the appointment passes. */
function ApologyForm({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [when, setWhen] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ when?: string; reason?: string }>({});
  const apology = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/dossiers/{id}/apology', { params: { path: { id: dossier.id } }, body: { version: dossier.version, newDueAt: new Date(`${when}:00+07:00`).toISOString(), reason: reason.trim() } })),
    onSuccess: () => {
      notify(t('apology.done'));
      setOpen(false);
    },
    onSettled: () => client.invalidateQueries({ queryKey: dossierKeys.all }),
  });
  if (!open)
    return (
      <Button variant="outline" color="gray.8" onClick={() => setOpen(true)}>
        {t('apology.open')}
      </Button>
    );
  function submit(e: FormEvent) {
    e.preventDefault();
    const found = { ...(when ? {} : { when: t('action.fieldRequired') }), ...(reason.trim().length >= 5 ? {} : { reason: t('apology.reasonShort') }) };
    setErrors(found);
    if (found.when || found.reason) return;
    apology.mutate();
  }
  const apiField = (f: string) => (apology.error instanceof ApiError ? apology.error.fieldMessage(`/body/${f}`, lang) : undefined);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {apology.isError && <ErrorAlert error={apology.error} />}
        <TextInput id="apology-when" type="datetime-local" label={t('apology.newDue')} required value={when} onChange={(e) => setWhen(e.currentTarget.value)} error={errors.when ?? apiField('newDueAt')} data-autofocus autoFocus />
        <Textarea id="apology-reason" label={t('apology.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason ?? apiField('reason')} autosize minRows={2} />
        <Group>
          <Button type="submit" loading={apology.isPending}>
            {t('apology.submit')}
          </Button>
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * One dossier, for its applicant and for officials: status and appointment, what is expected
 * now, the actions the API allows, e-form data, documents, result, forms and the control sheet.
 */
export function DossierPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const { id = '' } = useParams();
  const location = useLocation();
  const { me } = useSession();
  const detail = useDossier(id);
  const history = useHistory(id);
  const docs = useDocuments(id);
  const proc = useProcedure(detail.data?.dossier.procedure.code);
  const official = isOfficial(me);

  if (detail.isPending) return <Loading />;
  if (detail.isError)
    return (
      <Container size="lg">
        {detail.error instanceof ApiError && detail.error.status === 404 ? (
          <Alert color="gray.8" variant="outline" role="alert" title={t('notFound.title')}>
            {t('dossier.notFound')}
          </Alert>
        ) : (
          <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
        )}
      </Container>
    );
  const { dossier: d, actions } = detail.data;
  const now = new Date();
  const open = (OPEN_STATUSES as readonly string[]).includes(d.status);
  const justSubmitted = (location.state as { justSubmitted?: boolean } | null)?.justSubmitted === true;
  const lastSupplementNote = [...(history.data?.items ?? [])].reverse().find((e) => e.statusAfter === 'awaitingSupplement')?.note;
  const docName = (rid: string | null) => (rid ? proc.data?.documents.find((x) => x.id === rid)?.name[lang] : undefined);
  const officialActions = official ? actions : actions.filter((a) => a.type === 'withdraw');
  const roles = new Set(me?.grants.map((g) => g.role) ?? []);
  const canClaim = official && open && !d.assigneeId && !!d.currentRole && roles.has(d.currentRole);

  return (
    <Container size="lg">
      <Anchor component={Link} to={official ? '/can-bo/ho-so' : '/ho-so-cua-toi'} size="sm">
        ← {official ? t('nav.queue') : t('nav.mine')}
      </Anchor>
      <Group justify="space-between" align="flex-start" mt="xs" mb="md" gap="sm">
        <div style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Title order={1} size="h2">
            {d.procedure.name}
          </Title>
          <Text c="dimmed" data-testid="dossier-code">
            {d.code ?? t('dossier.noCode')}
          </Text>
        </div>
        <StatusBadge dossier={d} />
      </Group>
      {justSubmitted && (
        <Alert color="gray.8" variant="outline" mb="md" role="status" title={t('submit.submitted')}>
          {t('submit.submittedHelp')}
        </Alert>
      )}
      {!official && (
        <Stack mb="lg">
          <CitizenTasks dossier={d} actions={actions} lastRequest={lastSupplementNote} />
        </Stack>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            {(official || officialActions.length > 0) && (
              <Section id="actions" title={t('dossier.actions')}>
                <Stack gap="sm">
                  {canClaim && <ClaimButton dossier={d} />}
                  <ActionPanel dossier={d} actions={officialActions} suggestions={proc.data?.documents.map((x) => x.name[lang]) ?? []} />
                  {official && open && d.status !== 'submitted' && d.dueAt && (
                    <div>
                      <ApologyForm dossier={d} />
                    </div>
                  )}
                </Stack>
              </Section>
            )}
            {d.result && (
              <Section id="result" title={t('dossier.result')}>
                <Stack gap={6} component="dl" m={0}>
                  <Fact label={t('action.resultNumber')}>{d.result.number}</Fact>
                  <Fact label={t('action.resultDate')}>{formatIsoDate(d.result.date)}</Fact>
                  <Fact label={t('action.resultSigner')}>{d.result.signer}</Fact>
                  <Fact label={t('action.resultSummary')}>{d.result.summary}</Fact>
                </Stack>
              </Section>
            )}
            <Section id="eform" title={t('dossier.formData')}>
              {proc.isPending ? <Loading /> : <EFormView fields={proc.data?.fields ?? []} data={d.formData} />}
            </Section>
            <Section id="documents" title={t('dossier.documents')}>
              {docs.isPending ? <Loading /> : docs.isError ? <ErrorAlert error={docs.error} onRetry={() => void docs.refetch()} /> : <DocumentList dossierId={d.id} items={docs.data.items} requirementName={docName} />}
            </Section>
            <Section id="history" title={t('dossier.history')}>
              {history.isPending ? <Loading /> : history.isError ? <ErrorAlert error={history.error} /> : <HistoryTable items={history.data.items} />}
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: -1, md: 1 }}>
          <Stack gap="lg">
            <Section id="facts" title={t('dossier.summary')}>
              <Stack gap="sm" component="dl" m={0}>
                <Fact label={t('dossier.applicant')}>{d.owner.name}</Fact>
                {d.submitterName && <Fact label={t('dossier.submitter')}>{d.submitterName}</Fact>}
                <Fact label={t('dossier.agency')}>{d.receivingAgency.name[lang]}</Fact>
                {d.currentAgency && d.currentAgency.code !== d.receivingAgency.code && <Fact label={t('dossier.currentAgency')}>{d.currentAgency.name[lang]}</Fact>}
                <Fact label={t('dossier.channel')}>{t(`channel.${d.channel}`, { defaultValue: d.channel })}</Fact>
                {d.submittedAt && <Fact label={t('dossier.submittedAt')}>{formatDateTime(d.submittedAt)}</Fact>}
                {d.receivedAt && <Fact label={t('dossier.receivedAt')}>{formatDateTime(d.receivedAt)}</Fact>}
                {d.dueAt && (
                  <Fact label={t('dossier.dueAt')}>
                    <DueText dueAt={d.dueAt} now={now} paused={!!d.pausedAt} done={!open} />
                  </Fact>
                )}
                {d.originalDueAt && d.originalDueAt !== d.dueAt && <Fact label={t('dossier.originalDueAt')}>{formatDateTime(d.originalDueAt)}</Fact>}
                {official && d.stepDueAt && open && (
                  <Fact label={t('dossier.stepDueAt')}>
                    <DueText dueAt={d.stepDueAt} now={now} paused={!!d.pausedAt} />
                  </Fact>
                )}
                {d.timeliness && <Fact label={t('dossier.timeliness')}>{t(`timeliness.${d.timeliness}`, { defaultValue: d.timeliness })}</Fact>}
                <Fact label={t('submit.delivery')}>
                  {t(`delivery.${d.delivery.method}`, { defaultValue: d.delivery.method })}
                  {d.delivery.address ? `: ${d.delivery.address}` : ''}
                </Fact>
                <Fact label={t('dossier.fee')}>{formatMoney(d.feeTotal)}</Fact>
              </Stack>
            </Section>
            <Section id="forms" title={t('forms.title')}>
              <FormLinks dossier={d} official={official} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </Container>
  );
}
