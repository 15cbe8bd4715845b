/** What every row of the assignment table needs: the shared document, who may edit, who is on which cell, settled rows. */
import type { AssignmentField, AssignmentProblem, AssignmentRow } from '@hub/domain'
import { createContext, useContext } from 'react'
import type * as Y from 'yjs'
import type { PeerField } from '../../editor/use-collab-session'
import type { AssignmentSettledRow, Unit } from '../../lib/types'

/** The cell a person is on, published in awareness. */
export interface CellRef {
  rowId: string
  field: AssignmentField
}

export interface AssignmentContextValue {
  ydoc: Y.Doc
  canEdit: boolean
  canSettle: boolean
  user: { id: string; name: string }
  /** Others on a cell, each with the cell. */
  peers: PeerField<CellRef>[]
  /** Tells the others which cell this person is on (null when none). */
  focusCell: (cell: CellRef | null) => void
  settled: Map<string, AssignmentSettledRow>
  unitOf: (id: string) => Unit | undefined
  /** The meeting's agenda items that carry an id (a meeting's table only). */
  agenda: { id: string; ordinal: number; title: string }[] | null
  accept: (rowId: string) => void
  /** Problems the server found at the last settling (checks the browser cannot make), by row, while the row is as it was. */
  serverProblems: Map<string, { sig: string; problems: AssignmentProblem[] }>
  accepting: string | null
}

/** A row's cells as one string: a server problem stands while this is unchanged. */
export const rowSignature = (r: AssignmentRow) => JSON.stringify({ ...r, comments: null, pos: null })

export const AssignmentContext = createContext<AssignmentContextValue | null>(null)

export function useAssignmentContext(): AssignmentContextValue {
  const v = useContext(AssignmentContext)
  if (!v) throw new Error('AssignmentContext missing')
  return v
}
