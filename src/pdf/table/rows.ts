/**
 * The vertical side of a table: row heights from the cells in them (a cell
 * spanning rows shares its height out over them), the groups of rows that
 * must stand on one page together (rows a cell spans; the header rows), and
 * where a group taller than a page may be cut between lines of text.
 */

/** A cell as the rows see it: where it starts, how many rows it spans, how tall it is (padding included). */
export interface RowCell {
  row: number
  rowspan: number
  height: number
}

/**
 * Each row's height: the tallest cell that stands in it alone; then a cell
 * spanning rows that is taller than they are together makes each of them
 * taller by an equal part of the difference (narrower spans first).
 */
export function rowHeights(rows: number, cells: readonly RowCell[]): number[] {
  const heights = new Array<number>(rows).fill(0)
  for (const cell of cells) if (cell.rowspan === 1 && cell.row < rows) heights[cell.row] = Math.max(heights[cell.row]!, cell.height)
  const spanning = cells.filter((cell) => cell.rowspan > 1).sort((a, b) => a.rowspan - b.rowspan)
  for (const cell of spanning) {
    const end = Math.min(rows, cell.row + cell.rowspan)
    let have = 0
    for (let row = cell.row; row < end; row++) have += heights[row]!
    if (cell.height <= have) continue
    const extra = (cell.height - have) / (end - cell.row)
    for (let row = cell.row; row < end; row++) heights[row]! += extra
  }
  return heights
}

/** Rows `[start, end)` that stand together: a page may break before `start`, never inside. */
export interface RowGroup {
  start: number
  end: number
  header: boolean
}

/**
 * The table's rows in groups: the header rows in one (they are set again at
 * the top of every page the table runs on), then each body row alone, unless
 * a cell spans it and the next, which then go together.
 */
export function rowGroups(rows: number, headerRows: number, cells: ReadonlyArray<Pick<RowCell, 'row' | 'rowspan'>>): RowGroup[] {
  const head = Math.min(rows, Math.max(0, headerRows))
  const groups: RowGroup[] = head > 0 ? [{ start: 0, end: head, header: true }] : []
  // The last row each body row is bound to by a cell spanning down from it or from above.
  const reach = Array.from({ length: rows }, (_, row) => row)
  for (const cell of cells) {
    if (cell.row < head) continue
    const last = Math.min(rows, cell.row + cell.rowspan) - 1
    reach[cell.row] = Math.max(reach[cell.row]!, last)
  }
  let start = head
  while (start < rows) {
    let end = start + 1
    let bound = reach[start]!
    while (end <= bound && end < rows) {
      bound = Math.max(bound, reach[end]!)
      end++
    }
    groups.push({ start, end, header: false })
    start = end
  }
  return groups
}

/** The vertical extent of one line of text in a group: from `top` to `top + height`. */
export interface LineSlot {
  top: number
  height: number
}

/**
 * Where a group taller than a page may be cut: at the top of a line of text
 * that no other line straddles, so that every line stands whole on one page.
 * The group's top (0) is not a cut.
 */
export function cutPositions(slots: readonly LineSlot[]): number[] {
  const tops = [...new Set(slots.map((slot) => slot.top))].filter((top) => top > 1e-6).sort((a, b) => a - b)
  return tops.filter((y) => !slots.some((slot) => slot.top < y - 1e-6 && slot.top + slot.height > y + 1e-6))
}
