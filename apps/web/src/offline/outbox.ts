// The outbox: progress updates, reports (a task's or a unit's periodic one, with their photos as blobs)
// and difficulty notes written without a connection (or whose sending failed) are kept in IndexedDB and
// sent in order when the connection returns, each against the task version it was based on and with an
// Idempotency-Key, so a retry never writes twice.

import type { QueryClient } from '@tanstack/react-query'
import { createStore, del, get, set } from 'idb-keyval'
import { useSyncExternalStore } from 'react'
import { accountabilityKeys } from '../lib/accountability'
import { ApiError, api } from '../lib/api'
import { keys } from '../lib/queries'
import { applyTask } from '../lib/task-cache'
import type { Report, Task, TaskStatus } from '../lib/types'
import type { PhotoDraft } from './photos'

/** One write waiting to be sent. */
export interface OutboxItem {
  id: string
  userId: string
  taskId: string
  taskTitle: string
  /** The task as the form was opened: the version the change is sent against. */
  base: { version: number; status: TaskStatus; progress: number }
  /** The lead's change of status and progress (none for a supporting unit's report or a note only). */
  change: { status?: TaskStatus; progress: number } | null
  /** The report's text: what was done, and the difficulties met. */
  report: { narrative: string; difficulties: string } | null
  /** Idempotency keys, one per request; a refused request's key is replaced before it is sent again. */
  patchKey: string
  reportKey: string
  /** The change is on the server (the report may still be waiting). */
  patched: boolean
  createdAt: string
  /** pending: will be sent; conflict: the task changed meanwhile, the user decides; failed: refused. */
  state: 'pending' | 'conflict' | 'failed'
  /** In a conflict: the task as the server has it now. */
  current?: Task
  error?: { status: number; code: string; message: string }
  /** A unit's periodic report (then there is no task: taskId is empty, change and report are null). */
  unitReport?: { unitId: string; unitName: string; body: string; difficulties: string }
  /** Photos sent with the report, each uploaded once after it is recorded. */
  photos?: PhotoDraft[]
  /** The report's id on the hub once it is recorded: a retry then sends only the photos still waiting. */
  reportId?: string
}

export type NewOutboxItem = Pick<OutboxItem, 'userId' | 'taskId' | 'taskTitle' | 'base' | 'change' | 'report'> &
  Partial<Pick<OutboxItem, 'patchKey' | 'reportKey' | 'patched' | 'photos' | 'unitReport'>>

/** What holds back later items: those of the same task, or the same unit's periodic reports. */
const lane = (i: OutboxItem) => (i.unitReport ? `unit:${i.unitReport.unitId}` : i.taskId)

const store = createStore('hub-outbox', 'items')
const KEY = 'items'

let items: OutboxItem[] = []
let loaded: Promise<void> | null = null
const listeners = new Set<() => void>()
/** Told when an item is queued or set to be sent again (the sender runs then). */
const queuedListeners = new Set<() => void>()

/** Calls back when something is ready to be sent; returns the unsubscribe. */
export function onQueued(cb: () => void): () => void {
  queuedListeners.add(cb)
  return () => queuedListeners.delete(cb)
}

function queued() {
  for (const l of queuedListeners) l()
}

/** How many of this user's items wait to be sent (conflicts and refusals included). */
export function pendingCount(userId: string): number {
  return items.filter((i) => i.userId === userId).length
}

function emit() {
  for (const l of listeners) l()
}

/** A fresh key for one request. */
export function newKey(): string {
  return crypto.randomUUID()
}

async function read(): Promise<OutboxItem[]> {
  try {
    return (await get<OutboxItem[]>(KEY, store)) ?? []
  } catch {
    return []
  }
}

/** Reads the outbox from IndexedDB once (and again before each sending: another tab may have changed it). */
export function loadOutbox(): Promise<void> {
  loaded ??= read().then((stored) => {
    items = stored
    emit()
  })
  return loaded
}

async function save(next: OutboxItem[]) {
  items = next
  emit()
  await set(KEY, next, store)
}

async function update(id: string, patch: Partial<OutboxItem>) {
  await save(items.map((i) => (i.id === id ? { ...i, ...patch } : i)))
}

async function remove(id: string) {
  await save(items.filter((i) => i.id !== id))
}

/** Puts a write in the outbox (after the ones already there); it is sent by the next flush. */
export async function enqueue(input: NewOutboxItem): Promise<OutboxItem> {
  await loadOutbox()
  const item: OutboxItem = {
    patchKey: newKey(),
    reportKey: newKey(),
    patched: false,
    ...input,
    id: newKey(),
    createdAt: new Date().toISOString(),
    state: 'pending',
  }
  await save([...items, item])
  queued()
  return item
}

