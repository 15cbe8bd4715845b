/** One run of a line diff: lines both texts share, lines only the newer has, lines only the older has. */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete'
  /** The run's lines joined by "\n". */
  text: string
}

/** Beyond this many differing lines the diff stops looking for a minimal script (memory grows as its square). */
const MAX_EDIT_DISTANCE = 2000

type Op = 'equal' | 'insert' | 'delete'

/**
 * Myers' O(ND) shortest edit script over lines. Keeps each round's frontier (2d+1 numbers) to walk
 * back; returns null when the texts differ in more than MAX_EDIT_DISTANCE lines.
 */
function shortestEdit(a: readonly string[], b: readonly string[]): [Op, string][] | null {
  const n = a.length
  const m = b.length
  const max = Math.min(n + m, MAX_EDIT_DISTANCE)
  const off = max + 1
  const v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(off - d, off + d + 1))
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      v[off + k] = x
      if (x >= n && y >= m) return backtrack(a, b, trace)
    }
  }
  return null
}

function backtrack(a: readonly string[], b: readonly string[], trace: Int32Array[]): [Op, string][] {
  const ops: [Op, string][] = []
  let x = a.length
  let y = b.length
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d]!
    const k = x - y
    const at = (kk: number) => v[kk + d]!
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1
    const prevX = d === 0 ? 0 : at(prevK)
    const prevY = d === 0 ? 0 : prevX - prevK
    while (x > prevX && y > prevY) {
      ops.push(['equal', a[x - 1]!])
      x--
      y--
    }
    if (d > 0) {
      if (x === prevX) ops.push(['insert', b[y - 1]!])
      else ops.push(['delete', a[x - 1]!])
    }
    x = prevX
    y = prevY
  }
  return ops.reverse()
}

function lines(text: string): string[] {
  return text === '' ? [] : text.split('\n')
}

/** Line diff of two plain texts (an older and a newer version), as runs of equal, inserted and deleted lines. */
export function diffLines(older: string, newer: string): DiffPart[] {
  const a = lines(older)
  const b = lines(newer)
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const midA = a.slice(start, endA)
  const midB = b.slice(start, endB)
  const middle = shortestEdit(midA, midB) ?? [
    ...midA.map((l): [Op, string] => ['delete', l]),
    ...midB.map((l): [Op, string] => ['insert', l]),
  ]
  const all: [Op, string][] = [
    ...a.slice(0, start).map((l): [Op, string] => ['equal', l]),
    ...middle,
    ...a.slice(endA).map((l): [Op, string] => ['equal', l]),
  ]
  const parts: { op: Op; lines: string[] }[] = []
  for (const [op, line] of all) {
    const last = parts[parts.length - 1]
    if (last && last.op === op) last.lines.push(line)
    else parts.push({ op, lines: [line] })
  }
  return parts.map((p) => ({ op: p.op, text: p.lines.join('\n') }))
}
