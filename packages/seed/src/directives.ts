/** Demo directives, written in the style of real ones (our own text). Dates are days before today. */
export interface DemoDirective {
  kind: 'CT' | 'KH' | 'KL' | 'TB' | 'CV' | 'QD' | 'NQ'
  layout: 'party' | 'state'
  issuer: string
  issuerSymbol: string
  issuedBy: string | null
  sequence: number | null
  daysAgo: number | null
  status: 'draft' | 'in_review' | 'issued' | 'in_force' | 'closed'
  title: string
  preamble: string
  clauses: string[]
  closing: string
  signer: { name: string; title: string; onBehalfOf: string }
  /** Whether its task clauses cascade to every district. */
  cascade: boolean
}

const partySigner = { name: 'Trần Quốc Hưng', title: 'BÍ THƯ', onBehalfOf: 'T/M BAN THƯỜNG VỤ' }
const stateSigner = { name: 'Hoàng Văn Sơn', title: 'CHỦ TỊCH', onBehalfOf: 'TM. ỦY BAN NHÂN DÂN' }

export const demoDirectives: DemoDirective[] = [
  {
    kind: 'CT',
    layout: 'party',
    issuer: 'THÀNH ỦY HÀ NỘI',
    issuerSymbol: 'TU',
    issuedBy: 'CỦA BAN THƯỜNG VỤ THÀNH ỦY',
    sequence: 5,
    daysAgo: 24,
    status: 'in_force',
    title: 'về tăng cường các biện pháp cấp bách phòng, chống dịch Covid-19 trên địa bàn Thành phố',
    preamble:
      'Thực hiện văn bản số 177-CV/TU, ngày 23/7 của Ban Thường vụ Thành ủy và Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ, trước diễn biến phức tạp của dịch bệnh, Ban Thường vụ Thành ủy yêu cầu các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể thực hiện nghiêm các nội dung sau:',
    clauses: [
      'Các quận ủy, huyện ủy, thị ủy lãnh đạo thực hiện nghiêm việc giãn cách xã hội; người đứng đầu cấp ủy chịu trách nhiệm trước Ban Thường vụ Thành ủy về kết quả phòng, chống dịch trên địa bàn; báo cáo kết quả hằng ngày.',
      'Ban cán sự đảng UBND Thành phố chỉ đạo rà soát, lập danh sách người dân thuộc diện hỗ trợ, bảo đảm không ai bị bỏ lại phía sau; hoàn thành trong ngày {due:3}.',
      'Ngành Công Thương phối hợp với các quận, huyện, thị xã ban hành mẫu phiếu đi chợ thống nhất toàn Thành phố, bảo đảm cung ứng hàng hóa thiết yếu; hoàn thành trước ngày {due:-2}.',
      'Công an Thành phố chủ trì, phối hợp với Bộ Tư lệnh Thủ đô tổ chức các chốt kiểm soát tại cửa ngõ, xử lý nghiêm các trường hợp vi phạm; thực hiện thường xuyên.',
      'Ủy ban MTTQ Thành phố và các đoàn thể vận động Nhân dân chấp hành các quy định, phát huy vai trò của Tổ Covid cộng đồng.',
    ],
    closing: 'Chỉ thị này phổ biến đến chi bộ và có hiệu lực kể từ ngày ký.',
    signer: partySigner,
    cascade: true,
  },
  {
    kind: 'CT',
    layout: 'state',
    issuer: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
    issuerSymbol: 'UBND',
    issuedBy: null,
    sequence: 17,
    daysAgo: 30,
    status: 'in_force',
    title: 'về thực hiện giãn cách xã hội để phòng, chống dịch Covid-19',
    preamble: 'Để kiểm soát tình hình dịch bệnh, Chủ tịch Ủy ban nhân dân Thành phố chỉ thị:',
    clauses: [
      'Chủ tịch UBND các quận, huyện, thị xã tổ chức thực hiện giãn cách xã hội trên địa bàn; kiểm soát chặt chẽ người ra khỏi nhà; báo cáo hằng ngày về Sở Y tế.',
      'Sở Y tế chủ trì triển khai xét nghiệm diện rộng tại các khu vực nguy cơ cao; hoàn thành trong ngày {due:-5}.',
      'Sở Giao thông vận tải cấp giấy nhận diện phương tiện vận chuyển hàng hóa thiết yếu; thực hiện thường xuyên.',
    ],
    closing:
      'Yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các quận, huyện, thị xã nghiêm túc thực hiện Chỉ thị này.',
    signer: stateSigner,
    cascade: true,
  },
  {
    kind: 'KH',
    layout: 'party',
    issuer: 'THÀNH ỦY HÀ NỘI',
    issuerSymbol: 'TU',
    issuedBy: 'CỦA BAN THƯỜNG VỤ THÀNH ỦY',
    sequence: 12,
    daysAgo: 18,
    status: 'in_force',
    title: 'kiểm tra, giám sát việc thực hiện các biện pháp phòng, chống dịch',
    preamble:
      'Thực hiện Chỉ thị số 05-CT/TU của Ban Thường vụ Thành ủy, Ban Thường vụ Thành ủy ban hành Kế hoạch kiểm tra như sau:',
    clauses: [
      'Ủy ban Kiểm tra Thành ủy thành lập 15 đoàn kiểm tra, kiểm tra đột xuất các quận, huyện, thị xã; hoàn thành trước ngày {due:10}.',
      'Các quận ủy, huyện ủy, thị ủy tự kiểm tra việc thực hiện tại các xã, phường, thị trấn; báo cáo hằng tuần.',
    ],
    closing: 'Văn phòng Thành ủy theo dõi, tổng hợp kết quả, báo cáo Thường trực Thành ủy.',
    signer: { name: 'Nguyễn Văn Phong', title: 'PHÓ BÍ THƯ', onBehalfOf: 'T/M BAN THƯỜNG VỤ' },
    cascade: true,
  },
  {
    kind: 'KL',
    layout: 'party',
    issuer: 'THÀNH ỦY HÀ NỘI',
    issuerSymbol: 'TU',
    issuedBy: 'CỦA BAN THƯỜNG VỤ THÀNH ỦY',
    sequence: 3,
    daysAgo: 9,
    status: 'issued',
    title: 'tại cuộc họp giao ban công tác phòng, chống dịch',
    preamble: 'Ngày {date:10}, Thường trực Thành ủy chủ trì họp giao ban. Ban Thường vụ Thành ủy kết luận như sau:',
    clauses: [
      'Biểu dương các địa phương thực hiện tốt mô hình "phiếu đi chợ" và "3 lớp"; Sở Công Thương hướng dẫn nhân rộng trong tháng.',
      'Phê bình các đơn vị chậm báo cáo; yêu cầu người đứng đầu kiểm điểm, báo cáo trước ngày {due:4}.',
    ],
    closing: 'Văn phòng Thành ủy thông báo để các đơn vị biết, thực hiện.',
    signer: { name: 'Lê Thị Mai', title: 'CHÁNH VĂN PHÒNG', onBehalfOf: 'T/L BAN THƯỜNG VỤ' },
    cascade: false,
  },
  {
    kind: 'TB',
    layout: 'party',
    issuer: 'THÀNH ỦY HÀ NỘI',
    issuerSymbol: 'TU',
    issuedBy: null,
    sequence: 41,
    daysAgo: 6,
    status: 'issued',
    title: 'ý kiến chỉ đạo của Thường trực Thành ủy về bảo đảm an sinh xã hội',
    preamble: 'Xét đề nghị của Ban cán sự đảng UBND Thành phố, Thường trực Thành ủy có ý kiến như sau:',
    clauses: [
      'Sở Lao động - Thương binh và Xã hội hoàn thành chi trả hỗ trợ cho người lao động tự do trước ngày {due:7}.',
      'Đảng đoàn HĐND Thành phố xem xét bổ sung kinh phí hỗ trợ tại kỳ họp gần nhất.',
    ],
    closing: 'Văn phòng Thành ủy thông báo để các cơ quan, đơn vị biết, thực hiện.',
    signer: { name: 'Lê Thị Mai', title: 'CHÁNH VĂN PHÒNG', onBehalfOf: 'T/L BAN THƯỜNG VỤ' },
    cascade: false,
  },
  {
    kind: 'CT',
    layout: 'party',
    issuer: 'THÀNH ỦY HÀ NỘI',
    issuerSymbol: 'TU',
    issuedBy: 'CỦA BAN THƯỜNG VỤ THÀNH ỦY',
    sequence: null,
    daysAgo: null,
    status: 'draft',
    title: 'về tiếp tục nhân rộng mô hình "4 tại chỗ" trong giai đoạn mới',
    preamble: 'Để chủ động ứng phó với diễn biến mới của dịch bệnh, Ban Thường vụ Thành ủy yêu cầu:',
    clauses: [
      'Các quận ủy, huyện ủy, thị ủy xây dựng phương án "4 tại chỗ" tại từng xã, phường, thị trấn.',
      'Sở Y tế hướng dẫn chuyên môn, tập huấn cho lực lượng tại chỗ.',
    ],
    closing: 'Chỉ thị này phổ biến đến chi bộ.',
    signer: partySigner,
    cascade: false,
  },
  {
    kind: 'CV',
    layout: 'state',
    issuer: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
    issuerSymbol: 'UBND',
    issuedBy: null,
    sequence: null,
    daysAgo: null,
    status: 'in_review',
    title: 'V/v thống nhất mẫu giấy đi đường trong thời gian giãn cách',
    preamble: 'Ủy ban nhân dân Thành phố đề nghị:',
    clauses: ['Công an Thành phố hướng dẫn mẫu giấy đi đường thống nhất, áp dụng từ ngày {due:2}.'],
    closing: 'Đề nghị các đơn vị khẩn trương triển khai.',
    signer: { name: 'Hoàng Văn Sơn', title: 'PHÓ CHỦ TỊCH', onBehalfOf: 'KT. CHỦ TỊCH' },
    cascade: false,
  },
]
