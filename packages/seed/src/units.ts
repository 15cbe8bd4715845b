// The unit directory of Hà Nội: the 2021 city (30 districts, 579 communes) with the city's bodies and sectors.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Db, schema } from '@hub/db'
import { planReorganisation } from '@hub/domain'
import type { SeededWard } from './people'
import { datedTree, recordReorganisation, unitNames } from './reorganisation'

const { units } = schema

interface SourceCommune {
  code: string
  name: string
  type: string
}
interface SourceDistrict extends SourceCommune {
  communes: SourceCommune[]
}
interface SourceCity {
  code: string
  name: string
  districts: SourceDistrict[]
}

const dataFile = (name: string) => join(dirname(fileURLToPath(import.meta.url)), '..', 'data', name)

export function loadHanoi(): SourceCity {
  return JSON.parse(readFileSync(dataFile('hanoi-units-2021.json'), 'utf8')) as SourceCity
}

/**
 * Hà Nội's reform of 1 July 2025 (Resolution 1656/NQ-UBTVQH15): 126 communes and wards directly
 * under the city replace the 30 districts and 579 communes, which close on 30 June 2025 with their
 * successors. The city, its Party committee and its bodies continue.
 */
export async function seedReform(db: Db): Promise<SeededWard[]> {
  const file: unknown = JSON.parse(readFileSync(dataFile('hanoi-units-2025.json'), 'utf8'))
  const { plan, problems } = planReorganisation(file, await datedTree(db))
  if (!plan) throw new Error(`hanoi-units-2025.json: ${problems.join('; ')}`)
  return (await recordReorganisation(db, plan, null)).newUnits
}

/** Strips the kind prefix: "Quận Tây Hồ" → "Tây Hồ". */
export function shortNameOf(name: string, type: string): string {
  return name.startsWith(`${type} `) ? name.slice(type.length + 1) : name
}

/** The city's Party bodies (kind body) and government sectors (kind sector), with the names people write. */
export const cityOrgans: {
  code: string
  name: string
  kind: 'body' | 'sector'
  typeLabel: string
  aliases: string[]
}[] = [
  { code: 'TU-VP', name: 'Văn phòng Thành ủy', kind: 'body', typeLabel: 'Văn phòng', aliases: ['VPTU'] },
  {
    code: 'TU-BCSD',
    name: 'Ban cán sự đảng UBND Thành phố',
    kind: 'body',
    typeLabel: 'Ban cán sự đảng',
    aliases: ['Ban cán sự đảng Ủy ban nhân dân Thành phố', 'UBND Thành phố', 'Ủy ban nhân dân Thành phố'],
  },
  {
    code: 'TU-DDHD',
    name: 'Đảng đoàn HĐND Thành phố',
    kind: 'body',
    typeLabel: 'Đảng đoàn',
    aliases: ['Đảng đoàn Hội đồng nhân dân Thành phố', 'HĐND Thành phố'],
  },
  {
    code: 'TU-MTTQ',
    name: 'Ủy ban MTTQ Thành phố',
    kind: 'body',
    typeLabel: 'Mặt trận',
    aliases: ['Ủy ban Mặt trận Tổ quốc Thành phố', 'Mặt trận Tổ quốc Thành phố', 'Đảng đoàn MTTQ Thành phố'],
  },
  { code: 'TU-BTG', name: 'Ban Tuyên giáo Thành ủy', kind: 'body', typeLabel: 'Ban', aliases: [] },
  { code: 'TU-BTC', name: 'Ban Tổ chức Thành ủy', kind: 'body', typeLabel: 'Ban', aliases: [] },
  { code: 'TU-BDV', name: 'Ban Dân vận Thành ủy', kind: 'body', typeLabel: 'Ban', aliases: [] },
  { code: 'TU-UBKT', name: 'Ủy ban Kiểm tra Thành ủy', kind: 'body', typeLabel: 'Ủy ban', aliases: [] },
  {
    code: 'TU-BCD',
    name: 'Ban Chỉ đạo phòng, chống dịch Covid-19 Thành phố',
    kind: 'body',
    typeLabel: 'Ban Chỉ đạo',
    aliases: ['Ban Chỉ đạo Thành phố'],
  },
  { code: 'TU-DTN', name: 'Thành đoàn Hà Nội', kind: 'body', typeLabel: 'Đoàn thể', aliases: ['Thành đoàn'] },
  {
    code: 'S-CA',
    name: 'Công an Thành phố',
    kind: 'sector',
    typeLabel: 'Công an',
    aliases: ['Đảng ủy Công an Thành phố', 'Công an Thành phố Hà Nội'],
  },
  {
    code: 'S-BTL',
    name: 'Bộ Tư lệnh Thủ đô',
    kind: 'sector',
    typeLabel: 'Quân sự',
    aliases: ['Đảng ủy Quân sự Thành phố', 'Bộ Tư lệnh Thủ đô Hà Nội'],
  },
  { code: 'S-YT', name: 'Sở Y tế', kind: 'sector', typeLabel: 'Sở', aliases: ['Ngành Y tế', 'ngành Y tế Thủ đô'] },
  { code: 'S-CT', name: 'Sở Công Thương', kind: 'sector', typeLabel: 'Sở', aliases: ['Ngành Công Thương'] },
  {
    code: 'S-GTVT',
    name: 'Sở Giao thông vận tải',
    kind: 'sector',
    typeLabel: 'Sở',
    aliases: ['Ngành Giao thông vận tải'],
  },
  { code: 'S-TTTT', name: 'Sở Thông tin và Truyền thông', kind: 'sector', typeLabel: 'Sở', aliases: [] },
  {
    code: 'S-LDTBXH',
    name: 'Sở Lao động - Thương binh và Xã hội',
    kind: 'sector',
    typeLabel: 'Sở',
    aliases: ['Ngành Lao động - Thương binh và Xã hội'],
  },
  { code: 'S-TC', name: 'Sở Tài chính', kind: 'sector', typeLabel: 'Sở', aliases: [] },
  { code: 'S-GDDT', name: 'Sở Giáo dục và Đào tạo', kind: 'sector', typeLabel: 'Sở', aliases: ['Ngành Giáo dục'] },
  { code: 'S-NV', name: 'Sở Nội vụ', kind: 'sector', typeLabel: 'Sở', aliases: [] },
]

