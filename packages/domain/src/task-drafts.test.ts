// Tasks proposed from directive clauses on a made-up unit directory: who leads and who supports, units on
// the tree of the directive's day (abolished ones flagged), deadlines, recurrence and titles.

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDirective } from './directive-parser'
import { communeIds, districtIds, fakeUnits } from './fixtures/fake-units'
import { proposeTaskDrafts, type TaskDraft, type UnitRef } from './task-drafts'

const ISSUED = '2021-07-30'

function drafts(text: string, issuedAt: string | null = ISSUED): TaskDraft[] {
  return proposeTaskDrafts([{ ordinal: 1, text }], fakeUnits, { issuedAt })
}

function only(text: string, issuedAt: string | null = ISSUED): TaskDraft {
  const list = drafts(text, issuedAt)
  expect(list).toHaveLength(1)
  return list[0]!
}

describe('proposeTaskDrafts: who leads and who supports', () => {
  it.each([
    [
      'Ban cán sự đảng UBND Thành phố chỉ đạo xây dựng phương án cung ứng hàng hóa, phối hợp với Sở Y tế chuẩn bị cơ sở thu dung.',
      ['b-bcsd'],
      ['s-yt'],
    ],
    [
      'Giao Sở Y tế chủ trì, phối hợp với Công an Thành phố và Sở Giao thông vận tải truy vết các trường hợp tiếp xúc.',
      ['s-yt'],
      ['s-ca', 's-gtvt'],
    ],
    ['Đề nghị Ủy ban MTTQ Thành phố vận động Nhân dân ủng hộ.', ['b-mttq'], []],
    ['Mặt trận Tổ quốc Thành phố giám sát việc hỗ trợ người dân.', ['b-mttq'], []],
    ['Đảng đoàn HĐND Thành phố chỉ đạo bố trí kinh phí.', ['b-ddhd'], []],
    ['Ngành Công Thương thống nhất một mẫu phiếu đi chợ dùng chung.', ['s-ct'], []],
    ['Sở Công Thương: chủ trì ban hành mẫu phiếu; báo cáo Văn phòng Thành ủy.', ['s-ct'], ['b-vptu']],
    ['ngành Y tế bảo đảm đủ giường bệnh.', ['s-yt'], []],
    ['Công an Thành phố chủ trì tổ chức các chốt kiểm soát, phối hợp với Bộ Tư lệnh Thủ đô.', ['s-ca'], ['s-btl']],
    ['Văn phòng Thành ủy theo dõi, đôn đốc, tổng hợp tình hình.', ['b-vptu'], []],
    ['Quận ủy Tây Hồ chỉ đạo nhân rộng mô hình phiếu đi chợ.', ['d-tayho'], []],
    ['UBND quận Hoàn Kiếm kiểm soát các chợ, phối hợp với quận Tây Hồ.', ['d-hoankiem'], ['d-tayho']],
    ['Tây Hồ tiếp tục phát phiếu đi chợ.', ['d-tayho'], []],
    ['Huyện ủy Sóc Sơn chỉ đạo thị trấn Sóc Sơn lập chốt.', ['d-socson'], ['c-socson']],
    ['Các quận ủy, huyện ủy, thị ủy chỉ đạo rà soát người về từ vùng dịch.', districtIds, []],
    ['Các cấp ủy quận, huyện tổ chức phổ biến Chỉ thị.', districtIds, []],
    ['Các cấp ủy, chính quyền các quận, huyện, thị xã tập trung lãnh đạo.', districtIds, []],
    // The communes are each district's own to cascade to, not supporters of every district.
    ['Chủ tịch UBND các quận, huyện, thị xã chỉ đạo UBND các xã, phường, thị trấn kiểm soát.', districtIds, []],
    ['Giao UBND các xã, phường, thị trấn lập danh sách hộ gia đình.', communeIds, []],
    ['Ban Thường vụ Thành ủy yêu cầu các quận ủy, huyện ủy, thị ủy khẩn trương rà soát.', districtIds, []],
    ['Trong thời gian giãn cách, Công an Thành phố tăng cường tuần tra.', ['s-ca'], []],
    ['Công an Thành phố, Bộ Tư lệnh Thủ đô tổ chức các chốt kiểm soát.', ['s-ca', 's-btl'], []],
    ['Sở Y tế và Sở Công Thương phối hợp bảo đảm hàng hóa cho khu cách ly.', ['s-yt', 's-ct'], []],
  ])('%s', (text, lead, support) => {
    const d = only(text)
    expect(d.leadUnitIds).toEqual(lead)
    expect(d.supportUnitIds).toEqual(support)
  })

  it('gives no lead when units are only objects of the sentence', () => {
    expect(only('Phối hợp với Sở Y tế tổ chức xét nghiệm diện rộng.')).toMatchObject({
      leadUnitIds: [],
      supportUnitIds: ['s-yt'],
    })
    expect(only('Biểu dương quận Tây Hồ đã chủ động triển khai phiếu đi chợ.').leadUnitIds).toEqual([])
  })

  it('does not take a list entry for a subject', () => {
    const d = only('Gửi báo cáo về:\n- Sở Y tế;\n- Công an Thành phố.')
    expect(d.leadUnitIds).toEqual([])
    expect(d.supportUnitIds).toEqual(['s-yt', 's-ca'])
  })

  it('keeps sub-items without their own subject in the draft of the subject above', () => {
    const d = only(
      'Công an Thành phố chủ trì tổ chức các chốt:\n- Kiểm soát người, phương tiện;\n+ Phối hợp với Bộ Tư lệnh Thủ đô bố trí lực lượng;\na) Báo cáo Ban Chỉ đạo Thành phố hằng ngày.',
    )
    expect(d.leadUnitIds).toEqual(['s-ca'])
    expect(d.supportUnitIds).toEqual(['s-btl', 'b-bcd'])
    expect(d.recurrence).toEqual({ freq: 'daily', reportCycle: 'daily' })
  })

  it('proposes one draft per subject sentence, each with its own text, deadline and rhythm', () => {
    const text =
      'Đảng đoàn HĐND Thành phố chỉ đạo bố trí kinh phí, hoàn thành trước ngày 05/8/2021. Ủy ban MTTQ Thành phố và các đoàn thể giám sát việc hỗ trợ người dân; báo cáo kết quả hằng tuần về Văn phòng Thành ủy.'
    const list = drafts(text)
    expect(list.map((d) => [d.leadUnitIds, d.supportUnitIds, d.dueAt, d.recurrence?.freq ?? null])).toEqual([
      [['b-ddhd'], [], '2021-08-05', null],
      [['b-mttq'], ['b-vptu'], null, 'weekly'],
    ])
    expect(list[0]!.sourceText).toBe(
      'Đảng đoàn HĐND Thành phố chỉ đạo bố trí kinh phí, hoàn thành trước ngày 05/8/2021.',
    )
    expect(list[1]!.sourceText.startsWith('Ủy ban MTTQ Thành phố')).toBe(true)
    expect(list[1]!.title).toBe('Giám sát việc hỗ trợ người dân; báo cáo kết quả hằng tuần về Văn phòng Thành ủy')
  })

  it('gives one draft per unit inside a plan section, the heading going with the first', () => {
    const text =
      'TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương: chủ trì ban hành mẫu phiếu, hoàn thành trước ngày 06/8/2021.\n2. Công an Thành phố: phối hợp với UBND các quận, huyện, thị xã kiểm tra việc sử dụng phiếu.\n3. UBND các quận, huyện, thị xã: phát phiếu đến các xã, phường, thị trấn; báo cáo hằng ngày.'
    const list = drafts(text)
    expect(list.map((d) => d.leadUnitIds)).toEqual([['s-ct'], ['s-ca'], districtIds])
    expect(list.map((d) => d.supportUnitIds)).toEqual([[], districtIds, []])
    expect(list[0]!.sourceText.startsWith('TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương')).toBe(true)
    expect(list.map((d) => d.title)).toEqual([
      'Chủ trì ban hành mẫu phiếu, hoàn thành trước ngày 06/8/2021',
      'Phối hợp với UBND các quận, huyện, thị xã kiểm tra việc sử dụng phiếu',
      'Phát phiếu đến các xã, phường, thị trấn; báo cáo hằng ngày',
    ])
  })

  it('joins sentences before the first subject to the first draft', () => {
    const list = drafts(
      'Nhân rộng mô hình phiếu đi chợ:\n- Sở Công Thương hướng dẫn mẫu phiếu;\n- Các quận, huyện, thị xã triển khai.',
    )
    expect(list.map((d) => d.leadUnitIds)).toEqual([['s-ct'], districtIds])
    expect(list[0]!.sourceText).toBe('Nhân rộng mô hình phiếu đi chợ:\n- Sở Công Thương hướng dẫn mẫu phiếu;')
  })

  it('proposes one unassigned draft for a clause without a subject, and none for a statement of aims', () => {
    expect(only('Mỗi cán bộ, đảng viên phải gương mẫu chấp hành giãn cách.').leadUnitIds).toEqual([])
    expect(
      drafts('MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nHạn chế tập trung đông người.\n2. Yêu cầu\nThống nhất một mẫu.'),
    ).toEqual([])
  })

  it('matches nothing against an empty directory', () => {
    const list = proposeTaskDrafts([{ ordinal: 3, text: 'Sở Y tế chủ trì xét nghiệm.' }], [], { issuedAt: ISSUED })
    expect(list).toEqual([
      {
        clauseOrdinal: 3,
        title: 'Sở Y tế chủ trì xét nghiệm',
        leadUnitIds: [],
        supportUnitIds: [],
        dueAt: null,
        recurrence: null,
        sourceText: 'Sở Y tế chủ trì xét nghiệm.',
        ceasedUnitIds: [],
      },
    ])
  })
})

