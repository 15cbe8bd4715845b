// The text box that filters a list as one types (units, duty roster, models, sub-units): a labelled
// input with the search icon, reporting its text; sizes and widths pass through to Mantine's TextInput.
import { TextInput, type TextInputProps } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'

export function SearchField({
  onText,
  ...props
}: Omit<TextInputProps, 'onChange' | 'leftSection'> & { value: string; onText: (text: string) => void }) {
  return (
    <TextInput
      leftSection={<IconSearch size={16} aria-hidden />}
      onChange={(e) => onText(e.currentTarget.value)}
      {...props}
    />
  )
}
