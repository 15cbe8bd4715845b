/**
 * The catalogue of texts the server shows users (errors today), in Vietnamese first and English
 * second. Use cases name an entry and its parameters; the API renders it (`vi / en`, the form the
 * contract's `message` has always had). Record names (`what`) are entries too.
 */

export type MessageParams = Record<string, string | number>
type Text = string | ((p: MessageParams) => string)

const catalogue = {
  // Records, as named in "… không tồn tại / … not found".
  task: { vi: 'Nhiệm vụ', en: 'Task' },
  parentTask: { vi: 'Nhiệm vụ cha', en: 'Parent task' },
  directive: { vi: 'Văn bản', en: 'Directive' },
  version: { vi: 'Phiên bản', en: 'Version' },
  meeting: { vi: 'Cuộc họp', en: 'Meeting' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  city: { vi: 'Thành phố', en: 'City' },
  report: { vi: 'Báo cáo', en: 'Report' },
  inspection: { vi: 'Cuộc kiểm tra', en: 'Inspection' },
  model: { vi: 'Mô hình', en: 'Model practice' },
  adoption: { vi: 'Lượt áp dụng', en: 'Adoption' },
  attachment: { vi: 'Tệp đính kèm', en: 'Attachment' },
  record: { vi: 'Hồ sơ', en: 'Record' },
  accountablePerson: { vi: 'Người chịu trách nhiệm', en: 'Accountable person' },
  document: { vi: 'Tài liệu', en: 'Document' },
  account: { vi: 'Tài khoản', en: 'Account' },
  notification: { vi: 'Thông báo', en: 'Notification' },
  route: { vi: 'Đường dẫn', en: 'Route' },
  assignmentRow: { vi: 'Dòng phân công', en: 'Assignment row' },

  // Generic outcomes.
  notFound: {
    vi: (p: MessageParams) => `${viOf(p.what)} không tồn tại`,
    en: (p: MessageParams) => `${enOf(p.what)} not found`,
  },
  forbidden: { vi: 'Bạn không có quyền thực hiện thao tác này', en: 'Not allowed' },
  staleVersion: {
    vi: 'Dữ liệu đã được người khác thay đổi; hãy tải lại',
    en: 'Changed by someone else; reload',
  },

  // Sessions.
  wrongCredentials: { vi: 'Email hoặc mật khẩu không đúng', en: 'Wrong email or password' },
  wrongCurrentPassword: { vi: 'Mật khẩu hiện tại không đúng', en: 'Wrong current password' },
  tooManyAttempts: {
    vi: (p: MessageParams) => `Đăng nhập sai quá nhiều lần; thử lại sau ${p.seconds} giây`,
    en: 'Too many attempts',
  },
  notReady: { vi: 'Hệ thống chưa sẵn sàng', en: 'Not ready: a dependency is down' },

  // Inputs.
  unknownUnit: { vi: 'Đơn vị không tồn tại', en: (p: MessageParams) => `Unknown unit: ${p.field}` },
  unknownRecord: {
    vi: (p: MessageParams) => `${viOf(p.what)} không tồn tại`,
    en: (p: MessageParams) => `Unknown ${p.field}`,
  },
  notYours: {
    vi: (p: MessageParams) => `Bạn không có quyền với ${p.field}`,
    en: (p: MessageParams) => `Not allowed: ${p.field}`,
  },
  unknownQuestion: { vi: 'Câu hỏi không tồn tại', en: 'Unknown question' },
  unknownTeam: { vi: 'Đoàn kiểm tra không tồn tại', en: 'Unknown team: teamId' },
  unknownUser: { vi: 'Người không tồn tại', en: 'Unknown user' },
  unknownAttendee: { vi: 'Người dự họp không tồn tại', en: 'Unknown attendee' },
  invalidChecklist: {
    vi: 'Danh mục kiểm tra không hợp lệ',
    en: (p: MessageParams) => `Invalid checklist: ${p.field}`,
  },
  invalidPeriod: {
    vi: 'Kỳ không hợp lệ',
    en: 'Invalid period (YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY-MM-DD..YYYY-MM-DD or Nd)',
  },
  onlyUnitsBelow: { vi: 'Chỉ giao cho đơn vị trực thuộc', en: 'Only units below the lead unit' },
  unitCeased: {
    vi: (p: MessageParams) =>
      `${p.unit} đã thôi hoạt động từ ngày ${p.since} (sắp xếp đơn vị hành chính); hãy chọn đơn vị kế tục`,
    en: (p: MessageParams) => `${p.field}: ${p.unit} ceased on ${p.since}; choose its successor`,
  },
  unitNotYetInForce: {
    vi: (p: MessageParams) => `${p.unit} chỉ có hiệu lực từ ngày ${p.from}`,
    en: (p: MessageParams) => `${p.field}: ${p.unit} is in force only from ${p.from}`,
  },

  // Tasks.
  derivedFromChildren: {
    vi: (p: MessageParams) =>
      `Trạng thái và tiến độ của nhiệm vụ được tổng hợp từ ${p.children} nhiệm vụ con (${p.progress}%)`,
    en: (p: MessageParams) => `Status and progress come from the ${p.children} sub-tasks (${p.progress}%)`,
  },

  // Meetings, reports, model practices.
  alreadyConcluded: { vi: 'Cuộc họp đã có thông báo kết luận', en: 'Already concluded' },
  noDifficulty: { vi: 'Báo cáo không nêu khó khăn', en: 'The report raises no difficulty' },
  alreadyDecided: { vi: 'Đã có ý kiến chỉ đạo', en: 'Already decided' },
  cityReportExists: { vi: 'Kỳ này đã có báo cáo của thành phố', en: 'The city already has a report for this period' },
  originUnit: { vi: 'Đơn vị đã là nơi khởi xướng mô hình', en: 'The origin unit' },
  alreadyAdopted: { vi: 'Đơn vị đã áp dụng mô hình này', en: 'Already adopted' },
  invalidModelStep: {
    vi: (p: MessageParams) => `Không thể chuyển từ "${p.from}" sang "${p.to}"`,
    en: (p: MessageParams) => `Next step is ${p.next}`,
  },

  // Directives.
  invalidTransition: {
    vi: (p: MessageParams) => `Không thể "${p.action}" văn bản ở trạng thái "${p.status}"`,
    en: 'Not allowed from this status',
  },
  signerRequired: { vi: 'Thiếu người ký', en: 'Signer required' },
  replacementRequired: { vi: 'Thiếu văn bản thay thế', en: 'replacedById required' },
  noClauses: { vi: 'Văn bản chưa có điều khoản nào', en: 'The text has no numbered clauses' },
  notIssued: { vi: 'Dự thảo chưa ban hành; hãy sửa trực tiếp', en: 'Edit the draft directly' },
  alreadyIssued: { vi: 'Văn bản đã ban hành', en: 'Already issued' },
  issuedTextFrozen: {
    vi: 'Văn bản đã ban hành; thay đổi phải tạo phiên bản mới',
    en: 'Issued text is frozen',
  },
  unrecognisedDocument: {
    vi: 'Không nhận dạng được văn bản (không thấy loại văn bản hay điều khoản)',
    en: 'Not a recognisable directive',
  },
  unknownUnitInDraft: { vi: 'Đơn vị không tồn tại', en: (p: MessageParams) => `Unknown unit in drafts.${p.index}` },
  draftWithoutLead: {
    vi: 'Nhiệm vụ chưa có đơn vị chủ trì',
    en: (p: MessageParams) => `drafts.${p.index} has no lead unit`,
  },
  unknownRecipientUnit: {
    vi: 'Đơn vị không tồn tại',
    en: (p: MessageParams) => `recipients.${p.index}.unitId`,
  },
  unknownIssuer: { vi: 'Đơn vị ban hành không tồn tại', en: 'Unknown issuing unit' },
  handoverNotAllowed: {
    vi: (p: MessageParams) => `${p.title}: không thể chuyển cho đơn vị này`,
    en: (p: MessageParams) => `${p.title}: cannot be handed to that unit`,
  },
  reorganisationInvalid: {
    vi: (p: MessageParams) => `Tệp sắp xếp đơn vị có ${p.count} lỗi`,
    en: (p: MessageParams) => `The reorganisation file has ${p.count} problem(s)`,
  },
  reorganisationNotFuture: {
    vi: (p: MessageParams) => `Ngày hiệu lực ${p.day} phải sau hôm nay`,
    en: (p: MessageParams) => `Must take effect after today (${p.day})`,
  },
  assignmentRowUnknown: {
    vi: 'Dòng phân công không có trong bảng',
    en: (p: MessageParams) => `rowIds.${p.index} is not a row of the table`,
  },
  assignmentRowRemoved: {
    vi: 'Dòng phân công đã bị xóa khỏi bảng; khôi phục dòng trước khi chấp nhận thay đổi',
    en: 'The row was removed from the table; restore it before accepting its change',
  },
  assignmentRowProblem: {
    vi: (p: MessageParams) => `Dòng phân công chưa hợp lệ (${p.code})`,
    en: (p: MessageParams) => `The row is not valid (${p.code})`,
  },
} satisfies Record<string, { vi: Text; en: Text }>

export type MessageKey = keyof typeof catalogue
export type Language = 'vi' | 'en'

/** A record's name (an entry of its own) inside another entry's text. */
function nameOf(what: string | number | undefined, lang: Language): string {
  const text = (catalogue as Record<string, { vi: Text; en: Text }>)[String(what)]?.[lang]
  return typeof text === 'string' ? text : String(what ?? '')
}
const viOf = (what: string | number | undefined) => nameOf(what, 'vi')
const enOf = (what: string | number | undefined) => nameOf(what, 'en')

/** One entry in one language. */
export function message(key: MessageKey, lang: Language, params: MessageParams = {}): string {
  const text: Text = catalogue[key][lang]
  return typeof text === 'function' ? text(params) : text
}

/** Both languages as the API has always written them: "Vietnamese / English". */
export function bilingual(key: MessageKey, params: MessageParams = {}): string {
  return `${message(key, 'vi', params)} / ${message(key, 'en', params)}`
}
