// The header's dot showing the live-events socket's state (connected, connecting, offline), with its
// meaning as a tooltip and a status for screen readers.

import { Box, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useLiveState } from '../live/socket'

const colours = {
  connected: 'var(--mantine-color-green-7)',
  connecting: 'var(--mantine-color-yellow-6)',
  offline: 'var(--mantine-color-gray-5)',
}

/** A dot in the header: whether changes by others arrive live. */
export function LiveIndicator() {
  const { t } = useTranslation()
  const state = useLiveState()
  const label = t(`app.live.${state}`)
  return (
    <Tooltip label={label} withArrow>
      <Box role="status" aria-label={label} data-live-state={state} p={8} style={{ display: 'inline-flex' }}>
        <Box w={10} h={10} style={{ borderRadius: '50%', background: colours[state] }} />
      </Box>
    </Tooltip>
  )
}
