// The form that assigns a new task (title, lead and supporting units, deadline, description), on the board
// and in a meeting's room; it can tie the task to a meeting, a directive or a parent task.

import { Button, Stack, Textarea, TextInput } from '@mantine/core'
import { notifications as toasts } from '@mantine/notifications'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../lib/api'
import { useCreateTask } from '../lib/mutations'
import { useUnits } from '../lib/queries'
import type { Task } from '../lib/types'
import { UnitMultiSelect, UnitSelect } from './UnitSelect'
import { VnDateInput } from './VnDateInput'

interface Props {
  meetingId?: string
  directiveId?: string
  parentTaskId?: string
  defaultLeadUnitId?: string | null
  compact?: boolean
  onCreated?: (task: Task) => void
}

/** Assigns a task to a lead unit with helpers and a deadline; it shows on that unit's board at once. */
export function AssignTaskForm({ meetingId, directiveId, parentTaskId, defaultLeadUnitId, compact, onCreated }: Props) {
  const { t } = useTranslation()
  const { byId } = useUnits()
  const create = useCreateTask()
  const [title, setTitle] = useState('')
  const [leadUnitId, setLeadUnitId] = useState<string | null>(defaultLeadUnitId ?? null)
  const [supportUnitIds, setSupportUnitIds] = useState<string[]>([])
  const [dueAt, setDueAt] = useState<string | null>(null)
  const [description, setDescription] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!title.trim() || !leadUnitId) {
      setProblem(t('assign.required'))
      return
    }
    setProblem(null)
    try {
      const task = await create.mutateAsync({
        title: title.trim(),
        leadUnitId,
        supportUnitIds: supportUnitIds.filter((u) => u !== leadUnitId),
        dueAt: dueAt ?? undefined,
        description: description.trim() || undefined,
        meetingId,
        directiveId,
        parentTaskId,
      })
      toasts.show({ color: 'green', message: t('assign.created', { unit: byId.get(task.leadUnitId)?.name ?? '' }) })
      setTitle('')
      setSupportUnitIds([])
      setDescription('')
      onCreated?.(task)
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : String(err))
    }
  }

  return (
    <form onSubmit={submit} aria-label={t('assign.title')} data-testid="assign-task-form">
      <Stack gap="sm">
        <Textarea
          label={t('assign.taskTitle')}
          placeholder={t('assign.taskTitlePlaceholder')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          autosize
          minRows={2}
          required
        />
        <UnitSelect
          label={t('assign.leadUnit')}
          placeholder={t('assign.leadUnitPlaceholder')}
          value={leadUnitId}
          onChange={setLeadUnitId}
          required
        />
        {!compact && (
          <UnitMultiSelect
            label={t('assign.supportUnits')}
            placeholder={t('assign.leadUnitPlaceholder')}
            value={supportUnitIds}
            onChange={setSupportUnitIds}
          />
        )}
        <VnDateInput
          label={t('assign.dueAt')}
          placeholder={t('assign.dueAtPlaceholder')}
          value={dueAt}
          onChange={setDueAt}
        />
        {!compact && (
          <TextInput
            label={t('assign.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
        )}
        {problem && (
          <div role="alert" style={{ color: 'var(--mantine-color-red-9)', fontSize: 14 }}>
            {problem}
          </div>
        )}
        <Button type="submit" loading={create.isPending}>
          {t('assign.submit')}
        </Button>
      </Stack>
    </form>
  )
}
