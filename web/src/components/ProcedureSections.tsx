import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../i18n';
import type { DocumentView, FeeView } from '../lib/catalog-view';
import { ScrollRegion } from './ScrollRegion';
import { TableHead } from './TableHead';

/** On phones, a table's rows as a list of cards (`ol` where the order means something). */
function CardList({ ordered = false, children }: { ordered?: boolean; children: ReactNode }) {
  return (
    <Stack gap="xs" hiddenFrom="sm" component={ordered ? 'ol' : 'ul'} p={0} m={0} style={{ listStyle: 'none' }}>
      {children}
    </Stack>
  );
}

/** One row of a card list: its name in bold, then its details. */
function RowCard({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" component="li">
      <Text size="sm" fw={600}>
        {title}
      </Text>
      {children}
    </Paper>
  );
}

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
          <TableHead
            columns={[
              { label: t('procedure.documentName') },
              { label: t('procedure.originals'), align: 'center' },
              { label: t('procedure.copies'), align: 'center' },
              { label: t('procedure.template') },
            ]}
          />
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
      <CardList ordered>
        {documents.map((d) => (
          <RowCard key={d.id} title={d.name[lang]}>
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
          </RowCard>
        ))}
      </CardList>
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
              <TableHead columns={[{ label: t('procedure.feeName') }, { label: t('procedure.feeAmount') }, { label: t('procedure.feeExemptions') }]} />
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
          <CardList>
            {fees.map((f) => (
              <RowCard key={f.id} title={`${f.name[lang]} (${t(`procedure.feeCategory.${f.category}`)})`}>
                <Text size="sm">
                  {t('procedure.feeAmount')}: {f.amount}
                </Text>
                {exemptions(f) && (
                  <Text size="sm">
                    {t('procedure.feeExemptions')}: {exemptions(f)}
                  </Text>
                )}
              </RowCard>
            ))}
          </CardList>
        </>
      )}
    </section>
  );
}
