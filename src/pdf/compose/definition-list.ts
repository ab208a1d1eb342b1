import type { DefinitionList } from '../../model/book.js'
import { inlineText, words } from '../../model/text.js'
import { definitionMetrics } from '../../theme/index.js'
import { strong } from '../style.js'
import { blocks } from './blocks.js'
import type { BlockContext, Composer } from './context.js'
import { headingKeep } from './context.js'

/**
 * A definition list: each term in bold, ragged, on a line of its own and
 * kept with what follows it; the details indented below (see
 * `Theme.definitions`), each item set apart from the next. Tagged as a list:
 * the terms are its labels, the details their bodies.
 */
export function definitionList(c: Composer, node: DefinitionList, ctx: BlockContext): void {
  const { indent, space } = definitionMetrics(c.theme)
  const resolved = c.style(ctx.role)
  const termStyle = strong(c.runStyle(ctx.role))
  const listStruct = c.struct('L', ctx.struct)
  const detailRegion = c.inset(ctx.region, indent, 0)
  // The list's own words are its terms', counted across items (see `blockWords`).
  let word = 0
  c.space(space)
  node.items.forEach((item, index) => {
    if (index > 0) c.space(space)
    const itemStruct = c.struct('LI', listStruct)
    for (const term of item.terms) {
      const lines = c.setText(term, termStyle, 'left', ctx.region.width, { hyphenate: false, images: true })
      const boxes = c.lineBoxes(lines, resolved, ctx.region, c.struct('Lbl', itemStruct), { chapter: c.chapter, block: ctx.path }, false)
      boxes.forEach((box, line) => {
        if (box.source) box.source.word += word
        box.keepWithPrevious = box.keepWithPrevious || line > 0
        c.box(box)
      })
      word += words(inlineText(term)).length
      c.pendingKeep = headingKeep
    }
    item.details.forEach((detail, at) => {
      c.afterParagraph = false
      blocks(c, detail, { region: detailRegion, role: ctx.role, path: [...ctx.path, index, at], struct: c.struct('LBody', itemStruct) })
    })
  })
  c.space(space)
  c.afterParagraph = false
}
