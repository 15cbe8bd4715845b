// Mantine's calendar as a module of its own, so VnDateInput can load it (~10 KB gzip) when the
// calendar is first opened rather than with every page that has a date field.
export { DatePicker as default } from '@mantine/dates'
