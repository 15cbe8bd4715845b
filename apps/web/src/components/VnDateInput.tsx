// The date field of every form in the app (deadlines, report and inspection days, a directive's issue
// date): the value is YYYY-MM-DD, the text the user types and reads is dd/mm/yyyy.

import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core'
import { IconCalendar } from '@tabler/icons-react'
import { type ChangeEvent, lazy, Suspense, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate, parseVnDate } from '../lib/dates'

/** The calendar is fetched when it is first opened, not with every page that has a date field. */
const DatePicker = lazy(() => import('./date-picker'))

interface Props extends Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> {
  /** The day as YYYY-MM-DD, or null for none. */
  value: string | null
  /** Called with the typed or picked day, or null while the field is empty or holds no valid day. */
  onChange: (value: string | null) => void
  /** Told whether the text in the field is a day (or empty), for forms that do not submit natively. */
  onValidityChange?: (valid: boolean) => void
  clearable?: boolean
  minDate?: string
  maxDate?: string
}

/**
 * A date field in dd/mm/yyyy that reads every way people type a day (05/12/2026, 5/12/26,
 * 05-12-2026, 05.12.2026) and offers a calendar. Text that is no day is never dropped: it stays in
 * the field with an error beside it, and the input is marked invalid so the form will not submit.
 * The calendar opens only on a click and closes as soon as the user types, so it never hides the
 * rest of the form (its submit button above all).
 */
export function VnDateInput({
  value,
  onChange,
  onValidityChange,
  clearable: _clearable,
  minDate,
  maxDate,
  error,
  ...rest
}: Props) {
  const { t } = useTranslation()
  const input = useRef<HTMLInputElement>(null)
  const [text, setText] = useState(formatDate(value))
  const [opened, setOpened] = useState(false)
  const [touched, setTouched] = useState(false)
  const parsed = parseVnDate(text)
  const outOfRange = !!parsed && ((!!minDate && parsed < minDate) || (!!maxDate && parsed > maxDate))
  const invalid = text.trim() !== '' && (parsed === null || outOfRange)
  const message = invalid ? t('common.invalidDate') : ''

  // A value set from outside (a reset, a proposal) replaces the text unless the text already says it
  // (an invalid text and no value agree: the text stays, with its error).
  useEffect(() => {
    setText((current) => (parseVnDate(current) === value ? current : formatDate(value)))
  }, [value])

  useEffect(() => {
    input.current?.setCustomValidity(message)
    onValidityChange?.(!invalid)
  }, [message, invalid, onValidityChange])

  const type = (e: ChangeEvent<HTMLInputElement>) => {
    const next = e.currentTarget.value
    setText(next)
    setOpened(false)
    const day = parseVnDate(next)
    onChange(next.trim() === '' ? null : day)
  }

  const pick = (day: string | null) => {
    setText(formatDate(day))
    setTouched(false)
    setOpened(false)
    onChange(day)
  }

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" trapFocus={false} withinPortal shadow="md">
      <Popover.Target>
        <TextInput
          ref={input}
          inputMode="numeric"
          autoComplete="off"
          placeholder="dd/mm/yyyy"
          {...rest}
          value={text}
          onChange={type}
          onClick={() => setOpened(true)}
          onBlur={() => {
            setTouched(true)
            setOpened(false)
            if (parsed && !outOfRange) setText(formatDate(parsed))
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpened(false)
          }}
          onInvalid={() => setTouched(true)}
          error={(touched && message) || error}
          aria-invalid={invalid || undefined}
          leftSection={
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              tabIndex={-1}
              aria-label={t('common.openCalendar')}
              onClick={() => setOpened((o) => !o)}
              disabled={rest.disabled}
            >
              <IconCalendar size={16} aria-hidden />
            </ActionIcon>
          }
        />
      </Popover.Target>
      <Popover.Dropdown onMouseDown={(e) => e.preventDefault()} data-testid="date-calendar">
        <Suspense fallback={null}>
          <DatePicker
            value={parsed}
            onChange={(d) => pick(d)}
            defaultDate={parsed ?? undefined}
            minDate={minDate}
            maxDate={maxDate}
            allowDeselect={false}
          />
        </Suspense>
      </Popover.Dropdown>
    </Popover>
  )
}
