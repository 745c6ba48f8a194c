import { Alert, Anchor, Container, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

/** Online submission for a procedure: the dossier module is not there yet. */
export function SubmitPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  return (
    <Container size="sm">
      <Title order={1} size="h2" mb="md">
        {t('submit.title')}
      </Title>
      <Alert color="gray.8" variant="outline">
        <Text>{t('submit.comingSoon')}</Text>
        <Anchor component={Link} to={`/thu-tuc/${code}`} mt="sm" display="inline-block">
          {t('submit.back')}
        </Anchor>
      </Alert>
    </Container>
  );
}

/** Any address the portal does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Container size="sm">
      <Title order={1} size="h2" mb="md">
        {t('notFound.title')}
      </Title>
      <Text mb="md">{t('notFound.text')}</Text>
      <Anchor component={Link} to="/">
        {t('common.backHome')}
      </Anchor>
    </Container>
  );
}
