import type { ThematicBreak } from '../../model/book.js'
import { sectionBreakSpace } from '../../theme/index.js'
import type { BlockContext, Composer } from './context.js'

/** A section break: the theme's sign, centred, with the theme's space on each side. */
export function thematicBreak(c: Composer, _block: ThematicBreak, ctx: BlockContext): void {
  const resolved = c.style(ctx.role)
  const style = c.runStyle(ctx.role)
  const sign = c.measurer.covers(style.font, c.theme.sectionBreak) ? c.theme.sectionBreak : '* * *'
  const lines = c.setText([{ type: 'text', value: sign }], style, 'center', ctx.region.width)
  // The sign is decoration: no structure element of its own, marked as a paragraph so readers announce a pause.
  const struct = c.struct('P', ctx.struct)
  const space = sectionBreakSpace(c.theme, ctx.role)
  c.space(space)
  for (const box of c.lineBoxes(lines, resolved, ctx.region, struct, null, false)) c.box(box)
  c.space(space)
  c.afterParagraph = false
}
