// Upgrade paths (/collab/<docName>) and refusing an upgrade with an HTTP status.
import { STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import { parseDocName } from './doc-name'

/** Where an upgrade request points: a valid document, a malformed name under our path, or elsewhere. */
export type UpgradeTarget = { kind: 'document'; name: string } | { kind: 'bad-name' } | { kind: 'elsewhere' }

/** Reads the document name from `/collab/<docName>` (URL-encoded or not; a query string is ignored). */
export function upgradeTarget(url: string | undefined, basePath: string): UpgradeTarget {
  let pathname: string
  try {
    pathname = new URL(url ?? '/', 'http://localhost').pathname
  } catch {
    return { kind: 'bad-name' }
  }
  if (!pathname.startsWith(`${basePath}/`)) return { kind: 'elsewhere' }
  let name: string
  try {
    name = decodeURIComponent(pathname.slice(basePath.length + 1))
  } catch {
    return { kind: 'bad-name' }
  }
  return parseDocName(name) ? { kind: 'document', name } : { kind: 'bad-name' }
}

/** Codes and messages of refused upgrades, in the API's error shape. */
const refusals: Record<number, { code: string; message: string }> = {
  400: { code: 'bad_document_name', message: 'Tên tài liệu không hợp lệ / Invalid document name' },
  401: { code: 'unauthenticated', message: 'Chưa đăng nhập / Not signed in' },
  403: { code: 'forbidden', message: 'Không có quyền / Not allowed' },
  404: { code: 'not_found', message: 'Không tìm thấy tài liệu / No such document' },
  500: { code: 'internal', message: 'Lỗi máy chủ / Server error' },
  503: { code: 'unavailable', message: 'Máy chủ tạm thời không phục vụ / Temporarily unavailable' },
}

/** Answers an upgrade with a plain HTTP error on the raw socket and closes it once written. */
export function refuseUpgrade(socket: Duplex, status: number, code?: string): void {
  if (socket.destroyed) return
  const r = refusals[status] ?? refusals[500]!
  const body = JSON.stringify({ error: { code: code ?? r.code, message: r.message } })
  socket.once('finish', () => socket.destroy())
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
}
