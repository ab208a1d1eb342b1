import type { CellAlign, Table } from '../../model/book.js'
import { tableGrid } from '../../model/table-grid.js'
import type { GridCell, TableGrid } from '../../model/table-grid.js'
import { inlineText, words } from '../../model/text.js'
import { breakAndSet } from '../break.js'
import type { Drawing, FlowBox, FlowItem, StructNode } from '../flow.js'
import type { Item } from '../linebreak/items.js'
import type { Piece } from '../prepare.js'
import type { SetLine } from '../setline.js'
import { strong } from '../style.js'
import type { RunStyle } from '../style.js'
import { cellBreaking, contentExtent } from '../table/cells.js'
import type { ContentExtent } from '../table/cells.js'
import { cutPositions, rowGroups, rowHeights } from '../table/rows.js'
import type { LineSlot } from '../table/rows.js'
import { columnWidths } from '../table/widths.js'
import type { CellExtent } from '../table/widths.js'
import type { BlockContext, Composer, Region } from './context.js'
import { captionWords } from './figure.js'

/**
 * A table, set as a book sets one: columns as wide as their content asks
 * (`table/widths.ts`), numbers, code and one-word cells never broken inside,
 * rules above and below it and under its header rows. A table too wide for the
 * measure is set a size or two smaller (the theme's `tables.smallerScales`),
 * then on pages of its own turned broadside; only when even that cannot hold
 * its widest pieces do they get emergency breaks.
 *
 * Cells span rows and columns as the model's grid places them. A page breaks
 * only between groups of rows (rows a cell spans stand together), never
 * leaving one body row alone on either side; the header rows are set again at
 * the top of every page the table runs on. A group taller than a page breaks
 * between its lines of text.
 */
export function table(c: Composer, node: Table, ctx: BlockContext): void {
  const grid = tableGrid(node)
  if (grid.cells.length === 0 || grid.columns === 0) return
  const setting = chooseSetting(c, grid, ctx)
  const resolved = c.style('table')
  if (setting.turned) {
    // A heading just before the table goes over with it, rather than stand alone at the foot of the page before.
    const heading = keptBefore(c.items, c.pendingKeep)
    c.items.push({ kind: 'break', recto: false, pageKind: 'chapter', chapter: c.chapter, continues: true, turned: { depth: c.geometry.measure } }, ...heading)
  } else c.space(resolved.spaceBefore)
  tableCaption(c, node, setting.region, ctx)
  composeRows(c, node, grid, ctx, setting)
  if (setting.turned) c.items.push({ kind: 'break', recto: false, pageKind: 'chapter', chapter: c.chapter, continues: true })
  else c.space(resolved.spaceAfter)
  c.afterParagraph = false
}

/** A table's caption, set above it in the caption's role (as the EPUB's `caption`), kept with the table's first row. */
function tableCaption(c: Composer, node: Table, region: Region, ctx: BlockContext): void {
  const words = captionWords(node)
  if (words.length === 0) return
  const caption = c.style('caption')
  const lines = c.setText(words, c.runStyle('caption'), caption.align, region.width, { images: true })
  const struct = c.struct('Caption', ctx.struct)
  const boxes = c.lineBoxes(lines, caption, region, struct, null, false)
  boxes.forEach((box, index) => {
    box.keepWithPrevious = box.keepWithPrevious || index > 0
    c.box(box)
  })
  c.space(caption.spaceAfter)
  c.pendingKeep = Math.max(c.pendingKeep, 1)
}

/** Added to measured widths: a line as wide as its column must fit it whatever the rounding of sums. */
const slack = 0.01

/** The type of a table at one size, and the spaces that go with it. */
interface TableType {
  size: number
  leading: number
  body: RunStyle
  head: RunStyle
  /** Cell padding, left and right, above and below. */
  padX: number
  padY: number
  /** Where a line's baseline stands below the top of its line. */
  baseline: number
}

/** The cells at one size: their items and how narrow and wide they may be set. */
interface Measured {
  type: TableType
  items: Array<Array<Item<Piece>>>
  extents: ContentExtent[]
}

/** One way to set the table: its type, upright or turned, its band and column widths, its cells' items. */
interface Setting {
  measured: Measured
  turned: boolean
  region: Region
  widths: number[]
}

/**
 * The first setting whose columns all get their minimum width: at the table's
 * size, then each smaller size of the theme; then, on a turned page, the same
 * sizes again. Failing all, the smallest size turned, its widest pieces broken.
 */