describe('proposeTaskDrafts: on the tree of the directive’s day', () => {
  // The fake city through a reform: its districts and communes close on 30/06/2025, two wards open.
  const dated: UnitRef[] = [
    ...fakeUnits.map((u) =>
      u.kind === 'district' || u.kind === 'commune' || u.kind === 'village' ? { ...u, validTo: '2025-06-30' } : u,
    ),
    { id: 'w-tayho', name: 'Phường Tây Hồ', kind: 'commune', code: '00103', parentId: 'city', validFrom: '2025-07-01' },
    {
      id: 'w-hoankiem',
      name: 'Phường Hoàn Kiếm',
      kind: 'commune',
      code: '00070',
      parentId: 'city',
      validFrom: '2025-07-01',
    },
    { id: 'x-socson', name: 'Xã Sóc Sơn', kind: 'commune', code: '08974', parentId: 'city', validFrom: '2025-07-01' },
  ]
  const clause = (text: string) => [{ ordinal: 1, text }]

  it('a 2021 text: "các quận, huyện, thị xã" are the districts of 2021', () => {
    const [d] = proposeTaskDrafts(clause('Các quận, huyện, thị xã triển khai xét nghiệm.'), dated, {
      issuedAt: '2021-07-30',
      on: '2021-07-30',
    })
    expect(d!.leadUnitIds.sort()).toEqual([...districtIds].sort())
    expect(d!.ceasedUnitIds).toEqual([])
  })

  it('a 2026 text: "các xã, phường" are the communes and wards of the 2025 tree', () => {
    const [d] = proposeTaskDrafts(clause('Các xã, phường rà soát hộ nghèo.'), dated, {
      issuedAt: '2026-11-20',
      on: '2026-11-20',
    })
    expect(d!.leadUnitIds.sort()).toEqual(['w-hoankiem', 'w-tayho', 'x-socson'])
  })

  it('a 2026 text naming an abolished district is flagged, neither lead nor support', () => {
    const [d] = proposeTaskDrafts(
      clause('Quận ủy Tây Hồ chủ trì, phối hợp Đảng ủy phường Tây Hồ tổng kết công tác.'),
      dated,
      { issuedAt: '2026-11-20', on: '2026-11-20' },
    )
    expect(d!.ceasedUnitIds).toEqual(['d-tayho'])
    expect([...d!.leadUnitIds, ...d!.supportUnitIds]).toEqual(['w-tayho'])
  })
})

