import type { Alert } from '../../model/book.js'
import { alertMetrics } from '../../theme/index.js'
import type { Rail } from '../flow.js'
import { strong } from '../style.js'
import { blocks } from './blocks.js'
import type { BlockContext, Composer } from './context.js'
import { headingKeep } from './context.js'

/**
 * One of GitHub's alerts: its label in bold on a line of its own, then its
 * blocks, all set past a rule that runs down the left; the rule and the label
 * in the kind's colour (see `Theme.alert`). The label stays with the first
 * lines of the text. The rule is drawn when the pages are framed (`Rail`), so
 * that it runs unbroken beside the alert on each page it stands on.
 */
export function alert(c: Composer, node: Alert, ctx: BlockContext): void {
  const metrics = alertMetrics(c.theme)
  const colour = c.theme.alert.colours[node.kind]
  const resolved = c.style(ctx.role)
  const struct = c.struct('Div', ctx.struct)
  const region = c.inset(ctx.region, metrics.rule + metrics.gap, 0)
  c.space(metrics.space)
  const items = c.capture(() => {
    c.afterParagraph = false
    if (node.label !== '') {
      const lines = c.setText([{ type: 'text', value: node.label }], { ...strong(c.runStyle(ctx.role)), colour }, 'left', region.width, { hyphenate: false })
      for (const box of c.lineBoxes(lines, resolved, region, c.struct('P', struct), { chapter: c.chapter, block: ctx.path }, false)) c.box(box)
      c.pendingKeep = headingKeep
    }
    blocks(c, node.children, { region, role: ctx.role, path: ctx.path, struct })
  })
  // The structure index is unique in the book: it names the alert's run of boxes.
  const rail: Rail = { group: struct, x: ctx.region.x + metrics.rule / 2, weight: metrics.rule, colour }
  for (const item of items) if (item.kind === 'box') item.rail = rail
  c.items.push(...items)
  c.space(metrics.space)
  c.afterParagraph = false
}
