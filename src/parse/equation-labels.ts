import type { Nodes, Root } from 'mdast'

/**
 * Labels of displayed formulas written as pandoc-crossref writes them, after
 * a `$$ … $$` block of several lines: on its closing line (`$$ {#eq:energy}`)
 * or alone on the next line (`{#eq:energy}`). micromark would read the first
 * as no closing fence at all (a fence takes nothing after its dollars), and
 * the formula would run to the end of the file; the second as a paragraph.
 * So before the parse each such label is blanked out, spaces for its
 * characters (every position in the file stays where it was), and noted by
 * its line; after the parse it is given to the formula that ends there.
 *
 * Only formulas at the start of a line (not inside block quotes or lists)
 * are read so, and never inside fenced code.
 */

/** `{#eq:label}` and the spaces around it, as a whole line's end. */
const LABEL = /^([ \t]*)\{#(eq:[^\s{}]+)\}([ \t]*)$/
/** A line opening or closing fenced code: three or more backticks or tildes, indented by at most three spaces. */
const CODE_FENCE = /^ {0,3}(`{3,}|~{3,})/
/** A line opening a displayed formula: two or more dollars and no dollar after them (micromark's rule for math fences). */
const MATH_OPEN = /^ {0,3}(\${2,})[^$]*$/

export interface EquationLabels {
  text: string
  /** The label by the line (1-based) of the closing `$$` of its formula. */
  byClosingLine: Map<number, string>
}

/** The text with the labels of multi-line formulas blanked, and the labels by closing line. */
export function takeEquationLabels(text: string): EquationLabels {
  const byClosingLine = new Map<number, string>()
  // Cheap test first: nearly every manuscript has no label.
  if (!text.includes('{#eq:')) return { text, byClosingLine }
  const lines = text.split('\n')
  let code: string | undefined
  let math: string | undefined
  let closedAt = -1
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.replace(/\r$/, '')
    const carriage = lines[index]!.length - line.length
    if (code !== undefined) {
      const fence = CODE_FENCE.exec(line)
      if (fence && fence[1]![0] === code[0] && fence[1]!.length >= code.length && line.trim() === fence[1]) code = undefined
      continue
    }
    if (math !== undefined) {
      const closing = new RegExp(`^ {0,3}\\$\{${math.length},}`).exec(line)
      if (closing) {
        const rest = line.slice(closing[0].length)
        const label = LABEL.exec(rest)
        if (rest.trim() === '' || label) {
          if (label) {
            byClosingLine.set(index + 1, label[2]!)
            lines[index] = line.slice(0, closing[0].length) + ' '.repeat(rest.length) + '\r'.repeat(carriage)
          }
          math = undefined
          closedAt = label ? -1 : index
          continue
        }
      }
      continue
    }
    if (closedAt === index - 1 && closedAt >= 0) {
      const label = LABEL.exec(line)
      if (label) {
        byClosingLine.set(closedAt + 1, label[2]!)
        lines[index] = ' '.repeat(line.length) + '\r'.repeat(carriage)
        closedAt = -1
        continue
      }
    }
    closedAt = -1
    const fence = CODE_FENCE.exec(line)
    if (fence) {
      code = fence[1]!
      continue
    }
    const open = MATH_OPEN.exec(line)
    // A formula on one line (`$$ x $$`) is a paragraph's, not a fence's: its label is read with the paragraph.
    if (open) math = open[1]!
  }
  return { text: lines.join('\n'), byClosingLine }
}

/** Give each displayed formula of the tree whose closing line holds (or is followed by) a label that label, on its `data`. */
export function applyEquationLabels(tree: Root, labels: EquationLabels): void {
  if (labels.byClosingLine.size === 0) return
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'math') {
      const label = node.position ? labels.byClosingLine.get(node.position.end.line) : undefined
      if (label !== undefined) node.data = { ...node.data, ...({ octavoLabel: label } as object) }
    }
    if ('children' in node) stack.push(...(node.children as Nodes[]))
  }
}

/** The label `applyEquationLabels` gave a formula's node, if any. */
export function equationLabel(node: Nodes): string | undefined {
  return (node.data as { octavoLabel?: string } | undefined)?.octavoLabel
}