export interface SeededUnits {
  cityId: string
  districts: { id: string; code: string; name: string; shortName: string; typeLabel: string }[]
  communes: { id: string; code: string; name: string; shortName: string; districtId: string }[]
  organs: Map<string, string>
}

const VALID_FROM = '2020-01-01'

/** Inserts the city, its 30 districts and 579 communes, and the city's bodies and sectors. */
export async function seedUnits(db: Db): Promise<SeededUnits> {
  const src = loadHanoi()
  const [city] = await db
    .insert(units)
    .values({
      code: src.code,
      name: src.name,
      shortName: 'Hà Nội',
      typeLabel: 'Thành phố',
      kind: 'city',
      validFrom: VALID_FROM,
    })
    .returning({ id: units.id })
  const cityId = city!.id
  const organRows = await db
    .insert(units)
    .values(
      cityOrgans.map((o, i) => ({
        code: o.code,
        name: o.name,
        shortName: o.name,
        typeLabel: o.typeLabel,
        kind: o.kind,
        parentId: cityId,
        aliases: o.aliases,
        sortOrder: i,
        validFrom: VALID_FROM,
      })),
    )
    .returning({ id: units.id, code: units.code })
  const districtRows = await db
    .insert(units)
    .values(
      src.districts.map((d, i) => ({
        code: d.code,
        name: d.name,
        shortName: shortNameOf(d.name, d.type),
        typeLabel: d.type,
        kind: 'district' as const,
        parentId: cityId,
        aliases: [
          `${d.type === 'Quận' ? 'Quận ủy' : d.type === 'Huyện' ? 'Huyện ủy' : 'Thị ủy'} ${shortNameOf(d.name, d.type)}`,
        ],
        sortOrder: i,
        validFrom: VALID_FROM,
      })),
    )
    .returning(unitNames)
  const byCode = new Map(districtRows.map((d) => [d.code, d.id]))
  const communeValues = src.districts.flatMap((d) =>
    d.communes.map((c, i) => ({
      code: c.code,
      name: c.name,
      shortName: shortNameOf(c.name, c.type),
      typeLabel: c.type,
      kind: 'commune' as const,
      parentId: byCode.get(d.code)!,
      sortOrder: i,
      validFrom: VALID_FROM,
    })),
  )
  const communes: SeededUnits['communes'] = []
  for (let i = 0; i < communeValues.length; i += 300) {
    const rows = await db
      .insert(units)
      .values(communeValues.slice(i, i + 300))
      .returning({
        id: units.id,
        code: units.code,
        name: units.name,
        shortName: units.shortName,
        parentId: units.parentId,
      })
    communes.push(
      ...rows.map((r) => ({ id: r.id, code: r.code, name: r.name, shortName: r.shortName, districtId: r.parentId! })),
    )
  }
  return { cityId, districts: districtRows, communes, organs: new Map(organRows.map((o) => [o.code, o.id])) }
}
