import type { Nodes, Root } from 'mdast'

/**
 * Cutting a very large Markdown file into parts that parse separately.
 *
 * micromark holds the whole document's events, and the mdast, at once: a
 * 20 MB manuscript parsed whole peaked at 2.3 GB. Parts of a few hundred
 * kilobytes, converted to the model one after another, keep memory to the
 * size of the model. Parts are cut only before an ATX heading standing at
 * the start of a line outside fenced code, HTML blocks and front matter:
 * there a heading always starts a new top-level block, so the parts parse
 * as the whole would.
 *
 * One thing does cross parts: references. A link reference or footnote call
 * only parses as one if its label is defined in the same document, so every
 * definition found at the start of a line is copied (as `definitions`) for
 * the caller to append to each part; the copies print nothing.
 */

export interface SourcePart {
  text: string
  /** Line of the whole file on which the part starts (1-based). */
  line: number
  /** Character offset of the part in the whole file. */
  offset: number
  /** The part ends inside fenced code or an HTML block (only the last part can). */
  endsOpen: boolean
}

export interface SplitSource {
  parts: SourcePart[]
  /** Link and footnote definitions of the whole file, as Markdown, one per line. */
  definitions: string
}

/** Files longer than this (in characters) are parsed in parts. */
export const SPLIT_THRESHOLD = 1_000_000

/** Length a part grows to before it is cut at the next heading. */
export const PART_LENGTH = 256_000

const FENCE = /^ {0,3}(`{3,}|~{3,})/
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/
const LINK_DEFINITION = /^ {0,3}\[(?!\^)(?:[^\]\\]|\\.)+\]:[ \t]*\S/
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:/

/** HTML blocks that run to an end marker, not to a blank line (CommonMark types 1–5). */
const HTML_BLOCKS: Array<{ start: RegExp; end: RegExp }> = [
  { start: /^ {0,3}<(?:pre|script|style|textarea)(?:[\s>]|$)/i, end: /<\/(?:pre|script|style|textarea)>/i },
  { start: /^ {0,3}<!--/, end: /-->/ },
  { start: /^ {0,3}<\?/, end: /\?>/ },
  { start: /^ {0,3}<![A-Za-z]/, end: />/ },
  { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/ },
]

export function splitSource(text: string, partLength = PART_LENGTH): SplitSource {
  const parts: SourcePart[] = []
  const links: string[] = []
  const footnotes: string[] = []
  let fence: { marker: string; length: number } | undefined
  let htmlEnd: RegExp | undefined
  let inFrontMatter = text.startsWith('---\n') || text.startsWith('---\r\n')
  let partStart = 0
  let partLine = 1
  let line = 1
  let position = 0

  while (position < text.length) {
    const newline = text.indexOf('\n', position)
    const end = newline === -1 ? text.length : newline + 1
    const content = text.slice(position, newline === -1 ? text.length : newline).replace(/\r$/, '')

    if (inFrontMatter) {
      if (line > 1 && /^(?:---|\.\.\.)\s*$/.test(content)) inFrontMatter = false
    } else if (fence) {
      const closing = FENCE.exec(content)
      if (closing && closing[1]![0] === fence.marker && closing[1]!.length >= fence.length && /^ {0,3}[`~]+\s*$/.test(content)) {
        fence = undefined
      }
    } else if (htmlEnd) {
      if (htmlEnd.test(content)) htmlEnd = undefined
    } else {
      if (ATX_HEADING.test(content) && position - partStart >= partLength) {
        parts.push({ text: text.slice(partStart, position), line: partLine, offset: partStart, endsOpen: false })
        partStart = position
        partLine = line
      }
      const opening = FENCE.exec(content)
      const html = HTML_BLOCKS.find((block) => block.start.test(content))
      if (opening && !(opening[1]![0] === '`' && content.slice(opening[0].length).includes('`'))) {
        fence = { marker: opening[1]![0]!, length: opening[1]!.length }
      } else if (html && !html.end.test(content.replace(html.start, ''))) {
        htmlEnd = html.end
      } else if (LINK_DEFINITION.test(content)) {
        links.push(content.trim())
      } else {
        const footnote = FOOTNOTE_DEFINITION.exec(content)
        if (footnote) footnotes.push(`[^${footnote[1]}]: .`)
      }
    }
    position = end
    line += 1
  }
  parts.push({
    text: text.slice(partStart),
    line: partLine,
    offset: partStart,
    endsOpen: fence !== undefined || htmlEnd !== undefined || inFrontMatter,
  })
  // Link definitions may follow each other line by line; a footnote definition is a
  // container whose paragraph would swallow the next line, so each stands apart.
  const definitions = [...(links.length > 0 ? [links.join('\n')] : []), ...footnotes].join('\n\n')
  return { parts, definitions }
}

/** Move every position in a part's tree to where the part stands in the whole file. */
export function shiftPositions(tree: Root, lines: number, offset: number): void {
  if (lines === 0 && offset === 0) return
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    const position = node.position
    if (position) {
      position.start.line += lines
      position.end.line += lines
      if (position.start.offset !== undefined) position.start.offset += offset
      if (position.end.offset !== undefined) position.end.offset += offset
    }
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
}
