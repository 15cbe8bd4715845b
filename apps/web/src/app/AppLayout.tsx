// The shell every logged-in screen renders in: header (search, live dot, bell, language, account menu with
// logout), the navigation by role, and what runs while a user is in: live events, the outbox's sending, the
// offline bar.

import {
  AppShell,
  Avatar,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import {
  IconBell,
  IconBuildingCommunity,
  IconBulb,
  IconChartBar,
  IconChecklist,
  IconChevronDown,
  IconFileReport,
  IconFileText,
  IconLayoutKanban,
  IconLogout,
  IconPresentation,
  IconSettings,
  IconSitemap,
} from '@tabler/icons-react'
import { Link, Navigate, Outlet, useRouterState } from '@tanstack/react-router'
import { type ReactNode, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { UserContext, useAuth } from '../auth/auth'
import { GlobalSearch } from '../components/GlobalSearch'
import { LanguageSwitch } from '../components/LanguageSwitch'
import { LiveIndicator } from '../components/LiveIndicator'
import { NotificationBell } from '../components/NotificationBell'
import { initials } from '../lib/initials'
import { LiveEvents } from '../live/LiveEvents'
import { OfflineBar } from '../offline/OfflineBar'
import { OutboxSync } from '../offline/OutboxSync'
import { pendingCount } from '../offline/outbox'

interface NavItem {
  to: string
  label: string
  icon: ReactNode
  exact?: boolean
}

/** The frame of every screen after login: header with bell and language, navigation that folds into a burger on phones. */
export function AppLayout() {
  const { t } = useTranslation()
  const { user, logout } = useAuth()
  const [opened, { toggle, close }] = useDisclosure(false)
  const pathname = useRouterState({ select: (s) => s.location.pathname })
  const lastUser = useRef(user)
  if (user) lastUser.current = user

  if (!user) return <Navigate to="/login" />

  const items: NavItem[] = [
    { to: '/', label: t('nav.myWork'), icon: <IconChecklist size={20} aria-hidden />, exact: true },
    { to: '/board', label: t('nav.board'), icon: <IconLayoutKanban size={20} aria-hidden /> },
    { to: '/directives', label: t('nav.directives'), icon: <IconFileText size={20} aria-hidden /> },
    { to: '/meetings', label: t('nav.meetings'), icon: <IconPresentation size={20} aria-hidden /> },
    { to: '/models', label: t('nav.models'), icon: <IconBulb size={20} aria-hidden /> },
    { to: '/accountability', label: t('nav.accountability'), icon: <IconChartBar size={20} aria-hidden /> },
    ...(user.roles.some((r) => r.role !== 'unit_head' && r.role !== 'unit_staff')
      ? [
          {
            to: '/accountability/city-reports',
            label: t('cityReport.title'),
            icon: <IconFileReport size={20} aria-hidden />,
          },
        ]
      : []),
    ...(user.unitId
      ? [
          {
            to: `/units/${user.unitId}`,
            label: t('nav.myUnit'),
            icon: <IconBuildingCommunity size={20} aria-hidden />,
            exact: true,
          },
        ]
      : []),
    { to: '/units', label: t('nav.units'), icon: <IconSitemap size={20} aria-hidden />, exact: true },
    { to: '/notifications', label: t('nav.notifications'), icon: <IconBell size={20} aria-hidden /> },
    ...(user.roles.some((r) => r.role === 'admin')
      ? [{ to: '/admin', label: t('nav.admin'), icon: <IconSettings size={20} aria-hidden /> }]
      : []),
  ]
  const isActive = (item: NavItem) =>
    item.exact ? pathname === item.to : pathname === item.to || pathname.startsWith(`${item.to}/`)

  // Without a user this layout renders <Navigate to="/login" />: no explicit navigation needed.
  // Logging out empties the outbox too (a shared phone): say so when updates are still waiting.
  const onLogout = (everywhere: boolean) => {
    const waiting = pendingCount(user.id)
    if (waiting > 0 && !window.confirm(t('offline.logoutLoses', { count: waiting }))) return
    return logout(everywhere)
  }

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'md' }}
    >
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <LiveEvents userId={user.id} unitId={user.unitId} />
      <OutboxSync userId={user.id} />
      <AppShell.Header style={{ borderTop: '3px solid var(--mantine-color-red-8)' }}>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('app.closeMenu') : t('app.openMenu')}
            />
            <Link to="/" style={{ textDecoration: 'none', color: 'inherit', minWidth: 0 }} onClick={close}>
              <Group gap={8} wrap="nowrap">
                <Text c="red.8" fw={900} fz="xl" aria-hidden>
                  ★
                </Text>
                {/* The product name is not a heading: each screen has its own single h1. */}
                <Text fw={700} fz={{ base: 'md', sm: 'lg' }} lineClamp={1}>
                  <Text span inherit visibleFrom="xs">
                    {t('app.name')}
                  </Text>
                  <Text span inherit hiddenFrom="xs">
                    {t('app.shortName')}
                  </Text>
                </Text>
              </Group>
            </Link>
          </Group>
          <Group gap={4} wrap="nowrap">
            <GlobalSearch />
            <LiveIndicator />
            <NotificationBell />
            <LanguageSwitch />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={t('app.account')} p={4}>
                  <Group gap={6} wrap="nowrap">
                    <Avatar color="blue" radius="xl" size="md">
                      {initials(user.fullName)}
                    </Avatar>
                    <div style={{ lineHeight: 1.1 }}>
                      <Text size="sm" fw={600} visibleFrom="md">
                        {user.fullName}
                      </Text>
                      <Text size="xs" c="dimmed" visibleFrom="md" lineClamp={1} maw={220}>
                        {user.position}
                      </Text>
                    </div>
                    <IconChevronDown size={14} aria-hidden />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  {user.fullName}
                  <VisuallyHidden>, </VisuallyHidden>
                  <Text size="xs" c="dimmed">
                    {user.position}
                  </Text>
                </Menu.Label>
                <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void onLogout(false)}>
                  {t('app.logout')}
                </Menu.Item>
                <Menu.Item onClick={() => void onLogout(true)}>{t('app.logoutAll')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('app.name')}>
        <AppShell.Section grow component={ScrollArea}>
          <nav>
            {items.map((item) => (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={item.label}
                leftSection={item.icon}
                active={isActive(item)}
                activeOptions={{ exact: !!item.exact }}
                onClick={close}
                py="sm"
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            ))}
          </nav>
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm" py="xs">
            {t('app.tagline')}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <OfflineBar userId={user.id} />
        <UserContext.Provider value={lastUser.current}>
          <Outlet />
        </UserContext.Provider>
      </AppShell.Main>
    </AppShell>
  )
}
