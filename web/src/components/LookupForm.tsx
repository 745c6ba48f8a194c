import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Dossier code: `<agency code>-<YYMMDD>-<NNNN>` (DOMAIN.md), e.g. 000.00.22.H56-250531-0001. */
const DOSSIER_CODE = /^[0-9A-Z]{2,3}(\.[0-9A-Z]{2,3}){3}-\d{6}-\d{4,}$/;
/** Personal identification number (số định danh cá nhân): 12 digits. */
const ID_NUMBER = /^\d{12}$/;

export interface LookupInput {
  code: string;
  idNumber: string;
}

/** The dossier lookup form: dossier code and owner's ID number, checked before sending. */
export function LookupForm({ initial, onSubmit, busy, idPrefix }: { initial?: LookupInput; onSubmit: (input: LookupInput) => void; busy?: boolean; idPrefix: string }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(initial?.code ?? '');
  const [idNumber, setIdNumber] = useState(initial?.idNumber ?? '');
  const [errors, setErrors] = useState<{ code?: string; idNumber?: string }>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const c = code.trim().toUpperCase();
    const n = idNumber.replace(/\s/g, '');
    const next = { ...(DOSSIER_CODE.test(c) ? {} : { code: t('lookup.codeInvalid') }), ...(ID_NUMBER.test(n) ? {} : { idNumber: t('lookup.idNumberInvalid') }) };
    setErrors(next);
    if (next.code || next.idNumber) {
      document.getElementById(`${idPrefix}-${next.code ? 'code' : 'id'}`)?.focus();
      return;
    }
    onSubmit({ code: c, idNumber: n });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          id={`${idPrefix}-code`}
          label={t('lookup.code')}
          description={t('lookup.codeHint')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={errors.code}
          autoComplete="off"
          spellCheck={false}
          required
        />
        <TextInput
          id={`${idPrefix}-id`}
          label={t('lookup.idNumber')}
          description={t('lookup.idNumberHint')}
          value={idNumber}
          onChange={(e) => setIdNumber(e.currentTarget.value)}
          error={errors.idNumber}
          inputMode="numeric"
          autoComplete="off"
          required
        />
        <Group>
          <Button type="submit" loading={busy}>
            {t('lookup.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
