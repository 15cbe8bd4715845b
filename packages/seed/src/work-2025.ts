// Demo work after Hà Nội's 2025 reform: the city's plan to run the two-level local government,
// handed to each of the 126 communes and wards, and the current work of phường Tây Hồ, so that the
// demo continues from the 2021 lockdown to today under the new units.
import { type Db, schema } from '@hub/db'
import { addDays, rollUpState, vnDay } from '@hub/domain'
import type { SeededWard } from './people'
import type { Rng } from './random'

const { tasks } = schema
const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+07:00`)

export async function seedWardWork(
  db: Db,
  o: {
    cityId: string
    wards: SeededWard[]
    heads: Map<string, { personId: string; userId: string | null }>
    officeUserId: string
    r: Rng
  },
): Promise<void> {
  const { cityId, wards, heads, officeUserId, r } = o
  const today = vnDay()
  const due = '2025-09-30'
  const children = wards.map((w) => {
    const roll = r.next()
    const done = roll < 0.8
    const day = addDays(due, roll < 0.6 ? -r.int(0, 20) : r.int(1, 25))
    return {
      title: `Kiện toàn bộ máy, tiếp nhận hồ sơ và công việc từ cấp huyện (${w.name})`,
      leadUnitId: w.id,
      accountableUserId: heads.get(w.id)?.userId ?? null,
      dueAt: due,
      createdBy: officeUserId,
      createdAt: at('2025-07-02'),
      status: done ? ('done' as const) : ('in_progress' as const),
      progress: done ? 100 : r.int(5, 9) * 10,
      completedAt: done ? at(day, 16) : null,
    }
  })
  const state = rollUpState(children, 'not_started')!
  const [parent] = await db
    .insert(tasks)
    .values({
      title: 'Vận hành chính quyền địa phương hai cấp từ ngày 01/7/2025',
      description:
        'Theo Nghị quyết 1656/NQ-UBTVQH15: các xã, phường kiện toàn bộ máy và tiếp nhận công việc của cấp huyện.',
      leadUnitId: cityId,
      dueAt: due,
      createdBy: officeUserId,
      createdAt: at('2025-07-02'),
      status: state.status,
      progress: state.progress,
      completedAt: state.completedAt,
    })
    .returning({ id: tasks.id })
  await db.insert(tasks).values(children.map((c) => ({ ...c, parentTaskId: parent!.id })))

  const tayHo = wards.find((w) => w.name === 'Phường Tây Hồ')!
  const own = [
    { title: 'Rà soát hộ nghèo, cận nghèo năm 2026 trên địa bàn phường', dueIn: -3, progress: 60 },
    { title: 'Tổng kết công tác xây dựng Đảng năm 2026 của Đảng bộ phường', dueIn: 12, progress: 30 },
    { title: 'Chuẩn bị Hội nghị nhân dân các tổ dân phố', dueIn: 25, progress: 0 },
  ]
  await db.insert(tasks).values(
    own.map((x) => ({
      title: x.title,
      leadUnitId: tayHo.id,
      accountableUserId: heads.get(tayHo.id)?.userId ?? null,
      dueAt: addDays(today, x.dueIn),
      createdBy: officeUserId,
      createdAt: at(addDays(today, -20)),
      status: x.progress > 0 ? ('in_progress' as const) : ('not_started' as const),
      progress: x.progress,
    })),
  )
}
