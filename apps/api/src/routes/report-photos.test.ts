// Photos with reports: the submitter adds them (one a request, each retry answered once), whoever may
// read the report sees them, nobody else can fetch them by id; type, size and count limits say why.
import { schema } from '@hub/db'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { PHOTO_MAX_BYTES, PHOTOS_PER_REPORT } from '../services/report-photos'
import { TEST_ORIGIN, useTestHub } from '../testing/harness'

const { hub, as, unitNamed } = useTestHub({ accounts: ['bithu', 'tayho', 'quangan', 'hoankiem'], districts: true })

/** The first bytes of a JPEG, then some body: enough for the type check. */
const jpeg = (n = 2048, fill = 7) => {
  const b = new Uint8Array(n).fill(fill)
  b.set([0xff, 0xd8, 0xff, 0xe0])
  return b
}

/** Uploads a photo the way the phone does (multipart, field "file"). */
async function upload(
  cookie: string,
  reportId: string,
  name: string,
  bytes: Uint8Array,
  headers: Record<string, string> = {},
) {
  const form = new FormData()
  form.append('file', new File([bytes], name, { type: 'image/jpeg' }))
  const res = await hub.app.request(`http://hub.test/api/reports/${reportId}/photos`, {
    method: 'POST',
    headers: { host: 'hub.test', origin: TEST_ORIGIN, cookie, ...headers },
    body: form,
  })
  return { status: res.status, json: (await res.json().catch(() => null)) as any }
}
const fetchPhoto = (cookie: string, reportId: string, photoId: string) =>
  hub.app.request(`http://hub.test/api/reports/${reportId}/photos/${photoId}`, {
    headers: { host: 'hub.test', cookie },
  })

