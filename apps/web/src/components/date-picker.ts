// Mantine's calendar as a module of its own, so VnDateInput can load it (~10 KB gzip) when the
// calendar is first opened rather than with every page that has a date field.
import { DatePicker, type DatePickerProps } from '@mantine/dates'
import type { ComponentType } from 'react'

/** The calendar picking one day (the generic component typed as VnDateInput uses it, for React.lazy). */
const OneDayPicker: ComponentType<DatePickerProps<'default'>> = DatePicker
export default OneDayPicker
