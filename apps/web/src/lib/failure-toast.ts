// The red toast saying why an action failed, in the UI's language: one hook for every form and
// button whose failure is shown as a toast rather than beside it.
import { notifications } from '@mantine/notifications'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { errorText } from './error-text'

/** `const failed = useFailureToast()`, then `catch (e) { failed(e) }` (the same function while the language stays). */
export function useFailureToast(): (e: unknown) => void {
  const { t, i18n } = useTranslation()
  return useCallback(
    (e: unknown) => {
      notifications.show({ color: 'red', message: errorText(t, e, i18n.language) })
    },
    [t, i18n.language],
  )
}
