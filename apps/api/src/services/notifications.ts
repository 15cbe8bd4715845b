// In-app notifications: writing them (merged into one growing row when many arrive for the same thing),
// the outbox handler that turns task, report and inspection events into them, and reading a user's own.

import { type DbOrTx, schema, type Tx } from '@hub/db'
import { type TaskView, taskOwners, vnDay } from '@hub/domain'
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { DomainEvent, EventHandler } from './outbox'
import { headsOf } from './unit-directory'

type NotificationRow = typeof schema.notifications.$inferSelect

export interface NotificationInput {
  userId: string
  kind: string
  /** Vietnamese text shown as is; `data` carries the parameters a client needs to render it in English. */
  title: string
  body?: string
  /**
   * Notifications with the same key merge into one unread row whose count grows, so a cascade to 30
   * districts, or 30 districts reporting, is one notification, not 30.
   */
  groupKey?: string | null
  /** Title once `count` notifications have merged. */
  groupTitle?: (count: number) => string
  data?: Record<string, unknown>
}

export function presentNotification(n: NotificationRow) {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    count: n.count,
    data: n.data,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  }
}
export type NotificationDto = ReturnType<typeof presentNotification>

/** Writes (or merges) notifications; returns the rows as they now stand, for live delivery. */
export async function notify(tx: DbOrTx, inputs: NotificationInput[]): Promise<NotificationDto[]> {
  const out: NotificationDto[] = []
  for (const n of inputs) {
    if (n.groupKey) {
      const [open] = await tx
        .select()
        .from(schema.notifications)
        .where(
          and(
            eq(schema.notifications.userId, n.userId),
            eq(schema.notifications.groupKey, n.groupKey),
            isNull(schema.notifications.readAt),
          ),
        )
        .orderBy(desc(schema.notifications.updatedAt))
        .limit(1)
      if (open) {
        const count = open.count + 1
        const [merged] = await tx
          .update(schema.notifications)
          .set({
            count,
            title: n.groupTitle ? n.groupTitle(count) : n.title,
            body: n.body ?? open.body,
            updatedAt: new Date(),
            data: { ...(open.data as object), ...n.data, count },
          })
          .where(eq(schema.notifications.id, open.id))
          .returning()
        out.push(presentNotification(merged!))
        continue
      }
    }
    const [row] = await tx
      .insert(schema.notifications)
      .values({
        userId: n.userId,
        kind: n.kind,
        title: n.title,
        body: n.body ?? '',
        groupKey: n.groupKey ?? null,
        data: n.data ?? null,
      })
      .returning()
    out.push(presentNotification(row!))
  }
  return out
}

const short = (s: string) => (s.length > 90 ? `${s.slice(0, 87)}…` : s)

type TaskEvent = Extract<DomainEvent, { payload: { task: TaskView } }>
const isTaskEvent = (e: DomainEvent): e is TaskEvent => e.type.startsWith('task.') || e.type === 'report.submitted'

