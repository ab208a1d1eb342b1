import type { Paragraph } from '../../model/book.js'
import { paragraphIndent } from '../../theme/index.js'
import type { BlockContext, Composer } from './context.js'
import { sideFor } from './context.js'

/**
 * Running text: justified in the role's style (or aligned as the manuscript
 * says); indented when it follows another paragraph of running text, flush
 * after a heading or any other block, and when it is centred or set right.
 */
export function paragraph(c: Composer, block: Paragraph, ctx: BlockContext, leadIn = false): void {
  const resolved = c.style(ctx.role)
  const align = block.align ?? resolved.align
  // Entries of a reference list are set flush, each its own paragraph (see `transform/citations.ts`).
  const indent = c.afterParagraph && align !== 'center' && align !== 'right' && block.role !== 'biblioentry' ? paragraphIndent(c.theme) : 0
  const lines = c.setText(block.children, c.runStyle(ctx.role), sideFor(align, block.dir), ctx.region.width, { indent, leadIn, images: true, ...(block.dir ? { direction: block.dir } : {}) })
  const struct = c.struct('P', ctx.struct)
  c.space(resolved.spaceBefore)
  for (const box of c.lineBoxes(lines, resolved, ctx.region, struct, { chapter: c.chapter, block: ctx.path }, true)) c.box(box)
  c.space(resolved.spaceAfter)
  // A centred or right-set line is no running text: the paragraph after it starts flush.
  c.afterParagraph = align !== 'center' && align !== 'right'
}
