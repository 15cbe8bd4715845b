// A directive's life on its page: the stepper of its states, the moves this user may make (submit, return,
// issue with date, place and signer, put in force, close, replace), and the DOCX/PDF export buttons that
// the city report's page uses too.

import { Alert, Button, Card, Group, Modal, Select, Stack, Stepper, Text } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { notifications as toasts } from '@mantine/notifications'
import {
  IconArrowBackUp,
  IconCheck,
  IconFileTypeDocx,
  IconFileTypePdf,
  IconFlag,
  IconReplace,
  IconRubberStamp,
  IconSend,
} from '@tabler/icons-react'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DirectiveRights } from '../auth/document-access'
import { formatDate, vnDay } from '../lib/dates'
import { errorText } from '../lib/error-text'
import { useDirectiveTransition } from '../lib/mutations'
import { useDirectives } from '../lib/queries'
import type { Directive, DirectiveAction, DirectiveStatus } from '../lib/types'
import { TextField } from './fields'
import { ProblemAlert } from './page-parts'
import { VnDateInput } from './VnDateInput'

const stepOf: Record<DirectiveStatus, number> = {
  draft: 0,
  in_review: 1,
  issued: 2,
  in_force: 3,
  // Past the last step: every step is done.
  closed: 5,
  replaced: 5,
}

/** Which moves the user may make now: the same rule as the server's (status and policy). */
export function availableActions(status: DirectiveStatus, rights: DirectiveRights | null): DirectiveAction[] {
  if (!rights) return []
  const out: DirectiveAction[] = []
  if (status === 'draft' && rights.edit) out.push('submit')
  if (status === 'in_review' && rights.issue) out.push('issue', 'return')
  if (status === 'issued' && rights.issue) out.push('put_in_force')
  if ((status === 'issued' || status === 'in_force') && rights.issue) out.push('close', 'replace')
  return out
}

const actionIcon: Record<DirectiveAction, React.ReactNode> = {
  submit: <IconSend size={16} aria-hidden />,
  return: <IconArrowBackUp size={16} aria-hidden />,
  issue: <IconRubberStamp size={16} aria-hidden />,
  put_in_force: <IconCheck size={16} aria-hidden />,
  close: <IconFlag size={16} aria-hidden />,
  replace: <IconReplace size={16} aria-hidden />,
}

/** The date, place and signing block fixed on issue, prefilled from the directive. */
function IssueForm({
  directive: d,
  busy,
  onIssue,
}: {
  directive: Directive
  busy: boolean
  onIssue: (input: { issuedAt: string; place: string; signer: Directive['signer'] }) => void
}) {
  const { t } = useTranslation()
  // A document that carries its own number is registered with its own date; a new one is issued today.
  const [issuedAt, setIssuedAt] = useState<string | null>(d.number && d.issuedAt ? d.issuedAt : vnDay())
  const [place, setPlace] = useState(d.place)
  const [onBehalfOf, setOnBehalfOf] = useState(d.signer?.onBehalfOf ?? '')
  const [title, setTitle] = useState(d.signer?.title ?? '')
  const [name, setName] = useState(d.signer?.name ?? '')
  const [problem, setProblem] = useState(false)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!issuedAt || !place.trim() || !title.trim() || !name.trim()) {
      setProblem(true)
      return
    }
    onIssue({
      issuedAt,
      place: place.trim(),
      signer: { onBehalfOf: onBehalfOf.trim(), title: title.trim(), name: name.trim() },
    })
  }
  return (
    <form onSubmit={submit} data-testid="issue-form">
      <Stack gap="sm">
        <Alert variant="light" color={d.number ? 'blue' : 'gray'}>
          {d.number ? t('lifecycle.numberKept', { number: d.number }) : t('lifecycle.numberNext')}
        </Alert>
        <VnDateInput
          label={t('lifecycle.issueDate')}
          value={issuedAt}
          onChange={setIssuedAt}
          clearable={false}
          required
        />
        <TextField label={t('lifecycle.issuePlace')} value={place} onText={setPlace} required />
        <TextField
          label={t('lifecycle.signerOnBehalfOf')}
          placeholder={t('lifecycle.signerOnBehalfOfPlaceholder')}
          value={onBehalfOf}
          onText={setOnBehalfOf}
        />
        <TextField
          label={t('lifecycle.signerTitle')}
          placeholder={t('lifecycle.signerTitlePlaceholder')}
          value={title}
          onText={setTitle}
          required
        />
        <TextField label={t('lifecycle.signerName')} value={name} onText={setName} required />
        <Text size="sm" c="dimmed">
          {t('lifecycle.issueFreezes')}
        </Text>
        {problem && (
          <Text c="red.9" size="sm" role="alert">
            {t('lifecycle.issueRequired')}
          </Text>
        )}
        <Button type="submit" loading={busy} leftSection={actionIcon.issue} color="red.9">
          {t('lifecycle.actions.issue')}
        </Button>
      </Stack>
    </form>
  )
}

