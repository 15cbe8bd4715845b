// Finds the units a directive's text names (folded, alias-aware, group phrases expanded), on the
// tree of a given day: a name of a unit no longer in force that day is flagged, not matched.
import { foldChars, foldVietnamese } from './text-fold'

export type UnitKind = 'city' | 'district' | 'commune' | 'village' | 'sector' | 'body'

/** A unit of the directory as the matcher needs it. */
export interface UnitRef {
  id: string
  name: string
  kind: UnitKind
  code: string
  parentId: string | null
  /** Other names people write: "Ngành Y tế", "VPTU". */
  aliases?: string[]
  /** In force from/to (YYYY-MM-DD, inclusive); without them, always. */
  validFrom?: string
  validTo?: string | null
}

/** A place in a text naming one unit, or a group phrase standing for several ("các quận, huyện, thị xã"). */
export interface UnitMention {
  start: number
  end: number
  unitIds: string[]
  group: boolean
  /** A name of a unit not in force on the matcher's day (abolished or not yet formed): flagged, for the office to check. */
  ceased?: boolean
}

/** Whether a unit is in force on a day; a unit without dates always is. */
export function inForce(u: { validFrom?: string; validTo?: string | null }, day: string | undefined): boolean {
  return !day || ((!u.validFrom || u.validFrom <= day) && (!u.validTo || u.validTo >= day))
}

// Abbreviations written either way in directives; a name is matched in all its spellings.
const SYNONYMS: [string, string][] = [
  ['uy ban nhan dan', 'ubnd'],
  ['hoi dong nhan dan', 'hdnd'],
  ['uy ban mat tran to quoc viet nam', 'mttq'],
  ['uy ban mat tran to quoc', 'mttq'],
  ['mat tran to quoc viet nam', 'mttq'],
  ['mat tran to quoc', 'mttq'],
  ['uy ban mttq', 'mttq'],
  ['thanh pho', 'tp'],
  ['van phong thanh uy', 'vptu'],
]
const MAX_VARIANTS = 32

const TYPE_PREFIX = /^(quan|huyen|thi xa|phuong|xa|thi tran|thon|lang|to dan pho|khu dan cu)\s+/
const KIND_RANK: Record<UnitKind, number> = { city: 0, sector: 1, body: 1, district: 2, commune: 3, village: 4 }

// Group phrases. District level: "các quận, huyện, thị xã", "các quận ủy, huyện ủy, thị ủy", "các cấp ủy
// quận, huyện", "30 quận, huyện, thị xã", "cấp huyện". Commune level: "các xã, phường, thị trấn",
// "các đảng ủy phường", "cấp xã". Sectors: "các sở, ban, ngành".
const SEP = String.raw`(?:\s*,\s*|\s+va\s+)`
const DISTRICT_ITEM = String.raw`(?:quan\s+uy|huyen\s+uy|thi\s+uy|thi\s+xa|quan|huyen)`
const COMMUNE_ITEM = String.raw`(?:thi\s+tran|phuong|xa(?!\s+hoi))`
const B = String.raw`(?<![\p{L}\d])`
const E = String.raw`(?![\p{L}\d])`
const GROUPS: { pattern: RegExp; kind: UnitKind }[] = [
  {
    pattern: new RegExp(
      String.raw`${B}(?:(?:cac|\d{1,3})\s+(?:cap\s+uy\s+)?${DISTRICT_ITEM}(?:${SEP}${DISTRICT_ITEM})*|cap\s+huyen)${E}`,
      'gu',
    ),
    kind: 'district',
  },
  {
    pattern: new RegExp(
      String.raw`${B}(?:(?:cac|\d{1,3})\s+(?:(?:dang|cap)\s+uy\s+)?${COMMUNE_ITEM}(?:${SEP}${COMMUNE_ITEM})*|cap\s+xa(?!\s+hoi))${E}`,
      'gu',
    ),
    kind: 'commune',
  },
  { pattern: new RegExp(String.raw`${B}cac\s+so\s*,\s*(?:ban\s*,\s*)?nganh${E}`, 'gu'), kind: 'sector' },
]

/** Every spelling of a name: abbreviations expanded and contracted, "Sở X" also as "ngành X". */
export function nameVariants(folded: string): string[] {
  const seen = new Set([folded])
  const queue = [folded]
  while (queue.length > 0 && seen.size < MAX_VARIANTS) {
    const v = queue.shift()!
    const next: string[] = []
    for (const [long, short] of SYNONYMS) {
      next.push(replaceWords(v, long, short), replaceWords(v, short, long))
    }
    if (v.startsWith('so ')) next.push(`nganh ${v.slice(3)}`)
    for (const n of next) {
      if (!seen.has(n)) {
        seen.add(n)
        queue.push(n)
      }
    }
  }
  return [...seen]
}

