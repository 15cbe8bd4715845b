export { type DocxOptions, renderDocx } from './docx-layout'
export { type MeasureSheet, type MeasureSheetRow, renderMeasureXlsx } from './measure-xlsx'
export { renderPdf } from './pdf-layout'
export { formatPlaceAndDate, formatVietnameseLongDate } from './vn-date'
