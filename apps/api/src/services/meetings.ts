// Meetings: calling one with its agenda and attendees, the meeting room (minutes as a collab document,
// tasks assigned there), and concluding it into a draft conclusion notice for the office.

import type { CurrentUser } from '@hub/auth'
import { type MeetingRow, schema } from '@hub/db'
import {
  type AssignmentRowFields,
  Conflict,
  directs,
  Forbidden,
  Invalid,
  meetingStanding,
  meetingStatuses,
  NotFound,
} from '@hub/domain'
import { asc, desc, eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import { rhythmWords } from './assignments'
import { audit } from './audit'
import { Service } from './change'
import { presentDirective } from './directives'
import { meetingAccess, meetingHost } from './meeting-access'
import { presentTask, supportsOf } from './tasks'
import { withUsers } from './user-names'

export const meetingCreateSchema = z
  .object({
    title: z.string().trim().min(1).max(500),
    startsAt: z.string().datetime({ offset: true }),
    location: z.string().max(300).default(''),
    agenda: z
      .array(z.object({ title: z.string().trim().min(1).max(500), presenter: z.string().max(200).default('') }))
      .max(50)
      .default([]),
    attendeeIds: z.array(z.string().uuid()).max(200).default([]),
  })
  .strict()
export const meetingPatchSchema = z
  .object({
    status: z.enum(meetingStatuses).optional(),
    conclusions: z.string().max(50_000).optional(),
    title: z.string().trim().min(1).max(500).optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'Không có gì để thay đổi / Nothing to change' })
export const concludeSchema = z.object({ conclusions: z.string().trim().min(1).max(50_000) }).strict()

export function presentMeeting(m: MeetingRow) {
  return {
    id: m.id,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    location: m.location,
    status: m.status,
    conclusions: m.conclusions,
    chairUserId: m.chairUserId,
    hostUnitId: m.hostUnitId,
    conclusionDirectiveId: m.conclusionDirectiveId,
    docName: `meeting:${m.id}`,
  }
}

/** Meetings: agenda, attendees, live minutes (a collab document), tasks assigned there, conclusions. */
export class MeetingService extends Service {
  private host(m: MeetingRow) {
    return meetingHost(m, this.units)
  }

  private async load(actor: CurrentUser, id: string, write = false) {
    const [m] = await this.db.select().from(schema.meetings).where(eq(schema.meetings.id, id)).limit(1)
    if (!m) throw new NotFound('meeting')
    const access = await meetingAccess(this.db, this.units, actor, m)
    if (write ? access !== 'chair' : !access) throw new Forbidden()
    return m
  }

  async list(actor: CurrentUser) {
    const rows = await this.db.select().from(schema.meetings).orderBy(desc(schema.meetings.startsAt))
    const mine = new Set(
      (
        await this.db
          .select({ id: schema.meetingAttendees.meetingId })
          .from(schema.meetingAttendees)
          .where(eq(schema.meetingAttendees.userId, actor.userId))
      ).map((r) => r.id),
    )
    return {
      meetings: rows
        .filter((m) => meetingStanding(actor, this.units.tree, this.host(m), mine.has(m.id)) !== null)
        .map(presentMeeting),
    }
  }

  async get(actor: CurrentUser, id: string) {
    const m = await this.load(actor, id)
    const agenda = await this.db
      .select()
      .from(schema.meetingAgendaItems)
      .where(eq(schema.meetingAgendaItems.meetingId, id))
      .orderBy(asc(schema.meetingAgendaItems.ordinal))
    const attendees = (
      await withUsers(
        this.db,
        await this.db
          .select({ userId: schema.meetingAttendees.userId, role: schema.meetingAttendees.role })
          .from(schema.meetingAttendees)
          .where(eq(schema.meetingAttendees.meetingId, id)),
        (a) => a.userId,
      )
    ).flatMap(({ row, name, position }) =>
      name === null ? [] : [{ userId: row.userId, role: row.role, fullName: name, position: position! }],
    )
    const tasks = await this.db
      .select()
      .from(schema.tasks)
      .where(eq(schema.tasks.meetingId, id))
      .orderBy(asc(schema.tasks.createdAt))
    const supports = await supportsOf(
      this.db,
      tasks.map((t) => t.id),
    )
    return {
      meeting: {
        ...presentMeeting(m),
        agenda: agenda.map((a) => ({ ordinal: a.ordinal, title: a.title, presenter: a.presenter })),
        attendees,
      },
      tasks: tasks.map((t) => presentTask(t, supports.get(t.id) ?? [])),
    }
  }

  async create(actor: CurrentUser, input: z.infer<typeof meetingCreateSchema>, requestId?: string) {
    const host = this.units.root()?.id
    if (!host || !directs(actor, this.units.tree, host)) throw new Forbidden()
    return await this.change(async (tx) => {
      if (input.attendeeIds.length) {
        const found = await tx
          .select({ id: schema.users.id })
          .from(schema.users)
          .where(inArray(schema.users.id, input.attendeeIds))
        if (found.length !== new Set(input.attendeeIds).size)
          throw new Invalid('attendeeIds', 'unknownAttendee', {}, undefined, 'unknown user')
      }
      const [m] = await tx
        .insert(schema.meetings)
        .values({
          title: input.title,
          startsAt: new Date(input.startsAt),
          location: input.location,
          hostUnitId: host,
          chairUserId: actor.userId,
          createdBy: actor.userId,
        })
        .returning()
      if (input.agenda.length)
        await tx
          .insert(schema.meetingAgendaItems)
          .values(input.agenda.map((a, i) => ({ meetingId: m!.id, ordinal: i + 1, ...a })))
      const attendees = [...new Set([actor.userId, ...input.attendeeIds])]
      await tx
        .insert(schema.meetingAttendees)
        .values(
          attendees.map((userId) => ({ meetingId: m!.id, userId, role: userId === actor.userId ? 'chair' : 'member' })),
        )
      const dto = presentMeeting(m!)
      await audit(tx, { actor, requestId }, 'meeting.create', ['meeting', dto.id], {
        after: dto,
        event: { type: 'meeting.created', payload: { meeting: dto } },
      })
      return dto
    })
  }

  async patch(actor: CurrentUser, id: string, patch: z.infer<typeof meetingPatchSchema>, requestId?: string) {
    const m = await this.load(actor, id, true)
    return await this.change(async (tx) => {
      const [updated] = await tx.update(schema.meetings).set(patch).where(eq(schema.meetings.id, id)).returning()
      const dto = presentMeeting(updated!)
      await audit(tx, { actor, requestId }, 'meeting.update', ['meeting', id], {
        before: presentMeeting(m),
        after: dto,
        event: { type: 'meeting.updated', payload: { meeting: dto } },
      })
      return dto
    })
  }

  /**
   * Closes the meeting with its conclusions and starts the "Thông báo kết luận" draft for the office
   * to finish: one clause per conclusion paragraph.
   */
  async conclude(actor: CurrentUser, id: string, conclusions: string, requestId?: string) {
    const m = await this.load(actor, id, true)
    if (m.conclusionDirectiveId) throw new Conflict('already_concluded', 'alreadyConcluded')
    return await this.change(async (tx) => {
      const day = new Intl.DateTimeFormat('vi-VN', {
        timeZone: 'Asia/Ho_Chi_Minh',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
      }).format(m.startsAt)
      const [d] = await tx
        .insert(schema.directives)
        .values({
          kind: 'TB',
          layout: 'party',
          issuerUnitId: this.host(m),
          issuer: 'THÀNH ỦY HÀ NỘI',
          issuerSymbol: 'TU',
          title: `kết luận của Thường trực Thành ủy tại cuộc họp "${m.title}"`,
          preamble: `Ngày ${day}, ${m.location ? `tại ${m.location}, ` : ''}Thường trực Thành ủy chủ trì cuộc họp "${m.title}". Sau khi nghe báo cáo và ý kiến của các đại biểu, Thường trực Thành ủy kết luận như sau:`,
          closing: 'Văn phòng Thành ủy thông báo để các cơ quan, đơn vị biết, thực hiện.',
          createdBy: actor.userId,
        })
        .returning()
      const paragraphs = conclusions
        .split(/\n+/)
        .map((p) => p.replace(/^\s*(\d+[.)]|[-–•])\s*/, '').trim())
        .filter(Boolean)
      // Then the rows the chair settled in the meeting's assignment table, one clause each.
      const settled = await tx
        .select({ fields: schema.assignmentSettlements.fields })
        .from(schema.assignmentSettlements)
        .where(eq(schema.assignmentSettlements.meetingId, id))
        .orderBy(asc(schema.assignmentSettlements.settledAt))
      const clauses = [...paragraphs, ...settled.map((x) => assignmentClause(x.fields, (u) => this.units.get(u)?.name))]
      if (clauses.length)
        await tx
          .insert(schema.directiveClauses)
          .values(clauses.map((text, i) => ({ directiveId: d!.id, ordinal: i + 1, text })))
      const [updated] = await tx
        .update(schema.meetings)
        .set({ status: 'concluded', conclusions, conclusionDirectiveId: d!.id })
        .where(eq(schema.meetings.id, id))
        .returning()
      const meeting = presentMeeting(updated!)
      const directive = presentDirective(d!)
      await audit(tx, { actor, requestId }, 'meeting.conclude', ['meeting', id], {
        before: presentMeeting(m),
        after: meeting,
        event: { type: 'meeting.updated', payload: { meeting } },
      })
      await audit(tx, { actor, requestId }, 'directive.create', ['directive', directive.id], {
        after: directive,
        event: { type: 'directive.created', payload: { directive } },
      })
      return { meeting, directive }
    })
  }
}

/** A settled row as a conclusion clause: "Quận Tây Hồ chủ trì, phối hợp với Sở Y tế: Lập vùng phong tỏa; thời hạn: 31/12/2031." */
export function assignmentClause(row: AssignmentRowFields, nameOf: (unitId: string) => string | undefined): string {
  const names = (ids: string[]) => ids.map(nameOf).filter(Boolean).join(', ')
  const supports = names(row.supportUnitIds)
  const when = row.dueAt
    ? `; thời hạn: ${row.dueAt.split('-').reverse().join('/')}`
    : row.freq
      ? `; thực hiện ${rhythmWords[row.freq]?.toLocaleLowerCase('vi')}`
      : ''
  return `${names(row.leadUnitIds)} chủ trì${supports ? `, phối hợp với ${supports}` : ''}: ${row.title.trim()}${when}.`
}
