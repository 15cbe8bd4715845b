// Test helpers on Y.Docs: append a Tiptap paragraph, read the fragment as text.
import * as Y from 'yjs'

/** Appends a Tiptap paragraph with `text` to the document's "default" fragment. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const frag = doc.getXmlFragment('default')
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  frag.insert(frag.length, [p])
}

/** The "default" fragment as XML text: two documents with equal content give equal strings. */
export function docText(doc: Y.Doc): string {
  return doc.getXmlFragment('default').toString()
}