function chooseSetting(c: Composer, grid: TableGrid, ctx: BlockContext): Setting {
  const role = c.style('table')
  const sizes = [role.size, ...c.theme.tables.smallerScales.map((scale) => scale * c.theme.size).filter((size) => size < role.size - 1e-6)]
  const measured = new Map<number, Measured>()
  const at = (size: number): Measured => {
    let found = measured.get(size)
    if (!found) measured.set(size, (found = measure(c, grid, tableType(c, size))))
    return found
  }
  // A footnote cannot turn its page; nor is there any point where the turned page is no wider.
  const turnable = ctx.role !== 'footnote' && c.geometry.depth > ctx.region.width
  const bands: Array<{ region: Region; turned: boolean }> = [{ region: ctx.region, turned: false }]
  if (turnable) bands.push({ region: { x: 0, width: c.geometry.depth }, turned: true })
  const tried: Array<Setting & { short: number }> = []
  for (const band of bands) {
    for (const size of sizes) {
      const cells = at(size)
      const widths = columnWidths(grid.columns, extents(grid, cells), band.region.width)
      const setting = { measured: cells, turned: band.turned, region: band.region, widths: widths.widths }
      if (widths.fits) return setting
      tried.push({ ...setting, short: widths.short })
    }
  }
  // The last resort: the setting that leaves the fewest columns too narrow for their widest piece, the first
  // tried of those (upright before turned, larger before smaller). A table does not turn, nor its type shrink,
  // for nothing: an absurdly long word is broken as it would be turned.
  const least = Math.min(...tried.map((setting) => setting.short))
  return lastResort(c, grid, tried.find((setting) => setting.short === least)!)
}

/** The table's text at `size` (the role's size, or a smaller one), with its padding in ems of that size. */
function tableType(c: Composer, size: number): TableType {
  const role = c.style('table')
  const leading = (role.leading * size) / role.size
  const body: RunStyle = { ...c.runStyle('table'), size }
  const descent = c.measurer.metrics(body.font).descent
  const { padding } = c.theme.tables
  return { size, leading, body, head: strong(body), padX: padding.inline * size, padY: padding.block * size, baseline: (leading + size) / 2 - size * descent }
}

function measure(c: Composer, grid: TableGrid, type: TableType): Measured {
  const items = grid.cells.map((placed) => prepareCell(c, placed, type, Infinity))
  return { type, items, extents: items.map(contentExtent) }
}

/**
 * A cell's items: header cells in bold, breaking as `cellBreaking` allows.
 * Pieces wider than `emergencyWidth` (the last resort) are broken: a word at
 * its hyphenation points first, whatever the cell.
 */
function prepareCell(c: Composer, placed: GridCell, type: TableType, emergencyWidth: number): Array<Item<Piece>> {
  const breaking = cellBreaking(placed.cell, placed.header)
  const hyphenate = breaking.hyphenate || Number.isFinite(emergencyWidth)
  return c.prepareText(placed.cell.children, placed.header ? type.head : type.body, alignOf(placed), c.geometry.measure, { hyphenate, keep: breaking.keep, emergencyWidth, images: true })
}

function alignOf(placed: GridCell): CellAlign {
  return placed.align ?? 'left'
}

/** What each cell asks of its columns, padding included. */
function extents(grid: TableGrid, measured: Measured): CellExtent[] {
  const padding = 2 * measured.type.padX + slack
  return grid.cells.map((placed, index) => ({ column: placed.column, span: placed.colspan, min: measured.extents[index]!.min + padding, max: measured.extents[index]!.max + padding }))
}

/** The last resort: the widest pieces of the cells too narrow for them get emergency breaks, within their columns. */
function lastResort(c: Composer, grid: TableGrid, setting: Setting): Setting {
  const { type } = setting.measured
  const items = grid.cells.map((placed, index) => {
    const width = cellWidth(setting.widths, placed) - 2 * type.padX
    const current = setting.measured.items[index]!
    return setting.measured.extents[index]!.min > width ? prepareCell(c, placed, type, Math.max(width, 0)) : current
  })
  return { ...setting, measured: { ...setting.measured, items } }
}

/** A cell's width: the columns it spans. */
function cellWidth(widths: readonly number[], placed: GridCell): number {
  let width = 0
  for (let column = placed.column; column < placed.column + placed.colspan && column < widths.length; column++) width += widths[column]!
  return width
}

/** A cell set: its lines, its place across the table, its structure element. */
interface SetCell {
  placed: GridCell
  /** Rows it spans, cut at the header's end for a header cell. */
  rowspan: number
  lines: SetLine[]
  /** Where each line stands in the cell's text, and where its baseline stands in it (see `cellLines`). */
  extents: CellLine[]
  x: number
  width: number
  /** Words of the table before the cell's (see `PageStart.word`). */
  wordsBefore: number
  struct: number
  spans: Map<number, number>
}

/** One line of a cell where it stands in its group: its slot, and how to draw it. */
interface PlacedLine extends LineSlot {
  cell: SetCell
  /** Index of the line in its cell; -1 for an empty cell's place, which holds no text but its structure element. */
  line: number
  /** Where the line's baseline stands below its top. */
  baseline: number
}

