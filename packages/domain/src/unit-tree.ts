// The unit tree in memory (scope checks), and through ./reorganisation how it changes over time.
export * from './reorganisation'

/** Minimal unit shape the tree needs. */
export interface UnitNode {
  id: string
  parentId: string | null
}

/** In-memory index of the unit tree, for scope checks: is a unit within another's subtree. */
export class UnitTree {
  private readonly parent = new Map<string, string | null>()
  private readonly children = new Map<string, string[]>()

  constructor(units: Iterable<UnitNode>) {
    for (const u of units) {
      this.parent.set(u.id, u.parentId)
      if (u.parentId) {
        const list = this.children.get(u.parentId) ?? []
        list.push(u.id)
        this.children.set(u.parentId, list)
      }
    }
  }

  has(id: string): boolean {
    return this.parent.has(id)
  }

  parentOf(id: string): string | null {
    return this.parent.get(id) ?? null
  }

  /** The unit itself, then its parent, up to the root. */
  lineage(id: string): string[] {
    const out: string[] = []
    let cur: string | null | undefined = id
    while (cur && !out.includes(cur)) {
      out.push(cur)
      cur = this.parent.get(cur)
    }
    return out
  }

  /** Whether `id` is `ancestorId` or lies below it. */
  isWithin(id: string, ancestorId: string): boolean {
    return this.lineage(id).includes(ancestorId)
  }

  childrenOf(id: string): string[] {
    return this.children.get(id) ?? []
  }

  /** The unit and everything below it. */
  subtree(id: string): string[] {
    const out: string[] = []
    const stack = [id]
    while (stack.length) {
      const cur = stack.pop()!
      out.push(cur)
      stack.push(...this.childrenOf(cur))
    }
    return out
  }
}
