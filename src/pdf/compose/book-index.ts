import type { Inline } from '../../model/book.js'
import { indexWordsFor, termText, type BookIndex, type IndexEntry, type IndexLocator, type IndexWords } from '../../model/index-entries.js'
import type { ResolvedStyle } from '../../theme/index.js'
import { assertNever } from '../../model/walk.js'
import type { Drawing, FlowBox } from '../flow.js'
import type { SetLine } from '../setline.js'
import { fromResolved } from '../style.js'
import { destName } from '../dests.js'
import type { Composer, Region } from './context.js'

/**
 * Where each destination of the parts set so far landed: the index is set
 * after the chapters, so the pages its marks fell on are known.
 */
export type DestPages = ReadonlyMap<string, number>

/**
 * The back-of-book index: its title across the measure, then the entries in
 * the theme's columns (`index`), in smaller type, a group per letter (symbols
 * and digits first) under its letter; each entry with the pages its marks
 * fell on, merged into ranges (`12–14`), each number a link to the first mark
 * on its page; subentries indented under their entry, an entry's continued
 * lines further; `see` and `see also` in italic. The lines stand on one grid,
 * so that a row of the page holds a line of each column; the last page's
 * columns are balanced. Returns its structure node.
 */
export function bookIndex(c: Composer, index: BookIndex, pages: DestPages, region: Region): number {
  const words = indexWordsFor(c.book.metadata.lang)
  const indexStruct = c.struct('Index', 0)
  const titleStyle = c.style('h1')
  const titleLines = c.setText([{ type: 'text', value: words.title }], c.runStyle('h1'), 'left', region.width, { hyphenate: false })
  c.space(titleStyle.spaceBefore)
  let titleHeight = titleStyle.spaceBefore
  c.lineBoxes(titleLines, titleStyle, region, c.struct('H1', indexStruct), null, false).forEach((box, position) => {
    box.anchors.push(INDEX_DEST)
    box.heading = { depth: 1, title: words.title, id: INDEX_DEST }
    titleHeight += position === 0 ? box.top : box.height
    if (position === titleLines.length - 1) titleHeight += box.depth
    c.box(box)
  })
  c.space(titleStyle.spaceAfter)
  titleHeight += titleStyle.spaceAfter
  const grid = indexGrid(c, region, deepest(index.groups.flatMap((group) => group.entries)))
  const rows = indexRows(c, index, pages, grid, indexStruct, words)
  // The first page's columns start below the title; the pages after it hold full columns.
  const firstCapacity = rowsThatFit(c.geometry.depth - titleHeight, grid)
  const capacity = rowsThatFit(c.geometry.depth, grid)
  const pageRows = columnsOfPages(rows, grid.columns, firstCapacity, capacity)
  pageRows.forEach((columns, pageIndex) => {
    if (pageIndex > 0) c.items.push({ kind: 'break', recto: false, pageKind: 'index', chapter: null, continues: true })
    const count = Math.max(...columns.map((column) => column.length))
    for (let at = 0; at < count; at++) {
      const drawings: Drawing[] = []
      let line: SetLine | undefined
      columns.forEach((column, columnIndex) => {
        const row = column[at]
        if (!row) return
        const shift = region.x + columnIndex * (grid.width + grid.gap)
        for (const drawing of row.drawings) drawings.push(shifted(drawing, shift))
        line ??= row.line
      })
      const box: FlowBox = {
        kind: 'box',
        height: grid.leading,
        top: grid.size,
        depth: grid.descent,
        drawings,
        // A page's rows stay together: where its columns end was chosen here.
        keepWithPrevious: at > 0,
        notes: [],
        anchors: [],
      }
      if (line) box.line = line
      c.box(box)
    }
  })
  return indexStruct
}

/** The destination of the index's title: the contents and outline lead to it. */
export const INDEX_DEST = 'book-index'

interface IndexGrid {
  columns: number
  /** A column's width, and the white between columns. `runover` is the continued lines' indent from the column's edge. */
  width: number
  gap: number
  size: number
  leading: number
  descent: number
  subentryIndent: number
  runover: number
  groupSpace: number
  entry: ResolvedStyle
  letter: ResolvedStyle
}

/** How many levels below the entries the index's subentries go. */
function deepest(entries: readonly IndexEntry[]): number {
  return Math.max(0, ...entries.map((entry) => (entry.subentries.length > 0 ? 1 + deepest(entry.subentries) : 0)))
}

