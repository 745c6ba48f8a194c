import { Alert, Button, Group, Rating, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { currentLang } from '../i18n';
import { dossierKeys, useDossierAction, type AvailableAction, type Dossier } from '../lib/dossier';
import { FileUpload, type UploadState } from './FileUpload';
import { ErrorAlert } from './Status';
import { notify } from '../lib/notify';

const TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const MAX = 10 * 1024 * 1024;

/** Sending the requested supplement: files, a note, then the `supplementReceived` action. */
function SupplementForm({ dossier, action, lastRequest }: { dossier: Dossier; action: AvailableAction; lastRequest?: string | null }) {
  const { t } = useTranslation();
  const mutation = useDossierAction(dossier.id);
  const [files, setFiles] = useState<UploadState[]>([{ status: 'idle' }]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  function submit(event: FormEvent) {
    event.preventDefault();
    const done = files.flatMap((f) => (f.status === 'done' ? [f.file] : []));
    if (done.length === 0) return setError(t('supplement.fileRequired'));
    if (files.some((f) => f.status === 'uploading')) return setError(t('upload.wait'));
    setError(undefined);
    mutation.mutate(
      { actionId: action.id, version: dossier.version, documents: done.map((f) => ({ sha256: f.sha256, fileName: f.fileName })), ...(note.trim() ? { note: note.trim() } : {}) },
      { onSuccess: () => notify(t('supplement.sent')) },
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {lastRequest && (
          <Text size="sm" style={{ whiteSpace: 'pre-line' }} data-testid="supplement-request">
            {lastRequest}
          </Text>
        )}
        {mutation.isError && <ErrorAlert error={mutation.error} />}
        {files.map((f, i) => (
          <FileUpload
            key={i}
            id={`supplement-file-${i}`}
            label={t('supplement.file', { n: i + 1 })}
            required={i === 0}
            accepted={TYPES}
            maxBytes={MAX}
            state={i === 0 && error && f.status !== 'done' ? { status: 'error', message: error } : f}
            onState={(s) => setFiles((all) => all.map((x, j) => (j === i ? s : x)))}
          />
        ))}
        <Group>
          <Button size="xs" variant="outline" onClick={() => setFiles([...files, { status: 'idle' }])}>
            {t('supplement.addFile')}
          </Button>
        </Group>
        <Textarea id="supplement-note" label={t('action.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t('supplement.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Rating the service once the result is returned (5 very satisfied … 1 very dissatisfied). */
function RatingForm({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>();
  const rate = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/dossiers/{id}/rating', { params: { path: { id: dossier.id } }, body: { score, ...(comment.trim() ? { comment: comment.trim() } : {}) } })),
    onSuccess: () => {
      notify(t('rating.thanks'));
      void client.invalidateQueries({ queryKey: dossierKeys.all });
    },
  });
  if (rate.isSuccess)
    return (
      <Text role="status" fw={600}>
        {t('rating.thanks')}
      </Text>
    );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (score < 1) return setError(t('rating.scoreRequired'));
        setError(undefined);
        rate.mutate();
      }}
      noValidate
    >
      <Stack gap="sm">
        {rate.isError && <ErrorAlert error={rate.error} />}
        <div role="group" aria-labelledby="rating-label" aria-describedby={error ? 'rating-error' : undefined}>
          <Text id="rating-label" size="sm" fw={500} mb={4}>
            {t('rating.score')}
          </Text>
          <Rating value={score} onChange={setScore} size="lg" count={5} getSymbolLabel={(i) => t('rating.star', { n: i })} name="rating" />
          {score > 0 && <Text size="sm">{t(`rating.levels.${score}`)}</Text>}
          {error && (
            <Text id="rating-error" size="sm" c="var(--mantine-color-error)">
              {error}
            </Text>
          )}
        </div>
        <Textarea id="rating-comment" label={t('rating.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
        <Group>
          <Button type="submit" loading={rate.isPending}>
            {t('rating.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Submitting a saved draft as it is (the server checks the form and documents again). */
function DraftSubmit({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const submit = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/dossiers/{id}/submit', { params: { path: { id: dossier.id } }, body: { version: dossier.version } })),
    onSettled: () => client.invalidateQueries({ queryKey: dossierKeys.all }),
  });
  const lang = currentLang();
  return (
    <Stack gap="sm">
      {submit.isError && <ErrorAlert error={submit.error} />}
      {submit.error instanceof ApiError && (submit.error.problem?.errors?.length ?? 0) > 0 && (
        <Stack gap={2} component="ul" m={0} pl="md">
          {(submit.error.problem?.errors ?? []).map((e) => (
            <li key={e.field}>
              <Text size="sm">{e.message[lang]}</Text>
            </li>
          ))}
        </Stack>
      )}
      <Group>
        <Button onClick={() => submit.mutate()} loading={submit.isPending}>
          {t('mine.submitDraft')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * What the applicant is expected to do now, on their dossier page: send a supplement, pay,
 * collect the result, rate the service, or finish a draft.
 */
export function CitizenTasks({ dossier, actions, lastRequest }: { dossier: Dossier; actions: AvailableAction[]; lastRequest?: string | null }) {
  const { t } = useTranslation();
  const supplement = actions.find((a) => a.type === 'supplementReceived');
  let body: React.ReactNode = null;
  let title = '';
  if (dossier.status === 'awaitingSupplement') {
    title = t('mine.todo.supplement');
    body = supplement ? <SupplementForm dossier={dossier} action={supplement} lastRequest={lastRequest} /> : <Text size="sm">{t('mine.supplementAtDesk')}</Text>;
  } else if (dossier.status === 'awaitingPayment') {
    title = t('mine.todo.payment');
    body = <Text size="sm">{t('mine.paymentHow')}</Text>;
  } else if (dossier.status === 'resolved') {
    title = t('mine.resultReady');
    body = <Text size="sm">{t(`mine.pickUp.${dossier.delivery.method}`, { defaultValue: '' })}</Text>;
  } else if (dossier.status === 'returned') {
    title = t('rating.title');
    body = <RatingForm dossier={dossier} />;
  } else if (dossier.status === 'draft') {
    title = t('mine.todo.finishDraft');
    body = <DraftSubmit dossier={dossier} />;
  } else return null;
  return (
    <Alert color="gray.8" variant="outline" className="task-alert" title={title} data-testid="citizen-task">
      {body}
    </Alert>
  );
}
