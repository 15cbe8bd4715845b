// The number and symbol a directive gets when it is issued, after the Party's and the state's conventions;
// used by the API's issue command and the seed.

import { type DirectiveKind, type DocumentLayout, kindLetters } from './directive'

/** The drafting unit of a state letter when none is named: the people's committee's office (Văn phòng). */
export const defaultDraftingUnit = 'VP'

/**
 * Number and symbol as printed: Party documents "05-CT/TU" (guideline 36-HD/VPTW, two-digit
 * number), state documents "17/CT-UBND" (decree 30/2020/NĐ-CP). A state letter (công văn) carries
 * no kind letters: its symbol is the issuer's, then the drafting unit's, "1/UBND-VP" (decree 30,
 * appendix I).
 */
export function formatDirectiveNumber(
  layout: DocumentLayout,
  sequence: number,
  kind: DirectiveKind,
  issuerSymbol: string,
  draftingUnit = defaultDraftingUnit,
): string {
  const letters = kindLetters[kind]
  if (layout === 'party') return `${String(sequence).padStart(2, '0')}-${letters}/${issuerSymbol}`
  if (kind === 'CV') return `${sequence}/${issuerSymbol}-${draftingUnit}`
  return `${sequence}/${letters}-${issuerSymbol}`
}
