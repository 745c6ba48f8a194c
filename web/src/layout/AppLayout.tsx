import { Anchor, Box, Burger, Button, Container, Drawer, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { hasRole, useLogout, useSession } from '../auth/session';
import { currentLang, setLang } from '../i18n';
import { canReadStats } from '../lib/stats';

function LanguageToggle() {
  const { t } = useTranslation();
  const next = currentLang() === 'vi' ? 'en' : 'vi';
  return (
    <Button
      variant="outline"
      color="gray.0"
      size="xs"
      lang={next}
      aria-label={t('language.switchTo')}
      onClick={() => void setLang(next)}
      styles={{ root: { color: '#fff', borderColor: 'rgba(255,255,255,0.8)' } }}
    >
      {next === 'en' ? 'English' : 'Tiếng Việt'}
    </Button>
  );
}

function AccountBox({ onDark = true }: { onDark?: boolean }) {
  const { t } = useTranslation();
  const { me, loading } = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  if (loading) return null;
  if (!me) {
    const next = location.pathname === '/dang-nhap' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return (
      <Button component={Link} to={`/dang-nhap${next}`} size="xs" color={onDark ? 'gold.5' : 'brand'} c={onDark ? 'dark.9' : 'white'}>
        {t('nav.login')}
      </Button>
    );
  }
  const roles = [...new Set(me.grants.map((g) => g.role))].map((r) => t(`roles.${r}`, { defaultValue: r })).join(', ');
  return (
    <Group gap="sm" wrap="nowrap">
      <Box ta={onDark ? 'right' : 'left'} data-testid="account">
        <Text size="sm" fw={600} lh={1.2}>
          {me.displayName}
        </Text>
        {roles && (
          <Text size="xs" lh={1.2} c={onDark ? 'gray.1' : 'dimmed'}>
            {roles}
          </Text>
        )}
      </Box>
      <Button
        size="xs"
        variant={onDark ? 'white' : 'outline'}
        color="brand.8"
        loading={logout.isPending}
        onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/') })}
      >
        {t('nav.logout')}
      </Button>
    </Group>
  );
}

function NavLinks({ onNavigate, vertical }: { onNavigate?: () => void; vertical?: boolean }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const links = [
    { to: '/', label: t('nav.home'), end: true },
    { to: '/tra-cuu', label: t('nav.lookup'), end: false },
    { to: '/cong-khai', label: t('nav.transparency'), end: false },
    ...(me && me.kind !== 'official' ? [{ to: '/ho-so-cua-toi', label: t('nav.mine'), end: false }] : []),
    ...(me?.kind === 'official' && me.grants.some((g) => ['receptionOfficer', 'specialist', 'leader', 'clerk'].includes(g.role)) ? [{ to: '/can-bo/ho-so', label: t('nav.queue'), end: false }] : []),
    ...(hasRole(me, 'receptionOfficer') ? [{ to: '/can-bo/tiep-nhan', label: t('nav.counter'), end: false }] : []),
    ...(me?.kind === 'official' && canReadStats(me.grants) ? [{ to: '/can-bo/thong-ke', label: t('nav.stats'), end: false }] : []),
    ...(hasRole(me, 'systemAdmin') ? [{ to: '/quan-tri/lich-lam-viec', label: t('nav.calendarAdmin'), end: false }] : []),
    ...(hasRole(me, 'systemAdmin') || hasRole(me, 'agencyAdmin') ? [{ to: '/quan-tri', label: t('admin.nav'), end: false }] : []),
  ];
  const Wrapper = vertical ? Stack : Group;
  return (
    <Wrapper gap={vertical ? 'sm' : 'lg'}>
      {links.map((l) => (
        <Anchor
          key={l.to}
          component={NavLink}
          to={l.to}
          end={l.end}
          onClick={onNavigate}
          underline="hover"
          fw={500}
          c={vertical ? 'dark.9' : '#fff'}
          style={({ isActive }: { isActive: boolean }) => (isActive ? { textDecoration: 'underline', textUnderlineOffset: 6 } : undefined)}
        >
          {l.label}
        </Anchor>
      ))}
    </Wrapper>
  );
}

/** The portal frame: skip link, header (name, navigation, language, account), content, footer. */
export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);

  // After a page change, move focus to the content so keyboard and screen-reader users start there.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('portal.skipToContent')}
      </a>
      <header className="portal-header">
        <Container size="lg" py="sm">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap">
              <img src="/favicon.svg" alt="" width={40} height={40} />
              <UnstyledButton component={Link} to="/">
                <Text fw={700} size="lg" lh={1.2} c="#fff" visibleFrom="sm">
                  {t('portal.name')}
                </Text>
                <Text fw={700} size="md" lh={1.2} c="#fff" hiddenFrom="sm">
                  {t('portal.shortName')}
                </Text>
              </UnstyledButton>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <LanguageToggle />
              <Box visibleFrom="sm">
                <AccountBox />
              </Box>
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" color="#fff" size="sm" aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')} />
            </Group>
          </Group>
          <Box component="nav" aria-label={t('nav.main')} mt="xs" visibleFrom="sm">
            <NavLinks />
          </Box>
        </Container>
      </header>
      <Drawer opened={opened} onClose={close} title={t('portal.shortName')} position="right" size="80%" closeButtonProps={{ 'aria-label': t('nav.closeMenu') }}>
        <Stack gap="lg">
          <Box component="nav" aria-label={t('nav.main')}>
            <NavLinks vertical onNavigate={close} />
          </Box>
          <Box pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <AccountBox onDark={false} />
          </Box>
        </Stack>
      </Drawer>
      <Box component="main" id="main" tabIndex={-1} ref={mainRef} py="lg" style={{ minHeight: '60vh' }}>
        <Outlet />
      </Box>
      <footer className="portal-footer">
        <Container size="lg" py="lg">
          <Stack gap={4}>
            <Text fw={600}>{t('footer.owner')}</Text>
            <Text size="sm">{t('footer.operator')}</Text>
            <Text size="sm">{t('footer.hotline')}</Text>
            <Group gap="md" mt="xs">
              <Anchor component={Link} to="/cong-khai" size="sm">
                {t('footer.transparency')}
              </Anchor>
              <Anchor href="/api/docs" size="sm">
                {t('footer.apiDocs')}
              </Anchor>
              <Text size="sm">{t('footer.openSource')}</Text>
            </Group>
          </Stack>
        </Container>
      </footer>
    </>
  );
}
