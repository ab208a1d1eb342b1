/**
 * Column widths of a table from its content, as CSS's automatic table layout
 * sets them (CSS 2.1 §17.5.2.2, with spans as browsers treat them). Each
 * column has a minimum width, the widest thing in it that may not break, and
 * a preferred width, its content set without a break:
 *
 * - if the preferred widths fit, each column gets its own, and the room left
 *   is shared in proportion to them (the table takes the measure, as the
 *   book's other blocks do, and a narrow column gains little);
 * - otherwise every column gets its minimum, and the room left is shared in
 *   proportion to what each would still take (preferred − minimum): a column
 *   of one-letter cells stays as narrow as its letters, a column of prose
 *   takes the rest and wraps; but a column whose content is short beside the
 *   room is first given its preferred width (see `shared`);
 * - a cell spanning columns widens them, when they are narrower together
 *   than it needs, in proportion to their preferred widths.
 *
 * Pure arithmetic on widths: what a cell's minimum and preferred widths are
 * is `cells.ts`'s to say.
 */

/** What one cell asks of the columns it stands in. */
export interface CellExtent {
  /** Its first column, and how many it spans. */
  column: number
  span: number
  /** The narrowest and the widest it may be set, its padding included. */
  min: number
  max: number
}

export interface ColumnWidths {
  widths: number[]
  /** Whether every column has at least its minimum: when not, some content must break where it should not. */
  fits: boolean
  /** The table's least width: the columns' minimums added up. */
  minimum: number
  /** How many columns are narrower than their minimum (0 when it fits). */
  short: number
}

/** Widths of `columns` columns holding `cells`, to fill `available` points. */
export function columnWidths(columns: number, cells: readonly CellExtent[], available: number): ColumnWidths {
  const { min, max } = columnExtents(columns, cells)
  const sumMin = sum(min)
  const sumMax = sum(max)
  if (columns === 0) return { widths: [], fits: true, minimum: 0, short: 0 }
  if (sumMax <= available) {
    const rest = available - sumMax
    const widths = max.map((width) => width + rest * (sumMax > 0 ? width / sumMax : 1 / columns))
    return { widths, fits: true, minimum: sumMin, short: 0 }
  }
  if (sumMin <= available) return { widths: shared(min, max, available), fits: true, minimum: sumMin, short: 0 }
  const widths = capped(min, available)
  return { widths, fits: false, minimum: sumMin, short: widths.filter((width, column) => width < min[column]! - 1e-6).length }
}

/**
 * Widths when the preferred widths do not fit but the minimums do. A column
 * whose preferred width is no more than an equal share of the room is set at
 * it, unbroken, as long as the others keep their minimums: a cell such as
 * `Row 12` does not wrap to give a column of prose a few points more (CSS's
 * rule alone would wrap it). The other columns get their minimums and share
 * what is left in proportion to what each would still take.
 */
function shared(min: readonly number[], max: readonly number[], available: number): number[] {
  const whole = new Set<number>()
  for (;;) {
    const rest = min.map((_, column) => column).filter((column) => !whole.has(column))
    const room = available - [...whole].reduce((total, column) => total + max[column]!, 0)
    const short = rest.filter((column) => max[column]! <= room / rest.length)
    if (short.length === 0 || short.length === rest.length) break
    const left = room - short.reduce((total, column) => total + max[column]!, 0)
    const needed = rest.filter((column) => !short.includes(column)).reduce((total, column) => total + min[column]!, 0)
    if (left < needed) break
    for (const column of short) whole.add(column)
  }
  const flexibleColumns = min.map((_, column) => column).filter((column) => !whole.has(column))
  const room = available - [...whole].reduce((total, column) => total + max[column]!, 0) - flexibleColumns.reduce((total, column) => total + min[column]!, 0)
  const flexible = flexibleColumns.reduce((total, column) => total + max[column]! - min[column]!, 0)
  return min.map((width, column) => (whole.has(column) ? max[column]! : width + (flexible > 0 ? (room * (max[column]! - width)) / flexible : room / flexibleColumns.length)))
}

/** Each column's minimum and preferred width, single cells first, then spanning cells from the narrowest span up. */
export function columnExtents(columns: number, cells: readonly CellExtent[]): { min: number[]; max: number[] } {
  const min = new Array<number>(columns).fill(0)
  const max = new Array<number>(columns).fill(0)
  for (const cell of cells) {
    if (cell.span !== 1 || cell.column >= columns) continue
    min[cell.column] = Math.max(min[cell.column]!, cell.min)
    max[cell.column] = Math.max(max[cell.column]!, cell.max)
  }
  const spanning = cells.filter((cell) => cell.span > 1).sort((a, b) => a.span - b.span)
  for (const cell of spanning) {
    const spanned = Array.from({ length: Math.min(cell.span, columns - cell.column) }, (_, index) => cell.column + index)
    // The preferred widths as they stand weigh both, so that the minimum too goes where the content is.
    const weights = spanned.map((column) => max[column]!)
    widen(min, spanned, cell.min, weights)
    widen(max, spanned, cell.max, weights)
  }
  for (let column = 0; column < columns; column++) max[column] = Math.max(max[column]!, min[column]!)
  return { min, max }
}

/** Widen `spanned` of `widths` so that together they are at least `need`, each by its part of `weights` (equally if none weighs). */
function widen(widths: number[], spanned: readonly number[], need: number, weights: readonly number[]): void {
  const have = spanned.reduce((total, column) => total + widths[column]!, 0)
  if (need <= have || spanned.length === 0) return
  const total = sum(weights)
  spanned.forEach((column, index) => {
    widths[column]! += (need - have) * (total > 0 ? weights[index]! / total : 1 / spanned.length)
  })
}

/**
 * Widths for a table that cannot fit even at its minimums (the last resort,
 * before its content gets emergency breaks): a column whose minimum is no
 * more than an equal share of what the others leave keeps it; the columns too
 * wide for that share it equally. One long identifier then breaks, and does
 * not squeeze every other column.
 */
function capped(min: readonly number[], available: number): number[] {
  const kept = new Set<number>()
  let share = available / min.length
  for (;;) {
    const free = min.map((_, column) => column).filter((column) => !kept.has(column))
    const taken = [...kept].reduce((total, column) => total + min[column]!, 0)
    share = free.length > 0 ? (available - taken) / free.length : 0
    const fitting = free.filter((column) => min[column]! <= share)
    if (fitting.length === 0 || fitting.length === free.length) break
    for (const column of fitting) kept.add(column)
  }
  return min.map((width, column) => (kept.has(column) ? width : Math.max(0, share)))
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0)
}