function indexGrid(c: Composer, region: Region, depth: number): IndexGrid {
  const { index, size: bodySize } = c.theme
  const body = c.style('body')
  const size = bodySize * index.scale
  const leading = size * c.theme.leading
  const gap = index.columnGap * bodySize
  const columns = Math.max(1, index.columns)
  const entry: ResolvedStyle = { ...body, size, leading, align: 'left', spaceBefore: 0, spaceAfter: 0, inset: 0 }
  const letter: ResolvedStyle = { ...c.style('h2'), size, leading, spaceBefore: 0, spaceAfter: 0, inset: 0 }
  return {
    columns,
    width: (region.width - (columns - 1) * gap) / columns,
    gap,
    size,
    leading,
    descent: size * c.measurer.metrics(entry.font).descent,
    subentryIndent: index.subentryIndent * size,
    // Continued lines stand further in than any subentry.
    runover: (depth * index.subentryIndent + index.runover) * size,
    groupSpace: index.groupSpace,
    entry,
    letter,
  }
}

/** How many rows of the grid a column `depth` high holds. */
function rowsThatFit(depth: number, grid: IndexGrid): number {
  return Math.max(1, Math.floor((depth - grid.size - grid.descent) / grid.leading) + 1)
}

/**
 * A row of a column: a line of an entry, a letter's heading, or white.
 * `x` of its drawings is from the column's left edge.
 */
export interface IndexRow {
  kind: 'line' | 'letter' | 'space'
  drawings: Drawing[]
  line?: SetLine
  /** A line that goes on with the row before it (an entry's continued line): no column ends between them. */
  continues: boolean
}

function indexRows(c: Composer, index: BookIndex, pages: DestPages, grid: IndexGrid, struct: number, words: IndexWords): IndexRow[] {
  const rows: IndexRow[] = []
  for (const group of index.groups) {
    if (rows.length > 0) for (let space = 0; space < grid.groupSpace; space++) rows.push({ kind: 'space', drawings: [], continues: false })
    const lines = c.setText([{ type: 'text', value: group.label }], fromResolved(grid.letter), 'left', grid.width, { hyphenate: false })
    const letterStruct = c.struct('H2', struct)
    lines.forEach((line, position) => rows.push({ kind: 'letter', drawings: c.runDrawings(line.runs, 0, 0, letterStruct, new Map()), line, continues: position > 0 }))
    for (const entry of group.entries) entryRows(c, entry, 0, pages, grid, struct, words, rows)
  }
  return rows
}

function entryRows(c: Composer, entry: IndexEntry, depth: number, pages: DestPages, grid: IndexGrid, struct: number, words: IndexWords, rows: IndexRow[]): void {
  const indent = depth * grid.subentryIndent
  const inlines: Inline[] = [{ type: 'text', value: entry.term }]
  const numbers = pageList(entry.locators, pages)
  numbers.forEach((number, position) => {
    inlines.push({ type: 'text', value: position === 0 ? ' ' : ', ' }, { type: 'link', url: `#${number.dest}`, children: [{ type: 'text', value: number.label }] })
  })
  for (const [kind, targets] of [['see', entry.see], ['seeAlso', entry.seeAlso]] as const) {
    targets.forEach((target, position) => {
      if (position === 0) inlines.push({ type: 'text', value: inlines.length > 1 ? '; ' : ' ' }, { type: 'emphasis', children: [{ type: 'text', value: words[kind] }] }, { type: 'text', value: ' ' })
      else inlines.push({ type: 'text', value: '; ' })
      inlines.push({ type: 'text', value: termText(target) })
    })
  }
  // Every line is set to the continued lines' measure; the first stands out to their left, so the entry hangs.
  const lines = c.setText(inlines, fromResolved(grid.entry), 'left', grid.width - Math.max(indent, grid.runover), { hyphenate: false })
  const entryStruct = c.struct('P', struct)
  const spans = new Map<number, number>()
  lines.forEach((line, position) => {
    const x = position === 0 ? indent : grid.runover
    rows.push({ kind: 'line', drawings: c.runDrawings(line.runs, x, 0, entryStruct, spans), line, continues: position > 0 })
  })
  for (const subentry of entry.subentries) entryRows(c, subentry, depth + 1, pages, grid, struct, words, rows)
}

/**
 * The rows cut into pages of columns: each column as full as its capacity
 * lets it be, but for the last page, whose columns are balanced. A column
 * never ends inside an entry, nor with a letter's heading (it goes over with
 * its first entry); white rows at a column's head or foot are dropped.
 */