/** One line of a cell: its top below the top of the cell's text, its height, its baseline below its top. */
interface CellLine {
  top: number
  height: number
  baseline: number
}

/**
 * The lines of a cell one under the other, each the table's leading apart;
 * a line holding a formula or an image taller than the text (or reaching
 * further below the baseline) grows by as much, as a paragraph's lines do.
 */
function cellLines(c: Composer, lines: readonly SetLine[], type: TableType): CellLine[] {
  // What the lines above have grown by, added to their leading (a cell of text alone stands as before).
  let grown = 0
  return lines.map((line, index) => {
    const style = line.runs[0]?.style ?? type.body
    const descent = type.size * c.measurer.metrics(style.font).descent
    const above = Math.max(0, ...line.runs.map((run) => (run.image?.height ?? 0) - type.size))
    const below = Math.max(0, ...line.runs.map((run) => (run.image?.depth ?? 0) - descent))
    const extent = { top: index * type.leading + grown, height: type.leading + above + below, baseline: type.baseline + above }
    grown += above + below
    return extent
  })
}

/** The height of a cell's text: its lines' leading, and what they grew by. */
function textHeight(lines: readonly CellLine[], type: TableType): number {
  const grown = lines.reduce((total, line) => total + (line.height - type.leading), 0)
  return Math.max(1, lines.length) * type.leading + grown
}

