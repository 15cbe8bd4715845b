// The directive parser's entry: turns a document pasted from PDF or Word into fields, clauses, recipients
// and signer for the API's import, from the header, body and footer steps.

import type { DocumentLayout, ParsedDirective } from './directive'
import { splitBody, toParagraphs } from './directive-body'
import { findFooterStart, readFooter } from './directive-footer'
import { readHeader } from './directive-header'
import { toLines } from './directive-text'
import { findSymbols, kindFromSymbol, layoutFromSymbol, symbolSequence } from './document-symbol'
import { foldVietnamese } from './text-fold'

/**
 * Reads the plain text of a Party (guideline 36-HD/VPTW) or state (decree 30/2020/NĐ-CP) document as
 * people paste it from PDF or Word: header columns side by side or interleaved, stray spaces, CRLF,
 * non-breaking spaces. Whatever cannot be found is null or empty; it never throws.
 */
export function parseDirective(text: string): ParsedDirective {
  const lines = toLines(text)
  const header = readHeader(lines)
  const footerStart = findFooterStart(lines, header.bodyStart)
  const body = splitBody(toParagraphs(lines.slice(header.bodyStart, footerStart)))
  const footer = readFooter(lines.slice(footerStart), header.layout)
  const layout = chooseLayout(header.layout, header.number, footer.layoutHint, header.issuer)
  return {
    layout,
    issuer: header.issuer,
    parentIssuer: header.parentIssuer,
    kind: header.kind ?? (header.number ? kindFromSymbol(header.number) : null),
    number: header.number,
    sequence: header.number ? symbolSequence(header.number) : null,
    place: header.place,
    issuedAt: header.issuedAt,
    issuedBy: header.issuedBy,
    title: header.title,
    preamble: body.preamble,
    citations: findSymbols(body.preamble),
    clauses: body.clauses,
    closing: body.closing,
    recipients: [...header.addressees, ...footer.recipients],
    signer: footer.signer,
  }
}

/** The motto decides; failing it, the symbol's shape, the signing style, then the issuer's name. */
function chooseLayout(
  motto: DocumentLayout | null,
  number: string | null,
  signing: DocumentLayout | null,
  issuer: string | null,
): DocumentLayout {
  if (motto) return motto
  const bySymbol = number ? layoutFromSymbol(number) : null
  if (bySymbol) return bySymbol
  if (signing) return signing
  return issuer && /uy ban nhan dan|ubnd|hoi dong nhan dan/.test(foldVietnamese(issuer)) ? 'state' : 'party'
}

/**
 * Reads only a body (what the editor holds: preamble, numbered clauses, closing), without looking
 * for a header or a foot.
 */
export function parseDirectiveBody(text: string): {
  preamble: string
  clauses: ParsedDirective['clauses']
  closing: string
} {
  const body = splitBody(toParagraphs(toLines(text)))
  return { preamble: body.preamble, clauses: body.clauses, closing: body.closing }
}
