// Sample directives for the renderers' tests: invented text on the summer-2021 lockdown, diacritics throughout.
import type { Clause, DirectiveDocument, Recipient } from '@hub/domain'

/** Clauses numbered 1, 2, … in the order given. */
const numbered = (texts: string[]): Clause[] => texts.map((text, index) => ({ ordinal: index + 1, text }))

/** Recipients by capacity, in the order given. */
const byCapacity = (groups: Partial<Record<Recipient['capacity'], string[]>>): Recipient[] =>
  Object.entries(groups).flatMap(([capacity, names]) =>
    (names ?? []).map((name) => ({ name, capacity: capacity as Recipient['capacity'] })),
  )

export const partyDirective: DirectiveDocument = {
  layout: 'party',
  issuer: 'THÀNH ỦY HÀ NỘI',
  kind: 'CT',
  number: '05-CT/TU',
  place: 'Hà Nội',
  issuedAt: '2021-07-30',
  issuedBy: 'CỦA BAN THƯỜNG VỤ THÀNH ỦY',
  title: 'về tăng cường lãnh đạo, chỉ đạo công tác phòng, chống dịch Covid-19 trong tình hình mới',
  preamble: [
    'Thực hiện văn bản số 177-CV/TU, ngày 23/7/2021 của Thường trực Thành ủy và Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ, tình hình dịch bệnh trên địa bàn Thành phố diễn biến phức tạp, khó lường; số ca mắc mới trong cộng đồng tăng nhanh ở nhiều quận, huyện, thị xã.',
    'Để kịp thời ngăn chặn, kiểm soát dịch bệnh, bảo vệ sức khỏe Nhân dân, Ban Thường vụ Thành ủy yêu cầu các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể thực hiện tốt một số nhiệm vụ sau:',
  ].join('\n'),
  clauses: numbered([
    'Các cấp ủy, tổ chức đảng, người đứng đầu cấp ủy, chính quyền các cấp trực tiếp lãnh đạo, chỉ đạo công tác phòng, chống dịch Covid-19 trên địa bàn; chịu trách nhiệm trước Ban Thường vụ Thành ủy về kết quả thực hiện.\nThực hiện nghiêm nguyên tắc "ai ở đâu ở yên đó", hạn chế tối đa người dân ra khỏi nhà khi không thực sự cần thiết.',
    'Ban cán sự đảng UBND Thành phố chỉ đạo lập các chốt kiểm soát, áp dụng mô hình "3 lớp" ở các khu vực phong tỏa; ngành Công Thương ban hành mẫu phiếu đi chợ thống nhất toàn Thành phố, hoàn thành trong ngày 02/8/2021.',
    'Đảng đoàn HĐND Thành phố bố trí kinh phí bảo đảm an sinh xã hội, hỗ trợ kịp thời người lao động gặp khó khăn; Mặt trận Tổ quốc và các đoàn thể vận động Nhân dân ủng hộ, giám sát việc thực hiện.',
  ]),
  closing:
    'Chỉ thị này phổ biến đến chi bộ. Giao Văn phòng Thành ủy theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo Ban Thường vụ Thành ủy.',
  recipients: byCapacity({
    report: ['Ban Bí thư Trung ương Đảng', 'Văn phòng Trung ương Đảng'],
    inform: ['Các đồng chí Thành ủy viên'],
    execute: [
      'Đảng đoàn HĐND Thành phố',
      'Ban cán sự đảng UBND Thành phố',
      'Các quận ủy, huyện ủy, thị ủy, đảng ủy trực thuộc',
    ],
    archive: ['Văn phòng Thành ủy'],
  }),
  signer: { name: 'Nguyễn Văn Đức', title: 'BÍ THƯ', onBehalfOf: 'T/M BAN THƯỜNG VỤ' },
}

export const stateDirective: DirectiveDocument = {
  layout: 'state',
  issuer: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
  kind: 'CT',
  number: '17/CT-UBND',
  place: 'Hà Nội',
  issuedAt: '2021-07-23',
  issuedBy: null,
  title: 'Về việc thực hiện giãn cách xã hội để phòng, chống dịch Covid-19 trên địa bàn Thành phố',
  preamble:
    'Trước diễn biến phức tạp của dịch bệnh, thực hiện Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ, Chủ tịch Ủy ban nhân dân Thành phố chỉ thị:',
  clauses: numbered([
    'Thực hiện giãn cách xã hội trên phạm vi toàn Thành phố trong thời gian 15 ngày, kể từ 06 giờ ngày 24/7/2021; mọi người dân ở tại nhà, chỉ ra ngoài trong trường hợp thật sự cần thiết.',
    'Các sở, ban, ngành, UBND các quận, huyện, thị xã tổ chức các chốt kiểm soát; Công an Thành phố tăng cường tuần tra, xử lý nghiêm các trường hợp vi phạm.\nSở Y tế bảo đảm đủ giường bệnh, thuốc và trang thiết bị; triển khai "4 tại chỗ" tại các khu cách ly.',
  ]),
  closing:
    'Yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các quận, huyện, thị xã nghiêm túc thực hiện Chỉ thị này.',
  recipients: byCapacity({
    report: ['Thủ tướng Chính phủ', 'Thường trực Thành ủy'],
    execute: ['Các sở, ban, ngành Thành phố', 'UBND các quận, huyện, thị xã'],
    archive: ['VT, KGVX'],
  }),
  signer: { name: 'Chu Ngọc Đăng Khoa', title: 'CHỦ TỊCH', onBehalfOf: 'TM. ỦY BAN NHÂN DÂN' },
}

/** A Party draft: no number and no date yet, so the blanks show. */
export const partyDraft: DirectiveDocument = { ...partyDirective, number: null, issuedAt: null }

/** A directive with thirty clauses, long enough to run over several pages. */
export const longPartyDirective: DirectiveDocument = {
  ...partyDirective,
  clauses: Array.from(
    { length: 30 },
    (_, index): Clause => ({
      ordinal: index + 1,
      text: `Nhiệm vụ thứ ${index + 1}: quận, huyện, thị xã và xã, phường, thị trấn kiểm tra, giám sát việc phòng, chống dịch Covid-19 tại tổ dân phố, khu dân cư; báo cáo kết quả hằng ngày về Ban Chỉ đạo Thành phố trước 16 giờ.`,
    }),
  ),
}
