// The "Nơi nhận" (recipients) lines at the foot of a formal document, as the directive layout prints them.

import type { DocumentLayout, Recipient, RecipientCapacity } from '@hub/domain'

/** What each capacity adds after the last recipient of a run sharing it; the archive copy reads "Lưu ..." instead. */
export const capacitySuffixes: Readonly<Record<RecipientCapacity, string | null>> = {
  report: '(để b/c)',
  execute: '(để thực hiện)',
  inform: '(để biết)',
  archive: null,
}

/**
 * The "Nơi nhận" list as printed: one "- " line a recipient, recipients who share a capacity grouped with the
 * capacity written once after the last of them (where a handwritten brace would close the group), the archive copy
 * last and the final line closed by a full stop. Party documents separate lines with commas and write
 * "- Lưu Văn phòng Thành ủy." (36-HD/VPTW); state documents use semicolons and "- Lưu: VT, KGVX." (decree 30).
 */
export function recipientLines(layout: DocumentLayout, recipients: readonly Recipient[]): string[] {
  const separator = layout === 'party' ? ',' : ';'
  const cleaned = recipients
    .map((recipient) => ({ ...recipient, name: cleanName(recipient.name) }))
    .filter((recipient) => recipient.name.length > 0)
  const ordered = [
    ...cleaned.filter((recipient) => recipient.capacity !== 'archive'),
    ...cleaned.filter((recipient) => recipient.capacity === 'archive'),
  ]
  return ordered.map((recipient, index) => {
    const last = index === ordered.length - 1
    const end = last ? '.' : separator
    if (recipient.capacity === 'archive') return `- ${archiveText(layout, recipient.name)}${end}`
    const next = ordered[index + 1]
    const suffix = next?.capacity === recipient.capacity ? null : capacitySuffixes[recipient.capacity]
    return `- ${recipient.name}${suffix ? ` ${suffix}` : ''}${end}`
  })
}

function cleanName(name: string): string {
  return name
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[-–+•]\s*/, '')
    .replace(/[,;.]+$/, '')
    .trim()
}

function archiveText(layout: DocumentLayout, name: string): string {
  if (/^lưu\b/iu.test(name)) return name
  return layout === 'party' ? `Lưu ${name}` : `Lưu: ${name}`
}
