// Photos taken on the phone for a report: downscaled and re-encoded in the browser before they are
// kept in the outbox (a 4 MB camera photo becomes a few hundred kB on mobile data), with the limits the
// hub applies said here first, so an official learns at once what will not be accepted.

// The compression library (~20 KB gzip) is loaded when the first photo is picked, not with the task
// page: most visits send no photo. The service worker precaches it like every chunk, so it works offline.

/** Longest side kept: enough to read a sign or a document in the photo. */
const MAX_SIDE = 1600
/** What one photo aims at after compression. */
const TARGET_MB = 0.6
/** The hub's limits (services/report-photos.ts): per photo, and photos per report. */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024
export const PHOTOS_PER_REPORT = 6
/** Types the hub accepts; anything else the browser can decode is re-encoded as JPEG. */
const accepted = /^image\/(jpeg|png|webp)$/

/** A photo ready to send: the bytes, the name the hub stores, and the key that makes its upload happen once. */
export interface PhotoDraft {
  name: string
  blob: Blob
  /** Idempotency-Key of its upload. */
  key: string
  /** On the hub already (its upload answered). */
  sent?: boolean
}

/** Why a photo was not taken: too many, not an image, or still too large after compression. */
export class PhotoRejected extends Error {
  constructor(readonly reason: 'tooMany' | 'notImage' | 'tooLarge') {
    super(reason)
  }
}

function jpegName(name: string): string {
  const base = name.replace(/\.[^.]*$/, '') || 'anh'
  return `${base}.jpg`
}

/**
 * Shrinks a photo to at most MAX_SIDE pixels on its longest side and about TARGET_MB, as a JPEG (the
 * camera's orientation applied). When the browser cannot decode it (an HEIC on some phones), an accepted
 * type small enough is kept as it is; otherwise it is refused.
 */
export async function preparePhoto(file: File): Promise<PhotoDraft> {
  if (!file.type.startsWith('image/')) throw new PhotoRejected('notImage')
  let blob: Blob = file
  let name = file.name || 'anh.jpg'
  try {
    const { default: imageCompression } = await import('browser-image-compression')
    const small = await imageCompression(file, {
      maxWidthOrHeight: MAX_SIDE,
      maxSizeMB: TARGET_MB,
      initialQuality: 0.8,
      fileType: 'image/jpeg',
      // The worker would load the library from a CDN: never on this hub (offline, strict CSP).
      useWebWorker: false,
    })
    blob = small
    name = jpegName(name)
  } catch {
    if (!accepted.test(file.type)) throw new PhotoRejected('notImage')
  }
  if (blob.size > PHOTO_MAX_BYTES) throw new PhotoRejected('tooLarge')
  return { name, blob: new Blob([blob], { type: blob.type || 'image/jpeg' }), key: crypto.randomUUID() }
}
