// The city's report of a period: who may compose, edit and read it, and its first draft composed from
// the units' periodic reports and the measure (pure: the API loads the records, this writes the text).
import { formatVnDate } from './dates'
import type { Period } from './period'
import type { Actor, Role } from './policies'
import type { UnitTree } from './unit-tree'

/** The Party office and the standing committee compose and edit the city's report. */
const composing: ReadonlySet<Role> = new Set(['admin', 'committee_member', 'office_drafter'])

export const cityReportPolicy = {
  /**
   * `write` for the composing roles held at the city (or above), `read` for any other role held there
   * (inspectors, viewers of the city), `none` for people of districts and communes.
   */
  access(actor: Actor, tree: UnitTree, cityUnitId: string): 'write' | 'read' | 'none' {
    const atCity = actor.grants.filter((g) => tree.isWithin(cityUnitId, g.unitId))
    if (atCity.some((g) => composing.has(g.role))) return 'write'
    return atCity.length ? 'read' : 'none'
  },
}

/** A figure as a unit reports it: a number, a short text, or a number with its unit. */
export type ReportedFigure = number | string | { value: number; unit: string }

/** One unit's periodic report, as the composition reads it. */
export interface CityReportSource {
  unitId: string
  unitName: string
  /** The first day of the period the report covers (YYYY-MM-DD). */
  periodStart: string
  submittedByName: string | null
  body: string
  figures: Record<string, ReportedFigure> | null
  difficulties: string
}

/** The headline figures of the measure over the reporting units in the period. */
export interface CityMeasureRow {
  unitId: string
  score: number | null
  rating: string | null
  overdue: number
  reportsExpected: number
  reportsLate: number
  reportsMissing: number
}

export interface CityReportInput {
  period: Pick<Period, 'key' | 'from' | 'to' | 'cycle'>
  /** The units that owe a report for the period (by the report schedules). */
  expected: readonly { id: string; name: string }[]
  reports: readonly CityReportSource[]
  measure: readonly CityMeasureRow[]
}

/** A figure summed over the units: its name, its unit of measure ('' for a bare number), the total. */
export interface FigureTotal {
  name: string
  unit: string
  total: number
  /** How many units reported it. */
  units: number
}

/** A difficulty raised in the period and the units that raised it. */
export interface DifficultyGroup {
  text: string
  units: string[]
}

export interface ComposedCityReport {
  title: string
  paragraphs: string[]
  reported: string[]
  missing: string[]
  totals: FigureTotal[]
  difficulties: DifficultyGroup[]
}

const numbers = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 })
const sortVi = (a: string, b: string) => a.localeCompare(b, 'vi')

/** "ngày 28/07/2021", "tuần 30/2021 (từ 26/07/2021 đến 01/08/2021)", "tháng 7/2021". */
export function periodWords(p: CityReportInput['period']): string {
  if (p.cycle === 'daily') return `ngày ${formatVnDate(p.from)}`
  const range = `từ ${formatVnDate(p.from)} đến ${formatVnDate(p.to)}`
  if (p.cycle === 'weekly') return `tuần ${Number(p.key.slice(6))}/${p.key.slice(0, 4)} (${range})`
  if (p.cycle === 'monthly') return `tháng ${Number(p.from.slice(5, 7))}/${p.from.slice(0, 4)}`
  return range
}

/** The report's subject line: "Kết quả thực hiện nhiệm vụ tháng 7/2021". */
export function cityReportTitle(p: CityReportInput['period']): string {
  return `Kết quả thực hiện nhiệm vụ ${periodWords(p).replace(/ \(.*\)$/, '')}`
}

