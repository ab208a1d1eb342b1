import type { Part } from '../../model/book.js'
import type { Composer, Region } from './context.js'

/**
 * A part's title page: the part's title alone, centred, in its role; the
 * part's destination and its outline entry, above its chapters'. Returns
 * the title's structure node (a heading in the part's `Part` element).
 */
export function partTitlePage(c: Composer, part: Part, region: Region, struct: number): number {
  const resolved = c.style('partTitle')
  const heading = c.struct('H1', struct)
  const lines = c.setText([{ type: 'text', value: part.title }], c.runStyle('partTitle'), resolved.align, region.width, { hyphenate: false })
  c.lineBoxes(lines, resolved, region, heading, null, false).forEach((box, index) => {
    box.keepWithPrevious = index > 0
    if (index === 0) {
      box.anchors.push(part.id)
      box.heading = { depth: 1, title: part.title, id: part.id }
    }
    c.box(box)
  })
  c.afterParagraph = false
  return heading
}