function replaceWords(s: string, from: string, to: string): string {
  return s.replace(new RegExp(String.raw`(?<![\p{L}\d])${from}(?![\p{L}\d])`, 'gu'), to)
}

/** The names a unit is found by: its name and aliases in every spelling; a district also by its bare name. */
function unitKeys(unit: UnitRef): string[] {
  const names = [unit.name, ...(unit.aliases ?? [])].map(foldVietnamese).filter(Boolean)
  // A bare commune name ("Quảng An") is too often a street or a person; districts are written bare.
  if (unit.kind === 'district') {
    for (const n of [...names]) {
      const bare = n.replace(TYPE_PREFIX, '')
      if (bare !== n && /\p{L}{2}/u.test(bare)) names.push(bare)
    }
  }
  return names.flatMap(nameVariants)
}

/** One spelling of spaces and hyphens, so "Lao động - Thương binh" and "Lao động-Thương binh" meet. */
function normalizeKey(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/\s*-\s*/g, '-')
}

/** A key as a regular expression that lets any run of spaces stand for one. */
function toPattern(key: string): string {
  return key
    .split(' ')
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/-/g, String.raw`\s*-\s*`))
    .join(String.raw`\s+`)
}

/**
 * Builds a matcher over a unit directory. It finds units named in a text by folded, alias-aware
 * matching (longest name first), and group phrases that stand for every unit of a level. Mentions
 * come back in text order, with offsets into the text as given.
 *
 * With `on` (YYYY-MM-DD) it reads the text on that day's tree: a group phrase stands for the units of
 * that level in force that day ("các xã, phường" in 2026: the 126 of the 2025 reform), a name is
 * taken as the unit in force that day, and a name only a unit out of force carries ("Quận Tây Hồ" in
 * 2026) comes back flagged `ceased`.
 */
export function createUnitMatcher(units: UnitRef[], opts: { on?: string } = {}): (text: string) => UnitMention[] {
  const byKey = new Map<string, UnitRef[]>()
  for (const unit of units) {
    for (const key of unitKeys(unit).map(normalizeKey)) {
      const list = byKey.get(key) ?? []
      if (!list.includes(unit)) list.push(unit)
      byKey.set(key, list)
    }
  }
  const keys = [...byKey.keys()].sort((a, b) => b.length - a.length)
  const names = keys.length > 0 ? new RegExp(`${B}(?:${keys.map(toPattern).join('|')})${E}`, 'gu') : null
  const live = (u: UnitRef) => inForce(u, opts.on)
  const idsOfKind = (kind: UnitKind) => units.filter((u) => u.kind === kind && live(u)).map((u) => u.id)

  return (text: string) => {
    const folded = foldChars(text)
    const mentions: UnitMention[] = []
    for (const { pattern, kind } of GROUPS) {
      for (const m of folded.matchAll(pattern)) {
        const ids = idsOfKind(kind)
        if (ids.length > 0) mentions.push({ start: m.index, end: m.index + m[0].length, unitIds: ids, group: true })
      }
    }
    if (names) {
      for (const m of folded.matchAll(names)) {
        const start = m.index
        const end = start + m[0].length
        if (mentions.some((g) => g.group && start < g.end && end > g.start)) continue
        const candidates = byKey.get(normalizeKey(m[0])) ?? []
        const inForceNow = candidates.filter(live)
        const before = folded.slice(Math.max(0, start - 16), start)
        const unit = pickUnit(inForceNow.length > 0 ? inForceNow : candidates, before)
        if (unit)
          mentions.push({ start, end, unitIds: [unit.id], group: false, ...(live(unit) ? {} : { ceased: true }) })
      }
    }
    return mentions.sort((a, b) => a.start - b.start)
  }
}

/**
 * One unit for a name several units share: the level the words before it name ("phường Sóc Sơn"),
 * else the higher level ("Sóc Sơn" is the district, not its township); a true tie is left unmatched.
 */
function pickUnit(candidates: UnitRef[], before: string): UnitRef | null {
  if (candidates.length <= 1) return candidates[0] ?? null
  let pool = candidates
  if (/(?:phuong|xa|thi tran)\s*$/.test(before)) pool = candidates.filter((u) => u.kind === 'commune')
  else if (/(?:quan|huyen|thi xa|quan uy|huyen uy|thi uy)\s*$/.test(before)) {
    pool = candidates.filter((u) => u.kind === 'district')
  }
  if (pool.length === 0) pool = candidates
  const best = Math.min(...pool.map((u) => KIND_RANK[u.kind]))
  const top = pool.filter((u) => KIND_RANK[u.kind] === best)
  return top.length === 1 ? top[0]! : null
}