/** Puts a unit's periodic report (and its photos) in the outbox. */
export function enqueueUnitReport(input: {
  userId: string
  unitReport: NonNullable<OutboxItem['unitReport']>
  photos: PhotoDraft[]
}): Promise<OutboxItem> {
  return enqueue({
    ...input,
    taskId: '',
    taskTitle: input.unitReport.unitName,
    base: { version: 0, status: 'not_started', progress: 0 },
    change: null,
    report: null,
  })
}

/** One item as it stands now (gone once sent). */
export function outboxItem(id: string): OutboxItem | undefined {
  return items.find((i) => i.id === id)
}

/** Empties the outbox (logout: nothing of this person is left on a shared phone). */
export async function clearOutbox(): Promise<void> {
  items = []
  emit()
  await del(KEY, store)
}

/** Drops the items of other people (their session ended without a logout; they cannot be sent as this user). */
export async function keepOnlyUser(userId: string): Promise<void> {
  await loadOutbox()
  if (items.some((i) => i.userId !== userId)) await save(items.filter((i) => i.userId === userId))
}

type Outcome = 'sent' | 'conflict' | 'failed' | 'offline'

function isOffline(e: unknown): boolean {
  // No answer, a server error or an expired session: keep the item and try again later.
  return !(e instanceof ApiError) || e.status === 0 || e.status === 401 || e.status >= 500
}

function describe(e: unknown): OutboxItem['error'] {
  return e instanceof ApiError
    ? { status: e.status, code: e.code, message: e.message }
    : { status: 0, code: 'unknown', message: String(e) }
}

/** Sends one item: the change against its base version first, then the report. */
async function send(item: OutboxItem, qc: QueryClient): Promise<Outcome> {
  let cur = item
  if (cur.change && !cur.patched) {
    try {
      const { task } = await api<{ task: Task }>(`/tasks/${cur.taskId}`, {
        method: 'PATCH',
        body: {
          version: cur.base.version,
          progress: cur.change.progress,
          status: cur.change.status !== cur.base.status ? cur.change.status : undefined,
        },
        idempotencyKey: cur.patchKey,
      })
      applyTask(qc, task)
      const from = cur.base.version
      cur = { ...cur, patched: true }
      // Later changes this person made here to the same task, on top of this one, now follow its version.
      await save(
        items.map((i) =>
          i.id === cur.id
            ? cur
            : i.taskId === cur.taskId && i.change && !i.patched && i.base.version === from
              ? { ...i, base: { ...i.base, version: task.version } }
              : i,
        ),
      )
    } catch (e) {
      if (isOffline(e)) return 'offline'
      const current = e instanceof ApiError ? (e.details as { current?: Task } | undefined)?.current : undefined
      if (e instanceof ApiError && e.status === 409 && current) {
        applyTask(qc, current)
        await update(cur.id, { state: 'conflict', current })
        return 'conflict'
      }
      await update(cur.id, { state: 'failed', error: describe(e) })
      return 'failed'
    }
  }
  // The progress the change just set goes into the report's record (the task's timeline); a report
  // alone never carries a progress, so it cannot move the task past a version check.
  const body = cur.report && {
    ...cur.report,
    ...(cur.change && cur.patched ? { progress: cur.change.progress } : {}),
  }
  if (
    !cur.reportId &&
    (cur.unitReport ||
      // Photos need their report: without any text the hub refuses it (400) and the item says so.
      cur.photos?.some((p) => !p.sent) ||
      (body && (body.progress !== undefined || body.narrative || body.difficulties)))
  ) {
    try {
      if (cur.unitReport) {
        const { unitId, body: text, difficulties } = cur.unitReport
        const r = await api<{ report: { id: string } }>('/reports', {
          method: 'POST',
          body: { unitId, body: text, ...(difficulties ? { difficulties } : {}) },
          idempotencyKey: cur.reportKey,
        })
        cur = { ...cur, reportId: r.report.id }
        void qc.invalidateQueries({ queryKey: accountabilityKeys.all })
      } else {
        const r = await api<{ report: Report; task?: Task }>(`/tasks/${cur.taskId}/reports`, {
          method: 'POST',
          body: body ?? { narrative: '', difficulties: '' },
          idempotencyKey: cur.reportKey,
        })
        cur = { ...cur, reportId: r.report.id }
        if (r.task) applyTask(qc, r.task)
        void qc.invalidateQueries({ queryKey: keys.reports(cur.taskId) })
      }
      if (cur.photos?.some((p) => !p.sent)) await update(cur.id, { reportId: cur.reportId })
    } catch (e) {
      if (isOffline(e)) return 'offline'
      await update(cur.id, { state: 'failed', error: describe(e) })
      return 'failed'
    }
  }
  const photos = await sendPhotos(cur)
  if (photos !== 'sent') return photos
  if (cur.reportId && cur.photos?.length && !cur.unitReport)
    void qc.invalidateQueries({ queryKey: keys.reports(cur.taskId) })
  await remove(cur.id)
  return 'sent'
}

