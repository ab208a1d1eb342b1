import type { Inline, Table } from '../../model/book.js'
import { inlineText } from '../../model/text.js'
import { textWidth } from '../faces.js'
import type { Drawing, FlowBox } from '../flow.js'
import type { SetLine } from '../setline.js'
import { strong } from '../style.js'
import type { BlockContext, Composer } from './context.js'

/**
 * A table: columns sized from their content, a rule above, below and under
 * the header row; a table that runs over a page repeats its header row at
 * the top of the next. A row does not split, unless it is taller than a page:
 * then it breaks between its lines, all its cells going on together.
 */
export function table(c: Composer, node: Table, ctx: BlockContext): void {
  // Spans are not set yet: each cell stands in the next column of its row.
  const rows = node.rows.map((row) => row.map((cell) => cell.children))
  if (rows.length === 0) return
  const resolved = c.style('table')
  const body = c.runStyle('table')
  const head = strong(body)
  const metrics = c.measurer.metrics(body.font)
  const padX = c.measurer.width(' ', body)
  const padY = (resolved.leading - resolved.size) / 2 + resolved.size * metrics.descent
  const columns = Math.max(...rows.map((row) => row.length))
  const widths = columnWidths(c, rows, columns, ctx.region.width - 2 * padX * columns)
  const weight = resolved.size / 20
  const rule = (y: number): Drawing => ({ kind: 'rule', x1: ctx.region.x, y1: y, x2: ctx.region.x + ctx.region.width, y2: y, colour: c.theme.colours.rule, weight })

  const tableStruct = c.struct('Table', ctx.struct)
  c.space(resolved.spaceBefore)
  let word = 0
  let header: FlowBox | undefined
  rows.forEach((row, rowIndex) => {
    const isHeader = rowIndex === 0
    const rowStruct = c.struct('TR', tableStruct)
    const cells: SetLine[][] = []
    for (let column = 0; column < columns; column++) {
      const content: Inline[] = row[column] ?? []
      const align = node.align[column] ?? 'left'
      cells.push(c.setText(content, isHeader ? head : body, align === null ? 'left' : align, widths[column]!))
    }
    const cellStructs = cells.map(() => c.struct(isHeader ? 'TH' : 'TD', rowStruct))
    const cellSpans = cells.map(() => new Map<number, number>())
    const lineCount = Math.max(1, ...cells.map((lines) => lines.length))
    const height = 2 * padY + lineCount * resolved.leading
    const last = rowIndex === rows.length - 1
    // The header stays with the first row; a two-row table stays whole.
    const keepWithPrevious = rowIndex === 1 || (rowIndex > 0 && rows.length <= 3)
    const notes = (lines: readonly SetLine[]): string[] => lines.flatMap((line) => line.runs.flatMap((run) => run.notes ?? []))
    /** Drawings of the cells' lines `from` to `to`, the first line's slot starting `slotTop` below the box's baseline (negative: above). */
    const lineDrawings = (from: number, to: number, slotTop: number): Drawing[] => {
      const drawings: Drawing[] = []
      let x = ctx.region.x
      cells.forEach((lines, column) => {
        lines.slice(from, to).forEach((line, index) => {
          const y = slotTop + (resolved.leading + resolved.size) / 2 - resolved.size * metrics.descent + index * resolved.leading
          drawings.push(...c.runDrawings(line.runs, x + padX, y, cellStructs[column]!, cellSpans[column]!))
        })
        x += widths[column]! + 2 * padX
      })
      return drawings
    }

    // A row taller than a page (under the header row set again above it) is broken between its lines.
    const room = c.geometry.depth - (header ? header.height : 0)
    if (height > room) {
      splitRow(lineCount, resolved.leading, padY, (line, slotTop) => lineDrawings(line, line + 1, slotTop)).forEach((box, line) => {
        box.notes = notes(cells.flatMap((lines) => (lines[line] ? [lines[line]] : [])))
        if (line === 0) {
          box.keepWithPrevious = keepWithPrevious
          if (isHeader) box.drawings.push(rule(-box.height))
        }
        if (line === lineCount - 1 && (isHeader || last)) box.drawings.push(rule(0))
        // The page's first word, when it opens one: the first word of this line in the first cell that has the line.
        const first = Math.max(0, cells.findIndex((lines) => lines[line] !== undefined))
        const before = row.slice(0, first).reduce((sum, cell) => sum + wordCount(cell), 0)
        box.source = { chapter: c.chapter, block: ctx.path, word: word + before + (cells[first]?.[line]?.runs[0]?.word ?? 0) }
        // A header row too tall to stand above every page of the table is set once.
        if (!isHeader && header) box.repeat = header
        c.box(box)
      })
    } else {
      const drawings = lineDrawings(0, lineCount, -height + padY)
      if (isHeader) drawings.push(rule(-height), rule(0))
      if (last) drawings.push(rule(0))
      const box: FlowBox = {
        kind: 'box',
        height,
        top: height,
        depth: 0,
        drawings,
        keepWithPrevious,
        notes: notes(cells.flat()),
        anchors: [],
        source: { chapter: c.chapter, block: ctx.path, word },
      }
      if (isHeader) header = box
      else if (header) box.repeat = header
      c.box(box)
    }
    for (const cell of row) word += wordCount(cell)
  })
  c.space(resolved.spaceAfter)
  c.afterParagraph = false
}

