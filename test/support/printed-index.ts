/**
 * The printed index read back from a PDF, and what it should say: the tests
 * of books with an index compare the two.
 */
import type { Theme } from '../../src/theme/index.js'
import { columnLines, type PdfLine } from './pdf-links.js'

/** Page numbers as an index prints them: sorted, each once, runs of pages as ranges (`3, 7–9`). */
export function mergedPages(pages: Iterable<number>): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b)
  const runs: string[] = []
  for (let at = 0; at < sorted.length; ) {
    let last = at
    while (last + 1 < sorted.length && sorted[last + 1] === sorted[last]! + 1) last++
    runs.push(at === last ? String(sorted[at]) : `${sorted[at]}–${sorted[last]}`)
    at = last + 1
  }
  return runs.join(', ')
}

/**
 * The index's entries from `indexPage` on, read column by column: entry lines
 * (not the title, a letter group's heading — matched by `heading` — or a
 * folio), nested by their indentation, an entry's continued lines (standing
 * in by the runover, past one level of subentries) joined to it. `lines` are
 * the entry lines themselves, for checks of where and how they are set.
 */
export function printedIndexEntries(
  lines: readonly PdfLine[],
  indexPage: number,
  theme: Theme,
  heading: RegExp,
): { lines: Array<PdfLine & { column: number }>; entries: Array<{ text: string; depth: number }> } {
  const { size, index: shape } = theme
  const subentry = shape.subentryIndent * size * shape.scale
  const runover = subentry + shape.runover * size * shape.scale
  const read = columnLines(lines.filter((line) => line.page >= indexPage), shape.columns)
  const entryLines = read.filter((line) => line.column >= 0 && line.text !== 'Index' && !/^\d+$/.test(line.text) && !heading.test(line.text))
  const columnLeft = (line: (typeof read)[number]): number => Math.min(...entryLines.filter((other) => other.page === line.page && other.column === line.column).map((other) => other.items[0]!.x))
  const entries: Array<{ text: string; depth: number }> = []
  for (const line of entryLines) {
    const offset = line.items[0]!.x - columnLeft(line)
    if (Math.abs(offset - runover) < 1 && entries.length > 0) entries[entries.length - 1]!.text += ` ${line.text}`
    else entries.push({ text: line.text, depth: Math.round(offset / subentry) })
  }
  return { lines: entryLines, entries }
}