/** Uploads the photos still waiting, one request each under its own key, after the report is recorded. */
async function sendPhotos(item: OutboxItem): Promise<Outcome> {
  if (!item.reportId || !item.photos) return 'sent'
  let photos = item.photos
  for (const [i, photo] of photos.entries()) {
    if (photo.sent) continue
    const form = new FormData()
    form.append('file', photo.blob, photo.name)
    try {
      await api(`/reports/${item.reportId}/photos`, { method: 'POST', body: form, idempotencyKey: photo.key })
    } catch (e) {
      if (isOffline(e)) return 'offline'
      const error = describe(e)!
      await update(item.id, { state: 'failed', error: { ...error, message: `${photo.name}: ${error.message}` } })
      return 'failed'
    }
    // Sent: its bytes need not be kept any longer.
    photos = photos.map((p, j) => (j === i ? { ...p, sent: true, blob: new Blob([]) } : p))
    await update(item.id, { photos })
  }
  return 'sent'
}

let flushing: Promise<boolean> | null = null
/** Something was queued while a sending ran: run once more after it. */
let again = false

/**
 * Sends the waiting items of this user in the order they were written. An item in conflict or refused
 * holds back the later items of the same task (their order matters) until the user decides; other
 * tasks go on. Stops at the first item that finds no connection. Resolves true when nothing pending
 * is left behind for lack of a connection.
 */
export function flushOutbox(qc: QueryClient, userId: string): Promise<boolean> {
  if (flushing) {
    again = true
    return flushing
  }
  flushing = (async () => {
    const run = async () => {
      // Another tab of this browser may have sent or added items: start from what is stored.
      items = await read()
      emit()
      const held = new Set<string>()
      for (const item of items.filter((i) => i.userId === userId)) {
        if (item.state !== 'pending' || held.has(lane(item))) {
          held.add(lane(item))
          continue
        }
        const outcome = await send(item, qc)
        if (outcome === 'offline') return false
        if (outcome !== 'sent') held.add(lane(item))
      }
      return true
    }
    // One tab sends at a time (the keys would keep a second sending from writing twice, but in order is better).
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined
    let ok: boolean
    do {
      again = false
      ok = locks ? await locks.request('hub-outbox', run) : await run()
    } while (ok && again)
    return ok
  })().finally(() => {
    flushing = null
  })
  return flushing
}

/** The user keeps his own values in a conflict: they are sent again against the version the server has now. */
export async function keepMine(id: string) {
  const item = items.find((i) => i.id === id)
  if (!item?.current) return
  const c = item.current
  await update(id, {
    state: 'pending',
    base: { version: c.version, status: c.status, progress: c.progress },
    current: undefined,
    // The refused request's answer is kept under its key: the new attempt needs a new one.
    patchKey: newKey(),
  })
  queued()
}

/** The user takes the other person's values: his change of progress is dropped, his report's text is still sent. */
export async function keepTheirs(id: string) {
  const item = items.find((i) => i.id === id)
  if (!item) return
  if (item.report && (item.report.narrative || item.report.difficulties))
    await update(id, { state: 'pending', change: null, current: undefined })
  else await remove(id)
  queued()
}

/** Sends a refused item again (after the cause was fixed), with new keys for what is not on the hub yet. */
export async function retryItem(id: string) {
  const item = items.find((i) => i.id === id)
  await update(id, {
    state: 'pending',
    error: undefined,
    patchKey: newKey(),
    reportKey: newKey(),
    photos: item?.photos?.map((p) => (p.sent ? p : { ...p, key: newKey() })),
  })
  queued()
}

/** Deletes an item because the user says so. */
export async function discardItem(id: string) {
  await remove(id)
  queued()
}

function subscribe(cb: () => void) {
  listeners.add(cb)
  return () => listeners.delete(cb)
}

/** The outbox of this user, as it changes. */
export function useOutbox(userId: string | null | undefined): OutboxItem[] {
  const all = useSyncExternalStore(subscribe, () => items)
  return userId ? all.filter((i) => i.userId === userId) : []
}
