import type { Metadata } from '../../model/book.js'
import type { TextRole } from '../../theme/index.js'
import type { Composer, Region } from './context.js'

/** The title block: title, subtitle when there is one, byline when the manuscript names its authors. */
export function titleBlock(c: Composer, metadata: Metadata, region: Region, struct: number, outline: boolean): void {
  line(c, 'title', metadata.title, region, c.struct('H1', struct), 'title')
  // An article's outline starts with its title, so that the outline is never empty.
  const first = c.items.findLast((item) => item.kind === 'box' && item.anchors.includes('title'))
  if (outline && first?.kind === 'box') first.heading = { depth: 1, title: metadata.title, id: 'title' }
  if (metadata.subtitle) line(c, 'subtitle', metadata.subtitle, region, c.struct('P', struct))
  if (metadata.authors.length > 0) line(c, 'byline', byline(metadata.authors), region, c.struct('P', struct))
  c.afterParagraph = false
}

function line(c: Composer, role: TextRole, text: string, region: Region, struct: number, anchor?: string): void {
  const resolved = c.style(role)
  const lines = c.setText([{ type: 'text', value: text }], c.runStyle(role), resolved.align, region.width, { hyphenate: false })
  c.space(resolved.spaceBefore)
  c.lineBoxes(lines, resolved, region, struct, null, false).forEach((box, index) => {
    box.keepWithPrevious = true
    if (index === 0 && anchor) box.anchors.push(anchor)
    c.box(box)
  })
  c.space(resolved.spaceAfter)
}

/** "A", "A and B", "A, B and C": the conjunction follows English usage whatever the language, for now. */
export function byline(authors: readonly string[]): string {
  if (authors.length <= 1) return authors.join('')
  return `${authors.slice(0, -1).join(', ')} and ${authors.at(-1)!}`
}
