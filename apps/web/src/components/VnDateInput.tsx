import { DateInput, type DateInputProps } from '@mantine/dates'
import { IconCalendar } from '@tabler/icons-react'
import { DATE_FORMAT, parseVnDate } from '../lib/dates'

/** A date field in dd/mm/yyyy that accepts typing as well as the calendar; its value is YYYY-MM-DD. */
export function VnDateInput(props: Omit<DateInputProps, 'valueFormat' | 'dateParser'>) {
  return (
    <DateInput
      valueFormat={DATE_FORMAT}
      dateParser={parseVnDate}
      leftSection={<IconCalendar size={16} aria-hidden />}
      clearable
      popoverProps={{ withinPortal: true }}
      {...props}
    />
  )
}
