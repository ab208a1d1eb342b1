import type { Heading } from '../../model/book.js'
import { inlineText } from '../../model/text.js'
import type { BlockContext, Composer } from './context.js'
import { headingKeep, sideFor } from './context.js'
import { destName } from '../dests.js'
import { numberSeparator } from '../../theme/index.js'

/** A heading: set ragged in its role (or aligned as the manuscript says), named as a destination, kept with what follows. */
export function heading(c: Composer, block: Heading, ctx: BlockContext): void {
  const role = `h${block.depth}` as const
  const resolved = c.style(role)
  const number = c.headingNumber(block)
  const words = number === undefined ? block.children : [{ type: 'text' as const, value: `${number}${numberSeparator}` }, ...block.children]
  const lines = c.setText(words, c.runStyle(role), sideFor(block.align ?? resolved.align, block.dir), ctx.region.width, { hyphenate: false, images: true, ...(block.dir ? { direction: block.dir } : {}) })
  const struct = c.struct(`H${block.depth}`, ctx.struct)
  c.space(resolved.spaceBefore)
  const boxes = c.lineBoxes(lines, resolved, ctx.region, struct, { chapter: c.chapter, block: ctx.path }, false)
  boxes.forEach((box, index) => {
    box.keepWithPrevious = box.keepWithPrevious || index > 0
    if (index === 0) {
      if (block.id !== '' && c.chapterId !== undefined) box.anchors.push(destName(c.chapterId, block.id))
      const title = inlineText(block.children).trim()
      box.heading = { depth: c.outlineDepth(block), title: number === undefined ? title : `${number} ${title}`, id: block.id }
    }
    c.box(box)
  })
  c.space(resolved.spaceAfter)
  c.pendingKeep = headingKeep
  c.afterParagraph = false
}
