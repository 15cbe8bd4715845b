/** The rows of an assignment table's Yjs document as React state, read again whenever anyone changes the document. */

import type { AssignmentRow } from '@hub/domain'
import { readRows, rowsMap } from '@hub/domain'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

export function useAssignmentRows(ydoc: Y.Doc): AssignmentRow[] {
  const [rows, setRows] = useState<AssignmentRow[]>(() => readRows(ydoc))
  useEffect(() => {
    const map = rowsMap(ydoc)
    // A row nobody changed keeps its object, so only the changed rows render again.
    const read = () =>
      setRows((before) => {
        const old = new Map(before.map((r) => [r.id, r]))
        return readRows(ydoc).map((r) => {
          const o = old.get(r.id)
          return o && JSON.stringify(o) === JSON.stringify(r) ? o : r
        })
      })
    map.observeDeep(read)
    read()
    return () => map.unobserveDeep(read)
  }, [ydoc])
  return rows
}
