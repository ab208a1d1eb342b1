import type { Nodes, Root } from 'mdast'

/**
 * Where each stretch of a chapter's text came from, once its includes are
 * expanded: the parser counts lines in the expanded text, but a writer looks
 * for line:column in the chapter file as written. A stretch of the file's
 * own text maps character for character; a stretch an include brought in maps
 * as a whole to the include's directive (`{{#include …}}`) in the file.
 */
export interface Stretch {
  /** Offsets of the stretch in the expanded text (end exclusive). */
  start: number
  end: number
  /** Offset in the file's text of what the stretch starts with (its own text), or of the directive (included text). */
  origin: number
  /** The stretch is the file's own text, moved by the includes before it. */
  own: boolean
}

export class TextOrigins {
  private readonly expandedLines: number[]
  private readonly fileLines: number[]
  private readonly starts: number[]

  /** `stretches` cover the expanded text in order, without gaps; none is empty. */
  constructor(
    private readonly stretches: readonly Stretch[],
    expanded: string,
    file: string,
  ) {
    this.expandedLines = lineStarts(expanded)
    this.fileLines = lineStarts(file)
    this.starts = stretches.map((stretch) => stretch.start)
  }

  /** The place in the file as written of what stands at `line`:`column` (1-based) of the expanded text. */
  locate(line: number, column: number): { line: number; column: number; offset: number } {
    const lineStart = this.expandedLines[Math.min(Math.max(line, 1), this.expandedLines.length) - 1]!
    const offset = lineStart + column - 1
    const stretch = this.stretchAt(offset)
    const origin = stretch ? (stretch.own ? stretch.origin + (offset - stretch.start) : stretch.origin) : offset
    const index = lastAtOrBefore(this.fileLines, origin)
    return { line: index + 1, column: origin - this.fileLines[index]! + 1, offset: origin }
  }

  private stretchAt(offset: number): Stretch | undefined {
    if (this.stretches.length === 0) return undefined
    return this.stretches[lastAtOrBefore(this.starts, offset)]
  }
}

/**
 * Move every position in a parsed tree (or part of one) from the expanded
 * text to the file as written. Top-level nodes after `lastLine` (copies of
 * definitions appended to a part, see `parse/split-source.ts`) are moved to
 * after the part's last line as it maps, so that they stay outside it.
 * Returns that last line.
 */
export function relocateTree(tree: Root, origins: TextOrigins, lastLine: number): number {
  const own = tree.children.filter((child) => (child.position?.start.line ?? 0) <= lastLine)
  const copies = tree.children.filter((child) => (child.position?.start.line ?? 0) > lastLine)
  let last = 0
  const stack: Nodes[] = [...own]
  while (stack.length > 0) {
    const node = stack.pop()!
    const position = node.position
    if (position) {
      const start = origins.locate(position.start.line, position.start.column)
      const end = origins.locate(position.end.line, position.end.column)
      position.start = start
      position.end = end
      last = Math.max(last, end.line)
    }
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
  const mappedLast = Number.isFinite(lastLine) ? last : lastLine
  for (const copy of copies) {
    const stackCopies: Nodes[] = [copy]
    while (stackCopies.length > 0) {
      const node = stackCopies.pop()!
      if (node.position) {
        node.position.start = { line: mappedLast + 1, column: 1 }
        node.position.end = { line: mappedLast + 1, column: 1 }
      }
      if ('children' in node) for (const child of node.children) stackCopies.push(child)
    }
  }
  return mappedLast
}

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1)
  return starts
}

/** Index of the last value at or before `value` in an ascending array that starts at or before it. */
function lastAtOrBefore(values: readonly number[], value: number): number {
  let low = 0
  let high = values.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (values[middle]! <= value) low = middle
    else high = middle - 1
  }
  return low
}