describe('photos with reports', () => {
  let periodicId: string
  let photoId: string

  it("a district's periodic report carries a photo its readers see and another district cannot fetch by id", async () => {
    const report = await hub.request('POST', '/api/reports', {
      cookie: as.tayho,
      body: { unitId: unitNamed('Tây Hồ'), body: 'Chốt chợ Bưởi hoạt động tốt' },
    })
    expect(report.status).toBe(201)
    periodicId = report.json.report.id
    const bytes = jpeg()
    const added = await upload(as.tayho, periodicId, 'chot-cho-buoi.jpg', bytes)
    expect(added.status).toBe(201)
    expect(added.json.photo).toMatchObject({
      reportId: periodicId,
      filename: 'chot-cho-buoi.jpg',
      contentType: 'image/jpeg',
      size: bytes.length,
    })
    photoId = added.json.photo.id

    for (const reader of [as.tayho, as.bithu]) {
      const res = await fetchPhoto(reader, periodicId, photoId)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/jpeg')
      expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="chot-cho-buoi.jpg"/)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes)
      const list = await hub.request('GET', `/api/reports/${periodicId}/photos`, { cookie: reader })
      expect(list.json.photos.map((p: any) => p.id)).toEqual([photoId])
    }

    // Hoàn Kiếm's head: the report and its photo are not there for him, whatever he names.
    const denied = await fetchPhoto(as.hoankiem, periodicId, photoId)
    expect(denied.status).toBe(404)
    expect(await denied.text()).not.toContain('chot-cho-buoi')
    expect((await hub.request('GET', `/api/reports/${periodicId}/photos`, { cookie: as.hoankiem })).status).toBe(404)
    expect((await upload(as.hoankiem, periodicId, 'x.jpg', jpeg())).status).toBe(404)
    // His own report's id with Tây Hồ's photo id: the photo is not his report's.
    const own = await hub.request('POST', '/api/reports', {
      cookie: as.hoankiem,
      body: { unitId: unitNamed('Hoàn Kiếm'), body: 'Báo cáo ngày Hoàn Kiếm' },
    })
    expect((await fetchPhoto(as.hoankiem, own.json.report.id, photoId)).status).toBe(404)
    // A reader who did not submit it cannot add to it.
    expect((await upload(as.bithu, periodicId, 'them.jpg', jpeg())).status).toBe(403)
    // No session, no photo.
    expect((await hub.app.request(`http://hub.test/api/reports/${periodicId}/photos/${photoId}`)).status).toBe(401)
  })

  it("a ward's progress update on a task carries photos, read under the task's rules", async () => {
    const task = (
      await hub.request('POST', '/api/tasks', {
        cookie: as.tayho,
        body: { title: 'Kiểm tra chốt Quảng An', leadUnitId: (await quanganUnit()) as string },
      })
    ).json.task
    const update = await hub.request('POST', `/api/tasks/${task.id}/reports`, {
      cookie: as.quangan,
      body: { progress: 60, narrative: 'Đã dựng chốt' },
    })
    expect(update.status).toBe(201)
    const reportId = update.json.report.id
    const added = await upload(as.quangan, reportId, 'chot.jpeg', jpeg(4096, 9))
    expect(added.status).toBe(201)
    // The district above reads it; another district does not.
    expect((await fetchPhoto(as.tayho, reportId, added.json.photo.id)).status).toBe(200)
    expect((await fetchPhoto(as.hoankiem, reportId, added.json.photo.id)).status).toBe(404)
    // The task's report list names its photos.
    const reports = await hub.request('GET', `/api/tasks/${task.id}/reports`, { cookie: as.tayho })
    expect(reports.json.reports[0].photos.map((p: any) => p.id)).toEqual([added.json.photo.id])
  })

  it('the same upload sent twice with one Idempotency-Key is stored once', async () => {
    const key = crypto.randomUUID()
    const first = await upload(as.tayho, periodicId, 'lan-1.jpg', jpeg(1024, 3), { 'idempotency-key': key })
    const again = await upload(as.tayho, periodicId, 'lan-1.jpg', jpeg(1024, 3), { 'idempotency-key': key })
    expect(first.status).toBe(201)
    expect(again.status).toBe(201)
    expect(again.json.photo.id).toBe(first.json.photo.id)
    const rows = await hub.dbh.db
      .select({ id: schema.reportAttachments.id })
      .from(schema.reportAttachments)
      .where(eq(schema.reportAttachments.filename, 'lan-1.jpg'))
    expect(rows).toHaveLength(1)
  })

  it('refuses what is not a photo (415), too large (413), no file (400), a bad id (400), too many (409)', async () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])
    const notJpeg = await upload(as.tayho, periodicId, 'anh.jpg', pdf)
    expect(notJpeg.status).toBe(415)
    expect(notJpeg.json.error.message).toMatch(/Loại tệp không được phép \(jpg, jpeg, png, webp\)/)
    expect((await upload(as.tayho, periodicId, 'bao-cao.pdf', pdf)).status).toBe(415)
    expect((await upload(as.tayho, periodicId, 'anh.svg', new TextEncoder().encode('<svg/>'))).status).toBe(415)
    const big = await upload(as.tayho, periodicId, 'lon.jpg', jpeg(PHOTO_MAX_BYTES + 1))
    expect(big.status).toBe(413)
    expect(big.json.error.message).toContain(`tối đa ${PHOTO_MAX_BYTES / 1024 / 1024} MB`)
    const none = await hub.app.request(`http://hub.test/api/reports/${periodicId}/photos`, {
      method: 'POST',
      headers: { host: 'hub.test', origin: TEST_ORIGIN, cookie: as.tayho },
      body: new FormData(),
    })
    expect(none.status).toBe(400)
    expect((await upload(as.tayho, 'not-a-uuid', 'a.jpg', jpeg())).status).toBe(400)
    expect((await fetchPhoto(as.tayho, periodicId, "1' or 1=1 --")).status).toBe(400)
    expect((await upload(as.tayho, crypto.randomUUID(), 'a.jpg', jpeg())).status).toBe(404)

    const held = (await hub.request('GET', `/api/reports/${periodicId}/photos`, { cookie: as.tayho })).json.photos
      .length
    for (let i = held; i < PHOTOS_PER_REPORT; i++)
      expect((await upload(as.tayho, periodicId, `anh-${i}.jpg`, jpeg())).status).toBe(201)
    const over = await upload(as.tayho, periodicId, 'thua.jpg', jpeg())
    expect(over.status).toBe(409)
    expect(over.json.error.code).toBe('too_many_photos')
  })
})

async function quanganUnit() {
  return (await hub.request('GET', '/api/auth/me', { cookie: as.quangan })).json.user.unitId
}
