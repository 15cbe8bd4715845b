// Demo work: directives, tasks cascaded down the tree, reports, inspections and model practices.

import { type Db, schema as s } from '@hub/db'
import { addDays, formatDirectiveNumber, proposeTaskDrafts, rollUpState, type UnitRef, vnDay } from '@hub/domain'
import { sql } from 'drizzle-orm'
import { demoDirectives } from './directives'
import type { SeededPeople } from './people'
import type { Rng } from './random'
import { cityOrgans, type SeededUnits } from './units'

type TaskInsert = typeof s.tasks.$inferInsert
const toDate = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+07:00`)

function fillDates(text: string, today: string): string {
  return text
    .replace(/\{due:(-?\d+)\}/g, (_m, n) => {
      const [y, mo, d] = addDays(today, Number(n)).split('-')
      return `${Number(d)}/${Number(mo)}/${y}`
    })
    .replace(/\{date:(-?\d+)\}/g, (_m, n) => {
      const [y, mo, d] = addDays(today, -Number(n)).split('-')
      return `${d}/${mo}/${y}`
    })
}

/** A plausible state for a task due on `due`: some done on time, some late, some open, some overdue. */
function randomProgress(r: Rng, due: string | null, today: string, created: string) {
  const roll = r.next()
  if (roll < 0.35) {
    const doneDay = due ? addDays(due, r.chance(0.75) ? -r.int(0, 3) : r.int(1, 4)) : addDays(created, r.int(1, 5))
    const day = doneDay > today ? today : doneDay < created ? created : doneDay
    return { status: 'done' as const, progress: 100, completedAt: toDate(day, r.int(8, 20)) }
  }
  if (roll < 0.75) return { status: 'in_progress' as const, progress: r.int(1, 9) * 10, completedAt: null }
  if (roll < 0.95) return { status: 'not_started' as const, progress: 0, completedAt: null }
  return { status: 'paused' as const, progress: r.int(1, 5) * 10, completedAt: null }
}

/** Directives with clauses and recipients, cascaded tasks, reports, inspections, model practices and meetings. */
export async function seedWork(db: Db, u: SeededUnits, p: SeededPeople, r: Rng): Promise<void> {
  const today = vnDay()
  const bithu = p.users.get('bithu')!
  const vanphong = p.users.get('vanphong')!
  const accountable = (unitId: string) => p.heads.get(unitId)?.userId ?? null
  const organs = cityOrgans.map((o) => ({ ...o, id: u.organs.get(o.code)! }))
  const findOrgans = (text: string) => {
    const hits: { id: string; at: number }[] = []
    for (const o of organs) {
      const at = Math.min(
        ...[o.name, ...o.aliases].map((n) => text.indexOf(n)).filter((i) => i >= 0),
        Number.POSITIVE_INFINITY,
      )
      if (at !== Number.POSITIVE_INFINITY) hits.push({ id: o.id, at })
    }
    return hits.sort((a, b) => a.at - b.at).map((h) => h.id)
  }
  const tasks: TaskInsert[] = []
  const supports: { taskIndex: number; unitId: string }[] = []
  const tayho = u.districts.find((d) => d.shortName === 'Tây Hồ')!
  const unitRefs: UnitRef[] = [
    { id: u.cityId, name: 'Thành phố Hà Nội', kind: 'city', code: '01', parentId: null },
    ...organs.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      code: o.code,
      parentId: u.cityId,
      aliases: o.aliases,
    })),
    ...u.districts.map((d) => ({
      id: d.id,
      name: d.name,
      kind: 'district' as const,
      code: d.code,
      parentId: u.cityId,
    })),
    ...u.communes.map((c) => ({
      id: c.id,
      name: c.name,
      kind: 'commune' as const,
      code: c.code,
      parentId: c.districtId,
    })),
  ]

  for (const d of demoDirectives) {
    const issuedAt = d.daysAgo === null ? null : addDays(today, -d.daysAgo)
    const [dir] = await db
      .insert(s.directives)
      .values({
        kind: d.kind,
        layout: d.layout,
        issuerUnitId: u.cityId,
        issuer: d.issuer,
        issuedBy: d.issuedBy,
        issuerSymbol: d.issuerSymbol,
        committeeId: p.committeeId,
        sequence: d.sequence,
        number: d.sequence === null ? null : formatDirectiveNumber(d.layout, d.sequence, d.kind, d.issuerSymbol),
        issuedAt,
        title: d.title,
        status: d.status,
        signer: d.signer,
        preamble: fillDates(d.preamble, today),
        closing: d.closing,
        createdBy: vanphong,
        createdAt: issuedAt ? toDate(addDays(issuedAt, -2)) : new Date(),
      })
      .returning({ id: s.directives.id })
    const clauses = d.clauses.map((c, i) => ({ directiveId: dir!.id, ordinal: i + 1, text: fillDates(c, today) }))
    await db.insert(s.directiveClauses).values(clauses)
    const recipients = [
      { name: 'Ban Bí thư', capacity: 'report' as const, unitId: null, groupLabel: null },
      { name: 'Các đồng chí Thành ủy viên', capacity: 'inform' as const, unitId: null, groupLabel: null },
      ...organs
        .filter((o) => d.clauses.some((c) => findOrgans(c).includes(o.id)))
        .map((o) => ({ name: o.name, capacity: 'execute' as const, unitId: o.id })),
      // The districts print as one line and are tracked one by one.
      ...(d.cascade
        ? u.districts.map((x) => ({
            name: x.name,
            capacity: 'execute' as const,
            unitId: x.id,
            groupLabel: d.layout === 'party' ? 'Các quận ủy, huyện ủy, thị ủy' : 'UBND các quận, huyện, thị xã',
          }))
        : []),
      { name: 'Văn phòng Thành ủy', capacity: 'archive' as const, unitId: u.organs.get('TU-VP')! },
    ]
    await db.insert(s.directiveRecipients).values(
      recipients.map((x, i) => ({
        directiveId: dir!.id,
        ...x,
        ordinal: i,
        receivedAt: issuedAt && x.unitId ? toDate(issuedAt, 15) : null,
        firstReadAt:
          issuedAt && x.unitId && r.chance(0.8) ? toDate(addDays(issuedAt, r.int(0, 2)), r.int(7, 21)) : null,
      })),
    )
    if (!issuedAt) continue
    // Tasks come from the clauses the way the office would confirm them: the hub's own proposals.
    for (const draft of proposeTaskDrafts(clauses, unitRefs, { issuedAt })) {
      const base = {
        title: draft.title,
        description: clauses.find((c) => c.ordinal === draft.clauseOrdinal)?.text ?? '',
        directiveId: dir!.id,
        clauseOrdinal: draft.clauseOrdinal,
        dueAt: draft.dueAt,
        recurrence: draft.recurrence,
        createdBy: vanphong,
        createdAt: toDate(issuedAt, 16),
      }
      const leads = draft.leadUnitIds.length ? draft.leadUnitIds : [u.organs.get('TU-VP')!]
      if (leads.length === 1) {
        const idx = tasks.length
        tasks.push({
          ...base,
          leadUnitId: leads[0]!,
          accountableUserId: accountable(leads[0]!),
          ...randomProgress(r, draft.dueAt, today, issuedAt),
        })
        for (const sup of draft.supportUnitIds) supports.push({ taskIndex: idx, unitId: sup })
        continue
      }
      const parentIndex = tasks.length
      tasks.push({ ...base, leadUnitId: u.cityId, accountableUserId: bithu, status: 'in_progress', progress: 0 })
      for (const lead of leads) {
        tasks.push({
          ...base,
          leadUnitId: lead,
          accountableUserId: accountable(lead),
          parentTaskId: `#${parentIndex}`,
          ...randomProgress(r, draft.dueAt, today, issuedAt),
        })
        for (const sup of draft.supportUnitIds) supports.push({ taskIndex: tasks.length - 1, unitId: sup })
        // Tây Hồ hands its copy of the first clause down to its wards, as districts do.
        if (lead === tayho.id && draft.clauseOrdinal === 1) {
          const childIndex = tasks.length - 1
          for (const ward of u.communes.filter((w) => w.districtId === tayho.id))
            tasks.push({
              ...base,
              leadUnitId: ward.id,
              accountableUserId: accountable(ward.id),
              parentTaskId: `#${childIndex}`,
              ...randomProgress(r, draft.dueAt, today, issuedAt),
            })
        }
      }
    }
  }

  // How diligent each district is: it drives the demo's dated district tasks, their updates and the
  // daily reports, so the measure ranks the districts for reasons one can see in their records.
  const diligence = new Map(u.districts.map((d) => [d.id, 0.3 + 0.65 * r.next()]))
  const districtTitles = [
    'Rà soát, lập danh sách người về từ vùng dịch',
    'Tổ chức xét nghiệm diện rộng tại khu vực nguy cơ cao',
    'Lập danh sách người trên 65 tuổi chưa tiêm vắc xin',
    'Kiểm tra việc chấp hành giãn cách tại các chợ dân sinh',
    'Bố trí điểm tiêm chủng lưu động',
    'Báo cáo sơ kết hai tuần thực hiện Chỉ thị',
  ]
  for (const dist of u.districts) {
    const d = diligence.get(dist.id)!
    districtTitles.forEach((title, i) => {
      const dueAt = addDays(today, -26 + i * 5 + r.int(0, 3))
      const created = addDays(dueAt, -r.int(7, 14))
      const roll = r.next()
      const clip = (day: string) => (day > today ? today : day < created ? created : day)
      const state =
        roll < d
          ? { status: 'done' as const, progress: 100, completedAt: toDate(clip(addDays(dueAt, -r.int(0, 2))), 17) }
          : roll < d + (1 - d) / 2 && dueAt < today
            ? { status: 'done' as const, progress: 100, completedAt: toDate(clip(addDays(dueAt, r.int(1, 5))), 17) }
            : { status: 'in_progress' as const, progress: r.int(1, 8) * 10, completedAt: null }
      tasks.push({
        title,
        leadUnitId: dist.id,
        accountableUserId: accountable(dist.id),
        dueAt,
        createdBy: vanphong,
        createdAt: toDate(created),
        ...state,
      })
    })
  }

  // Each district hands its own work to its communes.
  const localTitles = [
    'Rà soát, lập danh sách hộ khó khăn cần hỗ trợ lương thực',
    'Kiện toàn Tổ Covid cộng đồng tại các tổ dân phố',
    'Thiết lập chốt kiểm soát "3 lớp" tại khu vực phong tỏa',
    'Phát phiếu đi chợ cho các hộ gia đình theo khung giờ',
    'Tổng hợp số liệu tiêm chủng trên địa bàn',
  ]
  for (const dist of u.districts) {
    const wards = u.communes.filter((c) => c.districtId === dist.id)
    for (let i = 0; i < 5; i++) {
      const ward = r.pick(wards)
      const created = addDays(today, -r.int(3, 20))
      const dueAt = addDays(created, r.int(3, 25))
      tasks.push({
        title: `${localTitles[i]} (${ward.name})`,
        leadUnitId: ward.id,
        accountableUserId: accountable(ward.id),
        dueAt,
        createdBy: accountable(dist.id),
        createdAt: toDate(created),
        ...randomProgress(r, dueAt, today, created),
      })
    }
  }

  // A parent's state is its children's, by the same rule the API applies (rollUpState): children
  // come after their parents in the list, so walking it backwards settles each level before the next.
  const childrenOf = new Map<number, number[]>()
  tasks.forEach((t, i) => {
    if (t.parentTaskId?.startsWith('#')) {
      const p = Number(t.parentTaskId.slice(1))
      childrenOf.set(p, [...(childrenOf.get(p) ?? []), i])
    }
  })
  for (let i = tasks.length - 1; i >= 0; i--) {
    const kids = (childrenOf.get(i) ?? []).map((k) => tasks[k]!)
    const derived = rollUpState(
      kids.map((k) => ({ status: k.status ?? 'not_started', progress: k.progress ?? 0, completedAt: k.completedAt })),
      tasks[i]!.status ?? 'not_started',
    )
    if (derived) Object.assign(tasks[i]!, derived)
  }

  // Insert level by level (parents before their children), resolving "#index" references to the
  // ids the database gave.
  // An open task was last touched lately in a diligent district, long ago in a slack one.
  const districtOf = (unitId: string) =>
    diligence.has(unitId) ? unitId : u.communes.find((c) => c.id === unitId)?.districtId
  const lastTouch = (t: TaskInsert) => {
    const created = (t.createdAt as Date | undefined) ?? new Date()
    const d = diligence.get(districtOf(t.leadUnitId) ?? '')
    if (t.status === 'done' || d === undefined) return created
    const touched = toDate(addDays(today, -r.int(0, Math.round((1 - d) * 24))), r.int(8, 20))
    const now = new Date()
    return touched < created ? created : touched > now ? now : touched
  }
  const ids: string[] = []
  const parentIndex = (t: TaskInsert) => (t.parentTaskId?.startsWith('#') ? Number(t.parentTaskId.slice(1)) : null)
  let pending = tasks.map((_, i) => i)
  while (pending.length) {
    const ready = pending.filter((i) => {
      const p = parentIndex(tasks[i]!)
      return p === null || ids[p] !== undefined
    })
    for (let k = 0; k < ready.length; k += 200) {
      const chunk = ready.slice(k, k + 200)
      const rows = await db
        .insert(s.tasks)
        .values(
          chunk.map((i) => ({
            ...tasks[i]!,
            parentTaskId: parentIndex(tasks[i]!) === null ? tasks[i]!.parentTaskId : ids[parentIndex(tasks[i]!)!]!,
            // Last touched when it was given; reports touch it since (the measure's freshness).
            updatedAt: lastTouch(tasks[i]!),
          })),
        )
        .returning({ id: s.tasks.id })
      chunk.forEach((i, n) => {
        ids[i] = rows[n]!.id
      })
    }
    pending = pending.filter((i) => ids[i] === undefined)
  }
  if (supports.length)
    await db.insert(s.taskSupportUnits).values(supports.map((x) => ({ taskId: ids[x.taskIndex]!, unitId: x.unitId })))

  // Reports: on tasks in progress or done, and daily district reports for the past week.
  const reportRows: (typeof s.reports.$inferInsert)[] = []
  tasks.forEach((t, i) => {
    if ((t.progress ?? 0) === 0 || !t.createdAt) return
    const n = r.int(1, 2)
    for (let k = 0; k < n; k++)
      reportRows.push({
        kind: 'task',
        taskId: ids[i]!,
        unitId: t.leadUnitId,
        progress: Math.min(100, Math.round(((k + 1) / n) * (t.progress ?? 0))),
        narrative: r.pick([
          'Đã triển khai đến 100% tổ dân phố.',
          'Đang rà soát, tổng hợp số liệu.',
          'Đã hoàn thành, có báo cáo kèm theo.',
          'Lực lượng tại chỗ đã vào cuộc.',
        ]),
        difficulties: r.chance(0.2) ? 'Thiếu lực lượng trực chốt ban đêm, đề nghị tăng cường dân quân tự vệ.' : '',
        // Every report has an author: the person accountable, or else whoever gave the task.
        submittedBy: t.accountableUserId ?? t.createdBy ?? vanphong,
        submittedAt: new Date(Math.min(Date.now(), (t.createdAt as Date).getTime() + (k + 1) * 86_400_000)),
      })
  })
  for (const dist of u.districts)
    for (let day = 1; day <= 7; day++) {
      const d = diligence.get(dist.id)!
      if (r.chance((1 - d) * 0.45)) continue // missing reports count against the unit
      const on = addDays(today, -day)
      reportRows.push({
        kind: 'daily',
        unitId: dist.id,
        periodStart: on,
        periodEnd: on,
        dueOn: on,
        // Named and counted as a district's office writes them (the report form's own shape).
        figures: {
          'Ca mắc mới (F0)': { value: r.int(0, 40), unit: 'ca' },
          'Tiếp xúc gần (F1) đang cách ly': { value: r.int(0, 300), unit: 'người' },
          'Chốt kiểm soát': { value: r.int(5, 40), unit: 'chốt' },
        },
        narrative: 'Tình hình dịch bệnh trên địa bàn cơ bản được kiểm soát.',
        submittedBy: accountable(dist.id),
        submittedAt: toDate(r.chance(0.45 + d * 0.55) ? on : addDays(on, 1), r.int(15, 23)),
        difficulties: r.chance(0.12)
          ? r.pick([
              'Thiếu lực lượng trực chốt ban đêm, đề nghị Thành phố tăng cường dân quân tự vệ.',
              'Nguồn thực phẩm cho các hộ khó khăn trong khu phong tỏa chưa đủ, đề nghị hỗ trợ.',
              'Chưa thống nhất mẫu giấy đi đường cho người làm việc tại chợ đầu mối.',
            ])
          : '',
      })
    }
  for (let i = 0; i < reportRows.length; i += 500) await db.insert(s.reports).values(reportRows.slice(i, i + 500))
  // The lockdown's daily report, owed by every district: late and missing ones count against it.
  const [lockdown] = await db
    .select({ id: s.directives.id })
    .from(s.directives)
    .where(sql`${s.directives.kind} = 'CT' and ${s.directives.issuedAt} is not null`)
    .orderBy(s.directives.issuedAt)
    .limit(1)
  await db.insert(s.reportSchedules).values({
    title: 'Báo cáo nhanh hằng ngày tình hình phòng, chống dịch',
    cycle: 'daily',
    unitKind: 'district',
    directiveId: lockdown?.id ?? null,
    startsOn: addDays(today, -7),
    createdBy: vanphong,
  })

  // Inspection teams and inspections, some unannounced, with findings and outcomes.
  const kiemtra = p.users.get('kiemtra')!
  const teams = await db
    .insert(s.inspectionTeams)
    .values(
      [1, 2, 3, 4, 5].map((n) => ({
        name: `Đoàn kiểm tra số ${n}`,
        decisionNumber: '1103-QĐ/TU',
        leaderUserId: n === 3 ? kiemtra : null,
      })),
    )
    .returning({ id: s.inspectionTeams.id })
  await db.insert(s.inspectionTeamMembers).values({ teamId: teams[2]!.id, userId: kiemtra })
  const outcomes = ['praise', 'reward', 'reminder', 'criticism', 'discipline', 'none'] as const
  for (let i = 0; i < 24; i++) {
    const dist = u.districts[(i * 7) % u.districts.length]!
    const past = i < 18
    const [ins] = await db
      .insert(s.inspections)
      .values({
        teamId: teams[i % 5]!.id,
        unitId: dist.id,
        unannounced: i % 3 === 0,
        scheduledOn: addDays(today, past ? -r.int(1, 15) : r.int(1, 10)),
        status: past ? 'concluded' : 'planned',
        conclusion: past ? 'Đơn vị triển khai nghiêm túc; một số chốt kiểm soát chưa duy trì đủ lực lượng.' : '',
        outcome: past ? r.pick(outcomes) : null,
        published: past && r.chance(0.5),
        createdBy: kiemtra,
      })
      .returning({ id: s.inspections.id })
    if (past)
      await db.insert(s.inspectionFindings).values([
        {
          inspectionId: ins!.id,
          text: 'Chốt kiểm soát cửa ngõ có đủ lực lượng, ghi chép sổ theo dõi đầy đủ.',
          severity: 'good',
        },
        { inspectionId: ins!.id, text: 'Việc cập nhật tiến độ nhiệm vụ trên hệ thống còn chậm.', severity: 'issue' },
      ])
  }

  // Model practices of that summer, with adoptions.
  const pick = (name: string) => u.districts.find((d) => d.shortName === name)!.id
  type Practice = { title: string; origin: string; startedOn: string; tags: string[]; category: string }
  const practices: (Practice & {
    status: string
    steps: string[]
    figures: Record<string, number>
    skip: string[]
    adopt: number
    summary: string
    results: string
  })[] = [
    {
      title: 'Phiếu đi chợ',
      origin: pick('Tây Hồ'),
      startedOn: '2021-07-27',
      tags: ['phiếu đi chợ', 'an sinh'],
      category: 'an_sinh',
      status: 'standard',
      steps: [
        'Lập danh sách hộ theo tổ dân phố',
        'In và phát phiếu theo ngày, khung giờ',
        'Kiểm tra phiếu tại cổng chợ',
      ],
      figures: { 'Giảm lượt người ra đường (%)': 60 },
      // Hoàn Kiếm has not adopted it yet: the demo records that adoption live.
      skip: ['Hoàn Kiếm'],
      adopt: 22,
      summary: 'Tổ dân phố phát cho mỗi hộ một phiếu ghi phường, ngày và khung giờ đi chợ; kiểm tra tại cổng chợ.',
      results: 'Giảm 60% lượt người ra đường tại các chợ dân sinh trong tuần đầu.',
    },
    {
      title: '"3 lớp" bảo vệ vùng xanh',
      origin: pick('Hoàn Kiếm'),
      startedOn: '2021-08-02',
      tags: ['3 lớp', 'vùng xanh'],
      category: 'kiem_soat',
      status: 'recommended',
      steps: ['Khoanh vùng lõi, lớp giữa, lớp ngoài', 'Bố trí chốt và lực lượng từng lớp'],
      figures: { 'Tổ dân phố giữ vùng xanh (%)': 95 },
      skip: [],
      adopt: 9,
      summary:
        'Khu phong tỏa được bảo vệ bằng ba lớp: lõi kiểm soát chặt, lớp giữa vừa phải, lớp ngoài lỏng hơn, mỗi lớp có chốt và nhiệm vụ riêng.',
      results: 'Giữ được 95% tổ dân phố là vùng xanh.',
    },
    {
      title: '"4 tại chỗ"',
      origin: pick('Đông Anh'),
      startedOn: '2021-08-05',
      tags: ['4 tại chỗ'],
      category: 'chi_huy',
      status: 'reviewed',
      steps: [],
      figures: { 'Thời gian lập chốt (giờ)': 1 },
      skip: [],
      adopt: 6,
      summary:
        'Chỉ huy, lực lượng, phương tiện và hậu cần đều tại chỗ, để địa phương chủ động xử lý mà không chờ Thành phố.',
      results: 'Rút ngắn thời gian lập chốt từ 6 giờ xuống 1 giờ.',
    },
    {
      title: '"3 trước" trong ứng phó dịch',
      origin: pick('Sóc Sơn'),
      startedOn: '2021-08-10',
      tags: ['3 trước'],
      category: 'phong_ngua',
      status: 'proposed',
      steps: [],
      figures: { 'Khu cách ly dự phòng': 3 },
      skip: [],
      adopt: 4,
      summary: 'Nhận diện nguy cơ, chuẩn bị và hành động trước khi dịch đến.',
      results: 'Chuẩn bị sẵn 3 khu cách ly dự phòng.',
    },
  ]
  for (const pr of practices) {
    const [row] = await db
      .insert(s.modelPractices)
      .values({
        title: pr.title,
        originUnitId: pr.origin,
        summary: pr.summary,
        results: pr.results,
        startedOn: pr.startedOn,
        tags: pr.tags,
        category: pr.category,
        status: pr.status,
        steps: pr.steps,
        figures: pr.figures,
        createdBy: vanphong,
      })
      .returning({ id: s.modelPractices.id })
    // Each status step up to the current one, decided by the office (proposal) and the secretary.
    const statuses = ['proposed', 'reviewed', 'recommended', 'standard']
    await db.insert(s.modelStatusSteps).values(
      statuses.slice(0, statuses.indexOf(pr.status) + 1).map((status, i) => ({
        practiceId: row!.id,
        status,
        decidedBy: i === 0 ? vanphong : bithu,
        decidedAt: toDate(addDays(pr.startedOn, 2 + i * 3)),
      })),
    )
    const adopters = u.districts.filter((d) => d.id !== pr.origin && !pr.skip.includes(d.shortName)).slice(0, pr.adopt)
    await db.insert(s.modelAdoptions).values(
      adopters.map((d, i) => ({
        practiceId: row!.id,
        unitId: d.id,
        adoptedOn: addDays(today, -r.int(1, 20)),
        status: i % 4 === 0 ? 'evaluated' : 'adopting',
        notes: i % 4 === 0 ? 'Áp dụng hiệu quả, đề nghị duy trì.' : '',
        // Evaluated adopters report the practice's own figures, a little off the origin's.
        figures:
          i % 4 === 0
            ? Object.fromEntries(Object.entries(pr.figures).map(([k, v]) => [k, Math.round(v * (0.7 + (i % 5) / 10))]))
            : {},
      })),
    )
  }

  // Meetings: one held yesterday, one tomorrow.
  for (const [offset, status] of [
    [-1, 'concluded'],
    [1, 'planned'],
  ] as const) {
    const [m] = await db
      .insert(s.meetings)
      .values({
        title:
          offset < 0
            ? 'Giao ban công tác phòng, chống dịch'
            : 'Họp Thường trực Thành ủy về phương án nới lỏng giãn cách',
        committeeId: p.committeeId,
        hostUnitId: u.cityId,
        startsAt: toDate(addDays(today, offset), 8),
        location: 'Phòng họp số 1, Trụ sở Thành ủy',
        status,
        chairUserId: bithu,
        conclusions: offset < 0 ? 'Các quận, huyện tiếp tục kiểm soát chặt chẽ; nhân rộng mô hình phiếu đi chợ.' : '',
        createdBy: vanphong,
      })
      .returning({ id: s.meetings.id })
    await db.insert(s.meetingAgendaItems).values([
      { meetingId: m!.id, ordinal: 1, title: 'Báo cáo tình hình dịch bệnh 24 giờ qua', presenter: 'Sở Y tế' },
      {
        meetingId: m!.id,
        ordinal: 2,
        title: 'Kết quả thực hiện Chỉ thị 05-CT/TU tại các quận, huyện',
        presenter: 'Văn phòng Thành ủy',
      },
      { meetingId: m!.id, ordinal: 3, title: 'Ý kiến chỉ đạo của Thường trực', presenter: 'Bí thư Thành ủy' },
    ])
    await db.insert(s.meetingAttendees).values(
      ['bithu', 'vanphong', 'tayho', 'hoankiem'].map((k) => ({
        meetingId: m!.id,
        userId: p.users.get(k)!,
        role: k === 'bithu' ? 'chair' : 'member',
      })),
    )
  }
}
