import { type DirectiveKind, type DocumentLayout, kindLetters } from './directive'

/**
 * Number and symbol as printed: Party documents "05-CT/TU" (guideline 36-HD/VPTW, two-digit
 * number), state documents "17/CT-UBND" (decree 30/2020/NĐ-CP).
 */
export function formatDirectiveNumber(
  layout: DocumentLayout,
  sequence: number,
  kind: DirectiveKind,
  issuerSymbol: string,
): string {
  const letters = kindLetters[kind]
  if (layout === 'party') return `${String(sequence).padStart(2, '0')}-${letters}/${issuerSymbol}`
  return `${sequence}/${letters}-${issuerSymbol}`
}
