import { Button, Group, Input, Progress, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { acceptAttribute, checkFile, formatBytes, mimeNames, uploadFile, type Uploaded } from '../lib/dossier';
import { useErrorMessage } from './Status';

export type UploadState = { status: 'idle' } | { status: 'uploading'; percent: number; fileName: string } | { status: 'done'; file: Uploaded } | { status: 'error'; message: string };

interface Props {
  id: string;
  label: string;
  description?: string;
  required?: boolean;
  accepted: string[];
  maxBytes?: number;
  state: UploadState;
  onState: (state: UploadState) => void;
}

/**
 * One file for one required document: type and size are checked before the upload starts,
 * progress is shown while it runs, and the stored file can be replaced or removed.
 */
export function FileUpload({ id, label, description, required, accepted, maxBytes, state, onState }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const message = useErrorMessage();
  const [abort, setAbort] = useState<AbortController | undefined>();
  const limits = [accepted.length ? t('upload.accepted', { types: mimeNames(accepted) }) : undefined, maxBytes ? t('upload.max', { max: formatBytes(maxBytes) }) : undefined].filter(Boolean).join(' · ');

  async function pick(file: File | undefined) {
    if (!file) return;
    const problem = checkFile(file, accepted, maxBytes);
    if (problem) {
      onState({ status: 'error', message: problem });
      return;
    }
    const controller = new AbortController();
    setAbort(controller);
    onState({ status: 'uploading', percent: 0, fileName: file.name });
    try {
      const uploaded = await uploadFile(file, (percent) => onState({ status: 'uploading', percent, fileName: file.name }), controller.signal);
      onState({ status: 'done', file: uploaded });
    } catch (error) {
      onState({ status: 'error', message: error instanceof ApiError ? message(error) : String(error) });
    } finally {
      setAbort(undefined);
      if (input.current) input.current.value = '';
    }
  }

  const errorText = state.status === 'error' ? state.message : undefined;
  return (
    <Input.Wrapper
      id={id}
      label={label}
      required={required}
      description={[description, limits].filter(Boolean).join(' — ')}
      error={errorText}
    >
      <Stack gap={6} mt={4}>
        <input
          ref={input}
          id={id}
          type="file"
          className="file-input"
          accept={acceptAttribute(accepted)}
          aria-required={required}
          aria-invalid={errorText ? true : undefined}
          aria-describedby={`${id}-description${errorText ? ` ${id}-error` : ''}`}
          onChange={(e) => void pick(e.currentTarget.files?.[0])}
          disabled={state.status === 'uploading'}
        />
        {state.status === 'uploading' && (
          <Group gap="sm" wrap="nowrap">
            <Progress value={state.percent} style={{ flex: 1 }} aria-label={t('upload.progress', { name: state.fileName })} striped animated />
            <Text size="sm" aria-live="polite">
              {state.percent}%
            </Text>
            <Button size="compact-sm" variant="subtle" onClick={() => abort?.abort()}>
              {t('common.cancel')}
            </Button>
          </Group>
        )}
        {state.status === 'done' && (
          <Group gap="sm" data-testid={`${id}-done`}>
            <Text size="sm" c="#1e6b34" fw={600}>
              ✓ {t('upload.done', { name: state.file.fileName, size: formatBytes(state.file.size) })}
            </Text>
            <Button size="compact-sm" variant="subtle" color="brand.7" onClick={() => onState({ status: 'idle' })} aria-label={t('upload.removeLabel', { name: state.file.fileName })}>
              {t('upload.remove')}
            </Button>
          </Group>
        )}
      </Stack>
    </Input.Wrapper>
  );
}