describe('proposeTaskDrafts: deadlines', () => {
  it.each([
    ['Sở Y tế hoàn thành trong ngày 28/7/2021.', ISSUED, '2021-07-28'],
    ['Sở Y tế báo cáo trước ngày 05/8/2021.', ISSUED, '2021-08-05'],
    ['Sở Y tế báo cáo chậm nhất ngày 10/8/2021.', ISSUED, '2021-08-10'],
    ['Sở Công Thương ban hành mẫu phiếu, xong trước 15/8.', ISSUED, '2021-08-15'],
    ['Sở Công Thương ban hành mẫu phiếu, xong trước 15/8.', '2020-07-01', '2020-08-15'],
    ['Sở Công Thương ban hành mẫu phiếu, xong trước 15/8.', null, null],
    ['Sở Y tế tiêm chủng cho người cao tuổi trong tháng 8/2021.', ISSUED, '2021-08-31'],
    ['Sở Y tế tiêm chủng cho người cao tuổi trong tháng 9.', ISSUED, '2021-09-30'],
    ['Sở Y tế báo cáo trước 17h00 ngày 02/8/2021.', ISSUED, '2021-08-02'],
    ['Công an Thành phố lập chốt từ 6h00 ngày 24/7/2021.', ISSUED, null],
  ])('%s (issued %s) → %s', (text, issuedAt, due) => {
    expect(only(text, issuedAt).dueAt).toBe(due)
  })
})

