import type { Nodes, Root } from 'mdast'

/**
 * Put back the columns that removing control characters took away: the
 * parser counts columns in the cleaned text, but a writer looks for
 * line:column in the file as written. Nothing to do in the usual case,
 * when nothing was removed.
 */
export function restoreColumns(tree: Root, removed: ReadonlyArray<{ line: number; column: number }>): void {
  if (removed.length === 0) return
  const byLine = new Map<number, number[]>()
  for (const { line, column } of removed) {
    const columns = byLine.get(line) ?? []
    columns.push(column)
    byLine.set(line, columns)
  }
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.position) {
      node.position.start.column = original(node.position.start.line, node.position.start.column, byLine)
      node.position.end.column = original(node.position.end.line, node.position.end.column, byLine)
    }
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
}

/** The column in the written line of what stands at `column` once the removed characters are gone. */
function original(line: number, column: number, byLine: ReadonlyMap<number, number[]>): number {
  const removedColumns = byLine.get(line)
  if (!removedColumns) return column
  let result = column
  // Removed columns are in ascending order: each one at or before the result pushes it right.
  for (const removedColumn of removedColumns) {
    if (removedColumn <= result) result += 1
    else break
  }
  return result
}