/** Picks the directive that replaces this one. */
function ReplaceForm({
  directive: d,
  busy,
  onReplace,
}: {
  directive: Directive
  busy: boolean
  onReplace: (replacedById: string) => void
}) {
  const { t } = useTranslation()
  const { data } = useDirectives()
  const [by, setBy] = useState<string | null>(null)
  const candidates = (data ?? []).filter((x) => x.id !== d.id && (x.status === 'issued' || x.status === 'in_force'))
  return (
    <Stack gap="sm">
      <Select
        label={t('lifecycle.replacedBy')}
        placeholder={t('lifecycle.replacedByPlaceholder')}
        searchable
        value={by}
        onChange={setBy}
        data={candidates.map((x) => ({
          value: x.id,
          label: `${x.number ?? t('directives.noNumber')} · ${t(`directiveKind.${x.kind}`)} ${x.title}`,
        }))}
        comboboxProps={{ withinPortal: true }}
      />
      <Button disabled={!by} loading={busy} onClick={() => by && onReplace(by)} leftSection={actionIcon.replace}>
        {t('lifecycle.actions.replace')}
      </Button>
    </Stack>
  )
}

const exportFormats = [
  { format: 'docx', Icon: IconFileTypeDocx },
  { format: 'pdf', Icon: IconFileTypePdf },
] as const

/** "Tải DOCX", "Tải PDF": the formal layout (a directive's, the city report's), downloaded from its export route. */
export function ExportButtons({ href }: { href: (format: 'docx' | 'pdf') => string }) {
  const { t } = useTranslation()
  return (
    <Group gap="xs" aria-label={t('exportDoc.label')} role="group">
      {exportFormats.map(({ format, Icon }) => (
        <Button
          key={format}
          component="a"
          href={href(format)}
          download
          variant="default"
          size="sm"
          leftSection={<Icon size={16} aria-hidden />}
        >
          {t(`exportDoc.${format}`)}
        </Button>
      ))}
    </Group>
  )
}

/**
 * Where the directive stands in its life (draft → in review → issued → in force → closed or
 * replaced), the moves this user may make now, and the formal exports.
 */
