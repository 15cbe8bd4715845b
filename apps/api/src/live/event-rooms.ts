import type { UnitTree } from '@hub/domain'
import type { DomainEvent, EventHandler } from '../services/outbox'
import type { TaskDto } from '../services/tasks'

/** What the live layer sends: an event name, its payload, and the rooms it goes to. */
export interface LiveMessage {
  event: string
  payload: unknown
  rooms: string[]
}

/**
 * Rooms a task event goes to, so that nobody receives a task he may not read (taskPolicy.read):
 * the rooms of its lead and supporting units and the units above them (joining `unit:X` needs a
 * grant at or above X, which then reaches the task), its accountable user; and, inside the rooms of
 * its directive and meeting, only the members whose reach covers it (`directive:D|reach:<unit>`,
 * joined by the server for each grant of a subscriber) or who are accountable for it. A published
 * directive's room is open to everyone, so its plain room carries only the directive itself.
 */
export function taskRooms(task: TaskDto, tree: UnitTree): string[] {
  const units = [...new Set([task.leadUnitId, ...task.supportUnitIds].flatMap((u) => tree.lineage(u)))]
  const rooms = units.map((u) => `unit:${u}`)
  if (task.accountableUserId) rooms.push(`user:${task.accountableUserId}`)
  for (const shared of [
    task.directiveId && `directive:${task.directiveId}`,
    task.meetingId && `meeting:${task.meetingId}`,
  ]) {
    if (!shared) continue
    rooms.push(...scopedRooms(shared, units, task.accountableUserId ? [task.accountableUserId] : []))
  }
  return rooms
}

/** The members' rooms inside a shared room: one per unit of reach and one per user. */
export function scopedRooms(shared: string, unitIds: readonly string[], userIds: readonly string[]): string[] {
  return [...unitIds.map((u) => `${shared}|reach:${u}`), ...userIds.map((u) => `${shared}|user:${u}`)]
}

/** Maps committed domain events to live messages. */
export function liveMessages(events: DomainEvent[], tree: UnitTree): LiveMessage[] {
  const out: LiveMessage[] = []
  for (const e of events) {
    const p = e.payload as Record<string, unknown>
    switch (e.type) {
      case 'task.created':
      case 'task.updated':
        out.push({
          event: e.type.replace('.', ':'),
          payload: { task: p.task },
          rooms: taskRooms(p.task as TaskDto, tree),
        })
        break
      case 'report.submitted':
        out.push({
          event: 'report:submitted',
          payload: { report: p.report, task: p.task },
          rooms: taskRooms(p.task as TaskDto, tree),
        })
        break
      case 'directive.created':
      case 'directive.updated': {
        const d = p.directive as { id: string }
        out.push({ event: 'directive:updated', payload: { directive: d }, rooms: [`directive:${d.id}`] })
        break
      }
      case 'meeting.created':
      case 'meeting.updated': {
        const m = p.meeting as { id: string }
        out.push({ event: 'meeting:updated', payload: { meeting: m }, rooms: [`meeting:${m.id}`] })
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
