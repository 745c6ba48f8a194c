import { Button, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { currentLang } from '../i18n';
import { useDossierAction, type ActionBody, type AvailableAction, type Dossier } from '../lib/dossier';
import { todayIso } from '../lib/format';
import { FileUpload, type UploadState } from './FileUpload';
import { ErrorAlert } from './Status';
import { SupplementItemsInput, supplementNote, type SupplementItem } from './SupplementItems';
import { notify } from '../lib/notify';

const ATTACH_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const ATTACH_MAX = 50 * 1024 * 1024;

/** Which extra inputs an action type needs (Decree 118/2025: reasons, items, result data). */
function needs(type: string) {
  return {
    reason: type === 'refuse' || type === 'stop',
    items: type === 'requestSupplement',
    result: type === 'issueResult',
    returnInfo: type === 'returnResult',
    payment: type === 'paymentReceived',
    files: type === 'supplementReceived' || type === 'issueResult',
  };
}

function ActionForm({ dossier, action, onDone, onCancel, suggestions }: { dossier: Dossier; action: AvailableAction; onDone: () => void; onCancel: () => void; suggestions: string[] }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const mutation = useDossierAction(dossier.id);
  const n = needs(action.type);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [toAgency, setToAgency] = useState('');
  const [items, setItems] = useState<SupplementItem[]>([{ name: '', note: '' }]);
  const [result, setResult] = useState({ number: '', date: todayIso(new Date()), signer: '', summary: '' });
  const [receivedBy, setReceivedBy] = useState('');
  const [tracking, setTracking] = useState('');
  const [payment, setPayment] = useState<{ amount: number | string; reference: string; method: 'cash' | 'transfer' | 'card' }>({ amount: dossier.feeTotal, reference: '', method: 'cash' });
  const [file, setFile] = useState<UploadState>({ status: 'idle' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const first = useRef<HTMLFormElement>(null);

  useEffect(() => {
    first.current?.querySelector<HTMLElement>('input:not([type=hidden]), textarea, select, button[type=submit]')?.focus();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (n.reason && !reason.trim()) found.reason = t('action.reasonRequired');
    const cleanItems = items.filter((i) => i.name.trim());
    if (n.items && cleanItems.length === 0) found.items = t('action.itemsRequired');
    if (n.result) for (const k of ['number', 'date', 'signer', 'summary'] as const) if (!result[k].trim()) found[`result.${k}`] = t('action.fieldRequired');
    if (n.returnInfo && dossier.delivery.method === 'counter' && !receivedBy.trim()) found.receivedBy = t('action.fieldRequired');
    if (n.returnInfo && dossier.delivery.method === 'post' && !tracking.trim()) found.tracking = t('action.fieldRequired');
    if (n.payment && !payment.reference.trim()) found.reference = t('action.fieldRequired');
    if (action.needsTargetAgency && !toAgency.trim()) found.toAgency = t('action.fieldRequired');
    if (file.status === 'uploading') found.file = t('upload.wait');
    setErrors(found);
    if (Object.keys(found).length) return;
    const itemsNote = n.items ? supplementNote(cleanItems, lang) : '';
    const fullNote = [itemsNote, note.trim()].filter(Boolean).join('\n');
    const body: ActionBody = {
      actionId: action.id,
      version: dossier.version,
      ...(fullNote ? { note: fullNote } : {}),
      ...(n.reason ? { reason: reason.trim() } : {}),
      ...(n.items ? { supplementItems: cleanItems.map((i) => ({ name: i.name.trim(), ...(i.note.trim() ? { note: i.note.trim() } : {}) })) } : {}),
      ...(n.result ? { result: { number: result.number.trim(), date: result.date, signer: result.signer.trim(), summary: result.summary.trim() } } : {}),
      ...(n.returnInfo && (receivedBy.trim() || tracking.trim()) ? { delivery: { ...(receivedBy.trim() ? { receivedBy: receivedBy.trim() } : {}), ...(tracking.trim() ? { trackingNumber: tracking.trim() } : {}) } } : {}),
      ...(n.payment ? { payment: { amount: Number(payment.amount) || 0, reference: payment.reference.trim(), method: payment.method } } : {}),
      ...(action.needsTargetAgency ? { toAgencyCode: toAgency.trim() } : {}),
      ...(file.status === 'done' ? { documents: [{ sha256: file.file.sha256, fileName: file.file.fileName }] } : {}),
    };
    mutation.mutate(body, {
      onSuccess: (d) => {
        notify(t('action.done', { action: action.label[lang], status: d.statusName[lang] }));
        onDone();
      },
    });
  }

  const apiField = (name: string) => (mutation.error instanceof ApiError ? mutation.error.fieldMessage(`/body/${name}`, lang) : undefined);
  return (
    <Paper withBorder p="md" mt="sm" component="form" ref={first} onSubmit={submit} noValidate aria-labelledby="action-form-title">
      <Title order={3} size="h5" id="action-form-title" mb="sm">
        {action.label[lang]}
      </Title>
      <Stack gap="sm">
        {mutation.isError && <ErrorAlert error={mutation.error} />}
        {n.reason && <Textarea id="action-reason" label={t('action.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason ?? apiField('reason')} autosize minRows={2} />}
        {n.items && <SupplementItemsInput items={items} onChange={setItems} suggestions={suggestions} error={errors.items ?? apiField('supplementItems')} idPrefix="action-items" />}
        {action.needsTargetAgency && <TextInput id="action-agency" label={t('action.toAgency')} required value={toAgency} onChange={(e) => setToAgency(e.currentTarget.value)} error={errors.toAgency} />}
        {n.result && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput id="result-number" label={t('action.resultNumber')} required value={result.number} onChange={(e) => setResult({ ...result, number: e.currentTarget.value })} error={errors['result.number']} />
            <TextInput id="result-date" type="date" label={t('action.resultDate')} required value={result.date} onChange={(e) => setResult({ ...result, date: e.currentTarget.value })} error={errors['result.date']} />
            <TextInput id="result-signer" label={t('action.resultSigner')} required value={result.signer} onChange={(e) => setResult({ ...result, signer: e.currentTarget.value })} error={errors['result.signer']} />
            <TextInput id="result-summary" label={t('action.resultSummary')} required value={result.summary} onChange={(e) => setResult({ ...result, summary: e.currentTarget.value })} error={errors['result.summary'] ?? apiField('result')} />
          </SimpleGrid>
        )}
        {n.returnInfo && dossier.delivery.method === 'counter' && <TextInput id="return-by" label={t('action.receivedBy')} required value={receivedBy} onChange={(e) => setReceivedBy(e.currentTarget.value)} error={errors.receivedBy ?? apiField('delivery')} />}
        {n.returnInfo && dossier.delivery.method === 'post' && <TextInput id="return-tracking" label={t('action.trackingNumber')} required value={tracking} onChange={(e) => setTracking(e.currentTarget.value)} error={errors.tracking ?? apiField('delivery')} />}
        {n.returnInfo && dossier.delivery.method === 'online' && <Text size="sm">{t('action.returnOnline')}</Text>}
        {n.payment && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput id="pay-amount" label={t('action.amount')} value={payment.amount} onChange={(v) => setPayment({ ...payment, amount: v })} thousandSeparator="." decimalSeparator="," min={0} suffix=" đ" />
            <TextInput id="pay-ref" label={t('action.reference')} required value={payment.reference} onChange={(e) => setPayment({ ...payment, reference: e.currentTarget.value })} error={errors.reference} />
            <NativeSelect
              id="pay-method"
              label={t('action.method')}
              value={payment.method}
              onChange={(e) => setPayment({ ...payment, method: e.currentTarget.value as 'cash' | 'transfer' | 'card' })}
              data={(['cash', 'transfer', 'card'] as const).map((m) => ({ value: m, label: t(`action.methods.${m}`) }))}
            />
          </SimpleGrid>
        )}
        {n.files && (
          <FileUpload
            id="action-file"
            label={action.type === 'issueResult' ? t('action.resultFile') : t('action.supplementFile')}
            required={action.type === 'supplementReceived' && dossier.channel === 'online'}
            accepted={ATTACH_TYPES}
            maxBytes={ATTACH_MAX}
            state={errors.file ? { status: 'error', message: errors.file } : file}
            onState={setFile}
          />
        )}
        <Textarea id="action-note" label={t('action.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t('action.confirm', { action: action.label[lang] })}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * The actions the API says the user may take now, as buttons; choosing one opens its form
 * (reason, missing items, result data…) right below, focused, and Enter confirms it.
 */
export function ActionPanel({ dossier, actions, suggestions = [] }: { dossier: Dossier; actions: AvailableAction[]; suggestions?: string[] }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [selected, setSelected] = useState<string | undefined>();
  const chosen = actions.find((a) => a.id === selected);
  if (actions.length === 0) return <Text size="sm">{t('action.none')}</Text>;
  return (
    <div>
      <Group gap="xs">
        {actions.map((a) => (
          <Button
            key={a.id}
            variant={a.id === selected ? 'filled' : a.type === 'refuse' || a.type === 'stop' || a.type === 'withdraw' ? 'outline' : 'light'}
            color={a.type === 'refuse' || a.type === 'stop' || a.type === 'withdraw' ? 'gray.8' : 'brand'}
            onClick={() => setSelected(a.id === selected ? undefined : a.id)}
            aria-expanded={a.id === selected}
            data-action={a.id}
          >
            {a.label[lang]}
          </Button>
        ))}
      </Group>
      {chosen && <ActionForm key={chosen.id} dossier={dossier} action={chosen} onDone={() => setSelected(undefined)} onCancel={() => setSelected(undefined)} suggestions={suggestions} />}
    </div>
  );
}