/** Numeric figures summed per figure name and unit of measure; texts are left to each unit's section. */
export function sumFigures(reports: readonly CityReportSource[]): FigureTotal[] {
  const totals = new Map<string, FigureTotal & { seen: Set<string> }>()
  for (const r of reports)
    for (const [name, f] of Object.entries(r.figures ?? {})) {
      const value = typeof f === 'number' ? f : typeof f === 'object' && f ? f.value : null
      if (value === null || !Number.isFinite(value)) continue
      const unit = typeof f === 'object' ? f.unit.trim() : ''
      const key = `${name.trim()}\u0000${unit}`
      const t = totals.get(key) ?? { name: name.trim(), unit, total: 0, units: 0, seen: new Set<string>() }
      t.total += value
      t.seen.add(r.unitId)
      t.units = t.seen.size
      totals.set(key, t)
    }
  return [...totals.values()]
    .map(({ seen: _, ...t }) => t)
    .sort((a, b) => sortVi(a.name, b.name) || sortVi(a.unit, b.unit))
}

/** The same difficulty (spacing, case and final stop aside) raised by several units is one item. */
export function groupDifficulties(reports: readonly CityReportSource[]): DifficultyGroup[] {
  const groups = new Map<string, DifficultyGroup>()
  for (const r of reports)
    for (const line of r.difficulties.split('\n')) {
      const text = line.replace(/\s+/g, ' ').trim()
      if (!text) continue
      const key = text.toLocaleLowerCase('vi').replace(/[.;]+$/, '')
      const g = groups.get(key) ?? { text, units: [] }
      if (!g.units.includes(r.unitName)) g.units.push(r.unitName)
      groups.set(key, g)
    }
  return [...groups.values()].sort((a, b) => b.units.length - a.units.length || sortVi(a.text, b.text))
}

/** A unit's reports in the period: identical bodies from several days read once, with their days. */
function unitSection(ordinal: number, unitName: string, reports: readonly CityReportSource[]): string[] {
  const out = [`${ordinal}. ${unitName}`]
  const bodies = new Map<string, { days: string[]; by: Set<string> }>()
  for (const r of [...reports].sort((a, b) => a.periodStart.localeCompare(b.periodStart))) {
    const body = r.body.trim()
    const b = bodies.get(body) ?? { days: [], by: new Set<string>() }
    b.days.push(formatVnDate(r.periodStart))
    if (r.submittedByName) b.by.add(r.submittedByName)
    bodies.set(body, b)
  }
  for (const [body, b] of bodies) {
    const who = b.by.size ? `, ${[...b.by].join(', ')} báo cáo` : ''
    const lines = body.split('\n').filter((l) => l.trim())
    out.push(`(Báo cáo kỳ ${b.days.join('; ')}${who}): ${lines[0] ?? ''}`, ...lines.slice(1))
  }
  // The unit's numbers summed over its reports of the period; its texts as written, once each.
  const sums = sumFigures(reports).map((t) => `${t.name}: ${numbers.format(t.total)}${t.unit ? ` ${t.unit}` : ''}`)
  const texts = reports.flatMap((r) =>
    Object.entries(r.figures ?? {}).flatMap(([n, f]) => (typeof f === 'string' ? [`${n.trim()}: ${f}`] : [])),
  )
  const figures = [...sums, ...new Set(texts)]
  if (figures.length) out.push(`Số liệu${reports.length > 1 ? ' (cộng trong kỳ)' : ''}: ${figures.join('; ')}.`)
  return out
}

function measureParagraphs(rows: readonly CityMeasureRow[]): string[] {
  const scored = rows.filter((r) => r.score !== null)
  if (!rows.length) return ['Chưa có số liệu thước đo của các đơn vị trong kỳ.']
  const out: string[] = []
  if (scored.length) {
    const mean = scored.reduce((n, r) => n + r.score!, 0) / scored.length
    out.push(`Điểm thước đo bình quân của ${scored.length} đơn vị: ${numbers.format(Math.round(mean * 10) / 10)}.`)
    const ratings = new Map<string, number>()
    for (const r of scored) if (r.rating) ratings.set(r.rating, (ratings.get(r.rating) ?? 0) + 1)
    for (const [rating, n] of ratings) out.push(`- ${rating}: ${n} đơn vị.`)
  }
  const expected = rows.reduce((n, r) => n + r.reportsExpected, 0)
  const late = rows.reduce((n, r) => n + r.reportsLate, 0)
  const missing = rows.reduce((n, r) => n + r.reportsMissing, 0)
  if (expected)
    out.push(
      `Báo cáo định kỳ: ${numbers.format(expected - late - missing)}/${numbers.format(expected)} báo cáo đúng hạn, ${numbers.format(late)} chậm, ${numbers.format(missing)} chưa gửi.`,
    )
  out.push(`Nhiệm vụ quá hạn chưa hoàn thành: ${numbers.format(rows.reduce((n, r) => n + r.overdue, 0))}.`)
  return out
}