function composeRows(c: Composer, node: Table, grid: TableGrid, ctx: BlockContext, setting: Setting): void {
  const { type } = setting.measured
  const head = Math.min(grid.rows, Math.max(0, node.headerRows))
  const left = setting.region.x
  const columnX: number[] = []
  setting.widths.reduce((x, width) => (columnX.push(x), x + width), left)
  const right = left + setting.widths.reduce((total, width) => total + width, 0)

  const tableStruct = c.struct('Table', ctx.struct)
  const headStruct = head > 0 ? c.struct('THead', tableStruct) : undefined
  const bodyStruct = head < grid.rows ? c.struct('TBody', tableStruct) : undefined
  const rowStructs = Array.from({ length: grid.rows }, (_, row) => c.struct('TR', row < head ? headStruct! : bodyStruct!))
  let count = 0
  const cells: SetCell[] = grid.cells.map((placed, index) => {
    const width = cellWidth(setting.widths, placed)
    const lines = breakAndSet(setting.measured.items[index]!, width - 2 * type.padX, alignOf(placed))
    const struct = c.struct(placed.header ? 'TH' : 'TD', rowStructs[placed.row]!)
    c.structs[struct]!.table = cellAttributes(placed)
    const cell: SetCell = { placed, rowspan: placed.header ? Math.min(placed.rowspan, head - placed.row) : placed.rowspan, lines, extents: cellLines(c, lines, type), x: columnX[placed.column]!, width, wordsBefore: count, struct, spans: new Map() }
    count += words(inlineText(placed.cell.children)).length
    return cell
  })
  const cellHeight = (cell: SetCell): number => 2 * type.padY + textHeight(cell.extents, type)
  const heights = rowHeights(grid.rows, cells.map((cell) => ({ row: cell.placed.row, rowspan: cell.rowspan, height: cellHeight(cell) })))
  const groups = rowGroups(grid.rows, head, cells.map((cell) => ({ row: cell.placed.row, rowspan: cell.rowspan })))
  const outer = c.theme.tables.rules.outer * type.size
  const inner = c.theme.tables.rules.header * type.size
  const rule = (y: number, weight: number, x1 = left, x2 = right): Drawing => ({ kind: 'rule', x1, y1: y, x2, y2: y, colour: c.theme.colours.rule, weight })
  const pageDepth = setting.turned ? c.geometry.measure : c.geometry.depth
  const bodyGroups = groups.filter((group) => !group.header)
  let header: FlowBox | undefined

  groups.forEach((group, groupIndex) => {
    const rowTop = (row: number): number => heights.slice(group.start, row).reduce((total, height) => total + height, 0)
    const height = rowTop(group.end)
    const members = cells.filter((cell) => cell.placed.row >= group.start && cell.placed.row < group.end)
    const slots: PlacedLine[] = members.flatMap((cell) => {
      const top = rowTop(cell.placed.row) + type.padY
      if (cell.lines.length === 0) return [{ cell, line: -1, top, height: type.leading, baseline: type.baseline }]
      return cell.extents.map((extent, line) => ({ cell, line, top: top + extent.top, height: extent.height, baseline: extent.baseline }))
    })
    /** Drawings of the slots, `bottom` being where the box's baseline stands in the group. */
    const draw = (placed: readonly PlacedLine[], bottom: number): Drawing[] =>
      placed.flatMap((slot) => {
        const y = slot.top + slot.baseline - bottom
        const x = slot.cell.x + type.padX
        if (slot.line < 0) {
          const style = slot.cell.placed.header ? type.head : type.body
          return [{ kind: 'text' as const, x, y, run: { x: 0, width: 0, text: '', style, word: 0, spaceAfter: false }, struct: slot.cell.struct }]
        }
        return c.runDrawings(slot.cell.lines[slot.line]!.runs, x, y, slot.cell.struct, slot.cell.spans)
      })
    const firstWord = members[0]?.wordsBefore ?? count
    const wordOf = (placed: readonly PlacedLine[]): number => {
      const first = placed.map((slot) => (slot.line >= 0 && slot.cell.lines[slot.line]!.runs[0] ? slot.cell.wordsBefore + slot.cell.lines[slot.line]!.runs[0]!.word : Infinity))
      const word = Math.min(...first)
      return Number.isFinite(word) ? word : firstWord
    }
    const notesOf = (placed: readonly PlacedLine[]): string[] => placed.flatMap((slot) => (slot.line >= 0 ? slot.cell.lines[slot.line]!.runs.flatMap((run) => run.notes ?? []) : []))

    // Keeps: the first body group stays with the header, and a page breaks only with two groups on each side.
    const bodyIndex = bodyGroups.indexOf(group)
    const keep = group.header ? false : bodyIndex === 0 ? head > 0 : bodyIndex === 1 || bodyIndex === bodyGroups.length - 1
    const first = groupIndex === 0
    const last = groupIndex === groups.length - 1
    // Rules under the header cells that span columns above other header cells (as booktabs' \cmidrule), short of the cell's padding.
    const spanRules = group.header
      ? members.filter((cell) => cell.placed.colspan > 1 && cell.placed.row + cell.rowspan < head).map((cell) => ({ y: rowTop(cell.placed.row + cell.rowspan), x1: cell.x + type.padX, x2: cell.x + cell.width - type.padX }))
      : []

    const room = pageDepth - (header ? header.height : 0)
    const cuts = height > room ? cutPositions(slots) : []
    const bounds = [0, ...cuts, height]
    const boxes: FlowBox[] = []
    for (let index = 0; index + 1 < bounds.length; index++) {
      const top = bounds[index]!
      const bottom = bounds[index + 1]!
      const placed = slots.filter((slot) => slot.top >= top - 1e-6 && slot.top < bottom - 1e-6)
      const drawings = draw(placed, bottom)
      if (index === 0 && first) drawings.push(rule(-(bottom - top), outer))
      for (const span of spanRules) if (span.y > top + 1e-6 && span.y <= bottom + 1e-6) drawings.push(rule(span.y - bottom, inner, span.x1, span.x2))
      if (index + 2 === bounds.length) {
        if (group.header) drawings.push(rule(0, inner))
        if (last) drawings.push(rule(0, outer))
      }
      const box: FlowBox = {
        kind: 'box',
        height: bottom - top,
        // A piece opening a page brings the padding above its first line.
        top: bottom - top + (index > 0 ? type.padY : 0),
        depth: 0,
        drawings,
        // As in a paragraph, two lines at least stand on each side of a break inside a group.
        keepWithPrevious: index === 0 ? keep : index < 2 || bounds.length - 2 - index < 2,
        notes: notesOf(placed),
        anchors: [],
        source: { chapter: c.chapter, block: ctx.path, word: index === 0 ? firstWord : wordOf(placed) },
      }
      boxes.push(box)
    }
    // The header rows are set again above a later page's rows, unless they are too tall to stand above every page.
    if (group.header && boxes.length === 1) header = boxes[0]
    for (const box of boxes) {
      if (!group.header && header) box.repeat = header
      c.box(box)
    }
  })
}

/** The Table attributes of a cell's structure element: a header cell's scope, its spans. */
function cellAttributes(placed: GridCell): NonNullable<StructNode['table']> {
  const attributes: NonNullable<StructNode['table']> = {}
  if (placed.header) attributes.scope = 'Column'
  if (placed.colspan > 1) attributes.colSpan = placed.colspan
  if (placed.rowspan > 1) attributes.rowSpan = placed.rowspan
  return attributes
}

/**
 * The flow items at the end of `items` that a heading keeps with what
 * follows (`pending` > 0: the heading was the last thing set), taken out of
 * `items`: from the first box that is not kept with the one before it.
 */
function keptBefore(items: FlowItem[], pending: number): FlowItem[] {
  if (pending <= 0) return []
  let start = items.length
  for (let index = items.length - 1; index >= 0; index--) {
    const item = items[index]!
    if (item.kind === 'break') break
    start = index
    if (item.kind === 'box' && !item.keepWithPrevious) break
  }
  return items.splice(start)
}
