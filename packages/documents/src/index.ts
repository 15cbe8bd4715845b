export { type DocxOptions, renderDocx } from './docx-layout'
export { renderPdf } from './pdf-layout'
export { formatPlaceAndDate, formatVietnameseLongDate } from './vn-date'
