export { type AnnexInput, type AnnexRow, renderAnnexDocx, renderAnnexPdf, renderAnnexXlsx } from './assignment-annex'
export {
  type CityReportDocument,
  layoutCityReport,
  renderCityReportDocx,
  renderCityReportPdf,
} from './city-report-layout'
export { type DocxOptions, renderDocx } from './docx-layout'
export { type DiffPart, diffLines, type WordedDiffPart, type WordPart, withWords } from './line-diff'
export { type MeasureSheet, type MeasureSheetRow, renderMeasureXlsx } from './measure-xlsx'
export { renderPdf } from './pdf-layout'
export {
  type PmNode,
  plainTextOf,
  plainTextOfState,
  proseMirrorJsonOf,
  TIPTAP_FIELD,
} from './projection'
export { formatPlaceAndDate, formatVietnameseLongDate } from './vn-date'
