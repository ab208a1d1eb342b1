import type { Inline, Table } from '../../model/book.js'
import { inlineText } from '../../model/text.js'
import type { Drawing, FlowBox } from '../flow.js'
import type { SetLine } from '../setline.js'
import { strong } from '../style.js'
import type { BlockContext, Composer } from './context.js'

/**
 * A table: columns sized from their content, rows that never split, a rule
 * above, below and under the header row; a table that runs over a page
 * repeats its header row at the top of the next.
 */
export function table(c: Composer, node: Table, ctx: BlockContext): void {
  if (node.rows.length === 0) return
  const resolved = c.style('table')
  const body = c.runStyle('table')
  const head = strong(body)
  const metrics = c.measurer.metrics(body.font)
  const padX = c.measurer.width(' ', body)
  const padY = (resolved.leading - resolved.size) / 2 + resolved.size * metrics.descent
  const columns = Math.max(...node.rows.map((row) => row.length))
  const widths = columnWidths(c, node.rows, columns, ctx.region.width - 2 * padX * columns)
  const weight = resolved.size / 20
  const rule = (y: number): Drawing => ({ kind: 'rule', x1: ctx.region.x, y1: y, x2: ctx.region.x + ctx.region.width, y2: y, colour: c.theme.colours.rule, weight })

  const tableStruct = c.struct('Table', ctx.struct)
  c.space(resolved.spaceBefore)
  let word = 0
  let header: FlowBox | undefined
  node.rows.forEach((row, rowIndex) => {
    const isHeader = rowIndex === 0
    const rowStruct = c.struct('TR', tableStruct)
    const cells: SetLine[][] = []
    for (let column = 0; column < columns; column++) {
      const content: Inline[] = row[column] ?? []
      const align = node.align[column] ?? 'left'
      cells.push(c.setText(content, isHeader ? head : body, align === null ? 'left' : align, widths[column]!))
    }
    const lineCount = Math.max(1, ...cells.map((lines) => lines.length))
    const height = 2 * padY + lineCount * resolved.leading
    const drawings: Drawing[] = []
    let x = ctx.region.x
    cells.forEach((lines, column) => {
      const cellStruct = c.struct(isHeader ? 'TH' : 'TD', rowStruct)
      lines.forEach((line, index) => {
        const y = -height + padY + (resolved.leading + resolved.size) / 2 - resolved.size * metrics.descent + index * resolved.leading
        for (const run of line.runs) drawings.push({ kind: 'text', x: x + padX + run.x, y, run, struct: cellStruct })
      })
      x += widths[column]! + 2 * padX
    })
    if (isHeader) drawings.push(rule(-height), rule(0))
    if (rowIndex === node.rows.length - 1) drawings.push(rule(0))
    const box: FlowBox = {
      kind: 'box',
      height,
      top: height,
      depth: 0,
      drawings,
      // The header stays with the first row; a two-row table stays whole.
      keepWithPrevious: rowIndex === 1 || (rowIndex > 0 && node.rows.length <= 3),
      notes: cells.flat().flatMap((line) => line.runs.flatMap((run) => run.notes ?? [])),
      anchors: [],
      source: { chapter: c.chapter, block: ctx.path, word },
    }
    if (isHeader) header = box
    else if (header) box.repeat = header
    c.box(box)
    for (const cell of row) word += inlineText(cell).split(/\s+/).filter((part) => part !== '').length
  })
  c.space(resolved.spaceAfter)
  c.afterParagraph = false
}

/** Natural widths when they fit; otherwise each column gets its longest word plus a share of the rest. */
function columnWidths(c: Composer, rows: Inline[][][], columns: number, available: number): number[] {
  const style = c.runStyle('table')
  const natural = new Array<number>(columns).fill(0)
  const minimum = new Array<number>(columns).fill(0)
  for (const row of rows) {
    for (let column = 0; column < columns; column++) {
      const text = inlineText(row[column] ?? [])
      natural[column] = Math.max(natural[column]!, c.measurer.width(text, strong(style)))
      for (const word of text.split(/\s+/)) minimum[column] = Math.max(minimum[column]!, c.measurer.width(word, strong(style)))
    }
  }
  const sumNatural = natural.reduce((a, b) => a + b, 0)
  if (sumNatural <= available) return natural.map((width) => width + (available - sumNatural) * (sumNatural > 0 ? width / sumNatural : 1 / columns))
  const sumMinimum = minimum.reduce((a, b) => a + b, 0)
  if (sumMinimum >= available) return minimum.map((width) => (sumMinimum > 0 ? (available * width) / sumMinimum : available / columns))
  const flexible = sumNatural - sumMinimum
  return minimum.map((width, column) => width + ((available - sumMinimum) * (natural[column]! - width)) / flexible)
}