/** Who hears of each task event (the domain's `taskOwners`), and how the messages group. */
async function forTaskEvents(tx: Tx, all: DomainEvent[]): Promise<NotificationInput[]> {
  const out: NotificationInput[] = []
  const events = all.filter(isTaskEvent)
  const owned = events.map((e) => taskOwners(e.payload.task))
  const heads = await headsOf(tx, [...new Set(owned.filter((o) => !o.userIds.length).map((o) => o.headsOfUnitId))])
  const parentIds = [...new Set(events.map((e) => e.payload.task.parentTaskId).filter((x): x is string => !!x))]
  const parents = parentIds.length
    ? await tx
        .select({
          id: schema.tasks.id,
          title: schema.tasks.title,
          accountableUserId: schema.tasks.accountableUserId,
          createdBy: schema.tasks.createdBy,
        })
        .from(schema.tasks)
        .where(inArray(schema.tasks.id, parentIds))
    : []
  const parentOf = new Map(parents.map((p) => [p.id, p]))
  for (const [i, e] of events.entries()) {
    const { task } = e.payload
    const o = owned[i]!
    const owners = o.userIds.length ? o.userIds : (heads.get(o.headsOfUnitId) ?? [])
    const recipients = owners.filter((u) => u !== e.actorUserId)
    const source = task.directiveId ?? task.meetingId ?? task.parentTaskId
    if (e.type === 'task.created') {
      for (const userId of recipients)
        out.push({
          userId,
          kind: 'task.assigned',
          title: `Nhiệm vụ mới: ${short(task.title)}`,
          groupKey: source ? `assigned:${source}` : null,
          groupTitle: (n) => `${n} nhiệm vụ mới được giao`,
          data: {
            taskId: task.id,
            directiveId: task.directiveId,
            meetingId: task.meetingId,
            title: task.title,
            dueAt: task.dueAt,
          },
        })
    }
    if (e.type === 'task.overdue' || e.type === 'task.due_soon') {
      const overdue = e.type === 'task.overdue'
      for (const userId of owners)
        out.push({
          userId,
          kind: e.type,
          title: overdue
            ? `Quá hạn: ${short(task.title)}`
            : `Sắp đến hạn (${task.dueAt?.split('-').reverse().join('/')}): ${short(task.title)}`,
          groupKey: `${e.type}:${vnDay()}`,
          groupTitle: (n) => (overdue ? `${n} nhiệm vụ quá hạn` : `${n} nhiệm vụ sắp đến hạn`),
          data: { taskId: task.id, title: task.title, dueAt: task.dueAt },
        })
    }
    if (e.type === 'task.escalated') {
      const { toUserIds, unitName } = e.payload
      for (const userId of toUserIds)
        out.push({
          userId,
          kind: 'task.escalated',
          title: `${unitName} có nhiệm vụ quá hạn: ${short(task.title)}`,
          groupKey: `escalated:${vnDay()}`,
          groupTitle: (n) => `${n} nhiệm vụ quá hạn của đơn vị cấp dưới`,
          data: { taskId: task.id, title: task.title, dueAt: task.dueAt },
        })
    }
    if (e.type === 'task.report_due') {
      for (const userId of owners)
        out.push({
          userId,
          kind: 'report.due',
          title: `Đến hạn báo cáo: ${short(task.title)}`,
          groupKey: `report-due:${vnDay()}`,
          groupTitle: (n) => `${n} báo cáo cần gửi hôm nay`,
          data: { taskId: task.id, title: task.title },
        })
    }
    if (e.type === 'task.updated' || e.type === 'report.submitted') {
      const before = e.type === 'task.updated' ? e.payload.before : undefined
      const changed =
        e.type === 'report.submitted' || !before || before.status !== task.status || before.progress !== task.progress
      const parent = task.parentTaskId ? parentOf.get(task.parentTaskId) : null
      // Progress rolls up: whoever answers for the parent hears it, one grouped line per parent.
      const watchers = new Set(
        [parent?.accountableUserId, parent?.createdBy].filter((x): x is string => !!x && x !== e.actorUserId),
      )
      if (changed && parent)
        for (const userId of watchers)
          out.push({
            userId,
            kind: 'task.progress',
            title: `Đơn vị cập nhật tiến độ: ${short(parent.title)}`,
            groupKey: `progress:${parent.id}`,
            groupTitle: (n) => `${n} cập nhật tiến độ: ${short(parent.title)}`,
            data: { taskId: parent.id, childTaskId: task.id, title: parent.title },
          })
    }
  }
  return out
}

/**
 * The notifications side of event delivery: rows written in the delivery transaction, pushed to
 * each user's room after commit.
 */
function forDirectiveEvents(events: DomainEvent[]): NotificationInput[] {
  return events.flatMap((e) => {
    if (e.type !== 'directive.distributed') return []
    const p = e.payload
    return p.userIds.map((userId) => ({
      userId,
      kind: 'directive.received',
      title: `Văn bản mới${p.number ? ` số ${p.number}` : ''}: ${short(p.title)}`,
      groupKey: `received:${p.directiveId}`,
      data: { directiveId: p.directiveId, number: p.number, title: p.title },
    }))
  })
}

const outcomeVi: Record<string, string> = {
  commend: 'khen',
  reward: 'khen thưởng',
  remind: 'nhắc nhở',
  criticise: 'phê bình',
  discipline: 'xem xét kỷ luật',
}

/** A published inspection conclusion reaches the heads of the inspected unit. */
function forInspectionEvents(events: DomainEvent[]): NotificationInput[] {
  return events.flatMap((e) => {
    if (e.type !== 'inspection.published') return []
    const p = e.payload
    const i = p.inspection
    const day = i.date.split('-').reverse().join('/')
    return p.userIds.map((userId) => ({
      userId,
      kind: 'inspection.published',
      title: `Kết luận kiểm tra ngày ${day}${i.outcome ? ` (${outcomeVi[i.outcome] ?? i.outcome})` : ''}: ${short(i.unitName)}`,
      data: { inspectionId: i.id, unitId: i.unitId, date: i.date, outcome: i.outcome },
    }))
  })
}

export function notificationHandler(push: (userId: string, n: NotificationDto) => void): EventHandler {
  return async (events, tx) => {
    const inputs = [...(await forTaskEvents(tx, events)), ...forDirectiveEvents(events), ...forInspectionEvents(events)]
    if (!inputs.length) return undefined
    const rows = await notify(tx, inputs)
    return () => {
      for (const [i, n] of rows.entries()) push(inputs[i]!.userId, n)
    }
  }
}

export async function listNotifications(db: DbOrTx, userId: string, opts: { unreadOnly: boolean; limit: number }) {
  const n = schema.notifications
  const rows = await db
    .select()
    .from(n)
    .where(and(eq(n.userId, userId), opts.unreadOnly ? isNull(n.readAt) : undefined))
    .orderBy(desc(n.updatedAt))
    .limit(opts.limit)
  const [unread] = await db
    .select({ count: sql<number>`count(*)::int`, total: sql<number>`coalesce(sum(${n.count}), 0)::int` })
    .from(n)
    .where(and(eq(n.userId, userId), isNull(n.readAt)))
  return { notifications: rows.map(presentNotification), unread: unread?.count ?? 0, unreadItems: unread?.total ?? 0 }
}