/** Units that reported in the period but sent fewer reports than they owed (a week of daily reports). */
function shortfall(input: CityReportInput, byUnit: ReadonlyMap<string, { name: string }>): string[] {
  const short = input.measure
    .filter((m) => m.reportsMissing > 0 && byUnit.has(m.unitId))
    .map((m) => ({ name: byUnit.get(m.unitId)!.name, n: m.reportsMissing }))
    .sort((a, b) => b.n - a.n || sortVi(a.name, b.name))
  if (!short.length) return []
  return [`Còn thiếu báo cáo trong kỳ: ${short.map((u) => `${u.name} (thiếu ${u.n})`).join(', ')}.`]
}

/**
 * The first draft of the city's report for a period, from the records alone (nobody types twice):
 * which units reported and which did not, each unit's report attributed, the figures summed per
 * name and unit of measure, the difficulties grouped, and the measure's headline figures. The office
 * edits it from there; section VI is left for them to write.
 */
export function composeCityReport(input: CityReportInput): ComposedCityReport {
  const byUnit = new Map<string, { name: string; reports: CityReportSource[] }>()
  for (const r of input.reports) {
    const u = byUnit.get(r.unitId) ?? { name: r.unitName, reports: [] }
    u.reports.push(r)
    byUnit.set(r.unitId, u)
  }
  const reported = [...byUnit.values()].map((u) => u.name).sort(sortVi)
  const missing = input.expected
    .filter((u) => !byUnit.has(u.id))
    .map((u) => u.name)
    .sort(sortVi)
  const owed = new Set([...input.expected.map((u) => u.id), ...byUnit.keys()]).size
  const totals = sumFigures(input.reports)
  const difficulties = groupDifficulties(input.reports)
  const when = periodWords(input.period)
  const paragraphs: string[] = [
    `Thực hiện chế độ báo cáo định kỳ, Văn phòng Thành ủy tổng hợp kết quả thực hiện nhiệm vụ ${when} từ báo cáo của các đơn vị như sau:`,
    'I. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ',
    `Đã báo cáo: ${reported.length}/${owed} đơn vị${reported.length ? `: ${reported.join(', ')}` : ''}.`,
    missing.length ? `Chưa báo cáo: ${missing.length} đơn vị: ${missing.join(', ')}.` : 'Chưa báo cáo: không có.',
    ...shortfall(input, byUnit),
    'II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CỦA CÁC ĐƠN VỊ',
  ]
  const units = [...byUnit.values()].sort((a, b) => sortVi(a.name, b.name))
  if (!units.length) paragraphs.push('Không có đơn vị nào gửi báo cáo trong kỳ.')
  units.forEach((u, i) => {
    paragraphs.push(...unitSection(i + 1, u.name, u.reports))
  })
  paragraphs.push('III. SỐ LIỆU TỔNG HỢP')
  if (!totals.length) paragraphs.push('Các đơn vị không báo cáo số liệu trong kỳ.')
  for (const t of totals)
    paragraphs.push(`- ${t.name}: ${numbers.format(t.total)}${t.unit ? ` ${t.unit}` : ''} (${t.units} đơn vị báo cáo).`)
  paragraphs.push('IV. KHÓ KHĂN, VƯỚNG MẮC')
  if (!difficulties.length) paragraphs.push('Các đơn vị không nêu khó khăn, vướng mắc.')
  for (const d of difficulties) paragraphs.push(`- ${d.text.replace(/[.;]+$/, '')} (${d.units.join(', ')}).`)
  paragraphs.push('V. ĐÁNH GIÁ THEO THƯỚC ĐO', ...measureParagraphs(input.measure))
  paragraphs.push('VI. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI', '...')
  return { title: cityReportTitle(input.period), paragraphs, reported, missing, totals, difficulties }
}
