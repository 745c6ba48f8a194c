import { Box, Button, Container, Grid, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { LookupForm } from '../components/LookupForm';
import { ProcedureList } from '../components/ProcedureList';
import { ErrorAlert, Loading } from '../components/Status';

const PAGE = 20;
const POPULAR = 8;

function useProcedureSearch(q: string) {
  return useInfiniteQuery({
    queryKey: ['public', 'procedures', q],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/public/procedures', { params: { query: { ...(q ? { q } : {}), limit: q ? PAGE : POPULAR, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: '',
    getNextPageParam: (last) => (q ? (last.nextCursor ?? undefined) : undefined),
  });
}

/** Home: search the catalogue (diacritics optional), popular procedures, dossier lookup. */
export function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const search = useProcedureSearch(q);
  const items = search.data?.pages.flatMap((p) => p.items) ?? [];

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = text.trim();
    setParams(next ? { q: next } : {});
  }

  return (
    <>
      <Box className="hero" mt="-lg" mb="lg" py="xl">
        <Container size="lg">
          <Title order={1} size="h2" mb={4}>
            {t('home.heroTitle')}
          </Title>
          <Text mb="md">{t('portal.tagline')}</Text>
          <form onSubmit={submit} role="search">
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                id="procedure-search"
                style={{ flex: '1 1 280px' }}
                size="md"
                label={t('home.searchLabel')}
                description={t('home.searchHint')}
                placeholder={t('home.searchPlaceholder')}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                type="search"
              />
              <Button type="submit" size="md">
                {t('home.searchButton')}
              </Button>
            </Group>
          </form>
        </Container>
      </Box>
      <Container size="lg">
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <section aria-labelledby="procedures-title">
              <Title order={2} size="h3" id="procedures-title" mb="sm">
                {q ? t('home.resultsTitle', { q }) : t('home.popularTitle')}
              </Title>
              {search.isPending ? (
                <Loading />
              ) : !search.data ? (
                <ErrorAlert error={search.error} onRetry={() => void search.refetch()} />
              ) : items.length === 0 ? (
                <Text role="status">{t('home.noResults')}</Text>
              ) : (
                <Stack gap="sm">
                  {q && (
                    <Text size="sm" c="dimmed" role="status">
                      {t('home.resultsCount', { count: items.length })}
                      {search.hasNextPage ? '+' : ''}
                    </Text>
                  )}
                  <ProcedureList items={items} />
                  {search.hasNextPage && (
                    <Group justify="center">
                      <Button variant="outline" loading={search.isFetchingNextPage} onClick={() => void search.fetchNextPage()}>
                        {t('home.more')}
                      </Button>
                    </Group>
                  )}
                  {search.isError && <ErrorAlert error={search.error} onRetry={() => void search.fetchNextPage()} />}
                </Stack>
              )}
            </section>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Paper withBorder p="md" component="section" aria-labelledby="lookup-title">
              <Title order={2} size="h3" id="lookup-title" mb={4}>
                {t('home.lookupTitle')}
              </Title>
              <Text size="sm" mb="sm">
                {t('home.lookupIntro')}
              </Text>
              {/* The ID number travels in navigation state, not in the address, to keep it out of history and logs. */}
              <LookupForm idPrefix="home-lookup" onSubmit={(input) => void navigate('/tra-cuu', { state: input })} />
            </Paper>
          </Grid.Col>
        </Grid>
      </Container>
    </>
  );
}
