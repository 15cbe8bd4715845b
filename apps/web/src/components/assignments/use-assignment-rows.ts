/** The rows of an assignment table's Yjs document as React state, read again whenever anyone changes the document. */
import { readRows, rowsMap } from '@hub/domain/assignment-doc'
import type { AssignmentRow } from '@hub/domain/assignments'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

export function useAssignmentRows(ydoc: Y.Doc): AssignmentRow[] {
  const [rows, setRows] = useState<AssignmentRow[]>(() => readRows(ydoc))
  useEffect(() => {
    const map = rowsMap(ydoc)
    const read = () => setRows(readRows(ydoc))
    map.observeDeep(read)
    read()
    return () => map.unobserveDeep(read)
  }, [ydoc])
  return rows
}
