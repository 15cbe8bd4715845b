// Projections of a Yjs (Tiptap) document: its plain text and its ProseMirror JSON, for search, versions and exports.
import * as Y from 'yjs'

/** The shared type Tiptap's Collaboration extension edits (its `field` option, default "default"). */
export const TIPTAP_FIELD = 'default'

/** Blocks whose content is text even when they hold no text yet (an empty paragraph is a line). */
const textBlocks = new Set(['paragraph', 'heading', 'codeBlock', 'title'])

function inlineText(el: Y.XmlElement | Y.XmlText): string {
  if (el instanceof Y.XmlText) {
    let out = ''
    for (const op of el.toDelta() as { insert: unknown }[]) if (typeof op.insert === 'string') out += op.insert
    return out
  }
  if (el.nodeName === 'hardBreak') return '\n'
  return el
    .toArray()
    .map((c) => inlineText(c as Y.XmlElement | Y.XmlText))
    .join('')
}

function blockLines(node: Y.XmlElement | Y.XmlText): string[] {
  if (node instanceof Y.XmlText) return [inlineText(node)]
  const children = node.toArray() as (Y.XmlElement | Y.XmlText)[]
  if (textBlocks.has(node.nodeName) || children.some((c) => c instanceof Y.XmlText)) {
    return [children.map(inlineText).join('')]
  }
  if (children.length === 0) return ['']
  // A table row reads as one line, its cells separated by tabs, so exports and search keep the row together.
  if (node.nodeName === 'tableRow') return [children.map((cell) => blockLines(cell).join(' ')).join('\t')]
  return children.flatMap(blockLines)
}

/** Plain text of a Tiptap document: one line per paragraph (heading, list item, table row). */
export function plainTextOf(fragment: Y.XmlFragment): string {
  return (fragment.toArray() as (Y.XmlElement | Y.XmlText)[]).flatMap(blockLines).join('\n')
}

/** A ProseMirror node as JSON (what Tiptap's `getJSON()` returns). */
export interface PmNode {
  type: string
  attrs?: Record<string, unknown>
  content?: PmNode[]
  text?: string
  marks?: { type: string; attrs?: Record<string, unknown> }[]
}

function textNodes(t: Y.XmlText): PmNode[] {
  const out: PmNode[] = []
  for (const op of t.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== 'string' || op.insert === '') continue
    const node: PmNode = { type: 'text', text: op.insert }
    if (op.attributes) {
      node.marks = Object.entries(op.attributes).map(([name, attrs]) => {
        // y-tiptap suffixes overlapping marks of one type with "--<hash>".
        const type = name.split('--')[0] ?? name
        return attrs && typeof attrs === 'object' && Object.keys(attrs).length > 0
          ? { type, attrs: attrs as Record<string, unknown> }
          : { type }
      })
    }
    out.push(node)
  }
  return out
}

function elementJson(el: Y.XmlElement): PmNode {
  const node: PmNode = { type: el.nodeName }
  const attrs = el.getAttributes() as Record<string, unknown>
  if (Object.keys(attrs).length > 0) node.attrs = attrs
  const content = (el.toArray() as (Y.XmlElement | Y.XmlText)[]).flatMap((c) =>
    c instanceof Y.XmlText ? textNodes(c) : [elementJson(c)],
  )
  if (content.length > 0) node.content = content
  return node
}

/** The document as ProseMirror JSON, for viewing a version without an editor and for exports. */
export function proseMirrorJsonOf(fragment: Y.XmlFragment): PmNode {
  const content = (fragment.toArray() as (Y.XmlElement | Y.XmlText)[]).flatMap((c) =>
    c instanceof Y.XmlText ? textNodes(c) : [elementJson(c)],
  )
  return content.length > 0 ? { type: 'doc', content } : { type: 'doc' }
}

/** Plain text of a whole document state (an encoded update). */
export function plainTextOfState(state: Uint8Array): string {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    return plainTextOf(doc.getXmlFragment(TIPTAP_FIELD))
  } finally {
    doc.destroy()
  }
}