describe('proposeTaskDrafts: recurrence', () => {
  it.each([
    ['Ủy ban MTTQ Thành phố thường xuyên giám sát.', { freq: 'ongoing', reportCycle: 'weekly' }],
    ['Sở Y tế cập nhật số liệu hằng ngày.', { freq: 'daily', reportCycle: 'daily' }],
    ['Sở Y tế cập nhật số liệu hàng ngày.', { freq: 'daily', reportCycle: 'daily' }],
    ['Sở Công Thương kiểm tra các chợ hằng tuần.', { freq: 'weekly', reportCycle: 'weekly' }],
    ['Sở Công Thương kiểm tra các chợ hàng tuần.', { freq: 'weekly', reportCycle: 'weekly' }],
    ['Văn phòng Thành ủy sơ kết hằng tháng.', { freq: 'monthly', reportCycle: 'monthly' }],
    ['Công an Thành phố thường xuyên tuần tra, báo cáo hằng ngày.', { freq: 'ongoing', reportCycle: 'daily' }],
    ['Sở Y tế hoàn thành trước ngày 05/8/2021.', null],
  ])('%s', (text, recurrence) => {
    expect(only(text).recurrence).toEqual(recurrence)
  })
})

describe('proposeTaskDrafts: titles', () => {
  it('drops the leading unit and capitalises', () => {
    expect(only('Sở Y tế chủ trì tổ chức xét nghiệm diện rộng.').title).toBe('Chủ trì tổ chức xét nghiệm diện rộng')
    expect(only('Giao Văn phòng Thành ủy theo dõi, đôn đốc.').title).toBe('Theo dõi, đôn đốc')
    expect(only('1. Công an Thành phố: kiểm soát chặt chẽ người ra vào.').title).toBe('Kiểm soát chặt chẽ người ra vào')
  })

  it('keeps the whole sentence when dropping the unit leaves too little', () => {
    expect(only('Sở Y tế thực hiện.').title).toBe('Sở Y tế thực hiện')
  })

  it('takes the next sentence when the subject stands alone before a list', () => {
    const d = only(
      'Ban cán sự đảng UBND Thành phố:\n- Chỉ đạo bảo đảm an sinh xã hội;\n- Chỉ đạo ngành Công Thương thống nhất mẫu phiếu.',
    )
    expect(d.title).toBe('Chỉ đạo bảo đảm an sinh xã hội')
    expect(d.leadUnitIds).toEqual(['b-bcsd'])
    expect(d.supportUnitIds).toEqual(['s-ct'])
  })

  it('cuts a long first sentence at a word boundary near 160 characters', () => {
    const long = `Sở Y tế ${'tổ chức xét nghiệm diện rộng tại các khu vực có nguy cơ cao, '.repeat(5)}hoàn thành sớm.`
    const title = only(long).title
    expect(title.length).toBeLessThanOrEqual(160)
    expect(title.endsWith('…')).toBe(true)
    const kept = title.slice(0, -1).toLowerCase()
    const at = long.toLowerCase().indexOf(kept)
    expect(at).toBeGreaterThan(0)
    expect(long.charAt(at + kept.length)).toMatch(/[\s,]/)
  })
})

describe('proposeTaskDrafts on a parsed directive', () => {
  it('proposes the tasks of the Party directive fixture', () => {
    const parsed = parseDirective(readFileSync(new URL('./fixtures/party-ct-clean.txt', import.meta.url), 'utf8'))
    const list = proposeTaskDrafts(parsed.clauses, fakeUnits, { issuedAt: parsed.issuedAt })
    expect(list.map((d) => [d.clauseOrdinal, d.leadUnitIds, d.supportUnitIds, d.dueAt, d.recurrence])).toEqual([
      [1, districtIds, [], '2021-08-05', { freq: 'ongoing', reportCycle: 'weekly' }],
      [2, ['b-bcsd'], ['s-yt', 's-ct'], '2021-08-02', null],
      [3, ['b-ddhd'], [], null, null],
      [3, ['b-mttq'], ['b-vptu'], null, { freq: 'weekly', reportCycle: 'weekly' }],
      [4, ['s-ca'], ['s-btl', 'b-bcd'], null, { freq: 'daily', reportCycle: 'daily' }],
      [5, ['b-vptu'], [], null, { freq: 'daily', reportCycle: 'daily' }],
    ])
    for (const d of list) expect(parsed.clauses[d.clauseOrdinal - 1]!.text).toContain(d.sourceText)
  })
})

describe('units below the lead', () => {
  it('are left to the lead to cascade, not proposed as supporters', () => {
    const [draft] = proposeTaskDrafts(
      [
        {
          ordinal: 1,
          text: 'Các quận ủy, huyện ủy, thị ủy chỉ đạo các xã, phường, thị trấn rà soát người ra vào địa bàn; phối hợp với Công an Thành phố.',
        },
      ],
      fakeUnits,
      { issuedAt: '2021-07-30' },
    )
    expect(draft!.leadUnitIds.sort()).toEqual([...districtIds].sort())
    expect(draft!.supportUnitIds).toEqual(['s-ca'])
  })
})
