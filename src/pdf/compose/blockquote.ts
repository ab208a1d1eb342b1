import type { BlockQuote } from '../../model/book.js'
import type { BlockContext, Composer } from './context.js'
import { blocks } from './blocks.js'

/** A quotation: its blocks inset on both sides, running text in the blockquote role. */
export function blockquote(c: Composer, block: BlockQuote, ctx: BlockContext): void {
  const resolved = c.style('blockquote')
  const struct = c.struct('BlockQuote', ctx.struct)
  c.space(resolved.spaceBefore)
  c.afterParagraph = false
  const region = c.inset(ctx.region, resolved.inset, resolved.inset)
  blocks(c, block.children, { region, role: 'blockquote', path: ctx.path, struct })
  c.space(resolved.spaceAfter)
  c.afterParagraph = false
}
