// The vocabulary of directives and the other issued documents: kinds, statuses, layouts, recipients,
// signers and clauses, with their zod schemas, shared by the API, the web, the parser and the renderers.

import { z } from 'zod'

/** Kinds of directive documents; the code is the letters used in the symbol ("05-CT/TU"). */
export const directiveKinds = ['CT', 'KH', 'KL', 'TB', 'CV', 'QD', 'NQ'] as const
export const directiveKindSchema = z.enum(directiveKinds)
export type DirectiveKind = z.infer<typeof directiveKindSchema>

/** The kind's letters as printed in a symbol (QĐ keeps its Đ). */
export const kindLetters: Record<DirectiveKind, string> = {
  CT: 'CT',
  KH: 'KH',
  KL: 'KL',
  TB: 'TB',
  CV: 'CV',
  QD: 'QĐ',
  NQ: 'NQ',
}

/** The kind's title as printed above the subject line. */
export const kindTitles: Record<DirectiveKind, { vi: string; en: string }> = {
  CT: { vi: 'CHỈ THỊ', en: 'Directive' },
  KH: { vi: 'KẾ HOẠCH', en: 'Plan' },
  KL: { vi: 'KẾT LUẬN', en: 'Conclusion' },
  TB: { vi: 'THÔNG BÁO', en: 'Notice' },
  CV: { vi: 'CÔNG VĂN', en: 'Letter' },
  QD: { vi: 'QUYẾT ĐỊNH', en: 'Decision' },
  NQ: { vi: 'NGHỊ QUYẾT', en: 'Resolution' },
}

export const directiveStatuses = ['draft', 'in_review', 'issued', 'in_force', 'closed', 'replaced'] as const
export const directiveStatusSchema = z.enum(directiveStatuses)
export type DirectiveStatus = z.infer<typeof directiveStatusSchema>

/** Party documents follow guideline 36-HD/VPTW; state (UBND) documents follow decree 30/2020/NĐ-CP. */
export const documentLayouts = ['party', 'state'] as const
export const documentLayoutSchema = z.enum(documentLayouts)
export type DocumentLayout = z.infer<typeof documentLayoutSchema>

/** Why a recipient receives the document: to report to, to carry out, to know, or the archive copy. */
export const recipientCapacities = ['report', 'execute', 'inform', 'archive'] as const
export const recipientCapacitySchema = z.enum(recipientCapacities)
export type RecipientCapacity = z.infer<typeof recipientCapacitySchema>

export const recipientSchema = z.object({
  name: z.string().min(1).max(300),
  capacity: recipientCapacitySchema,
  unitId: z.string().uuid().nullable().optional(),
  /** The printed group line the unit belongs to, if it was listed as part of a group. */
  groupLabel: z.string().max(300).nullable().optional(),
})
export type Recipient = z.infer<typeof recipientSchema>

export const signerSchema = z.object({
  name: z.string().max(200),
  title: z.string().max(200),
  /** "T/M BAN THƯỜNG VỤ" (Party) or "TM. ỦY BAN NHÂN DÂN" (state); empty when signing in one's own name. */
  onBehalfOf: z.string().max(200),
})
export type Signer = z.infer<typeof signerSchema>

export const clauseSchema = z.object({ ordinal: z.number().int().positive(), text: z.string() })
export type Clause = z.infer<typeof clauseSchema>

/** What the importer recognises in a pasted document; every field may be missing in a messy paste. */
export interface ParsedDirective {
  layout: DocumentLayout
  /** Issuing body as printed at top left, e.g. "THÀNH ỦY HÀ NỘI" or "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI". */
  issuer: string | null
  /** Superior body printed above the issuer in state documents ("ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"), if any. */
  parentIssuer: string | null
  kind: DirectiveKind | null
  /** Full number and symbol as normalised: "05-CT/TU", "17/CT-UBND". */
  number: string | null
  /** The sequence number alone: 5 for "05-CT/TU". */
  sequence: number | null
  place: string | null
  /** ISO date YYYY-MM-DD. */
  issuedAt: string | null
  /** The line after the kind naming who issues it, e.g. "CỦA BAN THƯỜNG VỤ THÀNH ỦY" (Party only). */
  issuedBy: string | null
  /** Subject line (trích yếu), joined into one line. */
  title: string | null
  preamble: string
  /** Documents the preamble cites, as written: "177-CV/TU", "16/CT-TTg". */
  citations: string[]
  clauses: Clause[]
  closing: string
  recipients: Recipient[]
  signer: Signer | null
}

/** A directive as the exporter lays it out. */
export interface DirectiveDocument {
  layout: DocumentLayout
  issuer: string
  parentIssuer?: string | null
  kind: DirectiveKind
  number: string | null
  place: string
  issuedAt: string | null
  issuedBy?: string | null
  title: string
  preamble: string
  clauses: Clause[]
  closing: string
  recipients: Recipient[]
  signer: Signer
  /** Not issued yet: the export carries a "DỰ THẢO" mark. */
  draft?: boolean
}
