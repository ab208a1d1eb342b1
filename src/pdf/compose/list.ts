import type { List } from '../../model/book.js'
import { listMetrics } from '../../theme/index.js'
import { splitByFace } from '../faces.js'
import type { FlowBox, TextDrawing } from '../flow.js'
import type { RunStyle } from '../style.js'
import type { BlockContext, Composer } from './context.js'
import { blocks } from './blocks.js'

/**
 * A list: each item's blocks set in a column to the right of its label
 * (bullet, number or check box), the labels right-aligned in their own column.
 */
export function list(c: Composer, node: List, ctx: BlockContext): void {
  const style = c.runStyle(ctx.role)
  const metrics = listMetrics(c.theme, ctx.role)
  const labels = node.items.map((item, index) => label(c, node, index, item.checked, style))
  const space = c.measurer.width(' ', style)
  const column = Math.max(...labels.map((runs) => labelWidth(c, runs))) + metrics.gap * space
  const listStruct = c.struct('L', ctx.struct)
  // A right-to-left item has its label on the right, and its text in the column to the label's left.
  const leftToRight = c.inset(ctx.region, column, 0)
  const rightToLeft = c.inset(ctx.region, 0, column)
  c.space(metrics.space)
  node.items.forEach((item, index) => {
    if (index > 0 && node.spread) c.space(metrics.space)
    const itemStruct = c.struct('LI', listStruct)
    const labelStruct = c.struct('Lbl', itemStruct)
    const bodyStruct = c.struct('LBody', itemStruct)
    const first = c.items.length
    c.afterParagraph = false
    const rtl = (node.dir ?? item.dir) === 'rtl'
    const region = rtl ? rightToLeft : leftToRight
    blocks(c, item.children, { region, role: ctx.role, path: [...ctx.path, index], struct: bodyStruct })
    const box = c.items.slice(first).find((entry): entry is FlowBox => entry.kind === 'box')
    const runs = labels[index]!
    let x = rtl ? region.x + region.width + space : region.x - space - labelWidth(c, runs)
    const drawings: TextDrawing[] = runs.map((piece, at) => {
      const width = c.measurer.width(piece.text, piece.style)
      const drawing: TextDrawing = { kind: 'text', x, y: 0, run: { x: 0, width, text: piece.text, style: piece.style, word: 0, spaceAfter: at === runs.length - 1 }, struct: labelStruct }
      x += width
      return drawing
    })
    if (box) box.drawings.unshift(...drawings)
  })
  c.space(metrics.space)
  c.afterParagraph = false
}

interface LabelRun {
  text: string
  style: RunStyle
}

/** The item's label: a number, a bullet or a check box, in a face that has it (a fallback face if need be). */
function label(c: Composer, node: List, index: number, checked: boolean | null, style: RunStyle): LabelRun[] {
  if (node.ordered && checked === null) return [{ text: `${node.start + index}.`, style }]
  const sign = checked === null ? '•' : checked ? '☑' : '☐'
  const runs = splitByFace(sign, style.font, c.measurer)
  if (runs.some((run) => run.missing)) return [{ text: checked === null ? '-' : checked ? '[x]' : '[ ]', style }]
  return runs.map((run) => ({ text: run.text, style: run.font === style.font ? style : { ...style, font: run.font } }))
}

function labelWidth(c: Composer, runs: readonly LabelRun[]): number {
  return runs.reduce((sum, run) => sum + c.measurer.width(run.text, run.style), 0)
}
