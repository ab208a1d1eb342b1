import type { Paragraph } from '../../model/book.js'
import { paragraphIndent } from '../../theme/index.js'
import type { BlockContext, Composer } from './context.js'

/**
 * Running text: justified in the role's style; indented when it follows
 * another paragraph, flush after a heading or any other block.
 */
export function paragraph(c: Composer, block: Paragraph, ctx: BlockContext, leadIn = false): void {
  const resolved = c.style(ctx.role)
  const indent = c.afterParagraph ? paragraphIndent(c.theme) : 0
  const lines = c.setText(block.children, c.runStyle(ctx.role), resolved.align, ctx.region.width, { indent, leadIn })
  const struct = c.struct('P', ctx.struct)
  c.space(resolved.spaceBefore)
  for (const box of c.lineBoxes(lines, resolved, ctx.region, struct, { chapter: c.chapter, block: ctx.path }, true)) c.box(box)
  c.space(resolved.spaceAfter)
  c.afterParagraph = true
}
