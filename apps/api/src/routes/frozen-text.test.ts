// An issued directive's frozen text, on a real hub with real collab editors: an imported text numbered
// once through the editor, export, issue and a numbered amendment, versions saying who made them; and
// importing a document the hub already holds links the existing one.

import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { api, issueDirective, submitDirective, useLiveHub } from '../testing/live-hub'
import { openDoc } from '../testing/ydoc'

const pasted = `THÀNH ỦY HÀ NỘI\t\tĐẢNG CỘNG SẢN VIỆT NAM
*
Số 09 -CT/TU\t\tHà Nội, ngày 02 tháng 8 năm 2021

CHỈ THỊ
CỦA BAN THƯỜNG VỤ THÀNH ỦY
về tăng cường kiểm soát người ra vào Thành phố

Ban Thường vụ Thành ủy yêu cầu:

1. Ban cán sự đảng UBND Thành phố chỉ đạo lập đủ các chốt kiểm soát tại cửa ngõ.
Các chốt làm việc 24/24 giờ.

2. Các quận ủy, huyện ủy, thị ủy chỉ đạo kiểm soát chặt chẽ người ra khỏi nhà.

Chỉ thị này phổ biến đến chi bộ.

Nơi nhận:\t\tT/M BAN THƯỜNG VỤ
- Ban Bí thư, (để b/c)\t\tBÍ THƯ
- Lưu Văn phòng Thành ủy.\t\tTrần Quốc Hưng`

/** The text of the exported DOCX's main part. */
async function exportedText(id: string, cookie: string): Promise<string> {
  const res = await fetch(`${hub.base}/api/directives/${id}/export?format=docx`, { headers: { cookie } })
  expect(res.status).toBe(200)
  const zip = await JSZip.loadAsync(await res.arrayBuffer())
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '')
}

const { hub, as } = useLiveHub(['vanphong', 'bithu'])

describe('the frozen text of an issued directive', () => {
  it('writes each clause number once, whether the text came from the editor or from a client that kept the numbers', async () => {
    const imported = (await api(hub.base, as.vanphong, 'POST', '/api/directives/import', { text: pasted })).json
      .directive
    // The editors open it: the collaborative text starts with the imported clauses, numbered.
    const doc = await openDoc(hub.base, `directive:${imported.id}`, as.vanphong)
    expect(doc.text()).toContain('1. Ban cán sự đảng UBND Thành phố')
    doc.provider.destroy()
    // A named version of the shared draft says who saved it.
    const office = (await api(hub.base, as.vanphong, 'GET', '/api/auth/me')).json.user
    const saved = await api(hub.base, as.vanphong, 'POST', `/api/documents/directive:${imported.id}/versions`, {
      label: 'Bản gửi xin ý kiến',
    })
    expect(saved.status).toBe(201)
    const named = (await api(hub.base, as.vanphong, 'GET', `/api/documents/directive:${imported.id}/versions`)).json
    expect(named.versions[0]).toMatchObject({ label: 'Bản gửi xin ý kiến', createdByName: office.fullName })
    // The draft's export says it is a draft.
    expect(await exportedText(imported.id, as.vanphong)).toContain('DỰ THẢO')
    const submitted = await submitDirective(hub.base, as.vanphong, imported.id, imported.version)
    const issued = await issueDirective(hub.base, as.bithu, imported.id, submitted.json.directive.version, '2026-11-20')
    expect(issued.status).toBe(200)
    expect(await exportedText(imported.id, as.vanphong)).not.toContain('DỰ THẢO')
    // Each frozen version says who made it.
    const listed = (await api(hub.base, as.bithu, 'GET', `/api/directives/${imported.id}/versions`)).json.versions
    const secretary = (await api(hub.base, as.bithu, 'GET', '/api/auth/me')).json.user
    expect(listed[0].createdByName).toBe(secretary.fullName)
    const v1 = (await api(hub.base, as.bithu, 'GET', `/api/directives/${imported.id}/versions/1`)).json.version
    expect(v1.plainText.split('\n')).toEqual([
      'Ban Thường vụ Thành ủy yêu cầu:',
      '1. Ban cán sự đảng UBND Thành phố chỉ đạo lập đủ các chốt kiểm soát tại cửa ngõ.',
      'Các chốt làm việc 24/24 giờ.',
      '2. Các quận ủy, huyện ủy, thị ủy chỉ đạo kiểm soát chặt chẽ người ra khỏi nhà.',
      'Chỉ thị này phổ biến đến chi bộ.',
    ])

    // An amendment whose clauses still carry their numbers, as a client pasting from the text sends them.
    const amended = await api(hub.base, as.bithu, 'POST', `/api/directives/${imported.id}/versions`, {
      label: 'Sửa đổi điểm 2',
      body: {
        preamble: 'Ban Thường vụ Thành ủy yêu cầu:',
        clauses: [
          { ordinal: 1, text: '1. Ban cán sự đảng UBND Thành phố chỉ đạo lập đủ các chốt kiểm soát tại cửa ngõ.' },
          { ordinal: 2, text: '2. 2. Các quận ủy chỉ đạo kiểm soát chặt chẽ người ra khỏi nhà, báo cáo hằng ngày.' },
        ],
        closing: 'Chỉ thị này phổ biến đến chi bộ.',
      },
    })
    expect(amended.status).toBe(201)
    const v2 = (await api(hub.base, as.bithu, 'GET', `/api/directives/${imported.id}/versions/2`)).json.version
    expect(v2.plainText).not.toMatch(/(\d+)\.\s+\1\./)
    expect(v2.plainText).toContain('\n2. Các quận ủy chỉ đạo')
    expect(v2.body.clauses[1].text).toBe('Các quận ủy chỉ đạo kiểm soát chặt chẽ người ra khỏi nhà, báo cáo hằng ngày.')
  })
})

describe('importing a document already in the hub', () => {
  it('warns and links the existing one by its number', async () => {
    const text = pasted.replace('Số 09 -CT/TU', 'Số 41 -CT/TU')
    const first = await api(hub.base, as.vanphong, 'POST', '/api/directives/import', { text })
    expect(first.status).toBe(201)
    expect(first.json.existing).toEqual([])
    const again = await api(hub.base, as.vanphong, 'POST', '/api/directives/import', { text })
    expect(again.status).toBe(201)
    expect(again.json.existing).toEqual([
      expect.objectContaining({ id: first.json.directive.id, number: '41-CT/TU', status: 'draft' }),
    ])
  })
})
