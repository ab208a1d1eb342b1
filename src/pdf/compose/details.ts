import type { Details, Inline, Paragraph } from '../../model/book.js'
import { inlineText, words } from '../../model/text.js'
import { detailsSpace } from '../../theme/index.js'
import { block } from './blocks.js'
import type { BlockContext, Composer } from './context.js'
import { headingKeep } from './context.js'
import { paragraph } from './paragraph.js'

/**
 * A disclosure, as print shows it, open: the summary in bold as a run-in
 * heading, on the line where the first paragraph of the body starts; before
 * a body that opens with anything else, on a line of its own, kept with it.
 *
 * The run-in line's words are the summary's, then the paragraph's: a page
 * that starts among them points at the disclosure or at the paragraph.
 */
export function details(c: Composer, node: Details, ctx: BlockContext): void {
  const space = detailsSpace(c.theme)
  const struct = c.struct('Div', ctx.struct)
  const inner = { ...ctx, struct }
  c.space(space)
  c.afterParagraph = false
  let from = 0
  if (node.summary.length > 0) {
    const lead: Inline = { type: 'strong', children: node.summary }
    const first = node.children[0]
    if (first?.type === 'paragraph') {
      const summaryWords = words(inlineText(node.summary)).length
      const runIn: Paragraph = { ...first, children: [lead, { type: 'text', value: ' ' }, ...first.children] }
      const items = c.capture(() => paragraph(c, runIn, { ...inner, path: [...ctx.path, 0] }))
      for (const item of items) {
        if (item.kind !== 'box' || !item.source) continue
        if (item.source.word < summaryWords) item.source = { ...item.source, block: ctx.path }
        else item.source.word -= summaryWords
      }
      c.items.push(...items)
      from = 1
    } else {
      const resolved = c.style(ctx.role)
      const lines = c.setText([lead], c.runStyle(ctx.role), 'left', ctx.region.width, { hyphenate: false, images: true })
      for (const box of c.lineBoxes(lines, resolved, ctx.region, c.struct('P', struct), { chapter: c.chapter, block: ctx.path }, false)) c.box(box)
      c.pendingKeep = headingKeep
    }
  }
  node.children.forEach((child, index) => {
    if (index >= from) block(c, child, { ...inner, path: [...ctx.path, index] })
  })
  c.space(space)
  c.afterParagraph = false
}