/**
 * Natural widths when they fit; otherwise each column gets its longest word
 * (but no more than an equal share, so that one long word or URL cannot starve
 * the other columns: it breaks instead) plus a share of the rest.
 */
function columnWidths(c: Composer, rows: Inline[][][], columns: number, available: number): number[] {
  const style = c.runStyle('table')
  const natural = new Array<number>(columns).fill(0)
  const minimum = new Array<number>(columns).fill(0)
  for (const row of rows) {
    for (let column = 0; column < columns; column++) {
      const text = inlineText(row[column] ?? [])
      natural[column] = Math.max(natural[column]!, textWidth(text, strong(style), c.measurer))
      for (const word of text.split(/\s+/)) minimum[column] = Math.max(minimum[column]!, Math.min(available / columns, textWidth(word, strong(style), c.measurer)))
    }
  }
  const sumNatural = natural.reduce((a, b) => a + b, 0)
  if (sumNatural <= available) return natural.map((width) => width + (available - sumNatural) * (sumNatural > 0 ? width / sumNatural : 1 / columns))
  const sumMinimum = minimum.reduce((a, b) => a + b, 0)
  const flexible = sumNatural - sumMinimum
  return minimum.map((width, column) => width + ((available - sumMinimum) * (natural[column]! - width)) / flexible)
}

/**
 * The boxes of a row taller than a page, one per line of its cells (`drawLine`
 * draws line `line`, its slot starting `slotTop` below the box's baseline):
 * the first and the last carry the row's padding above and below; a line
 * that opens a page brings padding above it too, under the repeated header
 * row. As in a paragraph, at least two lines stand on each side of a break.
 */
function splitRow(count: number, leading: number, padY: number, drawLine: (line: number, slotTop: number) => Drawing[]): FlowBox[] {
  return Array.from({ length: count }, (_, line) => {
    const below = line === count - 1 ? padY : 0
    return {
      kind: 'box',
      height: (line === 0 ? padY : 0) + leading + below,
      top: padY + leading + below,
      depth: 0,
      drawings: drawLine(line, -leading - below),
      keepWithPrevious: line > 0 && (line < 2 || count - line < 2),
      notes: [],
      anchors: [],
    }
  })
}

/** Words in a cell, counted as the page starts count them (see `PageStart.word`). */
function wordCount(cell: readonly Inline[]): number {
  return inlineText(cell).split(/\s+/).filter((part) => part !== '').length
}
