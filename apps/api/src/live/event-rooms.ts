import { type LiveEventName, type LiveEvents, type TaskView, taskAudience, type UnitTree } from '@hub/domain'
import type { DomainEvent, EventHandler } from '../services/outbox'

/** What the live layer sends: an event name, its payload, and the rooms it goes to. */
export type LiveMessage = {
  [E in LiveEventName]: { event: E; payload: LiveEvents[E]; rooms: string[] }
}[LiveEventName]

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
export function liveMessages(events: DomainEvent[], tree: UnitTree): LiveMessage[] {
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
      case 'directive.created':
      case 'directive.updated': {
        const d = e.payload.directive
        out.push({ event: 'directive:updated', payload: { directive: d }, rooms: [`directive:${d.id}`] })
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
