// The city's report of a period (BÁO CÁO) in the formal layout the directives use: the issuing body, its
// number and symbol "Số ...-BC/TU", the Party's name, place and date in Vietnamese, the title, the body
// as the office wrote it in the collaborative document, recipients and the signing block.
import type { DirectiveDocument, DocumentLayout, Recipient, Signer } from '@hub/domain'
import { type DirectiveLayout, layoutDirective, text, typeSizes } from './directive-layout'
import { type DocxOptions, renderLayoutDocx } from './docx-layout'
import { issuerLetters } from './issuer-name'
import { renderLayoutPdf } from './pdf-layout'

export interface CityReportDocument {
  layout: DocumentLayout
  /** "THÀNH ỦY HÀ NỘI". */
  issuer: string
  /** Number and symbol once registered ("12-BC/TU"); null leaves the number blank. */
  number: string | null
  place: string
  /** YYYY-MM-DD, or null for the blanks of a draft. */
  date: string | null
  /** The subject line: "Kết quả thực hiện nhiệm vụ tháng 7/2021". */
  title: string
  /** The document's text, one paragraph a line. */
  body: string
  recipients: Recipient[]
  signer: Signer
  draft?: boolean
}

/** The kind's title a report prints over its subject. */
const reportTitle = 'BÁO CÁO'

/** The symbol a report takes: "BC" and the issuer's letters. */
function numberText(doc: CityReportDocument): string {
  const party = doc.layout === 'party'
  const label = party ? 'Số' : 'Số:'
  const number = doc.number?.trim().replace(/^Số:?\s*/i, '')
  if (number) return `${label} ${number}`
  const letters = issuerLetters(doc.issuer)
  return party ? `${label}      -BC/${letters}` : `${label}      /BC-${letters}`
}

/**
 * Lays the report out as a notice is laid out (a notice has no kind-specific parts: no "V/v" line, no
 * articles), then writes the report's own title and symbol where the notice's stand. The body is kept
 * as paragraphs in the order written (no clause numbering is inferred from it).
 */
export function layoutCityReport(doc: CityReportDocument): DirectiveLayout {
  const base: DirectiveDocument = {
    layout: doc.layout,
    issuer: doc.issuer,
    kind: 'TB',
    number: null,
    place: doc.place,
    issuedAt: doc.date,
    issuedBy: null,
    title: doc.title,
    preamble: doc.body,
    clauses: [],
    closing: '',
    recipients: doc.recipients,
    signer: doc.signer,
    draft: doc.draft,
  }
  const layout = layoutDirective(base)
  const notice = layoutDirective({ ...base, draft: false })
  const noticeNumber = notice.header.rows[1]!.left[0]
  const numberLine = noticeNumber?.kind === 'text' ? noticeNumber.text : null
  const header = {
    ...layout.header,
    rows: layout.header.rows.map((row) => ({
      ...row,
      left: row.left.map((b) =>
        b.kind === 'text' && b.text === numberLine ? text(numberText(doc), typeSizes.header) : b,
      ),
    })),
  }
  const [kind, ...heading] = layout.heading
  return {
    ...layout,
    title: [reportTitle, doc.number ?? '', doc.title].filter(Boolean).join(' '),
    header,
    heading: kind?.kind === 'text' ? [{ ...kind, text: reportTitle }, ...heading] : layout.heading,
  }
}

/** The report as a Word document (A4, Times-like serif, embedded Tinos by default). */
export function renderCityReportDocx(doc: CityReportDocument, options: DocxOptions = {}): Promise<Buffer> {
  return renderLayoutDocx(layoutCityReport(doc), doc.issuer, options)
}

/** The report as PDF (A4, Tinos embedded). */
export function renderCityReportPdf(doc: CityReportDocument): Promise<Buffer> {
  return renderLayoutPdf(layoutCityReport(doc), { author: doc.issuer, subject: doc.title })
}
