import type { CellAlign, Table, TableCell } from './book.js'

/** A cell of a table placed on its grid. */
export interface GridCell {
  cell: TableCell
  /** Grid row and column of its top-left slot. */
  row: number
  column: number
  rowspan: number
  colspan: number
  /** Whether it stands in a header row. */
  header: boolean
  align: CellAlign | null
}

export interface TableGrid {
  columns: number
  rows: number
  /** The cells in document order (row by row, left to right). */
  cells: GridCell[]
}

/**
 * Where each cell of a table stands, as HTML's table model places them: a
 * cell takes the first column its row has free (slots taken by a cell from a
 * row above, spanning down, are skipped), and occupies `rowspan` × `colspan`
 * slots. A span that runs past the last row is cut at it. Columns are as many
 * as the widest row needs, so a ragged table becomes rectangular.
 */
export function tableGrid(table: Table): TableGrid {
  const taken: boolean[][] = table.rows.map(() => [])
  const cells: GridCell[] = []
  let columns = 0
  table.rows.forEach((row, rowIndex) => {
    let column = 0
    for (const cell of row) {
      while (taken[rowIndex]![column]) column++
      const rowspan = Math.max(1, Math.min(cell.rowspan ?? 1, table.rows.length - rowIndex))
      const colspan = Math.max(1, cell.colspan ?? 1)
      for (let r = rowIndex; r < rowIndex + rowspan; r++) for (let c = column; c < column + colspan; c++) taken[r]![c] = true
      cells.push({ cell, row: rowIndex, column, rowspan, colspan, header: rowIndex < table.headerRows, align: cell.align ?? table.align[column] ?? null })
      column += colspan
      columns = Math.max(columns, column)
    }
  })
  for (const row of taken) columns = Math.max(columns, row.length)
  return { columns, rows: table.rows.length, cells }
}
