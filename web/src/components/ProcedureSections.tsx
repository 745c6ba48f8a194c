import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../i18n';
import type { DocumentView, FeeView } from '../lib/catalog-view';
import { ScrollRegion } from './ScrollRegion';

/** The required documents: a table on wide screens, one card per document on phones. */
export function DocumentsSection({ documents }: { documents: DocumentView[] }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const status = (d: DocumentView) => `${d.mandatory ? t('common.required') : t('common.optional')}${d.note ? ` · ${d.note[lang]}` : ''}`;
  return (
    <section aria-labelledby="documents-title">
      <Title order={2} size="h3" id="documents-title" mb="sm">
        {t('procedure.documents')}
      </Title>
      <ScrollRegion labelledBy="documents-title" visibleFrom="sm">
        <Table striped withTableBorder verticalSpacing="sm" miw={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('procedure.documentName')}</Table.Th>
              <Table.Th scope="col" ta="center">
                {t('procedure.originals')}
              </Table.Th>
              <Table.Th scope="col" ta="center">
                {t('procedure.copies')}
              </Table.Th>
              <Table.Th scope="col">{t('procedure.template')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {documents.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {d.name[lang]}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {status(d)}
                  </Text>
                </Table.Td>
                <Table.Td ta="center">{d.originals}</Table.Td>
                <Table.Td ta="center">{d.copies}</Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ wordBreak: 'break-word' }}>
                    {d.templateFile ?? t('procedure.noTemplate')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      <Stack gap="xs" hiddenFrom="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {documents.map((d) => (
          <Paper key={d.id} withBorder p="sm" component="li">
            <Text size="sm" fw={600}>
              {d.name[lang]}
            </Text>
            <Text size="xs" c="dimmed">
              {status(d)}
            </Text>
            <Text size="sm" mt={4}>
              {t('procedure.originals')}: {d.originals} · {t('procedure.copies')}: {d.copies}
            </Text>
            {d.templateFile && (
              <Text size="sm" style={{ wordBreak: 'break-word' }}>
                {t('procedure.template')}: {d.templateFile}
              </Text>
            )}
          </Paper>
        ))}
      </Stack>
    </section>
  );
}

/** Fees and charges with their amounts and exemptions; cards on phones. */
export function FeesSection({ fees }: { fees: FeeView[] }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const exemptions = (f: FeeView) => f.exemptions.map((e) => e[lang]).join('; ');
  return (
    <section aria-labelledby="fees-title">
      <Title order={2} size="h3" id="fees-title" mb="sm">
        {t('procedure.fees')}
      </Title>
      {fees.length === 0 ? (
        <Text>{t('procedure.noFees')}</Text>
      ) : (
        <>
          <ScrollRegion labelledBy="fees-title" visibleFrom="sm">
            <Table withTableBorder verticalSpacing="sm" miw={480}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('procedure.feeName')}</Table.Th>
                  <Table.Th scope="col">{t('procedure.feeAmount')}</Table.Th>
                  <Table.Th scope="col">{t('procedure.feeExemptions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {fees.map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {f.name[lang]}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`procedure.feeCategory.${f.category}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {f.amount}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{exemptions(f) || '—'}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
          <Stack gap="xs" hiddenFrom="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {fees.map((f) => (
              <Paper key={f.id} withBorder p="sm" component="li">
                <Text size="sm" fw={600}>
                  {f.name[lang]} ({t(`procedure.feeCategory.${f.category}`)})
                </Text>
                <Text size="sm">
                  {t('procedure.feeAmount')}: {f.amount}
                </Text>
                {exemptions(f) && (
                  <Text size="sm">
                    {t('procedure.feeExemptions')}: {exemptions(f)}
                  </Text>
                )}
              </Paper>
            ))}
          </Stack>
        </>
      )}
    </section>
  );
}
