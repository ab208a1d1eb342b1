import type { List } from '../../model/book.js'
import type { FlowBox } from '../flow.js'
import type { LineRun } from '../setline.js'
import type { BlockContext, Composer } from './context.js'
import { blocks } from './blocks.js'

/**
 * A list: each item's blocks set in a column to the right of its label
 * (bullet, number or check box), the labels right-aligned in their own column.
 */
export function list(c: Composer, node: List, ctx: BlockContext): void {
  const resolved = c.style(ctx.role)
  const style = c.runStyle(ctx.role)
  const labels = node.items.map((item, index) => label(c, node, index, item.checked, style.font))
  const space = c.measurer.width(' ', style)
  const column = Math.max(...labels.map((text) => c.measurer.width(text, style))) + 2 * space
  const listStruct = c.struct('L', ctx.struct)
  const region = { x: ctx.region.x + column, width: ctx.region.width - column }
  c.space(resolved.leading / 2)
  node.items.forEach((item, index) => {
    if (index > 0 && node.spread) c.space(resolved.leading / 2)
    const itemStruct = c.struct('LI', listStruct)
    const labelStruct = c.struct('Lbl', itemStruct)
    const bodyStruct = c.struct('LBody', itemStruct)
    const first = c.items.length
    c.afterParagraph = false
    blocks(c, item.children, { region, role: ctx.role, path: [...ctx.path, index], struct: bodyStruct })
    const box = c.items.slice(first).find((entry): entry is FlowBox => entry.kind === 'box')
    const text = labels[index]!
    const width = c.measurer.width(text, style)
    const run: LineRun = { x: 0, width, text, style, word: 0, spaceAfter: true }
    if (box) box.drawings.unshift({ kind: 'text', x: region.x - space - width, y: 0, run, struct: labelStruct })
  })
  c.space(resolved.leading / 2)
  c.afterParagraph = false
}

function label(c: Composer, node: List, index: number, checked: boolean | null, font: Parameters<Composer['measurer']['covers']>[0]): string {
  if (checked !== null) {
    const box = checked ? '☑' : '☐'
    return c.measurer.covers(font, box) ? box : checked ? '[x]' : '[ ]'
  }
  if (node.ordered) return `${node.start + index}.`
  return c.measurer.covers(font, '•') ? '•' : '-'
}
