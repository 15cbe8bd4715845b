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
 * Rooms a task event goes to: its lead and supporting units (and the units above them, whose boards
 * include sub-units), its directive, its meeting, its accountable user.
 */
export function taskRooms(task: TaskDto, tree: UnitTree): string[] {
  const units = new Set([task.leadUnitId, ...task.supportUnitIds].flatMap((u) => tree.lineage(u)))
  const rooms = [...units].map((u) => `unit:${u}`)
  if (task.directiveId) rooms.push(`directive:${task.directiveId}`)
  if (task.meetingId) rooms.push(`meeting:${task.meetingId}`)
  if (task.accountableUserId) rooms.push(`user:${task.accountableUserId}`)
  return rooms
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
