// Form fields bound to a state: they hand the setter the text or the choice, not the change event
// (as SearchField does), so a form names each field's label, state and rules in one line; and a
// form's large modal.
import {
  Modal,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  type TextareaProps,
  TextInput,
  type TextInputProps,
} from '@mantine/core'
import type { ReactNode } from 'react'

type Bound<P> = Omit<P, 'value' | 'onChange'> & { value: string; onText: (text: string) => void }

/** A one-line text field. */
export function TextField({ onText, ...props }: Bound<TextInputProps>) {
  return <TextInput {...props} onChange={(e) => onText(e.currentTarget.value)} />
}

/** A text area that grows with its text, two lines high to start with. */
export function TextAreaField({ onText, ...props }: Bound<TextareaProps>) {
  return <Textarea autosize minRows={2} {...props} onChange={(e) => onText(e.currentTarget.value)} />
}

/** A choice among a few values as a segmented control, named by the label above it (for screen readers too). */
export function ChoiceField<T extends string>(props: {
  /** The label's element id. */
  id: string
  label: string
  value: T
  choices: readonly T[]
  labelOf: (choice: T) => string
  onChoose: (choice: T) => void
}) {
  return (
    <div>
      <Text size="sm" fw={500} mb={4} id={props.id}>
        {props.label}
      </Text>
      <SegmentedControl
        aria-labelledby={props.id}
        value={props.value}
        onChange={(v) => props.onChoose(v as T)}
        data={props.choices.map((c) => ({ value: c, label: props.labelOf(c) }))}
      />
    </div>
  )
}

/** A form in a large modal, its fields stacked. */
export function FormModal(props: { opened: boolean; onClose: () => void; title: string; children: ReactNode }) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} size="lg">
      <Stack gap="sm">{props.children}</Stack>
    </Modal>
  )
}
