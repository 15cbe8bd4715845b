// The directive parser on real-shaped Party and state documents pasted from PDF and Word (fixtures/*.txt):
// header, preamble and citations, clauses, closing, recipients and signer, the hard cases, and the body alone.

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ParsedDirective, RecipientCapacity } from './directive'
import { bodyPlainText, clauseTextWithoutNumber } from './directive-body'
import { parseDirective, parseDirectiveBody } from './directive-parser'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

/** The first and last three words of a text: enough to pin where a part starts and ends. */
function edges(text: string): [string, string] {
  const words = text.split(/\s+/).filter(Boolean)
  return [words.slice(0, 3).join(' '), words.slice(-3).join(' ')]
}

interface Expected extends Omit<ParsedDirective, 'preamble' | 'clauses' | 'recipients'> {
  preamble: [string, string]
  clauses: [string, string][]
  recipients: [RecipientCapacity, string][]
}

const cases: Record<string, Expected> = {
  'party-ct-clean.txt': {
    layout: 'party',
    issuer: 'THÀNH ỦY HÀ NỘI',
    parentIssuer: null,
    kind: 'CT',
    number: '05-CT/TU',
    sequence: 5,
    place: 'Hà Nội',
    issuedAt: '2021-07-30',
    issuedBy: 'CỦA BAN THƯỜNG VỤ THÀNH ỦY',
    title:
      'về tăng cường lãnh đạo, chỉ đạo thực hiện nghiêm các biện pháp phòng, chống dịch COVID-19 trong thời gian giãn cách xã hội',
    preamble: ['Những ngày qua,', 'nội dung sau:'],
    citations: ['177-CV/TU', '16/CT-TTg'],
    clauses: [
      ['Các cấp ủy,', 'cách làm hay.'],
      ['Ban cán sự', 'cảnh khó khăn.'],
      ['Đảng đoàn HĐND', 'phòng Thành ủy.'],
      ['Công an Thành', 'phố hằng ngày.'],
      ['Văn phòng Thành', 'ủy hằng ngày.'],
    ],
    closing: 'Chỉ thị này phổ biến đến chi bộ./.',
    recipients: [
      ['report', 'Ban Bí thư Trung ương Đảng'],
      ['inform', 'Văn phòng Trung ương Đảng'],
      ['inform', 'Ban Chỉ đạo quốc gia phòng, chống dịch COVID-19'],
      ['inform', 'Các đồng chí Thành ủy viên'],
      ['execute', 'Các quận ủy, huyện ủy, thị ủy'],
      ['inform', 'Các đảng ủy trực thuộc Thành ủy'],
      ['inform', 'Các ban đảng, Văn phòng Thành ủy'],
      ['inform', 'Các cơ quan báo chí Thành phố'],
      ['archive', 'Văn phòng Thành ủy'],
    ],
    signer: { onBehalfOf: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ', name: 'Nguyễn Văn An' },
  },
  'state-ct-clean.txt': {
    layout: 'state',
    issuer: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
    parentIssuer: null,
    kind: 'CT',
    number: '17/CT-UBND',
    sequence: 17,
    place: 'Hà Nội',
    issuedAt: '2021-08-03',
    issuedBy: null,
    title: 'Về việc tiếp tục thực hiện các biện pháp cấp bách phòng, chống dịch COVID-19 trên địa bàn thành phố Hà Nội',
    preamble: ['Căn cứ Luật', 'phố chỉ thị:'],
    citations: ['30/2020/NĐ-CP', '16/CT-TTg', '05-CT/TU'],
    clauses: [
      ['Chủ tịch UBND', 'nơi cư trú.'],
      ['Sở Y tế', 'đạo Thành phố.'],
      ['Sở Công Thương', 'xong trước 06/8.'],
      ['Công an Thành', 'hợp tiếp xúc.'],
    ],
    closing:
      'Chủ tịch Ủy ban nhân dân Thành phố yêu cầu Giám đốc các sở, Thủ trưởng các ban, ngành, Chủ tịch UBND các quận, huyện, thị xã nghiêm túc thực hiện Chỉ thị này./.',
    recipients: [
      ['inform', 'Văn phòng Chính phủ'],
      ['report', 'Bộ Y tế'],
      ['inform', 'Thường trực Thành ủy'],
      ['inform', 'Thường trực HĐND Thành phố'],
      ['inform', 'Các sở, ban, ngành Thành phố'],
      ['execute', 'UBND các quận, huyện, thị xã'],
      ['inform', 'Các cơ quan thông tấn, báo chí'],
      ['archive', 'VT, KGVX'],
    ],
    signer: { onBehalfOf: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Trần Minh Đức' },
  },
  'party-ct-tabs.txt': {
    layout: 'party',
    issuer: 'QUẬN ỦY TÂY HỒ',
    parentIssuer: 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI',
    kind: 'CT',
    number: '12-CT/QU',
    sequence: 12,
    place: 'Tây Hồ',
    issuedAt: '2021-07-31',
    issuedBy: 'CỦA BAN THƯỜNG VỤ QUẬN ỦY',
    title:
      'về thực hiện phiếu đi chợ và kiểm soát chặt chẽ việc đi lại của người dân trên địa bàn quận trong thời gian giãn cách xã hội',
    preamble: ['Thực hiện Chỉ', 'ủy yêu cầu:'],
    citations: ['05-CT/TU', '126/KH-UBND'],
    clauses: [
      ['Đảng ủy các', 'có thay đổi.'],
      ['UBND quận Tây', '17h00 ngày 02/8/2021.'],
      ['Ủy ban MTTQ', 'sử dụng phiếu.'],
    ],
    closing: 'Chỉ thị này phổ biến đến chi bộ và Nhân dân trên địa bàn quận./.',
    recipients: [
      ['report', 'Thường trực Thành ủy'],
      ['inform', 'Ban Tuyên giáo Thành ủy'],
      ['inform', 'Các đồng chí Quận ủy viên'],
      ['execute', 'Các đảng ủy phường'],
      ['inform', 'Các chi bộ trực thuộc Quận ủy'],
      ['archive', 'Văn phòng Quận ủy'],
    ],
    signer: { onBehalfOf: 'T/M BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ', name: 'Lê Thị Hồng Nhung' },
  },
  'party-kl-interleaved.txt': {
    layout: 'party',
    issuer: 'THÀNH ỦY HÀ NỘI',
    parentIssuer: null,
    kind: 'KL',
    number: '21-KL/TU',
    sequence: 21,
    place: 'Hà Nội',
    issuedAt: '2021-08-05',
    issuedBy: 'CỦA THƯỜNG TRỰC THÀNH ỦY',
    title: 'tại cuộc họp ngày 04/8/2021 về công tác phòng, chống dịch COVID-19 và nhân rộng mô hình phiếu đi chợ',
    preamble: ['Ngày 04/8/2021, Thường', 'luận như sau:'],
    citations: ['05-CT/TU', '126/KH-UBND'],
    clauses: [
      ['Sau một tuần', 'người tại chợ.'],
      ['Nhân rộng mô', 'đạo Thành phố.'],
      ['Giao Sở Y', 'trong tháng 8/2021.'],
      ['Giao Văn phòng', 'trực Thành ủy.'],
    ],
    closing: 'Thường trực Thành ủy yêu cầu các cơ quan, đơn vị nghiêm túc thực hiện./.',
    recipients: [
      ['inform', 'Các đồng chí Ủy viên Ban Thường vụ Thành ủy'],
      ['execute', 'Ban cán sự đảng UBND Thành phố'],
      ['inform', 'Các quận ủy, huyện ủy, thị ủy'],
      ['inform', 'Các đảng ủy trực thuộc Thành ủy'],
      ['archive', 'Văn phòng Thành ủy'],
    ],
    signer: { onBehalfOf: 'T/M THƯỜNG TRỰC THÀNH ỦY', title: 'PHÓ BÍ THƯ THƯỜNG TRỰC', name: 'Hoàng Đức Minh' },
  },
  'state-kh-roman.txt': {
    layout: 'state',
    issuer: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
    parentIssuer: null,
    kind: 'KH',
    number: '126/KH-UBND',
    sequence: 126,
    place: 'Hà Nội',
    issuedAt: '2021-08-04',
    issuedBy: null,
    title: 'Triển khai phiếu đi chợ thống nhất trên địa bàn Thành phố trong thời gian giãn cách xã hội',
    preamble: ['Thực hiện Chỉ', 'hoạch như sau:'],
    citations: ['05-CT/TU', '17/CT-UBND'],
    clauses: [
      ['MỤC ĐÍCH, YÊU', 'toàn Thành phố.'],
      ['NỘI DUNG THỰC', 'tại cửa vào.'],
      ['TỔ CHỨC THỰC', 'Sở Công Thương.'],
    ],
    closing:
      'Trong quá trình triển khai, nếu có khó khăn, vướng mắc, các đơn vị báo cáo về Sở Công Thương để tổng hợp, đề xuất UBND Thành phố xem xét, giải quyết./.',
    recipients: [
      ['report', 'Thường trực Thành ủy'],
      ['inform', 'Chủ tịch UBND Thành phố'],
      ['inform', 'Các sở: Công Thương, Y tế, Công an Thành phố'],
      ['execute', 'UBND các quận, huyện, thị xã'],
      ['archive', 'VT, KT'],
    ],
    signer: { onBehalfOf: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Phạm Quang Huy' },
  },
  'state-cv-messy.txt': {
    layout: 'state',
    issuer: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
    parentIssuer: null,
    kind: 'CV',
    number: '2345/UBND-KGVX',
    sequence: 2345,
    place: 'Hà Nội',
    issuedAt: '2021-08-03',
    issuedBy: null,
    title: 'tăng cường kiểm soát người ra, vào Thành phố trong thời gian giãn cách xã hội',
    preamble: ['Thực hiện Công', 'phố yêu cầu:'],
    citations: ['1068/CĐ-TTg', '17/CT-UBND'],
    clauses: [
      ['Công an Thành', 'cáo kết quả.'],
      ['Sở Y tế', 'trong ngày 04/8/2021.'],
      ['UBND các quận,', 'sự cần thiết.'],
    ],
    closing:
      'Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị báo cáo UBND Thành phố (qua Văn phòng UBND Thành phố) để xem xét, chỉ đạo./.',
    recipients: [
      ['execute', 'Công an Thành phố'],
      ['execute', 'Sở Y tế'],
      ['execute', 'Sở Giao thông vận tải'],
      ['execute', 'UBND các quận, huyện, thị xã'],
      ['report', 'Chủ tịch UBND Thành phố'],
      ['inform', 'Văn phòng Thành ủy'],
      ['inform', 'VPUB: CVP, các PCVP, KGVX'],
      ['archive', 'VT, KGVX'],
    ],
    signer: { onBehalfOf: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Vũ Văn Hải' },
  },
  'party-tb-columns.txt': {
    layout: 'party',
    issuer: 'THÀNH ỦY HÀ NỘI',
    parentIssuer: null,
    kind: 'TB',
    number: '43-TB/TU',
    sequence: 43,
    place: 'Hà Nội',
    issuedAt: '2021-07-28',
    issuedBy: null,
    title: 'ý kiến của Thường trực Thành ủy về việc tổ chức "Tổ Covid cộng đồng" tại các khu dân cư',
    preamble: ['Ngày 27/7/2021, Thường', 'kiến như sau:'],
    citations: ['2194/HD-BYT'],
    clauses: [
      ['Thống nhất chủ', 'hiện nghi nhiễm.'],
      ['Sở Y tế', 'trong tháng 8/2021.'],
      ['Ủy ban MTTQ', 'cho các tổ.'],
    ],
    closing: 'Văn phòng Thành ủy thông báo để các cơ quan, đơn vị biết, thực hiện./.',
    recipients: [
      ['report', 'Các đồng chí Thường trực Thành ủy'],
      ['inform', 'Ban Chỉ đạo Thành phố'],
      ['execute', 'Các quận ủy, huyện ủy, thị ủy'],
      ['archive', 'Văn phòng Thành ủy'],
    ],
    signer: {
      onBehalfOf: 'T/L BAN THƯỜNG VỤ\nK/T CHÁNH VĂN PHÒNG',
      title: 'PHÓ CHÁNH VĂN PHÒNG',
      name: 'Trịnh Thu Trang',
    },
  },
  'state-qd-articles.txt': {
    layout: 'state',
    issuer: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
    parentIssuer: null,
    kind: 'QD',
    number: '3456/QĐ-UBND',
    sequence: 3456,
    place: 'Hà Nội',
    issuedAt: '2021-08-06',
    issuedBy: null,
    title: 'Về việc thành lập các Đoàn kiểm tra công tác phòng, chống dịch COVID-19 tại các quận, huyện, thị xã',
    preamble: ['CHỦ TỊCH ỦY', 'tế, QUYẾT ĐỊNH:'],
    citations: ['2686/QĐ-BCĐQG'],
    clauses: [
      ['Thành lập 05', 'sách kèm theo).'],
      ['Các Đoàn kiểm', 'Sở Y tế.'],
      ['Quyết định này', 'Quyết định này./.'],
    ],
    // In a decision the last article names who carries it out; it is a clause, not a closing.
    closing: '',
    recipients: [
      ['report', 'Thường trực Thành ủy'],
      ['archive', 'VT, KGVX'],
    ],
    signer: { onBehalfOf: '', title: 'CHỦ TỊCH', name: 'Trần Minh Đức' },
  },
}

describe('parseDirective on pasted documents', () => {
  it('has the messy fixture really messy (CRLF, non-breaking spaces)', () => {
    const raw = fixture('state-cv-messy.txt')
    expect(raw).toContain('\r\n')
    expect(raw).toContain('\u00a0')
  })

  describe.each(Object.entries(cases))('%s', (file, expected) => {
    const parsed = parseDirective(fixture(file))

    it('reads the header and title block', () => {
      const { layout, issuer, parentIssuer, kind, number, sequence, place, issuedAt, issuedBy, title } = parsed
      expect({ layout, issuer, parentIssuer, kind, number, sequence, place, issuedAt, issuedBy, title }).toEqual({
        layout: expected.layout,
        issuer: expected.issuer,
        parentIssuer: expected.parentIssuer,
        kind: expected.kind,
        number: expected.number,
        sequence: expected.sequence,
        place: expected.place,
        issuedAt: expected.issuedAt,
        issuedBy: expected.issuedBy,
        title: expected.title,
      })
    })

    it('reads the preamble and the documents it cites', () => {
      expect(edges(parsed.preamble)).toEqual(expected.preamble)
      expect(parsed.citations).toEqual(expected.citations)
    })

    it('cuts the clauses where their numbers are, ordinals in sequence', () => {
      expect(parsed.clauses.map((c) => c.ordinal)).toEqual(expected.clauses.map((_, i) => i + 1))
      expect(parsed.clauses.map((c) => edges(c.text))).toEqual(expected.clauses)
    })

    it('keeps the closing out of the last clause', () => {
      expect(parsed.closing).toBe(expected.closing)
      if (expected.closing) expect(parsed.clauses.at(-1)!.text).not.toContain(expected.closing.slice(0, 25))
      expect(parsed.preamble).not.toContain(parsed.clauses[0]!.text.slice(0, 30))
    })

    it('reads the recipients and their capacities', () => {
      expect(parsed.recipients.map((r) => [r.capacity, r.name])).toEqual(expected.recipients)
    })

    it('reads the signing block', () => {
      expect(parsed.signer).toEqual(expected.signer)
    })

    it('never puts signing-block words into a recipient', () => {
      const signer = parsed.signer!
      const signerWords = [signer.name, ...signer.onBehalfOf.split('\n'), 'T/M', 'TM.', 'KT.', 'K/T', 'đã ký']
      for (const r of parsed.recipients) {
        for (const w of signerWords.filter(Boolean)) expect(r.name.toLowerCase()).not.toContain(w.toLowerCase())
        // "Ban Bí thư" or "Chủ tịch UBND" may well receive a document; the printed title "BÍ THƯ" may not.
        expect(r.name).not.toContain(signer.title)
        // A recipient is written in sentence case; a run of capitals would be the signing block.
        expect(r.name).not.toMatch(/\p{Lu}{3,} \p{Lu}{3,}/u)
      }
    })

    it('keeps footer and header words out of the clauses', () => {
      const all = parsed.clauses.map((c) => c.text).join('\n')
      expect(all).not.toMatch(/Nơi nhận|Lưu:|T\/M|TM\.|Độc lập - Tự do/)
      if (parsed.signer?.name) expect(all).not.toContain(parsed.signer.name)
    })
  })
})

describe('parseDirective on hard cases', () => {
  it('reads stray spaces in the number and a number glued to "Số:"', () => {
    const parsed = parseDirective(
      'ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố:17/CT- UBND\nHà Nội, ngày 03 tháng 8 năm 2021\n',
    )
    expect(parsed.number).toBe('17/CT-UBND')
    expect(parsed.kind).toBe('CT')
    expect(parsed.layout).toBe('state')
  })

  it('reads header columns pasted with a single space between them', () => {
    const parsed = parseDirective(
      'THÀNH ỦY HÀ NỘI ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 05-CT/TU Hà Nội, ngày 30 tháng 7 năm 2021\nCHỈ THỊ\nvề một việc\n',
    )
    expect(parsed).toMatchObject({
      layout: 'party',
      issuer: 'THÀNH ỦY HÀ NỘI',
      number: '05-CT/TU',
      place: 'Hà Nội',
      issuedAt: '2021-07-30',
      kind: 'CT',
      title: 'về một việc',
    })
  })

  it('leaves the date out of a draft whose day is blank, keeping the place', () => {
    const parsed = parseDirective(
      'THÀNH ỦY HÀ NỘI\t\tĐẢNG CỘNG SẢN VIỆT NAM\nSố     -CT/TU\t\tHà Nội, ngày    tháng 8 năm 2021\n',
    )
    expect(parsed.issuedAt).toBeNull()
    expect(parsed.place).toBe('Hà Nội')
    expect(parsed.number).toBeNull()
  })

  it('reads a signing block two spaces away from the recipient, and a capitals name', () => {
    const text = [
      'THÀNH ỦY HÀ NỘI',
      'Số 06-CT/TU',
      'CHỈ THỊ',
      'về một việc',
      '',
      '1. Sở Y tế thực hiện.',
      '2. Công an Thành phố thực hiện.',
      '',
      'Nơi nhận:  T/M BAN THƯỜNG VỤ',
      '- Các quận ủy, huyện ủy, thị ủy,  BÍ THƯ',
      '- Lưu Văn phòng Thành ủy.  NGUYỄN VĂN AN',
    ].join('\n')
    const parsed = parseDirective(text)
    expect(parsed.layout).toBe('party')
    expect(parsed.recipients).toEqual([
      { name: 'Các quận ủy, huyện ủy, thị ủy', capacity: 'inform' },
      { name: 'Văn phòng Thành ủy', capacity: 'archive' },
    ])
    expect(parsed.signer).toEqual({ onBehalfOf: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ', name: 'NGUYỄN VĂN AN' })
    expect(parsed.clauses).toHaveLength(2)
  })

  it('prints the authority in the layout\'s form ("TM." for state, "T/M" for Party)', () => {
    const state = parseDirective(
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1/CT-UBND\n\nNơi nhận:\t\tT/M ỦY BAN NHÂN DÂN\n\t\tCHỦ TỊCH\n',
    )
    expect(state.signer?.onBehalfOf).toBe('TM. ỦY BAN NHÂN DÂN')
    const party = parseDirective('ĐẢNG CỘNG SẢN VIỆT NAM\nSố 1-CT/TU\n\nNơi nhận:\t\tTM. BAN THƯỜNG VỤ\n\t\tBÍ THƯ\n')
    expect(party.signer?.onBehalfOf).toBe('T/M BAN THƯỜNG VỤ')
  })

  it('joins lines a PDF wrapped and drops page numbers', () => {
    const text = [
      'THÀNH ỦY HÀ NỘI',
      'Số 07-CT/TU',
      'CHỈ THỊ',
      'về một việc',
      '',
      '1. Các quận, huyện, thị xã rà soát danh sách,',
      'lập kế hoạch tiêm chủng.',
      '- 2 -',
      '2. Sở Y tế bảo đảm vắc-xin.',
    ].join('\n')
    expect(parseDirective(text).clauses).toEqual([
      { ordinal: 1, text: 'Các quận, huyện, thị xã rà soát danh sách, lập kế hoạch tiêm chủng.' },
      { ordinal: 2, text: 'Sở Y tế bảo đảm vắc-xin.' },
    ])
  })

  it('keeps out-of-sequence numbers and sub-numbers inside a clause', () => {
    const text = [
      'CHỈ THỊ',
      'về một việc',
      '',
      'Mở đầu:',
      '1. Việc thứ nhất.',
      '1.1. Một phần của việc thứ nhất.',
      '3. Không theo thứ tự nên ở lại trong mục 1.',
      '2. Việc thứ hai.',
    ].join('\n')
    const parsed = parseDirective(text)
    expect(parsed.clauses.map((c) => c.text)).toEqual([
      'Việc thứ nhất.\n1.1. Một phần của việc thứ nhất.\n3. Không theo thứ tự nên ở lại trong mục 1.',
      'Việc thứ hai.',
    ])
    expect(parsed.preamble).toBe('Mở đầu:')
  })

  it('never throws, and gives empty parts for empty or foreign text', () => {
    expect(parseDirective('')).toMatchObject({ issuer: null, number: null, clauses: [], recipients: [], signer: null })
    const prose = parseDirective('Just some text.\nNothing official here.')
    expect(prose.kind).toBeNull()
    expect(prose.signer).toBeNull()
  })
})

describe('parseDirectiveBody (the editor text alone)', () => {
  it('splits preamble, clauses and closing without a header', () => {
    const body = parseDirectiveBody(
      [
        'Ban Thường vụ Thành ủy yêu cầu:',
        '1. Sở Công Thương bảo đảm hàng hóa; hoàn thành trong ngày 05/8/2021.',
        'Các chợ mở cửa theo khung giờ.',
        '2. Các quận ủy, huyện ủy, thị ủy giám sát giá cả.',
        'Chỉ thị này phổ biến đến chi bộ.',
      ].join('\n'),
    )
    expect(body.preamble).toBe('Ban Thường vụ Thành ủy yêu cầu:')
    expect(body.clauses).toEqual([
      {
        ordinal: 1,
        text: 'Sở Công Thương bảo đảm hàng hóa; hoàn thành trong ngày 05/8/2021.\nCác chợ mở cửa theo khung giờ.',
      },
      { ordinal: 2, text: 'Các quận ủy, huyện ủy, thị ủy giám sát giá cả.' },
    ])
    expect(body.closing).toBe('Chỉ thị này phổ biến đến chi bộ.')
  })
})

describe('clause numbers in frozen text', () => {
  it('writes each clause number once, however many times the text carried it', () => {
    expect(clauseTextWithoutNumber({ ordinal: 1, text: '1. 1. Rà soát hộ khó khăn.' })).toBe('Rà soát hộ khó khăn.')
    expect(clauseTextWithoutNumber({ ordinal: 2, text: '2) Lập chốt.' })).toBe('Lập chốt.')
    // Another number at the start is content ("1.1", a count), not the clause's own.
    expect(clauseTextWithoutNumber({ ordinal: 1, text: '15 chốt kiểm soát.' })).toBe('15 chốt kiểm soát.')
    expect(
      bodyPlainText({ preamble: 'Yêu cầu:', clauses: [{ ordinal: 1, text: '1. Rà soát.' }], closing: 'Hết.' }),
    ).toBe('Yêu cầu:\n1. Rà soát.\nHết.')
  })
})
