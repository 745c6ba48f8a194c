import { Alert, Anchor, Badge, Breadcrumbs, Button, Container, Grid, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { DocumentsSection, FeesSection } from '../components/ProcedureSections';
import { ErrorAlert, Loading } from '../components/Status';
import { currentLang } from '../i18n';
import { ONLINE_COLOR } from '../theme';
import { agencyTypeName, describeDeadline, readConditional, readDocument, readFee, readLegal } from '../lib/catalog-view';
import { formatDate } from '../lib/format';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500}>
        {children}
      </Text>
    </div>
  );
}

/** A published procedure: documents with templates, fees, time limit, agency, online level. */
export function ProcedurePage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const { code = '' } = useParams();
  const { me } = useSession();
  const query = useQuery({
    queryKey: ['public', 'procedure', code],
    queryFn: () => unwrap(api.GET('/api/v1/public/procedures/{code}', { params: { path: { code } } })),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });

  if (query.isPending) return <Loading />;
  if (query.isError) {
    const notFound = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return (
      <Container size="lg">
        {notFound ? (
          <Alert color="gray.8" variant="outline" title={t('notFound.title')} role="alert">
            <Text>{t('procedure.notFound', { code })}</Text>
            <Anchor component={Link} to="/" mt="sm" display="inline-block">
              {t('common.backHome')}
            </Anchor>
          </Alert>
        ) : (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        )}
      </Container>
    );
  }

  const p = query.data;
  const documents = p.documents.flatMap((d, i) => readDocument(d, i) ?? []);
  const fees = p.fees.flatMap((f, i) => readFee(f, i, t) ?? []);
  const legal = p.legalBasis.flatMap((l) => readLegal(l) ?? []);
  const conditional = (p.conditionalDeadlines ?? []).flatMap((c) => readConditional(c, t) ?? []);
  const submitPath = `/thu-tuc/${p.code}/nop-ho-so`;

  return (
    <Container size="lg">
      <Breadcrumbs mb="md" aria-label={t('procedure.breadcrumb')} component="nav">
        <Anchor component={Link} to="/">
          {t('nav.home')}
        </Anchor>
        <Text size="sm">{p.code}</Text>
      </Breadcrumbs>
      <Title order={1} size="h2">
        {p.name[lang]}
      </Title>
      <Group gap="xs" mt="xs" mb="lg">
        <Badge variant="outline" color={ONLINE_COLOR[p.onlineLevel]} radius="sm">
          {t(`procedure.onlineLevels.${p.onlineLevel}`)}
        </Badge>
        <Badge variant="outline" color="gray.8" radius="sm">
          {p.field.name[lang]}
        </Badge>
        {p.publishedAt && (
          <Text size="sm" c="dimmed">
            {t('procedure.publishedAt', { date: formatDate(p.publishedAt) })}
          </Text>
        )}
      </Group>

      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="xl">
            <DocumentsSection documents={documents} />
            <FeesSection fees={fees} />

            {legal.length > 0 && (
              <section aria-labelledby="legal-title">
                <Title order={2} size="h3" id="legal-title" mb="sm">
                  {t('procedure.legalBasis')}
                </Title>
                <List spacing="xs" size="sm">
                  {legal.map((l) => (
                    <List.Item key={l.number}>
                      <Text span fw={600} size="sm">
                        {l.number}
                      </Text>{' '}
                      {l.title[lang]}
                      {l.articles ? ` (${l.articles})` : ''}
                    </List.Item>
                  ))}
                </List>
              </section>
            )}
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: -1, md: 1 }}>
          <Paper withBorder p="md" component="aside" aria-label={p.name[lang]}>
            <Stack gap="sm" component="dl" m={0}>
              <Fact label={t('procedure.code')}>{p.code}</Fact>
              <Fact label={t('procedure.deadline')}>{describeDeadline(p.deadline, t)}</Fact>
              {conditional.map((c) => (
                <Fact key={c.condition.vi} label={c.condition[lang]}>
                  {c.deadline}
                </Fact>
              ))}
              <Fact label={t('procedure.competentAgency')}>{agencyTypeName(p.competentAgencyType, t)}</Fact>
              <Fact label={t('procedure.receivingAgencies')}>{p.receivingAgencies.map((a) => agencyTypeName(a, t)).join('; ')}</Fact>
              <Fact label={t('procedure.level')}>{t(`procedure.levels.${p.level}`)}</Fact>
              <Fact label={t('procedure.onlineLevel')}>
                {t(`procedure.onlineLevels.${p.onlineLevel}`)}
                <Text size="xs" c="dimmed" fw={400}>
                  {t(`procedure.onlineLevelHelp.${p.onlineLevel}`)}
                </Text>
              </Fact>
              <Fact label={t('procedure.result')}>{p.result.name[lang]}</Fact>
            </Stack>
            {p.supplementRestartsClock && (
              <Text size="xs" mt="sm">
                {t('procedure.supplementRestarts')}
              </Text>
            )}
            <Button component={Link} to={me ? submitPath : `/dang-nhap?next=${encodeURIComponent(submitPath)}`} fullWidth mt="md" size="md">
              {t('procedure.submitOnline')}
            </Button>
            {!me && (
              <Text size="xs" mt={6} c="dimmed">
                {t('procedure.loginToSubmit')}
              </Text>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
    </Container>
  );
}
