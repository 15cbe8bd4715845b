// The documents package's entry. The renderers (docx, pdfkit, exceljs: ~1 s and ~100 MB to load) are
// imported on their first call, so that a process that only reads text (the API at start, collab)
// never loads them; the text helpers are plain exports.
export type { AnnexInput, AnnexRow } from './assignment-annex'
export type { CityReportDocument } from './city-report-layout'
export type { DocxOptions } from './docx-layout'
export { type DiffPart, diffLines, type WordedDiffPart, type WordPart, withWords } from './line-diff'
export type { MeasureSheet, MeasureSheetRow } from './measure-xlsx'
export {
  type PmNode,
  plainTextOf,
  plainTextOfState,
  proseMirrorJsonOf,
  TIPTAP_FIELD,
} from './projection'
export { formatPlaceAndDate, formatVietnameseLongDate } from './vn-date'

/** The exports of a module that are asynchronous functions (only those can wait for their module to load). */
type AsyncExports<M> = { [K in keyof M]: M[K] extends (...args: never[]) => Promise<unknown> ? K : never }[keyof M]

/** A renderer that loads its module on the first call (the module is loaded once; later calls reuse it). */
function lazy<M, K extends AsyncExports<M>>(load: () => Promise<M>, name: K): M[K] {
  return (async (...args: unknown[]) => ((await load())[name] as (...a: unknown[]) => unknown)(...args)) as M[K]
}
const annex = () => import('./assignment-annex')
const cityReport = () => import('./city-report-layout')

export const renderAnnexDocx = lazy(annex, 'renderAnnexDocx')
export const renderAnnexPdf = lazy(annex, 'renderAnnexPdf')
export const renderAnnexXlsx = lazy(annex, 'renderAnnexXlsx')
export const renderCityReportDocx = lazy(cityReport, 'renderCityReportDocx')
export const renderCityReportPdf = lazy(cityReport, 'renderCityReportPdf')
export const renderDocx = lazy(() => import('./docx-layout'), 'renderDocx')
export const renderPdf = lazy(() => import('./pdf-layout'), 'renderPdf')
export const renderMeasureXlsx = lazy(() => import('./measure-xlsx'), 'renderMeasureXlsx')
