import type { Table as MdastTable } from 'mdast'
import type { Block, Table, TableCell } from '../../model/book.js'
import type { State } from '../state.js'
import { withPlace } from '../with-place.js'

/** A GFM table: the first row is the header row; every row has as many cells as the header. */
export function table(state: State, node: MdastTable): Block[] {
  const rows: TableCell[][] = node.children.map((row) => row.children.map((cell) => ({ children: state.inlines(cell) })))
  const columns = rows[0]?.length ?? 0
  const align: Table['align'] = Array.from({ length: columns }, (_, index) => node.align?.[index] ?? null)
  // micromark drops extra cells and leaves short rows short; pad them so every row is rectangular.
  for (const row of rows) while (row.length < columns) row.push({ children: [] })
  return [withPlace({ type: 'table', align, rows, headerRows: rows.length > 0 ? 1 : 0 }, state.place(node))]
}
