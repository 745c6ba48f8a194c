import { Alert, Anchor, Button, Container, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { DeskPicker } from '../../components/DeskPicker';
import { Fact } from '../../components/DossierBits';
import { EFormFields, EFormView, fieldId } from '../../components/EForm';
import { FileUpload, type UploadState } from '../../components/FileUpload';
import { ErrorAlert, Loading } from '../../components/Status';
import { currentLang } from '../../i18n';
import { dossierKeys, newIdempotencyKey, type CreateBody } from '../../lib/dossier';
import { emptyValues, formErrorsFromApi, prefillValues, toFormData, validateValues, type FormValues } from '../../lib/eform';
import { useProcedure } from '../../lib/procedure';
import { notify } from '../../lib/notify';

const STEPS = ['form', 'documents', 'delivery', 'review'] as const;
type Step = (typeof STEPS)[number];
type Delivery = 'online' | 'counter' | 'post';

function StepList({ step }: { step: Step }) {
  const { t } = useTranslation();
  const index = STEPS.indexOf(step);
  return (
    <ol className="steps" aria-label={t('submit.stepsLabel')}>
      {STEPS.map((s, i) => (
        <li key={s} aria-current={s === step ? 'step' : undefined} data-done={i < index ? 'true' : undefined}>
          <span className="steps-n" aria-hidden>
            {i + 1}
          </span>
          {t(`submit.steps.${s}`)}
        </li>
      ))}
    </ol>
  );
}

/**
 * Online submission (nộp hồ sơ trực tuyến): the procedure's e-form, its documents (checked
 * before upload), the reception desk and how to receive the result, a review, then submit
 * with an Idempotency-Key kept for retries of the same attempt; or save as a draft.
 */
export function SubmitPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const { code = '' } = useParams();
  const { me } = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const proc = useProcedure(code);
  const [step, setStep] = useState<Step>('form');
  const [values, setValues] = useState<FormValues | undefined>();
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const [uploads, setUploads] = useState<Record<string, UploadState>>({});
  const [docErrors, setDocErrors] = useState<Record<string, string>>({});
  const [agencyCode, setAgencyCode] = useState('');
  const [deskCode, setDeskCode] = useState('');
  const [delivery, setDelivery] = useState<Delivery>('online');
  const [address, setAddress] = useState('');
  const [placeErrors, setPlaceErrors] = useState<{ agency?: string; address?: string }>({});
  // One key per submission attempt: kept while the same content is retried, renewed on change.
  const key = useRef<string | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);

  const fields = proc.data?.fields;
  useEffect(() => {
    if (fields && !values) setValues(prefillValues(fields, emptyValues(fields), { fullName: me?.displayName, idNumber: me?.kind === 'citizen' ? me.username : undefined }));
  }, [fields, values, me]);
  const changed = () => (key.current = undefined);
  const onDesk = useCallback((a: string, d: string) => {
    key.current = undefined;
    setAgencyCode(a);
    setDeskCode(d);
  }, []);

  const create = useMutation({
    mutationFn: (args: { body: CreateBody; idempotencyKey?: string }) =>
      unwrap(api.POST('/api/v1/dossiers', { body: args.body, params: { header: args.idempotencyKey ? { 'idempotency-key': args.idempotencyKey } : {} } })),
    onSuccess: (d) => {
      void client.invalidateQueries({ queryKey: dossierKeys.all });
      notify(d.status === 'draft' ? t('submit.draftSaved') : t('submit.submitted'));
      void navigate(`/ho-so/${d.id}`, { state: { justSubmitted: d.status !== 'draft' } });
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      const fe = formErrorsFromApi(error.problem?.errors, lang);
      if (Object.keys(fe).length) {
        setFormErrors(fe);
        setStep('form');
      }
    },
  });

  useEffect(() => {
    heading.current?.focus();
  }, [step]);

  if (proc.isPending || (proc.isSuccess && !values)) return <Loading />;
  if (proc.isError)
    return (
      <Container size="md">
        <ErrorAlert error={proc.error} onRetry={() => void proc.refetch()} />
      </Container>
    );
  if (!values || !fields) return <Loading />;
  const { procedure, documents } = proc.data;

  function focusFirstError(errors: Record<string, string>, prefix: string) {
    const first = Object.keys(errors)[0];
    if (first) window.setTimeout(() => document.getElementById(fieldId(prefix, first))?.focus(), 0);
  }

  function next() {
    if (!values || !fields) return;
    if (step === 'form') {
      const errors = validateValues(fields, values, lang);
      setFormErrors(errors);
      if (Object.keys(errors).length) return focusFirstError(errors, 'ef');
      setStep('documents');
    } else if (step === 'documents') {
      const errors: Record<string, string> = {};
      for (const d of documents) {
        const u = uploads[d.id];
        if (u?.status === 'uploading') errors[d.id] = t('upload.wait');
        else if (d.mandatory && u?.status !== 'done') errors[d.id] = t('upload.required', { name: d.name[lang] });
      }
      setDocErrors(errors);
      if (Object.keys(errors).length) return focusFirstError(errors, 'doc');
      setStep('delivery');
    } else if (step === 'delivery') {
      const errors = { ...(agencyCode && deskCode ? {} : { agency: t('submit.agencyRequired') }), ...(delivery === 'post' && !address.trim() ? { address: t('submit.addressRequired') } : {}) };
      setPlaceErrors(errors);
      if (errors.agency) return void document.getElementById('desk-agency')?.focus();
      if (errors.address) return void document.getElementById('delivery-address')?.focus();
      setStep('review');
    }
  }

  function body(draft: boolean): CreateBody {
    const docs = documents.flatMap((d) => {
      const u = uploads[d.id];
      return u?.status === 'done' ? [{ requirementId: d.id, sha256: u.file.sha256, fileName: u.file.fileName }] : [];
    });
    return {
      procedureCode: procedure.code,
      deskCode,
      owner: { kind: 'citizen', number: me?.username ?? '' },
      formData: toFormData(fields ?? [], values ?? {}),
      delivery: { method: delivery, ...(delivery === 'post' ? { address: address.trim() } : {}) },
      ...(docs.length ? { documents: docs } : {}),
      ...(draft ? { draft: true } : {}),
    };
  }

  function submit(draft: boolean) {
    if (draft && !deskCode) {
      setStep('delivery');
      setPlaceErrors({ agency: t('submit.agencyRequired') });
      return;
    }
    if (!key.current) key.current = newIdempotencyKey();
    create.mutate({ body: body(draft), idempotencyKey: draft ? undefined : key.current });
  }

  const back = () => setStep(STEPS[Math.max(0, STEPS.indexOf(step) - 1)] ?? 'form');
  const stepIndex = STEPS.indexOf(step);
  const uploaded = documents.filter((d) => uploads[d.id]?.status === 'done');

  return (
    <Container size="md">
      <Anchor component={Link} to={`/thu-tuc/${procedure.code}`} size="sm">
        ← {t('submit.back')}
      </Anchor>
      <Title order={1} size="h2" mt="xs">
        {t('submit.title')}
      </Title>
      <Text mb="md">{procedure.name[lang]}</Text>
      <StepList step={step} />
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} mt="md" component="form" noValidate onSubmit={(e) => (e.preventDefault(), step === 'review' ? submit(false) : next())}>
        <Title order={2} size="h3" mb="md" ref={heading} tabIndex={-1} className="step-heading">
          {t('submit.stepHeading', { n: stepIndex + 1, total: STEPS.length, name: t(`submit.steps.${step}`) })}
        </Title>
        {create.isError && (
          <Stack mb="md">
            <ErrorAlert error={create.error} />
          </Stack>
        )}
        {step === 'form' && (
          <EFormFields
            fields={fields}
            values={values}
            onChange={(v) => {
              changed();
              setValues(v);
            }}
            errors={formErrors}
            idPrefix="ef"
          />
        )}
        {step === 'documents' && (
          <Stack gap="lg">
            {documents.map((d) => (
              <FileUpload
                key={d.id}
                id={`doc-${d.id}`}
                label={d.name[lang]}
                description={[d.mandatory ? t('common.required') : t('common.optional'), d.note?.[lang]].filter(Boolean).join(' · ')}
                required={d.mandatory}
                accepted={d.acceptedMimeTypes}
                maxBytes={d.maxSizeBytes}
                state={docErrors[d.id] && uploads[d.id]?.status !== 'done' ? { status: 'error', message: docErrors[d.id] ?? '' } : (uploads[d.id] ?? { status: 'idle' })}
                onState={(s) => {
                  changed();
                  setDocErrors((e) => ({ ...e, [d.id]: '' }));
                  setUploads((u) => ({ ...u, [d.id]: s }));
                }}
              />
            ))}
          </Stack>
        )}
        {step === 'delivery' && (
          <Stack gap="lg">
            <DeskPicker receivingTypes={procedure.receivingAgencies} agencyCode={agencyCode} deskCode={deskCode} onChange={onDesk} error={placeErrors.agency} />
            <Radio.Group
              label={t('submit.delivery')}
              value={delivery}
              onChange={(v) => {
                changed();
                setDelivery(v as Delivery);
              }}
              required
            >
              <Stack gap="xs" mt="xs">
                {(['online', 'counter', 'post'] as const).map((m) => (
                  <Radio key={m} value={m} id={`delivery-${m}`} label={t(`delivery.${m}`)} />
                ))}
              </Stack>
            </Radio.Group>
            {delivery === 'post' && (
              <Textarea
                id="delivery-address"
                label={t('submit.address')}
                required
                value={address}
                onChange={(e) => {
                  changed();
                  setAddress(e.currentTarget.value);
                }}
                error={placeErrors.address}
                autosize
                minRows={2}
              />
            )}
          </Stack>
        )}
        {step === 'review' && (
          <Stack gap="lg">
            <Alert color="gray.8" variant="outline">
              {t('submit.reviewIntro')}
            </Alert>
            <section aria-labelledby="review-form">
              <Title order={3} size="h4" id="review-form" mb="xs">
                {t('submit.steps.form')}
              </Title>
              <EFormView fields={fields} data={toFormData(fields, values)} />
            </section>
            <section aria-labelledby="review-docs">
              <Title order={3} size="h4" id="review-docs" mb="xs">
                {t('submit.steps.documents')}
              </Title>
              {uploaded.length === 0 ? (
                <Text size="sm">—</Text>
              ) : (
                <Stack gap={4} component="ul" m={0} pl="md">
                  {uploaded.map((d) => {
                    const u = uploads[d.id];
                    return (
                      <li key={d.id}>
                        <Text size="sm">
                          {d.name[lang]}: <strong>{u?.status === 'done' ? u.file.fileName : ''}</strong>
                        </Text>
                      </li>
                    );
                  })}
                </Stack>
              )}
            </section>
            <Stack gap={6} component="dl" m={0}>
              <Fact label={t('submit.desk')}>{deskCode}</Fact>
              <Fact label={t('submit.delivery')}>
                {t(`delivery.${delivery}`)}
                {delivery === 'post' ? `: ${address}` : ''}
              </Fact>
            </Stack>
          </Stack>
        )}
        <Group justify="space-between" mt="xl" gap="sm">
          <Group gap="sm">
            {stepIndex > 0 && (
              <Button variant="default" onClick={back}>
                {t('submit.previous')}
              </Button>
            )}
            <Button variant="subtle" onClick={() => submit(true)} loading={create.isPending && create.variables?.body.draft === true}>
              {t('submit.saveDraft')}
            </Button>
          </Group>
          <Button type="submit" loading={create.isPending && create.variables?.body.draft !== true}>
            {step === 'review' ? t('submit.submit') : t('submit.next')}
          </Button>
        </Group>
      </Paper>
    </Container>
  );
}
