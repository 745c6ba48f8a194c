import { Alert, Anchor, Box, Container, Grid, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import './admin.css';
import { hasRole, useSession } from '../../auth/session';

/** The admin console's sections, in menu order (Vietnamese slugs, like the rest of the portal). */
export const ADMIN_SECTIONS = [
  { to: '/quan-tri/don-vi', key: 'units' },
  { to: '/quan-tri/bo-phan-mot-cua', key: 'desks' },
  { to: '/quan-tri/can-bo', key: 'officials' },
  { to: '/quan-tri/thu-tuc', key: 'procedures' },
  { to: '/quan-tri/quy-trinh', key: 'workflows' },
  { to: '/quan-tri/lich-lam-viec', key: 'calendar' },
  { to: '/quan-tri/nhap-du-lieu', key: 'imports' },
  { to: '/quan-tri/nhat-ky', key: 'audit' },
  { to: '/quan-tri/truy-cap-du-lieu', key: 'accessLog' },
  { to: '/quan-tri/thu-loi', key: 'deadLetters' },
] as const;

/** Who may open the console: system administrators, and agency administrators for their agencies. */
export function isAdmin(me: Parameters<typeof hasRole>[0]): boolean {
  return hasRole(me, 'systemAdmin') || hasRole(me, 'agencyAdmin');
}

function AdminMenu() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" component="nav" aria-label={t('admin.menu.label')}>
      <Stack gap={4}>
        <Anchor component={NavLink} to="/quan-tri" end fw={700} c="dark.9" className="admin-menu-link">
          {t('admin.menu.home')}
        </Anchor>
        {ADMIN_SECTIONS.map((s) => (
          <Anchor key={s.to} component={NavLink} to={s.to} c="dark.9" className="admin-menu-link">
            {t(`admin.menu.${s.key}`)}
          </Anchor>
        ))}
      </Stack>
    </Paper>
  );
}

/** A page heading with a one-line introduction, the same on every admin page. */
export function AdminTitle({ title, intro, children }: { title: string; intro?: string; children?: ReactNode }) {
  return (
    <Box mb="lg">
      <Title order={1} size="h2" mb="xs">
        {title}
      </Title>
      {intro && <Text>{intro}</Text>}
      {children}
    </Box>
  );
}

/** The console frame: the section menu on the left, the page on the right (desktop first). */
export function AdminShell() {
  const { t } = useTranslation();
  const { me } = useSession();
  if (!isAdmin(me)) {
    return (
      <Container size="sm">
        <Alert color="gray.8" variant="outline" role="alert" title={t('admin.menu.home')}>
          {t('admin.forbidden')}
        </Alert>
      </Container>
    );
  }
  return (
    <Container size="xl">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 3, lg: 2 }}>
          <AdminMenu />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9, lg: 10 }}>
          <Outlet />
        </Grid.Col>
      </Grid>
    </Container>
  );
}

/** The console's start page: one card per section with what it is for. */
export function AdminHomePage() {
  const { t } = useTranslation();
  return (
    <>
      <AdminTitle title={t('admin.home.title')} intro={t('admin.home.intro')} />
      <Box style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 16 }}>
        {ADMIN_SECTIONS.map((s) => (
          <Paper key={s.to} withBorder p="md">
            <Anchor component={NavLink} to={s.to} fw={700}>
              {t(`admin.menu.${s.key}`)}
            </Anchor>
            <Text size="sm" mt={4}>
              {t(`admin.home.about.${s.key}`)}
            </Text>
          </Paper>
        ))}
      </Box>
    </>
  );
}
