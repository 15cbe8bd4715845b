// The number-and-symbol line of a formal document ("Số 05-CT/TU", "Số: 17/CT-UBND"), for the directive
// and city report layouts.

import { type DirectiveDocument, defaultDraftingUnit, kindLetters } from '@hub/domain'
import { issuerLetters } from './issuer-name'

/** Blank left for the number in a draft; the office writes it in when the document is registered. */
const numberBlank = '     '

/**
 * The number-and-symbol line. Party documents (36-HD/VPTW) write "Số 05-CT/TU"; state documents (decree 30)
 * write "Số: 17/CT-UBND", a state letter "Số: 1/UBND-VP". A draft has no number yet, so it keeps the symbol with a blank where the number goes.
 */
export function numberLine(doc: Pick<DirectiveDocument, 'layout' | 'number' | 'kind' | 'issuer'>): string {
  const party = doc.layout === 'party'
  const label = party ? 'Số' : 'Số:'
  const number = doc.number?.trim().replace(/^Số:?\s*/i, '')
  if (number) return `${label} ${number}`
  const kind = kindLetters[doc.kind]
  const body = issuerLetters(doc.issuer)
  if (party) return `${label} ${numberBlank}-${kind}/${body}`
  // A state letter's symbol is the issuer's, then the drafting unit's (decree 30): "Số:      /UBND-VP".
  if (doc.kind === 'CV') return `${label} ${numberBlank}/${body}-${defaultDraftingUnit}`
  return `${label} ${numberBlank}/${kind}-${body}`
}
