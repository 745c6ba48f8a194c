import { Anchor, Container, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

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
