// A striped table that scrolls sideways on a narrow screen: its header row and its body rows, the
// frame every list table of the app shares.
import { Table, type TableProps } from '@mantine/core'
import type { ReactNode } from 'react'

export function DataTable({
  minWidth,
  head,
  children,
  ...props
}: Omit<TableProps, 'children'> & {
  /** Below this width (px) the table scrolls instead of squeezing its columns. */
  minWidth: number
  /** The header cells. */
  head: ReactNode
  /** The body rows. */
  children: ReactNode
  'data-testid'?: string
}) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped {...props}>
        <Table.Thead>
          <Table.Tr>{head}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
