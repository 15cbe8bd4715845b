// The accountability ranking (thước đo trách nhiệm) as an Excel workbook, for the API's measure export.

import { formatVnDate, type MeasureSettings, type RatingCode } from '@hub/domain'
import ExcelJS from 'exceljs'

/** A row of the ranking as the spreadsheet prints it. */
export interface MeasureSheetRow {
  rank: number | null
  unitName: string
  head: { name: string; position: string } | null
  onTimeRate: number | null
  dueInPeriod: number
  doneOnTime: number
  overdue: number
  overdueDays: number
  reportsOnTimeRate: number | null
  reportsMissing: number
  daysSinceUpdate: number | null
  inspectionValue: number | null
  subunitCompletion: number | null
  penalty: number
  score: number | null
  ratingCode: RatingCode | null
  rating: string | null
}

export interface MeasureSheet {
  /** "Thước đo trách nhiệm: quận, huyện, thị xã". */
  title: string
  period: { key: string; from: string; to: string }
  generatedAt: Date
  rows: MeasureSheetRow[]
  settings: MeasureSettings
}

const fill: Record<RatingCode, string> = { excellent: 'FF2F9E44', good: 'FF1C7ED6', pass: 'FFFAB005', fail: 'FFE03131' }

/**
 * The ranking as an .xlsx workbook (ExcelJS): one sheet with the figures (rates as percentages,
 * ratings coloured), one with how the score is computed, so the file stands on its own in a
 * staff evaluation.
 */
export async function renderMeasureXlsx(sheet: MeasureSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Hệ thống điều phối'
  wb.created = sheet.generatedAt
  const ws = wb.addWorksheet('Xếp hạng', { views: [{ state: 'frozen', ySplit: 4 }] })
  ws.addRow([sheet.title]).font = { bold: true, size: 14 }
  ws.addRow([
    `Kỳ đánh giá: ${formatVnDate(sheet.period.from)} – ${formatVnDate(sheet.period.to)} (${sheet.period.key})`,
  ])
  ws.addRow([`Lập lúc: ${sheet.generatedAt.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}`])
  const header = ws.addRow([
    'Hạng',
    'Đơn vị',
    'Người đứng đầu',
    'Tỉ lệ đúng hạn',
    'Nhiệm vụ đến hạn',
    'Hoàn thành đúng hạn',
    'Quá hạn',
    'Số ngày quá hạn',
    'Báo cáo đúng hạn',
    'Báo cáo chưa nộp',
    'Số ngày chưa cập nhật (bình quân)',
    'Kết quả kiểm tra',
    'Đơn vị trực thuộc hoàn thành',
    'Trừ điểm quá hạn',
    'Điểm',
    'Xếp loại',
  ])
  header.font = { bold: true }
  header.alignment = { wrapText: true, vertical: 'middle' }
  for (const r of sheet.rows) {
    const row = ws.addRow([
      r.rank,
      r.unitName,
      r.head ? `${r.head.name} (${r.head.position})` : '',
      r.onTimeRate,
      r.dueInPeriod,
      r.doneOnTime,
      r.overdue,
      r.overdueDays,
      r.reportsOnTimeRate,
      r.reportsMissing,
      r.daysSinceUpdate,
      r.inspectionValue,
      r.subunitCompletion,
      r.penalty,
      r.score,
      r.rating ?? 'Chưa đủ dữ liệu',
    ])
    for (const col of [4, 9, 12, 13]) row.getCell(col).numFmt = '0%'
    if (r.ratingCode) {
      const cell = row.getCell(16)
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill[r.ratingCode] } }
      cell.font = { color: { argb: 'FFFFFFFF' }, bold: true }
    }
  }
  const widths = [6, 28, 34, 12, 10, 12, 9, 10, 12, 10, 14, 12, 14, 10, 8, 30]
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w
  })

  const how = wb.addWorksheet('Cách tính')
  const s = sheet.settings
  how.addRows([
    ['Thành phần', 'Trọng số', 'Cách tính'],
    [
      'Tỉ lệ hoàn thành đúng hạn',
      s.weights.onTime,
      'Nhiệm vụ đến hạn trong kỳ (đã xong hoặc đã quá hạn): tỉ lệ xong đúng hạn',
    ],
    ['Báo cáo đúng hạn', s.weights.reports, 'Báo cáo định kỳ phải nộp trong kỳ: tỉ lệ nộp đúng hạn'],
    ['Cập nhật tiến độ', s.weights.freshness, `1 − (số ngày chưa cập nhật bình quân / ${s.staleAfterDays}), không âm`],
    [
      'Kết quả kiểm tra',
      s.weights.inspections,
      `Khen thưởng ${s.outcomeValues.reward}, biểu dương ${s.outcomeValues.commend}, nhắc nhở ${s.outcomeValues.remind}, phê bình ${s.outcomeValues.criticise}, kỷ luật ${s.outcomeValues.discipline}`,
    ],
    ['Đơn vị trực thuộc', s.weights.subunits, 'Tỉ lệ hoàn thành nhiệm vụ đến hạn của đơn vị cấp dưới'],
    [],
    [
      'Điểm',
      '',
      `Bình quân có trọng số các thành phần có dữ liệu (thang 100), trừ ${s.overdue.perTask} điểm mỗi nhiệm vụ quá hạn và ${s.overdue.perDay} điểm mỗi ngày quá hạn (tối đa ${s.overdue.maxDaysPerTask} ngày mỗi nhiệm vụ, tổng trừ tối đa ${s.overdue.cap} điểm)`,
    ],
    [
      'Xếp loại',
      '',
      `Từ ${s.thresholds.excellent}: Hoàn thành xuất sắc nhiệm vụ; từ ${s.thresholds.good}: Hoàn thành tốt nhiệm vụ; từ ${s.thresholds.pass}: Hoàn thành nhiệm vụ; dưới ${s.thresholds.pass}: Không hoàn thành nhiệm vụ`,
    ],
  ])
  how.getRow(1).font = { bold: true }
  how.getColumn(1).width = 28
  how.getColumn(2).width = 10
  how.getColumn(3).width = 110
  return Buffer.from(await wb.xlsx.writeBuffer())
}
