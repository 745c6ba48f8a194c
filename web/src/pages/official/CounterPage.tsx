import { Alert, Anchor, Button, Checkbox, Container, Group, NativeSelect, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { ApplicantFinder, type Citizen } from '../../components/ApplicantFinder';
import { EFormFields, fieldId } from '../../components/EForm';
import { FileUpload, type UploadState } from '../../components/FileUpload';
import { ErrorAlert, Loading } from '../../components/Status';
import { SupplementItemsInput, supplementNote, type SupplementItem } from '../../components/SupplementItems';
import { currentLang } from '../../i18n';
import { dossierKeys, formUrl, newIdempotencyKey, type ActionBody, type CreateBody, type Dossier, type FormNumber } from '../../lib/dossier';
import { emptyValues, formErrorsFromApi, prefillValues, toFormData, validateValues, type FormValues } from '../../lib/eform';
import { formatIsoDate } from '../../lib/format';
import { useProcedure, useProcedureList } from '../../lib/procedure';

type Decision = 'receive' | 'supplement' | 'refuse';
const DECISION_TYPE: Record<Decision, string> = { receive: 'forward', supplement: 'requestSupplement', refuse: 'refuse' };
const DECISION_FORM: Record<Decision, FormNumber> = { receive: '01', supplement: '02', refuse: '03' };

/**
 * Counter reception (tiếp nhận tại quầy): find or register the applicant, pick the procedure,
 * tick the documents handed in (and attach scans), fill the e-form, then receive (receipt,
 * form 01), ask for a supplement listing every missing item (form 02) or refuse with a
 * reason (form 03). Built for the keyboard: each part focuses its first input, Enter proceeds.
 */
export function CounterPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const client = useQueryClient();
  const { me } = useSession();
  const agencyCode = me?.grants.find((g) => g.role === 'receptionOfficer' && g.scopeKind === 'agency')?.scopeCode ?? '';
  const agency = useQuery({ queryKey: ['registry', 'agency', agencyCode], enabled: !!agencyCode, queryFn: () => unwrap(api.GET('/api/v1/registry/agencies/{code}', { params: { path: { code: agencyCode } } })) });
  const procedures = useProcedureList();
  const [applicant, setApplicant] = useState<Citizen | undefined>();
  const [procCode, setProcCode] = useState('');
  const proc = useProcedure(procCode || undefined);
  const [values, setValues] = useState<FormValues>({});
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const [scans, setScans] = useState<Record<string, UploadState>>({});
  const [delivery, setDelivery] = useState<'counter' | 'post' | 'online'>('counter');
  const [address, setAddress] = useState('');
  const [decision, setDecision] = useState<Decision | undefined>();
  const [items, setItems] = useState<SupplementItem[]>([]);
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<string | undefined>();
  const [done, setDone] = useState<{ dossier: Dossier; decision: Decision } | undefined>();
  const key = useRef<string | undefined>(undefined);
  const procSelect = useRef<HTMLSelectElement>(null);
  const desk = agency.data?.desks[0]?.code ?? '';

  useEffect(() => {
    if (applicant) procSelect.current?.focus();
  }, [applicant]);
  useEffect(() => {
    const fields = proc.data?.fields;
    if (!fields) return;
    setValues(prefillValues(fields, emptyValues(fields), { fullName: applicant?.fullName, idNumber: applicant?.idNumber, dateOfBirth: applicant?.dateOfBirth, phone: applicant?.phone ?? undefined, email: applicant?.email ?? undefined }));
    setTicked({});
    setScans({});
    setFormErrors({});
    key.current = undefined;
  }, [proc.data, applicant]);

  const run = useMutation({
    mutationFn: async (which: Decision) => {
      const data = proc.data;
      if (!data || !applicant) throw new Error('incomplete');
      const documents = data.documents.flatMap((d) => {
        const s = scans[d.id];
        return s?.status === 'done' ? [{ requirementId: d.id, sha256: s.file.sha256, fileName: s.file.fileName }] : [];
      });
      const body: CreateBody = {
        procedureCode: data.procedure.code,
        deskCode: desk,
        owner: { kind: 'citizen', number: applicant.idNumber },
        formData: toFormData(data.fields, values),
        delivery: { method: delivery, ...(delivery === 'post' ? { address: address.trim() } : {}) },
        ...(documents.length ? { documents } : {}),
      };
      if (!key.current) key.current = newIdempotencyKey();
      const created = await unwrap(api.POST('/api/v1/dossiers', { body, params: { header: { 'idempotency-key': key.current } } }));
      const detail = await unwrap(api.GET('/api/v1/dossiers/{id}', { params: { path: { id: created.id } } }));
      const action = detail.actions.find((a) => a.type === DECISION_TYPE[which]);
      if (!action) throw new Error(t('counter.actionMissing'));
      const clean = items.filter((i) => i.name.trim());
      const actionBody: ActionBody = {
        actionId: action.id,
        version: detail.dossier.version,
        ...(which === 'supplement' ? { supplementItems: clean.map((i) => ({ name: i.name.trim(), ...(i.note.trim() ? { note: i.note.trim() } : {}) })), note: supplementNote(clean, lang) } : {}),
        ...(which === 'refuse' ? { reason: reason.trim() } : {}),
      };
      const dossier = await unwrap(api.POST('/api/v1/dossiers/{id}/actions', { params: { path: { id: created.id } }, body: actionBody }));
      return { dossier, decision: which };
    },
    onSuccess: (result) => {
      setDone(result);
      key.current = undefined;
      void client.invalidateQueries({ queryKey: dossierKeys.all });
    },
    onError: (error) => {
      if (error instanceof ApiError) setFormErrors(formErrorsFromApi(error.problem?.errors, lang));
    },
  });

  function proceed(which: Decision) {
    const data = proc.data;
    if (!data) return;
    const errors = validateValues(data.fields, values, lang);
    setFormErrors(errors);
    const first = Object.keys(errors)[0];
    if (first) return void document.getElementById(fieldId('cf', first))?.focus();
    if (which === 'supplement' && !items.some((i) => i.name.trim())) return setLocalError(t('action.itemsRequired'));
    if (which === 'refuse' && !reason.trim()) return setLocalError(t('action.reasonRequired'));
    if (delivery === 'post' && !address.trim()) return setLocalError(t('submit.addressRequired'));
    setLocalError(undefined);
    run.mutate(which);
  }

  function choose(which: Decision) {
    setDecision(which);
    setLocalError(undefined);
    if (which === 'supplement' && proc.data) {
      const missing = proc.data.documents.filter((d) => d.mandatory && !ticked[d.id]).map((d) => ({ name: d.name[lang], note: '' }));
      setItems(missing.length ? missing : [{ name: '', note: '' }]);
    }
    if (which === 'receive') proceed('receive');
  }

  function reset() {
    setDone(undefined);
    setApplicant(undefined);
    setProcCode('');
    setDecision(undefined);
    setItems([]);
    setReason('');
    setDelivery('counter');
    setAddress('');
    run.reset();
  }

  if (!agencyCode)
    return (
      <Container size="md">
        <Alert color="gray.8" variant="outline" role="alert">
          {t('counter.notReception')}
        </Alert>
      </Container>
    );

  if (done) {
    const f = DECISION_FORM[done.decision];
    return (
      <Container size="md">
        <Paper withBorder p="lg">
          <Title order={1} size="h2" mb="sm" tabIndex={-1} className="step-heading" ref={(el) => el?.focus()}>
            {t(`counter.done.${done.decision}`)}
          </Title>
          <Text mb="xs">
            {t('lookup.code')}: <strong data-testid="new-code">{done.dossier.code ?? t('dossier.noCode')}</strong>
          </Text>
          <Text mb="md">{done.dossier.statusName[lang]}</Text>
          <Group>
            <Button component="a" href={formUrl(done.dossier.id, f)} target="_blank" rel="noopener">
              {t(`forms.f${f}`)} (PDF)
            </Button>
            <Button component={Link} to={`/ho-so/${done.dossier.id}`} variant="outline">
              {t('counter.openDossier')}
            </Button>
            <Button variant="default" onClick={reset}>
              {t('counter.next')}
            </Button>
          </Group>
        </Paper>
      </Container>
    );
  }

  const data = proc.data;
  return (
    <Container size="lg">
      <Title order={1} size="h2" mb="xs">
        {t('counter.title')}
      </Title>
      <Text mb="md" c="dimmed">
        {agency.data ? `${agency.data.agency.name[lang]} · ${agency.data.desks[0]?.name[lang] ?? ''}` : ''}
      </Text>
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="c-applicant">
          <Title order={2} size="h4" id="c-applicant" mb="sm">
            1. {t('counter.applicant')}
          </Title>
          {applicant ? (
            <Group justify="space-between">
              <Text data-testid="applicant">
                <strong>{applicant.fullName}</strong> · {applicant.idNumber} · {formatIsoDate(applicant.dateOfBirth)}
              </Text>
              <Button variant="subtle" onClick={() => setApplicant(undefined)}>
                {t('counter.change')}
              </Button>
            </Group>
          ) : (
            <ApplicantFinder unitCode={agency.data?.agency.unitCode ?? ''} onPick={setApplicant} />
          )}
        </Paper>

        {applicant && (
          <Paper withBorder p="md" component="section" aria-labelledby="c-procedure">
            <Title order={2} size="h4" id="c-procedure" mb="sm">
              2. {t('counter.procedure')}
            </Title>
            {procedures.isPending ? (
              <Loading />
            ) : procedures.isError ? (
              <ErrorAlert error={procedures.error} />
            ) : (
              <NativeSelect
                ref={procSelect}
                id="counter-procedure"
                label={t('counter.procedure')}
                value={procCode}
                onChange={(e) => setProcCode(e.currentTarget.value)}
                data={[{ value: '', label: t('eform.choose') }, ...procedures.data.items.map((p) => ({ value: p.code, label: `${p.code} · ${p.name[lang]}` }))]}
              />
            )}
          </Paper>
        )}

        {applicant && procCode && !data && (proc.isError ? <ErrorAlert error={proc.error} /> : <Loading />)}
        {applicant && data && (
          <>
            <Paper withBorder p="md" component="section" aria-labelledby="c-docs">
              <Title order={2} size="h4" id="c-docs" mb="sm">
                3. {t('counter.checklist')}
              </Title>
              <Stack gap="md">
                {data.documents.map((d) => (
                  <Paper key={d.id} withBorder p="sm">
                    <Checkbox
                      id={`check-${d.id}`}
                      label={`${d.name[lang]}${d.mandatory ? ' *' : ''}`}
                      description={`${t('procedure.originals')}: ${d.originals} · ${t('procedure.copies')}: ${d.copies}${d.mandatory ? '' : ` · ${t('common.optional')}`}`}
                      checked={ticked[d.id] === true}
                      onChange={(e) => {
                        const checked = e.currentTarget.checked;
                        setTicked((x) => ({ ...x, [d.id]: checked }));
                        key.current = undefined;
                      }}
                    />
                    {ticked[d.id] && (
                      <Stack mt="xs">
                        <FileUpload id={`scan-${d.id}`} label={t('counter.scan')} accepted={d.acceptedMimeTypes} maxBytes={d.maxSizeBytes} state={scans[d.id] ?? { status: 'idle' }} onState={(s) => setScans((x) => ({ ...x, [d.id]: s }))} />
                      </Stack>
                    )}
                  </Paper>
                ))}
              </Stack>
            </Paper>

            <Paper withBorder p="md" component="section" aria-labelledby="c-form">
              <Title order={2} size="h4" id="c-form" mb="sm">
                4. {t('submit.steps.form')}
              </Title>
              <EFormFields
                fields={data.fields}
                values={values}
                onChange={(v) => {
                  key.current = undefined;
                  setValues(v);
                }}
                errors={formErrors}
                idPrefix="cf"
              />
              <Radio.Group label={t('submit.delivery')} value={delivery} onChange={(v) => setDelivery(v === 'post' ? 'post' : v === 'online' ? 'online' : 'counter')} mt="md">
                <Group gap="lg" mt="xs">
                  {(['counter', 'post', 'online'] as const).map((m) => (
                    <Radio key={m} value={m} id={`c-delivery-${m}`} label={t(`delivery.${m}`)} />
                  ))}
                </Group>
              </Radio.Group>
              {delivery === 'post' && <Textarea id="c-address" label={t('submit.address')} required value={address} onChange={(e) => setAddress(e.currentTarget.value)} mt="sm" autosize minRows={2} />}
            </Paper>

            <Paper withBorder p="md" component="section" aria-labelledby="c-decision">
              <Title order={2} size="h4" id="c-decision" mb="sm">
                5. {t('counter.decision')}
              </Title>
              <Stack gap="sm">
                {run.isError && <ErrorAlert error={run.error} />}
                {localError && (
                  <Text role="alert" c="var(--mantine-color-error)" size="sm">
                    {localError}
                  </Text>
                )}
                <Group gap="sm">
                  <Button onClick={() => choose('receive')} loading={run.isPending && run.variables === 'receive'}>
                    {t('counter.receive')}
                  </Button>
                  <Button variant={decision === 'supplement' ? 'filled' : 'outline'} onClick={() => choose('supplement')} aria-expanded={decision === 'supplement'}>
                    {t('counter.supplement')}
                  </Button>
                  <Button variant={decision === 'refuse' ? 'filled' : 'outline'} color="gray.8" onClick={() => choose('refuse')} aria-expanded={decision === 'refuse'}>
                    {t('counter.refuse')}
                  </Button>
                </Group>
                {decision === 'supplement' && (
                  <form
                    onSubmit={(e) => {
                      e.preventDefault();
                      proceed('supplement');
                    }}
                    noValidate
                  >
                    <Stack gap="sm">
                      <SupplementItemsInput items={items} onChange={setItems} suggestions={data.documents.map((d) => d.name[lang])} idPrefix="c-items" />
                      <Group>
                        <Button type="submit" loading={run.isPending}>
                          {t('counter.sendSupplement')}
                        </Button>
                      </Group>
                    </Stack>
                  </form>
                )}
                {decision === 'refuse' && (
                  <form
                    onSubmit={(e) => {
                      e.preventDefault();
                      proceed('refuse');
                    }}
                    noValidate
                  >
                    <Stack gap="sm">
                      <Textarea id="c-reason" label={t('action.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} autoFocus />
                      <Group>
                        <Button type="submit" color="gray.8" loading={run.isPending}>
                          {t('counter.confirmRefuse')}
                        </Button>
                      </Group>
                    </Stack>
                  </form>
                )}
              </Stack>
            </Paper>
            <Anchor component={Link} to="/can-bo/ho-so" size="sm">
              {t('nav.queue')}
            </Anchor>
          </>
        )}
      </Stack>
    </Container>
  );
}