export function DirectiveLifecycle({ directive: d, rights }: { directive: Directive; rights: DirectiveRights | null }) {
  const { t, i18n } = useTranslation()
  const isPhone = useMediaQuery('(max-width: 48em)')
  const move = useDirectiveTransition(d.id)
  const [dialog, setDialog] = useState<DirectiveAction | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const actions = availableActions(d.status, rights)

  const run = async (action: DirectiveAction, extra: Partial<Parameters<typeof move.mutateAsync>[0]> = {}) => {
    setProblem(null)
    try {
      const updated = await move.mutateAsync({ action, version: d.version, ...extra })
      setDialog(null)
      toasts.show({ color: 'green', message: t(`lifecycle.done.${action}`, { number: updated.number ?? '' }) })
    } catch (e) {
      setDialog(null)
      setProblem(errorText(t, e, i18n.language))
    }
  }
  /** A dialog of the lifecycle: open when `opened`, closed by its button (named for screen readers). */
  const modal = (opened: boolean, title: string) => ({
    opened,
    title,
    onClose: () => setDialog(null),
    closeButtonProps: { 'aria-label': t('common.close') },
  })
  const click = (action: DirectiveAction) => {
    if (action === 'submit' || action === 'put_in_force') void run(action)
    else setDialog(action)
  }

  const issuedOn = d.status !== 'draft' && d.status !== 'in_review' ? formatDate(d.issuedAt) : undefined
  const lastLabel =
    d.status === 'closed'
      ? t('lifecycle.steps.closed')
      : d.status === 'replaced'
        ? t('lifecycle.steps.replaced')
        : t('lifecycle.steps.ended')
  const steps = [
    { key: 'draft', label: t('lifecycle.steps.draft') },
    { key: 'in_review', label: t('lifecycle.steps.in_review') },
    { key: 'issued', label: t('lifecycle.steps.issued'), description: issuedOn },
    { key: 'in_force', label: t('lifecycle.steps.in_force') },
    { key: 'ended', label: lastLabel },
  ]

  return (
    <Card withBorder radius="md" component="section" aria-label={t('lifecycle.label')} data-testid="lifecycle">
      <Stack gap="md">
        <Stepper
          active={stepOf[d.status]}
          size="xs"
          iconSize={isPhone ? 24 : undefined}
          allowNextStepsSelect={false}
          data-status={d.status}
        >
          {steps.map((s) => (
            // On a phone five labels do not fit in a row: the steps show as dots, the current one is named below.
            <Stepper.Step
              key={s.key}
              label={isPhone ? undefined : s.label}
              aria-label={s.label}
              description={isPhone ? undefined : s.description}
            />
          ))}
        </Stepper>
        {isPhone && (
          <Text size="sm" fw={600} data-testid="lifecycle-current">
            {t('lifecycle.stepOf', {
              step: Math.min(stepOf[d.status] + 1, steps.length),
              total: steps.length,
              label: steps[Math.min(stepOf[d.status], steps.length - 1)]!.label,
            })}
          </Text>
        )}
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Group gap="xs" wrap="wrap">
            {actions.map((a) => (
              <Button
                key={a}
                data-testid={`action-${a}`}
                onClick={() => click(a)}
                loading={move.isPending && move.variables?.action === a}
                disabled={move.isPending}
                leftSection={actionIcon[a]}
                variant={a === 'return' || a === 'close' || a === 'replace' ? 'default' : 'filled'}
                color={a === 'issue' ? 'red.9' : undefined}
              >
                {t(`lifecycle.actions.${a}`)}
              </Button>
            ))}
            {d.status === 'in_review' && !rights?.issue && (
              <Text size="sm" c="dimmed">
                {t('lifecycle.waitingIssue')}
              </Text>
            )}
          </Group>
          <ExportButtons href={(format) => `/api/directives/${d.id}/export?format=${format}`} />
        </Group>
        {problem && (
          <ProblemAlert
            data-testid="lifecycle-error"
            withCloseButton
            closeButtonLabel={t('common.close')}
            onClose={() => setProblem(null)}
          >
            {problem}
          </ProblemAlert>
        )}
      </Stack>

      <Modal {...modal(dialog === 'issue', t('lifecycle.issueTitle'))} fullScreen={!!isPhone}>
        {dialog === 'issue' && (
          <IssueForm directive={d} busy={move.isPending} onIssue={(input) => void run('issue', input)} />
        )}
      </Modal>
      <Modal {...modal(dialog === 'replace', t('lifecycle.replaceTitle'))} fullScreen={!!isPhone}>
        {dialog === 'replace' && (
          <ReplaceForm
            directive={d}
            busy={move.isPending}
            onReplace={(id) => void run('replace', { replacedById: id })}
          />
        )}
      </Modal>
      <Modal {...modal(dialog === 'return' || dialog === 'close', dialog ? t(`lifecycle.actions.${dialog}`) : '')}>
        <Stack gap="md">
          <Text size="sm">{dialog === 'close' ? t('lifecycle.confirmClose') : t('lifecycle.confirmReturn')}</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('common.cancel')}
            </Button>
            <Button loading={move.isPending} onClick={() => dialog && void run(dialog)}>
              {t('lifecycle.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  )
}
