// Which live rooms each committed domain event goes to, so that a socket receives only what its user
// may read; the outbox's live handler turns events into these messages for socket-server.ts.

import {
  type AccountabilityAudience,
  type InspectionEventRecord,
  inspectionAudience,
  type LiveEventName,
  type LiveEvents,
  type TaskView,
  taskAudience,
  type UnitReportEventRecord,
  type UnitTree,
  unitReportAudience,
  vnDay,
} from '@hub/domain'
import type { DomainEvent, EventHandler } from '../services/outbox'

/** What the live layer sends: an event name, its payload, the rooms it goes to and those it skips. */
export type LiveMessage = {
  [E in LiveEventName]: { event: E; payload: LiveEvents[E]; rooms: string[]; except?: string[] }
}[LiveEventName]

/** The inspection's fields the socket carries: which unit, when, the outcome; its findings stay on the server. */
const inspectionRecord = (i: InspectionEventRecord): InspectionEventRecord => ({
  id: i.id,
  unitId: i.unitId,
  unitName: i.unitName,
  kind: i.kind,
  date: i.date,
  outcome: i.outcome,
  published: i.published,
  publishedAt: i.publishedAt,
})
const unitReportRecord = (r: UnitReportEventRecord): UnitReportEventRecord => ({
  id: r.id,
  unitId: r.unitId,
  unitName: r.unitName,
  kind: r.kind,
  period: r.period,
  periodStart: r.periodStart,
  submittedAt: r.submittedAt,
  onTime: r.onTime,
})

/** One message to an audience's rooms, and (without its exceptions) one to the users it names in person. */
function toAudience<E extends LiveEventName>(event: E, payload: LiveEvents[E], a: AccountabilityAudience) {
  const out: { event: E; payload: LiveEvents[E]; rooms: string[]; except?: string[] }[] = []
  if (a.rooms.length) out.push({ event, payload, rooms: a.rooms, ...(a.except.length ? { except: a.except } : {}) })
  if (a.userIds.length) out.push({ event, payload, rooms: a.userIds.map((u) => `user:${u}`) })
  return out as LiveMessage[]
}

/**
 * Rooms a task event goes to, so that nobody receives a task he may not read (taskPolicy.read):
 * the rooms of its lead and supporting units and the units above them (joining `unit:X` needs a
 * grant at or above X, which then reaches the task), its accountable user; and, inside the rooms of
 * its directive and meeting, only the members whose reach covers it (`directive:D|reach:<unit>`,
 * joined by the server for each grant of a subscriber) or who are accountable for it. A published
 * directive's room is open to everyone, so its plain room carries only the directive itself.
 */
export function taskRooms(task: TaskView, tree: UnitTree): string[] {
  const audience = taskAudience(task, tree)
  return [
    ...audience.unitIds.map((u) => `unit:${u}`),
    ...audience.userIds.map((u) => `user:${u}`),
    ...audience.shared.flatMap((shared) => scopedRooms(shared, audience.unitIds, audience.userIds)),
  ]
}

/** The members' rooms inside a shared room: one per unit of reach and one per user. */
export function scopedRooms(shared: string, unitIds: readonly string[], userIds: readonly string[]): string[] {
  return [...unitIds.map((u) => `${shared}|reach:${u}`), ...userIds.map((u) => `${shared}|user:${u}`)]
}

/** Maps committed domain events to live messages. */
export function liveMessages(events: DomainEvent[], tree: UnitTree, today = vnDay()): LiveMessage[] {
  const out: LiveMessage[] = []
  for (const e of events) {
    switch (e.type) {
      case 'task.created':
      case 'task.updated':
        out.push({
          event: `task:${e.type === 'task.created' ? 'created' : 'updated'}`,
          payload: { task: e.payload.task },
          rooms: taskRooms(e.payload.task, tree),
        })
        break
      case 'report.submitted':
        out.push({
          event: 'report:submitted',
          payload: { report: e.payload.report, task: e.payload.task },
          rooms: taskRooms(e.payload.task, tree),
        })
        break
      case 'unit_report.submitted': {
        const report = unitReportRecord(e.payload.report)
        out.push(...toAudience('unit-report:submitted', { report }, unitReportAudience(report.unitId, tree)))
        break
      }
      case 'inspection.recorded':
      case 'inspection.published': {
        const inspection = inspectionRecord(e.payload.inspection)
        const readers = e.type === 'inspection.recorded' ? (e.payload.readerIds ?? []) : []
        const event = e.type === 'inspection.recorded' ? 'inspection:recorded' : 'inspection:published'
        out.push(...toAudience(event, { inspection }, inspectionAudience(inspection, tree, today, readers)))
        break
      }
      case 'directive.created':
      case 'directive.updated': {
        const d = e.payload.directive
        out.push({ event: 'directive:updated', payload: { directive: d }, rooms: [`directive:${d.id}`] })
        break
      }
      case 'assignments.settled': {
        // Row ids only: whoever may read the directive or attend the meeting refetches what he may see.
        const p = e.payload
        const room = p.directiveId ? `directive:${p.directiveId}` : `meeting:${p.meetingId}`
        out.push({ event: 'assignments:settled', payload: p, rooms: [room] })
        break
      }
    }
  }
  return out
}

/** The live side of event delivery: emits after the batch is committed as delivered. */
export function liveHandler(emit: (m: LiveMessage) => void, tree: () => UnitTree): EventHandler {
  return async (events) => {
    const messages = liveMessages(events, tree())
    if (!messages.length) return undefined
    return () => {
      for (const m of messages) emit(m)
    }
  }
}
