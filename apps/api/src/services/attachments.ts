// Files attached to records (a model practice's materials, a report's photos): what may be stored, how
// it is checked (size, type by extension confirmed by the first bytes, safe name) and how it is served
// back. Each record kind keeps its own table and read rules; this is the part they share.
import { ApiError } from '../errors'

/** One accepted type: the type served back, and the bytes the file must start with (null: any; a null byte: any value there). */
export interface FileRule {
  type: string
  magic: (number | null)[] | null
}

const jpeg: FileRule = { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] }
const png: FileRule = { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] }
/** "RIFF", four bytes of length, "WEBP". */
const webp: FileRule = {
  type: 'image/webp',
  magic: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50],
}

/** What a model practice may carry: scanned forms, write-ups, tables. */
export const documentRules: Record<string, FileRule> = {
  pdf: { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  png,
  jpg: jpeg,
  jpeg,
  docx: {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [0x50, 0x4b, 0x03, 0x04] },
  txt: { type: 'text/plain; charset=utf-8', magic: null },
}

/** What a report may carry: photos taken on a phone (the browser re-encodes them as JPEG before sending). */
export const photoRules: Record<string, FileRule> = { jpg: jpeg, jpeg, png, webp }

/** 413 naming the limit, in both languages. */
export const fileTooLarge = (maxBytes: number) =>
  new ApiError(
    413,
    'payload_too_large',
    `Tệp quá lớn (tối đa ${maxBytes / 1024 / 1024} MB) / File too large (max ${maxBytes / 1024 / 1024} MB)`,
  )

const unsupported = (rules: Record<string, FileRule>, why: string) =>
  new ApiError(
    415,
    'unsupported_media_type',
    `Loại tệp không được phép (${Object.keys(rules).join(', ')}) / File type not allowed: ${why}`,
  )

/** The stored type of a file, judged by its extension and confirmed by its first bytes; never the client's claim. */
export function fileType(rules: Record<string, FileRule>, filename: string, bytes: Uint8Array): string {
  const ext = filename.toLowerCase().split('.').pop() ?? ''
  const rule = Object.hasOwn(rules, ext) ? rules[ext] : undefined
  if (!rule || !filename.includes('.')) throw unsupported(rules, ext || 'no extension')
  if (rule.magic && !rule.magic.every((b, i) => b === null || bytes[i] === b))
    throw unsupported(rules, `content is not ${ext}`)
  if (!rule.magic) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
      if (text.includes('\u0000')) throw new Error('binary')
    } catch {
      throw unsupported(rules, 'not UTF-8 text')
    }
  }
  return rule.type
}

/** A file name safe for storage and for Content-Disposition: no paths, no control characters. */
export function safeFilename(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? ''
  const clean = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f' && ch !== '"')
    .join('')
    .trim()
  return (clean || 'tep').slice(0, 200)
}

/** Content-Disposition for a download: an ASCII fallback and the exact name (RFC 6266). */
export function contentDisposition(filename: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^\x20-\x7e]|["\\;]/g, '_')
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`
}

/** An upload checked against its rules: the name to store, the type to serve, the bytes. */
export interface CheckedFile {
  filename: string
  contentType: string
  size: number
  data: Uint8Array
}

/** Reads an uploaded file and checks its size, name and type (413 / 415 with the allowed list). */
export async function checkUpload(file: File, rules: Record<string, FileRule>, maxBytes: number): Promise<CheckedFile> {
  if (file.size > maxBytes) throw fileTooLarge(maxBytes)
  const data = new Uint8Array(await file.arrayBuffer())
  if (data.length > maxBytes) throw fileTooLarge(maxBytes)
  const filename = safeFilename(file.name)
  return { filename, contentType: fileType(rules, filename, data), size: data.length, data }
}

/**
 * Headers for serving a stored file: its checked type, never sniffed, never run as a page (sandboxed),
 * private to the reader. `inline` only for photos (shown in a report); other materials download.
 */
export function fileHeaders(
  row: { filename: string; contentType: string },
  disposition: 'attachment' | 'inline' = 'attachment',
): Record<string, string> {
  return {
    'content-type': row.contentType,
    'content-disposition': contentDisposition(row.filename, disposition),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, no-store',
  }
}