export function columnsOfPages(rows: readonly IndexRow[], columns: number, firstCapacity: number, capacity: number): IndexRow[][][] {
  const result: IndexRow[][][] = []
  let at = 0
  while (at < rows.length) {
    const fits = result.length === 0 ? firstCapacity : capacity
    const remaining = trimmed(rows.slice(at))
    // The last page: the columns share what is left as evenly as legal breaks allow.
    const balanced = remaining.length <= fits * columns ? balance(rows, at, columns, fits) : undefined
    if (balanced) {
      result.push(balanced.columns)
      break
    }
    const page: IndexRow[][] = []
    for (let column = 0; column < columns && at < rows.length; column++) {
      at = skipSpace(rows, at)
      const end = breakBefore(rows, at, Math.min(rows.length, at + fits))
      page.push(trimmed(rows.slice(at, end)))
      at = end
    }
    result.push(page)
    at = skipSpace(rows, at)
  }
  return result.filter((page) => page.some((column) => column.length > 0))
}

/** Whether a column may end just before row `at`. */
function canBreakBefore(rows: readonly IndexRow[], at: number): boolean {
  if (at >= rows.length) return true
  if (rows[at]!.continues) return false
  // A letter's heading, with any white after it, stays with its first entry.
  let before = at - 1
  while (before >= 0 && rows[before]!.kind === 'space') before--
  return before < 0 || rows[before]!.kind !== 'letter'
}

/** The last legal end of a column starting at `start` and holding at most up to `limit`; a column never ends empty. */
function breakBefore(rows: readonly IndexRow[], start: number, limit: number): number {
  if (limit >= rows.length) return rows.length
  for (let end = limit; end > start; end--) if (canBreakBefore(rows, end)) return end
  return limit
}

function balance(rows: readonly IndexRow[], start: number, columns: number, fits: number): { columns: IndexRow[][] } | undefined {
  const left = trimmed(rows.slice(start)).length
  // Try each column height from the even share up: the first that holds everything, breaking where allowed.
  for (let height = Math.ceil(left / columns); height <= fits; height++) {
    const page: IndexRow[][] = []
    let at = start
    for (let column = 0; column < columns; column++) {
      at = skipSpace(rows, at)
      const end = breakBefore(rows, at, Math.min(rows.length, at + height))
      page.push(trimmed(rows.slice(at, end)))
      at = end
    }
    if (skipSpace(rows, at) >= rows.length) return { columns: page }
  }
  return undefined
}

function skipSpace(rows: readonly IndexRow[], at: number): number {
  while (at < rows.length && rows[at]!.kind === 'space') at++
  return at
}

/** Rows without the white at their head and foot. */
function trimmed(rows: readonly IndexRow[]): IndexRow[] {
  let from = 0
  let to = rows.length
  while (from < to && rows[from]!.kind === 'space') from++
  while (to > from && rows[to - 1]!.kind === 'space') to--
  return rows.slice(from, to)
}

function shifted(drawing: Drawing, dx: number): Drawing {
  switch (drawing.kind) {
    case 'text':
    case 'rect':
    case 'image':
    case 'pageRef':
      return { ...drawing, x: drawing.x + dx }
    case 'rule':
      return { ...drawing, x1: drawing.x1 + dx, x2: drawing.x2 + dx }
    default:
      return assertNever(drawing)
  }
}

/**
 * The pages of an entry's locators, in order, consecutive pages merged into
 * a range; a range mark covers the pages from its start to its end. Each is
 * linked to the first mark on its first page.
 */
export function pageList(locators: readonly IndexLocator[], pages: DestPages): Array<{ label: string; dest: string }> {
  const firstDest = new Map<number, string>()
  const covered = new Set<number>()
  for (const locator of locators) {
    const dest = destName(locator.chapter, locator.id)
    const start = pages.get(dest)
    if (start === undefined) continue
    const end = locator.end ? (pages.get(destName(locator.end.chapter, locator.end.id)) ?? start) : start
    if (!firstDest.has(start)) firstDest.set(start, dest)
    for (let page = start; page <= Math.max(start, end); page++) covered.add(page)
  }
  const sorted = [...covered].sort((a, b) => a - b)
  const result: Array<{ label: string; dest: string }> = []
  for (let at = 0; at < sorted.length; ) {
    let last = at
    while (last + 1 < sorted.length && sorted[last + 1] === sorted[last]! + 1) last++
    const from = sorted[at]!
    const to = sorted[last]!
    // A run's link leads to the first mark on its first page, or, inside a range, to the range's start.
    const dest = firstDest.get(from) ?? nearestBefore(firstDest, from)
    result.push({ label: from === to ? String(from) : `${from}–${to}`, dest })
    at = last + 1
  }
  return result
}

function nearestBefore(firstDest: ReadonlyMap<number, string>, page: number): string {
  let best: number | undefined
  for (const start of firstDest.keys()) if (start <= page && (best === undefined || start > best)) best = start
  return firstDest.get(best ?? [...firstDest.keys()][0]!) ?? ''
}
