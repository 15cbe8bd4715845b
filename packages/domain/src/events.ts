/**
 * The domain events a change writes with itself (transactional outbox), and the live events the
 * socket delivers from them. One typed union for the writer (apps/api), the delivery (outbox
 * handlers) and the web app's socket client, so a field cannot drift between them.
 */
import type { z } from 'zod'
import type { notificationSchema } from './contracts/records'
import type { TaskView } from './task'

/** A task's state before a change, so that delivery can tell whether its progress moved. */
export interface TaskProgressState {
  status: string
  progress: number
}

type Record_ = Record<string, unknown>

/** A progress report as the API returns it. */
export interface ReportRecord {
  id: string
  kind: string
  taskId: string | null
  unitId: string
  progress: number | null
  narrative: string
  difficulties: string
  figures: unknown
  submittedBy: string | null
  submittedByName: string | null
  submittedAt: string
}

/** A notification as the bell shows it (`count` grows as notifications merge): the response contract's type. */
export type NotificationRecord = z.infer<typeof notificationSchema>

/** An inspection as the live events carry it: enough to say which unit's figures moved; never its findings. */
export interface InspectionEventRecord {
  id: string
  unitId: string
  unitName: string
  kind: string
  date: string
  outcome: string | null
  published: boolean
  publishedAt: string | null
}

/** A unit's periodic report as the live events carry it (the office's "who has not reported" list moves). */
export interface UnitReportEventRecord {
  id: string
  unitId: string
  unitName: string
  kind: string
  period: string | null
  periodStart: string | null
  submittedAt: string
  onTime: boolean
}

/** Someone viewing a shared room. */
export interface PresenceUserRecord {
  userId: string
  fullName: string
  position: string
}

/** Rows of an assignment table were settled (their tasks are announced by their own events). */
export interface AssignmentsSettled {
  docName: string
  directiveId: string | null
  meetingId: string | null
  rowIds: string[]
}

/** Every domain event: its type and the payload written with it. */
export type DomainEventInput =
  | { type: 'task.created'; payload: { task: TaskView } }
  | { type: 'task.updated'; payload: { task: TaskView; before?: TaskProgressState; rolledUp?: true } }
  | { type: 'task.due_soon' | 'task.overdue' | 'task.report_due'; payload: { task: TaskView } }
  | { type: 'task.escalated'; payload: { task: TaskView; toUserIds: string[]; unitName: string } }
  | { type: 'report.submitted'; payload: { report: ReportRecord; task: TaskView } }
  | {
      type: 'directive.created' | 'directive.updated'
      payload: { directive: { id: string } & Record_; statusChanged?: true }
    }
  | {
      type: 'directive.distributed'
      payload: { directiveId: string; number: string | null; title: string; userIds: string[] }
    }
  | { type: 'meeting.created' | 'meeting.updated'; payload: { meeting: { id: string } & Record_ } }
  | { type: 'assignments.settled'; payload: AssignmentsSettled }
  | {
      type: 'inspection.published'
      payload: {
        inspection: InspectionEventRecord
        /** The heads of the inspected unit, told personally. */
        userIds: string[]
      }
    }
  | {
      type: 'inspection.recorded'
      payload: {
        inspection: InspectionEventRecord
        /** Who read the conclusion before publication besides those above the unit: its recorder and team. */
        readerIds?: string[]
      }
    }
  | { type: 'unit_report.submitted'; payload: { report: UnitReportEventRecord } }
  | {
      type:
        | 'inspection_team.created'
        | 'measure.settings_changed'
        | 'model.created'
        | 'model.updated'
        | 'model.adopted'
        | 'model.adoption_updated'
        | 'model.attached'
        | 'model.commented'
        | 'model.requested'
        | 'report_schedule.created'
        | 'unit_report.decided'
      payload: Record_
    }

export type DomainEventType = DomainEventInput['type']

/** The payload of one event type. */
export type EventPayload<T extends DomainEventType> = Extract<DomainEventInput, { type: T }>['payload']

/** What the live socket sends, by event name (DESIGN.md: the socket contract). */
export interface LiveEvents {
  'task:created': { task: TaskView }
  'task:updated': { task: TaskView }
  'report:submitted': { report: ReportRecord; task: TaskView }
  'directive:updated': { directive: { id: string } & Record_ }
  /** A unit's periodic report (the task-progress report is `report:submitted`). */
  'unit-report:submitted': { report: UnitReportEventRecord }
  /** An inspection recorded: before publication only to those who may read its conclusion. */
  'inspection:recorded': { inspection: InspectionEventRecord }
  /** An inspection's conclusion published to the unit. */
  'inspection:published': { inspection: InspectionEventRecord }
  'assignments:settled': AssignmentsSettled
  notification: { notification: NotificationRecord }
  presence: { room: string; users: PresenceUserRecord[] }
}
export type LiveEventName = keyof LiveEvents
