/** Vietnamese texts of the city's report of a period (báo cáo của thành phố); part of the vi catalogue. */
export const cityReportVi = {
  title: 'Báo cáo của thành phố',
  intro:
    'Báo cáo của thành phố theo kỳ được tổng hợp tự động từ báo cáo định kỳ của các đơn vị và thước đo trách nhiệm; Văn phòng Thành ủy cùng soạn, chỉnh sửa rồi xuất văn bản theo thể thức.',
  back: 'Thước đo trách nhiệm',
  compose: 'Tổng hợp báo cáo',
  composeFor: 'Tổng hợp báo cáo cho kỳ',
  cycle: 'Loại kỳ',
  cycles: { daily: 'Ngày', weekly: 'Tuần', monthly: 'Tháng' },
  day: 'Ngày trong kỳ',
  periodLabel: 'Kỳ báo cáo',
  composed: 'Đã tổng hợp báo cáo từ các đơn vị',
  exists: 'Kỳ này đã có báo cáo',
  openExisting: 'Mở báo cáo của kỳ này',
  none: 'Chưa có báo cáo của thành phố nào.',
  columns: { period: 'Kỳ', title: 'Trích yếu', composedBy: 'Người tổng hợp', composedAt: 'Thời điểm tổng hợp' },
  readOnly: 'Bạn chỉ được xem báo cáo này; Văn phòng Thành ủy và Thường trực chỉnh sửa.',
  editorLabel: 'Nội dung báo cáo của thành phố',
  composedLine: 'Tổng hợp bởi {{name}} lúc {{time}}',
  range: 'Từ {{from}} đến {{to}}',
}
