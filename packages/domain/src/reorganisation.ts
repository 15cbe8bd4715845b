// A reorganisation of the unit tree read from a file (the new units, each with its predecessors
// whole or in part, and the day it takes effect), checked against the tree before it takes effect.
import { z } from 'zod'
import { addDays } from './dates'
import { foldVietnamese } from './text-fold'

const predecessorSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  district: z.string().optional(),
  part: z.enum(['whole', 'part']),
})

/** The file's format, as ../shared/data/hanoi-units-2025.json (Resolution 1656/NQ-UBTVQH15). */
export const reorganisationFileSchema = z.object({
  source: z.string().min(1),
  validFrom: z.iso.date(),
  /** The unit the new units sit under (default: the city). */
  parentCode: z.string().optional(),
  units: z
    .array(
      z.object({
        code: z.string().min(1),
        name: z.string().min(1),
        kind: z.enum(['ward', 'commune', 'township']),
        predecessors: z.array(predecessorSchema).min(1),
      }),
    )
    .min(1),
})
export type ReorganisationFile = z.infer<typeof reorganisationFileSchema>

/** A unit of the dated tree as the check needs it. */
export interface DatedUnit {
  id: string
  code: string
  name: string
  kind: string
  parentId: string | null
  validFrom: string
  validTo: string | null
}

export type SuccessionShare = 'whole' | 'part'

export interface ReorganisationPlan {
  basis: string
  effectiveOn: string
  /** The eve: the last day of the units that close. */
  closesOn: string
  parentId: string
  newUnits: { code: string; name: string; shortName: string; typeLabel: string; kind: 'commune'; sortOrder: number }[]
  /** Units that close on the eve: the predecessors and the districts they empty. */
  closingIds: string[]
  links: { predecessorId: string; successorCode: string; share: SuccessionShare }[]
}

const TYPE_LABEL = { ward: 'Phường', commune: 'Xã', township: 'Thị trấn' } as const

/** Whether a unit is in force on a day (YYYY-MM-DD). */
export function validOn(u: { validFrom: string; validTo: string | null }, day: string): boolean {
  return u.validFrom <= day && (!u.validTo || u.validTo >= day)
}

/**
 * Checks a reorganisation file against the tree and plans it. Every problem is reported, in
 * Vietnamese then English; a plan comes back only when there is none: new codes unique and not
 * taken, every predecessor a unit in force on the eve under the name the file gives, a unit passed
 * whole to one successor only, a split unit to two or more, and every unit that closes (a
 * predecessor, or a district all of whose units close) has a successor.
 */
export function planReorganisation(
  input: unknown,
  tree: readonly DatedUnit[],
): { plan: ReorganisationPlan | null; problems: string[] } {
  const parsed = reorganisationFileSchema.safeParse(input)
  if (!parsed.success) {
    return {
      plan: null,
      problems: parsed.error.issues.map(
        (i) =>
          `Tệp không đúng mẫu tại ${i.path.join('.') || '(gốc)'} / Malformed file at ${i.path.join('.')}: ${i.message}`,
      ),
    }
  }
  const file = parsed.data
  const effectiveOn = file.validFrom
  const closesOn = addDays(effectiveOn, -1)
  const problems: string[] = []
  const onEve = tree.filter((u) => validOn(u, closesOn))
  const eveByCode = new Map(onEve.map((u) => [u.code, u]))
  const parent = file.parentCode ? eveByCode.get(file.parentCode) : onEve.find((u) => u.kind === 'city' && !u.parentId)
  if (!parent)
    problems.push(`Không có đơn vị cấp trên ${file.parentCode ?? ''} / No parent unit ${file.parentCode ?? ''}`)

  const seen = new Set<string>()
  for (const u of file.units) {
    if (seen.has(u.code)) problems.push(`Mã ${u.code} trùng trong tệp / Code ${u.code} appears twice in the file`)
    seen.add(u.code)
  }

  const links: ReorganisationPlan['links'] = []
  const sharesOf = new Map<string, SuccessionShare[]>()
  for (const u of file.units) {
    for (const p of u.predecessors) {
      const old = eveByCode.get(p.code)
      if (!old) {
        problems.push(
          `${u.name}: đơn vị tiền thân ${p.code} (${p.name}) không có hiệu lực ngày ${closesOn} / predecessor not in force on the eve`,
        )
        continue
      }
      if (foldVietnamese(old.name) !== foldVietnamese(p.name))
        problems.push(`${u.name}: mã ${p.code} là ${old.name}, không phải ${p.name} / code names another unit`)
      links.push({ predecessorId: old.id, successorCode: u.code, share: p.part })
      sharesOf.set(old.id, [...(sharesOf.get(old.id) ?? []), p.part])
    }
  }
  const byId = new Map(tree.map((u) => [u.id, u]))
  for (const [id, shares] of sharesOf) {
    const name = byId.get(id)!.name
    if (shares.includes('whole') && shares.length > 1)
      problems.push(`${name} sáp nhập nguyên trạng nhưng có nhiều đơn vị kế thừa / whole into several successors`)
    if (!shares.includes('whole') && shares.length < 2)
      problems.push(`${name} chỉ chuyển một phần vào một đơn vị / split with only one successor`)
  }

  // Districts whose units all close close too, succeeded (in part) by their units' successors.
  const closing = new Set(sharesOf.keys())
  const parents = new Set([...closing].map((id) => byId.get(id)!.parentId).filter((p): p is string => !!p))
  for (const pid of parents) {
    const upper = byId.get(pid)!
    if (upper.kind !== 'district') continue
    const children = onEve.filter((u) => u.parentId === pid)
    const orphans = children.filter((c) => !closing.has(c.id))
    if (orphans.length > 0 && orphans.length < children.length) {
      for (const o of orphans)
        problems.push(`${o.name} (${upper.name}) không có đơn vị kế thừa / has no successor while its district closes`)
    }
    if (orphans.length > 0) continue
    closing.add(pid)
    const successors = [
      ...new Set(links.filter((l) => byId.get(l.predecessorId)!.parentId === pid).map((l) => l.successorCode)),
    ]
    for (const code of successors)
      links.push({ predecessorId: pid, successorCode: code, share: successors.length === 1 ? 'whole' : 'part' })
  }

  for (const t of tree) {
    if (seen.has(t.code) && validOn(t, effectiveOn) && !closing.has(t.id))
      problems.push(`Mã ${t.code} đã thuộc ${t.name} / Code ${t.code} is taken by a unit in force`)
  }

  if (problems.length > 0 || !parent) return { plan: null, problems }
  return {
    plan: {
      basis: file.source,
      effectiveOn,
      closesOn,
      parentId: parent.id,
      newUnits: file.units.map((u, i) => {
        const typeLabel = TYPE_LABEL[u.kind]
        return {
          code: u.code,
          name: u.name,
          shortName: u.name.startsWith(`${typeLabel} `) ? u.name.slice(typeLabel.length + 1) : u.name,
          typeLabel,
          kind: 'commune' as const,
          sortOrder: i,
        }
      }),
      closingIds: [...closing],
      links,
    },
    problems: [],
  }
}
