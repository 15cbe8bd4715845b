// The login page (/login): email and password, the refusal said plainly (wrong credentials, too many tries,
// no network), then on to where the user was heading; the language switch and the public duty page's link.

import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { getRouteApi, Link, useRouter } from '@tanstack/react-router'
import { type FormEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../auth/auth'
import { LanguageSwitch } from '../components/LanguageSwitch'
import { ApiError } from '../lib/api'

const route = getRouteApi('/login')

export function LoginPage() {
  const { t } = useTranslation()
  const { user, login } = useAuth()
  const { redirect } = route.useSearch()
  const router = useRouter()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  // Logged in (now or already): go where the user was heading.
  useEffect(() => {
    if (user) router.history.replace(redirect ?? '/')
  }, [user, redirect, router])
  if (user) return null

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await login(email.trim(), password)
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) setError(t('login.throttled'))
      else if (err instanceof ApiError && (err.status === 401 || err.status === 400)) setError(t('login.failed'))
      else if (err instanceof ApiError && err.status === 0) setError(t('common.networkError'))
      else setError(err instanceof Error ? err.message : t('common.error'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Box mih="100dvh" bg="gray.1" style={{ borderTop: '4px solid var(--mantine-color-red-8)' }}>
      <Group justify="flex-end" p="xs">
        <LanguageSwitch />
      </Group>
      <Center px="md" pb="xl">
        <Paper component="main" withBorder shadow="sm" radius="md" p={{ base: 'lg', sm: 'xl' }} w="100%" maw={420}>
          <Stack gap="md">
            <Stack gap={4} align="center">
              <Text c="red.8" fz={36} fw={900} lh={1} aria-hidden>
                ★
              </Text>
              <Title order={1} fz={24} ta="center">
                {t('app.name')}
              </Title>
              <Text c="dimmed" size="sm" ta="center">
                {t('login.subtitle')}
              </Text>
            </Stack>
            <form onSubmit={submit} aria-label={t('login.title')}>
              <Stack gap="sm">
                <Title order={2} fz="lg">
                  {t('login.title')}
                </Title>
                <TextInput
                  label={t('login.email')}
                  placeholder={t('login.emailPlaceholder')}
                  type="email"
                  name="email"
                  autoComplete="username"
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                  required
                  autoFocus
                  size="md"
                />
                <PasswordInput
                  label={t('login.password')}
                  name="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  required
                  size="md"
                />
                {error && (
                  <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
                    {error}
                  </Alert>
                )}
                <Button type="submit" size="md" loading={busy} fullWidth>
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
            <Anchor component={Link} to="/duty" size="sm" ta="center">
              {t('accountability.duty.link')}
            </Anchor>
          </Stack>
        </Paper>
      </Center>
    </Box>
  )
}
